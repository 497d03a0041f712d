//! The portfolio: some three hundred procedurally drawn customers that buy from us, each acting out
//! one story kind with an onset of its own, so a month-end replay of the health checks can be scored
//! against what was planted.
//!
//! Profiles (name, country, size, shares, suppliers, onset and the parameters of the kind) come
//! from one stream of the seed and do not depend on the rows wanted; each customer's purchases are
//! drawn in `course.rs` from a stream of its own.

use std::ops::RangeInclusive;

use rand::RngExt;

use super::StoryKind::{self, *};
use super::catalog::{
    BOSPHORUS, COMPETITORS, DRILLS, FURNITURE, GRANDTILE, HINGES, PLASTICS, PRODUCTS, SASSUOLO, SCREWDRIVERS, SPANNERS, TILES, WOODCRAFT,
};
use super::customers::{BOLTS_NUTS, Extra, FULL, Mix, SCREWS_HEAVY};
use super::market::pick_country;
use super::names::NameBook;
use super::rng::{self, DemoRng};

/// How many portfolio customers act out each kind, in the order they are drawn.
pub(crate) const COUNTS: [(StoryKind, usize); 12] = [
    (Steady, 150),
    (Seasonal, 30),
    (Lumpy, 20),
    (Thin, 25),
    (Wandering, 20),
    (TrialLeaves, 15),
    (FastGrower, 10),
    (ShareSlide, 14),
    (TrialThenMove, 6),
    (Shrinking, 10),
    (RhythmThinning, 8),
    (Lost, 5),
];

/// Fastener makers other than us a portfolio customer may buy from.
const RIVALS: [usize; 6] = [COMPETITORS[0], COMPETITORS[1], COMPETITORS[2], COMPETITORS[3], COMPETITORS[4], BOSPHORUS];
/// Goods outside our catalog bought now and then, all from makers that are not our competitors.
const EXTRA_GOODS: [usize; 5] = [HINGES, SCREWDRIVERS, SPANNERS, DRILLS, PLASTICS];

/// The plan of one portfolio customer, with the parameters of its kind.
pub(crate) enum Course {
    /// Monthly, shares fixed, quarterly demand noise only.
    Steady,
    /// Monthly; the fourth quarter about twice the second.
    Seasonal,
    /// Calendar months (2-11) of its yearly lots, each arriving a month early or late at times.
    Lumpy { lots: Vec<u32> },
    /// A few small lots a year.
    Thin,
    /// Our share jumps around its level each quarter; the minor suppliers of `pool` take turns for
    /// `period` quarters each, at `minor` of the spend.
    Wandering { pool: Vec<usize>, period: usize, minor: f64 },
    /// `newcomer` ships trial lots in the months `lots` after the onset, each `fraction` of a month.
    TrialLeaves { newcomer: usize, lots: Vec<usize>, fraction: f64 },
    /// Purchases reach `target` times their old level six months after the onset.
    FastGrower { target: f64 },
    /// Our share slides to `low` over `months` from the onset; `taker` gains what we lose.
    ShareSlide { taker: usize, months: usize, low: f64 },
    /// `taker` ships `fraction` of a month for `trial` months from the onset (not in month `skip`
    /// after it), then takes everything we had but `left`.
    TrialThenMove { taker: usize, trial: usize, skip: Option<usize>, fraction: f64, left: f64 },
    /// The whole business falls by `rate` a quarter from the onset and stops `closes_after` months
    /// after it.
    Shrinking { rate: f64, closes_after: usize },
    /// From the onset we deliver only in the months `orders` after it; the rivals take the rest.
    RhythmThinning { orders: Vec<usize> },
    /// From the month after the onset `taker` gets everything we sold.
    Lost { taker: usize },
}

/// A customer of the portfolio.
pub(crate) struct Member {
    /// Canonical spelling in the buyer column.
    pub name: String,
    /// A second spelling (punctuation only), used for every fourth order.
    pub alias: Option<String>,
    /// Country in English capitals.
    pub country: &'static str,
    /// The one port its goods arrive at.
    pub port: &'static str,
    /// The story kind acted out.
    pub kind: StoryKind,
    /// Month of the span the planted change starts; `None` for quiet kinds.
    pub onset: Option<usize>,
    /// The plan with its parameters.
    pub course: Course,
    /// Yearly spend on our catalog codes from all suppliers before any change, USD.
    pub wallet: f64,
    /// Our usual share of that spend.
    pub share: f64,
    /// Suppliers of the rest, splitting it evenly.
    pub rivals: Vec<usize>,
    /// Product mix of its catalog purchases.
    pub mix: Mix,
    /// What else it buys, from others.
    pub extras: Vec<Extra>,
    /// Half-width of its quarterly demand noise.
    pub spread: f64,
}

