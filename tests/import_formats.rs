//! Files in the layouts users really have: banners, Chinese or English headers, several sheets,
//! GB18030 and semicolon CSV, dates, amounts and HS codes written every which way.

mod common;

use common::{Scratch, V, assert_accounted, column_for, xlsx};
use customs_radar::analysis::customers::customers;
use customs_radar::model::{Cents, Hs6, Precision};

fn chinese_header() -> Vec<V> {
    ["日期", "进口商", "出口商", "HS编码", "商品描述", "数量", "单位", "毛重(KG)", "金额(USD)", "原产国", "目的国", "港口", "提单号"]
        .into_iter()
        .map(V::T)
        .collect()
}

#[test]
fn finds_the_header_below_a_banner_and_maps_chinese_headers() {
    let mut s = Scratch::new();
    let path = s.path("banner.xlsx");
    let mut rows = vec![vec![V::T("海关进口数据 2023 · 宁波"), V::E], vec![], vec![V::E, V::T("导出日期 2024-01-01")], chinese_header()];
    for i in 0..5u8 {
        rows.push(vec![
            V::D(2023, 1 + i, 5),
            V::T("ACME TRADING CO., LTD."),
            V::T("NINGBO HAIXING HARDWARE CO LTD"),
            V::T("7318.15.90"),
            V::T("HEX BOLTS"),
            V::N(1000.0),
            V::T("KGS"),
            V::N(1020.0),
            V::N(1800.5),
            V::T("CHINA"),
            V::T("UNITED STATES"),
            V::T("LOS ANGELES"),
            V::S(format!("NBLA23000{i}")),
        ]);
    }
    xlsx(&path, &[("明细", rows)]);
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!((report.rows_read, report.imported), (5, 5));
    let sheet = &report.files[0].sheets[0];
    assert_eq!(sheet.header_row, Some(4), "the header sits on row 4, below the banner");
    assert_eq!(column_for(&report, "buyer").as_deref(), Some("进口商"));
    assert_eq!(column_for(&report, "supplier").as_deref(), Some("出口商"));
    assert_eq!(column_for(&report, "value").as_deref(), Some("金额(USD)"));
    assert_eq!(column_for(&report, "weight").as_deref(), Some("毛重(KG)"));
    assert_eq!(column_for(&report, "bill_of_lading").as_deref(), Some("提单号"));
    let data = s.ws.load_dataset().expect("load");
    assert!(data.shipments.iter().all(|x| x.hs6 == Hs6(731815)));
    assert_eq!(data.shipments.iter().map(|x| x.value).sum::<Cents>(), Cents(5 * 180_050));
}

#[test]
fn english_headers_with_units_and_brackets() {
    let mut s = Scratch::new();
    let path = s.path("english.xlsx");
    let header = [
        "Arrival Date",
        "Consignee",
        "Shipper",
        "HS Code",
        "Product Description",
        "Quantity",
        "Unit",
        "Weight (KG)",
        "Amount (USD)",
        "Country of Origin",
        "Destination",
        "Port of Discharge",
        "Bill of Lading No.",
    ];
    let rows = vec![
        header.into_iter().map(V::T).collect(),
        vec![
            V::T("2023-03-01"),
            V::T("Pacific Fastening Supply Inc"),
            V::T("Jiaxing Evergreen Fastener Co Ltd"),
            V::T("73181600"),
            V::T("NUTS"),
            V::N(10.0),
            V::T("PCS"),
            V::N(5.5),
            V::T("$1,250.00"),
            V::T("China"),
            V::T("USA"),
            V::T("Oakland"),
            V::T("BL1"),
        ],
    ];
    xlsx(&path, &[("Sheet1", rows)]);
    let report = s.import(&[path]);
    assert_eq!(report.imported, 1);
    for (field, header) in [
        ("date", "Arrival Date"),
        ("buyer", "Consignee"),
        ("supplier", "Shipper"),
        ("hs", "HS Code"),
        ("value", "Amount (USD)"),
        ("weight", "Weight (KG)"),
        ("origin", "Country of Origin"),
        ("destination", "Destination"),
        ("port", "Port of Discharge"),
        ("bill_of_lading", "Bill of Lading No."),
    ] {
        assert_eq!(column_for(&report, field).as_deref(), Some(header), "{field}");
    }
}

