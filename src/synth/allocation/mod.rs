//! Family `allocation`: a monthly choice model. Each customer has a monthly demand for our kind of
//! products whose log-level follows an AR(1) around its mean, plus a seasonal curve (one or two sine
//! terms with the customer's own amplitude and phase), plus factors shared by the customers of its
//! country and of its trade. Each month that demand is shared among the customer's suppliers by a
//! multinomial logit: every supplier has a latent utility for the customer that wanders with mean
//! reversion, and takes exp(u)/Σexp(u) of the month. Stories act only on utilities and demand: our
//! utility sinks (ShareDrift), an entrant gets a small then a large utility (TrialThenSwitch), the
//! demand level of all products sinks (Shrinking), we leave the choice set in more and more months
//! (RhythmThinning) or for good (AbruptLoss). Each supplier's monthly amount becomes one to five
//! shipments on random days in lots of its usual size; an amount short of a lot waits for a later
//! month. Other products (related and unrelated codes) come from other suppliers the same way.

mod draw;
mod names;
mod script;
#[cfg(test)]
mod tests;

use super::{Behaviour, PortfolioBuilder, SynthPortfolio};
use crate::model::CompanyId;
use chrono::NaiveDate;
use draw::{apportion, ar1, days_in, logit, mix, month_day, normal, pick, pick_distinct, uniform};
use names::{COUNTRIES, MAIN_RIVALS, OTHER_CODES, OTHERS, OUR_CODES, RELATED, RIVALS, STEMS, TRADES, US};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use script::{lumpy_months, script};
use std::collections::BTreeSet;

const FAMILY_NAME: &str = "allocation";
/// January 2022 to December 2025.
const MONTHS: usize = 48;
const FIRST_YEAR: i32 = 2022;
/// Stories begin in July 2023 at the earliest, after 18 months of normal history.
const EARLIEST_ONSET: usize = 18;
/// The smallest lot a supplier ships to a customer of normal size (USD).
const MIN_LOT: f64 = 600.0;

/// Quiet behaviours and their weights (percent of all customers when 71% are quiet).
const QUIET: [(Behaviour, f64); 6] = [
    (Behaviour::Steady, 36.0),
    (Behaviour::Lumpy, 7.0),
    (Behaviour::Thin, 9.0),
    (Behaviour::Dip, 7.0),
    (Behaviour::TrialLeaves, 6.0),
    (Behaviour::Growth, 6.0),
];
/// Stories and their weights among the stories.
const STORIES: [(Behaviour, f64); 5] = [
    (Behaviour::ShareDrift, 8.0),
    (Behaviour::TrialThenSwitch, 5.0),
    (Behaviour::Shrinking, 6.0),
    (Behaviour::RhythmThinning, 5.0),
    (Behaviour::AbruptLoss, 6.0),
];

/// The portfolio of this family for `seed`.
pub fn generate(seed: u64) -> SynthPortfolio {
    let end = NaiveDate::from_ymd_opt(FIRST_YEAR + (MONTHS / 12) as i32 - 1, 12, 31).unwrap_or(NaiveDate::MAX);
    let mut rng = ChaCha8Rng::seed_from_u64(mix(seed, 0));
    let mut w = world(PortfolioBuilder::new(FAMILY_NAME, seed, end), &mut rng);

    let n = rng.random_range(250..=350usize);
    let stories = (n as f64 * uniform(&mut rng, 0.26, 0.33)).round() as usize;
    let mut plan: Vec<Behaviour> = Vec::with_capacity(n);
    for (list, total) in [(&QUIET[..], n - stories), (&STORIES[..], stories)] {
        let weights: Vec<f64> = list.iter().map(|x| x.1).collect();
        for (k, count) in apportion(total, &weights).into_iter().enumerate() {
            plan.extend(std::iter::repeat_n(list[k].0, count));
        }
    }
    for i in (1..plan.len()).rev() {
        plan.swap(i, rng.random_range(0..=i));
    }
    let background = rng.random_range(40..=90usize);
    let whom = plan.iter().map(|b| Some(*b)).chain(std::iter::repeat_n(None, background));
    for (i, behaviour) in whom.enumerate() {
        // Each customer has its own stream, so one customer's draws never shift another's.
        let mut r = ChaCha8Rng::seed_from_u64(mix(seed, i as u64 + 1));
        let (buyer, onset, ours) = simulate(&mut w, &mut r, behaviour);
        if let Some(b) = behaviour.filter(|_| ours > 0) {
            w.b.customer(buyer, b, onset.map(|m| month_day(m, 1)));
        }
    }
    w.b.finish()
}

