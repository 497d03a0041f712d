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

/// Rival fastener makers: name, origin, declared a competitor, popularity.
const RIVALS: [(&str, &str, bool, f64); 10] = [
    ("Zhejiang Haiyan Bolt Co., Ltd.", "China", true, 1.0),
    ("Jiaxing Sunrise Fasteners Co., Ltd.", "China", false, 0.9),
    ("Hanoi Fastening Industries JSC", "Vietnam", true, 0.7),
    ("Ludhiana Precision Screws Pvt. Ltd.", "India", false, 0.6),
    ("Kaohsiung Screw Works Co., Ltd.", "Taiwan", true, 0.8),
    ("Bursa Civata Sanayi A.S.", "Turkey", false, 0.5),
    ("Viteria Lombarda S.p.A.", "Italy", true, 0.4),
    ("Tianjin Everbright Hardware Co., Ltd.", "China", false, 0.8),
    ("Binh Duong Metal Parts JSC", "Vietnam", false, 0.5),
    ("Chennai Bolt & Nut Ltd.", "India", true, 0.6),
];

/// Suppliers of the other products (related chapter-73 codes we don't make, and unrelated ones).
const OTHERS: [(&str, &str, u32, f64); 12] = [
    ("Hebei Yongnian Wire Nail Co., Ltd.", "China", 731700, 0.9),
    ("Tangshan Metalworks Co., Ltd.", "China", 732690, 2.0),
    ("Cangzhou Pipe Fittings Co., Ltd.", "China", 730799, 2.4),
    ("Anatolia Boru Baglanti A.S.", "Turkey", 730799, 3.0),
    ("Saigon Plastic Components JSC", "Vietnam", 392690, 3.5),
    ("Ningbo Huaxin Plastics Co., Ltd.", "China", 392690, 3.0),
    ("Penang Rubber Seals Sdn. Bhd.", "Malaysia", 401693, 6.0),
    ("Xingtai Sealing Technology Co., Ltd.", "China", 401693, 5.0),
    ("Foshan Oceanland Ceramics Co., Ltd.", "China", 690721, 0.45),
    ("Castellon Tile Export S.L.", "Spain", 690721, 0.7),
    ("Wenzhou Valve Industry Co., Ltd.", "China", 848180, 7.0),
    ("Gujarat Steel Articles Pvt. Ltd.", "India", 732690, 2.2),
];

/// Customer countries, each with a legal form (`country:form|…`), and the words of their names.
const COUNTRIES: &str = "United States:Inc.|United States:LLC|Germany:GmbH|Mexico:S.A. de C.V.|Brazil:Ltda.|Poland:Sp. z o.o.|\
    United Arab Emirates:LLC|Australia:Pty Ltd|United Kingdom:Ltd|Netherlands:B.V.|Chile:SpA|Saudi Arabia:Co.|\
    South Africa:(Pty) Ltd|Canada:Inc.|Italy:S.r.l.";
const FIRST_WORDS: &str = "Atlas|Northern|Pacific|Summit|Keystone|Meridian|Baltic|Andes|Delta|Harbor|Redwood|Granite|Falcon|Orion|\
    Central|Coastal|Prairie|Union|Vanguard|Pioneer|Crown|Sterling|Apex|Horizon|Eagle|Liberty|Nordic|Sierra|Titan|Unity|Western|Capital";
const SECOND_WORDS: &str = "Fastening|Industrial Supply|Hardware|Building Products|Bolt & Nut|Construction Supply|Fixings|\
    Tool & Fastener|Engineering Supply|Trading|Steel Components|Distribution";

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

