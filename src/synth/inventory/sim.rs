//! One importer simulated week by week: each product line is consumed from stock, reordered by an
//! (s, S) policy on the importer's own demand forecast, the order split among its suppliers by a
//! slowly moving preference vector, and each part recorded when it arrives after its lead time.

use super::draw::{gauss, quarters};
use crate::model::CompanyId;
use crate::synth::PortfolioBuilder;
use chrono::{Datelike, Days, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// The smallest part of an order a supplier gets: a smaller preference wins such a part now and then.
const MIN_SPLIT: f64 = 0.15;
/// Days in a quarter, for rates given per quarter.
pub const QUARTER_DAYS: f64 = 91.3;
/// Parts worth less than this (USD) are not ordered: nobody ships them.
const MIN_PART_USD: f64 = 150.0;
/// The importer's demand forecast averages about this many days (a longer one whips orders less).
const FORECAST_DAYS: f64 = 120.0;
/// Share of our shipments declared under our second spelling.
const ALIAS_SHARE: f64 = 0.12;

/// Days of the simulation, from a start before the data so stocks and pipelines are settled.
#[derive(Debug, Clone, Copy)]
pub struct Calendar {
    /// Day 0 of the simulation (a Monday: orders go out on the first five days of each week).
    pub start: NaiveDate,
    /// The first day recorded.
    pub first: i64,
    /// The last day recorded (the portfolio's end).
    pub last: i64,
}

impl Calendar {
    /// The day index of a date.
    pub fn index(&self, day: NaiveDate) -> i64 {
        (day - self.start).num_days()
    }

    /// The date of a day index.
    pub fn date(&self, t: i64) -> NaiveDate {
        self.start.checked_add_days(Days::new(t.max(0) as u64)).unwrap_or(self.start)
    }

    /// Goods arriving on a weekend are declared on the Monday.
    fn workday(&self, t: i64) -> i64 {
        match (i64::from(self.start.weekday().num_days_from_monday()) + t) % 7 {
            5 => t + 2,
            6 => t + 1,
            _ => t,
        }
    }
}

/// A supplier of a group of lines.
#[derive(Debug, Clone)]
pub struct Supplier {
    /// Its usual spelling.
    pub id: CompanyId,
    /// A second spelling used now and then (ours only).
    pub alias: Option<CompanyId>,
    /// Origin country.
    pub origin: u16,
    /// Lead time range in days.
    pub lead: (i64, i64),
    /// Price relative to the reference value of the goods.
    pub price: f64,
}

/// A product line the importer stocks.
#[derive(Debug, Clone)]
pub struct Line {
    /// Its code.
    pub hs6: u32,
    /// Demand at level 1, in reference USD a day.
    pub rate: f64,
}

/// Lines bought together from one set of suppliers (joint orders).
#[derive(Debug, Clone)]
pub struct Group {
    /// The lines.
    pub lines: Vec<Line>,
    /// The suppliers.
    pub suppliers: Vec<Supplier>,
    /// Preference per supplier before the stories act (sums to 1).
    pub base: Vec<f64>,
    /// Days of demand an order covers (S − s).
    pub cycle: f64,
    /// Safety stock in days of demand.
    pub safety: f64,
    /// Chance a week that stock is checked (1: every week; below: irregular buyers).
    pub review: f64,
}

/// What happens to the category's suppliers (group 0); day indices.
#[derive(Debug, Clone, Copy)]
pub enum Story {
    /// Preferences only wander.
    Quiet,
    /// Our preference moves to `gainer` by `rate` of share a quarter, down to `floor`.
    Drift { onset: i64, rate: f64, floor: f64, gainer: usize },
    /// Our preference drops to zero at the onset; `gainer` takes it.
    Abrupt { onset: i64, gainer: usize },
    /// `trial` gets a part `frac` of the main line of each order from the onset, then `take` of
    /// the business.
    Switch { onset: i64, switch: i64, trial: usize, frac: f64, take: f64 },
    /// `trial` gets a part of the main line of up to `lots` orders in a window, then nothing.
    Trial { start: i64, end: i64, trial: usize, frac: f64, lots: u32 },
    /// From the onset we get every k-th order that would have been ours, k growing by one every
    /// `step` days up to `kmax`; `gainer` gets the others.
    Rhythm { onset: i64, step: i64, kmax: i64, gainer: usize },
}

/// The importer's demand over time (shared by its groups).
#[derive(Debug, Clone, Default)]
pub struct Demand {
    /// Seasonal amplitude.
    pub amp: f64,
    /// Day of the year of the seasonal peak.
    pub peak: f64,
    /// Weekly step of the log-level random walk (mean reverting).
    pub sigma: f64,
    /// Weekly noise of consumption (± fraction).
    pub noise: f64,
    /// Growth: start day, days to reach the factor, factor.
    pub growth: Option<(i64, f64, f64)>,
    /// Shrinking: onset day, loss a quarter, floor of the multiplier.
    pub shrink: Option<(i64, f64, f64)>,
    /// A dip of the category's demand: first day, end day, depth.
    pub dip: Option<(i64, i64, f64)>,
}

impl Demand {
    /// The multiplier of every line's rate on day `t` at log-level `level`.
    fn common(&self, t: i64, level: f64) -> f64 {
        let phase = std::f64::consts::TAU * ((t as f64 - self.peak) / 365.25);
        let mut m = (1.0 + self.amp * phase.cos()) * level.exp();
        if let Some((start, len, factor)) = self.growth
            && t > start
        {
            m *= 1.0 + (factor - 1.0) * ((t - start) as f64 / len).min(1.0);
        }
        if let Some((onset, rate, floor)) = self.shrink
            && t > onset
        {
            m *= (1.0 - rate).powf((t - onset) as f64 / QUARTER_DAYS).max(floor);
        }
        m
    }

    /// The category's extra multiplier (a dip).
    fn category(&self, t: i64) -> f64 {
        match self.dip {
            Some((start, end, depth)) if t >= start && t < end => 1.0 - depth,
            _ => 1.0,
        }
    }
}

/// One importer: its groups (group 0 is our category), demand and story.
#[derive(Debug, Clone)]
pub struct Importer {
    /// The buyer.
    pub id: CompanyId,
    /// Its country.
    pub dest: u16,
    /// Group 0: our category; the rest: its other products.
    pub groups: Vec<Group>,
    /// Demand over time.
    pub demand: Demand,
    /// The category's story.
    pub story: Story,
    /// Our index among group 0's suppliers, for a customer of ours.
    pub us: Option<usize>,
}

/// Stock of one line.
#[derive(Debug, Clone, Copy)]
struct Stock {
    forecast: f64,
    on_hand: f64,
    on_order: f64,
}

/// Goods on their way.
#[derive(Debug, Clone, Copy)]
struct Arrival {
    day: i64,
    line: usize,
    qty: f64,
}

/// Runs the importer week by week from day 0 to the calendar's last day, recording the arrivals
/// in the data window; returns how many of them came from us.
pub fn simulate(imp: &Importer, cal: &Calendar, rng: &mut ChaCha8Rng, b: &mut PortfolioBuilder) -> usize {
    let mut level = 0.0;
    let mut wander: Vec<Vec<f64>> = imp.groups.iter().map(|g| vec![0.0; g.suppliers.len()]).collect();
    // The planned lead time: the longest its usual suppliers take, plus the week between reviews.
    let plan: Vec<f64> =
        imp.groups.iter().map(|g| 7.0 + g.suppliers.iter().zip(&g.base).map(|(s, w)| w * s.lead.1 as f64).sum::<f64>()).collect();
    let m0 = imp.demand.common(0, 0.0);
    let mut stocks: Vec<Vec<Stock>> = imp
        .groups
        .iter()
        .zip(&plan)
        .map(|(g, p)| {
            g.lines
                .iter()
                .map(|l| {
                    let f = l.rate * m0;
                    Stock { forecast: f, on_hand: f * (p + g.safety + rng.random::<f64>() * g.cycle), on_order: 0.0 }
                })
                .collect()
        })
        .collect();
    let mut pipes: Vec<Vec<Arrival>> = imp.groups.iter().map(|_| Vec::new()).collect();
    let (mut counter, mut trial_lots, mut ours) = (0_i64, 0_u32, 0_usize);
    let (mut shares, mut parts, mut qty) = (Vec::new(), Vec::new(), Vec::new());
    // Week by week (a periodic review); each week's orders go out on one of its working days.
    for t in (0..=cal.last).step_by(7) {
        level += -0.06 * level + imp.demand.sigma * gauss(rng);
        // Preferences wander in four-week steps (mean reverting).
        if t % 28 == 0 {
            for x in wander.iter_mut().flatten() {
                *x += -0.22 * *x + 0.035 * gauss(rng);
            }
        }
        let common = imp.demand.common(t + 3, level);
        for (gi, g) in imp.groups.iter().enumerate() {
            let m = if gi == 0 { common * imp.demand.category(t + 3) } else { common };
            let (stock, pipe) = (&mut stocks[gi], &mut pipes[gi]);
            let mut k = 0;
            while k < pipe.len() {
                if pipe[k].day < t + 7 {
                    let a = pipe.swap_remove(k);
                    stock[a.line].on_hand += a.qty;
                    stock[a.line].on_order -= a.qty;
                } else {
                    k += 1;
                }
            }
            let reorder = plan[gi] + g.safety;
            let mut low = false;
            let mut noise = quarters(rng);
            for (li, (line, s)) in g.lines.iter().zip(stock.iter_mut()).enumerate() {
                if li % 4 == 0 && li > 0 {
                    noise = quarters(rng);
                }
                let want = 7.0 * line.rate * m * (1.0 + imp.demand.noise * (2.0 * noise[li % 4] - 1.0));
                s.forecast += (want / 7.0 - s.forecast) * (7.0 / FORECAST_DAYS);
                s.on_hand = (s.on_hand - want).max(0.0);
                low |= s.on_hand + s.on_order < s.forecast * reorder;
            }
            if !low || (g.review < 1.0 && rng.random::<f64>() >= g.review) {
                continue;
            }
            // Joint order: every line below its can-order level is brought up to S.
            qty.clear();
            for s in stock.iter() {
                let position = s.on_hand + s.on_order;
                let can_order = s.forecast * (reorder + 0.35 * g.cycle);
                qty.push(if position < can_order { s.forecast * (reorder + g.cycle) - position } else { 0.0 });
            }
            let t = t + rng.random_range(0..5);
            let story = if gi == 0 { imp.story } else { Story::Quiet };
            preferences(g, story, t, &wander[gi], &mut shares);
            split(&shares, rng, &mut parts);
            // A trial lot is a part of the main line's order only.
            let mut trial_only = None;
            let main = qty[0] > 0.0;
            match story {
                Story::Trial { start, end, trial, frac, lots } if main && t >= start && t < end && trial_lots < lots => {
                    force(&mut parts, trial, frac);
                    trial_lots += 1;
                    trial_only = Some(trial);
                }
                Story::Switch { onset, switch, trial, frac, .. } if main && t >= onset && t < switch => {
                    force(&mut parts, trial, frac);
                    trial_only = Some(trial);
                }
                Story::Rhythm { onset, step, kmax, gainer } if t >= onset => {
                    if let Some(u) = imp.us
                        && parts[u] > 0.0
                    {
                        counter += 1;
                        if counter % (1 + (t - onset) / step).min(kmax) != 0 {
                            parts[gainer] += parts[u];
                            parts[u] = 0.0;
                        }
                    }
                }
                _ => {}
            }
            for (si, sup) in g.suppliers.iter().enumerate() {
                if parts[si] <= 0.0 {
                    continue;
                }
                let day = cal.workday(t + rng.random_range(sup.lead.0..=sup.lead.1));
                let recorded = day >= cal.first && day <= cal.last;
                let is_us = gi == 0 && imp.us == Some(si);
                let name = match sup.alias {
                    Some(alias) if rng.random::<f64>() < ALIAS_SHARE => alias,
                    _ => sup.id,
                };
                for (li, line) in g.lines.iter().enumerate() {
                    if li > 0 && trial_only == Some(si) {
                        continue;
                    }
                    let q = qty[li] * parts[si];
                    if q * sup.price < MIN_PART_USD {
                        continue;
                    }
                    pipe.push(Arrival { day, line: li, qty: q });
                    stock[li].on_order += q;
                    if recorded {
                        let usd = q * sup.price * (1.0 + 0.03 * gauss(rng));
                        let kg = q / super::names::usd_per_kg(line.hs6) * rng.random_range(0.92..1.08);
                        b.ship(cal.date(day), imp.id, Some(name), line.hs6, usd, Some(kg), Some(sup.origin), Some(imp.dest));
                        ours += usize::from(is_us);
                    }
                }
            }
        }
    }
    ours
}

/// The group's preference vector on day `t`: its base moved by the story, times the wandering noise.
fn preferences(g: &Group, story: Story, t: i64, wander: &[f64], out: &mut Vec<f64>) {
    out.clear();
    out.extend_from_slice(&g.base);
    // Our index is 0 in every group 0 with a story (a customer of ours).
    match story {
        Story::Drift { onset, rate, floor, gainer } if t >= onset => {
            let ours = (out[0] - rate * (t - onset) as f64 / QUARTER_DAYS).max(floor.min(out[0]));
            out[gainer] += out[0] - ours;
            out[0] = ours;
        }
        Story::Abrupt { onset, gainer } if t >= onset => {
            out[gainer] += out[0];
            out[0] = 0.0;
        }
        Story::Switch { switch, trial, take, .. } if t >= switch => {
            for x in out.iter_mut() {
                *x *= 1.0 - take;
            }
            out[trial] = take;
        }
        _ => {}
    }
    for (x, w) in out.iter_mut().zip(wander) {
        *x *= w.exp();
    }
    let total: f64 = out.iter().sum();
    for x in out.iter_mut() {
        *x /= total.max(f64::MIN_POSITIVE);
    }
}

/// Parts of an order per supplier: the preferences, with small ones winning a minimum part now and
/// then instead of a sliver every time.
fn split(shares: &[f64], rng: &mut ChaCha8Rng, out: &mut Vec<f64>) {
    out.clear();
    for &p in shares {
        out.push(if p >= MIN_SPLIT {
            p
        } else if rng.random::<f64>() * MIN_SPLIT < p {
            MIN_SPLIT
        } else {
            0.0
        });
    }
    let total: f64 = out.iter().sum();
    if total <= 0.0 {
        let best = shares.iter().enumerate().fold(0, |best, (i, p)| if *p > shares[best] { i } else { best });
        out[best] = 1.0;
        return;
    }
    for x in out.iter_mut() {
        *x /= total;
    }
}

/// Gives `frac` of the order to supplier `i`, the others keeping the rest in proportion.
fn force(parts: &mut [f64], i: usize, frac: f64) {
    for x in parts.iter_mut() {
        *x *= 1.0 - frac;
    }
    parts[i] += frac;
}
