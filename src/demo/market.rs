//! The background market: other importers that fill the file to the requested size.
//!
//! They buy from the competitors and other makers, never from us, in two trades: hardware
//! importers (always a fastener line, with tools, hinges and small parts alongside) and home-goods
//! importers (tiles, furniture, plastics, hinges). So tools go with fasteners and tiles do not, as
//! in real files, which is what cross-sell's co-purchase test looks for. Their number grows with the rows wanted (about one per 70 rows), their
//! sizes are spread over two orders of magnitude, and some start late or stop early, so the market
//! has entrants and leavers. Each importer gets an exact row budget, so the total is exact.

use rand::RngExt;

use super::calendar::MONTHS;
use super::catalog::{
    BOLTS, DRILLS, FURNITURE, HINGES, NUTS, PINS, PLASTICS, PRODUCTS, SCREWDRIVERS, SCREWS, SPANNERS, SPRING_WASHERS, SUPPLIERS, TILES,
    VIETNAM, WASHERS,
};
use super::names::{COUNTRIES, Country, NameBook};
use super::rng::{self, DemoRng};
use super::sink::{MAX_ROW_KG, Order, Sink};

/// Average rows per background importer.
const ROWS_PER_IMPORTER: u64 = 70;

/// What hardware importers buy, with relative frequency.
const HARDWARE: [(usize, u32); 10] = [
    (BOLTS, 20),
    (NUTS, 14),
    (WASHERS, 10),
    (SCREWS, 14),
    (SPRING_WASHERS, 6),
    (PINS, 4),
    (SCREWDRIVERS, 5),
    (SPANNERS, 5),
    (DRILLS, 5),
    (HINGES, 4),
];

/// The fastener line every hardware importer carries.
const FASTENERS: [(usize, u32); 4] = [(BOLTS, 20), (NUTS, 14), (WASHERS, 10), (SCREWS, 14)];

/// What home-goods importers buy.
const HOME_GOODS: [(usize, u32); 4] = [(TILES, 10), (FURNITURE, 8), (PLASTICS, 8), (HINGES, 4)];

/// Share of background importers in the hardware trade.
const HARDWARE_SHARE: f64 = 0.7;

/// Emits exactly `budget` rows of background importers, named from `names` (which already holds
/// the portfolio's names, so no importer shares a name with a customer of ours).
pub(crate) fn fill(sink: &mut Sink<'_>, seed: u64, budget: u64, names: &mut NameBook) {
    let mut rng = rng::stream(seed, rng::MARKET_STREAM);
    let importers = (budget / ROWS_PER_IMPORTER).max(1);
    // Log-uniform sizes: the largest importers ship about 250 times as often as the smallest.
    let weights: Vec<f64> = (0..importers).map(|_| rng.random_range(-2.5f64..3.0).exp()).collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = 0.0;
    let mut given = 0u64;
    for (i, weight) in weights.iter().enumerate() {
        cumulative += weight;
        // Rounding the running total (not each share) makes the budgets add up exactly.
        let upto = if i + 1 == weights.len() { budget } else { ((cumulative / total * budget as f64).round() as u64).min(budget) };
        let rows = upto.saturating_sub(given);
        given = given.max(upto);
        if rows == 0 {
            continue;
        }
        let importer = Importer::draw(&mut rng, names);
        importer.emit(sink, &mut rng, rows);
    }
}

/// One background importer's profile.
struct Importer {
    name: String,
    country: &'static Country,
    port: &'static str,
    /// Typical row weight in kg.
    size_kg: f64,
    /// First and last active month.
    first: usize,
    last: usize,
    /// (product, supplier) pairs it buys.
    lines: Vec<(usize, usize)>,
}

impl Importer {
    /// A random importer with a fresh name.
    fn draw(rng: &mut DemoRng, names: &mut NameBook) -> Self {
        let country = pick_country(rng);
        let name = names.draw(rng, country);
        let port = country.ports[rng.random_range(0..country.ports.len())];
        let size_kg = rng.random_range(250f64.ln()..16_000f64.ln()).exp();
        // Most were there all along; some enter late, some stop buying.
        let first = if rng.random_bool(0.7) { 0 } else { rng.random_range(0..MONTHS - 8) };
        let last = if rng.random_bool(0.85) { MONTHS - 1 } else { rng.random_range(first + 6..MONTHS) };
        let count = rng.random_range(1..=4);
        let hardware = rng.random_bool(HARDWARE_SHARE);
        let trade: &[(usize, u32)] = if hardware { &HARDWARE } else { &HOME_GOODS };
        let mut lines = Vec::with_capacity(count);
        for k in 0..count {
            let product = if hardware && k == 0 { pick_product(rng, &FASTENERS) } else { pick_product(rng, trade) };
            let makers = PRODUCTS[product].makers;
            // Newcomers lean to the rising Vietnamese maker, giving it a growing market share.
            let supplier = if first >= 24 && makers.contains(&VIETNAM) && rng.random_bool(0.4) {
                VIETNAM
            } else {
                makers[rng.random_range(0..makers.len())]
            };
            if !lines.contains(&(product, supplier)) {
                lines.push((product, supplier));
            }
        }
        Importer { name, country, port, size_kg, first, last, lines }
    }

    /// Emits `rows` rows spread evenly over its active months.
    fn emit(&self, sink: &mut Sink<'_>, rng: &mut DemoRng, rows: u64) {
        let span = (self.last - self.first + 1) as f64;
        for k in 0..rows {
            let at = (k as f64 + rng.random_range(0.0..1.0)) / rows as f64;
            let month = (self.first + (at * span) as usize).min(self.last);
            let (product, supplier) = self.lines[rng.random_range(0..self.lines.len())];
            let order = Order {
                month,
                buyer: &self.name,
                destination: self.country.name,
                port: self.port,
                supplier,
                supplier_name: SUPPLIERS[supplier].names[0],
                product,
            };
            let weight = (self.size_kg * rng.random_range(0.4..1.6)).clamp(80.0, MAX_ROW_KG);
            sink.ship_weight(rng, &order, weight);
        }
    }
}

/// A country drawn by its weight.
pub(crate) fn pick_country(rng: &mut DemoRng) -> &'static Country {
    let total: u32 = COUNTRIES.iter().map(|c| c.weight).sum();
    let mut draw = rng.random_range(0..total);
    for country in COUNTRIES.iter() {
        if draw < country.weight {
            return country;
        }
        draw -= country.weight;
    }
    &COUNTRIES[0]
}

/// A product of a trade drawn by its weight.
fn pick_product(rng: &mut DemoRng, trade: &[(usize, u32)]) -> usize {
    let total: u32 = trade.iter().map(|(_, w)| w).sum();
    let mut draw = rng.random_range(0..total);
    for &(product, weight) in trade {
        if draw < weight {
            return product;
        }
        draw -= weight;
    }
    BOLTS
}
