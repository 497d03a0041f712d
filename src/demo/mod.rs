//! Synthetic demo data: a fastener exporter's customers seen through four years of import records.
//!
//! The data is made for showing and testing the product. About forty named customers act out
//! planted stories (a customer drifting to a competitor, a shrinking business, a demand gap, a
//! sister company buying elsewhere, ...) that the analyses must find, next to quiet customers
//! (steady, seasonal, lumpy, thin, wandering) that must stay quiet. A portfolio of some three
//! hundred procedurally drawn customers of ours does the same at scale, each with its onset and the
//! verdict a health check should reach, so a month-end replay can be scored. A procedurally
//! generated background market fills the file up to the requested size. Everything is
//! deterministic for a seed and fixed in time (2022-10-01 to 2026-09-30), so tests can rely on it.

mod calendar;
mod catalog;
mod course;
mod customers;
mod market;
mod names;
mod portfolio;
mod rng;
mod roster;
mod sink;
mod story;
mod truth;
mod xlsx;

#[cfg(test)]
mod tests;

pub use xlsx::write_xlsx;

/// Size and seed of a demo dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// Rows wanted in total; the story customers (named and portfolio, some 45k rows) are always
    /// emitted whole, even beyond this.
    pub rows: usize,
    /// Seed for every random choice; the same seed gives the same rows.
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { rows: 60_000, seed: 7 }
    }
}

/// Column headers of the demo file, in the Chinese a data provider would use.
pub const HEADERS: [&str; 13] =
    ["日期", "进口商", "出口商", "HS编码", "商品描述", "数量", "单位", "重量(KG)", "金额(USD)", "原产国", "目的国", "港口", "提单号"];

/// One import record as it appears in the demo file.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoRow {
    /// Shipment date.
    pub date: chrono::NaiveDate,
    /// Importer name, spelled as in the record (some customers appear under two spellings).
    pub buyer: String,
    /// Exporter name, spelled as in the record.
    pub supplier: String,
    /// Eight-digit HS code as text, e.g. "73181590".
    pub hs: String,
    /// English goods description.
    pub description: String,
    /// Quantity in `unit`.
    pub quantity: f64,
    /// "KGS" or "PCS".
    pub unit: &'static str,
    /// Gross weight in kilograms.
    pub weight_kg: f64,
    /// Declared value in US dollars.
    pub value_usd: f64,
    /// Country of origin (the supplier's), in English capitals.
    pub origin: &'static str,
    /// Destination country (the importer's), in English capitals.
    pub destination: String,
    /// Port of discharge.
    pub port: String,
    /// Bill of lading number, unique per row.
    pub bill_of_lading: String,
}

/// Who is who in the demo data: our names, the competitors, our catalog and the planted stories.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCast {
    /// Every spelling of our own firm in the supplier column.
    pub our_names: Vec<String>,
    /// The five fastener competitors, as spelled in the data.
    pub competitors: Vec<String>,
    /// Our catalog as HS6 codes.
    pub catalog: Vec<String>,
    /// One entry per story customer (the named ones first, then the portfolio), saying what its
    /// data was built to show.
    pub stories: Vec<Story>,
}

/// What one story customer's data was built to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The pattern planted.
    pub kind: StoryKind,
    /// Canonical spelling of the customer: the spelling used most in its rows.
    pub customer: String,
    /// One English sentence describing what is planted.
    pub note: &'static str,
    /// First day of the month the planted change starts; `None` for quiet kinds.
    pub onset: Option<chrono::NaiveDate>,
    /// What a health check should conclude about the customer.
    pub truth: Truth,
}

/// The verdict a health check should reach on a story customer, for scoring a replay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Truth {
    /// Must stay green: steady, seasonal, lumpy, thin and wandering customers, group siblings.
    Quiet,
    /// May turn yellow, never orange or red: a trial supplier that leaves, NORDIC BYGG's trials.
    AtMostYellow,
    /// A growth opportunity, not a risk: the fast growers.
    Opportunity,
    /// Should be flagged.
    Alert {
        /// Whether our value to it collapses within the span: some quarter after the onset falls
        /// below half of its trailing four-quarter average, or to zero (a churn event as the
        /// backtest defines it). False for ANDES's demand gap and MIDLANDS's steady 15%-a-quarter
        /// decline, which never halves a quarter against the four before it.
        churn: bool,
    },
}

