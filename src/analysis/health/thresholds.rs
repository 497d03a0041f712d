//! Every threshold of the health rules, declared once: its field, default, unit, accepted values,
//! the rule it tunes, and a label and reason in English and Chinese. The settings struct, its
//! defaults, the table the settings form is drawn from, reading and setting by name and the range
//! checks all come from that one declaration.
//!
//! Stored in the workspace as JSON; missing keys take their defaults and keys of older versions are
//! ignored, so older workspaces keep working when rules change.
//!
//! The defaults were chosen on one synthetic family (`quarterly`) and are reported on the others
//! (README, "What the backtest shows"): thresholds are in units of each customer's own wander where
//! that makes sense, so one set fits steady and noisy customers alike.

use super::SignalKind;
use serde::{Deserialize, Serialize};

/// What a threshold counts: how a form shows it and how it is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole months.
    Months,
    /// Whole quarters.
    Quarters,
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
        matches!(self, Unit::Months | Unit::Quarters | Unit::Orders | Unit::Days)
    }
}

/// The values a threshold accepts: `min` (left out when `min_excluded`) to `max` (infinite: no
/// upper limit).
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
    /// Whole counts from `min` to `max`.
    const fn range(min: f64, max: f64) -> Bounds {
        Bounds { min, min_excluded: false, max }
    }
    /// A fraction above 0, at most 1.
    const FRACTION: Bounds = Bounds { min: 0.0, min_excluded: true, max: 1.0 };
    /// Zero or more.
    const NON_NEGATIVE: Bounds = Bounds { min: 0.0, min_excluded: false, max: f64::INFINITY };
    /// More than 1.
    const ABOVE_ONE: Bounds = Bounds { min: 1.0, min_excluded: true, max: f64::INFINITY };

    /// True when the value is accepted.
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

/// Why a threshold or a set of them is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThresholdError {
    /// No threshold has that name.
    #[error("no threshold '{name}'")]
    Unknown {
        /// The name asked for.
        name: String,
    },
    /// The value is outside what the threshold accepts.
    #[error("{name} must be {}, not {value}", describe(*bounds, *unit))]
    OutOfRange {
        /// The threshold.
        name: &'static str,
        /// The value refused.
        value: f64,
        /// What it accepts.
        bounds: Bounds,
        /// Its unit.
        unit: Unit,
    },
    /// Two thresholds that must be in order are not (a yellow level above the orange one).
    #[error("{lower} ({lower_value}) must not be above {upper} ({upper_value})")]
    Misordered {
        /// The one that must be lower.
        lower: &'static str,
        /// Its value.
        lower_value: f64,
        /// The one that must be higher.
        upper: &'static str,
        /// Its value.
        upper_value: f64,
    },
}

impl ThresholdError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            ThresholdError::Unknown { name } => crate::msg!("error.threshold.unknown", name = name),
            ThresholdError::OutOfRange { name, value, bounds, unit } => {
                crate::msg!("error.threshold.out_of_range", name = *name, accepts = accepts(*bounds, *unit), value = value.to_string())
            }
            ThresholdError::Misordered { lower, lower_value, upper, upper_value } => crate::msg!(
                "error.threshold.misordered",
                lower = *lower,
                lower_value = lower_value.to_string(),
                upper = *upper,
                upper_value = upper_value.to_string(),
            ),
        }
    }
}

/// What a threshold accepts, in words ([`describe`] for the reader's language).
fn accepts(bounds: Bounds, unit: Unit) -> crate::text::Message {
    match unit {
        Unit::Percent => crate::msg!("error.threshold.accepts_fraction"),
        Unit::Times if bounds.min_excluded => crate::msg!("error.threshold.accepts_above_one"),
        _ if bounds.max.is_finite() => {
            crate::msg!("error.threshold.accepts_between", min = bounds.min.to_string(), max = bounds.max.to_string())
        }
        _ => crate::msg!("error.threshold.accepts_at_least", min = bounds.min.to_string()),
    }
}

/// "a fraction between 0 and 1 (0.15 = 15%)", "between 3 and 12 quarters", …
fn describe(bounds: Bounds, unit: Unit) -> String {
    match unit {
        Unit::Percent => "a fraction between 0 and 1 (0.15 = 15%)".into(),
        Unit::Times if bounds.min_excluded => "more than 1".into(),
        _ if bounds.max.is_finite() => format!("between {} and {}", bounds.min, bounds.max),
        _ => format!("{} or more", bounds.min),
    }
}

