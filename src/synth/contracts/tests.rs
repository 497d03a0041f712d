//! Tests of the `contracts` family: determinism, the truth, and behaviours seen in the shipments.

use super::*;
use crate::model::{Quarter, Shipment};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// Seed 1's portfolio, made once for every test.
static ONE: LazyLock<SynthPortfolio> = LazyLock::new(|| generate(1));

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

/// Each buyer's shipments.
fn by_buyer(p: &SynthPortfolio) -> BTreeMap<CompanyId, Vec<&Shipment>> {
    let mut out: BTreeMap<CompanyId, Vec<&Shipment>> = BTreeMap::new();
    for s in &p.dataset.shipments {
        out.entry(s.buyer).or_default().push(s);
    }
    out
}

/// USD in [from, to): ours (bearings from us), the category (bearings from anyone) and everything.
fn sums(p: &SynthPortfolio, list: &[&Shipment], from: NaiveDate, to: NaiveDate) -> (f64, f64, f64) {
    let mut out = (0.0, 0.0, 0.0);
    for s in list.iter().filter(|s| s.date.day >= from && s.date.day < to) {
        let v = s.value.dollars();
        out.2 += v;
        if s.hs6.under("8482") {
            out.1 += v;
            if s.supplier.is_some_and(|id| p.dataset.me.contains(&id)) {
                out.0 += v;
            }
        }
    }
    out
}

fn value_sum(p: &SynthPortfolio) -> i64 {
    p.dataset.shipments.iter().map(|s| s.value.0).sum()
}

#[test]
fn the_same_seed_gives_the_same_portfolio() {
    let again = generate(1);
    assert_eq!(again.dataset.shipments.len(), ONE.dataset.shipments.len());
    assert_eq!(value_sum(&again), value_sum(&ONE));
    assert_eq!(again.customers, ONE.customers);
    let other = generate(2);
    assert!(other.dataset.shipments.len() != ONE.dataset.shipments.len() || value_sum(&other) != value_sum(&ONE));
}

#[test]
fn every_customer_of_ours_is_in_the_truth_once_in_the_stated_proportions() {
    let p = &*ONE;
    assert!((40_000..=150_000).contains(&p.dataset.shipments.len()), "{} shipments", p.dataset.shipments.len());
    let ours: BTreeSet<CompanyId> =
        p.dataset.shipments.iter().filter(|s| s.supplier.is_some_and(|id| p.dataset.me.contains(&id))).map(|s| s.buyer).collect();
    let truth: BTreeSet<CompanyId> = p.customers.iter().map(|c| c.id).collect();
    assert_eq!(truth.len(), p.customers.len(), "a customer recorded twice");
    assert_eq!(ours, truth);
    let n = p.customers.len() as f64;
    assert!((250.0..=350.0).contains(&n));
    for (b, w) in MIX {
        let count = p.customers.iter().filter(|c| c.behaviour == b).count();
        assert!(count > 0, "{b:?} missing");
        assert!((count as f64 / n - w).abs() <= 0.02, "{b:?}: {count} of {n}");
    }
    let quiet = p.customers.iter().filter(|c| !c.behaviour.is_story()).count() as f64 / n;
    assert!((0.65..=0.75).contains(&quiet), "quiet {quiet}");
    let buyers: BTreeSet<CompanyId> = p.dataset.shipments.iter().map(|s| s.buyer).collect();
    assert!(buyers.len() > truth.len() + 40, "background importers that never buy from us");
    let rivals = p.dataset.shipments.iter().filter(|s| s.hs6.under("8482")).filter_map(|s| s.supplier).collect::<BTreeSet<_>>();
    let rivals = rivals.len() - p.dataset.me.len();
    assert!((6..=12).contains(&rivals), "{rivals} rivals");
    assert!(!p.dataset.competitors.is_empty() && p.dataset.competitors.len() < rivals);
}

