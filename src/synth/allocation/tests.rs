//! Tests of the allocation family: determinism, the truth, and behaviours checked on the shipments.

use super::*;
use crate::model::Quarter;
use chrono::Datelike;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

// Generated once and shared: a debug build takes about half a second per portfolio.
fn seed1() -> &'static SynthPortfolio {
    static P: OnceLock<SynthPortfolio> = OnceLock::new();
    P.get_or_init(|| generate(1))
}

fn seed2() -> &'static SynthPortfolio {
    static P: OnceLock<SynthPortfolio> = OnceLock::new();
    P.get_or_init(|| generate(2))
}

fn fingerprint(p: &SynthPortfolio) -> (usize, i64) {
    (p.dataset.shipments.len(), p.dataset.shipments.iter().map(|s| s.value.0).sum())
}

fn month_of(d: NaiveDate) -> usize {
    ((d.year() - FIRST_YEAR) * 12) as usize + d.month0() as usize
}

fn ours(p: &SynthPortfolio, s: &crate::model::Shipment) -> bool {
    s.supplier.is_some_and(|id| p.dataset.me.contains(&id))
}

/// Per customer and month: our category value and its whole category purchases.
fn monthly(p: &SynthPortfolio) -> HashMap<CompanyId, ([f64; MONTHS], [f64; MONTHS])> {
    let mut out: HashMap<CompanyId, ([f64; MONTHS], [f64; MONTHS])> = HashMap::new();
    for s in p.dataset.shipments.iter().filter(|s| OUR_CODES.iter().any(|c| c.0 == s.hs6.0)) {
        let e = out.entry(s.buyer).or_insert(([0.0; MONTHS], [0.0; MONTHS]));
        let m = month_of(s.date.day);
        e.1[m] += s.value.dollars();
        if ours(p, s) {
            e.0[m] += s.value.dollars();
        }
    }
    out
}

fn sum(v: &[f64; MONTHS], from: usize, to: usize) -> f64 {
    v[from..to].iter().sum()
}

#[test]
fn the_same_seed_gives_the_same_portfolio() {
    assert_eq!(fingerprint(seed1()), fingerprint(&generate(1)));
    assert_ne!(fingerprint(seed1()), fingerprint(seed2()));
}

#[test]
fn the_portfolio_has_the_specified_size() {
    let p = seed1();
    assert!((40_000..=150_000).contains(&p.dataset.shipments.len()), "{} shipments", p.dataset.shipments.len());
    assert!((250..=350).contains(&p.customers.len()));
    let catalog_rivals: HashSet<CompanyId> =
        p.dataset.shipments.iter().filter(|s| !ours(p, s) && OUR_CODES.iter().any(|c| c.0 == s.hs6.0)).filter_map(|s| s.supplier).collect();
    assert!((6..=12).contains(&catalog_rivals.len()));
    let declared = catalog_rivals.iter().filter(|id| p.dataset.competitors.contains(id)).count();
    assert!(declared >= 4 && declared < catalog_rivals.len(), "some declared, some not");
    let buyers: HashSet<CompanyId> = p.dataset.shipments.iter().map(|s| s.buyer).collect();
    assert!(buyers.len() > p.customers.len(), "background importers too");
}

#[test]
fn every_customer_of_ours_is_in_the_truth_once_in_the_stated_proportions() {
    // Stated proportions (percent of customers of ours).
    let ranges = [(30.0, 42.0), (5.0, 9.0), (7.0, 11.0), (5.0, 9.0), (4.0, 8.0), (4.0, 8.0)].into_iter().chain([
        (6.0, 10.0),
        (3.5, 6.5),
        (4.5, 7.5),
        (3.5, 6.5),
        (4.5, 7.5),
    ]);
    for p in [seed1(), seed2()] {
        let bought: HashSet<CompanyId> = p.dataset.shipments.iter().filter(|s| ours(p, s)).map(|s| s.buyer).collect();
        let truth: HashSet<CompanyId> = p.customers.iter().map(|c| c.id).collect();
        assert_eq!(truth.len(), p.customers.len(), "each customer once");
        assert_eq!(truth, bought, "the truth lists exactly the buyers from us");
        let n = p.customers.len() as f64;
        for (b, (lo, hi)) in Behaviour::ALL.into_iter().zip(ranges.clone()) {
            let pct = 100.0 * p.customers.iter().filter(|c| c.behaviour == b).count() as f64 / n;
            assert!(pct >= lo && pct <= hi, "{b:?}: {pct:.1}% not in {lo}–{hi}%");
        }
        let stories = 100.0 * p.customers.iter().filter(|c| c.behaviour.is_story()).count() as f64 / n;
        assert!((25.0..=35.0).contains(&stories));
    }
}

#[test]
fn most_stories_end_in_a_loss_and_none_before_its_onset() {
    for p in [seed1(), seed2()] {
        let stories: Vec<_> = p.customers.iter().filter(|c| c.behaviour.is_story()).collect();
        let mut with_event = 0;
        for c in &stories {
            let onset = c.onset.expect("a story has an onset");
            assert!(month_of(onset) >= EARLIEST_ONSET, "18 months of history first");
            if let Some(e) = c.event {
                with_event += 1;
                assert!(Quarter::of(e) >= Quarter::of(onset), "{:?}: event {e} before the onset {onset}", c.behaviour);
            }
        }
        assert!(with_event * 10 >= stories.len() * 8, "{with_event} events of {} stories", stories.len());
        assert!(p.customers.iter().filter(|c| !c.behaviour.is_story()).all(|c| c.onset.is_none() && c.event.is_none()));
    }
}

#[test]
fn stories_act_as_named() {
    let p = seed1();
    let flows = monthly(p);
    let (mut drifts, mut held) = (0, 0);
    for c in &p.customers {
        let (us, cat) = &flows[&c.id];
        let Some(o) = c.onset.map(month_of) else { continue };
        match c.behaviour {
            // The category holds (±30%) while our value falls, once the last year is all after
            // the onset (demand noise may carry a rare customer past 30%).
            Behaviour::ShareDrift if o <= MONTHS - 12 => {
                drifts += 1;
                let (before, last) = (sum(cat, o - 12, o), sum(cat, MONTHS - 12, MONTHS));
                let fell = sum(us, MONTHS - 12, MONTHS) < 0.8 * sum(us, o - 12, o);
                held += usize::from((last / before - 1.0).abs() <= 0.3 && fell);
            }
            Behaviour::AbruptLoss => assert_eq!(sum(us, o, MONTHS), 0.0, "nothing from us after the onset"),
            Behaviour::Shrinking => assert!(sum(cat, MONTHS - 6, MONTHS) < sum(cat, o - 6, o), "the business shrinks"),
            _ => {}
        }
    }
    assert!(drifts > 5 && held * 10 >= drifts * 9, "{held} of {drifts} drifts held the category");
}

#[test]
fn steady_customers_never_halve_in_a_year() {
    let p = seed1();
    let flows = monthly(p);
    for c in p.customers.iter().filter(|c| c.behaviour == Behaviour::Steady) {
        let us = &flows[&c.id].0;
        let first = sum(us, 0, 12);
        for y in 1..MONTHS / 12 {
            assert!(sum(us, 12 * y, 12 * y + 12) >= 0.5 * first, "{:?} year {y}", c.id);
        }
    }
}
