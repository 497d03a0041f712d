//! The named customers' purchases, month by month, shaped by their story kind.
//!
//! Each month a customer spends `wallet / 12` on our catalog codes, times its story's trend and a
//! per-quarter demand factor; that spend is split among suppliers by the story's shares, and each
//! supplier's part becomes one or a few rows. Purchases outside the catalog follow the same demand
//! (with their own trend for the demand-gap story).

use rand::RngExt;

use super::StoryKind;
use super::calendar::{self, MONTHS};
use super::catalog::{CATALOG, JIAXING, OURS, SUPPLIERS, TAIWAN, VIETNAM, our_names};
use super::customers::{Customer, Mix};
use super::rng::{self, DemoRng};
use super::roster::CUSTOMERS;
use super::sink::{Order, Sink};

/// Quarters in the span.
const QUARTERS: usize = MONTHS / 3;
/// Value of one row before a supplier's monthly part is split across several product lines.
const LINE_USD: f64 = 15_000.0;
/// First month of 2025, when the share shift starts.
pub(crate) const M2025: usize = 27;
/// First month of 2026, when trial orders and the fast grower's growth start.
pub(crate) const M2026: usize = 39;
/// First month of the shrinking customer's decline (the first of the last six quarters).
pub(crate) const SHRINKING_FROM: usize = (QUARTERS - 6) * 3;

/// Emits every named customer's rows.
pub(crate) fn emit_all(sink: &mut Sink<'_>, seed: u64) {
    for (i, customer) in CUSTOMERS.iter().enumerate() {
        let mut rng = rng::stream(seed, rng::STORY_STREAM + i as u64);
        emit_customer(sink, &mut rng, customer);
    }
}

/// Emits one customer's 48 months.
fn emit_customer(sink: &mut Sink<'_>, rng: &mut DemoRng, c: &Customer) {
    // Demand moves by quarter for the whole customer, so its share is not disturbed by it.
    let spread = match c.kind {
        StoryKind::Steady | StoryKind::GroupSibling => 0.10,
        StoryKind::Shrinking | StoryKind::FastGrower => 0.04,
        _ => 0.07,
    };
    let demand: [f64; QUARTERS] = std::array::from_fn(|_| rng.random_range(1.0 - spread..1.0 + spread));
    // Wandering shares jump around their level each quarter, never drifting (no random walk).
    let wander: [f64; QUARTERS] = std::array::from_fn(|_| {
        let step = rng.random_range(0.04..0.10);
        if rng.random_bool(0.5) { step } else { -step }
    });
    let mut thin_lots_in_year = (0, 0);
    for m in 0..MONTHS {
        let q = m / 3;
        match c.kind {
            StoryKind::Lumpy => {
                if c.lots.contains(&calendar::month_of_year(m)) {
                    let lot = c.wallet / c.lots.len() as f64 * demand[q];
                    catalog_part(sink, rng, c, m, OURS, lot);
                }
            }
            StoryKind::Thin => {
                let year = calendar::year(m);
                if thin_lots_in_year.0 != year {
                    thin_lots_in_year = (year, 0);
                }
                // At most four lots of at most 950 USD (plus 15% noise) keep the year under 5k.
                if thin_lots_in_year.1 < 4 && rng.random_bool(0.3) {
                    thin_lots_in_year.1 += 1;
                    let value = rng.random_range(600.0..950.0);
                    catalog_part(sink, rng, c, m, OURS, value);
                }
            }
            _ => {
                let level = demand[q] * trend(c.kind, m);
                let spend = c.wallet / 12.0 * level;
                for (supplier, fraction) in shares(c, m, wander[q]) {
                    catalog_part(sink, rng, c, m, supplier, spend * fraction);
                }
                let extra_level = level * extra_trend(c.kind, m);
                for extra in c.extras {
                    let value = extra.per_year / 12.0 * extra_level * noise(rng);
                    let order = order(c, m, extra.supplier, extra.product, rng);
                    sink.ship_value(rng, &order, value);
                }
            }
        }
    }
}

/// How the customer's whole demand moves over time.
fn trend(kind: StoryKind, m: usize) -> f64 {
    let q = m / 3;
    match kind {
        // 15% down each quarter over the last six quarters.
        StoryKind::Shrinking if q >= QUARTERS - 6 => 0.85f64.powi((q + 7 - QUARTERS) as i32),
        // About fourfold within 2026Q1-Q2, then holding.
        StoryKind::FastGrower if m >= M2026 => {
            const RAMP: [f64; 9] = [1.6, 2.2, 2.9, 3.8, 4.2, 4.6, 4.7, 4.8, 4.9];
            RAMP[(m - M2026).min(RAMP.len() - 1)]
        }
        StoryKind::Seasonal => match calendar::quarter_of_year(m) {
            2 => 0.7,
            4 => 1.4,
            _ => 1.0,
        },
        _ => 1.0,
    }
}