/// A threshold's value as a number, and back.
trait Value: Sized {
    fn to_f64(&self) -> f64;
    fn from_f64(value: f64) -> Option<Self>;
}

impl Value for f64 {
    fn to_f64(&self) -> f64 {
        *self
    }
    fn from_f64(value: f64) -> Option<f64> {
        value.is_finite().then_some(value)
    }
}

impl Value for usize {
    fn to_f64(&self) -> f64 {
        *self as f64
    }
    fn from_f64(value: f64) -> Option<usize> {
        (value.is_finite() && value >= 0.0 && value <= u32::MAX as f64).then(|| value.round() as usize)
    }
}

impl Value for i64 {
    fn to_f64(&self) -> f64 {
        *self as f64
    }
    fn from_f64(value: f64) -> Option<i64> {
        (value.is_finite() && value.abs() <= i32::MAX as f64).then(|| value.round() as i64)
    }
}

/// Declares every threshold once (see the module's doc).
macro_rules! thresholds {
    ($($name:ident: $ty:ty = $default:expr, $unit:ident, $bounds:expr, $rule:expr,
        [$label_en:literal, $label_zh:literal], [$reason_en:literal, $reason_zh:literal];)*) => {
        /// The health rules' thresholds.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct HealthSettings {
            $(#[doc = $reason_en] pub $name: $ty,)*
        }

        impl Default for HealthSettings {
            fn default() -> Self {
                HealthSettings { $($name: $default,)* }
            }
        }

        /// Every threshold of [`HealthSettings`], in rule order, with its unit, accepted values and
        /// reason: the settings form is drawn from this table.
        pub const THRESHOLDS: &[Threshold] = &[$(Threshold {
            name: stringify!($name),
            rule: $rule,
            unit: Unit::$unit,
            bounds: $bounds,
            label_en: $label_en,
            label_zh: $label_zh,
            reason_en: $reason_en,
            reason_zh: $reason_zh,
        },)*];

        impl HealthSettings {
            /// A threshold's value by its field name.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $(stringify!($name) => Some(Value::to_f64(&self.$name)),)*
                    _ => None,
                }
            }

            /// Sets a threshold by its field name; whole-number fields take the value rounded. Does
            /// not check the range (see [`HealthSettings::validate`]); fails for an unknown name or a
            /// value the field cannot hold.
            pub fn set(&mut self, name: &str, value: f64) -> Result<(), ThresholdError> {
                match name {
                    $(stringify!($name) => {
                        let t = threshold(stringify!($name));
                        self.$name = Value::from_f64(value).ok_or(ThresholdError::OutOfRange {
                            name: t.name, value, bounds: t.bounds, unit: t.unit,
                        })?;
                    })*
                    _ => return Err(ThresholdError::Unknown { name: name.to_string() }),
                }
                Ok(())
            }
        }
    };
}

/// The description of a threshold known to exist.
fn threshold(name: &str) -> &'static Threshold {
    THRESHOLDS.iter().find(|t| t.name == name).unwrap_or(&THRESHOLDS[0])
}

const SHARE: Option<SignalKind> = Some(SignalKind::ShareDecline);
const NEW: Option<SignalKind> = Some(SignalKind::NewSupplier);
const DEMAND: Option<SignalKind> = Some(SignalKind::DemandGap);
const BUSINESS: Option<SignalKind> = Some(SignalKind::BusinessDecline);
const RHYTHM: Option<SignalKind> = Some(SignalKind::OrderFrequencyDrop);
const GROWTH: Option<SignalKind> = Some(SignalKind::GrowthOpportunity);
const MONTHS: Bounds = Bounds::range(1.0, 120.0);

