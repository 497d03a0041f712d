//! Provider layouts: how the importer reads the spreadsheets customs-data providers actually send.
//! Which column is the value (and in which currency and unit), headers in the languages customs
//! data comes in, per-column number conventions, roles (trader, importer country, transport mode),
//! CSV row numbers, and refusals that say what is missing.
//!
//! Every fixture is built in code and read back (calamine for .xlsx, the csv crate for .csv) before
//! it is imported, so a failure here is the importer's, not the fixture's.

mod common;
use common::{Scratch, V, assert_accounted, column_for, xlsx};

use calamine::{Data, Reader, open_workbook_auto};
use customs_radar::model::{Cents, Dataset};
use customs_radar::store::ImportReport;
use std::path::PathBuf;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Writes a one-sheet workbook (header row then data rows) and reads it back cell by cell.
fn book(s: &Scratch, name: &str, header: &[&'static str], rows: Vec<Vec<V>>) -> PathBuf {
    let mut all = vec![header.iter().map(|h| V::T(h)).collect::<Vec<V>>()];
    for r in &rows {
        assert_eq!(r.len(), header.len(), "fixture row width in {name}: {r:?}");
    }
    all.extend(rows);
    let path = s.path(name);
    xlsx(&path, &[("Sheet1", all.clone())]);
    read_back_xlsx(&path, "Sheet1", &all);
    path
}

/// Opens a workbook with calamine and checks every cell is what was written.
fn read_back_xlsx(path: &PathBuf, sheet: &str, rows: &[Vec<V>]) {
    let mut wb = open_workbook_auto(path).expect("fixture opens with calamine");
    let range = wb.worksheet_range(sheet).expect("fixture sheet");
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    assert_eq!(range.get_size(), (rows.len(), width), "fixture size of {}", path.display());
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let got = range.get((r, c)).cloned().unwrap_or(Data::Empty);
            let ok = match (v, &got) {
                (V::T(t), Data::String(g)) => g == t,
                (V::S(t), Data::String(g)) => g == t,
                (V::N(n), Data::Float(g)) => (g - n).abs() < 1e-9,
                (V::N(n), Data::Int(g)) => (*g as f64 - n).abs() < 1e-9,
                (V::D(..), Data::DateTime(_)) => true,
                (V::E, Data::Empty) => true,
                _ => false,
            };
            assert!(ok, "fixture cell ({r},{c}) of {}: wrote {v:?}, read {got:?}", path.display());
        }
    }
}

/// Writes a CSV and reads it back: `records` data records, each as wide as the header.
fn csv_file(s: &Scratch, name: &str, text: &str, delimiter: u8, records: usize) -> (PathBuf, Vec<csv::StringRecord>) {
    let path = s.file(name, text.as_bytes());
    let mut rd = csv::ReaderBuilder::new().delimiter(delimiter).from_path(&path).expect("fixture csv opens");
    let width = rd.headers().expect("fixture csv header").len();
    let recs: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("fixture csv record")).collect();
    assert_eq!(recs.len(), records, "fixture {name}: data records");
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r.len(), width, "fixture {name}: record {} width", i + 1);
    }
    (path, recs)
}

fn dataset(s: &Scratch) -> Dataset {
    s.ws.load_dataset().expect("load dataset")
}

fn total(ds: &Dataset) -> Cents {
    ds.shipments.iter().map(|s| s.value).sum()
}

fn usd(dollars: f64) -> Cents {
    Cents::from_dollars(dollars).expect("cents")
}

/// The sum of dollar amounts, each rounded to the cent as a record would be.
fn usd_sum(values: &[f64]) -> Cents {
    values.iter().map(|v| usd(*v)).sum()
}

/// Prints what the import chose and said (shown by the test harness when a test fails).
fn show(r: &ImportReport) {
    for f in &r.files {
        eprintln!("file {} [{}] reason={:?} notes={:#?}", f.file, f.status, f.reason, f.notes);
        for sh in &f.sheets {
            let cols: Vec<String> = sh.columns.iter().map(|c| format!("{}={}", c.field.key(), c.header)).collect();
            eprintln!("  sheet {} [{}] reason={:?} columns={cols:?} notes={:#?}", sh.sheet, sh.status, sh.reason, sh.notes);
        }
    }
    for rj in &r.rejected {
        eprintln!("  rejected row {} ({}): {}", rj.row, rj.column, rj.reason);
    }
}

/// Every message of the report: file and sheet reasons and notes, and rejected rows (column and
/// reason), one per entry.
fn messages(r: &ImportReport) -> Vec<String> {
    let mut out = Vec::new();
    for f in &r.files {
        out.extend(f.reason.iter().map(ToString::to_string));
        out.extend(f.notes.iter().map(ToString::to_string));
        for sh in &f.sheets {
            out.extend(sh.reason.iter().map(ToString::to_string));
            out.extend(sh.notes.iter().map(ToString::to_string));
            out.extend(sh.warnings.iter().map(ToString::to_string));
        }
    }
    for rj in &r.rejected {
        out.push(format!("{}: {}", rj.column, rj.reason));
    }
    out
}

/// The reasons a file or sheet was refused or skipped.
fn refusal_reasons(r: &ImportReport) -> String {
    let mut out = Vec::new();
    for f in &r.files {
        out.extend(f.reason.iter().map(ToString::to_string));
        for sh in &f.sheets {
            out.extend(sh.reason.iter().map(ToString::to_string));
        }
    }
    out.join("\n")
}

/// Number of report messages that mention `needle` (case-insensitive).
fn mentions(r: &ImportReport, needle: &str) -> usize {
    let needle = needle.to_lowercase();
    messages(r).iter().filter(|m| m.to_lowercase().contains(&needle)).count()
}

/// True when some message mentions any of the needles.
fn mentions_any(r: &ImportReport, needles: &[&str]) -> bool {
    needles.iter().any(|n| mentions(r, n) > 0)
}

/// No imported shipment with a weight has a USD/kg outside `lo..=hi`.
fn assert_per_kg(ds: &Dataset, lo: f64, hi: f64) {
    for sh in &ds.shipments {
        if let Some(kg) = sh.weight_kg.filter(|kg| *kg > 0.0) {
            let per_kg = sh.value.dollars() / kg;
            assert!(
                (lo..=hi).contains(&per_kg),
                "{} ({}) at {per_kg:.4} USD/kg ({} for {kg} kg) is not plausible for these goods",
                ds.name(sh.buyer),
                sh.hs6,
                sh.value
            );
        }
    }
}

/// Shipments of buyers whose display name or a spelling contains `part` (case-insensitive).
fn shipments_of<'a>(ds: &'a Dataset, part: &str) -> Vec<&'a customs_radar::model::Shipment> {
    let part = part.to_lowercase();
    ds.shipments
        .iter()
        .filter(|sh| {
            ds.companies
                .get(&sh.buyer)
                .is_some_and(|c| c.name.to_lowercase().contains(&part) || c.aliases.iter().any(|a| a.to_lowercase().contains(&part)))
        })
        .collect()
}

/// Asserts the whole file was imported: `n` rows, none rejected, every row accounted.
fn assert_all_imported(r: &ImportReport, n: u64) {
    assert_accounted(r);
    assert_eq!(r.rows_read, n, "rows read: {:#?}", messages(r));
    assert_eq!(r.imported, n, "every row imported; report says: {:#?}\nrejected: {:#?}", messages(r), r.rejected);
    assert!(r.rejected.is_empty(), "no row rejected: {:#?}", r.rejected);
}

/// One fastener / tile shipment of the shared fixtures.
#[derive(Clone, Copy)]
struct Ship {
    day: (u16, u8, u8),
    buyer: &'static str,
    supplier: &'static str,
    hs: &'static str,
    desc: &'static str,
    kg: f64,
    usd: f64,
}

/// Fasteners (chapter 73) at 1.8–3.75 USD/kg.
const BOLTS: [Ship; 6] = [
    Ship {
        day: (2025, 1, 7),
        buyer: "Acme Industrial Supply LLC",
        supplier: "Ningbo Haixin Fasteners Co., Ltd.",
        hs: "731815",
        desc: "HEX BOLTS M10 ZINC PLATED",
        kg: 4_820.0,
        usd: 11_568.00,
    },
    Ship {
        day: (2025, 1, 15),
        buyer: "Midwest Bolt & Nut Inc",
        supplier: "Jiaxing Hongda Hardware Co., Ltd.",
        hs: "731816",
        desc: "HEX NUTS M12 GRADE 8",
        kg: 3_150.0,
        usd: 7_245.50,
    },
    Ship {
        day: (2025, 1, 28),
        buyer: "Acme Industrial Supply LLC",
        supplier: "Ningbo Haixin Fasteners Co., Ltd.",
        hs: "731815",
        desc: "CARRIAGE BOLTS M8",
        kg: 6_000.0,
        usd: 13_200.00,
    },
    Ship {
        day: (2025, 2, 3),
        buyer: "Pacific Fastening Systems Corp",
        supplier: "Handan Yongnian Fastener Factory",
        hs: "731815",
        desc: "ANCHOR BOLTS HDG",
        kg: 9_400.0,
        usd: 16_920.00,
    },
    Ship {
        day: (2025, 2, 19),
        buyer: "Gulf Coast Hardware Co",
        supplier: "Ningbo Haixin Fasteners Co., Ltd.",
        hs: "731814",
        desc: "SELF TAPPING SCREWS",
        kg: 2_250.0,
        usd: 8_437.50,
    },
    Ship {
        day: (2025, 3, 4),
        buyer: "Midwest Bolt & Nut Inc",
        supplier: "Jiaxing Hongda Hardware Co., Ltd.",
        hs: "731822",
        desc: "FLAT WASHERS",
        kg: 5_100.0,
        usd: 9_180.00,
    },
];

