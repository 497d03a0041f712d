//! Traps found in review: files that fail part-way, European numbers, floats as HS codes, months as
//! date cells, undecided day order, hidden buyers with a notify party, values only in local currency,
//! files in disguise, and the same trade told twice at two levels of detail.

mod common;

use common::{Scratch, V, assert_accounted, column_for, xlsx};
use customs_radar::import::cell::Cell;
use customs_radar::import::source::{ReadError, Row, SourceEvent};
use customs_radar::model::{Cents, Precision};
use customs_radar::store::{ImportOptions, SilentObserver, Source};
use std::path::PathBuf;

fn text_row(number: u32, cells: &[&str]) -> Row {
    Row { number, cells: cells.iter().map(|c| Cell::Text(c.to_string())).collect() }
}

fn rows(n: u32) -> Vec<Row> {
    let mut out = vec![text_row(1, &["Date", "Importer", "Exporter", "HS Code", "Value USD"])];
    for i in 0..n {
        out.push(text_row(i + 2, &["2023-01-05", &format!("BUYER {i}"), "X CO", "731815", "10"]));
    }
    out
}

#[test]
fn a_file_that_fails_part_way_is_undone_and_the_others_import() {
    let mut s = Scratch::new();
    let failing: Vec<Result<SourceEvent, ReadError>> = vec![
        Ok(SourceEvent::SheetStart { name: "S".into(), total_rows: None, hidden: false }),
        Ok(SourceEvent::Rows(rows(3000))),
        Err(ReadError::Delimited { path: PathBuf::from("broken.csv"), line: 3002, detail: "unexpected end".into() }),
    ];
    let truncated: Vec<Result<SourceEvent, ReadError>> =
        vec![Ok(SourceEvent::SheetStart { name: "T".into(), total_rows: None, hidden: false }), Ok(SourceEvent::Rows(rows(2500)))];
    let good: Vec<Result<SourceEvent, ReadError>> = vec![
        Ok(SourceEvent::SheetStart { name: "S".into(), total_rows: None, hidden: false }),
        Ok(SourceEvent::Rows(rows(3))),
        Ok(SourceEvent::SheetEnd),
    ];
    let source = |name: &str, events: Vec<Result<SourceEvent, ReadError>>| Source::Events {
        name: name.into(),
        hash: name.into(),
        events: Box::new(events.into_iter()),
    };
    let report =
        s.ws.import_sources(
            vec![source("broken", failing), source("truncated", truncated), source("good", good)],
            ImportOptions::default(),
            &SilentObserver,
        )
        .expect("import");
    assert_accounted(&report);
    let status: Vec<(&str, &str)> = report.files.iter().map(|f| (f.file.as_str(), f.status)).collect();
    assert_eq!(status, [("broken", "refused"), ("truncated", "refused"), ("good", "imported")]);
    assert!(report.files[1].reason.as_ref().map(ToString::to_string).unwrap_or_default().contains("ended in the middle of sheet 'T'"));
    assert_eq!((report.imported, report.duplicates), (3, 0), "the good file's rows are new: the failed files left nothing behind");
    assert_eq!(s.ws.shipment_count().expect("count"), 3);
    assert_eq!(s.ws.companies().expect("companies").len(), 4, "BUYER 0..2 and X CO only");
    let history: Vec<String> = s.ws.import_history().expect("history").iter().map(|i| i.status.clone()).collect();
    assert_eq!(history, ["imported", "refused", "refused"]);
}

