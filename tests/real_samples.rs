//! The 36 public provider exports in ../shared/real-samples: each imports without a hand-made
//! mapping, or is refused with a reason a user can act on; the traps they hold are handled.

mod common;

use common::{Scratch, assert_accounted, column_for, samples_dir};
use customs_radar::store::ImportReport;
use std::path::PathBuf;

/// Skips the test (returning) when the samples are absent.
macro_rules! samples {
    () => {
        match samples_dir() {
            Some(dir) => dir,
            None => return,
        }
    };
}

fn sample(dir: &std::path::Path, name: &str) -> PathBuf {
    dir.join(name)
}

fn import_one(dir: &std::path::Path, name: &str) -> (Scratch, ImportReport) {
    let mut s = Scratch::new();
    let report = s.import(&[sample(dir, name)]);
    assert_accounted(&report);
    (s, report)
}

/// Files that are not customer records: export summaries without a buyer.
const REFUSED: &[&str] = &["Mexico  Export S.xlsx", "Peru  Export S.xlsx", "Peru  Export F.xlsx"];

#[test]
fn every_sample_imports_or_is_refused_with_a_reason() {
    let dir = samples!();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the real samples are expected at {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 36);
    let mut s = Scratch::new();
    let report = s.import(&files);
    assert_accounted(&report);
    for f in &report.files {
        if REFUSED.contains(&f.file.as_str()) {
            assert_eq!(f.status, "refused", "{}", f.file);
            let reason = f.reason.as_ref().map(ToString::to_string).unwrap_or_default();
            assert!(reason.contains("no buyers") && reason.contains("Headers in the sheet"), "{}: {reason}", f.file);
        } else {
            assert_eq!(f.status, "imported", "{}: {:?}", f.file, f.reason);
            assert!(f.imported > 0, "{}", f.file);
        }
    }
    assert!(report.imported > 9000, "{}", report.imported);
    assert_eq!(report.duplicates, 0, "the samples hold no shipment twice");
}

#[test]
fn dollars_are_preferred_over_local_currency_and_percentages() {
    let dir = samples!();
    for (file, header) in [
        ("Kenya Import F.xlsx", "TOTAL_VALUE_USD"),
        ("Bangladesh Import F.xlsx", "ASSESSED_VALUE_USD"),
        ("Bangladesh Export F.xlsx", "ASSESSED_VALUE_IN_USD"),
        ("India Export USA 610990 (1).xlsx", "FOB USD"),
        ("India Import F.xlsx", "TOTAL VALUE_USD"),
        ("Botswana Import F.xlsx", "FOB_VALUE_IN_USD"),
        ("Botswana Export F.xlsx", "FOB_VALUE_IN_USD"),
        ("Bangladesh Export S.xlsx", "TOTALVALUE"),
        ("Kenya Import S.xlsx", "TOTALVALUEUSD"),
        ("Armenia Export F.xlsx", "CUSTOMS VALUE USD"),
    ] {
        let (_, report) = import_one(&dir, file);
        assert_eq!(column_for(&report, "value").as_deref(), Some(header), "{file}");
    }
}

#[test]
fn utc_shifted_dates_return_to_the_local_day() {
    let dir = samples!();
    let (s, _) = import_one(&dir, "India Import S.xlsx");
    let data = s.ws.load_dataset().expect("load");
    let five = data.companies.values().find(|c| c.name == "5 ELEMENTS").expect("5 ELEMENTS").id;
    let day = data.shipments.iter().find(|x| x.buyer == five).expect("row").date;
    assert_eq!(day.to_string(), "2025-03-29", "2025-03-28T18:30:00.000Z is 29 March in India");
}

#[test]
fn a_broken_date_column_beside_a_good_one() {
    let dir = samples!();
    let (_, report) = import_one(&dir, "Bangladesh Import F.xlsx");
    assert_eq!(column_for(&report, "date").as_deref(), Some("IMP_DATE"), "BILL_OF_ENTRY_DATE holds 00:00.0");
    assert_eq!(report.imported, 2);
}

#[test]
fn monthyear_text_dates_a_record_to_its_month() {
    let dir = samples!();
    let (s, report) = import_one(&dir, "Angola Import S.xlsx");
    assert_eq!(column_for(&report, "month").as_deref(), Some("MONTHYEAR"));
    let data = s.ws.load_dataset().expect("load");
    assert!(data.shipments.iter().all(|x| x.date.precision == customs_radar::model::Precision::Month));
}

#[test]
fn local_language_names_become_spellings_of_the_english_name() {
    let dir = samples!();
    let (s, report) = import_one(&dir, "Vietnam import full.xlsx");
    assert_eq!(column_for(&report, "buyer").as_deref(), Some("IMPORTER_NAME_EN"));
    let viet = s.ws.find_company("VIET CERAMICS INTERNATIONAL", None).expect("found");
    let company = s.ws.companies().expect("companies").into_iter().find(|c| c.id == viet.id).expect("company");
    assert!(company.aliases.iter().any(|a| a.contains("GỐM SỨ")), "{company:?}");
    let (_, report) = import_one(&dir, "Armenia Export F.xlsx");
    assert_eq!(column_for(&report, "supplier").as_deref(), Some("EXPORTER NAME EN"), "not the Armenian-script column");
}

#[test]
fn masked_buyers_are_rejected_with_their_reason() {
    let dir = samples!();
    let (_, report) = import_one(&dir, "India Export USA 610990 (1).xlsx");
    assert_eq!(column_for(&report, "buyer").as_deref(), Some("CONSIGNEE NAME"), "export data: the buyer is the consignee");
    assert_eq!(column_for(&report, "supplier").as_deref(), Some("EXPORTER"));
    let masked: Vec<_> = report.rejected.iter().filter(|r| r.reason.to_string().contains("hidden")).collect();
    assert!(masked.len() >= 5, "{:#?}", report.rejected);
    assert!(masked.iter().all(|r| r.column == "CONSIGNEE NAME"));
}

#[test]
fn a_forwarder_is_not_the_supplier_and_files_without_suppliers_import() {
    let dir = samples!();
    let (s, report) = import_one(&dir, "Brazil BL Export S.xlsx");
    assert_eq!(column_for(&report, "supplier"), None, "FORWARDER must not be taken as the supplier");
    assert!(report.rejected.iter().all(|r| r.column == "CONSIGNEE_NAME" && r.reason.to_string().contains("empty")));
    let data = s.ws.load_dataset().expect("load");
    assert!(data.shipments.iter().all(|x| x.supplier.is_none()));
    let sheet = &report.files[0].sheets[0];
    assert!(sheet.warnings.iter().any(|n| n.to_string().contains("every value in this sheet is zero")), "{:?}", sheet.warnings);
    let (_, report) = import_one(&dir, "Bangladesh Import S.xlsx");
    assert_eq!(column_for(&report, "supplier"), None);
    assert_eq!(report.imported, 35);
}

#[test]
fn long_national_codes_keep_their_subheading() {
    let dir = samples!();
    let (s, _) = import_one(&dir, "Armenia Import S.xlsx");
    let data = s.ws.load_dataset().expect("load");
    assert!(data.shipments.iter().all(|x| x.hs6.heading() == 6907), "69072190090 is subheading 690721");
}

#[test]
fn placeholders_are_not_names() {
    let dir = samples!();
    let (s, _) = import_one(&dir, "Peru  Import S.xlsx");
    let names: Vec<String> = s.ws.companies().expect("companies").into_iter().map(|c| c.name).collect();
    assert!(!names.iter().any(|n| n == "NO DISPONIBLE"), "SHIPPER_NAME = NO DISPONIBLE means no supplier");
}
