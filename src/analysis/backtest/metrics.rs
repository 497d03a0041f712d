//! Scoring one kind of alert against the churn events of a replay.
//!
//! - recall: events with an alert at a month end in the 12 months before the event quarter starts;
//!   lead: from the first such alert to the quarter's start;
//! - precision: alerted customer-months followed by an event within 12 months, over alerted months.
//!   Months with less than 12 months of data after them are left out (their outcome is unknown), and
//!   so are the 12 months from an event on (alerts then describe a loss, they do not predict one);
//! - false-alarm rate: customers without any event that were ever alerted, over customers without
//!   any event, counting month ends with a known 12-month outcome.
//!
//! Beside these, the literal figures: precision over every alerted month with a known outcome
//! (post-event months included), and the false-alarm rate over every month end.
//!
//! Zero and empty: a ratio over nothing is `None`, not zero.

use crate::model::date::months_back;
use chrono::NaiveDate;
use serde::Serialize;

/// One customer in a replay, reduced to what scoring needs.
pub struct Scored<'a> {
    /// Month ends at which the customer was ours (bought from us in the two years before).
    pub active: &'a [bool],
    /// First days of its event quarters within the replay (these are scored).
    pub events: &'a [NaiveDate],
    /// First days of its event quarters before the replay (not scored, but the customer is not one
    /// without events, and alerts after them describe a loss).
    pub earlier_events: &'a [NaiveDate],
}

/// How well one kind of alert warned.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Churn events scored.
    pub events: usize,
    /// Events preceded by an alert within 12 months.
    pub warned: usize,
    /// `warned / events`.
    pub recall: Option<f64>,
    /// Events warned at least 90 days ahead.
    pub warned_90_days: usize,
    /// `warned_90_days / events`.
    pub warned_90_days_share: Option<f64>,
    /// Median days from the first alert to the event quarter's start.
    pub median_lead_days: Option<f64>,
    /// Alerted customer-months with a known outcome.
    pub alerted_months: usize,
    /// Of those, the ones followed by an event within 12 months.
    pub alerted_months_followed: usize,
    /// `alerted_months_followed / alerted_months`.
    pub precision: Option<f64>,
    /// Every alerted month with a known outcome, the 12 months after an event included.
    pub alerted_months_all: usize,
    /// Precision over those months.
    pub precision_all_months: Option<f64>,
    /// Customers with no event.
    pub customers_without_event: usize,
    /// Of those, the ones ever alerted.
    pub false_alarm_customers: usize,
    /// `false_alarm_customers / customers_without_event`.
    pub false_alarm_rate: Option<f64>,
    /// The false-alarm rate counting every month end, the last 12 included.
    pub false_alarm_rate_all_months: Option<f64>,
}

/// The first alert and lead (days) for each event of each customer, in order.
pub type Leads = Vec<Vec<Option<(NaiveDate, i64)>>>;

