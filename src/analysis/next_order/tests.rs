//! The rhythm, the forecast and the season on tiny hand-made histories.

use super::*;
use crate::model::{CompanyId, Dataset};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// Orders every `gap` days from `start`, `n` of them.
fn every(start: NaiveDate, gap: i64, n: usize) -> Vec<NaiveDate> {
    (0..n).map(|i| start + Duration::days(gap * i as i64)).collect()
}

#[test]
fn a_regular_customer_is_expected_a_gap_after_its_last_order_and_overdue_past_its_range() {
    let orders = every(d(2025, 1, 10), 60, 8); // last 2026-03-09
    let last = *orders.last().expect("orders");
    let (r, expected, earliest, latest, overdue, state) = forecast(&orders, d(2026, 3, 31)).expect("a forecast");
    assert_eq!((r.orders, r.median), (8, 60.0));
    assert_eq!(expected, last + Duration::days(60));
    // A perfectly regular rhythm still gets a week either side.
    assert_eq!((earliest, latest), (last + Duration::days(53), last + Duration::days(67)));
    assert_eq!(state, OrderState::Due, "expected within 30 days of 31 March");
    assert_eq!(forecast(&orders, d(2026, 3, 15)).map(|f| f.5), Some(OrderState::Later));
    assert!(overdue >= latest);
    assert_eq!(forecast(&orders, overdue + Duration::days(1)).map(|f| f.5), Some(OrderState::Overdue));
}

#[test]
fn too_few_orders_or_two_years_silent_give_no_forecast() {
    assert!(forecast(&every(d(2025, 1, 10), 60, 3), d(2025, 6, 30)).is_none(), "three orders are two gaps");
    assert!(forecast(&every(d(2020, 1, 10), 60, 8), d(2025, 6, 30)).is_none(), "no order for years: lost, not late");
    let yearly = every(d(2020, 3, 1), 365, 5);
    assert!(forecast(&yearly, d(2024, 12, 1)).is_some(), "a yearly buyer nine months on is not lost");
    assert!(forecast(&every(d(2024, 1, 10), 60, 8), d(2026, 4, 30)).is_none(), "over a year silent after a two-month rhythm: lost");
}

#[test]
fn an_irregular_rhythm_has_a_wide_range() {
    let orders = [d(2025, 1, 1), d(2025, 1, 21), d(2025, 4, 1), d(2025, 4, 20), d(2025, 8, 1), d(2025, 8, 15), d(2025, 12, 1)];
    let (r, _, earliest, latest, _, _) = forecast(&orders, d(2025, 12, 2)).expect("forecast");
    assert!(r.high - r.low > 60.0, "{r:?}");
    assert!((latest - earliest).num_days() > 60);
}

#[test]
fn a_customer_buying_each_spring_is_seasonal_and_a_flat_one_is_not() {
    let as_of = d(2025, 12, 31);
    let mut spring = Vec::new();
    let mut flat = Vec::new();
    for y in 2022..=2025 {
        spring.push((d(y, 4, 15), 80_000.0));
        spring.push((d(y, 10, 15), 20_000.0));
        for m in [2, 5, 8, 11] {
            flat.push((d(y, m, 10), 25_000.0 + f64::from(m) * 100.0));
        }
    }
    let s = season(&spring, as_of);
    assert_eq!((s.years, s.peak, s.sure), (3, Some(2), true), "three whole years end at the as-of date; 2022 began in April");
    assert!((s.strength - 0.55).abs() < 1e-9 && s.seasonal(), "{s:?}");
    let f = season(&flat, as_of);
    assert!(!f.seasonal() && f.strength < 0.05, "{f:?}");
}

#[test]
fn a_short_history_says_it_is_too_short_to_tell() {
    let s = season(&[(d(2025, 4, 15), 10_000.0), (d(2025, 10, 15), 1_000.0)], d(2025, 12, 31));
    assert_eq!((s.years, s.peak), (0, None), "nine months are no whole year");
    assert!(!s.seasonal());
}

#[test]
fn a_peak_that_moves_between_years_is_not_sure() {
    let as_of = d(2025, 12, 31);
    let sales: Vec<(NaiveDate, f64)> =
        [(2023, 2), (2024, 8), (2025, 11)].iter().flat_map(|&(y, m)| [(d(y, m, 1), 90_000.0), (d(y, 6, 1), 10_000.0)]).collect();
    let s = season(&sales, as_of);
    assert!(s.peak.is_some() && !s.sure && !s.seasonal(), "{s:?}");
}

