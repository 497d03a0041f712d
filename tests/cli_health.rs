//! `health`, `backtest`, `thresholds` and `playbook` as scripts use them, on the demo workspace.

mod common;

use common::cli::{demo_workspace as workspace, json, run};

#[test]
fn health_lists_customers_worst_first_with_explained_signals() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = workspace(dir.path());
    let report = json(&run(&db, &["health", "--json"]));
    assert_eq!(report["as_of"], "2026-09-30");
    let customers = report["customers"].as_array().expect("customers");
    let rank = |l: &str| ["green", "yellow", "orange", "red"].iter().position(|x| *x == l).expect("level");
    let levels: Vec<usize> = customers.iter().map(|c| rank(c["level"].as_str().expect("level"))).collect();
    assert!(levels.windows(2).all(|w| w[0] >= w[1]), "worst first");
    let flagged = customers.iter().find(|c| c["level"] != "green").expect("some customer is flagged");
    let signal = &flagged["signals"][0];
    for field in ["kind", "severity", "explanation", "explanation_zh", "from", "to", "figures"] {
        assert!(!signal[field].is_null(), "{field}: {signal}");
    }
    let kinds = ["share_decline", "new_supplier", "demand_gap", "business_decline", "order_frequency_drop", "growth_opportunity"];
    assert!(
        customers
            .iter()
            .flat_map(|c| c["signals"].as_array().into_iter().flatten())
            .all(|s| kinds.contains(&s["kind"].as_str().unwrap_or("")))
    );
    // An earlier as-of date sees less.
    let earlier = json(&run(&db, &["health", "--as-of", "2024-06-30", "--json"]));
    assert_eq!(earlier["as_of"], "2024-06-30");
}

#[test]
fn one_customer_comes_with_its_playbook_and_series() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = workspace(dir.path());
    let report = json(&run(&db, &["health", "--customer", "pacific fastening", "--json"]));
    let c = &report["customers"][0];
    assert_eq!(c["customer"], "PACIFIC FASTENING SUPPLY INC");
    assert!(c["level"] == "orange" || c["level"] == "red");
    assert!(c["playbook"]["talking_points_zh"][0].as_str().is_some_and(|t| t.contains("JIAXING")));
    let curve = c["series"]["share_curve"].as_array().expect("share curve");
    assert_eq!(curve.len(), 12);
    assert!(curve.iter().all(|q| q["share"].is_number() && q["partial"] == false));
    assert!(c["series"]["supplier_structure"][11]["hhi"].is_number());
    assert!(c["series"]["new_suppliers"].as_array().is_some());
    let text = String::from_utf8_lossy(&run(&db, &["health", "--customer", "PACIFIC FASTENING SUPPLY INC"]).stdout).to_string();
    assert!(text.contains("share_decline") && text.contains("2026Q3"), "{text}");
}

#[test]
fn backtest_reports_ours_beside_the_own_sales_baselines() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = workspace(dir.path());
    let report = json(&run(&db, &["backtest", "--json"]));
    for field in ["recall", "precision", "median_lead_days", "events", "orange_or_red", "yellow_or_worse", "by_signal", "baselines"] {
        assert!(!report[field].is_null(), "{field}");
    }
    let event = &report["events"][0];
    for field in ["customer", "churn_quarter", "first_alert", "lead_days"] {
        assert!(event.get(field).is_some(), "{field}: {event}");
    }
    assert_eq!(report["baselines"].as_array().map(Vec::len), Some(2));
    let short = json(&run(&db, &["backtest", "--from", "2025-01-31", "--to", "2025-12-31", "--json"]));
    assert_eq!(short["month_ends"], 12);
}

#[test]
fn thresholds_and_playbook_are_kept_in_the_workspace() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = workspace(dir.path());
    assert!(run(&db, &["thresholds", "set", "share_drop_orange", "0.9"]).status.success());
    assert_eq!(json(&run(&db, &["thresholds", "show"]))["share_drop_orange"], 0.9);
    let bad = run(&db, &["thresholds", "set", "nonsense", "1"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("share_drop_orange"), "lists the real names");
    assert!(run(&db, &["thresholds", "reset"]).status.success());
    assert_eq!(json(&run(&db, &["thresholds", "show"]))["share_drop_orange"], 0.10);

    let mut playbook = json(&run(&db, &["playbook", "show"]));
    playbook["orange"]["title_zh"] = "马上行动".into();
    let file = dir.path().join("playbook.json");
    std::fs::write(&file, playbook.to_string()).expect("write");
    assert!(run(&db, &["playbook", "set", file.to_str().expect("path")]).status.success());
    let c = json(&run(&db, &["health", "--customer", "PACIFIC FASTENING SUPPLY INC", "--json"]));
    assert_eq!(c["customers"][0]["level"], "orange");
    assert_eq!(c["customers"][0]["playbook"]["play"]["title_zh"], "马上行动", "the edited orange playbook is used");
}
