//! `tiers`, `profiles`, `tier-rules`, `service-plan` and `attributes` as scripts use them, on the
//! demo workspace.

mod common;

use common::cli::{demo_workspace, json, run};
use serde_json::Value;

const METRICS: [&str; 18] = [
    "monetary",
    "frequency",
    "recency",
    "tenure",
    "sales_growth",
    "category_vs_market",
    "wallet",
    "share",
    "headroom",
    "diversity",
    "stability",
    "concentration",
    "market_position",
    "health",
    "margin",
    "payment_risk",
    "decision_complexity",
    "relationship_depth",
];

fn customers(report: &Value) -> &Vec<Value> {
    report["customers"].as_array().expect("customers")
}

fn a_tier(report: &Value) -> Vec<String> {
    customers(report).iter().filter(|c| c["tier"] == "A").map(|c| c["customer"].as_str().expect("name").to_string()).collect()
}

#[test]
fn tiers_report_every_metric_raw_normalised_and_weighted() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let report = json(&run(&db, &["tiers", "--json"]));
    assert_eq!(report["as_of"], "2026-09-30");
    assert_eq!(report["profile"]["name"], "value_first");
    let list = customers(&report);
    assert!(list.len() > 100, "the demo has hundreds of customers of ours");
    let scores: Vec<f64> = list.iter().map(|c| c["score"].as_f64().expect("score")).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best score first");
    for c in list {
        assert!(["A", "B", "C", "D"].contains(&c["tier"].as_str().expect("tier")));
        let points: f64 = METRICS.iter().map(|m| c["metrics"][m]["points"].as_f64().expect("points")).sum();
        assert!((points - c["score"].as_f64().expect("score")).abs() < 1e-6, "points add up to the score: {c}");
        for m in METRICS {
            let v = &c["metrics"][m];
            assert!(v["normalized"].as_f64().is_some_and(|x| (0.0..=1.0).contains(&x)), "{m}: {v}");
            assert!(v["weight"].is_number() && (v["raw"].is_number() || v["raw"].is_null()), "{m}: {v}");
        }
    }
    let counts: u64 = report["distribution"].as_array().expect("distribution").iter().map(|t| t["customers"].as_u64().expect("n")).sum();
    assert_eq!(counts as usize, list.len());
    // The watchlist covers 80% of our sales unless its cap (20% of customers) cut it first.
    let w = &report["watchlist"];
    assert!(w["share_of_sales"].as_f64().expect("share") >= 0.8 || w["capped"] == true, "{w}");
    assert!(w["count"].as_u64().expect("count") as f64 <= (0.2 * list.len() as f64).round(), "{w}");
    assert_eq!(report["history"]["dates"].as_array().expect("dates").len(), 8, "seven quarter ends and the as-of date");
    let suggested = &report["suggested"];
    let total: f64 = METRICS.iter().map(|m| suggested["weights"][m].as_f64().expect("weight")).sum();
    assert_eq!(total, 100.0);
    assert!(suggested["fit"].as_f64().expect("fit") > 0.3, "{suggested}");
    assert!(suggested["explanation_zh"].as_str().expect("zh").contains("季度"));
    assert_eq!(report["service_plan"]["A"]["owner"].as_str().map(|s| s.is_empty()), Some(false));
}

