//! `new_supplier`: a newcomer where we held the category is yellow the month it ships, orange when
//! it keeps shipping; a reshuffle among many suppliers, or a trial at a lumpy buyer, is not.

use super::*;

#[test]
fn a_trial_lot_at_a_single_source_customer_is_yellow() {
    let trial = |m: usize| {
        let mut v = vec![(US, BOLTS, 10_000.0)];
        if m == 33 {
            v.push((RIVAL, BOLTS, 300.0));
        }
        v
    };
    let h = health(&data(36, trial), end(35));
    let s = signal(&h, SignalKind::NewSupplier).expect("new_supplier");
    assert_eq!((s.severity, s.subject.as_deref()), (Severity::Yellow, Some("RIVAL")));
    assert!(figures!(s, NewSupplier).competitor);
    assert_eq!(h.level, Level::Yellow);
}

#[test]
fn a_newcomer_that_keeps_shipping_where_we_were_sole_source_is_orange() {
    let plan_b = |m: usize| {
        let mut v = vec![(US, BOLTS, 9_500.0)];
        if m >= 31 {
            v.push((RIVAL, BOLTS, 500.0));
        }
        v
    };
    let s = health(&data(36, plan_b), end(35)).signals.into_iter().find(|s| s.kind == SignalKind::NewSupplier).expect("signal");
    assert_eq!(s.severity, Severity::Orange);
}

#[test]
fn a_supplier_returning_after_two_quiet_years_is_new_again() {
    let returning = |m: usize| {
        let mut v = vec![(US, BOLTS, 10_000.0)];
        if m == 2 || m >= 34 {
            v.push((RIVAL, BOLTS, 400.0));
        }
        v
    };
    let h = health(&data(36, returning), end(35));
    assert!(signal(&h, SignalKind::NewSupplier).is_some(), "unseen for 31 months");
    let regular = |m: usize| {
        let mut v = vec![(US, BOLTS, 10_000.0)];
        if m == 20 || m >= 34 {
            v.push((RIVAL, BOLTS, 400.0));
        }
        v
    };
    assert!(signal(&health(&data(36, regular), end(35)), SignalKind::NewSupplier).is_none(), "seen 14 months ago");
}

#[test]
fn a_small_newcomer_among_several_suppliers_is_a_reshuffle() {
    let many = |m: usize| {
        let mut v = vec![(US, BOLTS, 7_000.0), (30, BOLTS, 1_000.0), (31, BOLTS, 1_000.0), (32, BOLTS, 1_000.0)];
        if m >= 33 {
            v.push((33, BOLTS, 200.0));
        }
        v
    };
    assert!(signal(&health(&data(36, many), end(35)), SignalKind::NewSupplier).is_none());
}

#[test]
fn a_lumpy_buyer_trialling_a_rival_in_a_quiet_month_is_yellow_at_most() {
    // Single-source lots in March and September; a rival's small trial lot in June.
    let lumpy = |m: usize| {
        let mut v = if m % 6 == 2 { vec![(US, BOLTS, 60_000.0)] } else { vec![] };
        if m == 29 {
            v.push((RIVAL, BOLTS, 3_000.0));
        }
        v
    };
    for as_of in 29..=35 {
        let h = health(&data(36, lumpy), end(as_of));
        assert!(h.level <= Level::Yellow, "as of month {as_of}: {:#?}", h.signals);
    }
}
