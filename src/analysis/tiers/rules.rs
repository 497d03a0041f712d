//! From scores to tiers A/B/C/D: by quantiles of the portfolio (the default: the top tenth is A)
//! or by fixed score cut-offs. Either way a customer we sold nothing to in the last 12 months is
//! never A: A means the senior manager's time, which goes to business we have. Under quantiles its
//! A place passes to the next customer in line.

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
}

/// How scores become tiers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TierRules {
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

impl Default for TierRules {
    fn default() -> TierRules {
        TierRules::Quantiles { a: 0.10, b: 0.30, c: 0.60 }
    }
}

impl TierRules {
    /// Checks the rules are ordered and in range.
    pub fn validate(&self) -> Result<(), RulesError> {
        let ordered = |lo: f64, x: [f64; 3], hi: f64| lo <= x[0] && x[0] <= x[1] && x[1] <= x[2] && x[2] <= hi;
        match *self {
            TierRules::Quantiles { a, b, c } if !ordered(0.0, [a, b, c], 1.0) => Err(RulesError::Quantiles(a, b, c)),
            TierRules::Cutoffs { a, b, c } if !ordered(0.0, [c, b, a], 100.0) => Err(RulesError::Cutoffs(a, b, c)),
            _ => Ok(()),
        }
    }

    /// A plain description, e.g. "top 10% A, next 20% B, next 30% C, the rest D".
    pub fn describe(&self) -> String {
        match *self {
            TierRules::Quantiles { a, b, c } => {
                format!("top {:.0}% of customers A, next {:.0}% B, next {:.0}% C, the rest D", a * 100.0, (b - a) * 100.0, (c - b) * 100.0)
            }
            TierRules::Cutoffs { a, b, c } => format!("score ≥ {a:.0} A, ≥ {b:.0} B, ≥ {c:.0} C, below D"),
        }
    }
}

/// The tier of each customer, given their scores and our sales to them over the last 12 months.
pub fn assign(rules: &TierRules, scores: &[f64], ours_12m: &[f64]) -> Vec<Tier> {
    let n = scores.len();
    let mut tiers = vec![Tier::D; n];
    match *rules {
        TierRules::Cutoffs { a, b, c } => {
            for (t, s) in tiers.iter_mut().zip(scores) {
                *t = if *s >= a {
                    Tier::A
                } else if *s >= b {
                    Tier::B
                } else if *s >= c {
                    Tier::C
                } else {
                    Tier::D
                };
            }
        }
        TierRules::Quantiles { a, b, c } => {
            let mut order: Vec<usize> = (0..n).collect();
            // Best score first; equal scores go to the larger customer so ranks are stable.
            order.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(ours_12m[y].total_cmp(&ours_12m[x])).then(x.cmp(&y)));
            let count = |q: f64| (q * n as f64).round() as usize;
            let (na, nb, nc) = (count(a), count(b), count(c));
            // A customer without sales from us gives its A place to the next one in line.
            let mut a_left = na;
            for (pos, &i) in order.iter().enumerate() {
                tiers[i] = if ours_12m[i] > 0.0 && a_left > 0 {
                    a_left -= 1;
                    Tier::A
                } else if pos < nb.max(na) {
                    Tier::B
                } else if pos < nc {
                    Tier::C
                } else {
                    Tier::D
                };
            }
        }
    }
    // Cut-offs: never A without sales from us.
    for (t, ours) in tiers.iter_mut().zip(ours_12m) {
        if *t == Tier::A && *ours <= 0.0 {
            *t = Tier::B;
        }
    }
    tiers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_split_the_portfolio_best_first() {
        let scores: Vec<f64> = (0..10).map(|i| i as f64 * 10.0).collect();
        let tiers = assign(&TierRules::default(), &scores, &[1.0; 10]);
        assert_eq!(tiers, [[Tier::D; 4].as_slice(), &[Tier::C; 3], &[Tier::B; 2], &[Tier::A]].concat());
    }

    #[test]
    fn cutoffs_use_the_score() {
        let rules = TierRules::Cutoffs { a: 70.0, b: 50.0, c: 30.0 };
        assert_eq!(assign(&rules, &[90.0, 70.0, 69.9, 30.0, 10.0], &[1.0; 5]), vec![Tier::A, Tier::A, Tier::B, Tier::C, Tier::D]);
    }

    #[test]
    fn no_sales_from_us_is_never_a() {
        let rules = TierRules::Cutoffs { a: 70.0, b: 50.0, c: 30.0 };
        assert_eq!(assign(&rules, &[95.0, 80.0], &[0.0, 10.0]), vec![Tier::B, Tier::A]);
        assert_eq!(assign(&TierRules::Quantiles { a: 0.5, b: 0.5, c: 1.0 }, &[95.0, 80.0], &[0.0, 10.0]), vec![Tier::B, Tier::A]);
    }

    #[test]
    fn rules_must_be_ordered() {
        assert!(TierRules::Quantiles { a: 0.3, b: 0.2, c: 0.6 }.validate().is_err());
        assert!(TierRules::Cutoffs { a: 50.0, b: 60.0, c: 10.0 }.validate().is_err());
        assert!(TierRules::Cutoffs { a: 80.0, b: 60.0, c: 10.0 }.validate().is_ok());
        assert!(TierRules::default().validate().is_ok());
    }
}
