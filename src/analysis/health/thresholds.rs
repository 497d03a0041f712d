//! Every threshold of the health rules, with its default and why. Stored in the workspace as JSON;
//! missing keys take their defaults, so older workspaces keep working when rules gain settings.
//!
//! The defaults were chosen on the month-end backtest of the demo portfolio (several seeds): a
//! 4-month share window with orange at 15 points warns about as many losses as a 6-month window at
//! 20 points but a month or two earlier; an 18-month baseline estimates a wandering share's level
//! better than 12 months (which can catch a high plateau), and with the 3-standard-deviation test
//! keeps wandering shares quiet. Making business decline more sensitive (half-year at 80%) warned shrinking customers a
//! little earlier but turned several steady ones orange, so it stays at 75%.

use super::SignalKind;
use serde::{Deserialize, Serialize};

/// The health rules' thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthSettings {
    /// Months of our sales history a customer needs before its share can decline (short histories
    /// have no "usual" to depart from).
    pub min_history_months: usize,

    /// Share decline: the recent window, in months.
    pub share_recent_months: usize,
    /// Share decline: the baseline window just before it, in months.
    pub share_base_months: usize,
    /// Share decline: the customer's category purchases over the baseline, scaled to a year, must be
    /// at least this (USD): below it, a few lots swing the share.
    pub share_min_category_usd: f64,
    /// Share decline: a fall of at least this many share points (0.10 = 10 points) is yellow …
    pub share_drop_yellow: f64,
    /// … and of at least this many is orange.
    pub share_drop_orange: f64,
    /// Share decline: the fall must also exceed this many times the customer's own usual quarterly
    /// wander, so a share that always wanders does not alarm …
    pub share_drop_sd: f64,
    /// … but a fall of this many points always counts, however much the share used to move.
    pub share_drop_cap: f64,
    /// Share decline: the category may fall to this fraction of its baseline monthly average and
    /// still count as holding (below, the customer buys less overall: business decline).
    pub share_category_holds: f64,
    /// Share decline: orange also when our monthly sales fell by at least this fraction.
    pub share_our_fall_orange: f64,

    /// New supplier: a supplier counts as new when it had not shipped to the customer in this many
    /// months before its first lot.
    pub new_supplier_lookback_months: usize,
    /// New supplier: it stays flagged for this many months after its first lot.
    pub new_supplier_recent_months: usize,
    /// New supplier: orange when it shipped in at least this many of the recent months (a plan B
    /// being built, not a trial) while we held most of the business.
    pub new_supplier_regular_months: usize,
    /// New supplier: "we held most of the business" means at least this share before it came.
    pub new_supplier_dominant_share: f64,
    /// New supplier: a newcomer taking at least this share of the recent category purchases is
    /// flagged even at a customer with many suppliers …
    pub new_supplier_material_share: f64,
    /// … and orange from this share on.
    pub new_supplier_orange_share: f64,

    /// Demand gap: purchases outside our catalog count from this much a year (USD) …
    pub demand_min_usd: f64,
    /// … and from this fraction of what the customer buys from us.
    pub demand_min_vs_ours: f64,
    /// Demand gap: growth over the prior year that counts (0.3 = +30%); a new code always counts.
    pub demand_growth: f64,
    /// Demand gap: orange when such purchases reach this fraction of what it buys from us.
    pub demand_orange_vs_ours: f64,

    /// Business decline: the customer's total imports over the prior year must reach this (USD) …
    pub business_min_usd: f64,
    /// … in at least this many of its months (a buyer of a few big lots has no quarters to compare).
    pub business_min_active_months: usize,
    /// Business decline: a quarter counts as a fall when below the same quarter a year earlier by
    /// at least this fraction (year on year, so seasons compare with themselves).
    pub business_quarter_fall: f64,
    /// Business decline: orange when the last 12 months fell to this fraction of the 12 before, with
    /// three falling quarters in a row …
    pub business_orange_ratio: f64,
    /// … or when the last six months fell to this fraction of the same months a year earlier, with
    /// two falling quarters in a row …
    pub business_half_year_ratio: f64,
    /// … and red when the last 12 months fell to this fraction, with two falling quarters in a row.
    pub business_red_ratio: f64,

    /// Order rhythm: shipments this many days apart or closer are one order (a lot split over several
    /// containers or days).
    pub rhythm_same_order_days: i64,
    /// Order rhythm: at least this many of our orders in the last two years make a rhythm.
    pub rhythm_min_orders: usize,
    /// Order rhythm: yellow when the days since our last shipment exceed this many usual gaps …
    pub rhythm_yellow_gaps: f64,
    /// … orange beyond this many.
    pub rhythm_orange_gaps: f64,
    /// Order rhythm: and never before this many days, whatever the usual gap.
    pub rhythm_min_days: i64,
    /// Order rhythm: our sales over the last year must reach this (USD).
    pub rhythm_min_usd: f64,

    /// Growth: the last six months at least this many times the same six months a year earlier …
    pub growth_ratio: f64,
    /// … and at least this much more (USD), so a tiny customer doubling is not an opportunity.
    pub growth_min_increase_usd: f64,
}

