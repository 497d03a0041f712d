//! Turning orders into rows: dates, descriptions, quantities, bill-of-lading numbers.
//!
//! One `DemoRow` buffer is reused for every row (its strings are cleared and refilled), so a
//! million rows cost no allocation beyond what the caller does with them.

use std::fmt::Write as _;

use rand::RngExt;

use super::DemoRow;
use super::calendar::{self, random_date};
use super::catalog::{PRODUCTS, SUPPLIERS};
use super::rng::{self, DemoRng};

/// Largest weight of one row: a 40-foot container holds about 25 t.
pub(crate) const MAX_ROW_KG: f64 = 24_000.0;

/// Carrier prefixes of bill-of-lading numbers.
const CARRIERS: [&str; 8] = ["MAEU", "COSU", "MSCU", "OOLU", "EGLV", "HLCU", "ONEY", "CMDU"];

/// Who buys what from whom in which month: everything about a row except its size.
pub(crate) struct Order<'s> {
    /// Month of the span.
    pub month: usize,
    /// Buyer name as written in the row.
    pub buyer: &'s str,
    /// Buyer's country.
    pub destination: &'s str,
    /// Buyer's port.
    pub port: &'s str,
    /// Index into `SUPPLIERS`.
    pub supplier: usize,
    /// Supplier name as written in the row.
    pub supplier_name: &'static str,
    /// Index into `PRODUCTS`.
    pub product: usize,
}

/// Receives finished rows, counts them and numbers their bills of lading.
pub(crate) struct Sink<'a> {
    row: DemoRow,
    emit: &'a mut dyn FnMut(&DemoRow),
    count: u64,
    rng: DemoRng,
    bl_base: u64,
}

impl<'a> Sink<'a> {
    /// A sink passing rows to `emit`.
    pub fn new(seed: u64, emit: &'a mut dyn FnMut(&DemoRow)) -> Self {
        let mut rng = rng::stream(seed, rng::SINK_STREAM);
        // Ten-digit numbers starting at a seed-dependent offset; adding the row count keeps
        // them unique within the file.
        let bl_base = rng.random_range(1_000_000_000..8_000_000_000u64);
        Sink {
            row: DemoRow {
                date: chrono::NaiveDate::default(),
                buyer: String::new(),
                supplier: String::new(),
                hs: String::new(),
                description: String::new(),
                quantity: 0.0,
                unit: "KGS",
                weight_kg: 0.0,
                value_usd: 0.0,
                origin: "",
                destination: String::new(),
                port: String::new(),
                bill_of_lading: String::new(),
            },
            emit,
            count: 0,
            rng,
            bl_base,
        }
    }

    /// Rows emitted so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Ships goods worth `value_usd`, deriving the weight from the unit value; splits lots too
    /// heavy for one container into several rows.
    pub fn ship_value(&mut self, rng: &mut DemoRng, order: &Order<'_>, value_usd: f64) {
        let usd_per_kg = unit_value(order, rng);
        let weight = value_usd / usd_per_kg;
        let pieces = (weight / MAX_ROW_KG).ceil().max(1.0);
        for _ in 0..pieces as usize {
            self.push(rng, order, weight / pieces, value_usd / pieces);
        }
    }

    /// Ships `weight_kg` (at most `MAX_ROW_KG`) as one row, deriving the value from the unit value.
    pub fn ship_weight(&mut self, rng: &mut DemoRng, order: &Order<'_>, weight_kg: f64) {
        let usd_per_kg = unit_value(order, rng);
        let weight = weight_kg.min(MAX_ROW_KG);
        self.push(rng, order, weight, weight * usd_per_kg);
    }

    /// Fills the row buffer and hands it on.
    fn push(&mut self, rng: &mut DemoRng, order: &Order<'_>, weight_kg: f64, value_usd: f64) {
        let product = &PRODUCTS[order.product];
        let weight = weight_kg.round().max(1.0);
        let row = &mut self.row;
        row.date = random_date(order.month, rng);
        set(&mut row.buyer, order.buyer);
        set(&mut row.supplier, order.supplier_name);
        set(&mut row.hs, product.hs8);
        let variant = rng.random_range(0..product.descriptions.len());
        set(&mut row.description, product.descriptions[variant]);
        row.unit = product.unit;
        row.quantity = if product.unit == "PCS" { (weight / product.kg_per_piece).round().max(1.0) } else { weight };
        row.weight_kg = weight;
        row.value_usd = (value_usd * 100.0).round() / 100.0;
        row.origin = SUPPLIERS[order.supplier].country;
        set(&mut row.destination, order.destination);
        set(&mut row.port, order.port);
        row.bill_of_lading.clear();
        let carrier = CARRIERS[self.rng.random_range(0..CARRIERS.len())];
        // Writing into a String cannot fail.
        let _ = write!(row.bill_of_lading, "{carrier}{}", self.bl_base + self.count);
        (self.emit)(row);
        self.count += 1;
    }
}

/// USD per kg of this order: the product's price, the supplier's level, the month's price
/// index and a few percent of noise.
fn unit_value(order: &Order<'_>, rng: &mut DemoRng) -> f64 {
    PRODUCTS[order.product].usd_per_kg * SUPPLIERS[order.supplier].price * calendar::price_index(order.month) * rng.random_range(0.94..1.06)
}

/// Replaces a reused string's contents without giving up its allocation.
fn set(buf: &mut String, text: &str) {
    buf.clear();
    buf.push_str(text);
}
