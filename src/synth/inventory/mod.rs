//! Family `inventory`: every customer is an importer that keeps a stock of each product line and
//! reorders by an (s, S) policy on its own demand forecast, simulated week by week ([`sim`]).
//! Consumption follows a demand rate with its own season, a slow mean-reverting level and weekly
//! noise; when a line's stock position (on hand + on order) falls below s the importer orders up to
//! S (with the group's other low lines), splits the order among its suppliers by a slowly wandering
//! preference vector, and each part is recorded on the day it arrives, after its origin's lead time.
//! Lot sizes and rhythms thus follow from the policy, not from a formula. The stories act on the
//! model's levers: the preference vector (share drift, trial then switch, abrupt loss), the demand
//! rate (shrinking; quiet dips and growth) or the orders routed to us (rhythm thinning). Background
//! importers buy the same codes from rivals only; customers also stock other products (related codes
//! of chapter 84 we don't make, plastics, rubber, tiles) from other makers.

mod draw;
mod names;
mod sim;
#[cfg(test)]
mod tests;

use super::{Behaviour, PortfolioBuilder, SynthPortfolio};
use crate::model::CompanyId;
use chrono::NaiveDate;
use draw::{log_uniform, lognormal, shuffle};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sim::{Calendar, Demand, Group, Importer, Line, QUARTER_DAYS, Story, Supplier};
use std::collections::HashSet;

/// The family's name.
const FAMILY: &str = "inventory";
/// Days simulated before the data begins, so stocks and pipelines are settled (day 0 a Monday).
const BURN_IN: i64 = 240;
/// Share of each behaviour among the customers of ours (quiet 70%, stories 30%).
const MIX: [(Behaviour, f64); 11] = [
    (Behaviour::Steady, 0.32),
    (Behaviour::Lumpy, 0.08),
    (Behaviour::Thin, 0.10),
    (Behaviour::Dip, 0.07),
    (Behaviour::TrialLeaves, 0.06),
    (Behaviour::Growth, 0.07),
    (Behaviour::ShareDrift, 0.08),
    (Behaviour::TrialThenSwitch, 0.05),
    (Behaviour::Shrinking, 0.06),
    (Behaviour::RhythmThinning, 0.05),
    (Behaviour::AbruptLoss, 0.06),
];

/// The suppliers and countries every importer draws from.
struct World {
    us: Supplier,
    rivals: Vec<(Supplier, f64)>,
    others: Vec<(&'static [u32], Vec<Supplier>)>,
    destinations: Vec<(u16, &'static str)>,
    names: HashSet<String>,
}

/// The portfolio of this family for `seed`: data April 2020 – March 2024.
pub fn generate(seed: u64) -> SynthPortfolio {
    let end = NaiveDate::from_ymd_opt(2024, 3, 31).expect("a real date");
    let first = NaiveDate::from_ymd_opt(2020, 4, 1).expect("a real date");
    let start = first - chrono::Days::new(BURN_IN as u64);
    let cal = Calendar { start, first: BURN_IN, last: (end - start).num_days() };
    let mut b = PortfolioBuilder::new(FAMILY, seed, end);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut world = world(&mut b, &mut rng);
    let n = rng.random_range(250..=350_usize);
    let mut cast: Vec<Behaviour> = Vec::with_capacity(n);
    for (behaviour, share) in MIX.iter().skip(1) {
        cast.extend(std::iter::repeat_n(*behaviour, (share * n as f64).round() as usize));
    }
    cast.extend(std::iter::repeat_n(Behaviour::Steady, n.saturating_sub(cast.len())));
    shuffle(&mut cast, &mut rng);
    let background = rng.random_range(50..=100_usize);
    for i in 0..n + background {
        let behaviour = cast.get(i).copied();
        let (id, dest) = customer_name(&mut b, &mut world, &mut rng);
        let (imp, onset) = importer(&world, &cal, &mut rng, behaviour, id, dest);
        let mut own =
            ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9));
        let ours = sim::simulate(&imp, &cal, &mut own, &mut b);
        // A customer of ours is one that received something from us within the data.
        if let Some(behaviour) = behaviour
            && ours > 0
        {
            b.customer(id, behaviour, onset.map(|t| cal.date(t)));
        }
    }
    b.finish()
}