impl HealthSettings {
    /// Checks that every threshold makes sense; the message names the first that does not.
    pub fn validate(&self) -> Result<(), String> {
        let months = [
            ("min_history_months", self.min_history_months, 1),
            ("share_recent_months", self.share_recent_months, 1),
            ("share_base_months", self.share_base_months, 3),
            ("new_supplier_lookback_months", self.new_supplier_lookback_months, 1),
            ("new_supplier_recent_months", self.new_supplier_recent_months, 1),
            ("new_supplier_regular_months", self.new_supplier_regular_months, 1),
            ("business_min_active_months", self.business_min_active_months, 1),
            ("rhythm_min_orders", self.rhythm_min_orders, 3),
        ];
        for (name, value, min) in months {
            if value < min || value > 120 {
                return Err(format!("{name} must be between {min} and 120 months (or orders), not {value}"));
            }
        }
        let fractions = [
            ("share_drop_yellow", self.share_drop_yellow),
            ("share_drop_orange", self.share_drop_orange),
            ("share_drop_cap", self.share_drop_cap),
            ("share_category_holds", self.share_category_holds),
            ("share_our_fall_orange", self.share_our_fall_orange),
            ("new_supplier_dominant_share", self.new_supplier_dominant_share),
            ("new_supplier_material_share", self.new_supplier_material_share),
            ("new_supplier_orange_share", self.new_supplier_orange_share),
            ("business_quarter_fall", self.business_quarter_fall),
            ("business_orange_ratio", self.business_orange_ratio),
            ("business_half_year_ratio", self.business_half_year_ratio),
            ("business_red_ratio", self.business_red_ratio),
            ("demand_orange_vs_ours", self.demand_orange_vs_ours),
        ];
        for (name, value) in fractions {
            if !(value > 0.0 && value <= 1.0) {
                return Err(format!("{name} is a fraction between 0 and 1 (0.15 = 15%), not {value}"));
            }
        }
        let positives = [
            ("share_drop_sd", self.share_drop_sd),
            ("share_min_category_usd", self.share_min_category_usd),
            ("demand_min_usd", self.demand_min_usd),
            ("demand_min_vs_ours", self.demand_min_vs_ours),
            ("demand_growth", self.demand_growth),
            ("business_min_usd", self.business_min_usd),
            ("rhythm_min_usd", self.rhythm_min_usd),
            ("growth_min_increase_usd", self.growth_min_increase_usd),
        ];
        for (name, value) in positives {
            if !(value.is_finite() && value >= 0.0) {
                return Err(format!("{name} must be zero or more, not {value}"));
            }
        }
        for (name, value) in [
            ("rhythm_yellow_gaps", self.rhythm_yellow_gaps),
            ("rhythm_orange_gaps", self.rhythm_orange_gaps),
            ("growth_ratio", self.growth_ratio),
        ] {
            if !(value.is_finite() && value > 1.0) {
                return Err(format!("{name} must be more than 1, not {value}"));
            }
        }
        if self.rhythm_min_days < 1 || self.rhythm_same_order_days < 0 {
            return Err("rhythm_min_days must be at least 1 and rhythm_same_order_days at least 0".into());
        }
        Ok(())
    }

    /// Months of history one month end's rules look back over: the share rule's windows with two
    /// years of quarters before them, the new-supplier lookback, and the two-year rules.
    pub fn history_months(&self) -> usize {
        (self.share_recent_months + self.share_base_months + 24)
            .max(self.new_supplier_lookback_months + self.new_supplier_recent_months)
            .max(25)
    }
}

