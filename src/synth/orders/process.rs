//! The order process of the `orders` family: demand, preference weights, the allocation of each
//! order to one supplier, and the shipments it makes.

use super::draw::{gamma, lognormal, pick, uniform};
use super::{DAYS, Plan, QUARTER, Story};
use crate::model::CompanyId;
use crate::synth::PortfolioBuilder;
use chrono::NaiveDate;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// A supplier as shipments carry it.
pub(super) struct Sup {
    pub(super) id: CompanyId,
    /// A second spelling some files use.
    pub(super) alt: Option<CompanyId>,
    /// Country of origin of its shipments.
    pub(super) origin: u16,
    /// Price level per kg relative to a Chinese maker's.
    pub(super) price: f64,
}

/// The shared state while shipments are written.
pub(super) struct World {
    pub(super) b: PortfolioBuilder,
    /// The date of each day offset.
    pub(super) dates: Vec<NaiveDate>,
    /// The month index (0 = July 2020) of each day offset.
    pub(super) months: Vec<usize>,
    /// The shared business cycle, per month.
    pub(super) cycle: Vec<f64>,
    pub(super) us: Sup,
    pub(super) rivals: Vec<Sup>,
    /// Suppliers of other products, with their code and USD per kg.
    pub(super) others: Vec<(Sup, u32, f64)>,
}

impl World {
    /// The month index of day offset `t`.
    fn month(&self, t: f64) -> usize {
        self.months[(t.max(0.0) as usize).min(self.months.len() - 1)]
    }

    /// The customer's demand level at `t` relative to its usual (cycle, season, growth, shrinking,
    /// a dip); `category` for our kind of products.
    fn demand(&self, p: &Plan, t: f64, category: bool) -> f64 {
        let mut d = self.cycle[self.month(t)].powf(p.beta);
        if category {
            d *= 1.0 + p.season.0 * (std::f64::consts::TAU * (t - p.season.1) / 365.25).cos();
        }
        match p.story {
            Story::Growth { from, ramp, factor } => {
                let x = ((t - from) / ramp).clamp(0.0, 1.0);
                d *= 1.0 + (factor - 1.0) * x * x * (3.0 - 2.0 * x);
            }
            Story::Shrink { onset, level, quarters } if t > onset => d *= level.powf(((t - onset) / QUARTER / quarters).min(1.0)),
            Story::Dip { from, to, depth, ours_only: false } if category && (from..to).contains(&t) => d *= 1.0 - depth,
            _ => {}
        }
        d
    }

    /// Preference weights at `t` of us (index 0) and the customer's rivals; they sum to 1.
    fn weights(&self, p: &Plan, t: f64, out: &mut Vec<f64>) {
        let m = self.month(t);
        out.clear();
        let total: f64 = p.links.iter().filter(|l| l.regular).map(|l| l.walk[m].exp()).sum();
        let s = if !p.with_us || !p.lumpy.is_empty() {
            0.0
        } else if total == 0.0 {
            1.0
        } else {
            (p.share * p.us_walk[m].exp()).clamp(0.03, 0.97)
        };
        out.push(s);
        out.extend(p.links.iter().map(|l| if l.regular && total > 0.0 { (1.0 - s) * l.walk[m].exp() / total } else { 0.0 }));
        match p.story {
            Story::Dip { from, to, depth, ours_only: true } if (from..to).contains(&t) && s < 1.0 => {
                for w in out.iter_mut().skip(1) {
                    *w *= 1.0 + s * depth / (1.0 - s);
                }
                out[0] = s * (1.0 - depth);
            }
            Story::Drift { onset, rate, floor, gainer } if t >= onset => {
                out[0] = (s - rate * (t - onset) / QUARTER).max(s * floor);
                out[1 + gainer] += s - out[0];
            }
            Story::Switch { switch, take, rival, .. } if t >= switch => {
                out.iter_mut().for_each(|w| *w *= 1.0 - take);
                out[1 + rival] += take;
            }
            Story::Abrupt { onset } if t >= onset && s < 1.0 => {
                out.iter_mut().skip(1).for_each(|w| *w /= 1.0 - s);
                out[0] = 0.0;
            }
            _ => {}
        }
    }