/// Our firm, the rivals (about 40% declared), the other products' makers and the customers' countries.
fn world(b: &mut PortfolioBuilder, rng: &mut ChaCha8Rng) -> World {
    let china = b.country(names::US_ORIGIN);
    let us = Supplier {
        id: b.us(names::US),
        alias: Some(b.us(names::US_ALIAS)),
        origin: china,
        lead: names::lead_days(names::US_ORIGIN),
        price: 1.0,
    };
    let mut order: Vec<usize> = (0..names::RIVALS.len()).collect();
    shuffle(&mut order, rng);
    let count = rng.random_range(7..=11_usize);
    let declared = (count as f64 * 0.4).round() as usize;
    let rivals = order[..count]
        .iter()
        .enumerate()
        .map(|(k, &r)| {
            let (name, origin, lo, hi) = names::RIVALS[r];
            let supplier = Supplier {
                id: b.rival(name, k < declared),
                alias: None,
                origin: b.country(origin),
                lead: names::lead_days(origin),
                price: rng.random_range(lo..hi),
            };
            (supplier, rng.random_range(0.5..2.0))
        })
        .collect();
    let others = names::OTHER_FAMILIES
        .iter()
        .map(|(codes, makers)| {
            let makers = makers
                .iter()
                .map(|(name, origin)| Supplier {
                    id: b.company(name),
                    alias: None,
                    origin: b.country(origin),
                    lead: names::lead_days(origin),
                    price: rng.random_range(0.9..1.1),
                })
                .collect();
            (*codes, makers)
        })
        .collect();
    let destinations = names::DESTINATIONS.iter().map(|(c, form)| (b.country(c), *form)).collect();
    World { us, rivals, others, destinations, names: HashSet::new() }
}

/// A new customer with a name not used before, and its country.
fn customer_name(b: &mut PortfolioBuilder, w: &mut World, rng: &mut ChaCha8Rng) -> (CompanyId, u16) {
    let (dest, form) = w.destinations[rng.random_range(0..w.destinations.len())];
    let mut name = String::new();
    for attempt in 0.. {
        let first = names::FIRST[rng.random_range(0..names::FIRST.len())];
        let trade = names::TRADE[rng.random_range(0..names::TRADE.len())];
        name = if attempt < 20 { format!("{first} {trade} {form}") } else { format!("{first} {trade} {attempt} {form}") };
        if w.names.insert(name.clone()) {
            break;
        }
    }
    (b.company(&name), dest)
}

/// The importer acting out `behaviour` (none: a background importer that never buys from us), and
/// its story's onset (a day index).
fn importer(
    w: &World,
    cal: &Calendar,
    rng: &mut ChaCha8Rng,
    behaviour: Option<Behaviour>,
    id: CompanyId,
    dest: u16,
) -> (Importer, Option<i64>) {
    use Behaviour::*;
    let story_kind = behaviour.filter(|b| b.is_story());
    let spend = match behaviour {
        Some(Thin) => log_uniform(rng, 3_000.0, 15_000.0),
        Some(Growth) => lognormal(rng, 90_000.0, 0.9).clamp(20_000.0, 800_000.0),
        Some(Lumpy) => lognormal(rng, 150_000.0, 0.9).clamp(30_000.0, 1_500_000.0),
        Some(_) if story_kind.is_some() => lognormal(rng, 180_000.0, 1.0).clamp(50_000.0, 3_000_000.0),
        Some(_) => lognormal(rng, 160_000.0, 1.1).clamp(20_000.0, 3_000_000.0),
        None => lognormal(rng, 120_000.0, 1.0).clamp(10_000.0, 2_000_000.0),
    };
    let share = match behaviour {
        Some(Thin) => rng.random_range(0.5..1.0),
        Some(TrialThenSwitch) => rng.random_range(0.9..1.0),
        Some(Lumpy) => rng.random_range(0.4..0.9),
        Some(ShareDrift) => rng.random_range(0.4..0.8),
        Some(RhythmThinning) => rng.random_range(0.45..0.85),
        Some(_) => rng.random_range(0.3..0.9),
        None => 0.0,
    };
    let rival_count = match behaviour {
        Some(TrialThenSwitch) => usize::from(share < 0.97),
        Some(Thin | Lumpy) => rng.random_range(1..=2),
        Some(_) => rng.random_range(1..=4),
        None => rng.random_range(1..=3),
    };
    let mut taken = Vec::new();
    pick_rivals(w, rng, rival_count, &mut taken);
    let mut suppliers: Vec<Supplier> = behaviour.map(|_| w.us.clone()).into_iter().collect();
    suppliers.extend(taken.iter().map(|&r| w.rivals[r].0.clone()));
    let mut base: Vec<f64> = behaviour.map(|_| share).into_iter().collect();
    let weights: Vec<f64> = taken.iter().map(|_| rng.random_range(0.2..1.0)).collect();
    let sum: f64 = weights.iter().sum();
    base.extend(weights.iter().map(|x| x / sum * (1.0 - share)));
    // Bigger importers order more often; stories need a rhythm that shows in every quarter.
    let usual = (60.0 * (200_000.0 / spend).powf(0.4) * rng.random_range(0.8..1.2)).clamp(14.0, 90.0);
    let cycle = match behaviour {
        Some(Lumpy) => 365.0 / rng.random_range(1..=3) as f64 * rng.random_range(0.9..1.1),
        Some(Thin) => rng.random_range(90.0..200.0),
        Some(Steady) => usual.min(45.0),
        _ if story_kind.is_some() => usual.min(35.0),
        _ => usual,
    };
    let line_count = match behaviour {
        Some(Thin | Lumpy) => rng.random_range(1..=2),
        _ => rng.random_range(1..=4),
    };
    let lines = category_lines(rng, spend, line_count);
    let review = if behaviour == Some(Thin) { rng.random_range(0.12..0.4) } else { 1.0 };
    let mut groups = vec![Group { lines, suppliers, base, cycle, safety: rng.random_range(7.0..30.0), review }];
    let other_count = match behaviour {
        Some(Thin) => rng.random_range(0..=1),
        _ => [0, 1, 1, 2, 2, 3][rng.random_range(0..6)],
    };
    other_groups(w, rng, spend.max(20_000.0), other_count, &mut groups);
    let demand = Demand {
        // Stories keep to milder seasons: a deep seasonal trough would pass for the loss itself.
        amp: if rng.random::<f64>() < 0.25 { 0.0 } else { rng.random_range(0.05..if story_kind.is_some() { 0.25 } else { 0.5 }) },
        peak: rng.random_range(0.0..365.0),
        sigma: if behaviour == Some(Thin) { 0.06 } else { 0.025 },
        noise: if behaviour == Some(Thin) { 0.3 } else { 0.12 },
        ..Demand::default()
    };
    let mut imp = Importer { id, dest, groups, demand, story: Story::Quiet, us: behaviour.map(|_| 0) };
    let onset = behaviour.and_then(|b| act(&mut imp, w, cal, rng, b, share, &mut taken));
    (imp, onset)
}