/// Buyer 1 orders from us every 75 days (twelve orders, the last on 2026-04-09), buyer 2 every three weeks; supplier 10 is us, 11 a rival
/// whose shipments to buyer 1 are not our orders.
fn portfolio() -> Dataset {
    use crate::model::{Cents, Company, Hs6, Precision, RecordDate, Shipment};
    let ship = |day: NaiveDate, buyer: i64, supplier: i64| Shipment {
        date: RecordDate { day, precision: Precision::Day },
        buyer: CompanyId(buyer),
        supplier: Some(CompanyId(supplier)),
        hs6: Hs6(731815),
        value: Cents(1_000_000),
        weight_kg: None,
        origin: None,
        destination: None,
    };
    let mut shipments: Vec<Shipment> = every(d(2024, 1, 5), 75, 12).into_iter().map(|day| ship(day, 1, 10)).collect();
    shipments.extend(every(d(2024, 1, 20), 23, 20).into_iter().map(|day| ship(day, 1, 11)));
    shipments.extend(every(d(2025, 6, 1), 21, 20).into_iter().map(|day| ship(day, 2, 10)));
    let mut data = Dataset { shipments, ..Dataset::default() };
    for (id, name) in [(1, "ACME INC"), (2, "BETA LTD"), (10, "US CO"), (11, "RIVAL CO")] {
        data.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], keys: vec![] });
    }
    data.me.insert(CompanyId(10));
    data
}

#[test]
fn the_portfolio_forecasts_our_orders_only_and_calls_a_three_weekly_buyer_regular() {
    let data = portfolio();
    // ACME's tenth order with us came on 2025-11-10; the next about 75 days later.
    let as_of = d(2025, 12, 31);
    let list = next_orders(&data, as_of);
    let acme = list.iter().find(|n| n.customer == "ACME INC").expect("ACME forecast");
    assert_eq!(
        (acme.rhythm.orders, acme.rhythm.median, acme.last),
        (10, 75.0, d(2025, 11, 10)),
        "the rival's shipments are not our orders"
    );
    assert_eq!(acme.expected, d(2025, 11, 10) + Duration::days(75));
    assert_eq!(acme.state, OrderState::Due, "its range opens within 30 days");
    let beta = list.iter().find(|n| n.customer == "BETA LTD").expect("BETA forecast");
    assert_eq!(beta.state, OrderState::Regular, "an order every three weeks needs no reminder");
    assert_eq!(next_order_of(&data, CompanyId(1), as_of).as_ref(), Some(acme));
    assert!(next_order_of(&data, CompanyId(11), as_of).is_none(), "the rival is no customer");
    // After its last order, ACME is overdue once its usual range has passed.
    assert_eq!(next_order_of(&data, CompanyId(1), d(2026, 7, 31)).map(|n| n.state), Some(OrderState::Overdue));
}

#[test]
fn the_replay_finds_regular_rhythms_in_their_range() {
    let data = portfolio();
    let a = replay(&data, d(2025, 1, 31), d(2025, 12, 31));
    assert!(a.cases > 0);
    assert_eq!(a.in_range, 1.0, "orders every 75 and 21 days fall in their range: {a:?}");
    assert!(a.median_error_days < 1.0, "{a:?}");
}

#[test]
fn a_lot_shipped_over_several_days_is_one_order() {
    // Every 90 days, each lot over three consecutive days.
    let sales: Vec<(NaiveDate, f64)> =
        (0..6).flat_map(|i| (0..3).map(move |k| (d(2024, 1, 10) + Duration::days(90 * i + k), 1_000.0))).collect();
    let days = days_of(&sales);
    assert_eq!(days.len(), 6, "{days:?}");
    assert_eq!(rhythm(&days).map(|r| r.median), Some(90.0));
}

#[test]
fn past_its_usual_range_an_order_is_late_before_it_is_overdue() {
    let mut orders = vec![d(2024, 1, 1)];
    for gap in [50, 60, 70, 80, 90, 100, 110] {
        let next = *orders.last().expect("orders") + Duration::days(gap);
        orders.push(next);
    }
    let last = *orders.last().expect("orders");
    let (_, _, _, latest, overdue, _) = forecast(&orders, last).expect("forecast");
    assert!(overdue > latest + Duration::days(2), "its longest gaps reach past the middle half");
    assert_eq!(forecast(&orders, latest + Duration::days(1)).map(|f| f.5), Some(OrderState::Late));
    assert_eq!(forecast(&orders, overdue + Duration::days(1)).map(|f| f.5), Some(OrderState::Overdue));
}