/// Every portfolio customer of a seed, drawing their names from `names` (which then holds them).
pub(crate) fn draw(seed: u64, names: &mut NameBook) -> Vec<Member> {
    let mut rng = rng::stream(seed, rng::PORTFOLIO_STREAM);
    let mut out = Vec::with_capacity(COUNTS.iter().map(|(_, n)| n).sum());
    for (kind, count) in COUNTS {
        for _ in 0..count {
            out.push(Member::draw(&mut rng, names, kind));
        }
    }
    out
}

impl Member {
    /// A random customer of `kind`.
    fn draw(rng: &mut DemoRng, names: &mut NameBook, kind: StoryKind) -> Self {
        let country = pick_country(rng);
        let (core, form) = names.draw_parts(rng, country);
        let monthly = !matches!(kind, Lumpy | Thin);
        let alias = (monthly && rng.random_bool(0.1)).then(|| format!("{core}, {form}."));
        let port = country.ports[rng.random_range(0..country.ports.len())];
        let wallet = match kind {
            FastGrower => rng.random_range(30e3f64.ln()..120e3f64.ln()).exp(),
            Thin => 0.0,
            _ => (245e3 * (0.75 * normal(rng)).exp()).clamp(30e3, 2e6),
        };
        let (low, high) = match kind {
            Wandering => (0.5, 0.75),
            ShareSlide => (0.78, 0.88),
            TrialThenMove => (0.9, 1.0),
            Lumpy => (0.85, 1.0),
            Thin => (1.0, 1.0),
            FastGrower | Shrinking | RhythmThinning => (0.6, 0.9),
            _ => (0.6, 0.95),
        };
        let mut share = rng.random_range(low..=high);
        if share > 0.97 {
            share = 1.0;
        }
        let mut rivals = vec![RIVALS[rng.random_range(0..RIVALS.len())]];
        if kind != Wandering && rng.random_bool(0.3) {
            rivals.push(other_than(rng, &rivals, true));
        }
        if share >= 1.0 {
            rivals.clear();
        }
        let mix = [FULL, FULL, BOLTS_NUTS, SCREWS_HEAVY][rng.random_range(0..4)];
        let extras = extras(rng, kind, wallet);
        let spread = match kind {
            Steady => 0.15,
            TrialLeaves | Lost => 0.10,
            Seasonal => 0.03,
            FastGrower | Shrinking => 0.04,
            Thin => 0.0,
            _ => 0.07,
        };
        let onset = onsets(kind).map(|range| rng.random_range(range));
        let course = course(rng, kind, &rivals);
        Member {
            name: format!("{core} {form}"),
            alias,
            country: country.name,
            port,
            kind,
            onset,
            course,
            wallet,
            share,
            rivals,
            mix,
            extras,
            spread,
        }
    }
}

/// Months of the span a kind's onset is drawn from: July 2024 (month 21, so 21 months of normal
/// history) up to the latest month that still shows the whole change within the span.
fn onsets(kind: StoryKind) -> Option<RangeInclusive<usize>> {
    match kind {
        // The slide and the decline (with the closure after it) need 15 months and more to play out.
        ShareSlide | Shrinking => Some(21..=30),
        // The thinning rhythm stops a year after the onset, and its test looks three months further.
        RhythmThinning => Some(21..=33),
        // At least nine months after the onset (to September 2026).
        TrialLeaves | FastGrower | TrialThenMove | Lost => Some(21..=38),
        _ => None,
    }
}

