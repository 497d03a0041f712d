//! What a buyer's story (or a quiet dip or growth) changes — its onset, the rival that gains, the
//! business level, our thinning call-offs — and the contracted shares it writes segment by segment.

use super::{Level, MONTH, Seg, Thinning};
use crate::synth::Behaviour;
use crate::synth::contracts::{Rng, US, World, chance, month_start, normal, uni, weighted};
use rand::RngExt;

/// What a story (or a quiet dip or growth) changes, decided before the shares are written.
pub(super) struct Story {
    /// The day the change began.
    pub(super) onset: Option<f64>,
    /// The slot that takes what we lose.
    pub(super) gainer: usize,
    pub(super) level: Level,
    pub(super) thinning: Option<Thinning>,
    pub(super) cutoff: Option<f64>,
    /// ShareDrift: the renewal of the first cut.
    pub(super) drift_from: Option<usize>,
    /// TrialThenSwitch: the renewal the rival wins, and the part of our share we keep then.
    pub(super) switch: Option<(usize, f64)>,
    /// TrialThenSwitch: the trial's days and the share it takes from us.
    pub(super) trial_window: Option<(f64, f64, f64)>,
    /// Dip (ours only): a rival covers `depth` of our share for a while.
    pub(super) dip_ours: Option<(f64, f64, f64)>,
    /// TrialLeaves: the new firm and its trial lots' days.
    pub(super) trial: Option<(usize, Vec<f64>)>,
}

