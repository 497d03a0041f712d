//! Market position: where the data hold a customer's market — its country's imports of our kind of
//! products from every importer in the files — its rank and share among those importers over the
//! last 12 months, that share a year before, and whether it leads, rises, fades or holds. When the
//! files cover too few importers of that country to tell, it says so instead.

mod grid;
#[cfg(test)]
mod tests;

pub use grid::{MarketGrid, Place};

use crate::analysis::series::MonthGrid;
use crate::analysis::window::Window;
use crate::model::{CompanyId, Dataset};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;

/// Fewer importers than this in a country: too thin a market to judge a position in.
pub const MIN_IMPORTERS: usize = 5;
/// A share this large, or a place among the first three, leads its market.
const LEADER_SHARE: f64 = 0.2;
/// A share that moved by this fraction of itself (and at least a point) rose or faded.
const MOVE: f64 = 0.25;

/// What a customer's place in its market says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Among the first three, or a fifth of the market or more.
    Leader,
    /// Its share grew by a quarter of itself or more.
    Riser,
    /// Its share fell by a quarter of itself or more.
    Fading,
    /// Neither.
    Steady,
    /// The files hold too few importers of its country to tell.
    Thin,
}

impl Standing {
    /// Its text key.
    pub fn text_key(self) -> &'static str {
        match self {
            Standing::Leader => "market.leader",
            Standing::Riser => "market.riser",
            Standing::Fading => "market.fading",
            Standing::Steady => "market.steady",
            Standing::Thin => "market.thin",
        }
    }
}

/// One customer's place in its market.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its importing country, as the files write it.
    pub country: String,
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

impl Position {
    /// A customer's place, with its name and its country's.
    pub fn new(data: &Dataset, id: CompanyId, place: Place) -> Position {
        Position {
            id,
            customer: data.name(id).to_string(),
            country: data.countries.get(usize::from(place.country)).cloned().unwrap_or_default(),
            importers: place.importers,
            rank: place.rank,
            share: place.share,
            share_before: place.share_before,
            standing: place.standing,
        }
    }

    /// The position in a sentence.
    pub fn message(&self) -> crate::text::Message {
        let pct = |s: f64| format!("{:.0}%", s * 100.0);
        let country = crate::text::Arg::Country(self.country.clone());
        if self.standing == Standing::Thin {
            return crate::msg!("market.line_thin", country = country, n = self.importers);
        }
        let before = self.share_before.map_or_else(|| "–".to_string(), pct);
        let standing = crate::text::Arg::Term(std::borrow::Cow::Borrowed(self.standing.text_key()));
        crate::msg!(
            "market.line",
            rank = self.rank,
            n = self.importers,
            country = country,
            share = pct(self.share),
            before = before,
            standing = standing
        )
    }
}

/// Each customer of ours (bought from us in the 12 months) with its market position, by name.
pub fn positions(data: &Dataset, as_of: NaiveDate) -> Vec<Position> {
    let now = Window::trailing_months(as_of, 12);
    let customers: HashSet<CompanyId> = data
        .shipments
        .iter()
        .filter(|s| now.contains(s.date) && s.supplier.is_some_and(|id| data.me.contains(&id)))
        .map(|s| s.buyer)
        .collect();
    let grid = MonthGrid::new(as_of, 24);
    let places = MarketGrid::build(data, grid, &data.codes_shipped_by_us(as_of)).at(grid.months - 1, &customers);
    let mut out: Vec<Position> = places.into_iter().map(|(id, place)| Position::new(data, id, place)).collect();
    out.sort_by(|a, b| a.customer.cmp(&b.customer));
    out
}
