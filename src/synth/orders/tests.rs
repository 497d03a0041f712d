use super::*;
use crate::model::{Dataset, Quarter};
use std::collections::HashMap;
use std::sync::OnceLock;

fn portfolio() -> &'static SynthPortfolio {
    static P: OnceLock<SynthPortfolio> = OnceLock::new();
    P.get_or_init(|| generate(1))
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// Per buyer: (our value, category value) summed over `from..=to`.
fn sums(data: &Dataset, from: NaiveDate, to: NaiveDate) -> HashMap<CompanyId, (f64, f64)> {
    let mut out: HashMap<CompanyId, (f64, f64)> = HashMap::new();
    for s in data.shipments.iter().filter(|s| (from..=to).contains(&s.date.day) && OUR_CODES.iter().any(|c| c.0 == s.hs6.0)) {
        let e = out.entry(s.buyer).or_default();
        e.1 += s.value.dollars();
        if s.supplier.is_some_and(|id| data.me.contains(&id)) {
            e.0 += s.value.dollars();
        }
    }
    out
}

#[test]
fn the_same_seed_gives_the_same_portfolio() {
    let key = |p: &SynthPortfolio| (p.dataset.shipments.len(), p.dataset.shipments.iter().map(|s| s.value.0).sum::<i64>());
    assert_eq!(key(portfolio()), key(&generate(1)));
    assert_ne!(key(portfolio()), key(&generate(2)));
}

#[test]
fn every_customer_of_ours_is_in_the_truth_once_in_proportion() {
    let p = portfolio();
    let ours: BTreeSet<CompanyId> =
        p.dataset.shipments.iter().filter(|s| s.supplier.is_some_and(|id| p.dataset.me.contains(&id))).map(|s| s.buyer).collect();
    let truth: Vec<CompanyId> = p.customers.iter().map(|c| c.id).collect();
    assert_eq!(truth.len(), ours.len());
    assert_eq!(truth.iter().copied().collect::<BTreeSet<_>>(), ours);
    assert!((250..=350).contains(&truth.len()), "{} customers", truth.len());
    let n = truth.len() as f64;
    let share = |b: Behaviour| p.customers.iter().filter(|c| c.behaviour == b).count() as f64 / n;
    let stories: f64 = Behaviour::ALL.iter().filter(|b| b.is_story()).map(|&b| share(b)).sum();
    assert!((0.25..=0.35).contains(&stories), "stories {stories}");
    assert!((0.25..=0.45).contains(&share(Behaviour::Steady)), "steady {}", share(Behaviour::Steady));
    for b in Behaviour::ALL.into_iter().filter(|&b| b != Behaviour::Steady) {
        let range = if b.is_story() { 0.04..=0.08 } else { 0.03..=0.13 };
        assert!(range.contains(&share(b)), "{b:?} {}", share(b));
    }
    let declared = p.dataset.competitors.len();
    let suppliers: BTreeSet<CompanyId> =
        p.dataset.shipments.iter().filter(|s| OUR_CODES[0].0 == s.hs6.0).filter_map(|s| s.supplier).collect();
    assert!(declared >= 1 && declared * 3 <= suppliers.len() - 2, "{declared} declared of {} rivals", suppliers.len() - 2);
    assert!(p.dataset.catalog.is_empty());
}

#[test]
fn most_stories_have_an_event_and_none_before_the_onset() {
    let p = portfolio();
    let stories: Vec<_> = p.customers.iter().filter(|c| c.behaviour.is_story()).collect();
    assert!(stories.iter().all(|c| c.onset.is_some_and(|o| o >= d(2022, 1, 1))));
    let events = stories.iter().filter(|c| c.event.is_some()).count();
    assert!(events * 10 >= stories.len() * 8, "{events} events of {} stories", stories.len());
    for c in &stories {
        if let (Some(e), Some(o)) = (c.event, c.onset) {
            assert!(e >= Quarter::of(o).first_day(), "{c:?}");
        }
    }
    assert!(p.customers.iter().filter(|c| !c.behaviour.is_story()).all(|c| c.onset.is_none()));
}

#[test]
fn drift_holds_the_category_and_steady_keeps_our_value() {
    let p = portfolio();
    let last = sums(&p.dataset, d(2023, 7, 1), d(2024, 6, 30));
    let (mut held, mut fell, mut drifts) = (0, 0, 0);
    for c in p.customers.iter().filter(|c| c.behaviour == Behaviour::ShareDrift) {
        let o = c.onset.expect("stories have an onset");
        let before = sums(&p.dataset, o - Duration::days(365), o - Duration::days(1))[&c.id];
        let after = last.get(&c.id).copied().unwrap_or_default();
        drifts += 1;
        held += usize::from((after.1 / before.1 - 1.0).abs() <= 0.3);
        fell += usize::from(after.0 < 0.75 * before.0);
    }
    assert!(held * 10 >= drifts * 8 && fell * 10 >= drifts * 8, "{held} held, {fell} fell of {drifts}");
    let years: Vec<_> = (0..4).map(|y| sums(&p.dataset, d(2020 + y, 7, 1), d(2021 + y, 6, 30))).collect();
    for c in p.customers.iter().filter(|c| c.behaviour == Behaviour::Steady) {
        let first = years[0][&c.id].0;
        assert!(years.iter().all(|y| y.get(&c.id).map_or(0.0, |v| v.0) >= 0.5 * first), "{c:?}");
    }
}
