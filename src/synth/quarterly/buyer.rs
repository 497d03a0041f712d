//! One buyer's shipments from its behaviour's formulas: category spend, our share and the rivals'
//! split per quarter, the story's term from its onset, other products, cut into lots.

use super::draw::{noise, normal};
use super::*;

/// Makes one buyer's shipments; `beh` is its behaviour as our customer, `None` for a background
/// importer that never buys from us. Returns the onset day of a story.
pub(super) fn buyer(out: &mut Out, rng: &mut Rng, beh: Option<Behaviour>) -> Option<NaiveDate> {
    use Behaviour::*;
    let w = out.w;
    let story = beh.is_some_and(Behaviour::is_story);
    // Category spend per quarter: base × season × trend × noise (sizes skewed to the small end).
    let annual = match beh {
        Some(Thin) => uni(rng, 2_500.0, 14_000.0),
        _ => 20_000.0 * 150f64.powf(rng.random::<f64>().powf(1.7)),
    };
    // Stories get a milder season, so the loss and not a trough marks their event quarter.
    let amp = if rng.random_bool(0.25) { 0.0 } else { uni(rng, 0.05, if story { 0.35 } else { 0.5 }) };
    let peak = rng.random_range(0..4) as f64;
    let growth = uni(rng, -0.03, 0.07);
    let trend = |q: usize| (1.0 + growth).powf(q as f64 / 4.0);
    let season = |q: usize| 1.0 + amp * (TAU * (q as f64 - peak) / 4.0).cos();
    let (mut cat, mut base) = ([0.0; MONTHS], [0.0; MONTHS]);
    for q in 0..QUARTERS {
        let value = annual / 4.0 * season(q) * trend(q) * noise(rng, 0.07, 0.15);
        let split = [uni(rng, 0.8, 1.2), uni(rng, 0.8, 1.2), uni(rng, 0.8, 1.2)];
        for (j, s) in split.iter().enumerate() {
            (cat[3 * q + j], base[3 * q + j]) = (value * s / split.iter().sum::<f64>(), annual / 12.0 * trend(q));
        }
    }
    // Our share per quarter: a level plus a bounded wander (±10% of itself).
    let s0 = match beh {
        None => 0.0,
        Some(TrialThenSwitch) => uni(rng, 0.88, 0.97),
        Some(Thin) => uni(rng, 0.55, 0.95),
        Some(_) => uni(rng, 0.35, 0.9),
    };
    let (mut pre, mut wander) = ([0.0; MONTHS], 0.0);
    for q in 0..QUARTERS {
        wander = (0.6 * wander + 0.05 * normal(rng)).clamp(-0.1, 0.1);
        pre[3 * q..3 * q + 3].fill((s0 * (1.0 + wander)).min(0.98));
    }
    // Rivals (1–4; 1–3 for background importers) with weights that wander per quarter.
    let count = if beh.is_some() { [1, 1, 2, 2, 2, 3, 3, 4][rng.random_range(0..8)] } else { rng.random_range(1..=3) };
    let (mut rivals, mut weights) = (Vec::new(), Vec::new());
    for _ in 0..count {
        new_rival(rng, w, &mut rivals, &mut weights);
        let (level, mut walk) = (uni(rng, 0.3, 1.0), 0.0);
        if let Some(last) = weights.last_mut() {
            for v in last.iter_mut() {
                walk = (walk + 0.12 * normal(rng)).clamp(-0.5, 0.5);
                *v = level * f64::exp(walk);
            }
        }
    }
    // The buyer's mix of our codes (1–3 of them), shared by every category supplier.
    let mut codes: Vec<(u32, f64, f64)> = Vec::new();
    for _ in 0..rng.random_range(1..=3) {
        let (code, price) = OUR_CODES[rng.random_range(0..OUR_CODES.len())];
        if !codes.iter().any(|c| c.0 == code) {
            codes.push((code, uni(rng, 0.2, 1.0), price));
        }
    }
    let lot = (annual / 25.0).clamp(1_500.0, 40_000.0) * uni(rng, 0.7, 1.3);

    // The behaviour's term: on the share, on the whole business, or as lots of its own.
    let (mut share, mut mult) = (pre, [1.0; MONTHS]);
    // Who gets the share we lose (a rival's index), and the story's onset month.
    let (mut taker, mut onset): (Option<usize>, Option<usize>) = (None, None);
    // Trial lots (rival, month, USD) and our own lots (month as a fraction, USD) when lots make the behaviour.
    let mut trials: Vec<(usize, usize, f64)> = Vec::new();
    let mut our_lots: Vec<(f64, f64)> = Vec::new();
    let late = story && rng.random_bool(0.08);
    let since = |m: usize, o: usize| m / 3 - o / 3;
    match beh {
        Some(ShareDrift) => {
            // d points a quarter to one competitor, from the onset down to a floor.
            let (mut d, mut quarters) = (0.0, 0);
            for _ in 0..30 {
                d = uni(rng, 0.03, 0.10);
                quarters = (s0 / (2.0 * d)).ceil() as usize + 1;
                if quarters <= 9 {
                    break;
                }
            }
            let o = onset_month(rng, late, quarters);
            let floor = s0 * uni(rng, 0.0, 0.3);
            taker =
                Some(if rng.random_bool(0.6) { rng.random_range(0..rivals.len()) } else { new_rival(rng, w, &mut rivals, &mut weights) });
            for m in o..MONTHS {
                share[m] = (pre[m] - d * (since(m, o) + 1) as f64).max(floor.min(pre[m]));
            }
            onset = Some(o);
        }
        Some(TrialThenSwitch) => {
            // A new rival ships small trial lots for 2–6 months, then takes most of the business.
            let trial = rng.random_range(2..=6);
            let kept = uni(rng, 0.0, 0.3);
            let o = onset_month(rng, late, (trial + 4) / 3 + 1);
            let t = new_rival(rng, w, &mut rivals, &mut weights);
            let mut m = o;
            while m < o + trial {
                trials.push((t, m, base[m] * uni(rng, 0.04, 0.12)));
                m += rng.random_range(1..=2);
            }
            for m in o + trial..MONTHS {
                share[m] = pre[m] * if m == o + trial { (1.0 + kept) / 2.0 } else { kept };
            }
            (taker, onset) = (Some(t), Some(o));
        }
        Some(Shrinking) => {
            // All products shrink: compounding 10–30% a quarter, or year on year −20/−35/−50/−60%.
            let (compound, rate, floor) = (rng.random_bool(0.6), uni(rng, 0.7, 0.9), uni(rng, 0.05, 0.35));
            let quarters = if compound { (0.45f64.ln() / rate.ln()).ceil() as usize + 1 } else { 5 };
            let o = onset_month(rng, late, quarters);
            for (m, v) in mult.iter_mut().enumerate().skip(o) {
                let i = since(m, o);
                *v = if compound {
                    rate.powi(i as i32 + 1).max(floor)
                } else {
                    [0.8, 0.65, 0.5, 0.4].get(i).copied().unwrap_or(0.4 * 0.93f64.powi(i as i32 - 3)).max(0.2)
                };
            }
            onset = Some(o);
        }
        Some(RhythmThinning) => {
            // Our lots keep their size while the gaps between them grow by ×1.3–1.7 each time.
            let (gap, stretch) = (uni(rng, 0.7, 1.5), uni(rng, 1.3, 1.7));
            let o = onset_month(rng, late, 4);
            let (mut t, mut k) = (uni(rng, 0.0, gap), 0);
            while t < MONTHS as f64 {
                let m = t as usize;
                our_lots.push((t, s0 * base[m] * gap * uni(rng, 0.92, 1.08)));
                if m >= o {
                    k += 1;
                }
                t += gap * stretch.powi(k) * uni(rng, 0.9, 1.1);
            }
            onset = Some(o);
        }
        Some(AbruptLoss) => {
            // Nothing more from us from the onset month; the main rival (or a new one) takes it.
            let o = onset_month(rng, late, 1);
            let main = (0..rivals.len()).max_by(|&a, &b| weights[a][0].total_cmp(&weights[b][0])).unwrap_or(0);
            taker = Some(if rng.random_bool(0.7) { main } else { new_rival(rng, w, &mut rivals, &mut weights) });
            share[o..].fill(0.0);
            onset = Some(o);
        }
        Some(Dip) => {
            // One or two quarters 30–70% down (the whole category, or only ours), then back.
            let (q0, len, depth, total) = (rng.random_range(3..=13), rng.random_range(1..=2), uni(rng, 0.3, 0.7), rng.random_bool(0.5));
            for m in 3 * q0..3 * (q0 + len) {
                if total {
                    mult[m] = 1.0 - depth;
                } else {
                    share[m] = pre[m] * (1.0 - depth);
                }
            }
        }
        Some(Growth) => {
            // ×2–4 reached within 2–4 quarters, then held.
            let (q0, len, target) = (rng.random_range(3..=11), rng.random_range(2..=4), uni(rng, 2.0, 4.0));
            for (m, v) in mult.iter_mut().enumerate() {
                *v = 1.0 + (target - 1.0) * ((m / 3 + 1) as f64 - q0 as f64).clamp(0.0, len as f64) / len as f64;
            }
        }
        Some(TrialLeaves) => {
            // A new supplier ships 1–3 small lots a month or two apart, then never again.
            let t = new_rival(rng, w, &mut rivals, &mut weights);
            let mut m = rng.random_range(6..=40);
            for _ in 0..rng.random_range(1..=3) {
                trials.push((t, m, (base[m] * uni(rng, 0.05, 0.2)).max(400.0)));
                m += rng.random_range(1..=2);
            }
        }
        Some(Steady | Lumpy | Thin) | None => {}
    }
    for (c, f) in cat.iter_mut().zip(mult) {
        *c *= f;
    }

    // Category shipments: per-month values per supplier, or whole lots.
    let our_party = w.us;
    let riv_party: Vec<Party> = rivals.iter().map(|&i| w.rivals[i].0).collect();
    let wsum = |q: usize| weights.iter().map(|x| x[q]).sum::<f64>().max(1e-9);
    match beh {
        Some(Lumpy) => {
            // 1–3 lots a year near the same months (± ~3 weeks, sometimes a month off).
            let k = rng.random_range(1..=3);
            let a0 = uni(rng, 0.0, 12.0);
            for y in 0..4 {
                for j in 0..k {
                    let shift = if rng.random_bool(0.2) { uni(rng, -1.0, 1.0) } else { 0.0 };
                    let t = (a0 + 12.0 * j as f64 / k as f64 + uni(rng, -0.7, 0.7) + shift).rem_euclid(12.0) + 12.0 * y as f64;
                    let m = t as usize;
                    let value = annual / k as f64 * trend(m / 3) * noise(rng, 0.1, 0.2);
                    out.ship(rng, day_of(m, t.fract()), our_party, &codes, value * share[m]);
                    for (r, party) in riv_party.iter().enumerate() {
                        let frac = (t.fract() + uni(rng, -0.3, 0.3)).clamp(0.0, 0.99);
                        let part = value * (1.0 - share[m]) * weights[r][m / 3] / wsum(m / 3);
                        out.ship(rng, day_of(m, frac), *party, &codes, part);
                    }
                }
            }
        }
        Some(Thin) => {
            // About every other quarter a small lot from us; now and then one from a rival.
            for q in 0..QUARTERS {
                if rng.random_bool(0.55) {
                    let m = 3 * q + rng.random_range(0..3);
                    let usd = annual * s0 / 4.0 / 0.55 * uni(rng, 0.5, 1.5);
                    out.ship_in(rng, m, our_party, &codes, usd);
                }
                if rng.random_bool(0.3) {
                    let m = 3 * q + rng.random_range(0..3);
                    let usd = annual * (1.0 - s0) / 4.0 / 0.3 * uni(rng, 0.5, 1.5);
                    out.ship_in(rng, m, riv_party[0], &codes, usd);
                }
            }
        }
        _ => {
            let mut ours = [0.0; MONTHS];
            let mut theirs = vec![[0.0; MONTHS]; rivals.len()];
            for (t, usd) in &our_lots {
                ours[*t as usize] += usd;
            }
            for m in 0..MONTHS {
                let q = m / 3;
                let rest = if our_lots.is_empty() {
                    ours[m] = cat[m] * share[m];
                    cat[m] * (1.0 - if taker.is_some() { pre[m] } else { share[m] })
                } else {
                    // Our lots are fixed: the rivals get the rest of the quarter's category.
                    let (cq, oq): (f64, f64) = (cat[3 * q..3 * q + 3].iter().sum(), ours[3 * q..3 * q + 3].iter().sum());
                    (cq - oq).max(0.15 * cq) * cat[m] / cq
                };
                for (r, v) in theirs.iter_mut().enumerate() {
                    v[m] = rest * weights[r][q] / wsum(q);
                }
                if let Some(t) = taker {
                    theirs[t][m] += cat[m] * (pre[m] - share[m]).max(0.0);
                }
            }
            if our_lots.is_empty() {
                out.series(rng, &ours, lot, our_party, &codes);
            } else {
                for (t, usd) in &our_lots {
                    out.ship(rng, day_of(*t as usize, t.fract()), our_party, &codes, *usd);
                }
            }
            for (r, v) in theirs.iter().enumerate() {
                out.series(rng, v, lot, riv_party[r], &codes);
            }
        }
    }
    for (r, m, usd) in trials {
        out.ship_in(rng, m, riv_party[r], &codes, usd);
    }

    // Other products (0–4 lines) from other suppliers: their own season, the buyer's trend and its
    // whole-business term (growth, shrinking).
    let lines = if beh.is_some() { [0, 1, 1, 2, 2, 2, 3, 4][rng.random_range(0..8)] } else { rng.random_range(0..=2) };
    let mut used = Vec::new();
    for _ in 0..lines {
        let k = rng.random_range(0..w.others.len());
        if used.contains(&k) {
            continue;
        }
        used.push(k);
        let (party, code, price) = w.others[k];
        let (ratio, amp, peak) = (uni(rng, 0.08, 1.2), uni(rng, 0.0, 0.4), rng.random_range(0..4) as f64);
        let mut vals = [0.0; MONTHS];
        for q in 0..QUARTERS {
            let level = annual * ratio / 4.0 * (1.0 + amp * (TAU * (q as f64 - peak) / 4.0).cos()) * trend(q) * noise(rng, 0.1, 0.2);
            for j in 0..3 {
                // A dip is in the category only; growth and shrinking are the whole business.
                let whole = if beh == Some(Dip) { 1.0 } else { mult[3 * q + j] };
                vals[3 * q + j] = level / 3.0 * uni(rng, 0.8, 1.2) * whole;
            }
        }
        let line_lot = (annual * ratio / 20.0).clamp(1_000.0, 40_000.0);
        out.series(rng, &vals, line_lot, party, &[(code, 1.0, price)]);
    }
    onset.map(|o| day_of(o, 0.0))
}