/// The story of a buyer: onsets placed after 18 months of history and early enough for the loss to
/// show inside the data; a rival to gain is added to the buyer's suppliers when needed.
pub(super) fn story_of(
    world: &World,
    rng: &mut Rng,
    behaviour: Option<Behaviour>,
    renewals: &[f64],
    slots: &mut Vec<usize>,
    prefs: &mut Vec<f64>,
) -> Story {
    use Behaviour as B;
    let m18 = month_start(18);
    let mut onset = None;
    let mut gainer = 0;
    let mut level = Level::Flat;
    let mut thinning = None;
    let mut cutoff = None;
    let mut drift_from = None;
    let mut switch = None;
    let mut trial_window = None;
    let mut dip_ours = None;
    let mut trial = None;
    // A rival already supplying the customer takes what we lose (or a new one when there is none).
    let existing = |rng: &mut Rng, slots: &mut Vec<usize>, prefs: &mut Vec<f64>| {
        if slots.len() > 1 {
            return rng.random_range(1..slots.len());
        }
        let f = pick_rival(world, rng, slots, false).unwrap_or(1);
        slots.push(f);
        prefs.push(world.firms[f].popularity);
        slots.len() - 1
    };
    match behaviour {
        Some(B::ShareDrift) => {
            // The first cut comes at a renewal between April and October 2023.
            let window: Vec<usize> = (0..renewals.len()).filter(|&r| renewals[r] >= m18 && renewals[r] < month_start(24)).collect();
            let first = renewals.iter().position(|d| *d >= m18).unwrap_or(renewals.len() - 1);
            let r0 = if window.is_empty() { first } else { window[rng.random_range(0..window.len())] };
            drift_from = Some(r0);
            onset = Some(renewals[r0]);
            let f = if chance(rng, 0.7) { pick_rival(world, rng, &[], true) } else { None };
            let f = f.or_else(|| pick_rival(world, rng, &[], false)).unwrap_or(1);
            gainer = match slots.iter().position(|s| *s == f) {
                Some(g) => g,
                None => {
                    slots.push(f);
                    prefs.push(world.firms[f].popularity * uni(rng, 0.3, 1.0));
                    slots.len() - 1
                }
            };
        }
        Some(B::TrialThenSwitch) => {
            let trial_days = uni(rng, 2.0, 5.0) * MONTH;
            let window: Vec<usize> =
                (0..renewals.len()).filter(|&r| renewals[r] >= m18 + trial_days && renewals[r] <= month_start(39)).collect();
            let r = if window.is_empty() { renewals.len() - 1 } else { window[rng.random_range(0..window.len())] };
            let begin = (renewals[r] - trial_days).floor();
            onset = Some(begin);
            let declared = chance(rng, 0.6);
            let f = pick_rival(world, rng, slots, declared).unwrap_or(1);
            slots.push(f);
            prefs.push(0.0);
            gainer = slots.len() - 1;
            switch = Some((r, uni(rng, 0.08, 0.35)));
            trial_window = Some((begin, renewals[r], uni(rng, 0.06, 0.15)));
        }
        Some(B::Shrinking) => {
            // Onsets late enough for 18 months of history, early enough to halve inside the data.
            let months_to_half = if chance(rng, 0.55) {
                let rate = uni(rng, 0.10, 0.30);
                level = Level::ShrinkRate { onset: 0.0, rate };
                3.0 * 0.5f64.ln() / (1.0 - rate).ln()
            } else {
                let floor = uni(rng, 0.3, 0.55);
                level = Level::ShrinkYear { onset: 0.0, floor };
                if floor < 0.5 { 6.0 / (1.0 - floor) } else { 12.0 + 12.0 * (0.5 / floor).ln() / 0.8f64.ln() }
            };
            let day = (m18 + uni(rng, 0.0, (45.0 - months_to_half - 4.0 - 18.0).max(1.0)) * MONTH).floor();
            onset = Some(day);
            if let Level::ShrinkRate { onset, .. } | Level::ShrinkYear { onset, .. } = &mut level {
                *onset = day;
            }
        }
        Some(B::RhythmThinning) => {
            let ramp = uni(rng, 6.0, 15.0);
            let pmax = uni(rng, 0.75, 0.95);
            let day = (m18 + uni(rng, 0.0, (44.0 - ramp * 0.65 / pmax - 3.0 - 18.0).max(1.0)) * MONTH).floor();
            onset = Some(day);
            let to = existing(rng, slots, prefs);
            thinning = Some(Thinning { onset: day, ramp: ramp * MONTH, pmax, to });
        }
        Some(B::AbruptLoss) => {
            let mut day = uni(rng, m18, month_start(42)).floor();
            // Mid-period: the contract is ended, not left to run out at a renewal.
            if renewals.iter().any(|r| (day - r).abs() < 20.0) {
                day += 35.0;
            }
            onset = Some(day);
            cutoff = Some(day);
            gainer = existing(rng, slots, prefs);
        }
        Some(B::Dip) => {
            let begin = uni(rng, month_start(6), month_start(40));
            let end = begin + uni(rng, 70.0, 180.0);
            let depth = uni(rng, 0.3, 0.7);
            if chance(rng, 0.7) {
                level = Level::Dip { start: begin, end, depth };
            } else {
                // Our deliveries falter for a while and a rival covers; we are back at full share after.
                gainer = existing(rng, slots, prefs);
                dip_ours = Some((begin, end, depth));
            }
        }
        Some(B::Growth) => {
            level = Level::Growth { t0: uni(rng, month_start(4), month_start(34)), ramp: uni(rng, 120.0, 365.0), g: uni(rng, 2.0, 4.0) };
        }
        Some(B::TrialLeaves) => {
            if let Some(f) = pick_rival(world, rng, slots, false) {
                let mut day = uni(rng, month_start(6), month_start(44));
                let lots = (0..rng.random_range(1..=3))
                    .map(|_| {
                        let d = day;
                        day += uni(rng, 20.0, 60.0);
                        d
                    })
                    .collect();
                trial = Some((f, lots));
            }
        }
        _ => {}
    }

    Story { onset, gainer, level, thinning, cutoff, drift_from, switch, trial_window, dip_ours, trial }
}