impl Default for HealthSettings {
    fn default() -> Self {
        HealthSettings {
            min_history_months: 12,
            share_recent_months: 4,
            share_base_months: 18,
            share_min_category_usd: 20_000.0,
            share_drop_yellow: 0.10,
            share_drop_orange: 0.15,
            share_drop_sd: 3.0,
            share_drop_cap: 0.25,
            share_category_holds: 0.7,
            share_our_fall_orange: 0.4,
            new_supplier_lookback_months: 24,
            new_supplier_recent_months: 6,
            new_supplier_regular_months: 3,
            new_supplier_dominant_share: 0.85,
            new_supplier_material_share: 0.10,
            new_supplier_orange_share: 0.25,
            demand_min_usd: 20_000.0,
            demand_min_vs_ours: 0.25,
            demand_growth: 0.30,
            demand_orange_vs_ours: 0.5,
            business_min_usd: 50_000.0,
            business_min_active_months: 8,
            business_quarter_fall: 0.10,
            business_orange_ratio: 0.80,
            business_half_year_ratio: 0.75,
            business_red_ratio: 0.70,
            rhythm_same_order_days: 14,
            rhythm_min_orders: 6,
            rhythm_yellow_gaps: 2.5,
            rhythm_orange_gaps: 4.0,
            rhythm_min_days: 60,
            rhythm_min_usd: 10_000.0,
            growth_ratio: 2.5,
            growth_min_increase_usd: 20_000.0,
        }
    }
}

impl HealthSettings {
    /// A threshold's value by its field name (as [`THRESHOLDS`] and the stored JSON name it).
    pub fn get(&self, name: &str) -> Option<f64> {
        serde_json::to_value(self).ok()?.get(name)?.as_f64()
    }

    /// Sets a threshold by its field name; whole-number fields take the value rounded. Does not
    /// validate (see [`HealthSettings::validate`]); fails for an unknown name or a value the field
    /// cannot hold.
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        let mut json = serde_json::to_value(&*self).map_err(|e| e.to_string())?;
        let Some(slot) = json.get_mut(name) else { return Err(format!("no threshold '{name}'")) };
        *slot = if slot.is_u64() || slot.is_i64() { serde_json::json!(value.round() as i64) } else { serde_json::json!(value) };
        *self = serde_json::from_value(json).map_err(|_| format!("'{value}' does not fit {name}"))?;
        Ok(())
    }
}

/// What a threshold counts: how a form shows it and how it is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole months.
    Months,
    /// Whole orders.
    Orders,
    /// Whole days.
    Days,
    /// US dollars.
    Usd,
    /// A fraction shown as a percentage (0.15 = 15%).
    Percent,
    /// A multiple (2.5 = 2.5 times).
    Times,
}

impl Unit {
    /// The field holds whole numbers.
    pub fn whole(self) -> bool {
        matches!(self, Unit::Months | Unit::Orders | Unit::Days)
    }
}

/// The values [`HealthSettings::validate`] accepts for one threshold: `min` (left out when
/// `min_excluded`) to `max` (infinite: no upper limit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// The smallest value.
    pub min: f64,
    /// `min` itself is refused (a fraction must be above 0, a multiple above 1).
    pub min_excluded: bool,
    /// The largest value.
    pub max: f64,
}

impl Bounds {
    /// Months or orders: from `min` to 120.
    const fn count(min: f64) -> Bounds {
        Bounds { min, min_excluded: false, max: 120.0 }
    }
    /// A fraction above 0, at most 1.
    const FRACTION: Bounds = Bounds { min: 0.0, min_excluded: true, max: 1.0 };
    /// Zero or more.
    const NON_NEGATIVE: Bounds = Bounds { min: 0.0, min_excluded: false, max: f64::INFINITY };
    /// More than 1.
    const ABOVE_ONE: Bounds = Bounds { min: 1.0, min_excluded: true, max: f64::INFINITY };
    /// `min` or more.
    const fn at_least(min: f64) -> Bounds {
        Bounds { min, min_excluded: false, max: f64::INFINITY }
    }

    /// True when `validate` accepts the value.
    pub fn contains(&self, value: f64) -> bool {
        let above = if self.min_excluded { value > self.min } else { value >= self.min };
        value.is_finite() && above && value <= self.max
    }
}