#[test]
fn weights_change_tiers_and_no_sales_is_never_a() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let sales = dir.path().join("sales.json");
    std::fs::write(&sales, r#"{"monetary": 100}"#).expect("write");
    let headroom = dir.path().join("headroom.json");
    std::fs::write(&headroom, r#"{"headroom": 100}"#).expect("write");
    let by_sales = json(&run(&db, &["tiers", "--weights", sales.to_str().expect("path"), "--json"]));
    let by_room = json(&run(&db, &["tiers", "--weights", headroom.to_str().expect("path"), "--json"]));
    let biggest = customers(&by_sales)
        .iter()
        .max_by(|a, b| a["our_sales_12m"].as_f64().expect("sales").total_cmp(&b["our_sales_12m"].as_f64().expect("sales")))
        .expect("customers");
    assert_eq!(biggest["tier"], "A", "scored on our sales alone, the biggest customer is A");
    // Weighing headroom picks A customers with more room and less of our share than weighing sales.
    let median_in_a = |report: &Value, metric: &str| {
        let mut v: Vec<f64> =
            customers(report).iter().filter(|c| c["tier"] == "A").filter_map(|c| c["metrics"][metric]["raw"].as_f64()).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    assert!(median_in_a(&by_room, "headroom") > 1.3 * median_in_a(&by_sales, "headroom"));
    assert!(median_in_a(&by_room, "share") < median_in_a(&by_sales, "share"));
    assert!(median_in_a(&by_room, "monetary") < median_in_a(&by_sales, "monetary"));
    assert_ne!(a_tier(&by_sales), a_tier(&by_room));
    for report in [&by_sales, &by_room] {
        for c in customers(report).iter().filter(|c| c["our_sales_12m"] == 0.0) {
            assert_ne!(c["tier"], "A", "{c}");
        }
    }
    assert!(customers(&by_room).iter().any(|c| c["our_sales_12m"] == 0.0), "the demo has lapsed customers to check");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"monetory": 100}"#).expect("write");
    let out = run(&db, &["tiers", "--weights", bad.to_str().expect("path")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("'monetory' is not a metric"));
}

#[test]
fn profiles_persist_and_builtins_stay_read_only() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    assert!(run(&db, &["profiles", "copy", "potential_first", "export push"]).status.success());
    assert!(run(&db, &["profiles", "set", "export push", "share=40", "headroom=0"]).status.success());
    assert!(run(&db, &["profiles", "use", "Export Push"]).status.success());
    let report = json(&run(&db, &["tiers", "--json"]));
    assert_eq!(report["profile"]["name"], "export push");
    assert_eq!(report["profile"]["weights"]["share"], 40.0);
    assert_eq!(report["profile"]["weights"]["wallet"], 15.0, "copied from potential_first");
    assert!(run(&db, &["profiles", "rename", "export push", "push"]).status.success());
    let listed = json(&run(&db, &["profiles", "list", "--json"]));
    assert_eq!(listed["active"], "push", "the choice follows a rename");
    assert_eq!(listed["profiles"].as_array().expect("profiles").len(), 4);
    let refused = run(&db, &["profiles", "delete", "value_first"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("built in"));
    assert!(run(&db, &["profiles", "delete", "push"]).status.success());
    assert_eq!(json(&run(&db, &["tiers", "--json"]))["profile"]["name"], "value_first");
    let stability = json(&run(&db, &["tiers", "--profile", "stability_first", "--json"]));
    assert_eq!(stability["profile"]["weights"]["stability"], 30.0);
    assert_eq!(stability["profile"]["weights"]["health"], 0.0, "value and risk are two axes");
}

#[test]
fn rules_service_plan_and_attributes_are_kept_in_the_workspace() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    assert!(run(&db, &["tier-rules", "cutoffs", "80", "70", "50"]).status.success());
    assert!(run(&db, &["tier-rules", "grace", "0"]).status.success());
    let report = json(&run(&db, &["tiers", "--json"]));
    for c in customers(&report) {
        let (score, tier) = (c["score"].as_f64().expect("score"), c["tier"].as_str().expect("tier"));
        let expected = if score >= 80.0 && c["our_sales_12m"].as_f64() > Some(0.0) {
            "A"
        } else if score >= 70.0 {
            "B"
        } else if score >= 50.0 {
            "C"
        } else {
            "D"
        };
        if c["protect"] == true && c["held"] == true {
            // A valuable customer in trouble keeps last quarter's A or B (the grace band is off).
            assert!(tier < expected && (tier == "A" || tier == "B"), "{}: {score} kept {tier}", c["customer"]);
        } else {
            assert_eq!(tier, expected, "{}: {score}", c["customer"]);
        }
    }
    let refused = run(&db, &["tier-rules", "cutoffs", "50", "70", "80"]);
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("100 ≥ A ≥ B ≥ C ≥ 0"));

    assert!(run(&db, &["service-plan", "set", "b", "visits", "Every four months"]).status.success());
    assert!(run(&db, &["attributes", "set", "NORDIC BYGG", "--margin", "5", "--payment-risk", "1"]).status.success());
    let one = json(&run(&db, &["tiers", "--customer", "NORDIC BYGG", "--json"]));
    let nordic = &one["customers"][0];
    assert_eq!(nordic["metrics"]["margin"]["raw"], 5.0);
    assert_eq!(nordic["metrics"]["payment_risk"]["normalized"], 1.0, "low risk scores best");
    assert_eq!(nordic["history"]["tiers"].as_array().expect("history").len(), 8);
    let plan = json(&run(&db, &["service-plan", "show", "--json"]));
    assert_eq!(plan["B"]["visits"], "Every four months");
    let listed = json(&run(&db, &["attributes", "list", "--json"]));
    assert_eq!(listed["customers"][0]["customer"], "NORDIC BYGG AB");
    assert!(run(&db, &["attributes", "set", "NORDIC BYGG", "--margin", "0"]).status.success());
    let cleared = json(&run(&db, &["attributes", "list", "--json"]));
    assert_eq!(cleared["customers"][0]["margin"], Value::Null);
    let bad = run(&db, &["attributes", "set", "NORDIC BYGG", "--margin", "9"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("1 to 5"));
    let text = run(&db, &["tiers", "--customer", "NORDIC BYGG"]);
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(shown.contains("利润率") && shown.contains("service for tier"), "{shown}");
}

#[test]
fn a_damaged_setting_never_blocks_its_repair() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    {
        let mut ws = customs_radar::store::Workspace::open(&db).expect("open");
        ws.set_setting("tier_rules", &serde_json::json!({"kind": "quantiles", "a": 0.5, "b": 0.2, "c": 0.1})).expect("store");
        let bad = serde_json::json!({"active": "bad", "custom": [{"name": "bad", "weights": {"share": -5.0}}, {"name": "good", "weights": {"share": 1.0}}]});
        ws.set_setting("tier_profiles", &bad).expect("store");
    }
    let stderr = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).to_string();
    let blocked = run(&db, &["tiers", "--profile", "good"]);
    assert!(!blocked.status.success() && stderr(&blocked).contains("tier-rules"), "{}", stderr(&blocked));
    assert!(run(&db, &["tier-rules", "reset"]).status.success(), "reset does not need the damaged rules");
    let bad_profile = run(&db, &["tiers"]);
    assert!(!bad_profile.status.success() && stderr(&bad_profile).contains("bad: The weight of share"), "{}", stderr(&bad_profile));
    assert!(run(&db, &["tiers", "--profile", "good"]).status.success(), "one bad profile does not block the others");
    assert!(run(&db, &["profiles", "delete", "bad"]).status.success());
    assert!(run(&db, &["tiers"]).status.success());
    let refused = run(&db, &["tier-rules", "quantiles", "0.3", "0.2", "0.6"]);
    assert!(!refused.status.success());
    assert!(!stderr(&refused).contains("workspace"), "a refused input is not the workspace's fault: {}", stderr(&refused));
}
