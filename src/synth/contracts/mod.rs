//! Family `contracts`: supply contracts renewed now and then, called off in orders.
//!
//! Our firm is a Chinese bearing maker (heading 8482). Each customer renews its supply contracts
//! every 6 or 12 months on its own calendar, sharing its expected volume among its suppliers by a
//! slowly wandering preference; between renewals it calls off lots against each contract on a
//! jittered schedule (weekly to bimonthly), each lot sized by what it consumed since the last one
//! (seasonal, with a trend and noise), with late deliveries, pulled-forward call-offs and a few
//! spot purchases. Stories act only through renewals (share cut in steps, a rival's trial then a
//! switch), the call-off stream (our call-offs skipped, a contract ended mid-period) or consumption
//! (the business shrinks); a quiet dip is a plant shutdown, or a spell in which a rival covers us.

mod calloff;
mod names;
mod plan;
#[cfg(test)]
mod tests;

use super::{Behaviour, PortfolioBuilder, SynthPortfolio};
use crate::model::CompanyId;
use chrono::NaiveDate;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

/// The random stream every draw of this family comes from.
type Rng = ChaCha8Rng;

/// The family's name.
const FAMILY: &str = "contracts";
/// The last day index of the data (day 0 = 2021-10-01, the last day 2025-09-30).
const DAYS: i32 = 1460;
/// Days of consumption simulated before the data starts, so that the first lots are full ones.
const PRE: i32 = 700;
/// The firm index of our own firm.
const US: usize = 0;
/// Our catalog's codes (bearings, heading 8482) and how common each is in a customer's mix.
const CODES: [(u32, f64); 8] =
    [(848210, 0.35), (848220, 0.15), (848230, 0.1), (848240, 0.08), (848250, 0.1), (848280, 0.05), (848291, 0.07), (848299, 0.1)];

/// The share of customers of ours acting out each behaviour (quiet 70%, stories 30%).
const MIX: [(Behaviour, f64); 11] = [
    (Behaviour::Steady, 0.30),
    (Behaviour::Lumpy, 0.08),
    (Behaviour::Thin, 0.10),
    (Behaviour::Dip, 0.08),
    (Behaviour::TrialLeaves, 0.07),
    (Behaviour::Growth, 0.07),
    (Behaviour::ShareDrift, 0.07),
    (Behaviour::TrialThenSwitch, 0.05),
    (Behaviour::Shrinking, 0.06),
    (Behaviour::RhythmThinning, 0.06),
    (Behaviour::AbruptLoss, 0.06),
];

/// A supplier of bearings (us or a rival).
struct Firm {
    /// Its spellings (ours has two; a rival one).
    ids: Vec<CompanyId>,
    /// Its country of origin.
    origin: u16,
    /// Its price per kilogram against ours.
    price: f64,
    /// The user declared it a competitor.
    declared: bool,
    /// How often customers pick it.
    popularity: f64,
}

/// A supplier of the customers' other products.
struct OtherFirm {
    id: CompanyId,
    origin: u16,
    codes: &'static [u32],
}

/// The firms every customer chooses among, and the calendar.
struct World {
    firms: Vec<Firm>,
    others: Vec<OtherFirm>,
    dates: Vec<NaiveDate>,
}

/// The portfolio of this family for `seed` (the same seed gives the same portfolio).
pub fn generate(seed: u64) -> SynthPortfolio {
    let mut rng = stream(seed, 0, 0);
    let dates: Vec<NaiveDate> = start().iter_days().take(DAYS as usize + 1).collect();
    let end = dates.last().copied().unwrap_or_else(start);
    let mut out = PortfolioBuilder::new(FAMILY, seed, end);
    let world = world(&mut out, &mut rng, dates);
    out.catalog("8482");
    let customers = behaviours(rng.random_range(270..=330), &mut rng);
    let background = rng.random_range(50..=90);
    let mut used = BTreeSet::new();
    let buyers = customers.into_iter().map(Some).chain(std::iter::repeat_n(None, background));
    for (k, behaviour) in buyers.enumerate() {
        let mut rng = stream(seed, 1, k as u64);
        let country = names::country(&mut rng);
        let id = out.company(&names::customer(&mut rng, country, &mut used));
        let dest = out.country(names::country_name(country));
        let plan = plan::plan(&world, id, dest, behaviour, &mut rng);
        calloff::simulate(&plan, &world, &mut rng, &mut out);
        if let Some(b) = behaviour {
            let onset = plan.onset.filter(|_| b.is_story()).map(|d| world.date(d));
            out.customer(id, b, onset);
        }
    }
    out.finish()
}

