//! From scores to tiers A/B/C/D: by quantiles of the portfolio (the default: the top tenth is A)
//! or by fixed score cut-offs.
//!
//! Two rules on top:
//! - A customer we sold nothing to in the last 12 months is never A: A means the senior manager's
//!   time, which goes to business we have. Under quantiles its A place passes to the next customer.
//! - A grace band keeps tiers from flickering: a customer keeps last quarter's tier until its score
//!   falls more than `grace` points short of it (see [`assign`]). Without it, customers near a
//!   boundary would change tier every quarter on noise (an order landing a few days either side of
//!   a quarter end), and real upgrades would drown among them.

use super::watchlist::WatchlistRules;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A customer tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// The most valuable.
    A,
    /// Next.
    B,
    /// Next.
    C,
    /// The rest.
    D,
}

impl Tier {
    /// All tiers, best first.
    pub const ALL: [Tier; 4] = [Tier::A, Tier::B, Tier::C, Tier::D];

    /// Position in [`Tier::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Rules were not usable.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RulesError {
    /// Quantiles must rise within 0–1.
    #[error("tier quantiles must satisfy 0 ≤ A ≤ B ≤ C ≤ 1 (cumulative shares of customers), got {0}, {1}, {2}")]
    Quantiles(f64, f64, f64),
    /// Cut-offs must fall within 0–100.
    #[error("tier cut-offs must satisfy 100 ≥ A ≥ B ≥ C ≥ 0 (scores), got {0}, {1}, {2}")]
    Cutoffs(f64, f64, f64),
    /// The grace band must be 0–20 points.
    #[error("the grace band must be 0 to 20 score points, got {0}")]
    Grace(f64),
    /// The watchlist's cover and cap must lie in (0, 1].
    #[error("the watchlist's share of sales and its cap must each be above 0 and at most 1 (100%), got {0} and {1}")]
    Watchlist(f64, f64),
}

impl RulesError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            RulesError::Quantiles(a, b, c) => {
                crate::msg!("error.rules.quantiles", a = a.to_string(), b = b.to_string(), c = c.to_string())
            }
            RulesError::Cutoffs(a, b, c) => crate::msg!("error.rules.cutoffs", a = a.to_string(), b = b.to_string(), c = c.to_string()),
            RulesError::Grace(grace) => crate::msg!("error.rules.grace", grace = grace.to_string()),
            RulesError::Watchlist(cover, cap) => crate::msg!("error.rules.watchlist", cover = cover.to_string(), cap = cap.to_string()),
        }
    }
}

/// Where the tier boundaries lie.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Split {
    /// Cumulative shares of customers, best scores first: the top `a` are A, up to `b` B, up to `c`
    /// C, the rest D.
    Quantiles {
        /// Share of customers in A.
        a: f64,
        /// Share in A or B.
        b: f64,
        /// Share in A, B or C.
        c: f64,
    },
    /// Minimum scores (0–100) for A, B and C; below `c` is D.
    Cutoffs {
        /// Lowest A score.
        a: f64,
        /// Lowest B score.
        b: f64,
        /// Lowest C score.
        c: f64,
    },
}

/// How scores become tiers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TierRules {
    /// The boundaries.
    #[serde(flatten)]
    pub split: Split,
    /// Score points a customer may stray outside its last tier's band before it changes tier.
    #[serde(default = "default_grace")]
    pub grace: f64,
    /// How large the core watchlist is.
    #[serde(default)]
    pub watchlist: WatchlistRules,
}

/// The default grace band, in score points.
pub const DEFAULT_GRACE: f64 = 2.0;

fn default_grace() -> f64 {
    DEFAULT_GRACE
}

impl Default for TierRules {
    fn default() -> TierRules {
        TierRules::quantiles(0.10, 0.30, 0.60)
    }
}

impl TierRules {
    /// Quantile rules with the default grace band.
    pub fn quantiles(a: f64, b: f64, c: f64) -> TierRules {
        TierRules { split: Split::Quantiles { a, b, c }, grace: DEFAULT_GRACE, watchlist: WatchlistRules::default() }
    }

    /// Cut-off rules with the default grace band.
    pub fn cutoffs(a: f64, b: f64, c: f64) -> TierRules {
        TierRules { split: Split::Cutoffs { a, b, c }, grace: DEFAULT_GRACE, watchlist: WatchlistRules::default() }
    }