/// Sets the behaviour's levers on the importer; returns a story's onset.
fn act(
    imp: &mut Importer,
    w: &World,
    cal: &Calendar,
    rng: &mut ChaCha8Rng,
    behaviour: Behaviour,
    share: f64,
    taken: &mut Vec<usize>,
) -> Option<i64> {
    use Behaviour::*;
    let day = |y: i32, m: u32, d: u32| cal.index(NaiveDate::from_ymd_opt(y, m, d).unwrap_or(cal.start));
    // At least 18 months of normal history before any onset.
    let earliest = day(2021, 10, 1);
    let cycle = imp.groups[0].cycle;
    let onset_within = |rng: &mut ChaCha8Rng, needed: f64| {
        // Mostly early enough for the loss to show inside the data; now and then not.
        let latest = if rng.random::<f64>() < 0.1 { cal.last - 120 } else { cal.last - needed as i64 };
        rng.random_range(earliest..=latest.max(earliest + 30))
    };
    match behaviour {
        Steady | Lumpy | Thin => None,
        Dip => {
            let start = rng.random_range(day(2020, 10, 1)..day(2023, 6, 30));
            imp.demand.dip = Some((start, start + rng.random_range(75..180), rng.random_range(0.3..0.7)));
            None
        }
        Growth => {
            let start = rng.random_range(day(2020, 9, 1)..day(2023, 1, 31));
            imp.demand.growth = Some((start, rng.random_range(120.0..365.0), rng.random_range(2.0..4.0)));
            None
        }
        TrialLeaves => {
            let trial = newcomer(imp, w, rng, taken);
            let start = rng.random_range(day(2020, 9, 1)..day(2023, 6, 30));
            // The trial lots ride on the next orders (a season can leave months without one).
            imp.story = Story::Trial { start, end: start + 365, trial, frac: rng.random_range(0.1..0.25), lots: rng.random_range(1..=3) };
            None
        }
        ShareDrift => {
            let mut rate = rng.random_range(0.03..0.10_f64);
            // Quarters until our share is half of what it was, plus the stock and transit lag.
            let room = (cal.last - earliest - 60) as f64 / QUARTER_DAYS - 1.3;
            rate = rate.max(share / 2.0 / room);
            let onset = onset_within(rng, (share / 2.0 / rate + 1.3) * QUARTER_DAYS);
            let gainer = gainer(imp, w, rng, taken);
            imp.story = Story::Drift { onset, rate, floor: rng.random_range(0.0..0.1), gainer };
            Some(onset)
        }
        TrialThenSwitch => {
            let trial = newcomer(imp, w, rng, taken);
            let len = rng.random_range(60..180_i64).max((cycle * 1.5) as i64);
            let onset = onset_within(rng, (len + 200) as f64);
            let (frac, take) = (rng.random_range(0.1..0.25), rng.random_range(0.6..0.9));
            imp.story = Story::Switch { onset, switch: onset + len, trial, frac, take };
            Some(onset)
        }
        Shrinking => {
            let rate = rng.random_range(0.10..0.30_f64);
            let onset = onset_within(rng, (0.5_f64.ln() / (1.0 - rate).ln() + 1.5) * QUARTER_DAYS);
            imp.demand.shrink = Some((onset, rate, rng.random_range(0.1..0.3)));
            Some(onset)
        }
        RhythmThinning => {
            let step = rng.random_range(45..110_i64);
            let onset = onset_within(rng, (2 * step + 150) as f64);
            let gainer = gainer(imp, w, rng, taken);
            imp.story = Story::Rhythm { onset, step, kmax: rng.random_range(3..=8), gainer };
            Some(onset)
        }
        AbruptLoss => {
            let onset = onset_within(rng, 150.0);
            let gainer = gainer(imp, w, rng, taken);
            imp.story = Story::Abrupt { onset, gainer };
            Some(onset)
        }
    }
}