/// Extra growth of purchases outside the catalog: the demand-gap customer's grow 60% a year.
fn extra_trend(kind: StoryKind, m: usize) -> f64 {
    match kind {
        StoryKind::DemandGap => 1.6f64.powf(m as f64 / 12.0),
        _ => 1.0,
    }
}

/// Who gets which fraction of the customer's catalog spend in month `m`.
fn shares(c: &Customer, m: usize, wander: f64) -> Vec<(usize, f64)> {
    let ours = match c.kind {
        StoryKind::ShareShift => shifted_share(m),
        StoryKind::NewSuppliers if m >= M2026 => 0.95,
        StoryKind::Wandering => c.share + wander,
        _ => c.share,
    };
    let mut out = Vec::with_capacity(4);
    if ours > 0.0 {
        out.push((OURS, ours));
    }
    match c.kind {
        StoryKind::ShareShift => {
            // The usual rival keeps its fifth; JIAXING takes what we lose.
            out.push((TAIWAN, 1.0 - c.share));
            if ours < c.share {
                out.push((JIAXING, c.share - ours));
            }
        }
        StoryKind::NewSuppliers if m >= M2026 => {
            // Trial orders alternate between the two newcomers.
            out.push((if m % 2 == 1 { TAIWAN } else { VIETNAM }, 1.0 - ours));
        }
        _ => {
            let rest = (1.0 - ours) / c.rivals.len().max(1) as f64;
            out.extend(c.rivals.iter().map(|&r| (r, rest)));
        }
    }
    out
}

/// Our share of the share-shift customer: 80% until 2024, sliding to about 30% by 2026Q2,
/// then 10% in 2026Q3.
fn shifted_share(m: usize) -> f64 {
    const Q3_2026: usize = MONTHS - 3;
    if m < M2025 {
        0.8
    } else if m >= Q3_2026 {
        0.1
    } else {
        // Linear from 80% in December 2024 to 30% in May 2026 (the middle of 2026Q2).
        0.8 - 0.5 * (m + 1 - M2025) as f64 / 17.0
    }
}

/// One supplier's monthly part of the catalog spend, as one row per ~15k USD.
fn catalog_part(sink: &mut Sink<'_>, rng: &mut DemoRng, c: &Customer, m: usize, supplier: usize, value: f64) {
    if value <= 0.0 {
        return;
    }
    let value = value * noise(rng);
    let lines = (value / LINE_USD).ceil().clamp(1.0, 4.0);
    for _ in 0..lines as usize {
        let product = pick_catalog(&c.mix, rng);
        let order = order(c, m, supplier, product, rng);
        sink.ship_value(rng, &order, value / lines);
    }
}

/// Month-to-month noise of one supplier's deliveries.
pub(crate) fn noise(rng: &mut DemoRng) -> f64 {
    rng.random_range(0.85..1.15)
}

/// A catalog product drawn from a product mix.
pub(crate) fn pick_catalog(mix: &Mix, rng: &mut DemoRng) -> usize {
    let total: f64 = mix.iter().sum();
    let mut draw = rng.random_range(0.0..total);
    for (i, weight) in mix.iter().enumerate() {
        if draw < *weight {
            return CATALOG[i];
        }
        draw -= weight;
    }
    CATALOG[0]
}

/// An order of this customer, with the buyer's and (for us) the supplier's spelling drawn.
fn order<'c>(c: &'c Customer, m: usize, supplier: usize, product: usize, rng: &mut DemoRng) -> Order<'c> {
    let buyer = if c.names.len() > 1 && rng.random_bool(0.35) { c.names[1] } else { c.names[0] };
    let supplier_name = if supplier == OURS { our_spelling(rng) } else { SUPPLIERS[supplier].names[0] };
    Order { month: m, buyer, destination: c.country, port: c.port, supplier, supplier_name, product }
}

/// One of our spellings: the canonical one dominates, the others turn up now and then.
pub(crate) fn our_spelling(rng: &mut DemoRng) -> &'static str {
    let ours = our_names();
    let r: f64 = rng.random();
    let spelling = if r < 0.6 {
        0
    } else if r < 0.85 {
        1
    } else {
        2
    };
    ours[spelling]
}
