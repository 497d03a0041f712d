//! The workspace's promises: no double counting, merges that persist, templates that are reused, and
//! an import that fails or is cancelled leaving no trace.

mod common;

use common::{Scratch, assert_accounted};
use customs_radar::import::field::Field;
use customs_radar::import::mapping::FieldMap;
use customs_radar::model::Cents;
use customs_radar::store::{ImportObserver, ImportOptions, ImportProgress, StoreError, Workspace};
use std::cell::Cell;

fn csv_rows(rows: &[(&str, &str, &str, f64)]) -> String {
    let mut text = String::from("Date,Importer,Exporter,HS Code,Value USD\n");
    for (date, buyer, seller, value) in rows {
        text.push_str(&format!("{date},\"{buyer}\",\"{seller}\",731815,{value}\n"));
    }
    text
}

#[test]
fn reimporting_and_overlapping_exports_never_double_count() {
    let mut s = Scratch::new();
    let jan_mar =
        csv_rows(&[("2023-01-05", "ACME", "X CO", 10.0), ("2023-02-05", "ACME", "X CO", 20.0), ("2023-03-05", "ACME", "X CO", 30.0)]);
    let mar_apr = csv_rows(&[("2023-03-05", "ACME", "X CO", 30.0), ("2023-04-05", "ACME", "X CO", 40.0)]);
    let a = s.file("jan-mar.csv", jan_mar.as_bytes());
    let b = s.file("mar-apr.csv", mar_apr.as_bytes());
    let first = s.import(std::slice::from_ref(&a));
    assert_eq!((first.imported, first.duplicates), (3, 0));
    let again = s.import(std::slice::from_ref(&a));
    assert_accounted(&again);
    assert_eq!((again.imported, again.duplicates), (0, 3));
    assert!(again.files[0].imported_before.is_some(), "the same content is recognised");
    let overlap = s.import(&[b]);
    assert_eq!((overlap.imported, overlap.duplicates), (1, 1));
    assert_eq!(s.ws.shipment_count().expect("count"), 4);
}

#[test]
fn identical_rows_within_one_file_are_separate_shipments() {
    let mut s = Scratch::new();
    // A monthly summary can hold the same figures twice; both are real.
    let text = "IMPORTER_NAME,SUPPLIER_NAME,HS_CODE,TOTALVALUE,MONTHYEAR\nA CO,B CO,731815,100,Jul 2025\nA CO,B CO,731815,100,Jul 2025\n";
    let path = s.file("summary.csv", text.as_bytes());
    assert_eq!(s.import(std::slice::from_ref(&path)).imported, 2);
    let again = s.import(&[path]);
    assert_eq!((again.imported, again.duplicates), (0, 2));
}

#[test]
fn spelling_variants_merge_and_near_names_stay_apart() {
    let mut s = Scratch::new();
    let text = csv_rows(&[
        ("2023-01-05", "Acme Trading Co., Ltd.", "X", 1.0),
        ("2023-01-06", "ACME TRADING CO LTD", "X", 1.0),
        ("2023-01-07", "ACME TRADING COMPANY LIMITED", "X", 1.0),
        ("2023-01-08", "KIWI TIMBER PTY LTD", "X", 1.0),
        ("2023-01-09", "KIWI TIMBER NZ LIMITED", "X", 1.0),
    ]);
    let path = s.file("names.csv", text.as_bytes());
    s.import(&[path]);
    let companies = s.ws.companies().expect("companies");
    let acme: Vec<_> = companies.iter().filter(|c| c.name.to_uppercase().starts_with("ACME")).collect();
    assert_eq!(acme.len(), 1, "three spellings, one company: {companies:#?}");
    assert_eq!(acme[0].aliases.len(), 3);
    let kiwi = companies.iter().filter(|c| c.name.starts_with("KIWI")).count();
    assert_eq!(kiwi, 2, "KIWI TIMBER and KIWI TIMBER NZ are different entities");
}

