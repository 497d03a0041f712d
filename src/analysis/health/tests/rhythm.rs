//! `order_frequency_drop`: our order rhythm thinning, an order overdue beyond its usual range, and
//! what counts as one order.

use super::*;

#[test]
fn order_frequency_drop_fires_on_a_monthly_buyer_gone_quiet_but_waits_for_a_lumpy_one() {
    let stopped = |m: usize| if m < 31 { steady(m) } else { vec![(30, BOLTS, 10_000.0)] };
    let s = health(&data(36, stopped), end(35)).signals.into_iter().find(|s| s.kind == SignalKind::OrderFrequencyDrop).expect("rhythm");
    assert_eq!(s.severity, Severity::Orange);
    let f = figures!(s, OrderFrequencyDrop);
    assert!(f.days_since_last > 150.0 && f.usual_gap_days < 35.0);
    // Two big lots a year (March and September): five quiet months are its rhythm.
    let lumpy = |m: usize| if m % 6 == 2 { vec![(US, BOLTS, 60_000.0)] } else { vec![] };
    let h = health(&data(36, lumpy), end(31));
    assert!(signal(&h, SignalKind::OrderFrequencyDrop).is_none(), "{:#?}", h.signals);
    assert_eq!(h.level, Level::Green);
}

#[test]
fn an_order_overdue_beyond_its_usual_range_is_yellow_before_the_long_silence_rule() {
    // A monthly buyer that once paused for a quarter (months 20–22): the longest gap of the two
    // years is three months, so the silence rule waits four and a half; the forecast, reading the
    // usual monthly gaps, holds the order overdue once the silence passes a few weeks.
    let paused = |m: usize| match m {
        20..=22 => vec![(30, BOLTS, 10_000.0)],
        0..=31 => steady(m),
        _ => vec![(30, BOLTS, 10_000.0)],
    };
    let d = data(36, paused);
    // Month 31 (August 2025) is the last order: at the end of September it is only 46 days.
    assert!(signal(&health(&d, end(32)), SignalKind::OrderFrequencyDrop).is_none(), "too soon to matter");
    let h = health(&d, end(34));
    let s = signal(&h, SignalKind::OrderFrequencyDrop).expect("overdue order");
    assert_eq!(s.severity, Severity::Yellow);
    let f = figures!(s, OrderFrequencyDrop);
    let o = f.overdue.expect("the forecast's figures");
    assert!(f.days_since_last < 1.5 * f.longest_usual_gap_days, "not yet the silence rule: {f:?}");
    assert_eq!(o.expected, month_day(31, 15) + chrono::Duration::days(31));
    assert!(s.explanation.contains(&o.expected.to_string()) && s.explanation_zh.contains("最迟"), "{}", s.explanation);
    let multiple = format!("{:.1} times its usual {:.0}-day gap", f.days_since_last / f.usual_gap_days, f.usual_gap_days);
    assert!(s.explanation.contains(&multiple), "the figure that fired: {}", s.explanation);
    let listed = crate::analysis::next_order::next_order_of(&d, CompanyId(1), end(34)).expect("forecast");
    assert_eq!(listed.state, crate::analysis::next_order::OrderState::Overdue, "the dashboard's overdue list says the same");
    assert_eq!(health(&data(36, steady), end(34)).level, Level::Green, "a buyer ordering on time stays green");
}

/// Weights for every shipment: `price(supplier, month)` in USD per kg.

#[test]
fn a_lot_shipped_over_several_weeks_is_one_order() {
    // Three lots a year (February, June, October), each in five containers a week apart. Counted as
    // shipments, the usual gap would be a week and two quiet months would look like an alarm.
    let mut d = data(36, |m| if m % 4 == 1 { vec![(US, BOLTS, 30_000.0)] } else { vec![] });
    let extra: Vec<Shipment> = d
        .shipments
        .iter()
        .flat_map(|s| [7, 14, 21, 28].map(|k| Shipment { date: RecordDate::day(s.date.day + chrono::Days::new(k)), ..s.clone() }))
        .collect();
    d.shipments.extend(extra);
    let h = health(&d, end(35));
    assert!(signal(&h, SignalKind::OrderFrequencyDrop).is_none(), "{:#?}", h.signals);
    let days: Vec<NaiveDate> = d.shipments.iter().map(|s| s.date.day).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let r = order_rhythm(&days, end(35), 14).expect("rhythm");
    assert!(r.usual_gap > 100.0, "orders four months apart, not shipments a week apart: {}", r.usual_gap);
    assert_eq!(r.orders.len(), 6);
}