    /// The same rules with another grace band.
    pub fn with_grace(self, grace: f64) -> TierRules {
        TierRules { grace, ..self }
    }

    /// Checks the rules are ordered and in range.
    pub fn validate(&self) -> Result<(), RulesError> {
        let ordered = |lo: f64, x: [f64; 3], hi: f64| lo <= x[0] && x[0] <= x[1] && x[1] <= x[2] && x[2] <= hi;
        if !(0.0..=20.0).contains(&self.grace) {
            return Err(RulesError::Grace(self.grace));
        }
        if !self.watchlist.is_valid() {
            return Err(RulesError::Watchlist(self.watchlist.cover, self.watchlist.cap));
        }
        match self.split {
            Split::Quantiles { a, b, c } if !ordered(0.0, [a, b, c], 1.0) => Err(RulesError::Quantiles(a, b, c)),
            Split::Cutoffs { a, b, c } if !ordered(0.0, [c, b, a], 100.0) => Err(RulesError::Cutoffs(a, b, c)),
            _ => Ok(()),
        }
    }

    /// A plain description, e.g. "top 10% A, next 20% B, next 30% C, the rest D".
    pub fn describe(&self) -> String {
        let split = match self.split {
            Split::Quantiles { a, b, c } => {
                format!("top {:.0}% of customers A, next {:.0}% B, next {:.0}% C, the rest D", a * 100.0, (b - a) * 100.0, (c - b) * 100.0)
            }
            Split::Cutoffs { a, b, c } => format!("score ≥ {a:.0} A, ≥ {b:.0} B, ≥ {c:.0} C, below D"),
        };
        format!(
            "{split}; a customer keeps its tier until its score falls more than {:.1} points short of it; the core watchlist takes the largest customers up to {:.0}% of our sales, at most {:.0}% of customers",
            self.grace,
            self.watchlist.cover * 100.0,
            self.watchlist.cap * 100.0
        )
    }

    /// The same in Chinese.
    pub fn describe_zh(&self) -> String {
        let split = match self.split {
            Split::Quantiles { a, b, c } => {
                format!("得分前 {:.0}% 为 A，其后 {:.0}% 为 B，再后 {:.0}% 为 C，其余为 D", a * 100.0, (b - a) * 100.0, (c - b) * 100.0)
            }
            Split::Cutoffs { a, b, c } => format!("得分 ≥ {a:.0} 为 A，≥ {b:.0} 为 B，≥ {c:.0} 为 C，其余为 D"),
        };
        format!(
            "{split}；得分低于原等级 {:.1} 分以上才降级；核心名单按销售额取前列客户，覆盖我方销售额 {:.0}%，最多占客户数 {:.0}%",
            self.grace,
            self.watchlist.cover * 100.0,
            self.watchlist.cap * 100.0
        )
    }
}