#[test]
fn merges_and_splits_persist_across_reimports() {
    let mut s = Scratch::new();
    let first = csv_rows(&[("2023-01-05", "PACIFIC FASTENING SUPPLY INC", "X", 1.0), ("2023-01-06", "PACIFIC FASTENERS USA", "X", 1.0)]);
    let a = s.file("a.csv", first.as_bytes());
    s.import(&[a]);
    let into = s.ws.find_company("PACIFIC FASTENING", None).expect("found");
    let from = s.ws.find_company("PACIFIC FASTENERS USA", None).expect("found");
    s.ws.merge_companies(into.id, from.id).expect("merge");
    // A later file with a new spelling of the merged company's key joins the merged company.
    let later = csv_rows(&[("2023-02-05", "Pacific Fasteners USA Inc.", "X", 1.0), ("2023-02-06", "PACIFIC FASTENERS USA", "X", 2.0)]);
    let b = s.file("b.csv", later.as_bytes());
    s.import(&[b]);
    let companies = s.ws.companies().expect("companies");
    let pacific: Vec<_> = companies.iter().filter(|c| c.name.starts_with("PACIFIC")).collect();
    assert_eq!(pacific.len(), 1, "{pacific:#?}");
    assert_eq!(pacific[0].aliases.len(), 3);
    // Splitting one spelling off keeps it apart in later imports too.
    s.ws.split_alias("Pacific Fasteners USA Inc.").expect("split");
    let c = csv_rows(&[("2023-03-05", "Pacific Fasteners USA Inc.", "X", 3.0)]);
    let c = s.file("c.csv", c.as_bytes());
    s.import(&[c]);
    let data = s.ws.load_dataset().expect("load");
    let split = s.ws.find_company("Pacific Fasteners USA Inc.", None).expect("split company");
    let its: Vec<_> = data.shipments.iter().filter(|x| x.buyer == split.id).collect();
    assert_eq!(its.len(), 2, "its February row and the new March row");
}

#[test]
fn ambiguous_and_unknown_names_list_candidates() {
    let mut s = Scratch::new();
    let text = csv_rows(&[("2023-01-05", "ACME GMBH", "X", 1.0), ("2023-01-06", "ACME FRANCE SAS", "X", 1.0)]);
    let path = s.file("acme.csv", text.as_bytes());
    s.import(&[path]);
    match s.ws.find_company("acme", None) {
        Err(StoreError::Match(e)) => {
            let msg = e.to_string();
            assert!(msg.contains("ACME GMBH") && msg.contains("ACME FRANCE SAS"), "{msg}");
        }
        other => panic!("expected ambiguity, got {other:?}"),
    }
    assert_eq!(s.ws.find_company("acme france", None).expect("one").name, "ACME FRANCE SAS");
    match s.ws.find_company("ACME FRANCE SA", None) {
        Ok(found) => assert_eq!(found.name, "ACME FRANCE SAS"),
        Err(e) => panic!("a legal-form variant should match: {e}"),
    }
    let err = s.ws.find_company("ACMEE GMBH", None).expect_err("unknown").to_string();
    assert!(err.contains("did you mean") && err.contains("ACME GMBH"), "{err}");
}

/// Cancels once some rows have gone in.
struct CancelAfter {
    rows: u64,
    seen: Cell<u64>,
}

impl ImportObserver for CancelAfter {
    fn progress(&self, p: &ImportProgress) {
        self.seen.set(p.rows_all);
    }
    fn cancelled(&self) -> bool {
        self.seen.get() >= self.rows
    }
}

#[test]
fn a_cancelled_import_leaves_no_trace() {
    let mut s = Scratch::new();
    let before = csv_rows(&[("2023-01-05", "ACME", "X CO", 10.0)]);
    let first = s.file("first.csv", before.as_bytes());
    s.import(&[first]);
    let mut big = String::from("Date,Importer,Exporter,HS Code,Value USD\n");
    for i in 0..10_000 {
        big.push_str(&format!("2023-02-{:02},NEW BUYER {i},X CO,731815,{i}\n", 1 + i % 28));
    }
    let path = s.file("big.csv", big.as_bytes());
    let cancel = CancelAfter { rows: 3000, seen: Cell::new(0) };
    let result = s.ws.import_files(&[path], ImportOptions::default(), &cancel);
    assert!(matches!(result, Err(StoreError::Cancelled)), "{result:?}");
    assert_eq!(s.ws.shipment_count().expect("count"), 1);
    assert_eq!(s.ws.companies().expect("companies").len(), 2, "no company from the cancelled file remains");
    assert_eq!(s.ws.import_history().expect("history").len(), 1);
}

