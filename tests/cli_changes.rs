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

/// `review` and `team` on the demo: a review marks a customer reviewed and its note lands in the
/// CRM card; the quarter's reports come one per core customer; the assignment fits capacity and
/// keeps an owner with room.
#[test]
fn the_review_marks_a_customer_and_the_team_assignment_fits_capacity_keeping_owners() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let ok = |out: std::process::Output| assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    ok(run(&db, &["tier-rules", "watchlist", "0.8", "0.02"]));
    let review = json(&run(&db, &["review", "show", "--json"]));
    assert_eq!(review["review"]["quarter"], "2026Q3", "data to 30 September make the third quarter's review due");
    let rows = review["review"]["rows"].as_array().expect("rows").clone();
    assert!(!rows.is_empty() && rows.len() <= 7, "a short watchlist: {}", rows.len());
    let first = rows[0]["customer"].as_str().expect("name").to_string();
    ok(run(&db, &["review", "mark", &first, "--note", "Agreed a price review in May", "--date", "2026-10-12"]));
    let after = json(&run(&db, &["review", "show", "--json"]));
    let row =
        after["review"]["rows"].as_array().expect("rows").iter().find(|r| r["customer"] == first.as_str()).expect("still core").clone();
    assert_eq!(
        (row["mark"]["reviewed_on"].as_str(), row["mark"]["note"].as_str()),
        (Some("2026-10-12"), Some("Agreed a price review in May"))
    );
    assert_eq!(after["reviewed"], 1);
    let customers = json(&run(&db, &["customers", "--json"]));
    let listed =
        customers["customers"].as_array().expect("customers").iter().find(|c| c["customer"] == first.as_str()).expect("listed").clone();
    assert_eq!(listed["review"]["state"], "reviewed", "the review state is a column of the customer export: {listed}");
    assert!(listed["level"].is_string(), "and the health level");
    let ws = customs_radar::store::Workspace::open(&db).expect("open");
    let notes = ws.crm(ws.find_company(&first, None).expect("found").id).expect("crm").notes;
    assert!(notes.iter().any(|n| n.text == "2026Q3: Agreed a price review in May"), "the note is in the CRM card: {notes:?}");
    drop(ws);

    let folder = dir.path().join("q2");
    let made = json(&run(&db, &["report", "--kind", "review", "--lang", "zh", "--out", folder.to_str().expect("path"), "--json"]));
    assert_eq!(made["files"].as_array().expect("files").len(), rows.len(), "one report per core customer");
    assert!(made["pages"].as_u64().is_some_and(|p| p > rows.len() as u64), "the combined PDF holds them all after its contents page");
    assert_eq!(json(&run(&db, &["review", "show", "--json"]))["reported"], rows.len(), "recorded as made");

    // The team: Li Wei owns three core customers (a visit a quarter each) but can make two; Zhang
    // Min owns a fourth and has room for everyone else.
    assert!(rows.len() >= 4, "four core customers to share out");
    let name = |i: usize| rows[i]["customer"].as_str().expect("name").to_string();
    ok(run(&db, &["team", "set", "Li Wei", "2"]));
    ok(run(&db, &["team", "set", "Zhang Min", "200"]));
    for i in 0..3 {
        ok(run(&db, &["team", "owner", &name(i), "Li Wei"]));
    }
    let kept = name(3);
    ok(run(&db, &["team", "owner", &kept, "zhang  min"]));
    let suggestion = json(&run(&db, &["team", "suggest", "--json"]));
    let moves = suggestion["moves"].as_array().expect("moves");
    let from_li: Vec<&serde_json::Value> = moves.iter().filter(|m| m["from"] == "Li Wei").collect();
    assert_eq!(from_li.len(), 1, "one customer clears Li Wei's excess of one visit: {from_li:?}");
    assert_eq!(from_li[0]["reason"], "OwnerOverCapacity");
    assert!(moves.iter().all(|m| m["customer"] != kept.as_str()), "an owner with room keeps the customer");
    ok(run(&db, &["team", "accept"]));
    let load = json(&run(&db, &["team", "show", "--json"]));
    for p in load["people"].as_array().expect("people") {
        let (carried, capacity) = (p["load"].as_f64().expect("load"), p["capacity"].as_f64().expect("capacity"));
        assert!(carried <= capacity + 1e-9, "{p} within capacity");
    }
    let li = load["people"].as_array().expect("people").iter().find(|p| p["name"] == "Li Wei").expect("Li Wei").clone();
    assert_eq!(li["customers"], 2, "Li Wei keeps two of his three");
    assert!(load["unowned"].as_array().expect("unowned").len() < 350, "customers needing visits were placed");
    assert!(
        json(&run(&db, &["team", "suggest", "--json"]))["moves"].as_array().expect("moves").is_empty(),
        "nothing left to move once accepted"
    );
}
