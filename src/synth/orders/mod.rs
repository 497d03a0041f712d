//! Family `orders`: customers simulated order by order, July 2020 to June 2024.
//!
//! Each customer places category orders as a renewal process in continuous time (gamma gaps
//! around its own rhythm, lognormal lots around its usual lot). Each order goes to ONE supplier,
//! chosen from preference weights that wander (our share as a slow log random walk pulled back to
//! its level, the rivals' split as freer walks) through a running credit, so shares hold in the long
//! run and drift and revert on their own. A shared business cycle and the customer's seasonality
//! scale its demand, split between arrival rate and lot size. Stories act on the process: weight
//! moved from us to one rival (ShareDrift), trial orders then a jump (TrialThenSwitch), rate and
//! lots lowered (Shrinking), a growing minimum gap between our orders (RhythmThinning), our weight
//! set to zero (AbruptLoss). Other products come in streams of their own from other suppliers;
//! background importers buy from rivals only. No catalog is declared.

mod draw;
mod names;
mod process;
#[cfg(test)]
mod tests;

use super::{Behaviour, PortfolioBuilder, SynthPortfolio};
use crate::model::CompanyId;
use chrono::{Datelike, Duration, NaiveDate};
use draw::{lognormal, normal, pick, shuffle, stream, uniform, walk};
use names::{OTHERS, OUR_CODES, RIVALS, US, new_buyer, origin_price};
use process::{Sup, World};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

/// The family's name in the portfolio.
const FAMILY: &str = "orders";
/// Days from 2020-07-01 to 2024-06-30 inclusive; time runs in days from the first.
const DAYS: f64 = 1461.0;
/// 2022-01-01: eighteen months of normal history before the earliest onset.
const EARLIEST_ONSET: f64 = 549.0;
/// A quarter in days, for rates given per quarter.
const QUARTER: f64 = 91.3;

/// One order stream's rhythm and lots.
#[derive(Clone, Copy)]
struct Flow {
    /// Value a year at the usual demand level.
    annual: f64,
    /// Mean days between orders at the usual demand level.
    gap: f64,
    /// Gamma shape of the gaps: high for a regular rhythm, below 1 for an erratic one.
    shape: f64,
    /// Log-sd of lot sizes.
    sigma: f64,
    /// How much of a demand change moves the arrival rate (the rest moves lot sizes).
    rate_part: f64,
    /// How much a lot replaces what was used since the previous order (the rest is a usual lot).
    refill: f64,
}

/// A rival in a customer's supplier set; `regular` rivals share the business from the start,
/// the others only get what a story gives them.
struct Link {
    sup: usize,
    regular: bool,
    walk: Vec<f64>,
}

/// What a customer does over time (day offsets).
enum Story {
    Quiet,
    Dip { from: f64, to: f64, depth: f64, ours_only: bool },
    Growth { from: f64, ramp: f64, factor: f64 },
    Drift { onset: f64, rate: f64, floor: f64, gainer: usize },
    Switch { onset: f64, switch: f64, take: f64, rival: usize },
    Shrink { onset: f64, level: f64, quarters: f64 },
    Rhythm { onset: f64, stretch: f64 },
    Abrupt { onset: f64 },
}

/// Everything one importer does, drawn before its orders are simulated.
struct Plan {
    buyer: CompanyId,
    /// Its country (the shipments' destination).
    dest: u16,
    /// Its category orders (ours and rivals').
    flow: Flow,
    /// How strongly the shared business cycle moves it.
    beta: f64,
    /// Seasonal amplitude and the day of the year of the peak.
    season: (f64, f64),
    /// Our codes it buys: code, weight in its mix, USD per kg.
    codes: Vec<(u32, f64, f64)>,
    /// False for background importers, which never buy from us.
    with_us: bool,
    /// Our usual share of its category orders.
    share: f64,
    /// Monthly log-deviation of our share.
    us_walk: Vec<f64>,
    links: Vec<Link>,
    story: Story,
    /// Small extra orders of a supplier on trial: day, rival, fraction of the usual lot.
    trials: Vec<(f64, usize, f64)>,
    /// Lumpy customers' big lots, all ours: days and the lot value.
    lumpy: Vec<f64>,
    lumpy_lot: f64,
    /// Other products: index into the other suppliers, and the stream.
    others: Vec<(usize, Flow)>,
}

