//! What a health rule finds: a signal with its kind, severity, figures and a plain explanation.

use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// The kinds of signal (DESIGN.md, "Health").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// Our share falls while the customer's category purchases hold.
    ShareDecline,
    /// A supplier unseen for two years starts shipping.
    NewSupplier,
    /// Material, growing purchases outside our catalog.
    DemandGap,
    /// The customer's whole business shrinks.
    BusinessDecline,
    /// Our orders come far more rarely than the customer's usual rhythm.
    OrderFrequencyDrop,
    /// Purchases multiply: a chance, not a risk.
    GrowthOpportunity,
}

impl SignalKind {
    /// Every kind, in report order.
    pub const ALL: [SignalKind; 6] = [
        SignalKind::ShareDecline,
        SignalKind::NewSupplier,
        SignalKind::DemandGap,
        SignalKind::BusinessDecline,
        SignalKind::OrderFrequencyDrop,
        SignalKind::GrowthOpportunity,
    ];

    /// The key of its name in the vocabulary (`crate::text`), for every front end.
    pub fn text_key(self) -> &'static str {
        match self {
            SignalKind::ShareDecline => "detail.kind_share_decline",
            SignalKind::NewSupplier => "detail.kind_new_supplier",
            SignalKind::DemandGap => "detail.kind_demand_gap",
            SignalKind::BusinessDecline => "detail.kind_business_decline",
            SignalKind::OrderFrequencyDrop => "detail.kind_order_frequency_drop",
            SignalKind::GrowthOpportunity => "detail.kind_growth_opportunity",
        }
    }

    /// The snake_case name of DESIGN.md.
    pub fn key(self) -> &'static str {
        match self {
            SignalKind::ShareDecline => "share_decline",
            SignalKind::NewSupplier => "new_supplier",
            SignalKind::DemandGap => "demand_gap",
            SignalKind::BusinessDecline => "business_decline",
            SignalKind::OrderFrequencyDrop => "order_frequency_drop",
            SignalKind::GrowthOpportunity => "growth_opportunity",
        }
    }

    /// True when a raw finding must hold at two month ends in a row before it counts; a new
    /// supplier's first lot is an event, known the month it happens.
    pub fn needs_confirmation(self) -> bool {
        self != SignalKind::NewSupplier
    }

    /// True for risks; a growth opportunity is shown but never raises the health level.
    pub fn is_risk(self) -> bool {
        self != SignalKind::GrowthOpportunity
    }
}

impl fmt::Display for SignalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// How serious a signal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a conversation.
    Yellow,
    /// Act now.
    Orange,
    /// Protect ourselves.
    Red,
}

/// A customer's health colour: the worst of its risk signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// No risk signal.
    Green,
    /// See [`Severity::Yellow`].
    Yellow,
    /// See [`Severity::Orange`].
    Orange,
    /// See [`Severity::Red`].
    Red,
}

impl From<Severity> for Level {
    fn from(s: Severity) -> Level {
        match s {
            Severity::Yellow => Level::Yellow,
            Severity::Orange => Level::Orange,
            Severity::Red => Level::Red,
        }
    }
}

impl Level {
    /// Every level, green to red (the order of [`Level::index`]).
    pub const ALL: [Level; 4] = [Level::Green, Level::Yellow, Level::Orange, Level::Red];

    /// 0 for green … 3 for red: its place in per-level counts and the tier model's health metric.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The key of its name in the vocabulary (`crate::text`).
    pub fn text_key(self) -> &'static str {
        match self {
            Level::Green => "level.green",
            Level::Yellow => "level.yellow",
            Level::Orange => "level.orange",
            Level::Red => "level.red",
        }
    }

    /// The snake_case name.
    pub fn key(self) -> &'static str {
        match self {
            Level::Green => "green",
            Level::Yellow => "yellow",
            Level::Orange => "orange",
            Level::Red => "red",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One finding about a customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    /// What kind (the kind of its figures).
    pub kind: SignalKind,
    /// How serious (after persistence and hysteresis).
    pub severity: Severity,
    /// One sentence in English, stating the figure that fired.
    pub explanation: String,
    /// The same in Chinese.
    pub explanation_zh: String,
    /// First day of the period the figures compare.
    pub from: NaiveDate,
    /// Last day (the as-of date).
    pub to: NaiveDate,
    /// When the change began, as far as the figures tell: the first falling quarter, a newcomer's
    /// first lot, our last order.
    pub since: Option<NaiveDate>,
    /// What it is about, when one thing: a supplier's or a product's name.
    pub subject: Option<String>,
    /// The numbers it rests on (USD, shares as fractions, days).
    pub figures: Figures,
    /// A raw finding that must hold at two month ends in a row before it counts (see
    /// [`SignalKind::needs_confirmation`]; a rule may waive it for a customer whose months are
    /// regular enough that one month end cannot mislead).
    #[serde(skip)]
    pub confirm: bool,
}