/// The companies, countries and shared factors every customer draws on.
struct World {
    b: PortfolioBuilder,
    us: [CompanyId; 2],
    china: u16,
    /// Category rivals in this portfolio: id, origin, popularity.
    rivals: Vec<(CompanyId, u16, f64)>,
    /// Suppliers of other products: id, origin, index into OTHER_CODES.
    others: Vec<(CompanyId, u16, usize)>,
    /// Destination index of each of COUNTRIES.
    dest: Vec<u16>,
    /// Monthly log-factors shared by the customers of a country and of a trade.
    country_f: Vec<Vec<f64>>,
    trade_f: Vec<Vec<f64>>,
    names: BTreeSet<String>,
}

/// Our firm, the rivals of this portfolio (one or two main ones undeclared), the other suppliers and
/// the shared factors.
fn world(mut b: PortfolioBuilder, rng: &mut ChaCha8Rng) -> World {
    let us = [b.us(US[0]), b.us(US[1])];
    let china = b.country("China");
    for (code, _) in OUR_CODES {
        b.catalog(&code.to_string());
    }
    // The main rivals are all there; some minor ones join. One or two main ones are never declared.
    let count = rng.random_range(8..=11usize);
    let mut pool: Vec<usize> = (MAIN_RIVALS..RIVALS.len()).collect();
    for i in (1..pool.len()).rev() {
        pool.swap(i, rng.random_range(0..=i));
    }
    let picked: Vec<usize> = (0..MAIN_RIVALS).chain(pool.into_iter().take(count - MAIN_RIVALS)).collect();
    let undeclared = rng.random_range(1..=2usize);
    let mut hidden = BTreeSet::new();
    while hidden.len() < undeclared {
        hidden.insert(rng.random_range(0..MAIN_RIVALS));
    }
    let mut rivals = Vec::new();
    for k in picked {
        let (name, origin, weight) = RIVALS[k];
        let declared = if k < MAIN_RIVALS { !hidden.contains(&k) } else { rng.random_bool(0.3) };
        let id = b.rival(name, declared);
        rivals.push((id, b.country(origin), weight * uniform(rng, 0.7, 1.3)));
    }
    let others = OTHERS.iter().map(|(name, origin, code)| (b.company(name), b.country(origin), *code)).collect();
    let dest = COUNTRIES.iter().map(|c| b.country(c.0)).collect();
    let country_f = COUNTRIES
        .iter()
        .map(|_| {
            let sd = uniform(rng, 0.03, 0.06);
            ar1(rng, 0.85, sd)
        })
        .collect();
    let trade_f = TRADES
        .iter()
        .map(|_| {
            let sd = uniform(rng, 0.03, 0.05);
            ar1(rng, 0.9, sd)
        })
        .collect();
    World { b, us, china, rivals, others, dest, country_f, trade_f, names: BTreeSet::new() }
}

/// One supplier's flow to one customer: its utility and what waits to be shipped.
struct Lane {
    /// None for us (the spelling is drawn per shipment).
    supplier: Option<CompanyId>,
    origin: u16,
    /// Index into OTHER_CODES; None for the category (codes drawn from the customer's mix).
    code: Option<usize>,
    lot: f64,
    pending: f64,
    mean: f64,
    walk: f64,
    rho: f64,
    step: f64,
}

impl Lane {
    fn new(supplier: Option<CompanyId>, origin: u16, lot: f64, mean: f64, rho: f64, sd: f64, walk: f64) -> Lane {
        Lane { supplier, origin, code: None, lot, pending: 0.0, mean, walk: sd * walk, rho, step: sd * (1.0 - rho * rho).sqrt() }
    }
}