#[test]
fn a_lone_separator_is_read_by_the_sheets_other_numbers() {
    let mut s = Scratch::new();
    let text = "Fecha;Importador;Exportador;HS;Valor USD;Peso KG\n05/01/2023;ANDES SPA;X;731815;1.500;2.000\n06/01/2023;ANDES SPA;X;731815;1.234,50;12,5\n";
    let path = s.file("eu.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!(report.imported, 2);
    let data = s.ws.load_dataset().expect("load");
    let mut values: Vec<i64> = data.shipments.iter().map(|x| x.value.0).collect();
    values.sort();
    assert_eq!(values, [123_450, 150_000], "1.500 is fifteen hundred where 1.234,50 is the notation");
    let mut weights: Vec<f64> = data.shipments.iter().filter_map(|x| x.weight_kg).collect();
    weights.sort_by(f64::total_cmp);
    assert_eq!(weights, [12.5, 2000.0]);
}

#[test]
fn hs_codes_written_as_floats_keep_their_chapter() {
    let mut s = Scratch::new();
    let path = s.file("pandas.csv", b"date,importer,hs_code,value_usd\n2023-01-05,A,69072100.0,1\n2023-01-06,A,7318150000.0,1\n");
    assert_eq!(s.import(&[path]).imported, 2);
    let data = s.ws.load_dataset().expect("load");
    let mut codes: Vec<u32> = data.shipments.iter().map(|x| x.hs6.0).collect();
    codes.sort();
    assert_eq!(codes, [690721, 731815]);
}

#[test]
fn a_month_column_of_date_cells_gives_months() {
    let mut s = Scratch::new();
    let path = s.path("months.xlsx");
    let sheet = vec![
        vec![V::T("IMPORTER_NAME"), V::T("HS_CODE"), V::T("TOTALVALUE"), V::T("MONTHYEAR")],
        vec![V::T("A CO"), V::T("731815"), V::N(10.0), V::D(2025, 7, 1)],
    ];
    xlsx(&path, &[("S", sheet)]);
    assert_eq!(s.import(&[path]).imported, 1);
    let data = s.ws.load_dataset().expect("load");
    let d = data.shipments[0].date;
    assert_eq!((d.to_string(), d.precision), ("2025-07".to_string(), Precision::Month));
    assert_eq!(d.day.to_string(), "2025-07-31", "a monthly total sits on the month's last day");
}

#[test]
fn the_day_order_waits_for_a_date_that_decides_it() {
    let mut s = Scratch::new();
    let mut text = String::from("Date,Importer,Exporter,HS Code,Value USD\n");
    for _ in 0..2500 {
        text.push_str("01/05/2023,EARLY CO,X,731815,1\n");
    }
    text.push_str("01/13/2023,LATE CO,X,731815,1\n");
    let path = s.file("us-sorted.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!((report.imported, report.rejected.len()), (2501, 0), "no row read the wrong way or rejected");
    assert!(report.files[0].sheets[0].notes.iter().any(|n| n.to_string().contains("month/day/year")));
    let data = s.ws.load_dataset().expect("load");
    assert!(data.shipments.iter().all(|x| x.date.day.to_string().starts_with("2023-01-")), "01/05 is 5 January here");

    let undecided = s.file("undecided.csv", b"Date,Importer,HS Code,Value USD\n01/05/2023,A,731815,1\n");
    let report = s.import(&[undecided]);
    assert!(
        report.files[0].sheets[0].notes.iter().any(|n| n.to_string().contains("read as day/month/year")),
        "{:?}",
        report.files[0].sheets[0].notes
    );
}

#[test]
fn a_hidden_buyer_is_replaced_by_the_notify_party_when_there_is_one() {
    let mut s = Scratch::new();
    let text = "SHIPMENT_DATE,CONSIGNEE_NAME,NOTIFY_PARTY_NAME,SHIPPER_NAME,HS_CODE,VALUE_IN_USD\n2023-11-29,TO THE ORDER OF BANCO X,LOGISTICA SUR LTDA,TILES SA,690721,100\n2023-11-30,TO ORDER,TO ORDER,TILES SA,690721,100\n";
    let path = s.file("bl.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!((report.imported, report.rejected.len()), (1, 1));
    assert_eq!(column_for(&report, "notify").as_deref(), Some("NOTIFY_PARTY_NAME"));
    assert!(s.ws.find_company("LOGISTICA SUR", None).is_ok());
}

#[test]
fn without_a_dollar_column_the_value_is_converted_at_the_files_rate() {
    let mut s = Scratch::new();
    let text = "ASSESSMENT DATE,BUYER NAME,EXPORTER NAME,HS CODE,CUSTOMS VALUE LC,USD EXCHANGE RATE\n2025-03-18,ISOLA G LLC,IMEX GROUP LLC,69072190090,460787,478.04\n";
    let path = s.file("amd.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!(report.imported, 1);
    let sheet = &report.files[0].sheets[0];
    assert!(
        sheet.notes.iter().any(|n| n.to_string().contains("CUSTOMS VALUE LC") && n.to_string().contains("USD EXCHANGE RATE")),
        "{:?}",
        sheet.notes
    );
    let data = s.ws.load_dataset().expect("load");
    assert_eq!(data.shipments[0].value, Cents(96_391), "460,787 AMD at 478.04 per USD");
}

#[test]
fn files_in_disguise_are_read_or_refused_for_what_they_are() {
    let mut s = Scratch::new();
    let html = s.file("export.xls", b"<html><body><table><tr><td>Date</td></tr></table></body></html>");
    let tsv = s.file("export2.xls", b"Date\tImporter\tHS Code\tValue USD\n2023-01-05\tA\t731815\t1\n");
    let report = s.import(&[html, tsv]);
    assert_eq!(report.files[0].status, "refused");
    assert!(
        report.files[0].reason.as_ref().map(ToString::to_string).unwrap_or_default().contains("web page"),
        "{:?}",
        report.files[0].reason
    );
    assert_eq!(report.files[1].imported, 1, "a tab-separated text saved as .xls is read as text");
}

#[test]
fn rows_of_old_mac_csv_files_are_numbered_right() {
    let mut s = Scratch::new();
    let path = s.file("mac.csv", b"Date,Importer,HS Code,Value USD\r2023-01-05,A,731815,1\r2023-01-06,,731815,1\r");
    let report = s.import(&[path]);
    assert_eq!(report.imported, 1);
    assert_eq!(report.rejected[0].row, 3);
}

#[test]
fn a_mapping_file_applies_where_it_fits_and_other_files_map_themselves() {
    let mut s = Scratch::new();
    let odd = s.file("odd.csv", b"Client,Vendor,Tariff Line,Money,When\nACME,X CO,731815,10,2023-01-05\n");
    let normal = s.file("normal.csv", b"Date,Importer,Exporter,HS Code,Value USD\n2023-01-06,BETA,X CO,731815,5\n");
    let mut map = customs_radar::import::mapping::FieldMap::new();
    for (f, h) in [("buyer", "Client"), ("supplier", "Vendor"), ("hs", "Tariff Line"), ("value", "Money"), ("date", "When")] {
        map.insert(customs_radar::import::field::Field::from_key(f).expect("field"), h.to_string());
    }
    let report = s.ws.import_files(&[odd, normal], ImportOptions { mapping: Some(&map) }, &SilentObserver).expect("import");
    assert_eq!(report.imported, 2, "{report:#?}");
    assert!(report.files[1].sheets[0].notes.iter().any(|n| n.to_string().contains("--mapping")));
}

#[test]
fn monthly_summaries_beside_shipment_records_are_flagged() {
    let mut s = Scratch::new();
    let full = s.file("full.csv", b"IMP_DATE,IMPORTER_NAME,SUPPLIER_NAME,HS_CODE,TOTAL_VALUE_USD\n2025-07-03,A CO,B CO,69072100,60\n2025-07-20,A CO,B CO,69072100,40\n");
    let summary = s.file("summary.csv", b"IMPORTER_NAME,SUPPLIER_NAME,HS_CODE,TOTALVALUE,MONTHYEAR\nA CO,B CO,69072100,100,Jul 2025\n");
    s.import(&[full]);
    let report = s.import(&[summary]);
    assert!(report.files[0].notes.iter().any(|n| n.to_string().contains("counted twice")), "{:?}", report.files[0].notes);
    let other = s.file("other.csv", b"IMPORTER_NAME,SUPPLIER_NAME,HS_CODE,TOTALVALUE,MONTHYEAR\nZ CO,B CO,69072100,100,Jul 2025\n");
    assert!(s.import(&[other]).files[0].notes.is_empty(), "another buyer's summary overlaps nothing");
}

#[test]
fn without_money_shipments_are_told_apart_by_weight() {
    let mut s = Scratch::new();
    // Two bill-of-lading summaries whose values are all zero: the same consignee and month, other weights.
    let a = s.file("export-s.csv", b"FORWARDER,CONSIGNEE_NAME,HS_CODE,SUMOFVALUE_IN_USD,SUMOFGROSS_WEIGHT,MONTHYEAR\nASIA SHIPPING,COSENTINO LATINA LTDA,69072100,0,9680,Mar 2023\n");
    let b = s.file("import-s.csv", b"FORWARDER,CONSIGNEE_NAME,HS_CODE,TOTALVALUE_IN_USD,TOTALGROSS_WEIGHT,MONTHYEAR\nCOSENTINO GLOBAL SLU,COSENTINO LATINA LTDA,69072100,0,25046,Mar 2023\n");
    let report = s.import(&[a.clone(), b]);
    assert_eq!((report.imported, report.duplicates), (2, 0));
    assert_eq!(s.import(&[a]).duplicates, 1, "the same file again is still recognised");
}
