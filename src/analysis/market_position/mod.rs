//! Market position: where the data hold a customer's market — its country's imports of our kind of
//! products from every importer in the files — its rank and share among those importers over the
//! last 12 months, that share a year before, and whether it leads, rises, fades or holds. When the
//! files cover too few importers of that country to tell, it says so instead.

#[cfg(test)]
mod tests;

use crate::analysis::window::Window;
use crate::model::{CompanyId, Dataset};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

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
    let (now_w, before_w) = (Window::trailing_months(as_of, 12), Window::trailing_months(crate::model::date::months_back(as_of, 12), 12));
    let ours = data.codes_shipped_by_us(as_of);
    let mut kind: FxHashMap<crate::model::Hs6, bool> = FxHashMap::default();
    // (country, importer) → value now and before; each importer's country by its shipments' count.
    let mut value: FxHashMap<(u16, CompanyId), [f64; 2]> = FxHashMap::default();
    let mut home: FxHashMap<CompanyId, FxHashMap<u16, usize>> = FxHashMap::default();
    let mut customers: FxHashMap<CompanyId, ()> = FxHashMap::default();
    for s in &data.shipments {
        let year = if now_w.contains(s.date) {
            0
        } else if before_w.contains(s.date) {
            1
        } else {
            continue;
        };
        let Some(country) = s.destination else { continue };
        if year == 0 && s.supplier.is_some_and(|id| data.me.contains(&id)) {
            customers.insert(s.buyer, ());
        }
        if !*kind.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, &ours)) {
            continue;
        }
        value.entry((country, s.buyer)).or_default()[year] += s.value.dollars();
        *home.entry(s.buyer).or_default().entry(country).or_default() += 1;
    }
    // Each country's importers by value, now and before.
    let mut markets: FxHashMap<u16, Vec<(CompanyId, f64, f64)>> = FxHashMap::default();
    for ((country, buyer), v) in &value {
        markets.entry(*country).or_default().push((*buyer, v[0], v[1]));
    }
    let mut out: Vec<Position> = customers
        .keys()
        .filter_map(|id| {
            let country = *home.get(id)?.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?.0;
            let market = markets.get(&country)?;
            let (total, total_before) = market.iter().fold((0.0, 0.0), |(a, b), m| (a + m.1, b + m.2));
            let importers = market.iter().filter(|m| m.1 > 0.0).count();
            let me = market.iter().find(|m| m.0 == *id)?;
            if me.1 <= 0.0 || total <= 0.0 {
                return None;
            }
            let rank = 1 + market.iter().filter(|m| m.1 > me.1).count();
            let share = me.1 / total;
            let share_before = (me.2 > 0.0 && total_before > 0.0).then(|| me.2 / total_before);
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
            let name = data.countries.get(usize::from(country)).cloned().unwrap_or_default();
            Some(Position { id: *id, customer: data.name(*id).to_string(), country: name, importers, rank, share, share_before, standing })
        })
        .collect();
    out.sort_by(|a, b| a.customer.cmp(&b.customer));
    out
}