thresholds! {
    min_history_months: usize = 12, Months, MONTHS, None,
        ["Sales history needed", "所需销售历史"],
        ["Months of history a customer needs before its share or its business can be judged to fall: a short history has no usual level to fall from.",
         "客户至少要有这么多个月的历史，才判断份额或业务是否下降：历史太短，没有平常水平可比。"];

    share_quarters: usize = 4, Quarters, Bounds::range(2.0, 8.0), SHARE,
        ["Quarters judged", "判断的季度数"],
        ["Our share over the latest one up to this many quarters is set against the year before them; the span where the fall stands out most decides.",
         "把最近一个到这么多个季度的份额与此前一年相比；下降最明显的那一段决定结果。"];
    share_min_category_usd: f64 = 20_000.0, Usd, Bounds::NON_NEGATIVE, SHARE,
        ["Minimum category purchases", "品类采购额下限"],
        ["The customer's purchases of our kind of products over the last year must reach this: below it a few lots swing the share.",
         "客户近一年同类产品采购额须达到此值；低于此值时，几批货就会让份额大起大落。"];
    share_drop_yellow: f64 = 0.06, Percent, Bounds::FRACTION, SHARE,
        ["Yellow from a fall of", "黄色：份额下降达到"],
        ["A share that fell at least this many points over the quarters judged (6% = 6 points), clearly beyond its usual wander, is yellow.",
         "所判断的几个季度里份额下降至少这么多个百分点（6% 即 6 个百分点）、且明显超出平常波动时为黄色。"];
    share_drop_orange: f64 = 0.10, Percent, Bounds::FRACTION, SHARE,
        ["Orange from a fall of", "橙色：份额下降达到"],
        ["… and at least this many points, more clearly still, is orange.",
         "下降至少这么多个百分点、且更加明确时为橙色。"];
    share_strength_yellow: f64 = 2.5, Times, Bounds::NON_NEGATIVE, SHARE,
        ["Yellow: fall beyond the usual wander", "黄色：超出平常波动的倍数"],
        ["The trend's fall must be at least this many times its own uncertainty, which grows with how much this customer's share usually wanders, so a wandering share does not alarm.",
         "趋势的下降幅度须达到其不确定度的这么多倍；客户份额平常波动越大，不确定度越大，因此常波动的份额不会误报。"];
    share_strength_orange: f64 = 3.5, Times, Bounds::NON_NEGATIVE, SHARE,
        ["Orange: fall beyond the usual wander", "橙色：超出平常波动的倍数"],
        ["Orange needs the fall to be at least this many times its uncertainty.",
         "橙色要求下降幅度达到其不确定度的这么多倍。"];
    share_wander_floor: f64 = 0.02, Percent, Bounds::FRACTION, SHARE,
        ["Smallest usual wander", "平常波动的下限"],
        ["A share's usual quarterly wander is taken as at least this many points (or a tenth of the share, if more), so a share that never moved is not alarmed by a small step.",
         "份额的平常季度波动至少按这么多个百分点计（若份额的十分之一更大则按其计），以免从不波动的份额因小幅变化而误报。"];
    share_abrupt_drop: f64 = 0.25, Percent, Bounds::FRACTION, SHARE,
        ["An abrupt fall of", "骤降幅度"],
        ["A latest quarter this many points below the year before it, with our sales down by a third or more, is orange at once.",
         "最近一个季度的份额比此前一年低这么多个百分点、且我司销售额减少三分之一以上时，立即为橙色。"];
    share_category_holds: f64 = 0.7, Percent, Bounds::FRACTION, SHARE,
        ["Category still holding at", "品类采购仍算稳定的比例"],
        ["The customer's purchases of our kind of products over the last year may fall to this share of the year before and still count as holding; below it the customer buys less overall (business decline).",
         "客户近一年同类产品采购额不低于上一年的这个比例时仍算稳定；低于此值说明客户整体采购减少（属于业务下滑）。"];

    new_supplier_lookback_months: usize = 24, Months, MONTHS, NEW,
        ["Unseen for", "此前未出现的月数"],
        ["A supplier counts as new when it had not shipped to the customer for this many months before its first lot.",
         "某供应商在首批货之前这么多个月内没有向该客户发货，才算新供应商。"];
    new_supplier_recent_months: usize = 6, Months, MONTHS, NEW,
        ["Flagged for", "提示持续月数"],
        ["It stays flagged for this many months after its first lot.",
         "首批货之后，在这么多个月内持续提示。"];
    new_supplier_regular_months: usize = 3, Months, MONTHS, NEW,
        ["Regular supplier from", "成为常规供应商的月数"],
        ["Orange when a known competitor, or a newcomer where we held most of the business, has shipped in at least this many months: a plan B being built, not a trial.",
         "已知竞争对手、或在我司原本占大部分份额的客户处出现的新供应商，至少这么多个月都有发货时为橙色：客户在培养备选，而不是试单。"];
    new_supplier_dominant_share: f64 = 0.85, Percent, Bounds::FRACTION, NEW,
        ["Most of the business", "我司占大部分份额的标准"],
        ["We held most of the business when our share reached this before the newcomer came; a newcomer there is yellow from the month it first ships.",
         "新供应商出现之前我司份额达到此值即算占大部分份额；此时新供应商首次发货的当月即为黄色。"];
    new_supplier_material_share: f64 = 0.10, Percent, Bounds::FRACTION, NEW,
        ["Newcomer share that matters", "值得提示的新供应商份额"],
        ["A newcomer taking at least this share of the recent category purchases is flagged even at a customer with many suppliers.",
         "新供应商拿到近期品类采购额的这个份额以上时，即使客户有很多供应商也会提示。"];
    new_supplier_orange_share: f64 = 0.20, Percent, Bounds::FRACTION, NEW,
        ["Orange from a newcomer share of", "橙色：新供应商份额达到"],
        ["A newcomer taking at least this share is orange.",
         "新供应商份额达到此值时为橙色。"];

    demand_min_usd: f64 = 20_000.0, Usd, Bounds::NON_NEGATIVE, DEMAND,
        ["Minimum purchases outside our catalog", "目录外采购额下限"],
        ["Purchases of related products we do not sell (same HS chapter as ours, or from a supplier that also sells the customer our kind of products) count from this much a year.",
         "客户采购我司不经营的相关产品（与我司产品同一 HS 章，或来自同时向其供应我司同类产品的供应商），每年达到此金额才计入。"];
    demand_min_vs_ours: f64 = 0.25, Percent, Bounds::NON_NEGATIVE, DEMAND,
        ["… and compared with ours", "相对我司销售额的比例"],
        ["They also count only from this fraction of what the customer buys from us.",
         "同时还须达到客户向我司采购额的这个比例才计入。"];
    demand_growth: f64 = 0.30, Percent, Bounds::NON_NEGATIVE, DEMAND,
        ["Growth that counts", "计入的增长幅度"],
        ["Growth over the prior year that counts (30% = +30%); a code new this year always counts.",
         "比上一年增长达到此幅度才计入（30% 即增长 30%）；今年新出现的编码一定计入。"];
    demand_grade_premium: f64 = 0.25, Percent, Bounds::NON_NEGATIVE, DEMAND,
        ["Dearer grade: others' price per kg above ours by", "更高档次：他人每公斤单价高出我司"],
        ["Within our own codes, purchases from others at a unit value (USD/kg) at least this much above ours are a dearer grade of what we sell.",
         "在我司经营的编码内，客户从他人处采购的单价（美元/公斤）比我司高出此比例以上，即为我司产品的更高档次。"];
    demand_grade_shift: f64 = 0.20, Percent, Bounds::NON_NEGATIVE, DEMAND,
        ["… and that premium up on the year before by", "且溢价比上一年提高"],
        ["The premium over our unit value must have grown by at least this many points against the year before (20% = from +10% to +30%), or those purchases be new: a shift, not a customer that always bought both grades or a rival's price drifting.",
         "相对我司单价的溢价须比上一年至少提高这么多个百分点（20% 即从高出10%变为高出30%），或这类采购为今年新增：是转向，而不是一直同时采购两种档次或对手价格的小幅变动。"];
    demand_orange_vs_ours: f64 = 1.0, Percent, Bounds::FRACTION, DEMAND,
        ["Orange from", "橙色：达到我司销售额的比例"],
        ["Orange when such purchases reach this fraction of what the customer buys from us while our own sales to it fall.",
         "这类采购达到客户向我司采购额的这个比例、同时我司对其销售额下降时为橙色。"];
    demand_our_fall_orange: f64 = 0.2, Percent, Bounds::FRACTION, DEMAND,
        ["… with our sales down by", "且我司销售额下降达到"],
        ["Our sales over the last year must have fallen by at least this fraction against the year before for the gap to be orange.",
         "我司近一年销售额比上一年至少下降这个比例，缺口才为橙色。"];

    business_min_usd: f64 = 50_000.0, Usd, Bounds::NON_NEGATIVE, BUSINESS,
        ["Minimum yearly imports", "年进口额下限"],
        ["The customer's total imports over the prior year must reach this.",
         "客户上一年的进口总额须达到此值。"];
    business_min_active_months: usize = 8, Months, MONTHS, BUSINESS,
        ["Months with imports", "有进口的月数"],
        ["Its imports must also fall in at least this many months of the prior year: a buyer of a few big lots has no quarters to compare.",
         "客户上一年还须至少在这么多个月有进口：只买几大批货的客户没有可比的季度。"];
    business_fall_orange: f64 = 0.25, Percent, Bounds::FRACTION, BUSINESS,
        ["Orange: six months down by", "橙色：近 6 个月同比下降"],
        ["Orange when its imports over the last six months fell by at least this fraction against the same months a year earlier (year on year, so seasons compare with themselves), beyond its usual wander, with the latest quarter down too.",
         "近 6 个月进口额比上年同期至少下降这个比例（同比，避免季节因素）、超出平常波动、且最近一个季度也在下降时为橙色。"];
    business_strength: f64 = 2.5, Times, Bounds::NON_NEGATIVE, BUSINESS,
        ["Fall beyond the usual wander", "超出平常波动的倍数"],
        ["The six months' fall must be at least this many times how much this customer's year-on-year change usually wanders.",
         "近 6 个月的下降幅度须达到该客户同比变化平常波动的这么多倍。"];
    business_quarter_fall: f64 = 0.10, Percent, Bounds::FRACTION, BUSINESS,
        ["Latest quarter down by", "最近一季同比下降"],
        ["The latest quarter must also be below the same quarter a year earlier by at least this fraction: a dip that has already recovered is no decline.",
         "最近一个季度也须比上年同季度至少低这个比例：已经恢复的短暂下滑不算业务下滑。"];
    business_wander_floor: f64 = 0.12, Percent, Bounds::FRACTION, BUSINESS,
        ["Smallest usual wander", "平常波动的下限"],
        ["A customer's usual year-on-year wander in a quarter is taken as at least this fraction.",
         "客户单季同比变化的平常波动至少按这个比例计。"];
    business_red_half_year: f64 = 0.40, Percent, Bounds::FRACTION, BUSINESS,
        ["Red: six months down by", "红色：近 6 个月同比下降"],
        ["Red when the last six months fell by at least this fraction against the same months a year earlier …",
         "近 6 个月比上年同期至少下降这个比例 ……"];
    business_red_year: f64 = 0.25, Percent, Bounds::FRACTION, BUSINESS,
        ["… and 12 months down by", "且近 12 个月下降"],
        ["… and the last 12 months by at least this fraction against the 12 before: the response is credit control, not a sales push.",
         "…… 且近 12 个月比前 12 个月至少下降这个比例时为红色：此时应控制信用风险，而不是加大推销。"];

    rhythm_same_order_days: i64 = 14, Days, Bounds::range(0.0, 120.0), RHYTHM,
        ["Same order within", "同一订单的间隔"],
        ["Shipments this many days apart or closer are one order (a lot split over several containers or days).",
         "相隔不超过这么多天的几批货算作同一订单（一批货分多个柜或多天发出）。"];
    rhythm_min_orders: usize = 6, Orders, Bounds::range(3.0, 120.0), RHYTHM,
        ["Orders that make a rhythm", "形成节奏的订单数"],
        ["At least this many of our orders in the last two years make a rhythm.",
         "近两年我司至少有这么多个订单，才算有下单节奏。"];
    rhythm_yellow_gaps: f64 = 1.5, Times, Bounds::ABOVE_ONE, RHYTHM,
        ["Yellow after", "黄色：超过最长平常间隔的倍数"],
        ["Yellow when the days since our last shipment exceed this many times the longest of its usual gaps.",
         "距我司上次发货的天数超过其平常最长间隔的这么多倍时为黄色。"];
    rhythm_orange_gaps: f64 = 2.5, Times, Bounds::ABOVE_ONE, RHYTHM,
        ["Orange after", "橙色：超过最长平常间隔的倍数"],
        ["Orange when they exceed this many times the longest usual gap.",
         "超过平常最长间隔的这么多倍时为橙色。"];
    rhythm_overdue_gaps: f64 = 2.0, Times, Bounds::ABOVE_ONE, RHYTHM,
        ["Overdue order: yellow after", "逾期订单：黄色所需的通常间隔倍数"],
        ["A regular buyer (the middle half of its gaps within a factor of two) whose next order is overdue is yellow once the days since our last shipment reach this many times its usual gap.",
         "下单规律的客户（中间一半的间隔相差不到一倍）预计的下次订单已逾期、且距我司上次发货达到其通常间隔的这么多倍时为黄色。"];
    rhythm_elsewhere_orange: f64 = 0.5, Percent, Bounds::FRACTION, RHYTHM,
        ["Orange when buying elsewhere at", "橙色：转向他处采购的程度"],
        ["A silence beyond the yellow limit is orange at once when, meanwhile, the customer kept buying our kind of products from others at least at this share of its usual pace.",
         "沉默超过黄色界限、且期间客户从其他供应商采购同类产品至少达到其平常节奏的这个比例时，立即为橙色。"];
    rhythm_min_days: i64 = 60, Days, Bounds::range(1.0, 3650.0), RHYTHM,
        ["Never before", "最少天数"],
        ["Never before this many days since our last shipment, whatever the usual gap.",
         "无论平常间隔多短，距上次发货不到这么多天都不提示。"];
    rhythm_min_usd: f64 = 10_000.0, Usd, Bounds::NON_NEGATIVE, RHYTHM,
        ["Minimum yearly sales", "年销售额下限"],
        ["Our sales to the customer over the last year must reach this.",
         "我司近一年对该客户的销售额须达到此值。"];

    growth_ratio: f64 = 2.5, Times, Bounds::ABOVE_ONE, GROWTH,
        ["Growth multiple", "增长倍数"],
        ["The last six months must reach this many times the same six months a year earlier.",
         "近 6 个月须达到上年同期的这么多倍。"];
    growth_min_increase_usd: f64 = 20_000.0, Usd, Bounds::NON_NEGATIVE, GROWTH,
        ["Minimum increase", "最少增加金额"],
        ["They must also add at least this much, so a tiny customer doubling is not an opportunity.",
         "同时至少多出这么多金额，以免很小的客户翻倍也被当成机会。"];
}