#[test]
fn gb18030_csv_as_excel_saves_it_on_chinese_windows() {
    let mut s = Scratch::new();
    let text = "海关数据导出\r\n日期,进口商,供应商,海关编码,金额(美元),原产国\r\n2023/1/5,悉尼五金有限公司,宁波海星五金有限公司,7318.15,\"12,345.60\",中国\r\n2023/2/7,悉尼五金有限公司,宁波海星五金有限公司,7318.16,\"US$ 2,000\",中国\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let path = s.file("gbk.csv", &bytes);
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(report.imported, 2, "{report:#?}");
    let data = s.ws.load_dataset().expect("load");
    let names: Vec<&str> = data.companies.values().map(|c| c.name.as_str()).collect();
    assert!(names.contains(&"悉尼五金有限公司"), "Chinese names survive decoding: {names:?}");
    let total: Cents = data.shipments.iter().map(|x| x.value).sum();
    assert_eq!(total, Cents(1_434_560));
}

#[test]
fn semicolon_csv_with_decimal_commas_and_utf8_bom() {
    let mut s = Scratch::new();
    let text = "\u{feff}Fecha;Importador;Exportador;HS Code;Valor USD;Peso\n05/01/2023;FERRETERIA ANDES SPA;SUNDARAM BOLTS PVT LTD;731815;1.234,50;100,5\n13/01/2023;FERRETERIA ANDES SPA;SUNDARAM BOLTS PVT LTD;731815;99,90;10\n";
    let path = s.file("semicolon.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!(report.imported, 2, "{report:#?}");
    let data = s.ws.load_dataset().expect("load");
    let mut days: Vec<String> = data.shipments.iter().map(|x| x.date.day.to_string()).collect();
    days.sort();
    assert_eq!(days, ["2023-01-05", "2023-01-13"], "13/01 proves the column is day-first");
    let mut values: Vec<i64> = data.shipments.iter().map(|x| x.value.0).collect();
    values.sort();
    assert_eq!(values, [9_990, 123_450]);
}

#[test]
fn month_first_text_dates_are_read_month_first() {
    let mut s = Scratch::new();
    let text = "Date,Importer,Exporter,HS Code,Value USD\n05/01/2023,A CO,B CO,731815,10\n01/13/2023,A CO,B CO,731815,20\n";
    let path = s.file("us.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_eq!(report.imported, 2);
    let data = s.ws.load_dataset().expect("load");
    let mut days: Vec<String> = data.shipments.iter().map(|x| x.date.day.to_string()).collect();
    days.sort();
    assert_eq!(days, ["2023-01-13", "2023-05-01"]);
    assert!(report.files[0].sheets[0].notes.iter().any(|n| n.to_string().contains("month/day/year")));
}

#[test]
fn excel_serial_numbers_and_month_summaries() {
    let mut s = Scratch::new();
    let path = s.path("serial.xlsx");
    let rows = vec![
        vec![V::T("IMPORTER_NAME"), V::T("SUPPLIER_NAME"), V::T("HS_CODE"), V::T("TOTALVALUE"), V::T("MONTHYEAR"), V::T("IMP_DATE")],
        vec![V::T("A CO"), V::T("B CO"), V::N(73181590.0), V::N(10.0), V::T("Jul 2025"), V::N(45000.0)],
        vec![V::T("A CO"), V::T("B CO"), V::N(73181590.0), V::N(20.0), V::T("Aug 2025"), V::E],
    ];
    xlsx(&path, &[("S", rows)]);
    let report = s.import(&[path]);
    assert_eq!(report.imported, 2);
    let data = s.ws.load_dataset().expect("load");
    let mut dates: Vec<(String, Precision)> = data.shipments.iter().map(|x| (x.date.to_string(), x.date.precision)).collect();
    dates.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        dates,
        [("2023-03-15".to_string(), Precision::Day), ("2025-08".to_string(), Precision::Month)],
        "serial 45000 is 2023-03-15; an empty date falls back to the month"
    );
}

#[test]
fn amounts_with_separators_prefixes_and_full_width_digits() {
    let mut s = Scratch::new();
    let text = "日期,进口商,出口商,HS编码,金额\n2023-01-01,A,B,731815,\"USD 1,234.56\"\n2023-01-02,A,B,731815,１２３４\n2023-01-03,A,B,731815,5000美元\n2023-01-04,A,B,731815,(100)\n2023-01-05,A,B,731815,EUR 50\n";
    let path = s.file("money.csv", text.as_bytes());
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(report.imported, 4);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].row, 6);
    assert!(report.rejected[0].reason.to_string().contains("EUR"), "{}", report.rejected[0].reason);
    let data = s.ws.load_dataset().expect("load");
    let total: Cents = data.shipments.iter().map(|x| x.value).sum();
    assert_eq!(total, Cents(123_456 + 123_400 + 500_000 - 10_000));
}