#[test]
fn stories_have_events_inside_the_data_and_none_before_the_onset() {
    let p = &*ONE;
    let stories: Vec<_> = p.customers.iter().filter(|c| c.behaviour.is_story()).collect();
    let with_event = stories.iter().filter(|c| c.event.is_some()).count();
    assert!(with_event as f64 >= 0.8 * stories.len() as f64, "{with_event} events for {} stories", stories.len());
    assert!(stories.iter().filter(|c| c.scored).count() as f64 >= 0.9 * stories.len() as f64);
    for c in &p.customers {
        let Some(onset) = c.onset else {
            assert!(!c.behaviour.is_story(), "a story without an onset");
            continue;
        };
        assert!(onset >= d(2023, 4, 1) && onset <= d(2025, 9, 30), "{onset}: 18 months of history first");
        if let Some(event) = c.event {
            assert!(event >= Quarter::of(onset).first_day(), "event {event} before onset {onset}");
        }
    }
}

#[test]
fn behaviours_show_in_the_shipments() {
    let p = &*ONE;
    let all = by_buyer(p);
    let empty = Vec::new();
    let last_year = (d(2024, 10, 1), d(2025, 10, 1));
    for c in &p.customers {
        let list = all.get(&c.id).unwrap_or(&empty);
        let onset = c.onset.unwrap_or(d(2023, 10, 1));
        let before = sums(p, list, onset - chrono::Days::new(365), onset);
        let last = sums(p, list, last_year.0, last_year.1);
        match c.behaviour {
            Behaviour::Steady => {
                let years: Vec<f64> = (2021..2025).map(|y| sums(p, list, d(y, 10, 1), d(y + 1, 10, 1)).0).collect();
                assert!(years.iter().all(|v| *v >= 0.5 * years[0]), "steady {:?}: {years:?}", c.id);
            }
            Behaviour::ShareDrift => {
                let ratio = last.1 / before.1;
                assert!((0.7..=1.3).contains(&ratio), "drift {:?}: category ×{ratio:.2}", c.id);
                assert!(last.0 < 0.9 * before.0, "drift {:?}: ours {:.0} → {:.0}", c.id, before.0, last.0);
            }
            Behaviour::TrialThenSwitch => {
                assert!(before.0 >= 0.75 * before.1, "we were (nearly) the only supplier");
                let end = sums(p, list, d(2025, 4, 1), last_year.1);
                assert!(end.0 < 0.5 * end.1, "switch {:?}: the rival took most of it", c.id);
            }
            Behaviour::Shrinking => {
                assert!(last.2 < 0.75 * before.2, "shrinking {:?}: all products {:.0} → {:.0}", c.id, before.2, last.2);
            }
            Behaviour::AbruptLoss => {
                let after = sums(p, list, onset, last_year.1);
                assert_eq!(after.0, 0.0, "nothing from us from the onset");
                assert!(after.1 > 0.0, "it keeps buying from others");
            }
            Behaviour::RhythmThinning => {
                // Fewer lots of the same size: our lots (deliveries a day) in the year before the
                // onset, from the onset on, and in the last half-year of the data.
                let lots = |from: NaiveDate, to: NaiveDate| {
                    let mut days = BTreeMap::<NaiveDate, f64>::new();
                    for s in list.iter().filter(|s| s.date.day >= from && s.date.day < to) {
                        if s.supplier.is_some_and(|id| p.dataset.me.contains(&id)) {
                            *days.entry(s.date.day).or_default() += s.value.dollars();
                        }
                    }
                    let mut v: Vec<f64> = days.into_values().collect();
                    v.sort_by(f64::total_cmp);
                    v
                };
                let early = lots(onset - chrono::Days::new(365), onset);
                let after = lots(onset, last_year.1);
                let late = lots(d(2025, 4, 1), last_year.1);
                assert!(
                    late.len() as f64 <= 0.75 * early.len() as f64 / 2.0,
                    "thinning {:?}: {} lots a year, then {} in half a year",
                    c.id,
                    early.len(),
                    late.len()
                );
                if after.len() >= 3 {
                    let ratio = after[after.len() / 2] / early[early.len() / 2];
                    assert!((0.5..=2.0).contains(&ratio), "thinning {:?}: lots ×{ratio:.2}", c.id);
                }
            }
            _ => {}
        }
    }
}
