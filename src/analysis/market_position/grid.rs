//! Every importer's monthly purchases of our kind per importing country, gathered once on a month
//! grid and read at any month end: the customer page reads it at the as-of date, the tier model at
//! every past quarter end without going over the shipments again.

use super::{LEADER_SHARE, MIN_IMPORTERS, MOVE, Standing};
use crate::analysis::series::{Buckets, MonthGrid};
use crate::model::{CompanyId, Dataset, Hs6};
use rustc_hash::FxHashMap;
use std::collections::HashSet;

/// One importer's purchases of our kind into one country in one month.
#[derive(Debug, Clone, Copy)]
struct Cell {
    country: u16,
    buyer: CompanyId,
    month: u32,
    value: i64,
    shipments: u32,
}

/// Importers' monthly purchases of our kind, per importing country.
#[derive(Debug, Clone, Default)]
pub struct MarketGrid {
    cells: Vec<Cell>,
}

/// A customer's place in its market at one month end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Its importing country (index into `Dataset::countries`): where most of its shipments of our
    /// kind went over the two years.
    pub country: u16,
    /// Importers of our kind into that country over the 12 months.
    pub importers: usize,
    /// Its place among them by value (1 is the largest).
    pub rank: usize,
    /// Its share of the country's imports of our kind over the 12 months.
    pub share: f64,
    /// The same over the 12 months before (`None`: it bought none then).
    pub share_before: Option<f64>,
    /// Leader, riser, fading, steady, or too thin a market to tell.
    pub standing: Standing,
}

impl MarketGrid {
    /// Gathers the shipments of `kind` codes with a known destination that fall on the grid.
    pub fn build(data: &Dataset, grid: MonthGrid, ours: &HashSet<Hs6>) -> MarketGrid {
        // Bucket lookup by binary search: far cheaper than date arithmetic per shipment.
        let buckets = Buckets::new(grid);
        let mut kind: FxHashMap<Hs6, bool> = FxHashMap::default();
        let mut sums: FxHashMap<(u16, CompanyId, u32), (i64, u32)> = FxHashMap::default();
        for s in &data.shipments {
            let (Some(country), Some(month)) = (s.destination, buckets.index(s.date.day)) else { continue };
            if !*kind.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, ours)) {
                continue;
            }
            let cell = sums.entry((country, s.buyer, month as u32)).or_default();
            cell.0 += s.value.0;
            cell.1 += 1;
        }
        let mut cells: Vec<Cell> = sums
            .into_iter()
            .map(|((country, buyer, month), (value, shipments))| Cell { country, buyer, month, value, shipments })
            .collect();
        cells.sort_unstable_by_key(|c| (c.country, c.buyer, c.month));
        MarketGrid { cells }
    }

    /// The places of `customers` at bucket `t`: the 12 months to `t` against the 12 before. A
    /// customer that bought none of our kind in the 12 months has no place.
    pub fn at(&self, t: usize, customers: &HashSet<CompanyId>) -> FxHashMap<CompanyId, Place> {
        let t = t as i64;
        let mut markets: FxHashMap<u16, Market> = FxHashMap::default();
        // (customer, country, value now and before, shipments) for each country a customer bought in.
        let mut mine: Vec<(CompanyId, u16, [i64; 2], u32)> = Vec::new();
        // Cells are sorted by country, importer, month: each importer's cells in a country are a run.
        for run in self.cells.chunk_by(|a, b| (a.country, a.buyer) == (b.country, b.buyer)) {
            let (mut sums, mut shipments) = ([0i64; 2], 0u32);
            for c in run {
                let back = t - i64::from(c.month);
                if (0..24).contains(&back) {
                    sums[usize::from(back >= 12)] += c.value;
                    shipments += c.shipments;
                }
            }
            if shipments == 0 {
                continue;
            }
            let (country, buyer) = (run[0].country, run[0].buyer);
            let m = markets.entry(country).or_default();
            m.total += sums[0];
            m.total_before += sums[1];
            if sums[0] > 0 {
                m.values.push(sums[0]);
            }
            if customers.contains(&buyer) {
                mine.push((buyer, country, sums, shipments));
            }
        }
        for m in markets.values_mut() {
            m.values.sort_unstable_by(|a, b| b.cmp(a));
        }
        // Each customer's country: the most shipments; ties to the lower country index.
        mine.sort_unstable_by_key(|(buyer, country, _, shipments)| (*buyer, std::cmp::Reverse(*shipments), *country));
        let mut out = FxHashMap::default();
        for home in mine.chunk_by(|a, b| a.0 == b.0) {
            let (id, country, sums, _) = home[0];
            if let Some(place) = markets.get(&country).and_then(|m| m.place(sums, country)) {
                out.insert(id, place);
            }
        }
        out
    }
}

/// One country's imports of our kind at one month end.
#[derive(Debug, Default)]
struct Market {
    /// Over the 12 months.
    total: i64,
    /// Over the 12 months before.
    total_before: i64,
    /// Each importer's purchases over the 12 months, largest first (buyers of none left out).
    values: Vec<i64>,
}

impl Market {
    /// The place of an importer that bought `mine` (now, before).
    fn place(&self, mine: [i64; 2], country: u16) -> Option<Place> {
        if mine[0] <= 0 || self.total <= 0 {
            return None;
        }
        let importers = self.values.len();
        let rank = 1 + self.values.partition_point(|v| *v > mine[0]);
        let share = mine[0] as f64 / self.total as f64;
        let share_before = (mine[1] > 0 && self.total_before > 0).then(|| mine[1] as f64 / self.total_before as f64);
        let standing = if importers < MIN_IMPORTERS {
            Standing::Thin
        } else if rank <= 3 || share >= LEADER_SHARE {
            Standing::Leader
        } else {
            match share_before {
                Some(b) if share >= b * (1.0 + MOVE) && share - b >= 0.01 => Standing::Riser,
                Some(b) if share <= b * (1.0 - MOVE) && b - share >= 0.01 => Standing::Fading,
                _ => Standing::Steady,
            }
        };
        Some(Place { country, importers, rank, share, share_before, standing })
    }
}
