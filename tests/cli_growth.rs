//! `crosssell`, `bundles`, `groups` and `market` as scripts use them, on the demo workspace.

mod common;

use common::cli::{demo_workspace, json, run};
use serde_json::Value;

fn all_gaps(report: &Value) -> Vec<&Value> {
    report["customers"].as_array().expect("customers").iter().flat_map(|c| c["gaps"].as_array().expect("gaps")).collect()
}

#[test]
fn crosssell_finds_tools_and_never_tiles_or_furniture() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let report = json(&run(&db, &["crosssell", "--json"]));
    let gaps = all_gaps(&report);
    assert!(gaps.len() > 30, "the demo's hardware customers buy tools from others: {}", gaps.len());
    let codes: std::collections::BTreeSet<&str> = gaps.iter().map(|g| g["hs"].as_str().expect("hs")).collect();
    for related in ["820540", "820411", "731821"] {
        assert!(codes.contains(related), "{related} missing from {codes:?}");
    }
    for unrelated in ["940360", "690721", "392690", "731815"] {
        assert!(!codes.contains(unrelated), "{unrelated} must not be suggested: {codes:?}");
    }
    for g in &gaps {
        assert!(g["description"].is_string() && g["value_12m"].as_f64() > Some(0.0) && g["reason"].is_string(), "{g}");
        assert!(g["suppliers"].as_array().is_some_and(|s| !s.is_empty()));
        assert!(g["opportunity"].as_f64() <= g["value_12m"].as_f64());
    }
    let portfolio = report["portfolio"].as_array().expect("portfolio");
    let opportunities: Vec<f64> = portfolio.iter().map(|g| g["opportunity"].as_f64().expect("n")).collect();
    assert!(opportunities.windows(2).all(|w| w[0] >= w[1]), "largest first");
}

#[test]
fn a_bundle_turns_hinges_into_a_lead() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let hinges = |r: &Value| all_gaps(r).into_iter().filter(|g| g["hs"] == "830210").count();
    assert_eq!(hinges(&json(&run(&db, &["crosssell", "--json"]))), 0, "hinges sell to home-goods importers as much as to hardware ones");
    assert!(run(&db, &["bundles", "add", "Door kit", "7318", "8302"]).status.success());
    let with = json(&run(&db, &["crosssell", "--json"]));
    assert!(hinges(&with) > 0);
    let g = all_gaps(&with).into_iter().find(|g| g["hs"] == "830210").expect("hinges");
    assert_eq!(g["relations"][0]["kind"], "bundle");
    assert_eq!(json(&run(&db, &["bundles", "list", "--json"]))["bundles"][0]["codes"], serde_json::json!(["7318", "8302"]));
    let bad = run(&db, &["bundles", "add", "Bad", "83x2"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("not an HS code"));
}

#[test]
fn groups_suggest_the_kiwi_sisters_and_remember_answers() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let report = json(&run(&db, &["groups", "--json"]));
    let kiwi = report["groups"].as_array().expect("groups").iter().find(|g| g["name"] == "KIWI TIMBER").expect("suggested");
    assert_eq!(kiwi["suggested"], true);
    assert_eq!(kiwi["missing_members"][0]["customer"], "KIWI TIMBER NZ LIMITED");
    assert!(kiwi["missing_members"][0]["category_12m"].as_f64() > Some(10_000.0));
    assert!(run(&db, &["groups", "accept", "kiwi timber", "--name", "Kiwi Timber group"]).status.success());
    let after = json(&run(&db, &["groups", "--json"]));
    let names: Vec<(&str, bool)> = after["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| (g["name"].as_str().expect("name"), g["suggested"].as_bool().expect("b")))
        .collect();
    assert!(names.contains(&("Kiwi Timber group", false)) && !names.contains(&("KIWI TIMBER", true)), "{names:?}");
    assert!(run(&db, &["groups", "remove", "Kiwi Timber group", "KIWI TIMBER NZ"]).status.success());
    assert!(run(&db, &["groups", "delete", "Kiwi Timber group"]).status.success());
    let gone = json(&run(&db, &["groups", "--json"]));
    assert!(
        gone["groups"].as_array().expect("groups").iter().all(|g| g["name"] != "KIWI TIMBER"),
        "an accepted suggestion does not come back"
    );
    let unknown = run(&db, &["groups", "reject", "NOBODY"]);
    assert!(!unknown.status.success() && String::from_utf8_lossy(&unknown.stderr).contains("no open suggestion"));
}

#[test]
fn market_reports_a_code_by_country_with_suppliers_and_prices() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let m = json(&run(&db, &["market", "--hs", "7318", "--country", "germany", "--json"]));
    assert_eq!(m["country"], "GERMANY");
    assert_eq!(m["chapter_zh"], "钢铁制品");
    assert_eq!(m["quarters"].as_array().expect("quarters").len(), 8);
    let top = m["top_suppliers"].as_array().expect("suppliers");
    let shares: f64 = top.iter().map(|s| s["share"].as_f64().expect("share")).sum();
    assert!(shares > 0.9 && shares <= 1.0 + 1e-9, "{shares}");
    assert!(top.iter().any(|s| s["us"] == true) && top.iter().any(|s| s["competitor"] == true));
    assert!(m["unit_value_12m"].as_f64().is_some_and(|u| (0.5..20.0).contains(&u)));
    let ours = json(&run(&db, &["market", "--json"]));
    assert!(ours["markets"].as_array().is_some_and(|l| l.len() >= 4), "each of our codes");
    let bad = run(&db, &["market", "--hs", "7318", "--country", "atlantis"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("no country 'atlantis'"));
}
