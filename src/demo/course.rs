//! The portfolio customers' purchases, month by month, shaped by their course.
//!
//! Each month a customer's catalog spend is `wallet / 12` times a per-quarter demand factor and the
//! level its course sets (season, growth, decline); the course then splits that spend among us and
//! the others. Every supplier's part becomes one row per ~25k USD (at most four), and purchases
//! outside the catalog follow the customer's level.

use rand::RngExt;

use super::calendar::{self, MONTHS};
use super::catalog::{OURS, SUPPLIERS};
use super::portfolio::{Course, Member};
use super::rng::{self, DemoRng};
use super::sink::{Order, Sink};
use super::story::{noise, our_spelling, pick_catalog};

/// Quarters in the span.
const QUARTERS: usize = MONTHS / 3;
/// Value of one row before a supplier's monthly part is split across several product lines.
const LINE_USD: f64 = 25_000.0;

/// Emits every portfolio customer's rows.
pub(crate) fn emit_all(sink: &mut Sink<'_>, seed: u64, members: &[Member]) {
    for (i, member) in members.iter().enumerate() {
        let rng = rng::stream(seed, rng::MEMBER_STREAM + i as u64);
        Buyer { member, rng, orders: 0 }.emit(sink);
    }
}

/// One customer being emitted, with its random stream and its count of orders so far.
struct Buyer<'m> {
    member: &'m Member,
    rng: DemoRng,
    orders: u64,
}

impl<'m> Buyer<'m> {
    /// Emits the customer's 48 months.
    fn emit(&mut self, sink: &mut Sink<'_>) {
        let c = self.member;
        let spread = c.spread;
        // Demand moves by quarter for the whole customer, so its shares are not disturbed by it.
        let demand: [f64; QUARTERS] = std::array::from_fn(|_| self.rng.random_range(1.0 - spread..=1.0 + spread));
        // Wandering shares jump around their level each quarter, never drifting: every four
        // quarters hold two steps up and two down, in random order.
        let mut wander = [0.0; QUARTERS];
        for year in wander.chunks_mut(4) {
            let mut signs = [1.0, 1.0, -1.0, -1.0];
            for i in (1..signs.len()).rev() {
                signs.swap(i, self.rng.random_range(0..=i));
            }
            for (w, sign) in year.iter_mut().zip(signs) {
                *w = sign * self.rng.random_range(0.04..0.10);
            }
        }
        match &c.course {
            Course::Lumpy { lots } => self.lumpy(sink, lots, &demand),
            Course::Thin => self.thin(sink),
            _ => {
                for m in 0..MONTHS {
                    let level = demand[m / 3] * level(c, m);
                    let spend = c.wallet / 12.0 * level;
                    for (supplier, fraction) in parts(c, m, wander[m / 3]) {
                        self.catalog_part(sink, m, supplier, spend * fraction);
                    }
                    for extra in &c.extras {
                        let value = extra.per_year / 12.0 * level * noise(&mut self.rng);
                        if value > 0.0 {
                            let order = self.order(m, extra.supplier, extra.product);
                            sink.ship_value(&mut self.rng, &order, value);
                        }
                    }
                }
            }
        }
    }

    /// One or two lots a year in the planned calendar months, each a month early or late at times.
    fn lumpy(&mut self, sink: &mut Sink<'_>, lots: &[u32], demand: &[f64; QUARTERS]) {
        let c = self.member;
        for year in calendar::year(0)..=calendar::year(MONTHS - 1) {
            for &lot in lots {
                // Lots lie in February to November, so the shifted month stays in the same year.
                let month = lot.saturating_add_signed(self.rng.random_range(-1..=1));
                let Some(m) = calendar::month_index(year, month) else { continue };
                let value = c.wallet / lots.len() as f64 * demand[m / 3];
                for (supplier, fraction) in standard(c) {
                    self.catalog_part(sink, m, supplier, value * fraction);
                }
            }
        }
    }

    /// At most four lots of at most 1,000 USD (plus 15% noise) a year keep the year under 5k.
    fn thin(&mut self, sink: &mut Sink<'_>) {
        let mut lots_in_year = (0, 0);
        for m in 0..MONTHS {
            let year = calendar::year(m);
            if lots_in_year.0 != year {
                lots_in_year = (year, 0);
            }
            if lots_in_year.1 < 4 && self.rng.random_bool(0.3) {
                lots_in_year.1 += 1;
                let value = self.rng.random_range(500.0..1_000.0);
                self.catalog_part(sink, m, OURS, value);
            }
        }
    }

