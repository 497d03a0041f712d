//! What a health rule finds: a signal with its kind, severity, figures and a plain explanation.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
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
    /// What kind.
    pub kind: SignalKind,
    /// How serious (after persistence and hysteresis).
    pub severity: Severity,
    /// One sentence in English.
    pub explanation: String,
    /// The same in Chinese.
    pub explanation_zh: String,
    /// First day of the period the figures compare.
    pub from: NaiveDate,
    /// Last day (the as-of date).
    pub to: NaiveDate,
    /// When the change began, as far as the figures tell: the recent window's start, a newcomer's
    /// first lot, our last order, the first falling quarter.
    pub since: Option<NaiveDate>,
    /// What it is about, when one thing: a supplier's or a product's name.
    pub subject: Option<String>,
    /// The numbers it rests on (USD, shares as fractions, days).
    pub figures: BTreeMap<&'static str, f64>,
}

impl Signal {
    /// A signal with its figures; explanations are filled in by the rule.
    pub fn new(kind: SignalKind, severity: Severity, from: NaiveDate, to: NaiveDate) -> Signal {
        Signal {
            kind,
            severity,
            explanation: String::new(),
            explanation_zh: String::new(),
            from,
            to,
            since: None,
            subject: None,
            figures: BTreeMap::new(),
        }
    }

    /// Adds a figure.
    pub fn with(mut self, name: &'static str, value: f64) -> Signal {
        self.figures.insert(name, value);
        self
    }

    /// A figure, or zero.
    pub fn figure(&self, name: &str) -> f64 {
        self.figures.get(name).copied().unwrap_or(0.0)
    }
}

/// `0.734` as `73%`.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Dollars for sentences: `$12,345`.
pub fn usd(x: f64) -> String {
    let cents = crate::model::Cents::from_dollars(x.round()).unwrap_or_default();
    format!("${}", cents.to_string().trim_end_matches(".00"))
}
