//! Behaviour of the demo data: determinism, size, and every planted story.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use super::*;

mod portfolio;
mod series;
mod stories;
mod truth;

/// Every row of one generation.
fn rows(rows: usize, seed: u64) -> Vec<DemoRow> {
    let mut out = Vec::new();
    generate(&DemoOptions { rows, seed }, &mut |r| out.push(r.clone()));
    out
}

/// The named customers' rows alone, exactly as `generate` emits them first.
fn named_rows(seed: u64) -> Vec<DemoRow> {
    let mut out = Vec::new();
    let mut emit = |r: &DemoRow| out.push(r.clone());
    story::emit_all(&mut sink::Sink::new(seed, &mut emit), seed);
    out
}

/// (year, quarter) of a date.
fn quarter(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3 + 1)
}

/// The cast, built once for the many row checks.
static CAST: LazyLock<DemoCast> = LazyLock::new(cast);

fn is_ours(r: &DemoRow) -> bool {
    CAST.our_names.contains(&r.supplier)
}

fn in_catalog(r: &DemoRow) -> bool {
    CAST.catalog.iter().any(|c| r.hs.starts_with(c.as_str()))
}

/// Rows of a customer under any of its spellings (spellings differ only in punctuation and case).
fn of<'a>(data: &'a [DemoRow], customer: &str) -> Vec<&'a DemoRow> {
    let wanted = series::key(customer);
    data.iter().filter(|r| series::key(&r.buyer) == wanted).collect()
}

/// Sum of values per quarter of the rows passing `keep`.
fn by_quarter(rows: &[&DemoRow], keep: impl Fn(&DemoRow) -> bool) -> BTreeMap<(i32, u32), f64> {
    let mut out = BTreeMap::new();
    for r in rows.iter().filter(|r| keep(r)) {
        *out.entry(quarter(r.date)).or_insert(0.0) += r.value_usd;
    }
    out
}

fn sum(rows: &[&DemoRow], keep: impl Fn(&DemoRow) -> bool) -> f64 {
    rows.iter().filter(|r| keep(r)).map(|r| r.value_usd).sum()
}

#[test]
fn named_rows_come_first_and_alone() {
    let named = named_rows(7);
    assert_eq!(named[..], rows(0, 7)[..named.len()]);
}

#[test]
fn same_seed_gives_same_rows_and_another_seed_differs() {
    let a = rows(3_000, 7);
    assert_eq!(a, rows(3_000, 7));
    assert_ne!(a, rows(3_000, 8));
}

#[test]
fn fills_to_the_requested_size() {
    let mut seen = 0u64;
    let n = generate(&DemoOptions { rows: 50_000, seed: 7 }, &mut |_| seen += 1);
    assert_eq!(n, seen);
    assert!((50_000..=51_000).contains(&n), "{n} rows");
    assert_eq!(DemoOptions::default(), DemoOptions { rows: 60_000, seed: 7 });
}

#[test]
fn tiny_request_still_emits_every_story_customer() {
    let data = rows(10, 7);
    assert!(data.len() > 10);
    let buyers: HashSet<&str> = data.iter().map(|r| r.buyer.as_str()).collect();
    for story in cast().stories {
        assert!(buyers.contains(story.customer.as_str()), "{} missing", story.customer);
    }
}

#[test]
fn cast_matches_the_data() {
    let cast = cast();
    assert_eq!(cast.our_names.len(), 3);
    assert_eq!(cast.competitors.len(), 5);
    assert_eq!(cast.catalog, ["731815", "731816", "731822", "731814"]);
    assert_eq!(cast.stories.len(), roster::CUSTOMERS.len() + 313);
    assert!(cast.stories.iter().all(|s| !s.note.is_empty()));
    let steady = cast.stories.iter().filter(|s| s.kind == StoryKind::Steady).count();
    assert!(steady >= 12);
    let data = rows(30_000, 7);
    let by_key = series::index(&data);
    let named = cast.stories.iter().take(roster::CUSTOMERS.len());
    let countries: HashSet<&str> = named.flat_map(|s| &by_key[&series::key(&s.customer)]).map(|r| r.destination.as_str()).collect();
    assert!(countries.len() >= 8, "{countries:?}");
    let suppliers: HashSet<&str> = data.iter().map(|r| r.supplier.as_str()).collect();
    for name in cast.our_names.iter().chain(&cast.competitors) {
        assert!(suppliers.contains(name.as_str()), "{name} never ships");
    }
}

#[test]
fn rows_are_well_formed() {
    // Beyond the story customers' rows, so the background market is there too.
    let data = rows(60_000, 7);
    let first = NaiveDate::from_ymd_opt(2022, 10, 1).expect("valid date");
    let last = NaiveDate::from_ymd_opt(2026, 9, 30).expect("valid date");
    let mut bills = HashSet::new();
    for r in &data {
        assert!(r.date >= first && r.date <= last, "{}", r.date);
        assert!(r.hs.len() == 8 && r.hs.chars().all(|c| c.is_ascii_digit()), "{}", r.hs);
        assert!(r.unit == "KGS" || r.unit == "PCS");
        assert!(r.weight_kg >= 1.0 && r.weight_kg <= 25_000.0, "{}", r.weight_kg);
        assert!(r.value_usd > 0.0 && r.quantity > 0.0);
        assert!(bills.insert(r.bill_of_lading.clone()), "duplicate {}", r.bill_of_lading);
    }
    // Ports and countries are one per customer.
    let mut places: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for r in &data {
        let place = (r.destination.as_str(), r.port.as_str());
        assert_eq!(*places.entry(r.buyer.as_str()).or_insert(place), place, "{}", r.buyer);
    }
    // Background importers never buy from us.
    let named: HashSet<String> = cast().stories.into_iter().map(|s| series::key(&s.customer)).collect();
    let ours_elsewhere = data.iter().filter(|r| is_ours(r)).filter(|r| !named.contains(&series::key(&r.buyer))).count();
    assert_eq!(ours_elsewhere, 0);
}

#[test]
fn writes_a_readable_workbook() {
    use calamine::{Data, Reader, open_workbook_auto};

    let file = tempfile::Builder::new().prefix("customs-radar-demo-").suffix(".xlsx").tempfile().expect("temp file");
    let opts = DemoOptions { rows: 2_000, seed: 7 };
    let written = write_xlsx(file.path(), &opts).expect("workbook written");
    assert_eq!(written, generate(&opts, &mut |_| {}));

    let mut book = open_workbook_auto(file.path()).expect("workbook opens");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).expect("sheet reads");
    assert_eq!(range.start(), Some((0, 0)));
    let all: Vec<&[Data]> = range.rows().collect();
    assert!(matches!(&all[0][0], Data::String(s) if s.contains("synthetic demo data")));
    assert!(all[1].iter().all(|c| *c == Data::Empty));
    let header: Vec<String> = all[2].iter().map(|c| c.to_string()).collect();
    assert_eq!(header, HEADERS);
    assert_eq!((all.len() - 3) as u64, written);
    assert!(matches!(all[3][0], Data::DateTime(_)), "{:?}", all[3][0]);
    assert!(matches!(all[3][3], Data::String(ref s) if s.len() == 8));
    assert!(matches!(all[3][8], Data::Float(_)));
}
