//! The metrics a customer is scored on (DESIGN.md, "Value scoring and tiers"), with their names and
//! which way is better.

use crate::model::ManualAttributes;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One scoring metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Our sales over the last 12 months (USD).
    Monetary,
    /// Orders from us over the last 12 months.
    Frequency,
    /// Days since our last shipment (fewer is better).
    Recency,
    /// Whole months since the customer's first purchase from us (as far back as the data go).
    Tenure,
    /// Our sales over the last 12 months against the 12 before.
    SalesGrowth,
    /// The customer's category growth minus the market's growth for the same codes.
    CategoryVsMarket,
    /// Its category purchases from everyone over the last 12 months (USD).
    Wallet,
    /// Our share of that.
    Share,
    /// Wallet minus our sales in it (USD): what we could still win.
    Headroom,
    /// Distinct codes it bought from us over the last 12 months.
    Diversity,
    /// Variation of our quarterly sales over two years (coefficient of variation; less is better).
    Stability,
    /// Concentration of its suppliers (Herfindahl index of their shares): high when it buys from
    /// few suppliers. Whether that helps us depends on whether we are one of them, so no built-in
    /// profile weighs it; weigh it together with share.
    Concentration,
    /// Its share of its country's imports of our kind, among every importer in the files (none
    /// where the files hold too few importers of that country to tell).
    MarketPosition,
    /// Health level: green 0 … red 3 (lower is better).
    Health,
    /// Margin, set by the user (1–5).
    Margin,
    /// Payment and credit risk, set by the user (1–5; lower is better).
    PaymentRisk,
    /// Decision-chain complexity, set by the user (1–5; lower is better).
    DecisionComplexity,
    /// Relationship depth, set by the user (1–5).
    RelationshipDepth,
}

/// How many metrics there are.
pub const METRICS: usize = 18;

impl Metric {
    /// Every metric, in report order.
    pub const ALL: [Metric; METRICS] = [
        Metric::Monetary,
        Metric::Frequency,
        Metric::Recency,
        Metric::Tenure,
        Metric::SalesGrowth,
        Metric::CategoryVsMarket,
        Metric::Wallet,
        Metric::Share,
        Metric::Headroom,
        Metric::Diversity,
        Metric::Stability,
        Metric::Concentration,
        Metric::MarketPosition,
        Metric::Health,
        Metric::Margin,
        Metric::PaymentRisk,
        Metric::DecisionComplexity,
        Metric::RelationshipDepth,
    ];