#[test]
fn hs_codes_with_dots_and_lost_leading_zeros() {
    let mut s = Scratch::new();
    let path = s.path("hs.xlsx");
    let rows = vec![
        vec![V::T("Date"), V::T("Importer"), V::T("HS Code"), V::T("Value USD")],
        vec![V::T("2023-01-01"), V::T("A"), V::T("0304.90"), V::N(1.0)],
        vec![V::T("2023-01-02"), V::T("A"), V::N(3049010.0), V::N(1.0)],
        vec![V::T("2023-01-03"), V::T("A"), V::T("6907 21 00"), V::N(1.0)],
        vec![V::T("2023-01-04"), V::T("A"), V::T("69072190090"), V::N(1.0)],
    ];
    xlsx(&path, &[("Sheet1", rows)]);
    let report = s.import(&[path]);
    assert_eq!(report.imported, 4, "{report:#?}");
    let data = s.ws.load_dataset().expect("load");
    let mut codes: Vec<u32> = data.shipments.iter().map(|x| x.hs6.0).collect();
    codes.sort();
    assert_eq!(codes, [30490, 30490, 690721, 690721]);
}

#[test]
fn every_sheet_with_a_header_imports_and_others_are_skipped_with_a_reason() {
    let mut s = Scratch::new();
    let path = s.path("multi.xlsx");
    let data_sheet = |buyer: &'static str| {
        vec![
            vec![V::T("Date"), V::T("Importer"), V::T("Exporter"), V::T("HS Code"), V::T("Value USD")],
            vec![V::D(2023, 1, 2), V::T(buyer), V::T("X CO"), V::T("731815"), V::N(5.0)],
            vec![V::D(2023, 2, 2), V::T(buyer), V::T("X CO"), V::T("731815"), V::N(6.0)],
        ]
    };
    let notes = vec![vec![V::T("These are notes from the data provider.")], vec![V::T("Call us.")]];
    xlsx(&path, &[("2023 Q1", data_sheet("ALPHA")), ("Notes", notes), ("2023 Q1 b", data_sheet("BETA"))]);
    let report = s.import(&[path]);
    assert_eq!(report.imported, 4);
    let sheets = &report.files[0].sheets;
    assert_eq!(sheets.len(), 3);
    let notes = sheets.iter().find(|x| x.sheet == "Notes").expect("notes sheet reported");
    assert_eq!(notes.status, "skipped");
    assert!(notes.reason.as_ref().map(ToString::to_string).unwrap_or_default().contains("no header row"), "{notes:?}");
}

