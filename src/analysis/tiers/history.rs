//! Tier history per quarter and the upgrade and downgrade events between consecutive quarters.

use super::rules::Tier;
use crate::model::CompanyId;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Which way a customer moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// To a better tier.
    Upgrade,
    /// To a worse tier.
    Downgrade,
}

/// A change of tier between two dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierEvent {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// The date of the new tier.
    pub date: NaiveDate,
    /// The tier before.
    pub from: Tier,
    /// The tier after.
    pub to: Tier,
    /// Up or down.
    pub direction: Direction,
}

/// One customer's tiers at each date of the history (`None`: not a customer of ours then).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRow {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Tiers, oldest first.
    pub tiers: Vec<Option<Tier>>,
}

/// Tiers at each date, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TierHistory {
    /// The dates (quarter ends, then the as-of date).
    pub dates: Vec<NaiveDate>,
    /// One row per customer of the latest date.
    pub customers: Vec<HistoryRow>,
}

/// Builds the history of the customers in the last column and the events between columns.
/// `columns` are (date, tiers by customer), oldest first.
pub fn tier_history(
    columns: &[(NaiveDate, FxHashMap<CompanyId, Tier>)],
    name: impl Fn(CompanyId) -> String,
) -> (TierHistory, Vec<TierEvent>) {
    let dates = columns.iter().map(|(d, _)| *d).collect();
    let mut ids: Vec<CompanyId> = columns.last().map(|(_, t)| t.keys().copied().collect()).unwrap_or_default();
    ids.sort();
    let customers = ids
        .iter()
        .map(|id| HistoryRow { id: *id, customer: name(*id), tiers: columns.iter().map(|(_, t)| t.get(id).copied()).collect() })
        .collect();
    let mut events = Vec::new();
    for pair in columns.windows(2) {
        let ((_, before), (date, after)) = (&pair[0], &pair[1]);
        for (id, to) in after {
            let Some(from) = before.get(id) else { continue };
            if from != to {
                let direction = if to < from { Direction::Upgrade } else { Direction::Downgrade };
                events.push(TierEvent { id: *id, customer: name(*id), date: *date, from: *from, to: *to, direction });
            }
        }
    }
    events.sort_by(|a, b| b.date.cmp(&a.date).then(a.to.cmp(&b.to)).then(a.customer.cmp(&b.customer)));
    (TierHistory { dates, customers }, events)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, 28).expect("fixture")
    }

    #[test]
    fn events_between_consecutive_dates() {
        let (a, b, c) = (CompanyId(1), CompanyId(2), CompanyId(3));
        let columns = vec![
            (day(3), [(a, Tier::C), (b, Tier::A)].into_iter().collect()),
            (day(6), [(a, Tier::B), (b, Tier::A), (c, Tier::D)].into_iter().collect()),
            (day(9), [(a, Tier::A), (b, Tier::C), (c, Tier::D)].into_iter().collect()),
        ];
        let (history, events) = tier_history(&columns, |id| format!("C{}", id.0));
        assert_eq!(history.dates, vec![day(3), day(6), day(9)]);
        assert_eq!(history.customers.len(), 3);
        assert_eq!(history.customers[2].tiers, vec![None, Some(Tier::D), Some(Tier::D)]);
        let summary: Vec<(String, NaiveDate, Tier, Tier, Direction)> =
            events.iter().map(|e| (e.customer.clone(), e.date, e.from, e.to, e.direction)).collect();
        assert_eq!(
            summary,
            vec![
                ("C1".into(), day(9), Tier::B, Tier::A, Direction::Upgrade),
                ("C2".into(), day(9), Tier::A, Tier::C, Direction::Downgrade),
                ("C1".into(), day(6), Tier::C, Tier::B, Direction::Upgrade),
            ]
        );
    }
}