/// Acts out one customer (ours when `behaviour` is given, else a background importer). Returns the
/// buyer, the onset month and how many shipments we made to it.
fn simulate(w: &mut World, rng: &mut ChaCha8Rng, behaviour: Option<Behaviour>) -> (CompanyId, Option<usize>, usize) {
    let country = pick(rng, &COUNTRIES.map(|c| c.2));
    let trade = rng.random_range(0..TRADES.len());
    let buyer = new_customer(w, rng, country, trade);
    let dest = w.dest[country];
    let u = rng.random::<f64>();
    let annual = match behaviour {
        Some(Behaviour::Thin) => 3_000.0 * 4.5f64.powf(u),
        Some(Behaviour::Lumpy) => 40_000.0 * 25.0f64.powf(u),
        None => 15_000.0 * 100.0f64.powf(u.powf(1.4)),
        _ => 20_000.0 * 150.0f64.powf(u.powf(1.5)),
    };
    let n_rivals = match behaviour {
        Some(Behaviour::TrialThenSwitch) => usize::from(rng.random_bool(0.4)),
        Some(Behaviour::Thin | Behaviour::Lumpy) => rng.random_range(0..=2),
        None => rng.random_range(1..=3),
        _ => [1, 1, 2, 2, 2, 3, 3, 4][rng.random_range(0..8)],
    };
    let s0 = match behaviour {
        None => 0.0,
        _ if n_rivals == 0 => 1.0,
        Some(Behaviour::TrialThenSwitch) => uniform(rng, 0.9, 0.97),
        Some(Behaviour::ShareDrift) => uniform(rng, 0.4, 0.85),
        Some(Behaviour::Thin) => uniform(rng, 0.5, 0.95),
        _ => uniform(rng, 0.3, 0.9),
    };
    let sc = script(rng, behaviour, s0);
    let monthly = annual / 12.0;
    let code_mix: Vec<f64> = OUR_CODES.iter().map(|_| (-(1.0 - rng.random::<f64>()).ln()).powi(2)).collect();

    // Utility wander sized so that our share wanders ±5% of itself: the logit moves by rel / (1 - s).
    let wander = (uniform(rng, 0.03, 0.06) / (1.0 - s0).max(0.1)).min(0.5);
    let rho = uniform(rng, 0.8, 0.92);
    let mut cat: Vec<Lane> = Vec::new();
    if s0 > 0.0 {
        let lot = if behaviour == Some(Behaviour::Thin) {
            annual * s0 * uniform(rng, 0.15, 0.4)
        } else {
            (monthly * s0 * uniform(rng, 0.3, 0.8)).max(MIN_LOT)
        };
        cat.push(Lane::new(None, w.china, lot, 0.0, rho, 0.6 * wander, normal(rng)));
    }
    let first_rival = cat.len();
    let weights: Vec<f64> = w.rivals.iter().map(|r| r.2).collect();
    let chosen = pick_distinct(rng, &weights, n_rivals + 1);
    let split: Vec<f64> = (0..n_rivals).map(|_| 0.3 - (1.0 - rng.random::<f64>()).ln()).collect();
    let split_sum: f64 = split.iter().sum();
    let rival_sd = (0.8 * wander * (n_rivals as f64).sqrt()).min(0.6);
    for (j, &k) in chosen.iter().take(n_rivals).enumerate() {
        let share = (1.0 - s0) * split[j] / split_sum;
        let lot = (monthly * share * uniform(rng, 0.4, 1.2)).max(MIN_LOT);
        let (id, origin, _) = w.rivals[k];
        cat.push(Lane::new(Some(id), origin, lot, (share / if s0 > 0.0 { s0 } else { 1.0 }).ln(), rho, rival_sd, normal(rng)));
    }
    // The entrant (a trial supplier) is a rival new to this customer.
    let big = sc.entrant.iter().copied().fold(0.0, f64::max);
    let entrant = (big > 0.0).then(|| {
        let (id, origin, _) = w.rivals[chosen[n_rivals]];
        cat.push(Lane::new(Some(id), origin, (monthly * big * uniform(rng, 0.3, 0.8)).max(MIN_LOT), 0.0, rho, 0.0, 0.0));
        cat.len() - 1
    });

    let mut lines: Vec<(Lane, f64, f64)> = Vec::new();
    let n_lines = if rng.random_bool(0.85) { rng.random_range(1..=3usize) } else { 0 };
    for k in pick_distinct(rng, &[1.0; OTHERS.len()], n_lines) {
        let (mut id, mut origin, code) = w.others[k];
        if code < RELATED && rng.random_bool(0.25) {
            (id, origin, _) = w.rivals[rng.random_range(0..w.rivals.len())];
        }
        let base = monthly * uniform(rng, 0.1, 1.2);
        let mut lane = Lane::new(Some(id), origin, (base * uniform(rng, 0.4, 1.5)).max(MIN_LOT), 0.0, 0.0, 0.0, 0.0);
        lane.code = Some(code);
        lines.push((lane, base, 0.0));
    }

    let thin = behaviour == Some(Behaviour::Thin);
    let (phi, sd) = if thin { (0.3, 0.35) } else { (uniform(rng, 0.35, 0.7), uniform(rng, 0.08, 0.15)) };
    let a1 = if rng.random_bool(0.25) { 0.0 } else { uniform(rng, 0.05, 0.35) };
    let a2 = if rng.random_bool(0.5) { uniform(rng, 0.0, 0.4 * a1) } else { 0.0 };
    let (p1, p2) = (uniform(rng, 0.0, 12.0), uniform(rng, 0.0, 6.0));
    let season = |m: usize| {
        let t = m as f64;
        a1 * ((t + p1) / 12.0 * std::f64::consts::TAU).sin() + a2 * ((t + p2) / 6.0 * std::f64::consts::TAU).sin()
    };
    let lumpy = (behaviour == Some(Behaviour::Lumpy)).then(|| lumpy_months(rng));
    let mut x = sd * normal(rng);
    let mut ours = 0;
    for m in 0..MONTHS {
        x = phi * x + sd * (1.0 - phi * phi).sqrt() * normal(rng);
        let common = w.country_f[country][m] + w.trade_f[trade][m];
        let demand = sc.level[m]
            * match &lumpy {
                Some(l) => monthly * l[m] * common.exp(),
                None => monthly * (x + season(m) + common).exp(),
            };
        let mut u = vec![f64::NEG_INFINITY; cat.len()];
        let (mut r_old, mut r_new) = (0.0, 0.0);
        for (i, lane) in cat.iter_mut().enumerate() {
            lane.walk = lane.rho * lane.walk + lane.step * normal(rng);
            if i >= first_rival && Some(i) != entrant {
                let base = lane.mean + lane.walk;
                u[i] = base + if i == first_rival { sc.boost[m] } else { 0.0 };
                r_old += base.exp();
                r_new += u[i].exp();
            }
        }
        if first_rival == 1 && sc.us_in[m] {
            // The boost to the gaining rival is offset so that our share follows the script alone.
            let offset = if r_old > 0.0 { (r_new / r_old).ln() } else { 0.0 };
            u[0] = cat[0].walk + sc.us_shift[m] + offset;
        }
        if let Some(e) = entrant.filter(|_| sc.entrant[m] > 0.0) {
            let rest: f64 = u.iter().map(|v| v.exp()).sum();
            u[e] = logit(sc.entrant[m]) + rest.ln();
        }
        let total: f64 = u.iter().map(|v| v.exp()).sum();
        for (i, lane) in cat.iter_mut().enumerate() {
            let share = if total > 0.0 { u[i].exp() / total } else { 0.0 };
            if share <= 0.0 {
                lane.pending = 0.0; // out of the choice: nothing carried over
                continue;
            }
            lane.pending += demand * share;
            let all = if lumpy.is_some() {
                Some(rng.random_range(1..=2))
            } else if Some(i) == entrant && m < sc.trial_end {
                Some(1)
            } else {
                None
            };
            let n = flush(w, rng, lane, all, m, buyer, dest, &code_mix);
            if i == 0 && first_rival == 1 {
                ours += n;
            }
        }
        for (lane, base, noise) in lines.iter_mut() {
            *noise = 0.5 * *noise + 0.13 * normal(rng);
            lane.pending += *base * sc.level[m] * (*noise + 0.5 * season(m) + common).exp();
            flush(w, rng, lane, None, m, buyer, dest, &code_mix);
        }
    }
    (buyer, sc.onset, ours)
}

