//! The command line as scripts use it: JSON contracts, exit codes, errors that list candidates, and
//! a killed import that leaves the workspace as it was.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_customs-radar"));
    c.env_remove("CUSTOMS_RADAR_DB");
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().expect("run customs-radar")
}

fn json(out: &Output) -> Value {
    assert!(out.status.success() || out.status.code() == Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is one JSON object ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn demo_file_import_and_customers_follow_the_json_contract() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("ws.sqlite");
    let file = dir.path().join("demo.xlsx");
    let out = bin().args(["demo", "--out"]).arg(&file).args(["--rows", "6000", "--seed", "3"]).output().expect("demo");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let report = json(&run(&db, &["import", file.to_str().expect("path"), "--json"]));
    let read = report["rows_read"].as_u64().expect("rows_read");
    let imported = report["imported"].as_u64().expect("imported");
    let duplicates = report["duplicates"].as_u64().expect("duplicates");
    let rejected = report["rejected"].as_array().expect("rejected list");
    assert!(read >= 6000, "at least the rows asked for (the story customers always come whole)");
    assert_eq!(read, imported + duplicates + rejected.len() as u64);
    assert_eq!(report["files"][0]["sheets"][0]["header_row"], 3, "the demo file has a banner above the header");

    let again = json(&run(&db, &["import", file.to_str().expect("path"), "--json"]));
    assert_eq!((again["imported"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(imported)));

    assert!(run(&db, &["me", "add", "NINGBO HAIXING HARDWARE CO LTD"]).status.success());
    let me = json(&run(&db, &["me", "list", "--json"]));
    assert_eq!(me["names"][0], "NINGBO HAIXING HARDWARE CO LTD");
    assert!(run(&db, &["catalog", "add", "7318.15", "731816"]).status.success());
    let catalog = json(&run(&db, &["catalog", "list", "--json"]));
    assert_eq!(catalog["catalog"], serde_json::json!(["731815", "731816"]));

    let list = json(&run(&db, &["customers", "--json"]));
    assert_eq!(list["as_of"], "2026-09-30");
    let customers = list["customers"].as_array().expect("customers");
    let pacific = customers.iter().find(|c| c["customer"].as_str().is_some_and(|n| n.starts_with("PACIFIC FASTENING"))).expect("PACIFIC");
    for field in ["customer", "aliases", "country", "total_imports", "first_date", "last_date", "our_sales_12m"] {
        assert!(!pacific[field].is_null(), "{field} missing: {pacific}");
    }
    assert_eq!(pacific["aliases"].as_array().map(Vec::len), Some(2), "two spellings, one customer");
    assert!(pacific["total_imports"].is_number() && pacific["our_sales_12m"].as_f64().expect("number") > 0.0);
    assert_eq!(pacific["country"], "UNITED STATES");
    let first = pacific["first_date"].as_str().expect("date");
    assert!(first.len() == 10 && first.starts_with("2022-"), "{first}");
}

#[test]
fn unknown_and_ambiguous_names_are_clear_errors() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("ws.sqlite");
    let csv = dir.path().join("a.csv");
    std::fs::write(
        &csv,
        "Date,Importer,Exporter,HS Code,Value USD\n2023-01-05,ACME GMBH,X,731815,1\n2023-01-05,ACME FRANCE SAS,X,731815,1\n",
    )
    .expect("csv");
    assert!(run(&db, &["import", csv.to_str().expect("path")]).status.success());
    let out = run(&db, &["company", "merge", "acme", "ACME GMBH"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ACME GMBH") && err.contains("ACME FRANCE SAS") && err.contains("matches 2"), "{err}");
    let out = run(&db, &["company", "merge", "ACME GMBH", "NOBODY"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no company matches 'NOBODY'"));
}

#[test]
fn a_refused_file_sets_the_exit_code_and_says_why() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("ws.sqlite");
    let csv = dir.path().join("exporters.csv");
    std::fs::write(&csv, "EXPORTER_NAME,HS_CODE,DESTINATION_COUNTRY,TOTALVALUE,MONTHYEAR\nX,690721,GERMANY,10,Jul 2025\n").expect("csv");
    let out = run(&db, &["import", csv.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("not imported") && text.contains("no buyers"), "{text}");
}

#[test]
fn a_killed_import_leaves_the_workspace_as_it_was() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("ws.sqlite");
    let small = dir.path().join("small.csv");
    std::fs::write(&small, "Date,Importer,Exporter,HS Code,Value USD\n2023-01-05,ACME,X,731815,1\n").expect("csv");
    assert!(run(&db, &["import", small.to_str().expect("path")]).status.success());
    let big = dir.path().join("big.csv");
    let mut text = String::from("Date,Importer,Exporter,HS Code,Value USD\n");
    for i in 0..300_000 {
        text.push_str(&format!("2023-02-{:02},BUYER {},SELLER {},731815,{}\n", 1 + i % 28, i % 5000, i % 300, i));
    }
    std::fs::write(&big, text).expect("big csv");
    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args(["import", big.to_str().expect("path")])
        .env("CUSTOMS_RADAR_PROGRESS", "lines")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Progress is reported after each batch is inserted: once a few have been, kill it without
    // warning, mid-transaction.
    let stderr = child.stderr.take().expect("stderr");
    let mut batches = 0;
    for line in std::io::BufRead::lines(std::io::BufReader::new(stderr)) {
        if line.expect("line").starts_with("progress:") {
            batches += 1;
        }
        if batches == 5 {
            break;
        }
    }
    assert_eq!(batches, 5, "the import reported progress before finishing");
    assert!(child.try_wait().expect("poll").is_none(), "the import finished before it could be interrupted; use a bigger file");
    child.kill().expect("kill");
    child.wait().expect("reap");
    let ws = customs_radar::store::Workspace::open(&db).expect("the workspace still opens");
    assert_eq!(ws.shipment_count().expect("count"), 1, "only the earlier import remains");
    assert_eq!(ws.import_history().expect("history").len(), 1);
}

#[test]
fn a_mapping_file_names_columns_and_unknown_fields_are_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("ws.sqlite");
    let csv = dir.path().join("odd.csv");
    std::fs::write(&csv, "Client,Vendor,Tariff Line,Money,When\nACME,X CO,731815,10,2023-01-05\n").expect("csv");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"customer": "Client"}"#).expect("json");
    let out = run(&db, &["import", csv.to_str().expect("path"), "--mapping", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field 'customer'"));
    let good = dir.path().join("map.json");
    std::fs::write(&good, r#"{"buyer": "Client", "supplier": "Vendor", "hs": "Tariff Line", "value": "Money", "date": "When"}"#)
        .expect("json");
    let report = json(&run(&db, &["import", csv.to_str().expect("path"), "--mapping", good.to_str().expect("path"), "--json"]));
    assert_eq!(report["imported"], 1);
    assert_eq!(report["files"][0]["sheets"][0]["mapping_source"], "user");
    let history = json(&run(&db, &["history", "--json"]));
    assert_eq!(history["imports"][0]["imported"], 1);
}

#[test]
fn errors_reach_json_readers_as_json() {
    let out = bin().args(["--db", "/proc/no-such-place/ws.sqlite", "customers", "--json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).expect("a JSON error object");
    assert!(v["error"].as_str().is_some_and(|e| e.contains("/proc/no-such-place")), "{v}");
}

#[test]
fn a_word_that_is_neither_a_command_nor_a_file_is_an_error_not_a_window() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = run(&dir.path().join("ws.sqlite"), &["custmers"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("'custmers' is neither a command nor a file"), "{stderr}");
    assert!(!dir.path().join("ws.sqlite").exists(), "no workspace is created for a typo");
}
