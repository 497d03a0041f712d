//! Churn events: when our business with a customer collapses.
//!
//! A quarter is an event when our value in it falls below half of its average over the four quarters
//! before (which must reach a minimum size), or to zero. For a customer who does not buy from us
//! regularly (in three of the four quarters before, and in at least four months of them), a quiet
//! quarter is its rhythm, not churn: its event is a year
//! and a half without any order from us after buying in the year before (a once-a-year lot that slips
//! by a month leaves a year without orders, and is still no loss), dated to the third quiet quarter. An event starts an episode that
//! lasts until our value recovers to half of what it was before; no new event is counted within it.

use chrono::NaiveDate;

/// Our value per calendar quarter for one customer.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterValues {
    /// First day of each quarter.
    pub starts: Vec<NaiveDate>,
    /// Our sales in each quarter (USD).
    pub ours: Vec<f64>,
    /// Months of each quarter with purchases from us.
    pub months_active: Vec<u32>,
}

/// The quarters (indices) that are churn events.
pub fn churn_quarters(q: &QuarterValues, min_quarter_usd: f64) -> Vec<usize> {
    let v = &q.ours;
    let mut events = Vec::new();
    // The quarterly level before the current episode began, while one lasts.
    let mut episode: Option<f64> = None;
    for i in 4..v.len() {
        if let Some(level) = episode {
            if v[i] >= 0.5 * level {
                episode = None;
            }
            continue;
        }
        let before = &v[i - 4..i];
        let avg = before.iter().sum::<f64>() / 4.0;
        let active = before.iter().filter(|x| **x > 0.0).count();
        let months: u32 = q.months_active[i - 4..i].iter().sum();
        if active >= 3 && months >= 4 {
            if avg >= min_quarter_usd && v[i] < 0.5 * avg {
                events.push(i);
                episode = Some(avg);
            }
        } else if i >= 9 {
            // An irregular buyer: six quarters with nothing after a year with something. The loss is
            // dated to the third quiet quarter, when the silence began to exceed any rhythm of one or
            // two lots a year, not to when it was finally confirmed.
            let year_before = v[i - 9..i - 5].iter().sum::<f64>() / 4.0;
            if v[i - 5..=i].iter().all(|x| *x <= 0.0) && year_before >= min_quarter_usd {
                events.push(i - 3);
                episode = Some(year_before);
            }
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(values: &[f64]) -> QuarterValues {
        let starts =
            (0..values.len()).map(|i| NaiveDate::from_ymd_opt(2023 + (i / 4) as i32, (i % 4) as u32 * 3 + 1, 1).expect("date")).collect();
        // One month with purchases in every quarter with any, two in big ones.
        let months_active = values.iter().map(|v| if *v > 0.0 { 1 + u32::from(*v >= 10e3) } else { 0 }).collect();
        QuarterValues { starts, ours: values.to_vec(), months_active }
    }

    #[test]
    fn a_collapse_is_one_event_however_long_it_lasts() {
        assert_eq!(churn_quarters(&q(&[10e3, 11e3, 9e3, 10e3, 4e3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]), 5_000.0), [4]);
        let back_and_lost_again = [10e3, 11e3, 9e3, 10e3, 0.0, 10e3, 10e3, 10e3, 10e3, 1e3];
        assert_eq!(churn_quarters(&q(&back_and_lost_again), 5_000.0), [4, 9], "a recovery ends the episode");
        assert_eq!(churn_quarters(&q(&[10e3, 11e3, 9e3, 10e3, 6e3, 7e3]), 5_000.0), Vec::<usize>::new(), "60% is a dip, not churn");
    }

    #[test]
    fn small_customers_and_seasons_are_no_events() {
        assert!(churn_quarters(&q(&[3e3, 3e3, 3e3, 3e3, 0.0, 0.0]), 5_000.0).is_empty(), "below the minimum size");
        let seasonal = [10e3, 7e3, 10e3, 14e3, 10e3, 7e3, 10e3, 14e3, 10e3, 7e3];
        assert!(churn_quarters(&q(&seasonal), 5_000.0).is_empty());
    }

    #[test]
    fn three_lots_in_a_year_are_not_a_regular_rhythm() {
        let mut jittered = q(&[0.0, 50e3, 0.0, 40e3, 45e3, 0.0, 0.0, 50e3]);
        jittered.months_active = vec![0, 1, 0, 1, 1, 0, 0, 1];
        assert!(churn_quarters(&jittered, 5_000.0).is_empty(), "a lot slipped into a third quarter, then a quiet quarter");
    }

    #[test]
    fn a_lumpy_buyer_churns_only_after_eighteen_months_without_orders() {
        let lumpy = [50e3, 0.0, 50e3, 0.0, 50e3, 0.0, 50e3, 0.0];
        assert!(churn_quarters(&q(&lumpy), 5_000.0).is_empty());
        let slipped = [0.0, 0.0, 0.0, 80e3, 0.0, 0.0, 0.0, 0.0, 80e3, 0.0, 0.0, 0.0];
        assert!(churn_quarters(&q(&slipped), 5_000.0).is_empty(), "a yearly lot a month late");
        let lost = [50e3, 0.0, 50e3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(churn_quarters(&q(&lost), 5_000.0), [6], "confirmed by six quiet quarters, dated to the third");
    }
}