impl Signal {
    /// A signal of its figures' kind; the rule fills in the explanations.
    pub fn new(severity: Severity, from: NaiveDate, to: NaiveDate, figures: Figures) -> Signal {
        Signal {
            kind: figures.kind(),
            severity,
            explanation: String::new(),
            explanation_zh: String::new(),
            from,
            to,
            since: None,
            subject: None,
            confirm: figures.kind().needs_confirmation(),
            figures,
        }
    }

    /// The raw finding persistence works on.
    pub fn raw(&self) -> super::persistence::Raw {
        super::persistence::Raw { severity: self.severity, confirm: self.confirm }
    }
}

/// The numbers behind a signal, one shape per kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figures {
    /// See [`ShareFigures`].
    ShareDecline(ShareFigures),
    /// See [`NewSupplierFigures`].
    NewSupplier(NewSupplierFigures),
    /// See [`DemandGapFigures`].
    DemandGap(DemandGapFigures),
    /// See [`BusinessFigures`].
    BusinessDecline(BusinessFigures),
    /// See [`RhythmFigures`].
    OrderFrequencyDrop(RhythmFigures),
    /// See [`GrowthFigures`].
    GrowthOpportunity(GrowthFigures),
}

impl Figures {
    /// The kind of signal these figures belong to.
    pub fn kind(&self) -> SignalKind {
        match self {
            Figures::ShareDecline(_) => SignalKind::ShareDecline,
            Figures::NewSupplier(_) => SignalKind::NewSupplier,
            Figures::DemandGap(_) => SignalKind::DemandGap,
            Figures::BusinessDecline(_) => SignalKind::BusinessDecline,
            Figures::OrderFrequencyDrop(_) => SignalKind::OrderFrequencyDrop,
            Figures::GrowthOpportunity(_) => SignalKind::GrowthOpportunity,
        }
    }
}

/// `share_decline`: our share over the latest quarters against the year before them, weighed
/// against how much it usually wanders.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShareFigures {
    /// Our share over the four quarters before the ones judged.
    pub share_before: f64,
    /// Our share over the quarters judged.
    pub share_now: f64,
    /// Quarters judged (the latest one to four).
    pub quarters: usize,
    /// How far its quarterly share usually wanders (a standard deviation, in share points).
    pub usual_wander: f64,
    /// The fall in units of its own uncertainty (the customer's wander): 3 or more is rarely chance.
    pub strength: f64,
    /// The customer's category purchases per quarter over the quarters judged.
    pub category_quarterly: f64,
    /// Our sales of the category per quarter over the year before.
    pub ours_quarterly_before: f64,
    /// Our sales of the category per quarter over the quarters judged.
    pub ours_quarterly_now: f64,
    /// True when one quarter's collapse set it off.
    pub abrupt: bool,
    /// True when the share was lost and not regained (the slide is over): `share_before` is the best
    /// year-long share of the two years before the latest year, `share_now` the latest year's.
    pub lost: bool,
}

/// `new_supplier`: the most serious newcomer and what makes it so.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NewSupplierFigures {
    /// New suppliers in the recent months.
    pub newcomers: usize,
    /// What the most serious one shipped so far (USD).
    pub value: f64,
    /// Its part of the customer's category purchases since its first lot.
    pub share: f64,
    /// Months it shipped in.
    pub months_shipped: usize,
    /// A known competitor.
    pub competitor: bool,
    /// From an origin country the customer's other suppliers did not ship from.
    pub new_origin: bool,
    /// Our share of the category in the year before its first lot.
    pub our_share_before: f64,
}

