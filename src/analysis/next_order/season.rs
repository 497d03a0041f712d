//! A customer's seasonal profile: the share of our sales it buys in each quarter of the year,
//! averaged over whole years, with the quarter it buys most in, how strongly (the peak's share above
//! an even quarter) and how sure (the same peak in most years). Fewer than two whole years: too
//! short to tell, and it says so.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Whole years needed before a season is told.
pub const MIN_YEARS: usize = 2;
/// A peak this far above an even quarter (25%) is a season.
const STRONG: f64 = 0.10;

/// The seasonal profile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Season {
    /// Whole years of history looked at (the years ending at the as-of date).
    pub years: usize,
    /// Share of a year's sales in each calendar quarter, averaged over those years (empty years left out).
    pub quarters: [f64; 4],
    /// The quarter (1–4) with the largest share, when the history is long enough.
    pub peak: Option<u8>,
    /// The peak's share above an even 25%.
    pub strength: f64,
    /// The same quarter peaked in at least two thirds of the years.
    pub sure: bool,
}

impl Season {
    /// A season worth telling: long enough, a strong peak, the same peak most years.
    pub fn seasonal(&self) -> bool {
        self.peak.is_some() && self.strength >= STRONG && self.sure
    }

    /// The season in a sentence: its peak and strength, or why none is told.
    pub fn message(&self) -> crate::text::Message {
        match self.peak {
            None => crate::msg!("order.season_short", years = self.years),
            Some(q) if self.seasonal() => {
                let share = format!("{:.0}", (self.strength + 0.25) * 100.0);
                crate::msg!("order.season", q = q, share = share, years = self.years)
            }
            Some(_) => crate::msg!("order.season_none", years = self.years),
        }
    }
}

/// The profile of sales by day up to `as_of`, over the whole years (of 12 months ending at `as_of`)
/// with any sale.
pub fn season(sales: &[(NaiveDate, f64)], as_of: NaiveDate) -> Season {
    let first = sales.iter().map(|(d, _)| *d).min();
    let years = first.map_or(0, |f| (crate::model::date::month_number_diff(as_of, f).max(0) as usize + 1) / 12);
    let mut per_year: Vec<[f64; 4]> = vec![[0.0; 4]; years];
    for (day, value) in sales {
        let back = crate::model::date::month_number_diff(as_of, *day);
        if back < 0 {
            continue;
        }
        let y = back as usize / 12;
        if let Some(year) = per_year.get_mut(y) {
            year[(day.month0() / 3) as usize] += value;
        }
    }
    let shares: Vec<[f64; 4]> = per_year
        .iter()
        .filter_map(|q| {
            let total: f64 = q.iter().sum();
            (total > 0.0).then(|| q.map(|v| v / total))
        })
        .collect();
    let n = shares.len();
    let mut quarters = [0.0; 4];
    for s in &shares {
        for (q, v) in quarters.iter_mut().zip(s) {
            *q += v / n.max(1) as f64;
        }
    }
    if n < super::season::MIN_YEARS {
        return Season { years: n, quarters, peak: None, strength: 0.0, sure: false };
    }
    let top = |q: &[f64; 4]| (0..4).max_by(|a, b| q[*a].total_cmp(&q[*b])).unwrap_or(0);
    let peak = top(&quarters);
    let agree = shares.iter().filter(|s| top(s) == peak).count();
    Season { years: n, quarters, peak: Some(peak as u8 + 1), strength: quarters[peak] - 0.25, sure: agree * 3 >= n * 2 }
}