#[test]
fn rejected_rows_carry_their_exact_row_numbers_and_columns() {
    let mut s = Scratch::new();
    let path = s.path("bad.xlsx");
    let rows = vec![
        vec![V::T("REPORT")],
        vec![V::T("Date"), V::T("Importer"), V::T("Exporter"), V::T("HS Code"), V::T("Value USD")],
        vec![V::T("2023-01-01"), V::T("A CO"), V::T("X"), V::T("731815"), V::N(5.0)],
        vec![V::T("2023-01-02"), V::E, V::T("X"), V::T("731815"), V::N(5.0)],
        vec![V::T("soon"), V::T("A CO"), V::T("X"), V::T("731815"), V::N(5.0)],
        vec![],
        vec![V::T("2023-01-04"), V::T("A CO"), V::T("X"), V::T("TILES"), V::N(5.0)],
        vec![V::T("2023-01-05"), V::T("A CO"), V::T("X"), V::T("731815"), V::T("n/a")],
        vec![V::T("2023-01-06"), V::T("TO THE ORDER OF"), V::T("X"), V::T("731815"), V::N(5.0)],
        vec![V::T("2023-01-07"), V::T("A CO"), V::E, V::T("731815"), V::N(7.0)],
    ];
    xlsx(&path, &[("Data", rows)]);
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(
        (report.rows_read, report.imported),
        (7, 3),
        "the row without a supplier still imports, and so does the one whose value is 'n/a' (value unknown)"
    );
    let got: Vec<(u32, &str)> = report.rejected.iter().map(|r| (r.row, r.column.as_str())).collect();
    assert_eq!(got, [(4, "Importer"), (5, "Date"), (7, "HS Code"), (9, "Importer")]);
    assert!(report.rejected[3].reason.to_string().contains("hidden"), "{}", report.rejected[3].reason);
    assert!(report.rejected.iter().all(|r| r.file == "bad.xlsx" && r.sheet == "Data"));
    let warnings = &report.files[0].sheets[0].warnings;
    assert!(warnings.iter().any(|w| w.to_string().starts_with("1 of 3 rows have no value")), "{warnings:?}");
    let kept = s.ws.rejected_rows(None).expect("rejected rows are kept");
    assert_eq!(kept.len(), 4);
    let data = s.ws.load_dataset().expect("load");
    let as_of = customs_radar::analysis::window::latest_date(&data).expect("date");
    let list = customers(&data, as_of);
    assert_eq!(list[0].total_imports, Cents(1200), "the supplier-less row counts in the buyer's total");
}

#[test]
fn unicode_text_as_excel_saves_it_is_utf16_with_tabs() {
    let mut s = Scratch::new();
    let text = "日期\t进口商\t出口商\tHS编码\t金额(美元)\r\n2024-03-01\t东京五金株式会社\tNINGBO HAIXING\t731815\t500\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = s.file("unicode.txt", &bytes);
    let report = s.import(&[path]);
    assert_eq!(report.imported, 1, "{report:#?}");
    assert!(s.ws.companies().expect("companies").iter().any(|c| c.name == "东京五金株式会社"));
}

/// A minimal OpenDocument spreadsheet: a zip of a mimetype, a manifest and content.xml.
fn ods(path: &std::path::Path, rows: &[&[&str]]) {
    use std::io::Write;
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in *row {
            match cell.parse::<f64>() {
                Ok(n) => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{cell}</text:p></table:table-cell>"#
                )),
                Err(_) => {
                    table.push_str(&format!(r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#))
                }
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="进口">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("create ods"));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("finish ods");
}

#[test]
fn opendocument_spreadsheets_are_read_sheet_by_sheet() {
    let mut s = Scratch::new();
    let path = s.path("libreoffice.ods");
    ods(
        &path,
        &[
            &["LibreOffice export"],
            &["日期", "进口商", "出口商", "HS编码", "金额(USD)"],
            &["2024-05-06", "WARSAW TOOLS SP Z O O", "NINGBO HAIXING", "731822", "812.5"],
        ],
    );
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!(report.imported, 1, "{report:#?}");
    assert_eq!(report.files[0].sheets[0].sheet, "进口");
    assert_eq!(report.files[0].sheets[0].header_row, Some(2));
    let data = s.ws.load_dataset().expect("load");
    assert_eq!(data.shipments[0].value, Cents(81_250));
}
