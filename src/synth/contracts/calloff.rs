//! The call-off simulation: each contract's lots on their schedule, trial lots, spot purchases and
//! the customer's other products, written to the builder as shipments.

use super::plan::{Plan, Schedule};
use super::{DAYS, Rng, US, World, chance, exponential, lognormal, month_start, uni, unit, weighted};
use crate::synth::PortfolioBuilder;
use rand::RngExt;

/// Lots smaller than this (USD) are called off less often, so a small supplier ships fewer, fuller lots.
const MIN_LOT: f64 = 1_200.0;

/// Where one buyer's shipments go, and how many came from us.
struct Sink<'a> {
    out: &'a mut PortfolioBuilder,
    world: &'a World,
    plan: &'a Plan,
    ours: usize,
}

/// Every shipment of one buyer.
pub(super) fn simulate(plan: &Plan, world: &World, rng: &mut Rng, out: &mut PortfolioBuilder) {
    let mut sink = Sink { out, world, plan, ours: 0 };
    // Our stream first: the lots it skips (RhythmThinning) are delivered by a rival.
    let mut carried: Vec<(f64, f64)> = Vec::new();
    for slot in 0..plan.slots.len() {
        contract(&mut sink, rng, slot, &mut carried);
    }
    if let Some((firm, days)) = &plan.trial {
        for &day in days {
            let usd = plan.annual_at(day) * uni(rng, 0.008, 0.03);
            sink.lot(rng, *firm, day, usd);
        }
    }
    spots(&mut sink, rng);
    others(&mut sink, rng);
    if plan.behaviour.is_some() && sink.ours == 0 {
        // A customer of ours has bought from us at least once.
        let day = uni(rng, 30.0, 300.0);
        sink.lot(rng, US, day, plan.annual * 0.05);
    }
}

/// The call-off times of one contract, from before the data to its end.
fn times(plan: &Plan, rng: &mut Rng, slot: usize) -> Vec<f64> {
    let mut out = Vec::new();
    match &plan.schedule {
        Schedule::Lumpy { months, day } => {
            for year in -2..=4 {
                for m in months {
                    out.push(month_start(m + 12 * year) + day + uni(rng, -20.0, 20.0));
                }
            }
            out.sort_by(f64::total_cmp);
        }
        Schedule::Irregular => {
            let mut t = -uni(rng, 100.0, 300.0);
            while t <= f64::from(DAYS) {
                out.push(t);
                // Small buyers order when they must: gaps of three weeks to half a year.
                t += 20.0 + exponential(rng, 70.0);
            }
        }
        Schedule::Regular => {
            let mut t = -uni(rng, 300.0, 400.0);
            while t <= f64::from(DAYS) {
                out.push(t);
                // A slot with a small share calls off less often, in fuller lots.
                let share = plan.share_at(slot, t);
                let lot = share * plan.annual * plan.interval / 365.0;
                let every = if lot > 0.0 { (MIN_LOT / lot).ceil().clamp(1.0, 4.0) } else { 1.0 };
                // One draw: ±25% jitter, or (7%) pulled forward because the plant needed it early.
                let u = unit(rng);
                let factor = if u < 0.07 { 0.4 + 0.2 * u / 0.07 } else { 0.75 + 0.5 * (u - 0.07) / 0.93 };
                t += plan.interval * every * factor;
            }
        }
    }
    out
}

/// The lots of one contract: each covers its share of what was consumed since the last call-off.
fn contract(sink: &mut Sink, rng: &mut Rng, slot: usize, carried: &mut Vec<(f64, f64)>) {
    let plan = sink.plan;
    let firm = plan.slots[slot];
    let times = times(plan, rng, slot);
    let Some(&first) = times.first() else { return };
    let mut last = first - times.get(1).map_or(plan.interval, |t| t - first);
    for t in times {
        let nominal = plan.vol(slot, last, t);
        let since = last;
        last = t;
        let mut usd = nominal * lognormal(rng, 0.12);
        if let Some(th) = plan.thinning.as_ref() {
            if slot == US && t >= th.onset && chance(rng, th.pmax * ((t - th.onset) / th.ramp).min(1.0)) {
                // Skipped: the lot is not merged into our next one; a rival delivers it.
                carried.push((t, usd));
                continue;
            }
            if slot == th.to {
                usd += carried.iter().filter(|c| c.0 > since && c.0 <= t).map(|c| c.1).sum::<f64>();
            }
        }
        if usd < 1.0 {
            continue;
        }
        // Most lots arrive within days; some suppliers deliver weeks late.
        let u = unit(rng);
        let late = if u < 0.1 { 5.0 + 250.0 * u } else { 4.0 * (u - 0.1) / 0.9 };
        sink.lot(rng, firm, t + late, usd);
    }
}

