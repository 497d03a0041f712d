//! "Why this tier": one line per customer saying where its score places it, how far the next tier
//! up is, whether the grace band kept it, and what lifts or holds it back most — so an owner who
//! disagrees with a tier sees what to change (a weight, a rating) rather than distrusting them all.

use super::metric::Metric;
use super::report::{CustomerTier, TierReport};
use super::rules::Tier;
use crate::analysis::health::Level;
use crate::msg;
use crate::text::{Arg, Message};

impl TierReport {
    /// Why a customer holds its tier, in the reader's language once rendered.
    pub fn why(&self, c: &CustomerTier) -> Message {
        let n = self.customers.len();
        let place = if c.held && c.protect {
            msg!(
                "tiers.why.kept",
                tier = c.tier.to_string(),
                fresh = c.fresh.to_string(),
                score = round(c.score),
                level = Arg::Term(c.level.text_key().into())
            )
        } else if c.held {
            msg!(
                "tiers.why.held",
                tier = c.tier.to_string(),
                fresh = c.fresh.to_string(),
                score = round(c.score),
                grace = round(self.rules.grace)
            )
        } else {
            let up = [Tier::A, Tier::B, Tier::C].into_iter().rfind(|t| *t < c.tier);
            match up.and_then(|t| Some((t, self.floors[t.index()]?))) {
                // Its score reaches A, but A needs sales from us in the last 12 months.
                Some((Tier::A, floor)) if c.score >= floor && c.our_sales_12m <= 0.0 => {
                    msg!("tiers.why.no_sales", tier = c.tier.to_string(), score = round(c.score), rank = c.rank, n = n)
                }
                Some((next, floor)) => msg!(
                    "tiers.why.below",
                    tier = c.tier.to_string(),
                    score = round(c.score),
                    rank = c.rank,
                    n = n,
                    next = next.to_string(),
                    floor = round(floor),
                    gap = round((floor - c.score).max(0.1))
                ),
                None => msg!("tiers.why.top", tier = c.tier.to_string(), score = round(c.score), rank = c.rank, n = n),
            }
        };
        let strong = c.strongest(1).first().map(|m| msg!("tiers.why.strong", metric = metric(c, *m)));
        let weak = c.weakest(1).first().map(|m| msg!("tiers.why.weak", metric = metric(c, *m)));
        let part = |m: Option<Message>| m.map_or(Arg::Text(String::new()), |m| Arg::Message(Box::new(m)));
        let line = msg!("tiers.why", place = place, strong = part(strong), weak = part(weak));
        if c.protect && !c.held { msg!("tiers.why.protect", line = line, level = Arg::Term(c.level.text_key().into())) } else { line }
    }
}

/// One decimal: scores read 81.4, not 81.4371.
fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A metric's name and its value: "our share (95%)".
fn metric(c: &CustomerTier, m: Metric) -> Message {
    let raw = c.metrics.0[m.index()].raw;
    let value = match (m, raw) {
        (Metric::Monetary | Metric::Wallet | Metric::Headroom, Some(x)) => Arg::Usd(x),
        (Metric::Recency, Some(x)) => Arg::Message(Box::new(msg!("tiers.why.days", n = x.round() as i64))),
        (Metric::Tenure, Some(x)) => Arg::Message(Box::new(msg!("tiers.why.months", n = x.round() as i64))),
        (Metric::Health, Some(x)) => {
            let level = Level::ALL.get(x as usize).copied().unwrap_or(Level::Red);
            Arg::Term(level.text_key().into())
        }
        _ => Arg::Text(m.format(raw)),
    };
    msg!("tiers.why.metric", name = Arg::Term(m.text_key().into()), value = value)
}

#[cfg(test)]
mod tests {
    use super::super::measure::Measured;
    use super::super::metric::METRICS;
    use super::super::snapshot::Snapshot;
    use super::super::{TierModel, TierRules, WeightProfile};
    use crate::analysis::health::Level;
    use crate::model::CompanyId;
    use crate::text::Lang;
    use chrono::NaiveDate;
    use rustc_hash::FxHashMap;

