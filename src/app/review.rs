//! The quarterly review: in review month (the first month of each quarter unless the user says
//! otherwise) every core customer's quarter is reviewed — its quarterly health report made, read
//! with its owner, marked reviewed with a note. This module says which quarter is under review at a
//! date and where each core customer's review stands.

use crate::analysis::health::Level;
use crate::analysis::tiers::{Tier, TierReport};
use crate::model::date::months_back;
use crate::model::{CompanyId, CrmCard, Quarter, ReviewMark, ReviewMonth, ReviewState};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The quarter a review is about when the data run to `as_of` — the last quarter that ended before
/// the latest review month began — and whether that review month is now. Customs data arrive late:
/// data ending on 30 September are read in October, so the day after the data's end is taken as
/// "now" (data to the quarter's last day make its review due).
pub fn quarter_under_review(as_of: NaiveDate, month: ReviewMonth) -> (Quarter, bool) {
    let now = as_of.succ_opt().unwrap_or(as_of);
    let started = months_back(now, u32::from(month.get() - 1));
    let in_month = (now.month0() % 3) + 1 == u32::from(month.get());
    (Quarter::of(started).prev(), in_month)
}

/// One core customer in the review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRow {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its tier.
    pub tier: Tier,
    /// Its health level.
    pub level: Level,
    /// Valuable and in trouble (keeps its tier).
    pub protect: bool,
    /// Its owner in the CRM card ("" when nobody is named).
    pub owner: String,
    /// Our sales over 12 months (USD).
    pub our_sales_12m: f64,
    /// Report made, reviewed, note.
    pub mark: ReviewMark,
}

impl ReviewRow {
    /// Where its review stands.
    pub fn state(&self) -> ReviewState {
        self.mark.state()
    }
}

/// The review of a quarter: every core customer, the worst health first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The quarter reviewed.
    pub quarter: Quarter,
    /// Which month of the quarter is review month.
    pub month: u8,
    /// The as-of date falls in review month.
    pub in_review_month: bool,
    /// The core customers.
    pub rows: Vec<ReviewRow>,
}

impl Review {
    /// Customers reviewed.
    pub fn reviewed(&self) -> usize {
        self.rows.iter().filter(|r| r.mark.reviewed_on.is_some()).count()
    }

    /// Customers whose quarterly report was made.
    pub fn reported(&self) -> usize {
        self.rows.iter().filter(|r| r.mark.report_on.is_some()).count()
    }
}

/// The review at `as_of`: the core watchlist of `tiers` joined with owners and marks.
pub fn review(
    tiers: &TierReport,
    cards: &FxHashMap<CompanyId, CrmCard>,
    marks: &FxHashMap<CompanyId, ReviewMark>,
    as_of: NaiveDate,
    month: ReviewMonth,
) -> Review {
    let (quarter, in_review_month) = quarter_under_review(as_of, month);
    let mut rows: Vec<ReviewRow> = tiers
        .customers
        .iter()
        .filter(|c| c.core)
        .map(|c| ReviewRow {
            id: c.id,
            customer: c.customer.clone(),
            tier: c.tier,
            level: c.level,
            protect: c.protect,
            owner: cards.get(&c.id).map(|k| k.owner.clone()).unwrap_or_default(),
            our_sales_12m: c.our_sales_12m,
            mark: marks.get(&c.id).cloned().unwrap_or_default(),
        })
        .collect();
    rows.sort_by(|a, b| b.level.cmp(&a.level).then(b.our_sales_12m.total_cmp(&a.our_sales_12m)).then(a.customer.cmp(&b.customer)));
    Review { quarter, month: month.get(), in_review_month, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_quarter_under_review_is_the_one_before_the_latest_review_month() {
        let first = ReviewMonth::default();
        assert_eq!(quarter_under_review(d(2026, 10, 12), first), (Quarter { year: 2026, q: 3 }, true));
        // Data to the quarter's end are read in the next month: its review is due.
        assert_eq!(quarter_under_review(d(2026, 9, 30), first), (Quarter { year: 2026, q: 3 }, true));
        assert_eq!(quarter_under_review(d(2026, 9, 29), first), (Quarter { year: 2026, q: 2 }, false));
        assert_eq!(quarter_under_review(d(2026, 12, 6), first), (Quarter { year: 2026, q: 3 }, false));
        assert_eq!(quarter_under_review(d(2027, 1, 2), first), (Quarter { year: 2026, q: 4 }, true));
        let second = ReviewMonth::new(2).expect("month");
        // The Q3 review starts in November: in October the Q2 review is still the latest.
        assert_eq!(quarter_under_review(d(2026, 10, 30), second), (Quarter { year: 2026, q: 2 }, false));
        assert_eq!(quarter_under_review(d(2026, 10, 31), second), (Quarter { year: 2026, q: 3 }, true));
        assert_eq!(quarter_under_review(d(2026, 12, 30), ReviewMonth::new(3).expect("month")), (Quarter { year: 2026, q: 3 }, true));
    }
}