    /// Position in [`Metric::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The snake_case name used in JSON and weight files.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Monetary => "monetary",
            Metric::Frequency => "frequency",
            Metric::Recency => "recency",
            Metric::Tenure => "tenure",
            Metric::SalesGrowth => "sales_growth",
            Metric::CategoryVsMarket => "category_vs_market",
            Metric::Wallet => "wallet",
            Metric::Share => "share",
            Metric::Headroom => "headroom",
            Metric::Diversity => "diversity",
            Metric::Stability => "stability",
            Metric::Concentration => "concentration",
            Metric::MarketPosition => "market_position",
            Metric::Health => "health",
            Metric::Margin => "margin",
            Metric::PaymentRisk => "payment_risk",
            Metric::DecisionComplexity => "decision_complexity",
            Metric::RelationshipDepth => "relationship_depth",
        }
    }

    /// Parses the snake_case name.
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Its name's key in the text table.
    pub fn text_key(self) -> &'static str {
        match self {
            Metric::Monetary => "metric.monetary",
            Metric::Frequency => "metric.frequency",
            Metric::Recency => "metric.recency",
            Metric::Tenure => "metric.tenure",
            Metric::SalesGrowth => "metric.sales_growth",
            Metric::CategoryVsMarket => "metric.category_vs_market",
            Metric::Wallet => "metric.wallet",
            Metric::Share => "metric.share",
            Metric::Headroom => "metric.headroom",
            Metric::Diversity => "metric.diversity",
            Metric::Stability => "metric.stability",
            Metric::Concentration => "metric.concentration",
            Metric::MarketPosition => "metric.market_position",
            Metric::Health => "metric.health",
            Metric::Margin => "metric.margin",
            Metric::PaymentRisk => "metric.payment_risk",
            Metric::DecisionComplexity => "metric.decision_complexity",
            Metric::RelationshipDepth => "metric.relationship_depth",
        }
    }

    /// Its name in a language.
    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        crate::text::tr(lang, self.text_key())
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        self.label(crate::text::Lang::En)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        self.label(crate::text::Lang::Zh)
    }

    /// True when a higher raw value is better for the customer's value to us.
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Metric::Recency | Metric::Stability | Metric::Health | Metric::PaymentRisk | Metric::DecisionComplexity)
    }

    /// How the metric is put on the common 0–1 scale (see [`super::normalize`]).
    pub fn scale(self) -> Scale {
        match self {
            // Money is skewed: a few giants would squash everyone else on a linear scale.
            // Market shares too: a few importers hold most of a country's imports.
            Metric::Monetary | Metric::Wallet | Metric::Headroom | Metric::MarketPosition => Scale::Rank,
            // Rates and counts whose range depends on the portfolio.
            Metric::SalesGrowth | Metric::CategoryVsMarket | Metric::Diversity | Metric::Stability => Scale::Clipped,
            // Three years or more is a long relationship (and the data rarely reach further back).
            Metric::Tenure => Scale::Fixed { lo: 0.0, hi: 36.0 },
            // An order a month or more is full marks; 11 or 13 orders a year are not worlds apart.
            Metric::Frequency => Scale::Fixed { lo: 0.0, hi: 12.0 },
            // A year without an order is as bad as it gets; a few days either way hardly matter.
            Metric::Recency => Scale::Fixed { lo: 0.0, hi: 365.0 },
            Metric::Share | Metric::Concentration => Scale::Fixed { lo: 0.0, hi: 1.0 },
            Metric::Health => Scale::Fixed { lo: 0.0, hi: 3.0 },
            Metric::Margin | Metric::PaymentRisk | Metric::DecisionComplexity | Metric::RelationshipDepth => {
                Scale::Fixed { lo: 1.0, hi: 5.0 }
            }
        }
    }

    /// A raw value in its unit, for people: `$12,345`, `35%`, `+12%`, `41 days`, `orange`, `4/5`;
    /// a dash when missing.
    pub fn format(self, raw: Option<f64>) -> String {
        use crate::text::number::{dollars, pct};
        let Some(x) = raw else { return "–".into() };
        match self {
            Metric::Monetary | Metric::Wallet | Metric::Headroom => dollars(x),
            Metric::Frequency | Metric::Diversity => format!("{x:.0}"),
            Metric::Recency => format!("{x:.0} d"),
            Metric::Tenure => format!("{x:.0} mo"),
            Metric::SalesGrowth | Metric::CategoryVsMarket => format!("{}{}", if x > 0.0 { "+" } else { "" }, pct(x)),
            Metric::Share | Metric::MarketPosition => pct(x),
            // The coefficient of variation reads as the usual swing around the quarterly mean.
            Metric::Stability => format!("±{}", pct(x)),
            Metric::Concentration => format!("{x:.2}"),
            Metric::Health => ["green", "yellow", "orange", "red"].get(x as usize).copied().unwrap_or("?").to_string(),
            Metric::Margin | Metric::PaymentRisk | Metric::DecisionComplexity | Metric::RelationshipDepth => format!("{x:.0}/5"),
        }
    }

    /// True for the attributes the user sets by hand (1–5).
    pub fn is_manual(self) -> bool {
        matches!(self, Metric::Margin | Metric::PaymentRisk | Metric::DecisionComplexity | Metric::RelationshipDepth)
    }
}

/// How a metric's raw values become 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// By percentile rank across the portfolio (skewed money figures).
    Rank,
    /// Linearly between the portfolio's 5th and 95th percentiles, values beyond them clipped
    /// (rates and counts: differences keep their size, outliers do not stretch the scale).
    Clipped,
    /// Linearly on a fixed range, values beyond it clipped (measures whose meaning does not depend
    /// on the other customers: shares, levels, ratings, days).
    Fixed {
        /// The raw value scoring 0 (before flipping a less-is-better metric).
        lo: f64,
        /// The raw value scoring 1.
        hi: f64,
    },
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The value of a manual metric in a customer's attributes (`None` for computed metrics).
pub fn manual_value(attributes: &ManualAttributes, m: Metric) -> Option<u8> {
    match m {
        Metric::Margin => attributes.margin,
        Metric::PaymentRisk => attributes.payment_risk,
        Metric::DecisionComplexity => attributes.decision_complexity,
        Metric::RelationshipDepth => attributes.relationship_depth,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_index_matches_the_order() {
        for (i, m) in Metric::ALL.into_iter().enumerate() {
            assert_eq!(m.index(), i);
            assert_eq!(Metric::from_key(m.key()), Some(m));
            assert!(!m.label_en().is_empty() && !m.label_zh().is_empty());
        }
        assert_eq!(Metric::from_key("nope"), None);
    }

    #[test]
    fn values_read_in_their_unit() {
        assert_eq!(Metric::Monetary.format(Some(12_345.4)), "$12,345");
        assert_eq!(Metric::SalesGrowth.format(Some(0.25)), "+25%");
        assert_eq!(Metric::CategoryVsMarket.format(Some(-0.1)), "-10%");
        assert_eq!(Metric::Health.format(Some(2.0)), "orange");
        assert_eq!(Metric::Stability.format(Some(0.07)), "±7%");
        assert_eq!(Metric::Margin.format(Some(4.0)), "4/5");
        assert_eq!(Metric::Share.format(None), "–");
    }
}