#[test]
fn an_unreadable_file_is_refused_and_the_others_still_import() {
    let mut s = Scratch::new();
    let good = s.file("good.csv", csv_rows(&[("2023-01-05", "ACME", "X", 1.0)]).as_bytes());
    let broken = s.file("broken.xlsx", b"PK\x03\x04 this is not really a zip archive");
    let report = s.import(&[good, broken]);
    assert_eq!(report.imported, 1);
    let refused = report.files.iter().find(|f| f.file == "broken.xlsx").expect("reported");
    assert_eq!(refused.status, "refused");
    assert!(refused.reason.as_ref().map(ToString::to_string).unwrap_or_default().contains("broken.xlsx"), "{refused:?}");
}

#[test]
fn a_user_mapping_is_saved_and_reused_for_the_same_headers() {
    let mut s = Scratch::new();
    let text = "Tag,Client,Vendor,Tariff Line,Money,When\n1,ACME,X CO,731815,10,2023-01-05\n";
    let a = s.file("odd-a.csv", text.as_bytes());
    let auto = s.import(std::slice::from_ref(&a));
    assert_eq!(auto.imported, 0, "no column is recognisable as the buyer or the value");
    assert!(auto.files[0].reason.as_ref().map(ToString::to_string).unwrap_or_default().contains("--mapping"), "{:?}", auto.files[0].reason);
    let mut map = FieldMap::new();
    for (f, h) in
        [(Field::Buyer, "Client"), (Field::Supplier, "Vendor"), (Field::Hs, "Tariff Line"), (Field::Value, "Money"), (Field::Date, "When")]
    {
        map.insert(f, h.to_string());
    }
    let with_map = s.ws.import_files(&[a], ImportOptions { mapping: Some(&map) }, &customs_radar::store::SilentObserver).expect("import");
    assert_eq!(with_map.imported, 1);
    let b = s.file("odd-b.csv", "Tag,Client,Vendor,Tariff Line,Money,When\n2,BETA,X CO,731816,20,2023-02-05\n".as_bytes());
    let reused = s.import(&[b]);
    assert_eq!(reused.imported, 1, "{reused:#?}");
    let sheet = &reused.files[0].sheets[0];
    assert_eq!(sheet.mapping_source, Some(customs_radar::import::mapping::MappingSource::Template));
}

#[test]
fn opening_an_empty_file_creates_the_schema() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").expect("empty file");
    let ws = Workspace::open(&path).expect("migrates an empty file");
    assert_eq!(ws.shipment_count().expect("count"), 0);
    drop(ws);
    let again = Workspace::open(&path).expect("reopens");
    assert_eq!(again.catalog().expect("catalog").len(), 0);
}

#[test]
fn a_sheet_that_repeats_another_sheet_of_the_workbook_adds_nothing() {
    use common::{V, xlsx};
    let mut s = Scratch::new();
    let path = s.path("all-and-q1.xlsx");
    let sheet = || {
        vec![
            vec![V::T("Date"), V::T("Importer"), V::T("Exporter"), V::T("HS Code"), V::T("Value USD")],
            vec![V::T("2023-01-05"), V::T("ACME"), V::T("X CO"), V::T("731815"), V::N(10.0)],
            vec![V::T("2023-01-05"), V::T("ACME"), V::T("X CO"), V::T("731815"), V::N(10.0)],
        ]
    };
    xlsx(&path, &[("All", sheet()), ("Q1", sheet())]);
    let report = s.import(&[path]);
    assert_accounted(&report);
    assert_eq!((report.imported, report.duplicates), (2, 2), "two identical rows in a sheet are two shipments; the Q1 sheet repeats them");
}

