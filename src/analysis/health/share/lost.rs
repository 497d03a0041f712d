//! A share lost and not regained: once a slide is over, a customer whose latest year's share is at
//! most half of its best year of the two before stays yellow, for a win-back conversation, instead of
//! reading green once its share stops falling.

use super::{QuarterShare, Stats, pooled, share_signal};
use crate::analysis::health::signal::{Severity, ShareFigures, Signal};
use crate::analysis::health::thresholds::HealthSettings;
use crate::analysis::health::view::View;

/// A share lost and not regained: our share over the latest four quarters against the best
/// four-quarter share of the two years before them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Lost {
    /// Quarters back to the newest quarter of the best earlier year.
    from: usize,
    /// Our share over that year, and over the latest four quarters.
    then: f64,
    now: f64,
    /// Our sales per quarter over that year and over the latest four quarters (USD).
    ours_then: f64,
    ours_now: f64,
    /// The category per quarter over the latest four quarters (USD).
    category_now: f64,
}

/// Our share is lost when the latest year's is at most this part of the best earlier year's: half,
/// the loss a churn event counts.
const LOST: f64 = 0.5;

/// The share lost and not regained, if so: at most [`LOST`] of the best year-long share of the two
/// years before the latest year, while the customer kept buying (the category held against that
/// year). A customer whose slide is over stays flagged — yellow, for a win-back conversation, once
/// the fall also reaches `share_drop_orange` points ([`counts`]) — instead of reading green once its
/// share stops falling.
pub(super) fn lost(valid: &[QuarterShare], cfg: &HealthSettings) -> Option<Lost> {
    let year = |from: usize| {
        let quarters: Vec<QuarterShare> = valid.iter().filter(|q| q.back >= from && q.back < from + 4).copied().collect();
        (quarters.len() >= 3).then(|| pooled(&quarters))
    };
    let (now, ours_now, category_now) = year(0)?;
    let (from, (then, ours_then, category_then)) =
        (4..=8).filter_map(|from| year(from).map(|y| (from, y))).max_by(|a, b| a.1.0.total_cmp(&b.1.0))?;
    (now <= LOST * then && category_now >= cfg.share_category_holds * category_then).then_some(Lost {
        from,
        then,
        now,
        ours_then,
        ours_now,
        category_now,
    })
}

/// True when a lost share fell far enough to count: judged here, not measured, since a tuning moves
/// `share_drop_orange`.
pub(super) fn counts(lost: &Lost, cfg: &HealthSettings) -> bool {
    lost.then - lost.now >= cfg.share_drop_orange
}

/// The signal of a share lost and not regained: the best earlier year against the latest one.
pub(super) fn lost_signal(v: &View, s: &Stats, lost: &Lost, severity: Severity) -> Signal {
    let usual = s.spans[0].usual;
    let figures = ShareFigures {
        share_before: lost.then,
        share_now: lost.now,
        quarters: 4,
        usual_wander: usual,
        strength: (lost.then - lost.now) / usual.max(1e-9),
        category_quarterly: lost.category_now,
        ours_quarterly_before: lost.ours_then,
        ours_quarterly_now: lost.ours_now,
        abrupt: false,
        lost: true,
    };
    // Since the end of the year it last held its share.
    share_signal(v, figures, severity, lost.from)
}
