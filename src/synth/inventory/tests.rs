use super::*;
use crate::model::{Hs6, Quarter, Shipment};
use crate::synth::CustomerTruth;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Seed 1's portfolio with its shipments by buyer and our catalog (made once for all tests).
struct Fixture {
    p: SynthPortfolio,
    by_buyer: HashMap<CompanyId, Vec<Shipment>>,
    codes: HashSet<Hs6>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let p = generate(1);
        let mut by_buyer: HashMap<CompanyId, Vec<Shipment>> = HashMap::new();
        for s in &p.dataset.shipments {
            by_buyer.entry(s.buyer).or_default().push(s.clone());
        }
        let codes = p.dataset.codes_shipped_by_us(d(2024, 3, 31));
        Fixture { p, by_buyer, codes }
    })
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

impl Fixture {
    fn ours(&self, s: &Shipment) -> bool {
        s.supplier.is_some_and(|x| self.p.dataset.me.contains(&x))
    }

    /// A customer's category shipments between two days, both included.
    fn category(&self, buyer: CompanyId, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Shipment> {
        let all = self.by_buyer.get(&buyer).map_or(&[][..], |v| v.as_slice());
        all.iter().filter(move |s| s.date.day >= from && s.date.day <= to && self.codes.contains(&s.hs6))
    }

    /// (ours, category total) of a customer between two days.
    fn values(&self, buyer: CompanyId, from: NaiveDate, to: NaiveDate) -> (f64, f64) {
        self.category(buyer, from, to).fold((0.0, 0.0), |(o, t), s| {
            let v = s.value.dollars();
            (if self.ours(s) { o + v } else { o }, t + v)
        })
    }

    fn of(&self, b: Behaviour) -> Vec<&CustomerTruth> {
        self.p.customers.iter().filter(|c| c.behaviour == b).collect()
    }
}

fn days(n: u64) -> chrono::Days {
    chrono::Days::new(n)
}

#[test]
fn the_same_seed_gives_the_same_portfolio() {
    let sum = |p: &SynthPortfolio| p.dataset.shipments.iter().map(|s| s.value.0).sum::<i64>();
    let (a, again, other) = (&fixture().p, generate(1), generate(2));
    assert_eq!((a.dataset.shipments.len(), sum(a)), (again.dataset.shipments.len(), sum(&again)));
    assert_ne!((a.dataset.shipments.len(), sum(a)), (other.dataset.shipments.len(), sum(&other)));
    assert!((40_000..=150_000).contains(&a.dataset.shipments.len()), "{} shipments", a.dataset.shipments.len());
}

#[test]
fn every_customer_of_ours_is_in_the_truth_once_in_its_proportions() {
    let f = fixture();
    let p = &f.p;
    let buyers: HashSet<CompanyId> = p.dataset.shipments.iter().filter(|s| f.ours(s)).map(|s| s.buyer).collect();
    let truth: HashSet<CompanyId> = p.customers.iter().map(|c| c.id).collect();
    assert_eq!(truth.len(), p.customers.len(), "no customer twice");
    assert_eq!(truth, buyers);
    assert!((250..=350).contains(&p.customers.len()));
    for (b, share) in MIX {
        let n = f.of(b).len() as f64 / p.customers.len() as f64;
        assert!(n > 0.0 && (n - share).abs() < 0.02, "{b:?}: {n}");
    }
    let stories = p.customers.iter().filter(|c| c.behaviour.is_story()).count() as f64 / p.customers.len() as f64;
    assert!((0.25..=0.35).contains(&stories), "{stories}");
    assert!(p.customers.iter().all(|c| c.behaviour.is_story() == c.onset.is_some()));
}

#[test]
fn most_stories_have_their_event_inside_the_data_and_none_before_the_onset() {
    let p = &fixture().p;
    let stories: Vec<_> = p.customers.iter().filter(|c| c.behaviour.is_story()).collect();
    let with = stories.iter().filter(|c| c.event.is_some()).count();
    assert!(with as f64 >= 0.8 * stories.len() as f64, "{with} of {}", stories.len());
    for c in stories {
        if let (Some(e), Some(o)) = (c.event, c.onset) {
            assert!(e >= Quarter::of(o).first_day(), "{c:?}");
        }
    }
}

#[test]
fn share_drift_keeps_the_category_while_our_value_falls() {
    let f = fixture();
    let drifts = f.of(Behaviour::ShareDrift);
    let mut holds = 0;
    for c in &drifts {
        let onset = c.onset.expect("a story has an onset");
        if onset > d(2023, 4, 1) {
            continue; // no whole year after the onset
        }
        let before = f.values(c.id, onset - days(365), onset - days(1));
        let last = f.values(c.id, d(2023, 4, 1), d(2024, 3, 31));
        assert!(last.0 < before.0, "our value fell: {c:?}");
        holds += usize::from((last.1 / before.1 - 1.0).abs() <= 0.3);
    }
    assert!(holds as f64 >= 0.85 * drifts.len() as f64, "{holds} of {}", drifts.len());
}

#[test]
fn steady_and_trial_leaves_customers_never_fall_below_half_of_their_first_year() {
    let f = fixture();
    for c in f.of(Behaviour::Steady).into_iter().chain(f.of(Behaviour::TrialLeaves)) {
        let first = f.values(c.id, d(2020, 4, 1), d(2021, 3, 31)).0;
        for y in 1..4 {
            assert!(f.values(c.id, d(2020 + y, 4, 1), d(2021 + y, 3, 31)).0 >= 0.5 * first, "{c:?}");
        }
    }
}

#[test]
fn abrupt_loss_stops_our_shipments_once_those_in_transit_arrive() {
    let f = fixture();
    for c in f.of(Behaviour::AbruptLoss) {
        let onset = c.onset.expect("a story has an onset");
        assert_eq!(f.category(c.id, onset + days(64), d(2024, 3, 31)).filter(|s| f.ours(s)).count(), 0, "{c:?}");
    }
}

#[test]
fn rhythm_thinning_keeps_our_lot_size_while_our_lots_come_more_rarely() {
    let f = fixture();
    // Our lots per arrival day (the lines of one order together).
    let lots = |buyer, from, to| {
        let mut lots: Vec<(NaiveDate, f64)> = Vec::new();
        for s in f.category(buyer, from, to).filter(|s| f.ours(s)) {
            match lots.iter_mut().find(|l| l.0 == s.date.day) {
                Some(l) => l.1 += s.value.dollars(),
                None => lots.push((s.date.day, s.value.dollars())),
            }
        }
        let mut values: Vec<f64> = lots.into_iter().map(|l| l.1).collect();
        values.sort_by(f64::total_cmp);
        values
    };
    let thinning = f.of(Behaviour::RhythmThinning);
    let (mut same, mut seen) = (0, 0);
    for c in &thinning {
        let onset = c.onset.expect("a story has an onset");
        if onset > d(2023, 4, 1) {
            continue; // too little data after the onset
        }
        let (before, after) = (lots(c.id, d(2020, 4, 1), onset), lots(c.id, onset + days(120), d(2024, 3, 31)));
        let (span_before, span_after) = ((onset - d(2020, 4, 1)).num_days() as f64, (d(2024, 3, 31) - onset).num_days() as f64 - 120.0);
        assert!((after.len() as f64) / span_after.max(1.0) < before.len() as f64 / span_before, "{c:?}");
        let Some(mid) = after.get(after.len() / 2) else { continue };
        let ratio = mid / before[before.len() / 2];
        same += usize::from((0.6..1.6).contains(&ratio));
        seen += 1;
    }
    assert!(same as f64 >= 0.75 * seen as f64, "{same} of {seen}");
}

#[test]
fn a_trial_supplier_ships_one_to_three_lots_within_a_few_months() {
    let f = fixture();
    for c in f.of(Behaviour::TrialLeaves) {
        let mut arrivals: HashMap<CompanyId, HashSet<NaiveDate>> = HashMap::new();
        for s in f.category(c.id, d(2020, 4, 1), d(2024, 3, 31)) {
            arrivals.entry(s.supplier.expect("every shipment has a supplier")).or_default().insert(s.date.day);
        }
        let trial = |days: &HashSet<NaiveDate>| {
            let (Some(a), Some(b)) = (days.iter().min(), days.iter().max()) else { return false };
            days.len() <= 3 && (*b - *a).num_days() < 300
        };
        assert!(arrivals.values().any(trial), "{c:?}");
    }
}
