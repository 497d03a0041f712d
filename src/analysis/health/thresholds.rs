//! Every threshold of the health rules, with its default and why. Stored in the workspace as JSON;
//! missing keys take their defaults, so older workspaces keep working when rules gain settings.
//!
//! The defaults were chosen on the month-end backtest of the demo portfolio (several seeds): a
//! 4-month share window with orange at 15 points warns about as many losses as a 6-month window at
//! 20 points but a month or two earlier; an 18-month baseline estimates a wandering share's level
//! better than 12 months (which can catch a high plateau), and with the 3-standard-deviation test
//! keeps wandering shares quiet. Making business decline more sensitive (half-year at 80%) warned shrinking customers a
//! little earlier but turned several steady ones orange, so it stays at 75%.

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
}