/// `demand_gap`: purchases of related products we do not sell.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DemandGapFigures {
    /// Codes that count.
    pub codes: usize,
    /// Their value over the last 12 months (USD).
    pub value_12m: f64,
    /// The largest one's value over the last 12 months.
    pub top_value_12m: f64,
    /// The largest one's value over the 12 months before.
    pub top_value_prior_12m: f64,
    /// What the customer bought from us over the last 12 months.
    pub ours_12m: f64,
    /// Our last 12 months against the 12 before (−0.2 = 20% less).
    pub our_change: f64,
    /// A shift to a dearer grade within our own codes, if one counts.
    pub grade: Option<GradeFigures>,
}

/// Purchases of a code we sell from others at a clearly higher unit value than ours.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GradeFigures {
    /// Its purchases of the code from others over the last 12 months (USD).
    pub others_12m: f64,
    /// Their unit value (USD/kg).
    pub others_unit: f64,
    /// Ours (USD/kg).
    pub ours_unit: f64,
    /// Others' premium over ours the 12 months before (0.1 = 10% dearer), when it bought from
    /// others then.
    pub premium_before: Option<f64>,
}

/// `business_decline`: the customer's total imports, year on year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BusinessFigures {
    /// Its imports over the last six months (USD).
    pub imports_6m: f64,
    /// The same six months a year earlier (averaged with the same months two years earlier when it
    /// bought then).
    pub imports_6m_year_before: f64,
    /// The last six months against the same months a year earlier (−0.3 = 30% less), beyond the
    /// movement of our customers' imports as a whole when that fell.
    pub change_6m: f64,
    /// How our customers' imports as a whole moved over the same six months (0 when they held or
    /// grew, or too few customers tell).
    pub market_change_6m: f64,
    /// The same months were averaged over the two years before (else: the year before only).
    pub two_years: bool,
    /// The latest quarter against the same quarter a year earlier.
    pub change_latest_quarter: f64,
    /// Its imports over the last 12 months (USD).
    pub imports_12m: f64,
    /// Over the 12 months before.
    pub imports_prior_12m: f64,
    /// The last 12 months against the 12 before.
    pub change_12m: f64,
    /// How much its year-on-year change usually moves from quarter to quarter (a standard
    /// deviation of the change in a quarter).
    pub usual_wander: f64,
    /// The half-year's fall in units of that wander.
    pub strength: f64,
    /// Consecutive quarters, latest first, below the same quarter a year earlier.
    pub falling_quarters: usize,
}

/// `order_frequency_drop`: our orders against the customer's own rhythm.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RhythmFigures {
    /// The signal comes from the spacing of the latest orders, not from a silence.
    pub by_spacing: bool,
    /// Days since our last shipment.
    pub days_since_last: f64,
    /// The customer's usual gap between our orders (days).
    pub usual_gap_days: f64,
    /// The longest gap between our orders in the two years (days).
    pub longest_usual_gap_days: f64,
    /// The latest gaps' median (days).
    pub recent_gap_days: f64,
    /// Our orders in the last two years.
    pub orders_24m: usize,
    /// When its next order was expected, if the order forecast (`analysis::next_order`) holds it
    /// overdue: past the longest of its usual gaps.
    pub overdue: Option<Overdue>,
}

/// An order the forecast expected and that has not come.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Overdue {
    /// The expected day.
    pub expected: chrono::NaiveDate,
    /// The end of its usual range.
    pub latest: chrono::NaiveDate,
    /// Later than this is beyond its usual gaps.
    pub after: chrono::NaiveDate,
}

/// `growth_opportunity`: purchases multiplying.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GrowthFigures {
    /// True when it is its purchases from us that grew (else: its category purchases).
    pub from_us: bool,
    /// The last six months (USD).
    pub value_6m: f64,
    /// The same six months a year earlier.
    pub value_same_6m_last_year: f64,
    /// `value_6m / value_same_6m_last_year`.
    pub multiple: f64,
}