impl HealthSettings {
    /// Checks that every threshold is in its range and that paired ones are in order; the error
    /// names the first that is not.
    pub fn validate(&self) -> Result<(), ThresholdError> {
        for t in THRESHOLDS {
            let value = self.get(t.name).unwrap_or(f64::NAN);
            if !t.bounds.contains(value) {
                return Err(ThresholdError::OutOfRange { name: t.name, value, bounds: t.bounds, unit: t.unit });
            }
        }
        let ordered = [
            ("share_drop_yellow", "share_drop_orange"),
            ("share_strength_yellow", "share_strength_orange"),
            ("rhythm_yellow_gaps", "rhythm_orange_gaps"),
            ("business_fall_orange", "business_red_half_year"),
        ];
        for (lower, upper) in ordered {
            let (lower_value, upper_value) = (self.get(lower).unwrap_or(0.0), self.get(upper).unwrap_or(0.0));
            if lower_value > upper_value {
                return Err(ThresholdError::Misordered {
                    lower: threshold(lower).name,
                    lower_value,
                    upper: threshold(upper).name,
                    upper_value,
                });
            }
        }
        Ok(())
    }

    /// Months of history one month end's rules look back over: the share rule's quarters with as
    /// many before them to learn the usual wander, the new-supplier lookback, and three years of
    /// quarters for the year-on-year rules.
    pub fn history_months(&self) -> usize {
        (3 * (self.share_quarters + 4) + 12).max(self.new_supplier_lookback_months + self.new_supplier_recent_months).max(36)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn threshold_errors_speak_chinese_with_their_fields() {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let errors = [
            ThresholdError::Unknown { name: "decline_purple".into() },
            ThresholdError::OutOfRange { name: "share_drop", value: 1.5, bounds: Bounds::FRACTION, unit: Unit::Percent },
            ThresholdError::OutOfRange { name: "window_quarters", value: 40.0, bounds: Bounds::range(3.0, 12.0), unit: Unit::Quarters },
            ThresholdError::Misordered { lower: "yellow", lower_value: 2.5, upper: "orange", upper_value: 2.0 },
        ];
        for e in &errors {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh), "{zh}");
            assert_ne!(en, zh);
        }
        assert!(errors[0].message().render(Lang::Zh).contains("decline_purple"));
        let zh = errors[1].message().render(Lang::Zh);
        assert!(zh.contains("share_drop") && zh.contains("1.5") && zh.contains("0 到 1"), "{zh}");
        let zh = errors[2].message().render(Lang::Zh);
        assert!(zh.contains("3 到 12") && zh.contains("40"), "{zh}");
        assert_eq!(errors[2].message().render(Lang::En), errors[2].to_string() + ".");
        let zh = errors[3].message().render(Lang::Zh);
        assert!(zh.contains("yellow（2.5）") && zh.contains("orange（2）"), "{zh}");
    }
}