/// The parameters of a kind.
fn course(rng: &mut DemoRng, kind: StoryKind, rivals: &[usize]) -> Course {
    match kind {
        Seasonal => Course::Seasonal,
        Lumpy => {
            let lots = if rng.random_bool(0.5) {
                vec![rng.random_range(2..=11)]
            } else {
                // Five or six months apart, so the two lots never meet even a month early or late.
                let first = rng.random_range(2..=5);
                vec![first, first + rng.random_range(5..=6)]
            };
            Course::Lumpy { lots }
        }
        Thin => Course::Thin,
        Wandering => {
            let mut pool = rivals.to_vec();
            for _ in 0..rng.random_range(2..=3) {
                let next = other_than(rng, &pool, true);
                pool.push(next);
            }
            pool.remove(0);
            Course::Wandering { pool, period: rng.random_range(2..=3), minor: rng.random_range(0.04..0.10) }
        }
        TrialLeaves => {
            let unmarked_ok = rng.random_bool(0.25);
            let newcomer = other_than(rng, rivals, unmarked_ok);
            let lots = if rng.random_bool(0.5) { vec![0] } else { vec![0, rng.random_range(1..=2)] };
            Course::TrialLeaves { newcomer, lots, fraction: rng.random_range(0.02..0.045) }
        }
        FastGrower => Course::FastGrower { target: rng.random_range(3.0..4.0) },
        ShareSlide => {
            let taker = if !rivals.is_empty() && rng.random_bool(0.5) { rivals[0] } else { other_than(rng, rivals, false) };
            // Steep and deep enough that some quarter falls below half of the four before it.
            Course::ShareSlide { taker, months: rng.random_range(12..=14), low: rng.random_range(0.10..0.16) }
        }
        TrialThenMove => {
            let trial = rng.random_range(5..=6);
            let skip = rng.random_bool(0.5).then(|| rng.random_range(1..trial));
            let taker = other_than(rng, rivals, false);
            Course::TrialThenMove { taker, trial, skip, fraction: rng.random_range(0.03..0.08), left: rng.random_range(0.08..0.15) }
        }
        Shrinking => Course::Shrinking { rate: rng.random_range(0.12..0.18), closes_after: rng.random_range(12..=15) },
        RhythmThinning => {
            let mut orders = if rng.random_bool(0.5) { vec![0, 2, 4] } else { vec![0, 2, 4, 6] };
            while let Some(next) = orders.last().map(|last| last + 3).filter(|&next| next <= 12) {
                orders.push(next);
            }
            Course::RhythmThinning { orders }
        }
        Lost => {
            let taker = if !rivals.is_empty() && rng.random_bool(0.5) { rivals[0] } else { other_than(rng, rivals, false) };
            Course::Lost { taker }
        }
        _ => Course::Steady,
    }
}

/// A fastener maker not in `taken`: one of the five competitors, or (when `unmarked_ok`) now and
/// then the maker the user has not marked as a competitor.
fn other_than(rng: &mut DemoRng, taken: &[usize], unmarked_ok: bool) -> usize {
    let candidates: Vec<usize> =
        RIVALS.iter().copied().filter(|s| !taken.contains(s) && (unmarked_ok || COMPETITORS.contains(s))).collect();
    candidates[rng.random_range(0..candidates.len())]
}

/// What a customer buys outside our catalog: tiles and furniture for the shrinking (whose whole
/// business is seen falling), a tool or hardware line for some monthly buyers.
fn extras(rng: &mut DemoRng, kind: StoryKind, wallet: f64) -> Vec<Extra> {
    match kind {
        Shrinking => {
            let tiles = Extra {
                product: TILES,
                supplier: if rng.random_bool(0.5) { SASSUOLO } else { GRANDTILE },
                per_year: wallet * rng.random_range(0.4..1.0),
            };
            let mut out = vec![tiles];
            if rng.random_bool(0.6) {
                out.push(Extra { product: FURNITURE, supplier: WOODCRAFT, per_year: wallet * rng.random_range(0.3..0.8) });
            }
            out
        }
        Lumpy | Thin => Vec::new(),
        _ if rng.random_bool(0.3) => {
            let product = EXTRA_GOODS[rng.random_range(0..EXTRA_GOODS.len())];
            let makers = PRODUCTS[product].makers;
            vec![Extra { product, supplier: makers[rng.random_range(0..makers.len())], per_year: wallet * rng.random_range(0.05..0.2) }]
        }
        _ => Vec::new(),
    }
}

/// A standard normal draw (Box-Muller).
fn normal(rng: &mut DemoRng) -> f64 {
    let u: f64 = rng.random_range(f64::EPSILON..1.0);
    let v: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}