/// Ceramic tiles (690721) at 0.45–0.8 USD/kg.
const TILES: [Ship; 5] = [
    Ship {
        day: (2025, 4, 2),
        buyer: "Tile & Carpet Centre Ltd",
        supplier: "Foshan Sunvin Ceramics Co., Ltd.",
        hs: "690721",
        desc: "PORCELAIN FLOOR TILES 600X600",
        kg: 26_000.0,
        usd: 15_600.00,
    },
    Ship {
        day: (2025, 4, 11),
        buyer: "Nairobi Ceramics Ltd",
        supplier: "Foshan Sunvin Ceramics Co., Ltd.",
        hs: "690721",
        desc: "GLAZED PORCELAIN TILES 800X800",
        kg: 24_500.0,
        usd: 19_600.00,
    },
    Ship {
        day: (2025, 4, 23),
        buyer: "Mombasa Hardware Ltd",
        supplier: "Zibo Kito Ceramics Co., Ltd.",
        hs: "690721",
        desc: "RUSTIC FLOOR TILES",
        kg: 27_000.0,
        usd: 12_150.00,
    },
    Ship {
        day: (2025, 5, 6),
        buyer: "Tile & Carpet Centre Ltd",
        supplier: "Zibo Kito Ceramics Co., Ltd.",
        hs: "690721",
        desc: "POLISHED PORCELAIN TILES",
        kg: 25_800.0,
        usd: 18_447.00,
    },
    Ship {
        day: (2025, 5, 20),
        buyer: "Nairobi Ceramics Ltd",
        supplier: "Foshan Sunvin Ceramics Co., Ltd.",
        hs: "690721",
        desc: "MATT PORCELAIN TILES 600X1200",
        kg: 26_400.0,
        usd: 17_160.00,
    },
];

fn day(s: &Ship) -> V {
    V::D(s.day.0, s.day.1, s.day.2)
}

fn bolts_total() -> Cents {
    usd_sum(&BOLTS.map(|b| b.usd))
}

// ---------------------------------------------------------------------------------------------
// Value chosen by meaning
// ---------------------------------------------------------------------------------------------

/// Rule: FOB/CIF/customs value/total in USD before anything labelled freight, insurance, tax or
/// duty (totals before components), wherever the components stand.
#[test]
fn customs_value_wins_over_freight_insurance_duty_and_tax() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            let freight = (b.kg * 0.21 * 100.0).round() / 100.0;
            let insurance = (b.usd * 0.003 * 100.0).round() / 100.0;
            let cif = b.usd + freight + insurance;
            let duty = (cif * 0.05 * 100.0).round() / 100.0;
            let vat = ((cif + duty) * 0.16 * 100.0).round() / 100.0;
            vec![
                day(b),
                V::T(b.buyer),
                V::T(b.supplier),
                V::T(b.hs),
                V::T(b.desc),
                V::N(b.kg),
                V::N(freight),
                V::N(insurance),
                V::N(duty),
                V::N(vat),
                V::N(cif),
            ]
        })
        .collect::<Vec<_>>();
    let expected: Cents = BOLTS
        .iter()
        .map(|b| {
            let freight = (b.kg * 0.21 * 100.0).round() / 100.0;
            let insurance = (b.usd * 0.003 * 100.0).round() / 100.0;
            usd(b.usd + freight + insurance)
        })
        .sum();
    let p = book(
        &s,
        "declarations.xlsx",
        &[
            "DECLARATION_DATE",
            "IMPORTER_NAME",
            "SUPPLIER_NAME",
            "HS_CODE",
            "GOODS_DESCRIPTION",
            "NET_WEIGHT_KG",
            "FREIGHT_USD",
            "INSURANCE_USD",
            "IMPORT_DUTY_USD",
            "VAT_USD",
            "CUSTOMS_VALUE_USD",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("CUSTOMS_VALUE_USD"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), expected);
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: `COST_USD_KG` is a rate, `TOTALUSD` is a value in US dollars (near miss: the run-together
/// header must still be chosen).
/// The file has no weight column (QTY in KGS is the quantity): a per-kg rate read as a weight or a
/// value would make the right TOTALUSD look implausible or pick the wrong value.
#[test]
fn totalusd_is_the_value_and_cost_usd_kg_is_a_rate() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            let per_kg = (b.usd / b.kg * 100.0).round() / 100.0;
            vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::T("KGS"), V::N(per_kg), V::N(b.usd)]
        })
        .collect();
    let p = book(
        &s,
        "export_india.xlsx",
        &["SB_DATE", "CONSIGNEE", "EXPORTER", "HS_CODE", "ITEM_DESC", "QTY", "UNIT", "COST_USD_KG", "TOTALUSD"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("TOTALUSD"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: never a rate, a price per unit or per kilogram (`USD_PER_KG`), a percentage or a count,
/// even when they stand left of the value or hold larger numbers than it.
#[test]
fn rates_prices_percentages_and_counts_are_never_the_value() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            let pieces = (b.kg * 25.0).round();
            let unit_price = (b.usd / pieces * 10_000.0).round() / 10_000.0;
            let per_kg = (b.usd / b.kg * 10_000.0).round() / 10_000.0;
            let packages = (b.kg / 25.0).round();
            vec![
                day(b),
                V::T(b.buyer),
                V::T(b.supplier),
                V::T(b.hs),
                V::T(b.desc),
                V::N(pieces),
                V::T("PCS"),
                V::N(unit_price),
                V::N(per_kg),
                V::N(12.5),
                V::N(packages),
                V::N(b.kg),
                V::N(b.usd),
            ]
        })
        .collect();
    let p = book(
        &s,
        "manifest.xlsx",
        &[
            "DATE",
            "IMPORTER",
            "EXPORTER",
            "HS CODE",
            "PRODUCT DESCRIPTION",
            "QUANTITY",
            "UNIT",
            "UNIT PRICE USD",
            "USD_PER_KG",
            "DUTY RATE (%)",
            "NO. OF PACKAGES",
            "NET WEIGHT (KG)",
            "FOB VALUE (USD)",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("FOB VALUE (USD)"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: a side column (`USD_OTHERS`) must not win over `USD_FOB`; the import note names the
/// column chosen.
#[test]
fn usd_others_does_not_win_over_usd_fob_and_the_note_names_it() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            let others = (b.kg * 0.35 * 100.0).round() / 100.0;
            vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(others), V::N(b.usd)]
        })
        .collect();
    let p = book(
        &s,
        "latam_imports.xlsx",
        &["DATE", "IMPORTER", "SUPPLIER", "HS_CODE", "PRODUCT_DESCRIPTION", "NET_WEIGHT", "USD_OTHERS", "USD_FOB"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("USD_FOB"));
    let notes: Vec<String> = r
        .files
        .iter()
        .flat_map(|f| f.notes.iter().chain(f.sheets.iter().flat_map(|sh| sh.notes.iter())))
        .map(ToString::to_string)
        .collect();
    assert!(notes.iter().any(|n| n.to_lowercase().contains("usd_fob")), "a note names the value column chosen over USD_OTHERS: {notes:#?}");
    assert_eq!(total(&dataset(&s)), bolts_total());
}

/// Rule: a side column (`OTHER EXPENDITURES VALUE`) must not win over `FOB VALUE`.
#[test]
fn other_expenditures_do_not_win_over_fob_value() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            let other = (b.usd * 0.018 * 100.0).round() / 100.0;
            vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(other), V::N(b.usd)]
        })
        .collect();
    let p = book(
        &s,
        "ecuador.xlsx",
        &["DATE", "IMPORTER", "SUPPLIER", "HS CODE", "COMMERCIAL DESCRIPTION", "NET WEIGHT", "OTHER EXPENDITURES VALUE", "FOB VALUE"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("FOB VALUE"));
    assert_eq!(total(&dataset(&s)), bolts_total());
}

