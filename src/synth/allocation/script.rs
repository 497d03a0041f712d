//! What each behaviour does to a customer's demand and utilities, month by month, and when its
//! story begins.

use super::draw::{logit, normal, uniform};
use super::{Behaviour, EARLIEST_ONSET, MONTHS};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// What a behaviour does to one customer, month by month.
pub(super) struct Script {
    /// Demand multiplier (all products).
    pub(super) level: [f64; MONTHS],
    /// Added to our utility: a shift of the logit of our share.
    pub(super) us_shift: [f64; MONTHS],
    /// False when we are out of the choice set.
    pub(super) us_in: [bool; MONTHS],
    /// Added to the utility of the first rival (the one a drift goes to).
    pub(super) boost: [f64; MONTHS],
    /// The entrant's share (0: not in the set).
    pub(super) entrant: [f64; MONTHS],
    /// Before this month the entrant ships trial lots (all it has, in one lot).
    pub(super) trial_end: usize,
    /// The month the story begins (stories only).
    pub(super) onset: Option<usize>,
}

/// The script of one customer whose share of us is `s0` at first.
pub(super) fn script(rng: &mut ChaCha8Rng, behaviour: Option<Behaviour>, s0: f64) -> Script {
    let mut s = Script {
        level: [1.0; MONTHS],
        us_shift: [0.0; MONTHS],
        us_in: [true; MONTHS],
        boost: [0.0; MONTHS],
        entrant: [0.0; MONTHS],
        trial_end: 0,
        onset: None,
    };
    match behaviour {
        Some(Behaviour::Dip) => {
            let depth = uniform(rng, 0.3, 0.7);
            let len = if rng.random_bool(0.6) { 3 } else { 6 };
            let start = rng.random_range(3..12usize) * 3 + if rng.random_bool(0.5) { 0 } else { rng.random_range(1..3) };
            // Half the dips are the customer's (all its purchases), half ours (rivals fill in).
            let ours = s0 < 0.99 && rng.random_bool(0.5);
            for m in start..start + len {
                if ours {
                    s.us_shift[m] = logit(s0 * (1.0 - depth)) - logit(s0);
                } else {
                    s.level[m] = 1.0 - depth;
                }
            }
        }
        Some(Behaviour::Growth) => {
            let (g, start, dur) = (uniform(rng, 2.0, 4.0), rng.random_range(4..30usize), uniform(rng, 6.0, 12.0));
            for m in start..MONTHS {
                let t = ((m - start) as f64 / dur).min(1.0);
                s.level[m] = g.powf(t * t * (3.0 - 2.0 * t));
            }
        }
        Some(Behaviour::TrialLeaves) => {
            let (start, len, share) = (rng.random_range(6..44usize), rng.random_range(1..=3usize), uniform(rng, 0.03, 0.1));
            s.entrant[start..start + len].fill(share);
            s.trial_end = start + len;
        }
        Some(Behaviour::ShareDrift) => {
            // 3–10 points a quarter, fast enough that our share halves within seven quarters.
            let rate = uniform(rng, (s0 / 14.0).max(0.03), 0.10);
            let floor = uniform(rng, 0.02, 0.15).min(0.3 * s0);
            let onset = onset(rng, (3.0 * s0 / (2.0 * rate)).ceil() as usize);
            let pull = uniform(rng, 0.3, 1.0);
            for m in onset..MONTHS {
                let target = (s0 - rate * (m + 1 - onset) as f64 / 3.0).max(floor);
                s.us_shift[m] = logit(target) - logit(s0);
                s.boost[m] = -pull * s.us_shift[m];
            }
            s.onset = Some(onset);
        }
        Some(Behaviour::TrialThenSwitch) => {
            let (trial, ramp) = (rng.random_range(2..=5usize), rng.random_range(1..=2usize));
            let (tau, phi) = (uniform(rng, 0.03, 0.10), uniform(rng, 0.6, 0.9));
            let onset = onset(rng, trial + ramp);
            for m in onset..MONTHS {
                let k = m - onset;
                s.entrant[m] = if k < trial {
                    tau
                } else if k + 1 < trial + ramp {
                    (tau + phi) / 2.0
                } else {
                    phi
                };
            }
            s.trial_end = onset + trial;
            s.onset = Some(onset);
        }
        Some(Behaviour::Shrinking) => {
            // 10–30% a quarter compounding, sometimes accelerating, down to a floor.
            let k = -(1.0 - uniform(rng, 0.10, 0.30)).ln() / 3.0;
            let (acc, floor) = (uniform(rng, 0.0, 1.0), uniform(rng, 0.08, 0.3));
            let onset = onset(rng, (0.8 / k) as usize);
            for m in onset..MONTHS {
                let t = (m + 1 - onset) as f64;
                s.level[m] = (-k * t * (1.0 + acc * t / 24.0)).exp().max(floor);
            }
            s.onset = Some(onset);
        }
        Some(Behaviour::RhythmThinning) => {
            // The chance that we are in the month's choice falls from 1 to a floor over a span.
            let (span, least) = (uniform(rng, 6.0, 15.0), uniform(rng, 0.05, 0.25));
            let onset = onset(rng, (span / 2.0) as usize + 2);
            for m in onset..MONTHS {
                let p = (1.0 - (1.0 - least) * (m + 1 - onset) as f64 / span).max(least);
                s.us_in[m] = m > onset && rng.random_bool(p);
            }
            s.onset = Some(onset);
        }
        Some(Behaviour::AbruptLoss) => {
            let onset = onset(rng, 0);
            s.us_in[onset..].fill(false);
            s.onset = Some(onset);
        }
        _ => {}
    }
    s
}

/// An onset month leaving at least EARLIEST_ONSET months before it and, for most stories, `need`
/// months plus a whole quarter after it, so the loss shows inside the data.
fn onset(rng: &mut ChaCha8Rng, need: usize) -> usize {
    if rng.random_bool(0.07) {
        return rng.random_range(30..=MONTHS - 3); // a late story, whose loss may fall after the data
    }
    rng.random_range(EARLIEST_ONSET..=(MONTHS - 6).saturating_sub(need).max(EARLIEST_ONSET))
}

/// A lumpy buyer's year: one to three lots at about the same months each year (± one month).
pub(super) fn lumpy_months(rng: &mut ChaCha8Rng) -> [f64; MONTHS] {
    let mut out = [0.0; MONTHS];
    let (k, base) = (rng.random_range(1..=3usize), rng.random_range(0..12usize));
    for y in 0..MONTHS / 12 {
        for j in 0..k {
            let m = (y * 12 + (base + j * 12 / k) % 12) as i64 + rng.random_range(-1..=1i64);
            out[m.clamp(0, MONTHS as i64 - 1) as usize] += 12.0 / k as f64 * (0.15 * normal(rng)).exp();
        }
    }
    out
}
