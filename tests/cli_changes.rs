//! `changes`, the monthly digest, on the demo workspace: the levels it reports are the health
//! check's at both dates, and a customer whose level held is not listed.

mod common;

use common::cli::{demo_workspace, json, run};
use serde_json::Value;
use std::collections::HashMap;

/// Customer → level from `health --json` at a date.
fn levels(db: &std::path::Path, as_of: &str) -> HashMap<String, String> {
    let report = json(&run(db, &["health", "--as-of", as_of, "--json"]));
    report["customers"]
        .as_array()
        .expect("customers")
        .iter()
        .map(|c| (c["customer"].as_str().expect("name").to_string(), c["level"].as_str().expect("level").to_string()))
        .collect()
}

#[test]
fn the_digest_lists_every_level_change_and_only_those() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let d = json(&run(&db, &["changes", "--json"]));
    let (since, as_of) = (d["since"].as_str().expect("since"), d["as_of"].as_str().expect("as of"));
    assert_eq!((since, as_of), ("2026-08-31", "2026-09-30"), "a month back by default");
    let (before, now) = (levels(&db, since), levels(&db, as_of));
    let listed: HashMap<&str, &Value> =
        d["level_changes"].as_array().expect("changes").iter().map(|c| (c["customer"].as_str().expect("name"), c)).collect();
    assert!(!listed.is_empty(), "a month of the demo moves some levels");
    for (name, level) in &now {
        let was = before.get(name).map_or("green", String::as_str);
        match listed.get(name.as_str()) {
            Some(c) => {
                assert_eq!((c["before"].as_str(), c["now"].as_str()), (Some(was), Some(level.as_str())), "{name}");
                assert_ne!(was, level, "{name} is listed though its level held");
            }
            None => assert_eq!(was, level, "{name} changed from {was} to {level} but is not listed"),
        }
    }
    // A worse level comes with the reason, in both languages.
    for c in listed.values().filter(|c| c["now"] != "green") {
        assert!(c["reason"][0].as_str().is_some_and(|r| !r.is_empty()) && c["reason"][1].as_str().is_some(), "{c}");
    }
    // The tier changes agree with `tiers` at both dates.
    let tiers = |date: &str| -> HashMap<String, String> {
        json(&run(&db, &["tiers", "--as-of", date, "--json"]))["customers"]
            .as_array()
            .expect("customers")
            .iter()
            .map(|c| (c["customer"].as_str().expect("name").to_string(), c["tier"].as_str().expect("tier").to_string()))
            .collect()
    };
    let (t0, t1) = (tiers(since), tiers(as_of));
    for c in d["tier_changes"].as_array().expect("tier changes") {
        let name = c["customer"].as_str().expect("name");
        assert_eq!(c["before"].as_str(), t0.get(name).map(String::as_str), "{name}");
        assert_eq!(c["now"].as_str(), t1.get(name).map(String::as_str), "{name}");
    }
    let refused = run(&db, &["changes", "--since", "2026-10-31"]);
    assert!(!refused.status.success(), "a later --since is refused");
}

#[test]
fn report_kind_changes_writes_the_briefing_and_since_belongs_to_it_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let pdf = dir.path().join("changes-zh.pdf");
    let args = ["report", "--kind", "changes", "--since", "2026-06-30", "--lang", "zh", "--json", "--out"];
    let out = json(&run(&db, &[&args[..], &[pdf.to_str().expect("path")]].concat()));
    let pages = out["pages"].as_u64().expect("pages");
    assert!((1..=2).contains(&pages), "{pages} pages");
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF"));
    // --since with another kind is refused, saying what it is for.
    let other = dir.path().join("portfolio.pdf");
    let refused = run(&db, &["report", "--kind", "portfolio", "--since", "2026-06-30", "--out", other.to_str().expect("path")]);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && said.contains("--since") && said.contains("changes"), "{said}");
    assert!(!other.exists(), "nothing written");
    // A comparison date after the as-of date is refused, naming both.
    let late = dir.path().join("late.pdf");
    let refused = run(&db, &["report", "--kind", "changes", "--since", "2026-10-31", "--out", late.to_str().expect("path")]);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && said.contains("2026-10-31") && said.contains("2026-09-30"), "{said}");
    assert!(!late.exists(), "nothing written");
}