/// A distinct company name and its country.
fn company_name(rng: &mut Rng, taken: &mut BTreeSet<String>) -> (String, &'static str) {
    let draw = |rng: &mut Rng, list: &'static str| list.split('|').nth(rng.random_range(0..list.split('|').count())).unwrap_or_default();
    let (country, legal) = draw(rng, COUNTRIES).split_once(':').unwrap_or(("United States", "Inc."));
    for attempt in 0.. {
        let (first, second) = (draw(rng, FIRST_WORDS), draw(rng, SECOND_WORDS));
        // After many collisions a branch number keeps the name distinct.
        let name = if attempt < 20 { format!("{first} {second} {legal}") } else { format!("{first} {second} {attempt} {legal}") };
        if taken.insert(name.clone()) {
            return (name, country);
        }
    }
    (String::new(), country)
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

/// A uniform draw in [a, b).
fn uni(rng: &mut Rng, a: f64, b: f64) -> f64 {
    a + (b - a) * rng.random::<f64>()
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (TAU * u2).cos()
}

/// A multiplicative noise term 1 + N(0, sd), bounded to ±cap.
fn noise(rng: &mut Rng, sd: f64, cap: f64) -> f64 {
    1.0 + (sd * normal(rng)).clamp(-cap, cap)
}

/// An index into `items` drawn with probability proportional to `weight`.
fn pick<T>(rng: &mut Rng, items: &[T], weight: impl Fn(&T) -> f64) -> usize {
    let mut x = uni(rng, 0.0, items.iter().map(&weight).sum());
    for (i, item) in items.iter().enumerate() {
        x -= weight(item);
        if x < 0.0 {
            return i;
        }
    }
    items.len().saturating_sub(1)
}

/// A sub-stream seed (splitmix64), so each buyer's draws depend on the seed and its index only.
fn stream(seed: u64, i: u64) -> u64 {
    let mut z = seed.wrapping_add(i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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

/// Makes one buyer's shipments; `beh` is its behaviour as our customer, `None` for a background
/// importer that never buys from us. Returns the onset day of a story.
fn buyer(out: &mut Out, rng: &mut Rng, beh: Option<Behaviour>) -> Option<NaiveDate> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;
    use std::collections::HashMap;
    use std::sync::OnceLock;

    fn one() -> &'static SynthPortfolio {
        static P: OnceLock<SynthPortfolio> = OnceLock::new();
        P.get_or_init(|| generate(1))
    }

    fn two() -> &'static SynthPortfolio {
        static P: OnceLock<SynthPortfolio> = OnceLock::new();
        P.get_or_init(|| generate(2))
    }

    /// Per customer: (our value, category value) per month.
    fn monthly(p: &SynthPortfolio) -> HashMap<CompanyId, [(f64, f64); MONTHS]> {
        let d = &p.dataset;
        let mut out: HashMap<CompanyId, [(f64, f64); MONTHS]> = HashMap::new();
        for s in d.shipments.iter().filter(|s| s.hs6.0 / 100 == 7318) {
            let m = month_index(s.date.day);
            let cell = &mut out.entry(s.buyer).or_insert([(0.0, 0.0); MONTHS])[m];
            cell.1 += s.value.dollars();
            if s.supplier.is_some_and(|id| d.me.contains(&id)) {
                cell.0 += s.value.dollars();
            }
        }
        out
    }

    fn month_index(day: NaiveDate) -> usize {
        ((day.year() - FIRST_YEAR) * 12) as usize + day.month0() as usize
    }

    #[test]
    fn the_same_seed_gives_the_same_portfolio() {
        let sum = |p: &SynthPortfolio| p.dataset.shipments.iter().map(|s| s.value.0).sum::<i64>();
        let (a, b, c) = (one(), generate(1), two());
        assert_eq!((a.dataset.shipments.len(), sum(a)), (b.dataset.shipments.len(), sum(&b)));
        assert_ne!((a.dataset.shipments.len(), sum(a)), (c.dataset.shipments.len(), sum(c)));
        let n = a.dataset.shipments.len();
        assert!((40_000..=150_000).contains(&n), "{n} shipments");
    }

    #[test]
    fn every_customer_of_ours_is_in_the_truth_once_in_the_stated_proportions() {
        let p = one();
        let d = &p.dataset;
        let ours: BTreeSet<CompanyId> =
            d.shipments.iter().filter(|s| s.supplier.is_some_and(|id| d.me.contains(&id))).map(|s| s.buyer).collect();
        let truth: Vec<CompanyId> = p.customers.iter().map(|c| c.id).collect();
        assert_eq!(truth.iter().copied().collect::<BTreeSet<_>>(), ours);
        assert_eq!(truth.len(), ours.len(), "no customer twice");
        assert!((250..=350).contains(&truth.len()));
        for (beh, share) in MIX {
            let n = p.customers.iter().filter(|c| c.behaviour == beh).count();
            let expected = share * truth.len() as f64;
            assert!(n > 0 && (n as f64 - expected).abs() <= 3.0, "{beh:?}: {n} of {}", truth.len());
        }
        let stories = p.customers.iter().filter(|c| c.behaviour.is_story()).count() as f64 / truth.len() as f64;
        assert!((0.25..=0.35).contains(&stories), "{stories}");
        assert!(p.customers.iter().all(|c| c.onset.is_some() == c.behaviour.is_story()));
    }

    #[test]
    fn most_stories_have_their_event_inside_the_data_and_none_before_the_onset() {
        for p in [one(), two()] {
            let seed = p.seed;
            let stories: Vec<_> = p.customers.iter().filter(|c| c.behaviour.is_story()).collect();
            let with_event = stories.iter().filter(|c| c.event.is_some()).count();
            assert!(with_event as f64 >= 0.8 * stories.len() as f64, "seed {seed}: {with_event} of {}", stories.len());
            for c in &stories {
                let onset = c.onset.expect("a story has an onset");
                assert!(onset >= NaiveDate::from_ymd_opt(2022, 7, 1).expect("date"), "18 months of history");
                if let Some(e) = c.event {
                    assert!(Quarter::of(e) >= Quarter::of(onset), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn drifting_customers_hold_their_category_while_our_value_falls() {
        let p = one();
        let months = monthly(p);
        for c in p.customers.iter().filter(|c| c.behaviour == Behaviour::ShareDrift) {
            let (o, v) = (month_index(c.onset.expect("onset")), &months[&c.id]);
            let before = |k: usize| v[o.saturating_sub(12)..o].iter().map(|x| if k == 0 { x.0 } else { x.1 }).sum::<f64>();
            let last = |k: usize| v[36..].iter().map(|x| if k == 0 { x.0 } else { x.1 }).sum::<f64>();
            let ratio = last(1) / before(1);
            assert!((0.7..=1.3).contains(&ratio), "{:?}: category ×{ratio:.2}", c.id);
            assert!(last(0) < before(0), "{:?}: our value did not fall", c.id);
        }
    }

    #[test]
    fn steady_growing_and_trial_customers_never_fall_below_half_of_their_first_year() {
        let p = one();
        let months = monthly(p);
        let kept = [Behaviour::Steady, Behaviour::Growth, Behaviour::TrialLeaves];
        for c in p.customers.iter().filter(|c| kept.contains(&c.behaviour)) {
            let v = &months[&c.id];
            let year = |y: usize| v[12 * y..12 * y + 12].iter().map(|x| x.0).sum::<f64>();
            assert!((1..4).all(|y| year(y) >= 0.5 * year(0)), "{:?}: {:?}", c.id, (0..4).map(year).collect::<Vec<_>>());
        }
    }
}