    /// Writes every shipment of one buyer; returns how many were ours.
    pub(super) fn simulate(&mut self, p: &Plan, rng: &mut ChaCha8Rng) -> usize {
        let f = p.flow;
        let mut ours = 0;
        let mut credit = vec![0.0; 1 + p.links.len()];
        let mut w = Vec::new();
        let mut last_us = f64::NEG_INFINITY;
        let us_gap = f.gap / p.share;
        let usual = |d: f64| f.annual * f.gap / 365.0 * d.powf(1.0 - f.rate_part);
        let (mut t, mut elapsed) = (rng.random::<f64>() * f.gap, f.gap);
        while t < DAYS {
            let d = self.demand(p, t, true);
            let used = f.annual / 365.0 * d * elapsed;
            let lot = (f.refill * used + (1.0 - f.refill) * usual(d)) * lognormal(rng, 1.0, f.sigma);
            self.weights(p, t, &mut w);
            // Rhythm thinning: our next order waits ever longer; others take what comes before.
            let blocked = match p.story {
                Story::Rhythm { onset, stretch } if t >= onset => {
                    // Rarer and rarer, yet never quite gone: at most about twice a year.
                    t - last_us < (0.6 * us_gap * (stretch * (t - onset) / QUARTER).exp()).min(200.0)
                }
                _ => false,
            };
            match allocate(rng, &mut credit, &w, lot, blocked) {
                Some(0) => {
                    last_us = t;
                    ours += self.order(rng, p, t, None, lot);
                }
                Some(k) => {
                    self.order(rng, p, t, Some(p.links[k - 1].sup), lot);
                }
                None => {}
            }
            elapsed = f.gap * gamma(rng, f.shape) / f.shape / d.powf(f.rate_part).max(0.05);
            t += elapsed;
        }
        for &(t, sup, frac) in &p.trials {
            let lot = usual(self.demand(p, t, true)) * frac;
            self.order(rng, p, t, Some(sup), lot);
        }
        for &t in &p.lumpy {
            let lot = p.lumpy_lot * self.demand(p, t, true) * lognormal(rng, 1.0, 0.12);
            ours += self.order(rng, p, t, None, lot);
        }
        for &(k, f) in &p.others {
            let mut t = rng.random::<f64>() * f.gap;
            while t < DAYS {
                let d = self.demand(p, t, false);
                let (sup, code, kg) = &self.others[k];
                let value = f.annual * f.gap / 365.0 * d.powf(1.0 - f.rate_part) * lognormal(rng, 1.0, f.sigma);
                ship(&mut self.b, rng, self.dates[t as usize], p, sup, *code, *kg, value);
                t += f.gap * gamma(rng, f.shape) / f.shape / d.powf(f.rate_part).max(0.05);
            }
        }
        ours
    }

    /// One category order of `value` from us (`None`) or a rival, as one to four lines of codes.
    fn order(&mut self, rng: &mut ChaCha8Rng, p: &Plan, t: f64, rival: Option<usize>, value: f64) -> usize {
        if !(0.0..DAYS).contains(&t) {
            return 0;
        }
        let sup = rival.map_or(&self.us, |k| &self.rivals[k]);
        let max = p.codes.len().min(if value > 20_000.0 {
            4
        } else if value > 6_000.0 {
            3
        } else {
            2
        });
        let mut left: Vec<usize> = (0..p.codes.len()).collect();
        let mut lines = Vec::new();
        for _ in 0..rng.random_range(1..=max) {
            let i = left.remove(pick(rng, &left.iter().map(|&i| p.codes[i].1).collect::<Vec<_>>()));
            lines.push((i, p.codes[i].1 * uniform(rng, 0.5, 1.5)));
        }
        let sum: f64 = lines.iter().map(|l| l.1).sum();
        for &(i, part) in &lines {
            let (code, _, kg) = p.codes[i];
            ship(&mut self.b, rng, self.dates[t as usize], p, sup, code, kg, value * part / sum);
        }
        lines.len()
    }
}

/// Adds the order's value to every supplier's credit by its weight and gives the order to the
/// eligible one owed most (sometimes to one drawn by weight), so shares follow the weights.
fn allocate(rng: &mut ChaCha8Rng, credit: &mut [f64], w: &[f64], lot: f64, block_us: bool) -> Option<usize> {
    for (c, w) in credit.iter_mut().zip(w) {
        *c = 0.8 * *c + w * lot;
    }
    let ok: Vec<f64> = w.iter().enumerate().map(|(i, &w)| if block_us && i == 0 { 0.0 } else { w }).collect();
    if ok.iter().all(|&w| w <= 1e-9) {
        return None;
    }
    let k = if rng.random::<f64>() < 0.05 {
        pick(rng, &ok)
    } else {
        (0..ok.len()).filter(|&i| ok[i] > 1e-9).max_by(|&a, &b| credit[a].total_cmp(&credit[b]))?
    };
    credit[k] -= lot;
    Some(k)
}

/// One shipment line, with a weight from the code's price and the supplier's price level.
#[allow(clippy::too_many_arguments)]
fn ship(b: &mut PortfolioBuilder, rng: &mut ChaCha8Rng, day: NaiveDate, p: &Plan, sup: &Sup, code: u32, kg: f64, usd: f64) {
    // Customs files spell us two ways.
    let id = match sup.alt {
        Some(alt) if rng.random::<f64>() < 0.15 => alt,
        _ => sup.id,
    };
    let weight = (usd / (kg * sup.price * uniform(rng, 0.9, 1.1)) * 10.0).round() / 10.0;
    b.ship(day, p.buyer, Some(id), code, (usd * 100.0).round() / 100.0, Some(weight), Some(sup.origin), Some(p.dest));
}
