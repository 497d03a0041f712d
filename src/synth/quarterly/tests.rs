use super::*;
use crate::model::Quarter;
use std::collections::HashMap;
use std::sync::OnceLock;

fn one() -> &'static SynthPortfolio {
    static P: OnceLock<SynthPortfolio> = OnceLock::new();
    P.get_or_init(|| generate(1))
}

fn two() -> &'static SynthPortfolio {
    static P: OnceLock<SynthPortfolio> = OnceLock::new();
    P.get_or_init(|| generate(2))
}

/// Per customer: (our value, category value) per month.
fn monthly(p: &SynthPortfolio) -> HashMap<CompanyId, [(f64, f64); MONTHS]> {
    let d = &p.dataset;
    let mut out: HashMap<CompanyId, [(f64, f64); MONTHS]> = HashMap::new();
    for s in d.shipments.iter().filter(|s| s.hs6.0 / 100 == 7318) {
        let m = month_index(s.date.day);
        let cell = &mut out.entry(s.buyer).or_insert([(0.0, 0.0); MONTHS])[m];
        cell.1 += s.value.dollars();
        if s.supplier.is_some_and(|id| d.me.contains(&id)) {
            cell.0 += s.value.dollars();
        }
    }
    out
}

fn month_index(day: NaiveDate) -> usize {
    ((day.year() - FIRST_YEAR) * 12) as usize + day.month0() as usize
}

#[test]
fn the_same_seed_gives_the_same_portfolio() {
    let sum = |p: &SynthPortfolio| p.dataset.shipments.iter().map(|s| s.value.0).sum::<i64>();
    let (a, b, c) = (one(), generate(1), two());
    assert_eq!((a.dataset.shipments.len(), sum(a)), (b.dataset.shipments.len(), sum(&b)));
    assert_ne!((a.dataset.shipments.len(), sum(a)), (c.dataset.shipments.len(), sum(c)));
    let n = a.dataset.shipments.len();
    assert!((40_000..=150_000).contains(&n), "{n} shipments");
}

#[test]
fn every_customer_of_ours_is_in_the_truth_once_in_the_stated_proportions() {
    let p = one();
    let d = &p.dataset;
    let ours: BTreeSet<CompanyId> =
        d.shipments.iter().filter(|s| s.supplier.is_some_and(|id| d.me.contains(&id))).map(|s| s.buyer).collect();
    let truth: Vec<CompanyId> = p.customers.iter().map(|c| c.id).collect();
    assert_eq!(truth.iter().copied().collect::<BTreeSet<_>>(), ours);
    assert_eq!(truth.len(), ours.len(), "no customer twice");
    assert!((250..=350).contains(&truth.len()));
    for (beh, share) in MIX {
        let n = p.customers.iter().filter(|c| c.behaviour == beh).count();
        let expected = share * truth.len() as f64;
        assert!(n > 0 && (n as f64 - expected).abs() <= 3.0, "{beh:?}: {n} of {}", truth.len());
    }
    let stories = p.customers.iter().filter(|c| c.behaviour.is_story()).count() as f64 / truth.len() as f64;
    assert!((0.25..=0.35).contains(&stories), "{stories}");
    assert!(p.customers.iter().all(|c| c.onset.is_some() == c.behaviour.is_story()));
}

#[test]
fn most_stories_have_their_event_inside_the_data_and_none_before_the_onset() {
    for p in [one(), two()] {
        let seed = p.seed;
        let stories: Vec<_> = p.customers.iter().filter(|c| c.behaviour.is_story()).collect();
        let with_event = stories.iter().filter(|c| c.event.is_some()).count();
        assert!(with_event as f64 >= 0.8 * stories.len() as f64, "seed {seed}: {with_event} of {}", stories.len());
        for c in &stories {
            let onset = c.onset.expect("a story has an onset");
            assert!(onset >= NaiveDate::from_ymd_opt(2022, 7, 1).expect("date"), "18 months of history");
            if let Some(e) = c.event {
                assert!(Quarter::of(e) >= Quarter::of(onset), "{c:?}");
            }
        }
    }
}

#[test]
fn drifting_customers_hold_their_category_while_our_value_falls() {
    let p = one();
    let months = monthly(p);
    for c in p.customers.iter().filter(|c| c.behaviour == Behaviour::ShareDrift) {
        let (o, v) = (month_index(c.onset.expect("onset")), &months[&c.id]);
        let before = |k: usize| v[o.saturating_sub(12)..o].iter().map(|x| if k == 0 { x.0 } else { x.1 }).sum::<f64>();
        let last = |k: usize| v[36..].iter().map(|x| if k == 0 { x.0 } else { x.1 }).sum::<f64>();
        let ratio = last(1) / before(1);
        assert!((0.7..=1.3).contains(&ratio), "{:?}: category ×{ratio:.2}", c.id);
        assert!(last(0) < before(0), "{:?}: our value did not fall", c.id);
    }
}

#[test]
fn steady_growing_and_trial_customers_never_fall_below_half_of_their_first_year() {
    let p = one();
    let months = monthly(p);
    let kept = [Behaviour::Steady, Behaviour::Growth, Behaviour::TrialLeaves];
    for c in p.customers.iter().filter(|c| kept.contains(&c.behaviour)) {
        let v = &months[&c.id];
        let year = |y: usize| v[12 * y..12 * y + 12].iter().map(|x| x.0).sum::<f64>();
        assert!((1..4).all(|y| year(y) >= 0.5 * year(0)), "{:?}: {:?}", c.id, (0..4).map(year).collect::<Vec<_>>());
    }
}