/// Our firm, the rivals (about half declared competitors) and the suppliers of other products.
fn world(out: &mut PortfolioBuilder, rng: &mut Rng, dates: Vec<NaiveDate>) -> World {
    let china = out.country("China");
    let ids = names::US.iter().map(|n| out.us(n)).collect();
    let mut firms = vec![Firm { ids, origin: china, price: 1.0, declared: false, popularity: 0.0 }];
    let mut pool: Vec<usize> = (0..names::RIVALS.len()).collect();
    shuffle(&mut pool, rng);
    let n: usize = rng.random_range(7..=11);
    let mut declared: Vec<bool> = (0..n).map(|i| i < n.div_ceil(2)).collect();
    shuffle(&mut declared, rng);
    for (&i, declared) in pool.iter().take(n).zip(declared) {
        let (name, origin, price) = names::RIVALS[i];
        let origin = out.country(origin);
        let ids = vec![out.rival(name, declared)];
        firms.push(Firm { ids, origin, price, declared, popularity: uni(rng, 0.3, 1.5) });
    }
    let others =
        names::OTHERS.iter().map(|(name, origin, codes)| OtherFirm { id: out.company(name), origin: out.country(origin), codes }).collect();
    World { firms, others, dates }
}

impl World {
    /// The date of day index `day` (clamped into the data).
    fn date(&self, day: f64) -> NaiveDate {
        let i = (day.floor().max(0.0) as usize).min(self.dates.len().saturating_sub(1));
        self.dates.get(i).copied().unwrap_or_else(start)
    }
}

/// `n` behaviours in the proportions of [`MIX`] (Steady takes the rounding), shuffled.
fn behaviours(n: usize, rng: &mut Rng) -> Vec<Behaviour> {
    let mut out = Vec::with_capacity(n);
    for (b, w) in MIX.iter().skip(1) {
        out.extend(std::iter::repeat_n(*b, (n as f64 * w).round() as usize));
    }
    out.extend(std::iter::repeat_n(Behaviour::Steady, n.saturating_sub(out.len())));
    shuffle(&mut out, rng);
    out
}

/// The first day of the data.
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 1).unwrap_or_default()
}

/// The day index of the first day of month `m` (0 = October 2021; negative before).
fn month_start(m: i32) -> f64 {
    let total = 2021 * 12 + 9 + m;
    let first = NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1);
    first.map_or(0.0, |d| (d - start()).num_days() as f64)
}

/// An independent random stream for (`tag`, `index`) under `seed`.
fn stream(seed: u64, tag: u64, index: u64) -> Rng {
    let mix = |mut z: u64| {
        // splitmix64: neighbouring indices give unrelated seeds.
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    Rng::seed_from_u64(mix(seed ^ mix((tag << 40) ^ index)))
}

/// A uniform draw in [0, 1) from 32 bits (half the stream a 53-bit draw takes; plenty here).
fn unit(rng: &mut Rng) -> f64 {
    f64::from(rng.random::<u32>()) / 4_294_967_296.0
}

/// A uniform draw in [a, b).
fn uni(rng: &mut Rng, a: f64, b: f64) -> f64 {
    a + (b - a) * unit(rng)
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Rng) -> f64 {
    let u1 = 1.0 - unit(rng);
    let u2 = unit(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A lognormal factor of mean 1.
fn lognormal(rng: &mut Rng, sigma: f64) -> f64 {
    (sigma * normal(rng) - sigma * sigma / 2.0).exp()
}

/// An exponential draw of mean `mean`.
fn exponential(rng: &mut Rng, mean: f64) -> f64 {
    -mean * (1.0 - unit(rng)).ln()
}

/// True with probability `p`.
fn chance(rng: &mut Rng, p: f64) -> bool {
    unit(rng) < p
}

/// An index drawn in proportion to `weights`; `None` when they are all zero.
fn weighted(rng: &mut Rng, weights: &[f64]) -> Option<usize> {
    let total: f64 = weights.iter().filter(|w| **w > 0.0).sum();
    if total <= 0.0 {
        return None;
    }
    let mut x = uni(rng, 0.0, total);
    for (i, w) in weights.iter().enumerate() {
        if *w > 0.0 {
            x -= w;
            if x < 0.0 {
                return Some(i);
            }
        }
    }
    weights.iter().rposition(|w| *w > 0.0)
}

/// Fisher–Yates.
fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.random_range(0..=i));
    }
}
