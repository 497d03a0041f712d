//! The core watchlist: the smallest set of top customers making up 80% of our sales — the ones
//! whose loss would hurt most, whatever their tier.

/// The share of our sales the watchlist covers.
pub const CORE_SHARE: f64 = 0.80;

/// Indices of the customers on the watchlist, largest first, given our sales to each.
pub fn core_watchlist(ours: &[f64]) -> Vec<usize> {
    let total: f64 = ours.iter().filter(|x| **x > 0.0).sum();
    let mut order: Vec<usize> = (0..ours.len()).filter(|&i| ours[i] > 0.0).collect();
    order.sort_by(|&a, &b| ours[b].total_cmp(&ours[a]).then(a.cmp(&b)));
    let mut covered = 0.0;
    let mut out = Vec::new();
    for i in order {
        if covered >= CORE_SHARE * total {
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

    #[test]
    fn smallest_top_set_reaching_80_percent() {
        // 50 + 25 = 75% is not enough; + 10 = 85%.
        assert_eq!(core_watchlist(&[10.0, 50.0, 5.0, 25.0, 10.0, 0.0]), vec![1, 3, 0]);
        assert_eq!(core_watchlist(&[80.0, 20.0]), vec![0]);
        assert!(core_watchlist(&[0.0, 0.0]).is_empty());
    }
}
