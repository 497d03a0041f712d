//! Family `quarterly`: behaviour written as per-quarter formulas.
//!
//! Each buyer's category spend per calendar quarter is a base level × a seasonal factor × a trend ×
//! a bounded multiplicative noise; our share per quarter is a level plus a bounded wander plus the
//! story's term (a drift of d points a quarter, a switch, a cut…), applied from the onset month on.
//! Rivals split the rest by weights that wander; other products follow their own formulas. Each
//! supplier's monthly values are then cut into shipments (1–3 a month for regular buyers, a small
//! supplier's value gathered into one lot, whole lots for lumpy buyers), like customs records.
//! A few behaviours live at the level of lots (lumpy buyers, trial lots, our thinning rhythm).

use super::{Behaviour, PortfolioBuilder, SynthPortfolio};
use crate::model::CompanyId;
use crate::model::date::last_day_of_month;
use chrono::{Datelike, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;
use std::f64::consts::TAU;

mod buyer;
mod draw;
mod names;
#[cfg(test)]
mod tests;

use buyer::buyer;
use draw::{pick, stream, uni};
use names::{OTHERS, RIVALS, company_name};

type Rng = ChaCha8Rng;

const FAMILY: &str = "quarterly";
const QUARTERS: usize = 16;
const MONTHS: usize = 48;
const FIRST_YEAR: i32 = 2021;
/// The earliest onset month (July 2022): 18 months of normal history come first.
const EARLIEST_ONSET: usize = 18;
/// The latest onset month (June 2024), so that whole quarters follow every onset.
const LATEST_ONSET: usize = 41;

/// Our codes (heading 7318, screws, bolts, nuts, washers) with a price per kg.
const OUR_CODES: [(u32, f64); 5] = [(731811, 2.3), (731814, 2.9), (731815, 2.6), (731816, 2.1), (731822, 1.8)];

/// A supplier as shipments show it: its id and origin country.
#[derive(Debug, Clone, Copy)]
struct Party {
    id: CompanyId,
    origin: u16,
}

/// The suppliers of the portfolio.
struct World {
    us: Party,
    /// Our second spelling, on a few of our shipments.
    us_alt: CompanyId,
    rivals: Vec<(Party, f64)>,
    others: Vec<(Party, u32, f64)>,
}

/// The portfolio of this family for `seed`.
pub fn generate(seed: u64) -> SynthPortfolio {
    let end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default();
    let mut b = PortfolioBuilder::new(FAMILY, seed, end);
    b.catalog("7318");
    let china = b.country("China");
    let us = Party { id: b.us("Ningbo Jinding Fastener Co., Ltd."), origin: china };
    let us_alt = b.us("Ningbo Jinding Fasteners Co Ltd");
    let rivals = RIVALS.iter().map(|&(n, c, d, p)| (Party { id: b.rival(n, d), origin: b.country(c) }, p)).collect();
    let others = OTHERS.iter().map(|&(n, c, code, price)| (Party { id: b.company(n), origin: b.country(c) }, code, price)).collect();
    let world = World { us, us_alt, rivals, others };

    let mut rng = Rng::seed_from_u64(stream(seed, 0));
    let cast = cast(&mut rng);
    let background = rng.random_range(60..=90);
    let mut names = BTreeSet::new();
    for (i, beh) in cast.iter().copied().map(Some).chain(std::iter::repeat_n(None, background)).enumerate() {
        let mut r = Rng::seed_from_u64(stream(seed, i as u64 + 1));
        let (name, country) = company_name(&mut r, &mut names);
        let (id, dest) = (b.company(&name), b.country(country));
        let onset = buyer(&mut Out { b: &mut b, w: &world, buyer: id, dest }, &mut r, beh);
        if let Some(beh) = beh {
            b.customer(id, beh, onset);
        }
    }
    b.finish()
}

/// The share of each behaviour among our customers (stories 30%, 6% each).
const MIX: [(Behaviour, f64); 11] = [
    (Behaviour::Steady, 0.30),
    (Behaviour::Lumpy, 0.08),
    (Behaviour::Thin, 0.09),
    (Behaviour::Dip, 0.07),
    (Behaviour::TrialLeaves, 0.07),
    (Behaviour::Growth, 0.09),
    (Behaviour::ShareDrift, 0.06),
    (Behaviour::TrialThenSwitch, 0.06),
    (Behaviour::Shrinking, 0.06),
    (Behaviour::RhythmThinning, 0.06),
    (Behaviour::AbruptLoss, 0.06),
];

/// 285–325 behaviours in the proportions of [`MIX`], shuffled.
fn cast(rng: &mut Rng) -> Vec<Behaviour> {
    let n: usize = rng.random_range(285..=325);
    let mut out: Vec<Behaviour> = MIX.iter().skip(1).flat_map(|&(b, p)| std::iter::repeat_n(b, (n as f64 * p).round() as usize)).collect();
    out.extend(std::iter::repeat_n(Behaviour::Steady, n - out.len()));
    for i in (1..out.len()).rev() {
        out.swap(i, rng.random_range(0..=i));
    }
    out
}

/// Shipments of one buyer, going into the builder.
struct Out<'a> {
    b: &'a mut PortfolioBuilder,
    w: &'a World,
    buyer: CompanyId,
    dest: u16,
}