/// Ships what waits on a lane: `all` ships everything in that many lots; otherwise an amount short
/// of a (randomly drawn) part of a lot waits, and the rest goes in lots of about the usual size.
/// Returns the number of shipments.
#[allow(clippy::too_many_arguments)]
fn flush(
    w: &mut World,
    rng: &mut ChaCha8Rng,
    lane: &mut Lane,
    all: Option<usize>,
    m: usize,
    buyer: CompanyId,
    dest: u16,
    code_mix: &[f64],
) -> usize {
    let n = match all {
        Some(n) => n,
        None if lane.pending < lane.lot * uniform(rng, 0.45, 1.0) => return 0,
        None => (lane.pending / lane.lot + uniform(rng, -0.3, 0.3)).round().clamp(1.0, 5.0) as usize,
    };
    if lane.pending <= 0.0 {
        return 0;
    }
    let parts: Vec<f64> = (0..n).map(|_| uniform(rng, 0.6, 1.4)).collect();
    let sum: f64 = parts.iter().sum();
    for p in parts {
        let usd = lane.pending * p / sum;
        let (hs6, price) = match lane.code {
            Some(c) => OTHER_CODES[c],
            None => OUR_CODES[pick(rng, code_mix)],
        };
        let kg = (usd / (price * uniform(rng, 0.85, 1.2))).round().max(1.0);
        let supplier = match lane.supplier {
            Some(id) => id,
            None => w.us[usize::from(rng.random_bool(0.12))],
        };
        let day = month_day(m, rng.random_range(1..=days_in(m)));
        w.b.ship(day, buyer, Some(supplier), hs6, usd, Some(kg), Some(lane.origin), Some(dest));
    }
    lane.pending = 0.0;
    n
}

/// A new customer under a name not used before.
fn new_customer(w: &mut World, rng: &mut ChaCha8Rng, country: usize, trade: usize) -> CompanyId {
    let form = COUNTRIES[country].1;
    let mut attempt = 0;
    loop {
        let stem = STEMS[rng.random_range(0..STEMS.len())];
        let word = TRADES[trade][rng.random_range(0..3)];
        let name = if attempt < 20 { format!("{stem} {word} {form}") } else { format!("{stem} {word} {attempt} {form}") };
        if w.names.insert(name.clone()) {
            return w.b.company(&name);
        }
        attempt += 1;
    }
}