/// The patterns planted in the named customers' purchases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoryKind {
    /// Category total steady while a competitor takes our share.
    ShareShift,
    /// A single-source customer starts trial orders with new suppliers.
    NewSuppliers,
    /// The customer's whole business shrinks quarter after quarter.
    Shrinking,
    /// Growing purchases of related codes we do not sell.
    DemandGap,
    /// Members of one group: one buys from us, its sister only from competitors.
    GroupSibling,
    /// A small customer whose purchases multiply within two quarters.
    FastGrower,
    /// Mostly ours, quarterly noise only.
    Steady,
    /// Q4 about twice Q2, every year.
    Seasonal,
    /// One or two large lots a year, nothing in between.
    Lumpy,
    /// Under 5k USD a year.
    Thin,
    /// Share moves about ±10 points quarter to quarter without a trend.
    Wandering,
    /// A new supplier ships one or two small trial lots and leaves; our share holds.
    TrialLeaves,
    /// A competitor takes our share gradually (about 80% to 20% over 12-15 months) while the
    /// category total holds.
    ShareSlide,
    /// Trial lots from a competitor for some months, then an abrupt move of most of the business.
    TrialThenMove,
    /// Our orders come ever more rarely, then stop, while the customer buys from others.
    RhythmThinning,
    /// Nothing from us from one month to the next, without prior sign.
    Lost,
}

/// Errors from writing the demo workbook.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The spreadsheet writer failed (file not writable, sheet limits, ...).
    #[error("could not write the demo workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

impl DemoError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            DemoError::Xlsx(e) => crate::msg!("error.demo.xlsx", detail = e.to_string()),
        }
    }
}

/// The cast of the default demo data (seed 7): `cast_for(&DemoOptions::default())`.
pub fn cast() -> DemoCast {
    cast_for(&DemoOptions::default())
}

/// The cast of the demo data of `opts.seed`: our spellings, competitors, catalog and the story of
/// every story customer, named and portfolio (the portfolio depends on the seed, not on the rows).
pub fn cast_for(opts: &DemoOptions) -> DemoCast {
    let members = portfolio::draw(opts.seed, &mut names::NameBook::new());
    DemoCast {
        our_names: catalog::our_names().iter().map(|n| n.to_string()).collect(),
        competitors: catalog::COMPETITORS.iter().map(|&s| catalog::SUPPLIERS[s].names[0].to_string()).collect(),
        catalog: catalog::CATALOG.iter().map(|&p| catalog::PRODUCTS[p].hs6.to_string()).collect(),
        stories: truth::named().chain(members.iter().map(truth::member)).collect(),
    }
}

/// Streams every row (deterministic for a seed), returns the count. Rows need not be sorted.
///
/// The story customers (named, then the portfolio) come first and are emitted whole; the
/// background market then fills up to `opts.rows` exactly (it adds nothing when the stories alone
/// reach it).
pub fn generate(opts: &DemoOptions, emit: &mut dyn FnMut(&DemoRow)) -> u64 {
    let mut sink = sink::Sink::new(opts.seed, emit);
    // The portfolio's names go into the book first, so the market never takes one of them.
    let mut names = names::NameBook::new();
    let members = portfolio::draw(opts.seed, &mut names);
    story::emit_all(&mut sink, opts.seed);
    course::emit_all(&mut sink, opts.seed, &members);
    let wanted = opts.rows as u64;
    if sink.count() < wanted {
        let budget = wanted - sink.count();
        market::fill(&mut sink, opts.seed, budget, &mut names);
    }
    sink.count()
}

mod workspace;
pub use workspace::{build_workspace, demo_workspace_path};

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn demo_errors_speak_chinese_with_their_fields() {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let denied = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let e = DemoError::Xlsx(rust_xlsxwriter::XlsxError::IoError(denied));
        let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("permission denied") && zh.contains("演示"), "{zh}");
        assert_ne!(en, zh);
    }
}
