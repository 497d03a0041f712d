//! Upgrade candidates: customers below tier A whose business with us is taking off — our sales up
//! at least 300% in six months, or a growth opportunity flagged by the health check. They may
//! deserve more attention before their score catches up. A jump from a trickle is not a take-off:
//! the last six months must reach the portfolio's 10th percentile of six-month sales (small
//! customers qualify; a few hundred dollars do not).

use super::measure::Measured;
use super::rules::Tier;
use crate::model::CompanyId;
use crate::text::number::{dollars, pct};
use serde::Serialize;

/// Our sales over the last six months must be at least this many times the six months before.
pub const GROWTH_MULTIPLE: f64 = 4.0;

/// Why a customer is a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateSource {
    /// Our sales over the last six months at least four times the six before.
    SalesJump,
    /// The health check's growth opportunity (its own comparison, in the reason).
    GrowthOpportunity,
}

/// A customer that may deserve a better tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpgradeCandidate {
    /// Company id.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its tier now.
    pub tier: Tier,
    /// What made it a candidate.
    pub source: CandidateSource,
    /// Growth of our sales, last six months against the six before (`None` without prior sales);
    /// a growth opportunity's reason gives its own comparison.
    pub growth_6m: Option<f64>,
    /// Why, in English.
    pub reason: String,
    /// Why, in Chinese.
    pub reason_zh: String,
}

/// The candidates among measured customers and their tiers, fastest growing first.
pub fn upgrade_candidates(measured: &[Measured], tiers: &[Tier], name: impl Fn(&Measured) -> String) -> Vec<UpgradeCandidate> {
    let mut six: Vec<f64> = measured.iter().map(|m| m.ours_6m).filter(|x| *x > 0.0).collect();
    six.sort_by(f64::total_cmp);
    let floor = six.get(six.len() / 10).copied().unwrap_or(0.0);
    let mut out: Vec<UpgradeCandidate> = measured
        .iter()
        .zip(tiers)
        .filter(|(_, t)| **t != Tier::A)
        .filter_map(|(m, t)| {
            let growth = (m.ours_prior_6m > 0.0).then(|| m.ours_6m / m.ours_prior_6m - 1.0);
            let jumped = m.ours_prior_6m > 0.0 && m.ours_6m >= GROWTH_MULTIPLE * m.ours_prior_6m && m.ours_6m >= floor;
            let source = if jumped { CandidateSource::SalesJump } else { CandidateSource::GrowthOpportunity };
            let (reason, reason_zh) = if jumped {
                let g = growth.unwrap_or_default();
                (
                    format!("our sales grew {} in six months ({} → {})", pct(g), dollars(m.ours_prior_6m), dollars(m.ours_6m)),
                    format!("近六个月我方销售额增长 {}（{} → {}）", pct(g), dollars(m.ours_prior_6m), dollars(m.ours_6m)),
                )
            } else {
                let (en, zh) = m.growth_signal.as_ref()?;
                (format!("growth opportunity: {en}"), format!("增长机会：{zh}"))
            };
            Some(UpgradeCandidate { id: m.id, customer: name(m), tier: *t, source, growth_6m: growth, reason, reason_zh })
        })
        .collect();
    out.sort_by(|a, b| b.growth_6m.unwrap_or(f64::MIN).total_cmp(&a.growth_6m.unwrap_or(f64::MIN)).then(a.customer.cmp(&b.customer)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::health::Level;
    use crate::analysis::tiers::metric::METRICS;
    use crate::model::CompanyId;

    fn customer(id: i64, prior: f64, now: f64, signal: bool) -> Measured {
        Measured {
            id: CompanyId(id),
            raw: [None; METRICS],
            level: Level::Green,
            growth_signal: signal.then(|| ("bought 3 times more".to_string(), "采购增至3倍".to_string())),
            ours_6m: now,
            ours_prior_6m: prior,
        }
    }

    #[test]
    fn take_offs_below_a_are_candidates_and_trickles_are_not() {
        let measured = vec![
            customer(1, 10_000.0, 40_000.0, false), // +300%: the example
            customer(2, 100.0, 500.0, false),       // +400% of a trickle
            customer(3, 20_000.0, 90_000.0, false), // +350% but already A
            customer(4, 30_000.0, 33_000.0, true),  // health's growth opportunity
            customer(5, 30_000.0, 60_000.0, false), // +100%: not enough
            customer(6, 10_000.0, 39_990.0, false), // just short of +300%
        ];
        let mut measured = measured;
        // A portfolio of ordinary customers around them, so a trickle is below its 10th percentile.
        measured.extend((10..30).map(|id| customer(id, 20_000.0, 20_000.0, false)));
        let mut tiers = vec![Tier::C, Tier::D, Tier::A, Tier::B, Tier::B, Tier::C];
        tiers.resize(measured.len(), Tier::C);
        let found = upgrade_candidates(&measured, &tiers, |m| format!("C{}", m.id.0));
        let names: Vec<&str> = found.iter().map(|c| c.customer.as_str()).collect();
        assert_eq!(names, vec!["C1", "C4"]);
        assert_eq!(found[0].reason, "our sales grew 300% in six months ($10,000 → $40,000)");
        assert_eq!((found[0].source, found[1].source), (CandidateSource::SalesJump, CandidateSource::GrowthOpportunity));
        assert!(found[1].reason_zh.contains("采购增至3倍"));
    }
}
