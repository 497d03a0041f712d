//! The core watchlist: the top customers by our sales, until they make up a share of our sales
//! (80% by default) but never more than a share of the customers (20%) — the ones whose loss would
//! hurt most, whatever their tier, in a number an owner can work through.

use serde::{Deserialize, Serialize};

/// How large the core watchlist is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WatchlistRules {
    /// The share of our sales the list should cover (0–1).
    pub cover: f64,
    /// The most customers it holds, as a share of our customers (0–1); the practice's "top 20%
    /// making most of the sales".
    pub cap: f64,
}

impl Default for WatchlistRules {
    fn default() -> WatchlistRules {
        WatchlistRules { cover: 0.80, cap: 0.20 }
    }
}

impl WatchlistRules {
    /// Both shares lie in (0, 1].
    pub fn is_valid(&self) -> bool {
        self.cover > 0.0 && self.cover <= 1.0 && self.cap > 0.0 && self.cap <= 1.0
    }

    /// The most customers on the list out of `n`: never more than the cap's share (rounded down),
    /// but at least one when there is anyone.
    pub fn max_customers(&self, n: usize) -> usize {
        // The small epsilon keeps 0.2 × 350 = 70 from flooring to 69 on a float's last bit.
        ((self.cap * n as f64 + 1e-9).floor() as usize).clamp(n.min(1), n)
    }
}

/// Indices of the customers on the watchlist, largest first, given our sales to each: the smallest
/// top set reaching `cover` of our sales, cut at the cap.
pub fn core_watchlist(ours: &[f64], rules: &WatchlistRules) -> Vec<usize> {
    let total: f64 = ours.iter().filter(|x| **x > 0.0).sum();
    let mut order: Vec<usize> = (0..ours.len()).filter(|&i| ours[i] > 0.0).collect();
    order.sort_by(|&a, &b| ours[b].total_cmp(&ours[a]).then(a.cmp(&b)));
    let most = rules.max_customers(ours.len());
    let mut covered = 0.0;
    let mut out = Vec::new();
    for i in order {
        if covered >= rules.cover * total || out.len() >= most {
            break;
        }
        covered += ours[i];
        out.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_CAP: WatchlistRules = WatchlistRules { cover: 0.8, cap: 1.0 };

    #[test]
    fn smallest_top_set_reaching_the_cover() {
        // 50 + 25 = 75% is not enough; + 10 = 85%.
        assert_eq!(core_watchlist(&[10.0, 50.0, 5.0, 25.0, 10.0, 0.0], &NO_CAP), vec![1, 3, 0]);
        assert_eq!(core_watchlist(&[80.0, 20.0], &NO_CAP), vec![0]);
        assert!(core_watchlist(&[0.0, 0.0], &NO_CAP).is_empty());
    }

    #[test]
    fn the_cap_keeps_a_flat_portfolio_workable() {
        // 100 customers of equal size: 80% of sales would take 80 of them; the default cap stops at 20.
        let flat = vec![1.0; 100];
        assert_eq!(core_watchlist(&flat, &NO_CAP).len(), 80);
        assert_eq!(core_watchlist(&flat, &WatchlistRules::default()).len(), 20);
        // A tiny book still has one customer on the list.
        assert_eq!(core_watchlist(&[5.0, 1.0], &WatchlistRules { cover: 0.8, cap: 0.1 }), vec![0]);
        // Never past the cap: 20% of 13 customers is 2, not 3.
        assert_eq!(WatchlistRules::default().max_customers(13), 2);
        assert_eq!(WatchlistRules::default().max_customers(350), 70);
        assert!(!WatchlistRules { cover: 0.0, cap: 0.2 }.is_valid());
        assert!(!WatchlistRules { cover: 0.8, cap: 1.5 }.is_valid());
        assert!(WatchlistRules::default().is_valid());
    }
}