/// The portfolio of this family for `seed`.
pub fn generate(seed: u64) -> SynthPortfolio {
    let start = NaiveDate::from_ymd_opt(2020, 7, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap_or_default();
    let mut rng = stream(seed, 0, 0);
    let mut b = PortfolioBuilder::new(FAMILY, seed, end);
    let china = b.country("China");
    let us = Sup { id: b.us(US[0]), alt: Some(b.us(US[1])), origin: china, price: 1.0 };
    // 8–11 rivals, at most a third of them declared: the user never told the app about the rest.
    let mut pool: Vec<usize> = (0..RIVALS.len()).collect();
    shuffle(&mut rng, &mut pool);
    pool.truncate(rng.random_range(8..=11));
    let declared = pool.len() / 3;
    let mut rivals = Vec::new();
    let mut pop = Vec::new();
    for (k, &i) in pool.iter().enumerate() {
        let (name, origin, p) = RIVALS[i];
        let origin = b.country(origin);
        rivals.push(Sup { id: b.rival(name, k < declared), alt: None, origin, price: origin_price(RIVALS[i].1) });
        pop.push(p * uniform(&mut rng, 0.6, 1.4));
    }
    let others = OTHERS
        .iter()
        .map(|&(name, origin, code, kg)| {
            let o = b.country(origin);
            (Sup { id: b.company(name), alt: None, origin: o, price: origin_price(origin) }, code, kg)
        })
        .collect();
    // The business cycle: a slow wave plus persistent shocks, monthly.
    let (amp, period, phase) = (uniform(&mut rng, 0.04, 0.08), uniform(&mut rng, 30.0, 54.0), uniform(&mut rng, 0.0, 6.3));
    let mut shock = 0.0;
    let cycle = (0..48)
        .map(|m| {
            shock = 0.75 * shock + 0.025 * normal(&mut rng);
            (1.0 + amp * (std::f64::consts::TAU * m as f64 / period + phase).sin() + shock).clamp(0.8, 1.2)
        })
        .collect();
    let dates: Vec<NaiveDate> = (0..DAYS as i64).map(|d| start + Duration::days(d)).collect();
    let months = dates.iter().map(|d| ((d.year() - 2020) * 12 + d.month() as i32 - 7) as usize).collect();
    let mut w = World { b, dates, months, cycle, us, rivals, others };
    let mut used = BTreeSet::new();
    let n = rng.random_range(280..=330);
    for (i, behaviour) in behaviours(&mut rng, n).into_iter().enumerate() {
        let mut r = stream(seed, 1, i as u64);
        let (buyer, dest) = new_buyer(&mut w.b, &mut r, &mut used);
        let p = plan(&mut r, Some(behaviour), buyer, dest, &pop);
        if w.simulate(&p, &mut r) > 0 {
            let onset = p.onset().map(|t| w.dates[t as usize]);
            w.b.customer(buyer, behaviour, onset);
        }
    }
    for i in 0..rng.random_range(60..=100) {
        let mut r = stream(seed, 2, i as u64);
        let (buyer, dest) = new_buyer(&mut w.b, &mut r, &mut used);
        let p = plan(&mut r, None, buyer, dest, &pop);
        w.simulate(&p, &mut r);
    }
    w.b.finish()
}

/// The behaviours of `n` customers of ours in a shuffled order: 27–33% stories split evenly
/// over the five, the quiet rest about half Steady.
fn behaviours(rng: &mut ChaCha8Rng, n: usize) -> Vec<Behaviour> {
    use Behaviour::*;
    let stories = (n as f64 * uniform(rng, 0.27, 0.33)).round() as usize;
    let first = rng.random_range(0..5);
    let mut out = Vec::with_capacity(n);
    for (k, b) in [ShareDrift, TrialThenSwitch, Shrinking, RhythmThinning, AbruptLoss].into_iter().enumerate() {
        out.extend(std::iter::repeat_n(b, stories / 5 + usize::from((k + first) % 5 < stories % 5)));
    }
    let quiet = n - stories;
    for (b, f) in [(Lumpy, 0.115), (Thin, 0.145), (Dip, 0.08), (TrialLeaves, 0.08), (Growth, 0.08)] {
        out.extend(std::iter::repeat_n(b, (quiet as f64 * f * uniform(rng, 0.85, 1.15)).round() as usize));
    }
    out.extend(std::iter::repeat_n(Steady, n - out.len()));
    shuffle(rng, &mut out);
    out
}

/// A customer's rhythm, sizes, suppliers and story; `None` for a background importer.
fn plan(rng: &mut ChaCha8Rng, behaviour: Option<Behaviour>, buyer: CompanyId, dest: u16, pop: &[f64]) -> Plan {
    use Behaviour::*;
    let story = behaviour.is_some_and(Behaviour::is_story);
    let annual = match behaviour {
        Some(Thin) => uniform(rng, 4_000.0, 14_000.0),
        Some(Lumpy) => lognormal(rng, 150_000.0, 0.8).clamp(30_000.0, 1_500_000.0),
        None => lognormal(rng, 150_000.0, 1.0).clamp(15_000.0, 2_000_000.0),
        _ if story => lognormal(rng, 260_000.0, 0.9).clamp(40_000.0, 3_000_000.0),
        _ => lognormal(rng, 200_000.0, 1.0).clamp(20_000.0, 3_000_000.0),
    };
    // Small customers keep to one or two suppliers, mostly us; big ones spread wider.
    let n_links = match behaviour {
        Some(TrialThenSwitch) => rng.random_range(0..2),
        Some(Thin | Lumpy) => rng.random_range(1..3),
        _ if annual < 80_000.0 => 1,
        _ if annual < 250_000.0 => rng.random_range(1..3),
        _ => 1 + pick(rng, &[0.35, 0.33, 0.2, 0.12]),
    };
    let mut links = Vec::new();
    for _ in 0..n_links {
        links.push(Link { sup: pick_new(rng, pop, &links), regular: true, walk: walk(rng, 0.9, 0.35) });
    }
    let share = match behaviour {
        Some(TrialThenSwitch) => uniform(rng, 0.9, 0.97),
        Some(Thin | RhythmThinning) => uniform(rng, 0.5, 0.9),
        Some(ShareDrift) => uniform(rng, 0.45, 0.85),
        _ if annual < 80_000.0 => uniform(rng, 0.55, 0.9),
        _ => uniform(rng, 0.35, 0.85),
    };
    // A usual lot grows with the customer, less than in proportion (containers, not parcels); a
    // customer of ours orders often enough that we see it about monthly (weekly for the big ones).
    let lot = uniform(rng, 5_000.0, 20_000.0) * (annual / 100_000.0).powf(0.35);
    let max_gap = match behaviour {
        None => 45.0,
        Some(RhythmThinning) => 25.0 * share,
        _ => 26.0 * share,
    };
    let flow = Flow {
        annual,
        gap: (365.0 * lot / annual).clamp(5.0, max_gap),
        shape: uniform(rng, 4.0, 12.0),
        sigma: uniform(rng, 0.1, 0.3),
        rate_part: uniform(rng, 0.3, 0.8),
        refill: uniform(rng, 0.3, 0.9),
    };
    let amp = if rng.random::<f64>() < 0.25 { 0.0 } else { uniform(rng, 0.05, 0.5) };
    let mut p = Plan {
        buyer,
        dest,
        flow,
        beta: uniform(rng, 0.5, 1.2),
        season: (amp, uniform(rng, 0.0, 365.0)),
        codes: codes(rng),
        with_us: behaviour.is_some(),
        share,
        us_walk: walk(rng, 0.85, 0.08),
        links,
        story: Story::Quiet,
        trials: Vec::new(),
        lumpy: Vec::new(),
        lumpy_lot: 0.0,
        others: Vec::new(),
    };
    let late = |rng: &mut ChaCha8Rng, margin: f64| uniform(rng, EARLIEST_ONSET, DAYS - margin);
    match behaviour {
        Some(Thin) => {
            p.flow =
                Flow { gap: uniform(rng, 50.0, 110.0), shape: uniform(rng, 0.7, 1.3), sigma: 0.5, refill: uniform(rng, 0.0, 0.3), ..flow };
        }
        Some(Lumpy) => {
            // One to three big lots a year near fixed days of the year, all ours; rivals fill in.
            let n = rng.random_range(1..=3) as f64;
            let phase = uniform(rng, 0.0, 365.0 / n);
            let mut k = 0.0;
            while phase + k * 365.25 / n < DAYS {
                p.lumpy.push((phase + k * 365.25 / n + (12.0 * normal(rng)).clamp(-30.0, 30.0)).max(0.0));
                k += 1.0;
            }
            p.lumpy_lot = annual / n;
            p.season.0 = 0.0;
            p.flow = Flow {
                annual: annual * uniform(rng, 0.12, 0.35),
                gap: uniform(rng, 45.0, 100.0),
                shape: 2.0,
                sigma: 0.4,
                refill: 0.3,
                ..flow
            };
        }
        Some(Dip) => {
            let from = uniform(rng, 270.0, DAYS - 300.0);
            p.story =
                Story::Dip { from, to: from + uniform(rng, 75.0, 180.0), depth: uniform(rng, 0.3, 0.7), ours_only: rng.random_bool(0.5) };
        }
        Some(Growth) => {
            p.story =
                Story::Growth { from: uniform(rng, 180.0, DAYS - 450.0), ramp: uniform(rng, 180.0, 365.0), factor: uniform(rng, 2.0, 4.0) };
        }
        Some(TrialLeaves) => {
            let sup = pick_new(rng, pop, &p.links);
            let (mut t, frac) = (uniform(rng, 240.0, DAYS - 365.0), uniform(rng, 0.1, 0.35));
            for _ in 0..rng.random_range(1..=3) {
                p.trials.push((t, sup, frac * uniform(rng, 0.7, 1.3)));
                t += uniform(rng, 20.0, 60.0);
            }
        }
        Some(ShareDrift) => {
            let onset = late(rng, 3.5 * QUARTER);
            let left = (DAYS - onset) / QUARTER;
            // Fast enough for our share to halve about a quarter before the data ends.
            let rate = uniform(rng, 0.03, 0.10).max(0.6 * share / (left - 1.2)).min(0.10);
            let gainer = if rng.random_bool(0.6) {
                rng.random_range(0..p.links.len())
            } else {
                let sup = pick_new(rng, pop, &p.links);
                p.links.push(Link { sup, regular: false, walk: Vec::new() });
                p.links.len() - 1
            };
            p.story = Story::Drift { onset, rate, floor: uniform(rng, 0.0, 0.25), gainer };
        }
        Some(TrialThenSwitch) => {
            let onset = late(rng, 345.0);
            let sup = pick_new(rng, pop, &p.links);
            p.links.push(Link { sup, regular: false, walk: Vec::new() });
            let (mut t, frac) = (onset, uniform(rng, 0.08, 0.25));
            for _ in 0..rng.random_range(2..=4) {
                p.trials.push((t, sup, frac * uniform(rng, 0.7, 1.3)));
                t += uniform(rng, 15.0, 45.0);
            }
            let rival = p.links.len() - 1;
            p.story = Story::Switch { onset, switch: t, take: uniform(rng, 0.6, 0.92), rival };
        }
        Some(Shrinking) => {
            let onset = late(rng, 300.0);
            let left = (DAYS - onset) / QUARTER;
            let level: f64 = uniform(rng, 0.15, 0.45);
            // 10–30% a quarter compounding down to `level`, fast enough to halve before the end.
            let fall = uniform(rng, 0.10, 0.30).max(1.0 - 0.5f64.powf(1.0 / (left - 1.3))).min(0.35);
            let quarters = level.ln() / (1.0 - fall).ln();
            p.story = Story::Shrink { onset, level, quarters };
        }
        Some(RhythmThinning) => {
            let onset = late(rng, 330.0);
            let left = (DAYS - onset) / QUARTER;
            // Our gaps start to stretch past their usual length after a quarter or two; halved value
            // (gaps about 2.8 times the minimum's start) a quarter before the data ends.
            p.story = Story::Rhythm { onset, stretch: uniform(rng, 0.15, 0.4).max(2.8f64.ln() / (left - 1.5)).min(0.6) };
        }
        Some(AbruptLoss) => p.story = Story::Abrupt { onset: uniform(rng, EARLIEST_ONSET, 1359.0) },
        Some(Steady) | None => {}
    }
    // Most customers also import other products from other suppliers.
    if rng.random::<f64>() < 0.8 {
        let total = annual * if behaviour == Some(Thin) { uniform(rng, 0.5, 3.0) } else { uniform(rng, 0.2, 2.0) };
        let n = rng.random_range(1..=3);
        let mut taken = Vec::new();
        for _ in 0..n {
            let k = rng.random_range(0..OTHERS.len());
            if taken.contains(&k) {
                continue;
            }
            taken.push(k);
            let f = Flow {
                annual: total / n as f64,
                gap: uniform(rng, 20.0, 90.0),
                shape: uniform(rng, 1.5, 4.0),
                sigma: 0.35,
                rate_part: 0.5,
                refill: 0.5,
            };
            p.others.push((k, f));
        }
    }
    p
}

impl Plan {
    /// The first day of the story's change, for stories.
    fn onset(&self) -> Option<f64> {
        match self.story {
            Story::Drift { onset, .. }
            | Story::Switch { onset, .. }
            | Story::Shrink { onset, .. }
            | Story::Rhythm { onset, .. }
            | Story::Abrupt { onset } => Some(onset),
            _ => None,
        }
    }
}

/// The customer's mix of our codes: always bolts and screws, some of the rest.
fn codes(rng: &mut ChaCha8Rng) -> Vec<(u32, f64, f64)> {
    let mut out = vec![(OUR_CODES[0].0, uniform(rng, 0.6, 1.0), OUR_CODES[0].1)];
    for &(code, kg) in &OUR_CODES[1..] {
        if rng.random::<f64>() < 0.55 {
            out.push((code, uniform(rng, 0.1, 0.6), kg));
        }
    }
    out
}

/// A rival not yet in `links`, drawn by popularity.
fn pick_new(rng: &mut ChaCha8Rng, pop: &[f64], links: &[Link]) -> usize {
    let w: Vec<f64> = pop.iter().enumerate().map(|(i, &p)| if links.iter().any(|l| l.sup == i) { 0.0 } else { p }).collect();
    pick(rng, &w)
}