#[test]
fn our_names_resolve_like_any_company_name() {
    use customs_radar::store::{Role, RoleMatch};
    let mut s = Scratch::new();
    let text = csv_rows(&[
        ("2023-01-05", "ACME INC", "NINGBO HAIXING HARDWARE CO LTD", 10.0),
        ("2023-01-06", "ACME INC", "Ningbo Haixing Hardware Co., Ltd.", 20.0),
        ("2023-01-07", "ACME INC", "HAIXING TRADING HK LIMITED", 5.0),
    ]);
    let path = s.file("ours.csv", text.as_bytes());
    s.import(&[path]);
    // A distinctive part names one company; "HAIXING" alone names two.
    match s.ws.add_role(Role::Me, "HAIXING") {
        Err(StoreError::Match(e)) => assert!(e.to_string().contains("HAIXING TRADING HK LIMITED"), "{e}"),
        other => panic!("expected an ambiguity, got {other:?}"),
    }
    assert_eq!(s.ws.add_role(Role::Me, "ningbo haixing").expect("add"), RoleMatch::Company("NINGBO HAIXING HARDWARE CO LTD".into()));
    let data = s.ws.load_dataset().expect("load");
    let ours: Cents = data.shipments.iter().filter(|x| x.supplier.is_some_and(|id| data.me.contains(&id))).map(|x| x.value).sum();
    assert_eq!(ours, Cents(3000), "both spellings are us, the HK trader is not");
    // A name not in the data yet applies to files imported later.
    assert!(matches!(s.ws.add_role(Role::Competitor, "JIAXING EVERGREEN FASTENER CO LTD").expect("add"), RoleMatch::NotYetSeen { .. }));
    let later = s.file("later.csv", csv_rows(&[("2023-02-05", "ACME INC", "JIAXING EVERGREEN FASTENER CO., LTD.", 7.0)]).as_bytes());
    s.import(&[later]);
    assert_eq!(s.ws.load_dataset().expect("load").competitors.len(), 1);
    assert!(s.ws.remove_role(Role::Me, "ningbo haixing").expect("remove"));
    assert!(s.ws.load_dataset().expect("load").me.is_empty());
}

#[test]
fn a_merge_makes_one_customer_in_the_health_check() {
    use customs_radar::analysis::health::{HealthSettings, assess};
    use customs_radar::store::Role;
    let mut s = Scratch::new();
    let mut rows = Vec::new();
    for m in 1..=12 {
        let buyer = if m % 2 == 0 { "HANSA TOOLS GMBH" } else { "HANSA WERKZEUG HANDEL GMBH" };
        rows.push((format!("2025-{m:02}-10"), buyer, "OUR FIRM LTD", 5_000.0));
    }
    let rows: Vec<(&str, &str, &str, f64)> = rows.iter().map(|(d, b, s, v)| (d.as_str(), *b, *s, *v)).collect();
    let path = s.file("hansa.csv", csv_rows(&rows).as_bytes());
    s.import(&[path]);
    s.ws.add_role(Role::Me, "OUR FIRM").expect("me");
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("d");
    assert_eq!(
        assess(&s.ws.load_dataset().expect("load"), as_of, &HealthSettings::default()).customers.len(),
        2,
        "two spellings the matcher keeps apart"
    );
    let a = s.ws.find_company("HANSA TOOLS", None).expect("a");
    let b = s.ws.find_company("HANSA WERKZEUG", None).expect("b");
    s.ws.merge_companies(a.id, b.id).expect("merge");
    let report = assess(&s.ws.load_dataset().expect("load"), as_of, &HealthSettings::default());
    assert_eq!(report.customers.len(), 1);
    assert_eq!(report.customers[0].ours_12m, Cents(6_000_000), "all twelve months, both spellings");
}

#[test]
fn customer_attributes_persist_and_follow_a_merge() {
    use customs_radar::model::ManualAttributes;
    let mut s = Scratch::new();
    let text = csv_rows(&[("2023-01-05", "HANSA TOOLS GMBH", "X", 1.0), ("2023-01-06", "HANSA WERKZEUG HANDEL GMBH", "X", 1.0)]);
    let path = s.file("a.csv", text.as_bytes());
    s.import(&[path]);
    let a = s.ws.find_company("HANSA TOOLS", None).expect("a");
    let b = s.ws.find_company("HANSA WERKZEUG", None).expect("b");
    let margin = ManualAttributes { margin: Some(4), ..Default::default() };
    s.ws.set_attributes(a.id, &margin).expect("set");
    s.ws.set_attributes(b.id, &ManualAttributes { margin: Some(1), payment_risk: Some(5), ..Default::default() }).expect("set");
    let bad = ManualAttributes { relationship_depth: Some(7), ..Default::default() };
    assert!(matches!(s.ws.set_attributes(a.id, &bad), Err(StoreError::Invalid(m)) if m.contains("1 to 5")));
    // Reopened from disk.
    let ws = Workspace::open(s.ws.path()).expect("reopen");
    assert_eq!(ws.attributes_of(a.id).expect("read"), margin);
    s.ws.merge_companies(a.id, b.id).expect("merge");
    let merged = s.ws.attributes_of(a.id).expect("read");
    assert_eq!(merged, ManualAttributes { margin: Some(4), payment_risk: Some(5), ..Default::default() }, "ours kept, gaps filled");
    assert_eq!(s.ws.customer_attributes().expect("all").len(), 1, "the merged-away company's row is gone");
    s.ws.set_attributes(a.id, &ManualAttributes::default()).expect("clear");
    assert!(s.ws.customer_attributes().expect("all").is_empty());
}