/// The contracted shares over time: at every renewal ours wanders within ±10% of itself and the
/// rivals split the rest by preferences that move; the stories' steps come on top, and mid-period
/// changes (a terminated contract, a trial, a spell of cover) add segments of their own.
pub(super) fn segments(rng: &mut Rng, story: &Story, renewals: &[f64], cadence: i32, s0: f64, ours: bool, prefs: &[f64]) -> Vec<Seg> {
    let Story { gainer, cutoff, drift_from, switch, trial_window, dip_ours, .. } = *story;
    let mut renewal_shares = Vec::with_capacity(renewals.len());
    let mut wander = 0.0;
    let mut moves = vec![0.0; prefs.len()];
    let mut cut = 0.0;
    let mut keep = switch.map_or(1.0, |s| s.1);
    let first_rival = usize::from(ours);
    for r in 0..renewals.len() {
        wander = (0.5 * wander + 0.06 * normal(rng)).clamp(-0.1, 0.1);
        for m in moves.iter_mut() {
            *m = 0.8 * *m + 0.25 * normal(rng);
        }
        let weights: Vec<f64> = (0..prefs.len()).map(|j| if j < first_rival { 0.0 } else { prefs[j] * moves[j].exp() }).collect();
        let rival_sum: f64 = weights.iter().sum();
        let our = if !ours {
            0.0
        } else if rival_sum <= 0.0 {
            1.0
        } else {
            (s0 * (1.0 + wander)).min(1.0)
        };
        let mut shares: Vec<f64> = weights.iter().map(|w| if rival_sum > 0.0 { (1.0 - our) * w / rival_sum } else { 0.0 }).collect();
        if ours {
            shares[0] = our;
        }
        if drift_from.is_some_and(|r0| r >= r0) {
            // 3–10 points per half year, in one step at the renewal.
            cut += uni(rng, 0.03, 0.10) * f64::from(cadence) / 6.0;
            let new = (our - cut).max(0.02);
            transfer(&mut shares, gainer, our - new);
        }
        if let Some((r_switch, _)) = switch.filter(|s| r >= s.0) {
            if r > r_switch {
                keep *= uni(rng, 0.5, 1.0);
            }
            transfer(&mut shares, gainer, our * (1.0 - keep));
        }
        renewal_shares.push(shares);
    }
    // Segments: renewals, plus the days a story or a dip changes the shares mid-period.
    let mut breaks = renewals.to_vec();
    breaks.extend(cutoff);
    if let Some((a, _, _)) = trial_window {
        breaks.push(a);
    }
    if let Some((a, b, _)) = dip_ours {
        breaks.extend([a, b]);
    }
    breaks.sort_by(f64::total_cmp);
    breaks.dedup();
    breaks
        .iter()
        .map(|&b| {
            let r = renewals.iter().rposition(|d| *d <= b).unwrap_or(0);
            let mut shares = renewal_shares[r].clone();
            if cutoff.is_some_and(|c| b >= c) {
                let rivals: f64 = shares[1..].iter().sum();
                let ourshare = shares[0];
                shares[0] = 0.0;
                if rivals > 0.0 {
                    shares[1..].iter_mut().for_each(|s| *s *= 1.0 + ourshare / rivals);
                } else {
                    shares[gainer] = ourshare;
                }
            }
            if let Some((_, _, tau)) = trial_window.filter(|w| b >= w.0 && b < w.1) {
                let amount = shares[0] * tau;
                transfer(&mut shares, gainer, amount);
            }
            if let Some((_, _, depth)) = dip_ours.filter(|w| b >= w.0 && b < w.1) {
                let amount = shares[0] * depth;
                transfer(&mut shares, gainer, amount);
            }
            Seg { start: b, shares }
        })
        .collect()
}

/// A rival not among `exclude` (a declared one when `declared` and there is any), by popularity.
pub(super) fn pick_rival(world: &World, rng: &mut Rng, exclude: &[usize], declared: bool) -> Option<usize> {
    let weights: Vec<f64> = world
        .firms
        .iter()
        .enumerate()
        .map(|(i, f)| if i == US || exclude.contains(&i) || (declared && !f.declared) { 0.0 } else { f.popularity })
        .collect();
    weighted(rng, &weights).or_else(|| if declared { pick_rival(world, rng, exclude, false) } else { None })
}

/// Moves `amount` of share from us (slot 0) to slot `to`.
fn transfer(shares: &mut [f64], to: usize, amount: f64) {
    let amount = amount.clamp(0.0, shares[0]);
    shares[0] -= amount;
    shares[to] += amount;
}
