//! Upgrade candidates: customers below tier A whose business with us is taking off — our sales up
//! at least 300% in six months, or a growth opportunity flagged by the health check. They may
//! deserve more attention before their score catches up.

use super::measure::Measured;
use super::rules::Tier;
use crate::analysis::health::{pct, usd};
use serde::Serialize;

/// Our sales over the last six months must be at least this many times the six months before.
pub const GROWTH_MULTIPLE: f64 = 4.0;

/// A customer that may deserve a better tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpgradeCandidate {
    /// Its name.
    pub customer: String,
    /// Its tier now.
    pub tier: Tier,
    /// Growth of our sales, last six months against the six before (`None` without prior sales).
    pub growth_6m: Option<f64>,
    /// Why, in English.
    pub reason: String,
    /// Why, in Chinese.
    pub reason_zh: String,
}

/// The candidates among measured customers and their tiers, fastest growing first.
pub fn upgrade_candidates(measured: &[Measured], tiers: &[Tier], name: impl Fn(&Measured) -> String) -> Vec<UpgradeCandidate> {
    let mut out: Vec<UpgradeCandidate> = measured
        .iter()
        .zip(tiers)
        .filter(|(_, t)| **t != Tier::A)
        .filter_map(|(m, t)| {
            let growth = (m.ours_prior_6m > 0.0).then(|| m.ours_6m / m.ours_prior_6m - 1.0);
            let jumped = m.ours_prior_6m > 0.0 && m.ours_6m >= GROWTH_MULTIPLE * m.ours_prior_6m;
            let (reason, reason_zh) = if jumped {
                let g = growth.unwrap_or_default();
                (
                    format!("our sales grew {} in six months ({} → {})", pct(g), usd(m.ours_prior_6m), usd(m.ours_6m)),
                    format!("近六个月我方销售额增长 {}（{} → {}）", pct(g), usd(m.ours_prior_6m), usd(m.ours_6m)),
                )
            } else {
                let (en, zh) = m.growth_signal.as_ref()?;
                (format!("growth opportunity: {en}"), format!("增长机会：{zh}"))
            };
            Some(UpgradeCandidate { customer: name(m), tier: *t, growth_6m: growth, reason, reason_zh })
        })
        .collect();
    out.sort_by(|a, b| b.growth_6m.unwrap_or(f64::MIN).total_cmp(&a.growth_6m.unwrap_or(f64::MIN)).then(a.customer.cmp(&b.customer)));
    out
}