/// The rival that takes our business: one the customer already buys from, or (a third of the time,
/// or when it has none) a new one.
fn gainer(imp: &mut Importer, w: &World, rng: &mut ChaCha8Rng, taken: &mut Vec<usize>) -> usize {
    let n = imp.groups[0].suppliers.len();
    if n > 1 && rng.random::<f64>() < 0.67 { rng.random_range(1..n) } else { newcomer(imp, w, rng, taken) }
}

/// Adds a rival the customer has not bought from, at no preference; returns its index.
fn newcomer(imp: &mut Importer, w: &World, rng: &mut ChaCha8Rng, taken: &mut Vec<usize>) -> usize {
    pick_rivals(w, rng, 1, taken);
    let g = &mut imp.groups[0];
    if let Some(&r) = taken.last() {
        g.suppliers.push(w.rivals[r].0.clone());
        g.base.push(0.0);
    }
    g.suppliers.len() - 1
}

/// Adds `count` rivals not yet in `taken` (while any is left), drawn by their popularity.
fn pick_rivals(w: &World, rng: &mut ChaCha8Rng, count: usize, taken: &mut Vec<usize>) {
    for _ in 0..count {
        let free: Vec<usize> = (0..w.rivals.len()).filter(|i| !taken.contains(i)).collect();
        let mut x = rng.random::<f64>() * free.iter().map(|&i| w.rivals[i].1).sum::<f64>();
        // The last free one catches what rounding leaves over.
        let pick = free.iter().copied().find(|&i| {
            x -= w.rivals[i].1;
            x <= 0.0
        });
        if let Some(i) = pick.or(free.last().copied()) {
            taken.push(i);
        }
    }
}

/// `count` lines of our codes sharing `spend` a year (the first one the largest).
fn category_lines(rng: &mut ChaCha8Rng, spend: f64, count: usize) -> Vec<Line> {
    let mut codes: Vec<u32> = Vec::new();
    while codes.len() < count.min(names::OUR_CODES.len()) {
        let mut x = rng.random::<f64>();
        let pick = names::OUR_CODES.iter().find(|(_, p)| {
            x -= p;
            x <= 0.0
        });
        let code = pick.map_or(names::OUR_CODES[0].0, |c| c.0);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let mut weights: Vec<f64> = codes.iter().map(|_| rng.random_range(0.15..1.0)).collect();
    weights.sort_by(|a, b| b.total_cmp(a));
    let sum: f64 = weights.iter().sum();
    codes.iter().zip(weights).map(|(&hs6, wt)| Line { hs6, rate: spend * wt / sum / 365.0 }).collect()
}

/// The customer's other products: `count` families of codes we don't make, each from 1–2 makers.
fn other_groups(w: &World, rng: &mut ChaCha8Rng, spend: f64, count: usize, groups: &mut Vec<Group>) {
    let mut families: Vec<usize> = (0..w.others.len()).collect();
    shuffle(&mut families, rng);
    for &f in families.iter().take(count) {
        let (codes, makers) = &w.others[f];
        let mut suppliers = makers.clone();
        shuffle(&mut suppliers, rng);
        suppliers.truncate(rng.random_range(1..=2));
        let base: Vec<f64> = suppliers.iter().map(|_| rng.random_range(0.3..1.0)).collect();
        let sum: f64 = base.iter().sum();
        let size = spend * rng.random_range(0.1..1.2);
        let n = rng.random_range(1..=codes.len());
        let lines = codes.iter().take(n).map(|&hs6| Line { hs6, rate: size / n as f64 / 365.0 * rng.random_range(0.5..1.5) }).collect();
        groups.push(Group {
            lines,
            suppliers,
            base: base.iter().map(|x| x / sum).collect(),
            cycle: rng.random_range(30.0..120.0),
            safety: rng.random_range(7.0..21.0),
            review: 1.0,
        });
    }
}