#[test]
fn files_descriptions_are_counted_per_code_and_groups_follow_a_merge() {
    use customs_radar::model::Hs6;
    let mut s = Scratch::new();
    let text = "Date,Importer,Exporter,HS Code,Description,Value USD\n\
        2023-01-05,HANSA TOOLS GMBH,X,731815,HEX BOLTS ZINC PLATED,10\n\
        2023-01-06,HANSA TOOLS GMBH,X,731815,HEX BOLTS ZINC PLATED,11\n\
        2023-01-07,HANSA WERKZEUG HANDEL GMBH,X,731815,BOLTS,12\n\
        2023-01-08,HANSA WERKZEUG HANDEL GMBH,X,820540,,13\n";
    let path = s.file("d.csv", text.as_bytes());
    s.import(std::slice::from_ref(&path));
    s.import(&[path]);
    let descriptions = s.ws.file_descriptions().expect("descriptions");
    assert_eq!(descriptions.get(&Hs6(731815)).map(String::as_str), Some("HEX BOLTS ZINC PLATED"), "the most common one");
    assert!(!descriptions.contains_key(&Hs6(820540)), "an empty description is no description");
    assert_eq!(s.ws.load_dataset().expect("load").descriptions.len(), 1);
    let a = s.ws.find_company("HANSA TOOLS", None).expect("a");
    let b = s.ws.find_company("HANSA WERKZEUG", None).expect("b");
    s.ws.add_to_group("Hansa", &[b.id]).expect("group");
    s.ws.merge_companies(a.id, b.id).expect("merge");
    let groups = s.ws.company_groups().expect("groups");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].members, vec![a.id], "membership moved to the company that remains");
    assert!(s.ws.add_to_group(" ", &[a.id]).is_err());
}

#[test]
fn descriptions_keep_the_most_common_few_and_a_split_keeps_its_groups() {
    let mut s = Scratch::new();
    let mut text = String::from("Date,Importer,Exporter,HS Code,Description,Value USD\n");
    for i in 0..30 {
        // Thirty different texts for one code, the first used three times.
        for _ in 0..(if i == 0 { 3 } else { 1 }) {
            text.push_str(&format!("2023-01-{:02},PACIFIC FASTENERS USA,X,731815,BOLTS LOT {i},{}\n", 1 + i % 28, 10 + i));
        }
    }
    text.push_str("2023-02-01,Pacific Fasteners USA Inc.,X,731815,BOLTS LOT 0,99\n");
    let path = s.file("lots.csv", text.as_bytes());
    s.import(&[path]);
    let conn = rusqlite::Connection::open(s.ws.path()).expect("open");
    let kept: i64 = conn.query_row("SELECT count(*) FROM code_descriptions WHERE hs6 = 731815", [], |r| r.get(0)).expect("count");
    assert_eq!(kept, 20);
    assert_eq!(s.ws.file_descriptions().expect("d").get(&customs_radar::model::Hs6(731815)).map(String::as_str), Some("BOLTS LOT 0"));
    let company = s.ws.find_company("PACIFIC FASTENERS", None).expect("found");
    s.ws.add_to_group("Pacific", &[company.id]).expect("group");
    let split = s.ws.split_alias("Pacific Fasteners USA Inc.").expect("split");
    let members = &s.ws.company_groups().expect("groups")[0].members;
    assert!(members.contains(&company.id) && members.contains(&split), "the split-off spelling stays in the group: {members:?}");
}