    /// One supplier's monthly part of the catalog spend, as one row per ~25k USD.
    fn catalog_part(&mut self, sink: &mut Sink<'_>, m: usize, supplier: usize, value: f64) {
        if value <= 0.0 {
            return;
        }
        let value = value * noise(&mut self.rng);
        let lines = (value / LINE_USD).ceil().clamp(1.0, 4.0);
        for _ in 0..lines as usize {
            let product = pick_catalog(&self.member.mix, &mut self.rng);
            let order = self.order(m, supplier, product);
            sink.ship_value(&mut self.rng, &order, value / lines);
        }
    }

    /// An order of this customer; every fourth is spelled the second way, when it has one.
    fn order(&mut self, m: usize, supplier: usize, product: usize) -> Order<'m> {
        let c = self.member;
        self.orders += 1;
        let buyer = match &c.alias {
            Some(alias) if self.orders.is_multiple_of(4) => alias.as_str(),
            _ => c.name.as_str(),
        };
        let supplier_name = if supplier == OURS { our_spelling(&mut self.rng) } else { SUPPLIERS[supplier].names[0] };
        Order { month: m, buyer, destination: c.country, port: c.port, supplier, supplier_name, product }
    }
}

/// How the customer's whole demand moves: season, growth, decline.
fn level(c: &Member, m: usize) -> f64 {
    let after = c.onset.and_then(|o| m.checked_sub(o));
    match (&c.course, after) {
        (Course::Seasonal, _) => match calendar::quarter_of_year(m) {
            2 => 0.7,
            4 => 1.5,
            _ => 1.0,
        },
        (Course::FastGrower { target }, Some(k)) => 1.0 + (target - 1.0) * ((k + 1).min(6) as f64 / 6.0),
        (Course::Shrinking { closes_after, .. }, Some(k)) if k >= *closes_after => 0.0,
        (Course::Shrinking { rate, .. }, Some(k)) => (1.0 - rate).powf((k + 1) as f64 / 3.0),
        _ => 1.0,
    }
}

/// Who gets which fraction of the customer's catalog spend in month `m`.
fn parts(c: &Member, m: usize, wander: f64) -> Vec<(usize, f64)> {
    let after = c.onset.and_then(|o| m.checked_sub(o));
    match (&c.course, after) {
        (Course::Wandering { pool, period, minor }, _) => {
            let ours = c.share + wander;
            // In the first two quarters every minor supplier ships, so none of them is ever new
            // later; afterwards they take turns.
            let q = m / 3;
            let turn = if q < 2 { m % pool.len() } else { (q / period) % pool.len() };
            let mut out = vec![(OURS, ours), (pool[turn], *minor)];
            to_rivals(&mut out, c, 1.0 - ours - minor);
            out
        }
        (Course::TrialLeaves { newcomer, lots, fraction }, Some(k)) if lots.contains(&k) => {
            let mut out = standard(c);
            out.push((*newcomer, *fraction));
            out
        }
        (Course::ShareSlide { taker, months, low }, Some(k)) => {
            let ours = c.share - (c.share - low) * ((k + 1).min(*months) as f64 / *months as f64);
            moved(c, ours, *taker)
        }
        (Course::TrialThenMove { taker, trial, left, .. }, Some(k)) if k >= *trial => moved(c, *left, *taker),
        (Course::TrialThenMove { taker, skip, fraction, .. }, Some(k)) if Some(k) != *skip => moved(c, c.share - fraction, *taker),
        (Course::RhythmThinning { orders }, Some(k)) if !orders.contains(&k) => {
            let mut out = Vec::new();
            to_rivals(&mut out, c, 1.0);
            out
        }
        (Course::Lost { taker }, Some(k)) if k >= 1 => moved(c, 0.0, *taker),
        _ => standard(c),
    }
}

/// The usual split: our share, the rest evenly among the rivals.
fn standard(c: &Member) -> Vec<(usize, f64)> {
    let mut out = vec![(OURS, c.share)];
    to_rivals(&mut out, c, 1.0 - c.share);
    out
}

/// We keep `ours`, the rivals their usual part, and `taker` gets what we lost.
fn moved(c: &Member, ours: f64, taker: usize) -> Vec<(usize, f64)> {
    let mut out = vec![(OURS, ours)];
    to_rivals(&mut out, c, 1.0 - c.share);
    add(&mut out, taker, c.share - ours);
    out
}

/// Splits `fraction` evenly among the customer's rivals.
fn to_rivals(out: &mut Vec<(usize, f64)>, c: &Member, fraction: f64) {
    for &rival in &c.rivals {
        add(out, rival, fraction / c.rivals.len() as f64);
    }
}

/// Adds a supplier's fraction, merging it with the supplier's part already there.
fn add(out: &mut Vec<(usize, f64)>, supplier: usize, fraction: f64) {
    match out.iter_mut().find(|(s, _)| *s == supplier) {
        Some((_, f)) => *f += fraction,
        None => out.push((supplier, fraction)),
    }
}