    fn customer(id: i64, ours: f64, level: Level) -> Measured {
        let mut raw = [None; METRICS];
        raw[super::Metric::Monetary.index()] = Some(ours);
        raw[super::Metric::Health.index()] = Some(level as u8 as f64);
        Measured { id: CompanyId(id), raw, level, growth_signal: None, ours_6m: ours / 2.0, ours_prior_6m: ours / 2.0 }
    }

    /// Ten customers of ours over two quarter ends; customer 1 was the largest and falls to the
    /// eighth in the second, with health `level` then.
    fn model(level: Level) -> TierModel {
        let day = |m| NaiveDate::from_ymd_opt(2026, m, 30).expect("date");
        let before = (1..=10).map(|id| customer(id, 1_000.0 * (11 - id) as f64, Level::Green)).collect();
        let now = (1..=10)
            .map(|id| if id == 1 { customer(1, 2_500.0, level) } else { customer(id, 1_000.0 * (11 - id) as f64, Level::Green) })
            .collect();
        let names = (1..=10).map(|id| (CompanyId(id), format!("C{id}"))).collect::<FxHashMap<_, _>>();
        TierModel::from_parts(day(9), Snapshot::new(day(9), now), vec![Snapshot::new(day(6), before)], Vec::new(), names)
    }

    #[test]
    fn a_valuable_customer_whose_health_falls_keeps_its_tier_and_is_marked_protect() {
        let value = &WeightProfile::builtins()[0];
        let rules = TierRules::quantiles(0.2, 0.4, 0.7);
        let report = model(Level::Orange).evaluate(value, &rules);
        let c = report.customers.iter().find(|c| c.id == CompanyId(1)).expect("fixture");
        assert_eq!((c.tier, c.held, c.protect), (super::Tier::A, true, true), "{c:?}");
        assert!(c.fresh > super::Tier::B, "its score alone places it lower: {:?}", c.fresh);
        let (en, zh) = (report.why(c).render(Lang::En), report.why(c).render(Lang::Zh));
        assert!(en.contains("protect") && en.to_lowercase().contains("orange"), "{en}");
        assert!(zh.contains("降级保护") && zh.contains("橙"), "{zh}");
        // The same fall at a healthy customer is just a smaller customer now: it drops.
        let healthy = model(Level::Green).evaluate(value, &rules);
        let c = healthy.customers.iter().find(|c| c.id == CompanyId(1)).expect("fixture");
        assert!(c.tier > super::Tier::B && !c.protect, "{c:?}");
        assert!(healthy.customers.iter().all(|c| !c.protect));
    }

    #[test]
    fn why_says_the_score_the_next_tier_and_what_lifts_or_holds_it_back() {
        let report = model(Level::Green).evaluate(&WeightProfile::builtins()[0], &TierRules::quantiles(0.2, 0.4, 0.7));
        let top = &report.customers[0];
        let en = report.why(top).render(Lang::En);
        assert!(en.starts_with("A: score") && en.contains("1 of 10") && en.contains("Our sales, 12 months ($9,000)"), "{en}");
        let b = report.customers.iter().find(|c| c.tier == super::Tier::B && !c.held).expect("a B customer");
        let en = report.why(b).render(Lang::En);
        let floor = report.floors[0].expect("A is not empty");
        assert!(en.contains(&format!("A starts at {}", (floor * 10.0).round() / 10.0)), "{en}");
        let zh = report.why(b).render(Lang::Zh);
        assert!(zh.contains("B 类") && zh.contains("A 类从"), "{zh}");
    }

    #[test]
    fn under_cut_offs_the_next_tier_starts_at_its_cut_off() {
        let rules = TierRules::cutoffs(90.0, 60.0, 30.0).with_grace(0.0);
        let report = model(Level::Green).evaluate(&WeightProfile::builtins()[0], &rules);
        let b = report.customers.iter().find(|c| c.tier == super::Tier::B).expect("a B customer");
        let en = report.why(b).render(Lang::En);
        assert!(en.contains("A starts at 90,") || en.contains("A starts at 90 "), "the cut-off, not the lowest A score: {en}");
    }

    #[test]
    fn no_built_in_profile_weighs_health() {
        for p in WeightProfile::builtins() {
            assert_eq!(p.weights.get(super::Metric::Health), 0.0, "{}: value and risk are two axes", p.name);
        }
    }
}