/// Scores `alert(customer, month)` over the month ends of a replay.
pub fn score(month_ends: &[NaiveDate], customers: &[Scored<'_>], alert: &dyn Fn(usize, usize) -> bool) -> (Metrics, Leads) {
    let mut m = Metrics::default();
    let (mut all_alerted, mut all_followed, mut all_false) = (0usize, 0usize, 0usize);
    let mut leads_all: Leads = Vec::with_capacity(customers.len());
    let mut leads: Vec<i64> = Vec::new();
    let last = month_ends.last().copied().unwrap_or(NaiveDate::MIN);
    let known = |d: NaiveDate| months_back(last, 12) >= d;
    for (c, cust) in customers.iter().enumerate() {
        let alerted = |i: usize| cust.active[i] && alert(c, i);
        let mut mine = Vec::with_capacity(cust.events.len());
        for start in cust.events {
            m.events += 1;
            let window_start = months_back(*start, 12);
            let first = month_ends.iter().enumerate().find(|(i, d)| **d < *start && **d >= window_start && alerted(*i)).map(|(_, d)| *d);
            let lead = first.map(|d| (d, (*start - d).num_days()));
            if let Some((_, days)) = lead {
                m.warned += 1;
                leads.push(days);
                if days >= 90 {
                    m.warned_90_days += 1;
                }
            }
            mine.push(lead);
        }
        leads_all.push(mine);
        let all_events: Vec<NaiveDate> = cust.earlier_events.iter().chain(cust.events).copied().collect();
        let after_event =
            |d: NaiveDate| all_events.iter().any(|e| d >= *e && d < e.checked_add_months(chrono::Months::new(12)).unwrap_or(*e));
        let (mut ever_known, mut ever) = (false, false);
        for (i, d) in month_ends.iter().enumerate() {
            if !alerted(i) {
                continue;
            }
            ever = true;
            if !known(*d) {
                continue;
            }
            ever_known = true;
            let horizon = d.checked_add_months(chrono::Months::new(12)).unwrap_or(*d);
            let followed = cust.events.iter().any(|e| *e > *d && *e <= horizon);
            all_alerted += 1;
            all_followed += usize::from(followed);
            if after_event(*d) {
                continue;
            }
            m.alerted_months += 1;
            m.alerted_months_followed += usize::from(followed);
        }
        if all_events.is_empty() && cust.active.iter().any(|a| *a) {
            m.customers_without_event += 1;
            m.false_alarm_customers += usize::from(ever_known);
            all_false += usize::from(ever);
        }
    }
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    m.recall = ratio(m.warned, m.events);
    m.warned_90_days_share = ratio(m.warned_90_days, m.events);
    m.precision = ratio(m.alerted_months_followed, m.alerted_months);
    m.false_alarm_rate = ratio(m.false_alarm_customers, m.customers_without_event);
    m.alerted_months_all = all_alerted;
    m.precision_all_months = ratio(all_followed, all_alerted);
    m.false_alarm_rate_all_months = ratio(all_false, m.customers_without_event);
    leads.sort_unstable();
    m.median_lead_days = match leads.len() {
        0 => None,
        n if n % 2 == 1 => Some(leads[n / 2] as f64),
        n => Some((leads[n / 2 - 1] + leads[n / 2]) as f64 / 2.0),
    };
    (m, leads_all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::last_day_of_month;

    fn ends(n: usize) -> Vec<NaiveDate> {
        (0..n).map(|i| last_day_of_month(2024 + (i / 12) as i32, (i % 12) as u32 + 1).expect("end")).collect()
    }

    fn first(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).expect("date")
    }

    /// Computed by hand: 36 month ends (2024-01 … 2026-12). Customer A churns in 2025Q3 and is alerted
    /// at the ends of March and April 2025; customer B never churns and is alerted at the end of June
    /// 2024; customer C never churns and is never alerted.
    #[test]
    fn a_tiny_portfolio_scores_as_computed_by_hand() {
        let months = ends(36);
        let active = vec![true; 36];
        let a_events = [first(2025, 7)];
        let customers = [
            Scored { active: &active, events: &a_events, earlier_events: &[] },
            Scored { active: &active, events: &[], earlier_events: &[] },
            Scored { active: &active, events: &[], earlier_events: &[] },
        ];
        let alert = |c: usize, i: usize| matches!((c, i), (0, 14) | (0, 15) | (1, 5));
        let (m, leads) = score(&months, &customers, &alert);
        assert_eq!((m.events, m.warned), (1, 1));
        assert_eq!(leads[0][0], Some((last_day_of_month(2025, 3).expect("d"), 92)), "31 March to 1 July");
        assert_eq!(m.warned_90_days, 1);
        assert_eq!(m.median_lead_days, Some(92.0));
        // Alerted months with a known outcome: A's two (both followed by the July event) and B's one.
        assert_eq!((m.alerted_months, m.alerted_months_followed), (3, 2));
        assert_eq!(m.precision, Some(2.0 / 3.0));
        assert_eq!((m.customers_without_event, m.false_alarm_customers), (2, 1));
        assert_eq!(m.false_alarm_rate, Some(0.5));
        assert_eq!((m.precision_all_months, m.false_alarm_rate_all_months), (Some(2.0 / 3.0), Some(0.5)));
    }

    #[test]
    fn alerts_after_the_event_or_without_a_known_outcome_do_not_count() {
        let months = ends(36);
        let active = vec![true; 36];
        let events = [first(2025, 1)];
        let customers = [Scored { active: &active, events: &events, earlier_events: &[] }];
        // Alerted from the event on, and in the last 12 months of data.
        let alert = |_: usize, i: usize| (12..20).contains(&i) || i >= 30;
        let (m, _) = score(&months, &customers, &alert);
        assert_eq!(m.warned, 0, "no alert before January 2025");
        assert_eq!(m.alerted_months, 0);
        assert_eq!(m.precision, None);
        assert_eq!(m.precision_all_months, Some(0.0), "the literal figure counts the months after the event");
    }
}