/// One threshold described for people: its field name, the rule it belongs to (none: all rules),
/// unit, accepted values, a short label and the reason it exists, in English and Chinese.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    /// The field name (as stored and as `thresholds set` takes it).
    pub name: &'static str,
    /// The rule it tunes.
    pub rule: Option<SignalKind>,
    /// What it counts.
    pub unit: Unit,
    /// What it accepts.
    pub bounds: Bounds,
    /// Short label, English.
    pub label_en: &'static str,
    /// Short label, Chinese.
    pub label_zh: &'static str,
    /// What it does and why, English.
    pub reason_en: &'static str,
    /// The same in Chinese.
    pub reason_zh: &'static str,
}

const fn th(
    name: &'static str,
    rule: Option<SignalKind>,
    unit: Unit,
    bounds: Bounds,
    label: [&'static str; 2],
    reason: [&'static str; 2],
) -> Threshold {
    Threshold { name, rule, unit, bounds, label_en: label[0], label_zh: label[1], reason_en: reason[0], reason_zh: reason[1] }
}

const SHARE: Option<SignalKind> = Some(SignalKind::ShareDecline);
const NEW: Option<SignalKind> = Some(SignalKind::NewSupplier);
const DEMAND: Option<SignalKind> = Some(SignalKind::DemandGap);
const BUSINESS: Option<SignalKind> = Some(SignalKind::BusinessDecline);
const RHYTHM: Option<SignalKind> = Some(SignalKind::OrderFrequencyDrop);
const GROWTH: Option<SignalKind> = Some(SignalKind::GrowthOpportunity);

/// Every threshold of [`HealthSettings`], in rule order, with its unit, accepted values and reason:
/// the settings form is drawn from this table (a test keeps it complete and in step with
/// `validate`).
pub const THRESHOLDS: &[Threshold] = &[
    th(
        "min_history_months",
        None,
        Unit::Months,
        Bounds::count(1.0),
        ["Sales history needed", "所需销售历史"],
        [
            "Months of our sales history a customer needs before its share can decline: a short history has no usual level to fall from.",
            "客户至少要有这么多个月的我司销售记录，才判断份额下降：历史太短，没有平常水平可比。",
        ],
    ),
    th(
        "share_recent_months",
        SHARE,
        Unit::Months,
        Bounds::count(1.0),
        ["Recent window", "近期窗口"],
        ["Our share over these last months is compared with the baseline.", "用最近这几个月的份额与基准期比较。"],
    ),
    th(
        "share_base_months",
        SHARE,
        Unit::Months,
        Bounds::count(3.0),
        ["Baseline window", "基准窗口"],
        ["The months just before the recent window set the customer's usual share.", "近期窗口之前的这几个月，代表客户平常的份额水平。"],
    ),
    th(
        "share_min_category_usd",
        SHARE,
        Unit::Usd,
        Bounds::NON_NEGATIVE,
        ["Minimum category purchases", "品类采购额下限"],
        [
            "The customer's category purchases over the baseline, per year, must reach this: below it a few lots swing the share.",
            "客户在基准期的品类采购额（按年计）须达到此值；低于此值时，几批货就会让份额大起大落。",
        ],
    ),
    th(
        "share_drop_yellow",
        SHARE,
        Unit::Percent,
        Bounds::FRACTION,
        ["Yellow from a fall of", "黄色：份额下降达到"],
        [
            "A fall of at least this many share points is yellow (10% = 10 points).",
            "份额下降至少这么多个百分点时为黄色（10% 即 10 个百分点）。",
        ],
    ),
    th(
        "share_drop_orange",
        SHARE,
        Unit::Percent,
        Bounds::FRACTION,
        ["Orange from a fall of", "橙色：份额下降达到"],
        ["A fall of at least this many share points is orange.", "份额下降至少这么多个百分点时为橙色。"],
    ),
    th(
        "share_drop_sd",
        SHARE,
        Unit::Times,
        Bounds::NON_NEGATIVE,
        ["Fall beyond the usual wander", "超出平常波动的倍数"],
        [
            "The fall must also exceed this many times the customer's own usual quarterly wander, so a share that always moves does not alarm.",
            "下降幅度还须超过该客户平常季度波动的这么多倍，以免份额本来就常波动的客户误报。",
        ],
    ),
    th(
        "share_drop_cap",
        SHARE,
        Unit::Percent,
        Bounds::FRACTION,
        ["A fall that always counts", "一定计入的下降幅度"],
        [
            "A fall of this many points always counts, however much the share used to move.",
            "份额下降达到这么多个百分点时一定计入，无论以往波动多大。",
        ],
    ),
    th(
        "share_category_holds",
        SHARE,
        Unit::Percent,
        Bounds::FRACTION,
        ["Category still holding at", "品类采购仍算稳定的比例"],
        [
            "The category may fall to this share of its baseline monthly average and still count as holding; below it the customer buys less overall (business decline).",
            "品类月均采购额不低于基准期的这个比例时仍算稳定；低于此值说明客户整体采购减少（属于业务下滑）。",
        ],
    ),
    th(
        "share_our_fall_orange",
        SHARE,
        Unit::Percent,
        Bounds::FRACTION,
        ["Orange when our sales fell by", "橙色：我司销售额下降达到"],
        ["Orange also when our monthly sales fell by at least this fraction.", "我司月均销售额下降至少这个比例时，也为橙色。"],
    ),
    th(
        "new_supplier_lookback_months",
        NEW,
        Unit::Months,
        Bounds::count(1.0),
        ["Unseen for", "此前未出现的月数"],
        [
            "A supplier counts as new when it had not shipped to the customer for this many months before its first lot.",
            "某供应商在首批货之前这么多个月内没有向该客户发货，才算新供应商。",
        ],
    ),
    th(
        "new_supplier_recent_months",
        NEW,
        Unit::Months,
        Bounds::count(1.0),
        ["Flagged for", "提示持续月数"],
        ["It stays flagged for this many months after its first lot.", "首批货之后，在这么多个月内持续提示。"],
    ),
    th(
        "new_supplier_regular_months",
        NEW,
        Unit::Months,
        Bounds::count(1.0),
        ["Regular supplier from", "成为常规供应商的月数"],
        [
            "Orange when it shipped in at least this many of the recent months while we held most of the business: a plan B being built, not a trial.",
            "近期至少这么多个月都有发货、且我司原本占大部分份额时为橙色：客户在培养备选，而不是试单。",
        ],
    ),
    th(
        "new_supplier_dominant_share",
        NEW,
        Unit::Percent,
        Bounds::FRACTION,
        ["Most of the business", "我司占大部分份额的标准"],
        [
            "We held most of the business when our share reached this before the newcomer came.",
            "新供应商出现之前，我司份额达到此值即算占大部分份额。",
        ],
    ),
    th(
        "new_supplier_material_share",
        NEW,
        Unit::Percent,
        Bounds::FRACTION,
        ["Newcomer share that matters", "值得提示的新供应商份额"],
        [
            "A newcomer taking at least this share of the recent category purchases is flagged even at a customer with many suppliers.",
            "新供应商拿到近期品类采购额的这个份额以上时，即使客户有很多供应商也会提示。",
        ],
    ),
    th(
        "new_supplier_orange_share",
        NEW,
        Unit::Percent,
        Bounds::FRACTION,
        ["Orange from a newcomer share of", "橙色：新供应商份额达到"],
        ["A newcomer taking at least this share is orange.", "新供应商份额达到此值时为橙色。"],
    ),
    th(
        "demand_min_usd",
        DEMAND,
        Unit::Usd,
        Bounds::NON_NEGATIVE,
        ["Minimum purchases outside our catalog", "目录外采购额下限"],
        ["Purchases outside our catalog count from this much a year.", "客户在我司目录之外的采购，每年达到此金额才计入。"],
    ),
    th(
        "demand_min_vs_ours",
        DEMAND,
        Unit::Percent,
        Bounds::NON_NEGATIVE,
        ["… and compared with ours", "相对我司销售额的比例"],
        ["They also count only from this fraction of what the customer buys from us.", "同时还须达到客户向我司采购额的这个比例才计入。"],
    ),
    th(
        "demand_growth",
        DEMAND,
        Unit::Percent,
        Bounds::NON_NEGATIVE,
        ["Growth that counts", "计入的增长幅度"],
        [
            "Growth over the prior year that counts (30% = +30%); a code new this year always counts.",
            "比上一年增长达到此幅度才计入（30% 即增长 30%）；今年新出现的编码一定计入。",
        ],
    ),
    th(
        "demand_orange_vs_ours",
        DEMAND,
        Unit::Percent,
        Bounds::FRACTION,
        ["Orange from", "橙色：达到我司销售额的比例"],
        [
            "Orange when such purchases reach this fraction of what the customer buys from us.",
            "这类采购达到客户向我司采购额的这个比例时为橙色。",
        ],
    ),
    th(
        "business_min_usd",
        BUSINESS,
        Unit::Usd,
        Bounds::NON_NEGATIVE,
        ["Minimum yearly imports", "年进口额下限"],
        ["The customer's total imports over the prior year must reach this.", "客户上一年的进口总额须达到此值。"],
    ),
    th(
        "business_min_active_months",
        BUSINESS,
        Unit::Months,
        Bounds::count(1.0),
        ["Months with imports", "有进口的月数"],
        [
            "Its imports must also fall in at least this many months: a buyer of a few big lots has no quarters to compare.",
            "客户还须至少在这么多个月有进口：只买几大批货的客户没有可比的季度。",
        ],
    ),
    th(
        "business_quarter_fall",
        BUSINESS,
        Unit::Percent,
        Bounds::FRACTION,
        ["Falling quarter", "季度下降幅度"],
        [
            "A quarter counts as falling when below the same quarter a year earlier by at least this fraction (year on year, so seasons compare with themselves).",
            "某季度比上年同季度低至少这个比例时，算作下降季度（同比，避免季节因素）。",
        ],
    ),
    th(
        "business_orange_ratio",
        BUSINESS,
        Unit::Percent,
        Bounds::FRACTION,
        ["Orange: 12 months down to", "橙色：近 12 个月降到"],
        [
            "Orange when the last 12 months fell to this fraction of the 12 before, with three falling quarters in a row.",
            "近 12 个月降到前 12 个月的这个比例以下、且连续三个季度下降时为橙色。",
        ],
    ),
    th(
        "business_half_year_ratio",
        BUSINESS,
        Unit::Percent,
        Bounds::FRACTION,
        ["Orange: 6 months down to", "橙色：近 6 个月降到"],
        [
            "Orange too when the last six months fell to this fraction of the same months a year earlier, with two falling quarters in a row.",
            "近 6 个月降到上年同期的这个比例以下、且连续两个季度下降时，也为橙色。",
        ],
    ),
    th(
        "business_red_ratio",
        BUSINESS,
        Unit::Percent,
        Bounds::FRACTION,
        ["Red: 12 months down to", "红色：近 12 个月降到"],
        [
            "Red when the last 12 months fell to this fraction of the 12 before, with two falling quarters in a row.",
            "近 12 个月降到前 12 个月的这个比例以下、且连续两个季度下降时为红色。",
        ],
    ),
    th(
        "rhythm_same_order_days",
        RHYTHM,
        Unit::Days,
        Bounds::at_least(0.0),
        ["Same order within", "同一订单的间隔"],
        [
            "Shipments this many days apart or closer are one order (a lot split over several containers or days).",
            "相隔不超过这么多天的几批货算作同一订单（一批货分多个柜或多天发出）。",
        ],
    ),
    th(
        "rhythm_min_orders",
        RHYTHM,
        Unit::Orders,
        Bounds::count(3.0),
        ["Orders that make a rhythm", "形成节奏的订单数"],
        ["At least this many of our orders in the last two years make a rhythm.", "近两年我司至少有这么多个订单，才算有下单节奏。"],
    ),
    th(
        "rhythm_yellow_gaps",
        RHYTHM,
        Unit::Times,
        Bounds::ABOVE_ONE,
        ["Yellow after", "黄色：超过平常间隔的倍数"],
        [
            "Yellow when the days since our last shipment exceed this many usual gaps.",
            "距我司上次发货的天数超过平常间隔的这么多倍时为黄色。",
        ],
    ),
    th(
        "rhythm_orange_gaps",
        RHYTHM,
        Unit::Times,
        Bounds::ABOVE_ONE,
        ["Orange after", "橙色：超过平常间隔的倍数"],
        ["Orange when they exceed this many usual gaps.", "超过平常间隔的这么多倍时为橙色。"],
    ),
    th(
        "rhythm_min_days",
        RHYTHM,
        Unit::Days,
        Bounds::at_least(1.0),
        ["Never before", "最少天数"],
        [
            "Never before this many days since our last shipment, whatever the usual gap.",
            "无论平常间隔多短，距上次发货不到这么多天都不提示。",
        ],
    ),
    th(
        "rhythm_min_usd",
        RHYTHM,
        Unit::Usd,
        Bounds::NON_NEGATIVE,
        ["Minimum yearly sales", "年销售额下限"],
        ["Our sales to the customer over the last year must reach this.", "我司近一年对该客户的销售额须达到此值。"],
    ),
    th(
        "growth_ratio",
        GROWTH,
        Unit::Times,
        Bounds::ABOVE_ONE,
        ["Growth multiple", "增长倍数"],
        ["The last six months must reach this many times the same six months a year earlier.", "近 6 个月须达到上年同期的这么多倍。"],
    ),
    th(
        "growth_min_increase_usd",
        GROWTH,
        Unit::Usd,
        Bounds::NON_NEGATIVE,
        ["Minimum increase", "最少增加金额"],
        [
            "They must also add at least this much, so a tiny customer doubling is not an opportunity.",
            "同时至少多出这么多金额，以免很小的客户翻倍也被当成机会。",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_valid_and_nonsense_is_refused() {
        assert_eq!(HealthSettings::default().validate(), Ok(()));
        let zero = HealthSettings { share_base_months: 0, ..HealthSettings::default() };
        assert!(zero.validate().is_err_and(|e| e.contains("share_base_months")));
        let percent = HealthSettings { share_drop_orange: 15.0, ..HealthSettings::default() };
        assert!(percent.validate().is_err_and(|e| e.contains("0.15")));
    }

    #[test]
    fn the_table_lists_every_threshold_once() {
        let json = serde_json::to_value(HealthSettings::default()).expect("thresholds serialise");
        let fields: Vec<&String> = json.as_object().expect("an object").keys().collect();
        for field in &fields {
            assert_eq!(THRESHOLDS.iter().filter(|t| t.name == field.as_str()).count(), 1, "{field} must be in THRESHOLDS once");
        }
        assert_eq!(THRESHOLDS.len(), fields.len(), "THRESHOLDS names a field HealthSettings lacks");
        for t in THRESHOLDS {
            let integer = json[t.name].is_u64() || json[t.name].is_i64();
            assert_eq!(t.unit.whole(), integer, "{}: whole units for integer fields only", t.name);
            assert!([t.label_en, t.label_zh, t.reason_en, t.reason_zh].iter().all(|s| !s.trim().is_empty()), "{} lacks a text", t.name);
        }
    }

    /// The table's bounds are what `validate` accepts: at each bound, and just beyond it.
    #[test]
    fn the_bounds_agree_with_validate() {
        let defaults = HealthSettings::default();
        for t in THRESHOLDS {
            let default = defaults.get(t.name).expect("a known name");
            assert!(t.bounds.contains(default), "{}: the default {default} is outside its bounds", t.name);
            let step = if t.unit.whole() { 1.0 } else { 0.01 };
            let with = |value: f64| {
                let mut s = HealthSettings::default();
                s.set(t.name, value).map(|()| s.validate())
            };
            let below = if t.bounds.min_excluded { t.bounds.min } else { t.bounds.min - step };
            let refused = with(below);
            assert!(
                refused.is_err() || refused.as_ref().is_ok_and(|v| v.as_ref().is_err_and(|e| e.contains(t.name))),
                "{}: {below} passes",
                t.name
            );
            if !t.bounds.min_excluded {
                assert_eq!(with(t.bounds.min), Ok(Ok(())), "{}: the minimum is refused", t.name);
            }
            if t.bounds.max.is_finite() {
                assert_eq!(with(t.bounds.max), Ok(Ok(())), "{}: the maximum is refused", t.name);
                assert!(
                    with(t.bounds.max + step).is_ok_and(|v| v.is_err_and(|e| e.contains(t.name))),
                    "{}: above the maximum passes",
                    t.name
                );
            }
        }
    }

    #[test]
    fn thresholds_are_read_and_set_by_name() {
        let mut s = HealthSettings::default();
        assert_eq!(s.get("share_drop_orange"), Some(0.15));
        s.set("share_drop_orange", 0.2).expect("a fraction fits");
        s.set("share_base_months", 11.6).expect("months round");
        assert_eq!((s.share_drop_orange, s.share_base_months), (0.2, 12));
        assert!(s.set("no_such_threshold", 1.0).is_err());
        assert!(s.set("share_base_months", -1.0).is_err(), "a negative count does not fit");
        assert_eq!(s.get("no_such_threshold"), None);
    }
}