/// Rule: a column declared in thousands (`FOB_VALUE_IN_1000_USD`) is scaled.
#[test]
fn fob_value_in_thousands_is_scaled() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(b.usd / 1000.0)])
        .collect();
    let p = book(
        &s,
        "summary_k.xlsx",
        &["DATE", "IMPORTER", "EXPORTER", "HS_CODE", "DESCRIPTION", "NET_WEIGHT_KG", "FOB_VALUE_IN_1000_USD"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("FOB_VALUE_IN_1000_USD"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total(), "thousands of USD scaled to USD");
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: a column declared in millions is scaled.
#[test]
fn cif_value_in_millions_is_scaled() {
    let mut s = Scratch::new();
    // Monthly totals of large tile distributors: 0.45–0.8 USD/kg.
    let data = [
        ((2025, 1, 31), "Tile & Carpet Centre Ltd", 2_050_000.0, 1.25),
        ((2025, 1, 31), "Nairobi Ceramics Ltd", 1_400_000.0, 0.84),
        ((2025, 2, 28), "Tile & Carpet Centre Ltd", 3_500_000.0, 2.1),
        ((2025, 2, 28), "Mombasa Hardware Ltd", 1_020_000.0, 0.655),
        ((2025, 3, 31), "Nairobi Ceramics Ltd", 1_850_000.0, 1.125),
    ];
    let rows = data
        .iter()
        .map(|(d, buyer, kg, m)| {
            vec![
                V::D(d.0, d.1, d.2),
                V::T(buyer),
                V::T("Foshan Sunvin Ceramics Co., Ltd."),
                V::T("690721"),
                V::T("PORCELAIN TILES"),
                V::N(*kg),
                V::N(*m),
            ]
        })
        .collect();
    let p = book(
        &s,
        "monthly_tiles.xlsx",
        &["DATE", "IMPORTER", "EXPORTER", "HS CODE", "PRODUCT DESCRIPTION", "NET WEIGHT (KG)", "CIF VALUE (USD MILLION)"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    assert_eq!(column_for(&r, "value").as_deref(), Some("CIF VALUE (USD MILLION)"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd(5_970_000.0), "millions of USD scaled to USD");
    assert_per_kg(&ds, 0.1, 5.0);
}

/// Rule: `FREE_ON_BOARD` beside a `CURRENCY` column holding USD imports (near miss: a legitimate
/// value with no "value" or "USD" in its header).
#[test]
fn free_on_board_with_currency_usd_imports() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::T("USD"), V::N(b.usd)])
        .collect();
    let p =
        book(&s, "fob.xlsx", &["DATE", "IMPORTER", "EXPORTER", "HS_CODE", "DESCRIPTION", "NET_WEIGHT", "CURRENCY", "FREE_ON_BOARD"], rows);
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("FREE_ON_BOARD"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: `COST_INSURANCE_FREIGHT` beside `CURRENCY` = USD imports, and wins over the `FREIGHT` and
/// `INSURANCE` components although its own header holds those words.
#[test]
fn cost_insurance_freight_with_currency_usd_wins_over_its_components() {
    let mut s = Scratch::new();
    let mut expected = Cents::ZERO;
    let rows = TILES
        .iter()
        .map(|t| {
            let freight = (t.kg * 0.06 * 100.0).round() / 100.0;
            let insurance = (t.usd * 0.004 * 100.0).round() / 100.0;
            let cif = t.usd + freight + insurance;
            expected += usd(cif);
            vec![
                day(t),
                V::T(t.buyer),
                V::T(t.supplier),
                V::T(t.hs),
                V::T(t.desc),
                V::N(t.kg),
                V::T("USD"),
                V::N(freight),
                V::N(insurance),
                V::N(cif),
            ]
        })
        .collect();
    let p = book(
        &s,
        "cif.xlsx",
        &[
            "DATE",
            "IMPORTER",
            "EXPORTER",
            "HS_CODE",
            "DESCRIPTION",
            "GROSS_WEIGHT",
            "CURRENCY",
            "FREIGHT",
            "INSURANCE",
            "COST_INSURANCE_FREIGHT",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    assert_eq!(column_for(&r, "value").as_deref(), Some("COST_INSURANCE_FREIGHT"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), expected);
    assert_per_kg(&ds, 0.1, 5.0);
}

// ---------------------------------------------------------------------------------------------
// Currency sense
// ---------------------------------------------------------------------------------------------

/// Rule: a local-currency value (`TOTALVALUE` in Tanzanian shillings, per the `CURRENCY` column) is
/// never taken as USD at face value: converted at a justified rate or refused, and the report says
/// so.
#[test]
fn tanzanian_shillings_are_not_taken_as_dollars() {
    let mut s = Scratch::new();
    let tzs = [30_076_800.0, 18_838_300.0, 34_320_000.0, 43_992_000.0, 21_937_500.0, 23_868_000.0];
    let rows = BOLTS
        .iter()
        .zip(tzs)
        .map(|(b, v)| {
            vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::T("CHINA"), V::N(b.kg), V::T("TZS"), V::N(v)]
        })
        .collect();
    let p = book(
        &s,
        "tra_imports.xlsx",
        &[
            "DECLARATION DATE",
            "IMPORTER NAME",
            "EXPORTER NAME",
            "HS CODE",
            "GOODS DESCRIPTION",
            "COUNTRY OF ORIGIN",
            "GROSS WEIGHT (KG)",
            "CURRENCY",
            "TOTALVALUE",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    let ds = dataset(&s);
    assert_ne!(total(&ds), usd_sum(&tzs), "shillings imported as dollars at face value");
    assert!(mentions_any(&r, &["TZS", "TOTALVALUE"]), "the report says the value is in shillings: {:#?}", messages(&r));
}

/// Rule: CFA francs are not dollars (a file with only a `VALEUR CAF (FCFA)` value and no rate).
#[test]
fn cfa_francs_are_not_taken_as_dollars() {
    let mut s = Scratch::new();
    let fcfa = [6_998_640.0, 4_383_528.0, 7_986_000.0, 10_236_600.0, 5_104_688.0, 5_553_900.0];
    let rows = BOLTS
        .iter()
        .zip(fcfa)
        .map(|(b, v)| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::T("CHINE"), V::N(b.kg), V::N(v)])
        .collect();
    let p = book(
        &s,
        "douane_senegal.xlsx",
        &["DATE", "IMPORTATEUR", "FOURNISSEUR", "CODE SH", "DÉSIGNATION", "ORIGINE", "POIDS NET (KG)", "VALEUR CAF (FCFA)"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    let ds = dataset(&s);
    assert_ne!(total(&ds), usd_sum(&fcfa), "CFA francs imported as dollars at face value");
    assert!(mentions_any(&r, &["FCFA", "XOF", "VALEUR CAF"]), "the report says the value is in CFA francs: {:#?}", messages(&r));
}

/// Rule: when a USD column exists beside a local one (Pakistani rupees, left of it), the USD one is
/// used.
#[test]
fn usd_column_is_used_beside_pakistani_rupees() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            let pkr = (b.usd * 278.6 * 100.0).round() / 100.0;
            vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(pkr), V::N(b.usd), V::N(278.6)]
        })
        .collect();
    let p = book(
        &s,
        "pk_gd.xlsx",
        &[
            "GD DATE",
            "IMPORTER NAME",
            "EXPORTER NAME",
            "HS CODE",
            "ITEM DESCRIPTION",
            "NET WEIGHT (KG)",
            "DECLARED VALUE (PKR)",
            "DECLARED VALUE (USD)",
            "EXCHANGE RATE",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("DECLARED VALUE (USD)"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: a per-row `CURRENCY` column with JPY on some rows: those rows are never taken as USD at
/// face value (converted or rejected with that reason); the USD rows keep their face value.
#[test]
fn yen_rows_of_a_currency_column_are_not_taken_as_dollars() {
    let mut s = Scratch::new();
    // (buyer, currency, invoice value, kg)
    let data = [
        ("Acme Industrial Supply LLC", "USD", 11_568.00, 4_820.0),
        ("Nagoya Kiko Co., Ltd.", "JPY", 1_820_000.0, 4_900.0),
        ("Midwest Bolt & Nut Inc", "USD", 7_245.50, 3_150.0),
        ("Nagoya Kiko Co., Ltd.", "JPY", 2_450_000.0, 6_400.0),
        ("Pacific Fastening Systems Corp", "USD", 16_920.00, 9_400.0),
        ("Nagoya Kiko Co., Ltd.", "JPY", 980_000.0, 2_600.0),
        ("Gulf Coast Hardware Co", "USD", 8_437.50, 2_250.0),
    ];
    let rows = data
        .iter()
        .enumerate()
        .map(|(i, (buyer, cur, v, kg))| {
            vec![
                V::D(2025, 2, 3 + i as u8 * 3),
                V::T(buyer),
                V::T("Ningbo Haixin Fasteners Co., Ltd."),
                V::T("731815"),
                V::T("HEX BOLTS"),
                V::N(*kg),
                V::N(*v),
                V::T(cur),
            ]
        })
        .collect();
    let p = book(
        &s,
        "mixed_currency.xlsx",
        &["DATE", "CONSIGNEE", "SHIPPER", "HS CODE", "DESCRIPTION", "WEIGHT KG", "INVOICE VALUE", "CURRENCY"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    let ds = dataset(&s);
    let face: Vec<f64> = data.iter().map(|d| d.2).collect();
    assert_ne!(total(&ds), usd_sum(&face), "yen imported as dollars at face value");
    for sh in shipments_of(&ds, "nagoya") {
        assert!(!data.iter().any(|d| d.1 == "JPY" && usd(d.2) == sh.value), "a JPY row was imported as {} USD, its face value", sh.value);
    }
    let usd_face: Vec<Cents> = data.iter().filter(|d| d.1 == "USD").map(|d| usd(d.2)).collect();
    for sh in ds.shipments.iter().filter(|sh| !ds.name(sh.buyer).to_lowercase().contains("nagoya")) {
        assert!(usd_face.contains(&sh.value), "a USD row keeps its face value, not {}", sh.value);
    }
    assert!(mentions(&r, "JPY") > 0, "the report says some rows are in yen: {:#?}", messages(&r));
}

/// Rule: a local value may be converted with the file's own exchange-rate column; never at face
/// value, and when converted, at that rate (within what a reference table would also give).
#[test]
fn rupiah_with_the_files_exchange_rate_is_converted_or_refused() {
    let mut s = Scratch::new();
    let rate = 15_850.0;
    let idr: Vec<f64> = BOLTS.iter().map(|b| b.usd * rate).collect();
    let rows = BOLTS
        .iter()
        .zip(&idr)
        .map(|(b, v)| {
            vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::T("IDR"), V::N(*v), V::N(rate)]
        })
        .collect();
    let p = book(
        &s,
        "pib_idr.xlsx",
        &[
            "DATE",
            "IMPORTER",
            "EXPORTER",
            "HS CODE",
            "DESCRIPTION",
            "NET WEIGHT (KG)",
            "CURRENCY",
            "CIF VALUE (IDR)",
            "EXCHANGE RATE (IDR/USD)",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    let ds = dataset(&s);
    let got = total(&ds);
    assert_ne!(got, usd_sum(&idr), "rupiah imported as dollars at face value");
    if got > Cents::ZERO {
        let want = bolts_total().dollars();
        let ratio = got.dollars() / (want * ds.shipments.len() as f64 / 6.0);
        assert!(
            (0.94..=1.06).contains(&ratio),
            "converted at a rate far from the file's 15,850 IDR/USD: {} for {} shipments",
            got,
            ds.shipments.len()
        );
    }
    assert!(
        mentions_any(&r, &["IDR", "CIF VALUE", "EXCHANGE RATE"]),
        "the report says how the rupiah value was handled: {:#?}",
        messages(&r)
    );
}

/// Imports the fastener file with its FOB values multiplied by `factor`, in a fresh workspace.
fn bolts_scaled(factor: f64) -> ImportReport {
    let header = ["DATE", "IMPORTER", "EXPORTER", "HS CODE", "DESCRIPTION", "NET WEIGHT KG", "FOB VALUE USD"];
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(b.usd * factor)])
        .collect();
    let p = book(&s, "bolts.xlsx", &header, rows);
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    r
}

/// Rule: USD per kilogram far above what the HS chapter makes plausible (steel bolts at ~2,400
/// USD/kg, dearer than silver) is flagged in the report by a note naming the file's column, never
/// used silently. Compared with the same layout at plausible values, so no wording is assumed.
#[test]
fn usd_per_kg_far_above_the_chapter_is_flagged_naming_the_column() {
    let good = bolts_scaled(1.0);
    let bad = bolts_scaled(1000.0);
    assert_eq!(good.imported, 6, "the plausible file imports: {:#?}", messages(&good));
    assert!(
        mentions(&bad, "FOB VALUE USD") > mentions(&good, "FOB VALUE USD"),
        "bolts at ~2,400 USD/kg are flagged naming FOB VALUE USD.\nbad: {:#?}\ngood: {:#?}",
        messages(&bad),
        messages(&good)
    );
}

/// Rule: USD per kilogram 100× below what the HS chapter makes plausible (steel bolts at ~2 cents
/// a kilogram, far below scrap steel) is flagged naming the column, never used silently.
#[test]
fn usd_per_kg_100x_below_the_chapter_is_flagged_naming_the_column() {
    let good = bolts_scaled(1.0);
    let bad = bolts_scaled(0.01);
    assert_eq!(good.imported, 6, "the plausible file imports: {:#?}", messages(&good));
    assert!(
        mentions(&bad, "FOB VALUE USD") > mentions(&good, "FOB VALUE USD"),
        "bolts at ~0.024 USD/kg are flagged naming FOB VALUE USD.\nbad: {:#?}\ngood: {:#?}",
        messages(&bad),
        messages(&good)
    );
}

// ---------------------------------------------------------------------------------------------
// Headers in the languages customs data comes in
// ---------------------------------------------------------------------------------------------

/// Rule: Chinese headers (China export data, with a unit price beside the total).
#[test]
fn chinese_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 3, 3),
            "HARDWARE DEPOT SDN BHD",
            "宁波海鑫紧固件有限公司",
            "7318151001",
            "六角螺栓 镀锌 M10",
            4_820.0,
            11_568.00,
            "马来西亚",
        ),
        ((2025, 3, 10), "PT SINAR BAJA ABADI", "嘉兴宏达五金有限公司", "7318160000", "六角螺母 M12", 3_150.0, 7_245.50, "印度尼西亚"),
        ((2025, 3, 14), "ACME INDUSTRIAL SUPPLY LLC", "宁波海鑫紧固件有限公司", "7318151001", "马车螺栓 M8", 6_000.0, 13_200.00, "美国"),
        ((2025, 3, 21), "HARDWARE DEPOT SDN BHD", "邯郸永年紧固件厂", "7318159001", "地脚螺栓 热镀锌", 9_400.0, 16_920.00, "马来西亚"),
        ((2025, 3, 27), "GULF COAST HARDWARE CO", "宁波海鑫紧固件有限公司", "7318140001", "自攻螺钉", 2_250.0, 8_437.50, "美国"),
        ((2025, 4, 2), "PT SINAR BAJA ABADI", "嘉兴宏达五金有限公司", "7318220000", "平垫圈", 5_100.0, 9_180.00, "印度尼西亚"),
    ];
    let rows = data
        .iter()
        .map(|(d, buyer, sup, hs, desc, kg, v, dest)| {
            let unit = f64::round(v / kg * 100.0) / 100.0;
            vec![
                V::D(d.0, d.1, d.2),
                V::T(buyer),
                V::T(sup),
                V::T(hs),
                V::T(desc),
                V::N(*kg),
                V::N(*kg),
                V::T("千克"),
                V::N(unit),
                V::N(*v),
                V::T(dest),
            ]
        })
        .collect();
    let p = book(
        &s,
        "出口数据.xlsx",
        &["日期", "进口商", "出口商", "海关编码", "商品描述", "净重(千克)", "数量", "单位", "单价(美元)", "总价(美元)", "目的国"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("总价(美元)"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("进口商"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: English headers of a bill-of-lading style provider (near miss: the common case keeps
/// working).
#[test]
fn english_headers_import_every_row() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::T("China"), V::N(b.kg), V::N(b.usd)])
        .collect();
    let p = book(
        &s,
        "us_imports.xlsx",
        &[
            "Arrival Date",
            "Consignee Name",
            "Shipper Name",
            "HS Code",
            "Product Description",
            "Country of Origin",
            "Gross Weight (KG)",
            "Declared Value (USD)",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("Declared Value (USD)"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("Consignee Name"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: Spanish headers (Peruvian import data, with a freight column beside the FOB value).
#[test]
fn spanish_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 2, 4),
            "FERRETERIA INDUSTRIAL SAC",
            "NINGBO HAIXIN FASTENERS CO., LTD.",
            "7318159000",
            "PERNOS HEXAGONALES GALVANIZADOS M10",
            4_820.0,
            11_568.00,
        ),
        (
            (2025, 2, 11),
            "TORNILLOS Y PERNOS DEL PERU S.A.C.",
            "JIAXING HONGDA HARDWARE CO., LTD.",
            "7318160000",
            "TUERCAS HEXAGONALES M12",
            3_150.0,
            7_245.50,
        ),
        (
            (2025, 2, 18),
            "FERRETERIA INDUSTRIAL SAC",
            "NINGBO HAIXIN FASTENERS CO., LTD.",
            "7318159000",
            "PERNOS DE CARROCERIA M8",
            6_000.0,
            13_200.00,
        ),
        (
            (2025, 2, 25),
            "DISTRIBUIDORA FERROTEC S.A.",
            "HANDAN YONGNIAN FASTENER FACTORY",
            "7318159000",
            "PERNOS DE ANCLAJE",
            9_400.0,
            16_920.00,
        ),
        (
            (2025, 3, 4),
            "TORNILLOS Y PERNOS DEL PERU S.A.C.",
            "NINGBO HAIXIN FASTENERS CO., LTD.",
            "7318140000",
            "TORNILLOS AUTORROSCANTES",
            2_250.0,
            8_437.50,
        ),
        (
            (2025, 3, 11),
            "DISTRIBUIDORA FERROTEC S.A.",
            "JIAXING HONGDA HARDWARE CO., LTD.",
            "7318220000",
            "ARANDELAS PLANAS",
            5_100.0,
            9_180.00,
        ),
    ];
    let rows = data
        .iter()
        .map(|(d, imp, prov, hs, desc, kg, v)| {
            let flete = f64::round(kg * 0.18 * 100.0) / 100.0;
            vec![V::D(d.0, d.1, d.2), V::T(imp), V::T(prov), V::T(hs), V::T(desc), V::T("CHINA"), V::N(*kg), V::N(flete), V::N(*v)]
        })
        .collect();
    let p = book(
        &s,
        "importaciones_peru.xlsx",
        &[
            "FECHA",
            "IMPORTADOR",
            "PROVEEDOR",
            "PARTIDA ARANCELARIA",
            "DESCRIPCION COMERCIAL",
            "PAIS DE ORIGEN",
            "PESO NETO (KG)",
            "FLETE USD",
            "VALOR FOB USD",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("VALOR FOB USD"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("IMPORTADOR"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: Portuguese headers (Brazilian import data, NCM codes).
#[test]
fn portuguese_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 5, 5),
            "Parafusos Paulista Comércio Ltda",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181500",
            "Parafusos sextavados galvanizados M10",
            4_820.0,
            11_568.00,
        ),
        (
            (2025, 5, 12),
            "Fixadores Brasil Importação S.A.",
            "Jiaxing Hongda Hardware Co., Ltd.",
            "73181600",
            "Porcas sextavadas M12",
            3_150.0,
            7_245.50,
        ),
        (
            (2025, 5, 19),
            "Parafusos Paulista Comércio Ltda",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181500",
            "Parafusos francês M8",
            6_000.0,
            13_200.00,
        ),
        (
            (2025, 5, 26),
            "Metalúrgica Sul Fix Ltda",
            "Handan Yongnian Fastener Factory",
            "73181500",
            "Chumbadores de ancoragem",
            9_400.0,
            16_920.00,
        ),
        (
            (2025, 6, 2),
            "Fixadores Brasil Importação S.A.",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181400",
            "Parafusos auto-atarraxantes",
            2_250.0,
            8_437.50,
        ),
        ((2025, 6, 9), "Metalúrgica Sul Fix Ltda", "Jiaxing Hongda Hardware Co., Ltd.", "73182200", "Arruelas lisas", 5_100.0, 9_180.00),
    ];
    let rows = data
        .iter()
        .map(|(d, imp, exp, ncm, desc, kg, v)| {
            vec![V::D(d.0, d.1, d.2), V::T(imp), V::T(exp), V::T(ncm), V::T(desc), V::T("China"), V::N(*kg), V::N(*v)]
        })
        .collect();
    let p = book(
        &s,
        "importacoes_brasil.xlsx",
        &["Data", "Importador", "Exportador", "NCM", "Descrição do Produto", "País de Origem", "Peso Líquido (kg)", "Valor FOB US$"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("Valor FOB US$"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("Importador"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: Vietnamese headers (Vietnamese import declarations, unit price beside the value).
#[test]
fn vietnamese_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 6, 3),
            "Công ty TNHH Kim khí Thành Đạt",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181510",
            "Bu lông lục giác M10 mạ kẽm",
            4_820.0,
            11_568.00,
        ),
        (
            (2025, 6, 10),
            "Công ty Cổ phần Bu lông Việt Hưng",
            "Jiaxing Hongda Hardware Co., Ltd.",
            "73181610",
            "Đai ốc lục giác M12",
            3_150.0,
            7_245.50,
        ),
        (
            (2025, 6, 17),
            "Công ty TNHH Kim khí Thành Đạt",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181510",
            "Bu lông đầu tròn cổ vuông M8",
            6_000.0,
            13_200.00,
        ),
        (
            (2025, 6, 24),
            "Công ty TNHH Thương mại Phú Cường",
            "Handan Yongnian Fastener Factory",
            "73181510",
            "Bu lông neo mạ kẽm nhúng nóng",
            9_400.0,
            16_920.00,
        ),
        (
            (2025, 7, 1),
            "Công ty Cổ phần Bu lông Việt Hưng",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181410",
            "Vít tự khoan",
            2_250.0,
            8_437.50,
        ),
        (
            (2025, 7, 8),
            "Công ty TNHH Thương mại Phú Cường",
            "Jiaxing Hongda Hardware Co., Ltd.",
            "73182200",
            "Vòng đệm phẳng",
            5_100.0,
            9_180.00,
        ),
    ];
    let rows = data
        .iter()
        .map(|(d, imp, sup, hs, desc, kg, v)| {
            let unit = f64::round(v / kg * 100.0) / 100.0;
            vec![V::D(d.0, d.1, d.2), V::T(imp), V::T(sup), V::T(hs), V::T(desc), V::T("Trung Quốc"), V::N(*kg), V::N(unit), V::N(*v)]
        })
        .collect();
    let p = book(
        &s,
        "du_lieu_nhap_khau.xlsx",
        &[
            "Ngày",
            "Tên doanh nghiệp nhập khẩu",
            "Tên đối tác nước ngoài",
            "Mã HS",
            "Tên hàng",
            "Xuất xứ",
            "Khối lượng (kg)",
            "Đơn giá (USD)",
            "Trị giá USD",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("Trị giá USD"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("Tên doanh nghiệp nhập khẩu"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: Russian headers (Russian import declarations; the customs value in roubles stands left of
/// the USD invoice value, and the USD one is used).
#[test]
fn russian_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 7, 2),
            "ООО «Крепёж-Сервис»",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "7318158100",
            "Болты шестигранные оцинкованные М10",
            4_820.0,
            11_568.00,
        ),
        ((2025, 7, 9), "АО «МетизТорг»", "Jiaxing Hongda Hardware Co., Ltd.", "7318163000", "Гайки шестигранные М12", 3_150.0, 7_245.50),
        (
            (2025, 7, 16),
            "ООО «Крепёж-Сервис»",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "7318158100",
            "Болты с полукруглой головкой М8",
            6_000.0,
            13_200.00,
        ),
        ((2025, 7, 23), "ООО «СтройКрепёж»", "Handan Yongnian Fastener Factory", "7318158900", "Анкерные болты", 9_400.0, 16_920.00),
        ((2025, 7, 30), "АО «МетизТорг»", "Ningbo Haixin Fasteners Co., Ltd.", "7318140000", "Саморезы", 2_250.0, 8_437.50),
        ((2025, 8, 6), "ООО «СтройКрепёж»", "Jiaxing Hongda Hardware Co., Ltd.", "7318220009", "Шайбы плоские", 5_100.0, 9_180.00),
    ];
    let rows = data
        .iter()
        .map(|(d, imp, sup, hs, desc, kg, v)| {
            let rub = f64::round(v * 92.5 * 100.0) / 100.0;
            vec![V::D(d.0, d.1, d.2), V::T(imp), V::T(sup), V::T(hs), V::T(desc), V::T("КИТАЙ"), V::N(*kg), V::N(rub), V::N(*v)]
        })
        .collect();
    let p = book(
        &s,
        "импорт_рф.xlsx",
        &[
            "Дата",
            "Получатель",
            "Отправитель",
            "Код ТН ВЭД",
            "Описание товара",
            "Страна происхождения",
            "Вес нетто, кг",
            "Таможенная стоимость, руб.",
            "Фактурная стоимость USD",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("Фактурная стоимость USD"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("Получатель"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), bolts_total());
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: Indonesian headers (Indonesian import data, fasteners and tiles).
#[test]
fn indonesian_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 8, 4),
            "PT Sinar Baja Abadi",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "73181510",
            "Baut segi enam galvanis M10",
            4_820.0,
            11_568.00,
        ),
        ((2025, 8, 11), "PT Mitra Fastindo Jaya", "Jiaxing Hongda Hardware Co., Ltd.", "73181610", "Mur segi enam M12", 3_150.0, 7_245.50),
        (
            (2025, 8, 18),
            "PT Keramik Nusantara Indah",
            "Foshan Sunvin Ceramics Co., Ltd.",
            "69072193",
            "Ubin keramik porselen 60x60",
            26_000.0,
            15_600.00,
        ),
        ((2025, 8, 25), "CV Baut Makmur", "Handan Yongnian Fastener Factory", "73181510", "Baut angkur", 9_400.0, 16_920.00),
        (
            (2025, 9, 1),
            "PT Keramik Nusantara Indah",
            "Zibo Kito Ceramics Co., Ltd.",
            "69072193",
            "Ubin lantai porselen 80x80",
            24_500.0,
            19_600.00,
        ),
        ((2025, 9, 8), "PT Mitra Fastindo Jaya", "Jiaxing Hongda Hardware Co., Ltd.", "73182200", "Ring datar", 5_100.0, 9_180.00),
    ];
    let rows = data
        .iter()
        .map(|(d, imp, exp, hs, desc, kg, v)| {
            vec![V::D(d.0, d.1, d.2), V::T(imp), V::T(exp), V::T(hs), V::T(desc), V::T("CHINA"), V::N(*kg), V::N(*v)]
        })
        .collect();
    let p = book(
        &s,
        "data_impor.xlsx",
        &["Tanggal", "Nama Importir", "Nama Eksportir", "Kode HS", "Uraian Barang", "Negara Asal", "Berat Bersih (Kg)", "Nilai CIF (USD)"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "value").as_deref(), Some("Nilai CIF (USD)"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("Nama Importir"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd_sum(&data.map(|d| d.6)));
    assert_per_kg(&ds, 0.3, 20.0);
}

/// Rule: French headers (Moroccan import data).
#[test]
fn french_headers_import_every_row() {
    let mut s = Scratch::new();
    let data = [
        (
            (2025, 9, 2),
            "Société Marocaine de Quincaillerie SARL",
            "Ningbo Haixin Fasteners Co., Ltd.",
            "7318150090",
            "Boulons à tête hexagonale zingués M10",
            4_820.0,
            11_568.00,
        ),
        (
            (2025, 9, 9),
            "Carrelages du Maghreb SA",
            "Foshan Sunvin Ceramics Co., Ltd.",
            "6907210000",
            "Carreaux en grès cérame 60x60",
            26_000.0,
            15_600.00,
        ),
        (
            (2025, 9, 16),
            "Société Marocaine de Quincaillerie SARL",
            "Jiaxing Hongda Hardware Co., Ltd.",
            "7318160090",
            "Écrous hexagonaux M12",
            3_150.0,
            7_245.50,
        ),
        ((2025, 9, 23), "Ets Benjelloun & Fils", "Handan Yongnian Fastener Factory", "7318150090", "Boulons d'ancrage", 9_400.0, 16_920.00),
        (
            (2025, 9, 30),
            "Carrelages du Maghreb SA",
            "Zibo Kito Ceramics Co., Ltd.",
            "6907210000",
            "Carreaux de sol émaillés",
            27_000.0,
            12_150.00,
        ),
    ];
    let rows = data
        .iter()
        .map(|(d, imp, four, hs, desc, kg, v)| {
            vec![V::D(d.0, d.1, d.2), V::T(imp), V::T(four), V::T(hs), V::T(desc), V::T("Chine"), V::N(*kg), V::N(*v)]
        })
        .collect();
    let p = book(
        &s,
        "importations_maroc.xlsx",
        &[
            "Date",
            "Importateur",
            "Fournisseur",
            "Code SH",
            "Désignation des marchandises",
            "Pays d'origine",
            "Poids net (kg)",
            "Valeur FOB USD",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    assert_eq!(column_for(&r, "value").as_deref(), Some("Valeur FOB USD"));
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("Importateur"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd_sum(&data.map(|d| d.6)));
    assert_per_kg(&ds, 0.3, 20.0);
}

// ---------------------------------------------------------------------------------------------
// Number conventions per column
// ---------------------------------------------------------------------------------------------

/// Rule: a column of text values like "1.234.567", "33.601", "2.500" uses the dot as thousands
/// separator: "33.601" reads 33601.
#[test]
fn dot_thousands_column_of_text_reads_whole_dollars() {
    let mut s = Scratch::new();
    let values = ["33.601", "2.500", "1.234.567", "845.120", "12.750", "418.300"];
    let buyers = [
        "Ferretería El Tornillo S.A.",
        "Importadora Andina Ltda",
        "Cerámicas del Pacífico S.A.",
        "Importadora Andina Ltda",
        "Ferretería El Tornillo S.A.",
        "Maquinarias Sur S.A.",
    ];
    let rows = values
        .iter()
        .zip(buyers)
        .enumerate()
        .map(|(i, (v, b))| {
            vec![
                V::D(2025, 3, 13 + i as u8),
                V::T(b),
                V::T("Foshan Sunvin Ceramics Co., Ltd."),
                V::T("690721"),
                V::T("PORCELANATO 60X60"),
                V::T(v),
            ]
        })
        .collect();
    let p = book(&s, "chile_text_numbers.xlsx", &["DATE", "IMPORTER", "SUPPLIER", "HS CODE", "PRODUCT DESCRIPTION", "FOB VALUE USD"], rows);
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(total(&dataset(&s)), usd(33_601.0 + 2_500.0 + 1_234_567.0 + 845_120.0 + 12_750.0 + 418_300.0));
}

/// Rule: "1,234.50" (comma thousands, dot decimals) reads 1234.5.
#[test]
fn comma_thousands_dot_decimals_csv() {
    let mut s = Scratch::new();
    let text = "DATE,IMPORTER,EXPORTER,HS CODE,PRODUCT DESCRIPTION,NET WEIGHT KG,VALUE USD\n\
2025-01-07,Acme Industrial Supply LLC,\"Ningbo Haixin Fasteners Co., Ltd.\",731815,HEX BOLTS M10,\"4,820\",\"11,568.00\"\n\
2025-01-15,Midwest Bolt & Nut Inc,\"Jiaxing Hongda Hardware Co., Ltd.\",731816,HEX NUTS M12,\"3,150\",\"7,245.50\"\n\
2025-01-21,Gulf Coast Hardware Co,\"Ningbo Haixin Fasteners Co., Ltd.\",731814,SELF TAPPING SCREWS,420,980.25\n\
2025-02-03,Pacific Fastening Systems Corp,Handan Yongnian Fastener Factory,731815,ANCHOR BOLTS,\"14,200\",\"33,601.75\"\n\
2025-02-19,Acme Industrial Supply LLC,\"Ningbo Haixin Fasteners Co., Ltd.\",731815,CARRIAGE BOLTS,560,\"1,234.50\"\n";
    let (p, recs) = csv_file(&s, "us_bol.csv", text, b',', 5);
    assert_eq!(&recs[4][6], "1,234.50", "fixture keeps the thousands comma inside quotes");
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    assert_eq!(column_for(&r, "value").as_deref(), Some("VALUE USD"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd_sum(&[11_568.00, 7_245.50, 980.25, 33_601.75, 1_234.50]));
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: "1.000,50" (dot thousands, comma decimals) reads 1000.5.
#[test]
fn dot_thousands_comma_decimals_csv() {
    let mut s = Scratch::new();
    let text = "DATE;IMPORTER;SUPPLIER;HS CODE;PRODUCT DESCRIPTION;NET WEIGHT KG;FOB VALUE USD\n\
14/01/2025;Ferretería El Tornillo S.A.;Ningbo Haixin Fasteners Co., Ltd.;731815;PERNOS HEXAGONALES;420;1.000,50\n\
21/01/2025;Importadora Andina Ltda;Jiaxing Hongda Hardware Co., Ltd.;731816;TUERCAS M12;10.150;24.380,75\n\
28/01/2025;Ferretería El Tornillo S.A.;Ningbo Haixin Fasteners Co., Ltd.;731822;ARANDELAS PLANAS;310;615,20\n\
13/02/2025;Maquinarias Sur S.A.;Handan Yongnian Fastener Factory;731814;TORNILLOS AUTORROSCANTES;2.250;8.437,50\n\
20/02/2025;Importadora Andina Ltda;Ningbo Haixin Fasteners Co., Ltd.;731815;PERNOS DE CARROCERIA;6.000;13.200,00\n";
    let (p, recs) = csv_file(&s, "chile.csv", text, b';', 5);
    assert_eq!(&recs[0][6], "1.000,50");
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    assert_eq!(column_for(&r, "value").as_deref(), Some("FOB VALUE USD"));
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd_sum(&[1_000.50, 24_380.75, 615.20, 8_437.50, 13_200.00]));
    assert_per_kg(&ds, 0.5, 20.0);
}

/// Rule: never one rule for every file: two files of one import, one with dot thousands
/// ("33.601"), one with comma thousands ("33,601.20"), each read by its own convention.
#[test]
fn each_file_keeps_its_own_number_convention() {
    let mut s = Scratch::new();
    let a = "DATE;IMPORTER;SUPPLIER;HS CODE;PRODUCT DESCRIPTION;FOB VALUE USD\n\
14/03/2025;Cerámicas del Pacífico S.A.;Foshan Sunvin Ceramics Co., Ltd.;690721;PORCELANATO 60X60;33.601\n\
18/03/2025;Importadora Andina Ltda;Zibo Kito Ceramics Co., Ltd.;690721;PORCELANATO 80X80;2.500\n\
25/03/2025;Cerámicas del Pacífico S.A.;Foshan Sunvin Ceramics Co., Ltd.;690721;PISO CERAMICO;1.048.200\n\
27/03/2025;Maquinarias Sur S.A.;Zibo Kito Ceramics Co., Ltd.;690721;PORCELANATO RUSTICO;118.430\n";
    let b = "DATE,IMPORTER,SUPPLIER,HS CODE,PRODUCT DESCRIPTION,FOB VALUE USD\n\
2025-04-14,Tile & Carpet Centre Ltd,\"Foshan Sunvin Ceramics Co., Ltd.\",690721,PORCELAIN TILES,\"2,500.75\"\n\
2025-04-18,Nairobi Ceramics Ltd,\"Zibo Kito Ceramics Co., Ltd.\",690721,GLAZED TILES,\"33,601.20\"\n\
2025-04-25,Mombasa Hardware Ltd,\"Foshan Sunvin Ceramics Co., Ltd.\",690721,RUSTIC TILES,\"1,234.50\"\n";
    let (pa, _) = csv_file(&s, "provider_a.csv", a, b';', 4);
    let (pb, _) = csv_file(&s, "provider_b.csv", b, b',', 3);
    let r = s.import(&[pa, pb]);
    show(&r);
    assert_all_imported(&r, 7);
    let want = usd_sum(&[33_601.0, 2_500.0, 1_048_200.0, 118_430.0, 2_500.75, 33_601.20, 1_234.50]);
    assert_eq!(total(&dataset(&s)), want);
}

/// Rule (near miss): a column whose own values show a decimal dot ("1.5", "250.75") reads
/// "33.601" and "12.400" as decimals, not thousands.
#[test]
fn a_column_showing_decimal_dots_keeps_them() {
    let mut s = Scratch::new();
    let text = "DATE,IMPORTER,EXPORTER,HS CODE,PRODUCT DESCRIPTION,NET WEIGHT KG,VALUE USD\n\
2025-05-13,Datatech Solutions Inc,Shenzhen Kaiyu Electronics Co Ltd,847330,MOTHERBOARDS,33.601,3360.10\n\
2025-05-14,Datatech Solutions Inc,Shenzhen Kaiyu Electronics Co Ltd,847330,SSD MODULES,1.5,180.00\n\
2025-05-20,Northwind Computers LLC,Dongguan Hexin Technology Co Ltd,847330,SERVER CHASSIS PARTS,250.75,21060.00\n\
2025-05-22,Northwind Computers LLC,Shenzhen Kaiyu Electronics Co Ltd,847330,KEYBOARD ASSEMBLIES,0.850,96.50\n\
2025-05-28,Datatech Solutions Inc,Dongguan Hexin Technology Co Ltd,847330,GRAPHICS CARDS,12.400,2480.00\n";
    let (p, _) = csv_file(&s, "air_parts.csv", text, b',', 5);
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd_sum(&[3_360.10, 180.00, 21_060.00, 96.50, 2_480.00]));
    let kg: f64 = ds.shipments.iter().filter_map(|sh| sh.weight_kg).sum();
    assert!((kg - (33.601 + 1.5 + 250.75 + 0.850 + 12.400)).abs() < 1e-6, "weights read as decimals, got {kg} kg in all");
}

// ---------------------------------------------------------------------------------------------
// HS cells, roles and transport modes
// ---------------------------------------------------------------------------------------------

/// Rule: an HS cell listing several codes ("3207.10; 3923.10; 4819.20") does not reject the row:
/// a row with a buyer, a date and a value is a shipment, and keeps a code it names.
#[test]
fn several_hs_codes_in_one_cell_keep_the_row() {
    let mut s = Scratch::new();
    let data = [
        ("Bella Ceramica Srl", "3207.10; 3923.10; 4819.20", "GLAZE PIGMENTS, PLASTIC BOXES, CARTONS", 6_480.00),
        ("Bella Ceramica Srl", "3207.10", "CERAMIC PIGMENTS", 12_300.00),
        ("Keramik Hausmann GmbH", "3923.10", "PLASTIC CRATES", 3_150.40),
        ("Keramik Hausmann GmbH", "3923.10, 4819.10", "PLASTIC CRATES AND CORRUGATED CARTONS", 4_275.00),
        ("Azulejos Levante SL", "4819.20", "FOLDING CARTONS", 1_980.60),
        ("Azulejos Levante SL", "3207.10 / 3207.20", "PIGMENTS AND VITRIFIABLE ENAMELS", 9_860.00),
    ];
    let rows = data
        .iter()
        .enumerate()
        .map(|(i, (b, hs, desc, v))| {
            vec![
                V::D(2025, 6, 2 + 4 * i as u8),
                V::T(b),
                V::T("Guangdong Huaxin Packaging & Pigments Co., Ltd."),
                V::T(hs),
                V::T(desc),
                V::N(*v),
            ]
        })
        .collect();
    let p = book(&s, "packaging.xlsx", &["DATE", "BUYER", "SUPPLIER", "HS CODE", "PRODUCT", "VALUE USD"], rows);
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    let ds = dataset(&s);
    assert_eq!(total(&ds), usd_sum(&data.map(|d| d.3)));
    let named = [320710, 320720, 392310, 481910, 481920];
    for sh in &ds.shipments {
        assert!(named.contains(&sh.hs6.0), "{} keeps a code its cell names, not {}", ds.name(sh.buyer), sh.hs6);
    }
    let first = ds.shipments.iter().find(|sh| sh.value == usd(6_480.00)).expect("the three-code row is a shipment");
    assert!([320710, 392310, 481920].contains(&first.hs6.0), "the three-code row keeps one of its codes, not {}", first.hs6);
}

/// Rule: "Trader" in an import declaration is the importer (not the clearing agent beside it).
#[test]
fn trader_in_an_import_declaration_is_the_importer() {
    let mut s = Scratch::new();
    let agents = [
        "Siginon Freight Ltd",
        "Bolloré Transport & Logistics Kenya",
        "Siginon Freight Ltd",
        "Express Shipping & Logistics (EA) Ltd",
        "Bolloré Transport & Logistics Kenya",
    ];
    let rows = TILES
        .iter()
        .zip(agents)
        .enumerate()
        .map(|(i, (t, agent))| {
            let decl = format!("2025MSA{:07}", 4_410_230 + i * 1_377);
            vec![
                V::S(decl),
                day(t),
                V::T(t.buyer),
                V::T(agent),
                V::T(t.supplier),
                V::T(t.hs),
                V::T(t.desc),
                V::T("CHINA"),
                V::N(t.kg),
                V::N(t.usd),
            ]
        })
        .collect();
    let p = book(
        &s,
        "kra_declarations.xlsx",
        &[
            "DECLARATION NUMBER",
            "DECLARATION DATE",
            "TRADER",
            "CLEARING AGENT",
            "CONSIGNOR",
            "HS CODE",
            "GOODS DESCRIPTION",
            "COUNTRY OF ORIGIN",
            "NET MASS (KG)",
            "CUSTOMS VALUE (USD)",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 5);
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("TRADER"));
    let ds = dataset(&s);
    for sh in &ds.shipments {
        let name = ds.name(sh.buyer).to_lowercase();
        assert!(!name.contains("freight") && !name.contains("logistics"), "a clearing agent became the buyer: {name}");
    }
    assert_eq!(shipments_of(&ds, "tile & carpet").len(), 2, "the trader's shipments are its own");
    assert_eq!(total(&ds), usd_sum(&TILES.map(|t| t.usd)));
    assert_per_kg(&ds, 0.1, 5.0);
}

/// Rule: an "Importer Country" column gives the customers' (destination) country, and is not the
/// buyer.
#[test]
fn importer_country_is_the_destination() {
    let mut s = Scratch::new();
    let countries = ["UNITED STATES", "CANADA", "UNITED STATES", "AUSTRALIA", "UNITED STATES", "CANADA"];
    let buyers = [
        "Acme Industrial Supply LLC",
        "Maple Fasteners Ltd",
        "Acme Industrial Supply LLC",
        "Southern Cross Bolts Pty Ltd",
        "Gulf Coast Hardware Co",
        "Maple Fasteners Ltd",
    ];
    let rows = BOLTS
        .iter()
        .zip(countries.iter().zip(buyers))
        .map(|(b, (c, buyer))| {
            vec![day(b), V::T(buyer), V::T(c), V::T(b.supplier), V::T("CHINA"), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(b.usd)]
        })
        .collect();
    let p = book(
        &s,
        "china_exports.xlsx",
        &[
            "DATE",
            "IMPORTER",
            "IMPORTER COUNTRY",
            "EXPORTER",
            "EXPORTER COUNTRY",
            "HS CODE",
            "PRODUCT DESCRIPTION",
            "QUANTITY (KG)",
            "VALUE (USD)",
        ],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    assert_eq!(column_for(&r, "buyer").as_deref(), Some("IMPORTER"));
    assert_eq!(column_for(&r, "destination").as_deref(), Some("IMPORTER COUNTRY"));
    let ds = dataset(&s);
    for (buyer, country) in [("maple", "CANADA"), ("southern cross", "AUSTRALIA"), ("acme", "UNITED STATES")] {
        for sh in shipments_of(&ds, buyer) {
            let dest = sh.destination.map(|i| ds.countries[i as usize].to_uppercase());
            assert!(
                dest.as_deref().is_some_and(|d| d.contains(country) || (country == "UNITED STATES" && (d == "US" || d == "USA"))),
                "{buyer} ships to {country}, got {dest:?}"
            );
        }
    }
}

/// Rule: a transport-mode column ("MODE OF TRANSPORT": SEA/AIR) is not the description, whether or
/// not the file has a real description column.
#[test]
fn mode_of_transport_is_not_the_description() {
    let modes = ["SEA", "SEA", "AIR", "SEA", "AIR", "SEA"];
    // Without a description column.
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .zip(modes)
        .map(|(b, m)| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(m), V::N(b.kg), V::N(b.usd)])
        .collect();
    let p =
        book(&s, "modes.xlsx", &["DATE", "IMPORTER", "EXPORTER", "HS CODE", "MODE OF TRANSPORT", "NET WEIGHT KG", "FOB VALUE USD"], rows);
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    let ds = dataset(&s);
    for d in ds.descriptions.values() {
        assert!(!matches!(d.trim().to_uppercase().as_str(), "SEA" | "AIR"), "a transport mode became a product description: {d}");
    }
    for c in r.files.iter().flat_map(|f| &f.sheets).flat_map(|sh| &sh.columns) {
        let key = c.field.key().to_lowercase();
        assert!(
            !(c.header == "MODE OF TRANSPORT" && (key.contains("desc") || key.contains("product") || key.contains("goods"))),
            "MODE OF TRANSPORT mapped to {key}"
        );
    }

    // Near miss: with a description column right of it, that column describes the goods.
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .zip(modes)
        .map(|(b, m)| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(m), V::T(b.desc), V::N(b.kg), V::N(b.usd)])
        .collect();
    let p = book(
        &s,
        "modes_desc.xlsx",
        &["DATE", "IMPORTER", "EXPORTER", "HS CODE", "MODE OF TRANSPORT", "DESCRIPTION OF GOODS", "NET WEIGHT KG", "FOB VALUE USD"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_all_imported(&r, 6);
    let ds = dataset(&s);
    assert!(!ds.descriptions.is_empty(), "the description column is read");
    for (hs, d) in &ds.descriptions {
        let d = d.to_uppercase();
        assert!(!d.trim().is_empty() && BOLTS.iter().any(|b| d.contains(b.desc) || b.desc.contains(d.trim())), "{hs} described as {d}");
    }
}

// ---------------------------------------------------------------------------------------------
// CSV row numbers
// ---------------------------------------------------------------------------------------------

/// Rule: rejected-row numbers in CSV are the rows a user finds in Excel (header = row 1): quoted
/// cells holding line breaks in earlier records do not shift them. Data row 4 (Excel row 5) has an
/// impossible date.
#[test]
fn csv_rejected_row_number_is_the_excel_row_despite_multiline_cells() {
    let mut s = Scratch::new();
    let text = "DATE,IMPORTER,EXPORTER,HS CODE,DESCRIPTION,NET WEIGHT KG,VALUE USD\r\n\
2025-01-07,Acme Industrial Supply LLC,\"Ningbo Haixin Fasteners Co., Ltd.\",731815,\"HEX BOLTS M10\r\nZINC PLATED\r\nGRADE 8.8\",4820,11568.00\r\n\
2025-01-15,Midwest Bolt & Nut Inc,\"Jiaxing Hongda Hardware Co., Ltd.\",731816,\"HEX NUTS M12\nGRADE 8\",3150,7245.50\r\n\
2025-01-28,Acme Industrial Supply LLC,\"Ningbo Haixin Fasteners Co., Ltd.\",731815,CARRIAGE BOLTS M8,6000,13200.00\r\n\
2025-02-30,Pacific Fastening Systems Corp,Handan Yongnian Fastener Factory,731815,ANCHOR BOLTS,9400,16920.00\r\n\
2025-02-19,Gulf Coast Hardware Co,\"Ningbo Haixin Fasteners Co., Ltd.\",731814,\"SELF TAPPING\nSCREWS\",2250,8437.50\r\n\
2025-03-04,Midwest Bolt & Nut Inc,\"Jiaxing Hongda Hardware Co., Ltd.\",731822,FLAT WASHERS,5100,9180.00\r\n";
    let (p, recs) = csv_file(&s, "bol_multiline.csv", text, b',', 6);
    assert!(recs[0][4].contains('\n') && recs[1][4].contains('\n'), "fixture: earlier records hold line breaks");
    assert_eq!(&recs[3][0], "2025-02-30", "fixture: data record 4 holds the impossible date");
    assert!(recs[3].position().expect("position").line() > 5, "fixture: the bad record starts below physical line 5");
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    assert_eq!(r.rows_read, 6);
    assert_eq!(r.imported, 5, "{:#?}", r.rejected);
    assert_eq!(r.rejected.len(), 1, "{:#?}", r.rejected);
    assert_eq!(r.rejected[0].row, 5, "the bad date is on Excel row 5: {:#?}", r.rejected[0]);
}

// ---------------------------------------------------------------------------------------------
// Refusals that say what is missing
// ---------------------------------------------------------------------------------------------

/// Rule: a file whose row 1 is a clear header with no buyer column and no value is not refused with
/// "no header row found": its reason names the missing fields.
#[test]
fn clear_header_without_buyer_or_value_names_what_is_missing() {
    let mut s = Scratch::new();
    let rows = BOLTS
        .iter()
        .map(|b| {
            vec![day(b), V::T(b.supplier), V::T("CHINA"), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N((b.kg * 25.0).round()), V::T("PCS")]
        })
        .collect();
    let p = book(
        &s,
        "exporters_only.xlsx",
        &["DATE", "EXPORTER", "EXPORTER COUNTRY", "HS CODE", "PRODUCT DESCRIPTION", "NET WEIGHT KG", "QUANTITY", "UNIT"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    assert_eq!(r.imported, 0);
    assert!(dataset(&s).shipments.is_empty(), "a refused file changes nothing");
    let reasons = refusal_reasons(&r).to_lowercase();
    assert!(!reasons.is_empty(), "the file or its sheet carries a reason: {r:#?}");
    assert!(!reasons.contains("no header row"), "row 1 is a clear header: {reasons}");
    assert!(
        reasons.contains("buyer") || reasons.contains("importer") || reasons.contains("consignee"),
        "the reason names the missing buyer: {reasons}"
    );
    assert!(reasons.contains("value"), "the reason names the missing value: {reasons}");
}

/// Rule: a sheet with weights but no USD value is refused with a reason naming the value; and a
/// failed import changes nothing already in the workspace.
#[test]
fn weights_without_a_value_are_refused_naming_the_value_and_change_nothing() {
    let mut s = Scratch::new();
    let good = book(
        &s,
        "good.xlsx",
        &["DATE", "IMPORTER", "EXPORTER", "HS CODE", "DESCRIPTION", "NET WEIGHT KG", "VALUE USD"],
        BOLTS.iter().map(|b| vec![day(b), V::T(b.buyer), V::T(b.supplier), V::T(b.hs), V::T(b.desc), V::N(b.kg), V::N(b.usd)]).collect(),
    );
    let r = s.import(&[good]);
    show(&r);
    assert_all_imported(&r, 6);
    let before = dataset(&s);

    let rows = TILES
        .iter()
        .map(|t| vec![day(t), V::T(t.buyer), V::T(t.supplier), V::T(t.hs), V::T(t.desc), V::N(t.kg + 820.0), V::N(t.kg)])
        .collect();
    let p = book(
        &s,
        "weights_only.xlsx",
        &["DATE", "IMPORTER", "EXPORTER", "HS CODE", "DESCRIPTION", "GROSS WEIGHT KG", "NET WEIGHT KG"],
        rows,
    );
    let r = s.import(&[p]);
    show(&r);
    assert_accounted(&r);
    assert_eq!(r.imported, 0, "no value, no shipment: {:#?}", messages(&r));
    let reasons = refusal_reasons(&r).to_lowercase();
    assert!(reasons.contains("value"), "the refusal names the missing value: {reasons:?} / {:#?}", messages(&r));
    let after = dataset(&s);
    assert_eq!(after.shipments.len(), before.shipments.len(), "a failed import changes nothing");
    assert_eq!(total(&after), total(&before));
}