impl Out<'_> {
    /// One shipment of `usd` on `day`, of a code drawn from `codes` (code, weight, price per kg).
    fn ship(&mut self, rng: &mut Rng, day: NaiveDate, party: Party, codes: &[(u32, f64, f64)], usd: f64) {
        let (code, _, price) = codes[pick(rng, codes, |c| c.1)];
        // Our firm's second spelling shows up on a few records, as in real customs data.
        let supplier = if party.id == self.w.us.id && rng.random_bool(0.07) { self.w.us_alt } else { party.id };
        let kg = (usd / price * uni(rng, 0.85, 1.15)).round().max(1.0);
        let usd = (usd * 100.0).round() / 100.0;
        self.b.ship(day, self.buyer, Some(supplier), code, usd, Some(kg), Some(party.origin), Some(self.dest));
    }

    /// One shipment on any day of month `m`.
    fn ship_in(&mut self, rng: &mut Rng, m: usize, party: Party, codes: &[(u32, f64, f64)], usd: f64) {
        let day = day_of(m, rng.random::<f64>());
        self.ship(rng, day, party, codes, usd);
    }

    /// Cuts monthly values into shipments of about `lot` each (1–3 a month); a month's value below
    /// a lot waits for the next month. For us and for suppliers of half a lot a quarter or more,
    /// nothing waits past a quarter's end, so the quarterly sums are the formula's; a smaller
    /// supplier's value may wait up to half a year, as small suppliers ship rarely.
    fn series(&mut self, rng: &mut Rng, vals: &[f64; MONTHS], lot: f64, party: Party, codes: &[(u32, f64, f64)]) {
        let by_quarter = party.id == self.w.us.id || vals.iter().sum::<f64>() / QUARTERS as f64 >= 0.5 * lot;
        let mut carry = 0.0;
        for m in 0..MONTHS {
            carry += vals[m];
            if carry < 1.0 {
                continue;
            }
            let next_empty = m + 1 == MONTHS || vals[m + 1] <= 0.0;
            let due = if by_quarter { m % 3 == 2 } else { m % 6 == 5 };
            if carry >= 0.6 * lot || due || next_empty {
                let n = ((carry / lot).round() as usize).clamp(1, 3);
                let parts: Vec<f64> = (0..n).map(|_| uni(rng, 0.7, 1.3)).collect();
                let total: f64 = parts.iter().sum();
                for p in parts {
                    self.ship_in(rng, m, party, codes, carry * p / total);
                }
                carry = 0.0;
            }
        }
    }
}

/// The day at fraction `frac` of month `m` (0 = January 2021).
fn day_of(m: usize, frac: f64) -> NaiveDate {
    let (year, month) = (FIRST_YEAR + (m / 12) as i32, (m % 12) as u32 + 1);
    let last = last_day_of_month(year, month).map_or(28, |d| d.day());
    let day = (1 + (frac * f64::from(last)) as u32).clamp(1, last);
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The last onset month that leaves `quarters` whole quarters (onset's included) to show the loss;
/// a late story (or one too slow to fit) may start anywhere.
fn onset_month(rng: &mut Rng, late: bool, quarters: usize) -> usize {
    let hi = (3 * (QUARTERS - 1).saturating_sub(quarters) + 2).min(LATEST_ONSET);
    if late || hi < EARLIEST_ONSET { rng.random_range(EARLIEST_ONSET..=LATEST_ONSET) } else { rng.random_range(EARLIEST_ONSET..=hi) }
}

/// Adds a rival the buyer never bought from (weight 0: it only gets what a story gives it).
fn new_rival(rng: &mut Rng, w: &World, rivals: &mut Vec<usize>, weights: &mut Vec<[f64; QUARTERS]>) -> usize {
    let pops: Vec<f64> = w.rivals.iter().enumerate().map(|(i, r)| if rivals.contains(&i) { 0.0 } else { r.1 }).collect();
    rivals.push(pick(rng, &pops, |p| *p));
    weights.push([0.0; QUARTERS]);
    rivals.len() - 1
}
