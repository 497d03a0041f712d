//! Money read right: values in another currency are converted at a reference rate or refused, never
//! taken as dollars; a refused workbook says why sheet by sheet.

mod common;

use common::{Scratch, V, assert_accounted, xlsx};

fn total_usd(s: &Scratch) -> f64 {
    s.ws.load_dataset().expect("load").shipments.iter().map(|x| x.value.dollars()).sum()
}

#[test]
fn rows_in_yen_are_converted_at_the_months_reference_rate() {
    let mut s = Scratch::new();
    let text = "Date,Importer,Exporter,HS Code,Amount,Currency,Net Weight KG\n\
                2024-01-10,TOKYO BOLT KK,X CO,731815,1500000,JPY,3000\n\
                2024-01-12,OSAKA HARDWARE,X CO,731815,10000,USD,3000\n";
    let path = s.file("mixed.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(report.imported, 2, "{report:#?}");
    // ¥1.5 M in January 2024 (about ¥146 to the dollar) is about $10,300.
    let yen_row = total_usd(&s) - 10_000.0;
    assert!((9_500.0..11_000.0).contains(&yen_row), "yen converted, not taken as dollars: {yen_row}");
    let notes = report.files[0].sheets[0].notes.iter().map(ToString::to_string).collect::<Vec<_>>().join(" | ");
    assert!(notes.contains("JPY") && notes.contains("European Central Bank"), "{notes}");
}

#[test]
fn rows_in_a_currency_without_a_reference_rate_are_refused_naming_it() {
    let mut s = Scratch::new();
    let text = "Date,Importer,Exporter,HS Code,TOTALVALUE,CURRENCY,Net Weight KG\n\
                2023-03-01,DAR HOTEL LTD,X CO,690721,23000000,TZS,20000\n\
                2023-03-02,DAR HOTEL LTD,X CO,690721,11500000,TZS,10000\n";
    let path = s.file("tz.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(report.imported, 0, "shillings are never dollars");
    assert_eq!(report.rejected.len(), 2);
    assert!(report.rejected.iter().all(|r| r.reason.to_string().contains("TZS") && r.column == "CURRENCY"), "{:?}", report.rejected);
}

#[test]
fn a_value_only_in_rupees_is_converted_and_the_note_says_at_what() {
    let mut s = Scratch::new();
    let text = "BE_DATE,IMPORTER_NAME,SUPPLIER_NAME,HS_CODE,ASSESSABLE_VALUE_INR,NET_WEIGHT_KG\n\
                15-06-2023,MUMBAI FASTENERS PVT LTD,X CO,73181500,820000,4000\n";
    let path = s.file("in.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!(report.imported, 1, "{report:#?}");
    // ₹820,000 in June 2023 (about ₹82 to the dollar) is about $10,000.
    let usd = total_usd(&s);
    assert!((9_500.0..10_500.0).contains(&usd), "{usd}");
    let notes = report.files[0].sheets[0].notes.iter().map(ToString::to_string).collect::<Vec<_>>().join(" | ");
    assert!(notes.contains("ASSESSABLE_VALUE_INR") && notes.contains("INR"), "{notes}");
}

#[test]
fn a_refused_workbook_gives_each_reason_once_with_its_sheets() {
    let mut s = Scratch::new();
    let path = s.path("summary.xlsx");
    let sheet = || {
        vec![
            vec![V::T("EXPORTER_NAME"), V::T("HS_CODE"), V::T("DESTINATION_COUNTRY"), V::T("TOTALVALUE"), V::T("MONTHYEAR")],
            vec![V::T("X CO"), V::T("690721"), V::T("GERMANY"), V::N(10.0), V::T("Jul 2025")],
        ]
    };
    xlsx(&path, &[("Jan", sheet()), ("Feb", sheet()), ("Notes", vec![vec![V::T("Provided by the data vendor")]])]);
    let report = s.import(&[path]);
    let reason = report.files[0].reason.as_ref().map(ToString::to_string).unwrap_or_default();
    let lines: Vec<&str> = reason.lines().collect();
    assert_eq!(lines.len(), 2, "one line per distinct reason: {reason}");
    assert!(lines[0].starts_with("sheet 'Jan', 'Feb':") && lines[0].contains("no buyers"), "{reason}");
    assert!(lines[1].starts_with("sheet 'Notes':") && lines[1].contains("no header row"), "{reason}");
}

#[test]
fn bills_of_lading_without_a_value_keep_their_buyers() {
    let mut s = Scratch::new();
    let text = "Arrival Date,Consignee,Shipper,HS Code,Value USD,Weight KG\n\
                2024-02-01,HOUSTON FASTENER SUPPLY,NINGBO BOLT CO,731815,,12000\n\
                2024-03-04,HOUSTON FASTENER SUPPLY,NINGBO BOLT CO,731815,,9000\n\
                2024-03-09,DALLAS HARDWARE INC,NINGBO BOLT CO,731815,25400,10000\n";
    let path = s.file("bol.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!((report.imported, report.rejected.len()), (3, 0), "shipments without a value are shipments");
    assert!(s.ws.find_company("HOUSTON FASTENER SUPPLY", None).is_ok(), "a buyer whose shipments all lack a value is kept");
    assert!((total_usd(&s) - 25_400.0).abs() < 0.01, "unknown values add nothing to the money");
    let warnings = &report.files[0].sheets[0].warnings;
    assert!(warnings.iter().any(|w| w.to_string().contains("2 of 3 rows have no value")), "{warnings:?}");
}

#[test]
fn a_value_column_grouping_thousands_with_dots_in_a_decimal_comma_sheet() {
    let mut s = Scratch::new();
    let text = "Ngày;Người nhập khẩu;Người xuất khẩu;Mã HS;Trị giá USD;Trọng lượng\n\
                05/03/2024;CONG TY A;NINGBO X;731815;33.601;4.820,5\n\
                06/03/2024;CONG TY B;NINGBO X;731815;2.500;1.010,25\n";
    let path = s.file("vn.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!(report.imported, 2, "{report:#?}");
    assert!((total_usd(&s) - 36_101.0).abs() < 0.01, "33.601 and 2.500 are thousands: {}", total_usd(&s));
    let mut kg: Vec<f64> = s.ws.load_dataset().expect("load").shipments.iter().filter_map(|x| x.weight_kg).collect();
    kg.sort_by(f64::total_cmp);
    assert_eq!(kg, [1010.25, 4820.5]);
}

#[test]
fn a_foreign_currency_column_without_dollars_takes_each_rows_currency() {
    let mut s = Scratch::new();
    let text = "DATE,IMPORTER_NAME,EXPORTER_NAME,HS_CODE,TOTAL_AMOUNT_FC,CURRENCY,NET_WEIGHT\n\
                2023-06-10,NAIROBI BOLTS LTD,NINGBO X,731815,10000,USD,4000\n\
                2023-06-12,MOMBASA HARDWARE,NINGBO X,731815,9200,EUR,4000\n\
                2023-06-14,KISUMU TOOLS,NINGBO X,731815,5000,,2000\n";
    let path = s.file("ke.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(report.imported, 2, "{report:#?}");
    // €9,200 in June 2023 (about €0.92 to the dollar) is about $10,000.
    let euros_in_dollars = total_usd(&s) - 10_000.0;
    assert!((9_500.0..10_500.0).contains(&euros_in_dollars), "{euros_in_dollars}");
    assert_eq!(report.rejected.len(), 1);
    assert!(
        report.rejected[0].reason.to_string().contains("no currency"),
        "a row without its currency is never taken as dollars: {:?}",
        report.rejected
    );
}
