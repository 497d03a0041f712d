//! The quarterly review of a core customer: whether its quarterly health report was made and
//! whether it was reviewed, when, and what was noted (the note also lands in the CRM card).

use chrono::NaiveDate;
use serde::Serialize;

/// One customer's review state for one quarter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReviewMark {
    /// The day its quarterly health report was made (`None`: not yet).
    pub report_on: Option<NaiveDate>,
    /// The day it was reviewed (`None`: not yet).
    pub reviewed_on: Option<NaiveDate>,
    /// What the review concluded ("" when nothing was written).
    pub note: String,
}

/// Which month of each quarter is review month (1: the first, as the practice has it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ReviewMonth(u8);

impl ReviewMonth {
    /// The month of the quarter, 1 to 3.
    pub fn new(month: u8) -> Option<ReviewMonth> {
        (1..=3).contains(&month).then_some(ReviewMonth(month))
    }

    /// 1 to 3.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Default for ReviewMonth {
    fn default() -> ReviewMonth {
        ReviewMonth(1)
    }
}

impl TryFrom<u8> for ReviewMonth {
    type Error = String;

    fn try_from(month: u8) -> Result<ReviewMonth, String> {
        ReviewMonth::new(month).ok_or_else(|| format!("review month {month} is not 1, 2 or 3 (the month of the quarter)"))
    }
}

impl From<ReviewMonth> for u8 {
    fn from(m: ReviewMonth) -> u8 {
        m.0
    }
}

/// Where a core customer's quarterly review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "on", rename_all = "snake_case")]
pub enum ReviewState {
    /// Neither its report made nor reviewed.
    ToReview,
    /// Its quarterly report made on that day, not yet reviewed.
    ReportMade(NaiveDate),
    /// Reviewed on that day.
    Reviewed(NaiveDate),
}

impl ReviewMark {
    /// The state the mark says.
    pub fn state(&self) -> ReviewState {
        match (self.reviewed_on, self.report_on) {
            (Some(d), _) => ReviewState::Reviewed(d),
            (None, Some(d)) => ReviewState::ReportMade(d),
            (None, None) => ReviewState::ToReview,
        }
    }
}

impl ReviewState {
    /// Its text key.
    pub fn text_key(self) -> &'static str {
        match self {
            ReviewState::ToReview => "review.state.to_review",
            ReviewState::ReportMade(_) => "review.state.report_made",
            ReviewState::Reviewed(_) => "review.state.reviewed",
        }
    }

    /// The day it refers to.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            ReviewState::ToReview => None,
            ReviewState::ReportMade(d) | ReviewState::Reviewed(d) => Some(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_says_its_state_and_a_review_month_is_one_to_three() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).expect("date");
        assert_eq!(ReviewMark::default().state(), ReviewState::ToReview);
        assert_eq!(ReviewMark { report_on: Some(d), ..ReviewMark::default() }.state(), ReviewState::ReportMade(d));
        assert_eq!(ReviewMark { report_on: Some(d), reviewed_on: Some(d), note: String::new() }.state(), ReviewState::Reviewed(d));
        assert_eq!(ReviewMonth::default().get(), 1);
        assert!(ReviewMonth::new(0).is_none() && ReviewMonth::new(4).is_none());
        assert_eq!(serde_json::from_str::<ReviewMonth>("2").expect("json"), ReviewMonth(2));
        assert!(serde_json::from_str::<ReviewMonth>("7").is_err());
    }
}