/// The tier of each customer, given their scores, our sales to them over the last 12 months, and
/// (for the grace band) their tiers last quarter (empty: none).
///
/// The grace band works like a thermostat: a customer competing for its own tier or a better one
/// it held counts `grace` points more, so it enters a tier on its score but leaves only once it
/// falls `grace` points short. Under quantiles the quotas still hold exactly: tiers are filled best
/// first, each from the customers left, by score plus that allowance (ties by our sales). (A
/// protected customer is kept in its A or B afterwards, by `Snapshot::rank`, on top of the quota: a
/// tier may then hold a few more customers than its share.)
pub fn assign(rules: &TierRules, scores: &[f64], ours_12m: &[f64], previous: &[Option<Tier>]) -> Vec<Tier> {
    let n = scores.len();
    let held_at = |i: usize, tier: Tier| previous.get(i).copied().flatten().is_some_and(|p| p <= tier);
    let key = |i: usize, tier: Tier| scores[i] + if held_at(i, tier) { rules.grace } else { 0.0 };
    let eligible = |i: usize, tier: Tier| tier != Tier::A || ours_12m[i] > 0.0;
    let mut tiers = vec![Tier::D; n];
    match rules.split {
        Split::Cutoffs { a, b, c } => {
            for (i, t) in tiers.iter_mut().enumerate() {
                *t = [(Tier::A, a), (Tier::B, b), (Tier::C, c)]
                    .into_iter()
                    .find(|(tier, cut)| eligible(i, *tier) && key(i, *tier) >= *cut)
                    .map_or(Tier::D, |(tier, _)| tier);
            }
        }
        Split::Quantiles { a, b, c } => {
            // A small book still has an A: "the top 10%" of three customers is the largest one.
            let count = |q: f64| ((q * n as f64).round() as usize).min(n).max(usize::from(q > 0.0 && n > 0));
            let quotas = [count(a), count(b).saturating_sub(count(a)), count(c).saturating_sub(count(b).max(count(a)))];
            let mut left: Vec<usize> = (0..n).collect();
            for (tier, quota) in Tier::ALL.into_iter().zip(quotas) {
                let keys: Vec<f64> = (0..n).map(|i| key(i, tier)).collect();
                // Best first; equal keys go to the larger customer, then the lower index, so the
                // order is total and repeatable.
                let better =
                    |x: &usize, y: &usize| keys[*y].total_cmp(&keys[*x]).then(ours_12m[*y].total_cmp(&ours_12m[*x])).then(x.cmp(y));
                let (mut pool, rest): (Vec<usize>, Vec<usize>) = left.iter().partition(|&&i| eligible(i, tier));
                let take = quota.min(pool.len());
                if take > 0 && take < pool.len() {
                    pool.select_nth_unstable_by(take - 1, better);
                }
                for &i in &pool[..take] {
                    tiers[i] = tier;
                }
                left = pool[take..].iter().copied().chain(rest).collect();
            }
        }
    }
    tiers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_errors_speak_chinese_with_their_fields() {
        use crate::text::Lang;
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for (e, values) in [
            (RulesError::Quantiles(0.2, 0.1, 0.9), "0.2、0.1、0.9"),
            (RulesError::Cutoffs(80.0, 90.0, 40.5), "80、90、40.5"),
            (RulesError::Grace(25.0), "25"),
        ] {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh) && zh.contains(values), "{zh}");
            assert_ne!(en, zh);
        }
    }

    const FRESH: &[Option<Tier>] = &[];

    #[test]
    fn quantiles_split_the_portfolio_best_first() {
        let scores: Vec<f64> = (0..10).map(|i| i as f64 * 10.0).collect();
        let tiers = assign(&TierRules::default(), &scores, &[1.0; 10], FRESH);
        assert_eq!(tiers, [[Tier::D; 4].as_slice(), &[Tier::C; 3], &[Tier::B; 2], &[Tier::A]].concat());
    }

    #[test]
    fn cutoffs_use_the_score() {
        let rules = TierRules::cutoffs(70.0, 50.0, 30.0);
        assert_eq!(assign(&rules, &[90.0, 70.0, 69.9, 30.0, 10.0], &[1.0; 5], FRESH), vec![Tier::A, Tier::A, Tier::B, Tier::C, Tier::D]);
    }

    #[test]
    fn no_sales_from_us_is_never_a() {
        let rules = TierRules::cutoffs(70.0, 50.0, 30.0);
        assert_eq!(assign(&rules, &[95.0, 80.0], &[0.0, 10.0], FRESH), vec![Tier::B, Tier::A]);
        assert_eq!(assign(&TierRules::quantiles(0.5, 1.0, 1.0), &[95.0, 80.0], &[0.0, 10.0], FRESH), vec![Tier::B, Tier::A]);
        // Not even by grace: it was A last quarter, and still scores like one.
        assert_eq!(assign(&rules, &[95.0], &[0.0], &[Some(Tier::A)]), vec![Tier::B]);
    }

    #[test]
    fn the_grace_band_keeps_last_quarters_tier_near_a_boundary() {
        let rules = TierRules::cutoffs(70.0, 50.0, 30.0);
        let previous = [Some(Tier::A), Some(Tier::C), Some(Tier::B), Some(Tier::B), None, Some(Tier::A)];
        let scores = [68.5, 51.5, 49.0, 47.5, 69.0, 31.0];
        let tiers = assign(&rules, &scores, &[1.0; 6], &previous);
        assert_eq!(
            tiers,
            vec![
                Tier::A, // 1.5 short of A: stays A
                Tier::B, // enters B on its score
                Tier::B, // 1 short of B: stays B
                Tier::C, // 2.5 short of B: drops
                Tier::B, // new: no allowance
                Tier::C, // a fall of several tiers is not held at all
            ]
        );
        assert_eq!(assign(&rules.with_grace(0.0), &scores, &[1.0; 6], &previous)[0], Tier::B);
    }

    #[test]
    fn a_small_book_still_has_its_largest_customer_in_a() {
        // Three customers: 10% of them rounds to none, but the best one is the A customer.
        let tiers = assign(&TierRules::default(), &[80.0, 60.0, 40.0], &[3.0, 2.0, 1.0], &[]);
        assert_eq!(tiers, [Tier::A, Tier::C, Tier::D]);
        assert_eq!(assign(&TierRules::default(), &[], &[], &[]), []);
        // A zero share still means none.
        assert_eq!(assign(&TierRules::quantiles(0.0, 0.5, 1.0), &[80.0, 60.0], &[2.0, 1.0], &[]), [Tier::B, Tier::C]);
    }

    #[test]
    fn under_quantiles_the_grace_band_keeps_the_quotas() {
        // Ten customers a point apart; last quarter the 4th best was A.
        let scores: Vec<f64> = (0..10).map(|i| 50.0 + i as f64).collect();
        let mut previous = vec![None; 10];
        previous[6] = Some(Tier::A);
        let rules = TierRules::quantiles(0.2, 0.5, 0.8);
        let tiers = assign(&rules, &scores, &[1.0; 10], &previous);
        let count = |t: Tier| tiers.iter().filter(|x| **x == t).count();
        assert_eq!([count(Tier::A), count(Tier::B), count(Tier::C), count(Tier::D)], [2, 3, 3, 2]);
        assert_eq!(tiers[6], Tier::A, "58 + 2 beats 59: the incumbent stays");
        assert_eq!(tiers[8], Tier::B, "and the customer it held off waits a quarter");
        assert_eq!(tiers[9], Tier::A);
        let fresh = assign(&rules, &scores, &[1.0; 10], &[]);
        assert_eq!((fresh[6], fresh[8]), (Tier::B, Tier::A));
    }

    #[test]
    fn ties_at_a_boundary_are_split_by_count_not_pushed_down() {
        // Twenty customers share the top score (e.g. weights on health alone, all green).
        let scores: Vec<f64> = (0..40).map(|i| if i < 20 { 100.0 } else { 40.0 }).collect();
        let ours: Vec<f64> = (0..40).map(|i| 1000.0 - i as f64).collect();
        let tiers = assign(&TierRules::default(), &scores, &ours, &[]);
        let count = |t: Tier| tiers.iter().filter(|x| **x == t).count();
        assert_eq!([count(Tier::A), count(Tier::B), count(Tier::C), count(Tier::D)], [4, 8, 12, 16]);
        assert!(tiers[..4].iter().all(|t| *t == Tier::A), "equal scores: the larger customers first");
        // Held last quarter in D with the top score: the allowance only helps, it cannot trap.
        let mut previous = vec![None; 40];
        previous[0] = Some(Tier::D);
        assert_eq!(assign(&TierRules::default(), &scores, &ours, &previous)[0], Tier::A);
    }

    #[test]
    fn rules_must_be_ordered() {
        assert!(TierRules::quantiles(0.3, 0.2, 0.6).validate().is_err());
        assert!(TierRules::cutoffs(50.0, 60.0, 10.0).validate().is_err());
        assert!(TierRules::cutoffs(80.0, 60.0, 10.0).validate().is_ok());
        assert!(TierRules::default().with_grace(-1.0).validate().is_err());
        assert!(TierRules::default().validate().is_ok());
        let json = serde_json::to_string(&TierRules::default()).expect("fixture");
        assert_eq!(json, r#"{"kind":"quantiles","a":0.1,"b":0.3,"c":0.6,"grace":2.0,"watchlist":{"cover":0.8,"cap":0.2}}"#);
        // Rules stored before the watchlist was settable read with its defaults.
        let old: TierRules = serde_json::from_str(r#"{"kind":"cutoffs","a":70,"b":50,"c":30}"#).expect("fixture");
        assert_eq!(old, TierRules::cutoffs(70.0, 50.0, 30.0));
        let wide = TierRules { watchlist: crate::analysis::tiers::WatchlistRules { cover: 0.9, cap: 0.0 }, ..TierRules::default() };
        assert!(matches!(wide.validate(), Err(RulesError::Watchlist(..))));
    }
}