/// Small purchases outside the contracts, mostly from current suppliers, now and then from a new one.
fn spots(sink: &mut Sink, rng: &mut Rng) {
    let plan = sink.plan;
    if plan.spot_rate <= 0.0 {
        return;
    }
    let mean_gap = 365.0 / plan.spot_rate;
    let mut t = exponential(rng, mean_gap);
    while t <= f64::from(DAYS) {
        let usd = plan.annual_at(t) * uni(rng, 0.01, 0.04);
        let newcomers: Vec<usize> = (1..sink.world.firms.len()).filter(|f| !plan.slots.contains(f)).collect();
        if plan.spot_new && !newcomers.is_empty() && chance(rng, 0.15) {
            let firm = newcomers[rng.random_range(0..newcomers.len())];
            sink.lot(rng, firm, t, usd);
        } else {
            let shares: Vec<f64> = (0..plan.slots.len()).map(|s| plan.share_at(s, t)).collect();
            if let Some(slot) = weighted(rng, &shares) {
                sink.lot(rng, plan.slots[slot], t, usd);
            }
        }
        t += exponential(rng, mean_gap);
    }
}

/// The buyer's other products, following its business level but not our contracts.
fn others(sink: &mut Sink, rng: &mut Rng) {
    let plan = sink.plan;
    for other in &plan.others {
        let firm = &sink.world.others[other.firm];
        let mut t = -uni(rng, 0.0, other.gap);
        loop {
            let step = other.gap * uni(rng, 0.7, 1.3);
            t += step;
            if t > f64::from(DAYS) {
                break;
            }
            let usd = other.annual * step / 365.0 * plan.level(t) * lognormal(rng, 0.25);
            let kg = usd / (price(other.code) * uni(rng, 0.9, 1.1));
            let (id, origin) = (firm.id, firm.origin);
            sink.out.ship(sink.world.date(t), plan.id, Some(id), other.code, usd, Some(kg), Some(origin), Some(plan.dest));
        }
    }
}

impl Sink<'_> {
    /// One lot of bearings from `firm` arriving on day `t`, in one or two lines (codes).
    fn lot(&mut self, rng: &mut Rng, firm: usize, t: f64, usd: f64) {
        let plan = self.plan;
        if !(0.0..f64::from(DAYS) + 1.0).contains(&t) || usd < 1.0 {
            return;
        }
        if firm == US && plan.cutoff.is_some_and(|c| t >= c) {
            return;
        }
        let f = &self.world.firms[firm];
        let split = if usd > 2_000.0 && plan.codes.len() > 1 && chance(rng, 0.3) { uni(rng, 0.3, 0.7) } else { 1.0 };
        for part in [split, 1.0 - split] {
            if part <= 0.0 {
                continue;
            }
            let code = plan.code(rng);
            let value = usd * part;
            let kg = value / (price(code) * f.price * uni(rng, 0.92, 1.08));
            // Some declarations carry our name in capitals without punctuation.
            let supplier = if f.ids.len() > 1 && chance(rng, 0.12) { f.ids[1] } else { f.ids[0] };
            let day = self.world.date(t);
            self.out.ship(day, plan.id, Some(supplier), code, value, Some(kg), Some(f.origin), Some(plan.dest));
        }
        if firm == US {
            self.ours += 1;
        }
    }
}

/// A typical price per kilogram (USD) of a code from a Chinese maker.
fn price(code: u32) -> f64 {
    match code {
        848210 => 7.5,
        848220 => 6.0,
        848230 => 8.5,
        848240 => 14.0,
        848250 => 9.0,
        848280 => 8.0,
        848291 => 3.5,
        848299 => 5.0,
        848310 => 6.0,
        848320 => 7.0,
        848330 => 5.5,
        848340 => 9.0,
        848350 => 4.0,
        848360 => 10.0,
        848490 => 12.0,
        392690 => 4.5,
        401693 => 6.5,
        690721 => 0.6,
        731815 => 2.2,
        340319 => 3.0,
        401012 => 5.0,
        _ => 3.5,
    }
}
