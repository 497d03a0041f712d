//! The customer table in the test harness: search, filters, export.

use super::*;
use crate::model::CompanyId;

fn row(id: i64, name: &str, ours: bool) -> CustomerRow {
    CustomerRow {
        id: CompanyId(id),
        name: name.into(),
        aliases: vec![name.into()],
        country: None,
        ours,
        level: None,
        tier: None,
        core: false,
        protect: false,
        why: None,
        our_sales_12m: if ours { 1000.0 } else { 0.0 },
        total_imports: 9000.0 * id as f64,
        category_12m: 5000.0,
        share: None,
        trend: Vec::new(),
        reason: None,
        owner: String::new(),
        review: None,
        next_order: None,
    }
}

#[test]
fn before_our_company_is_named_every_importer_is_listed() {
    let mut snap = Snapshot { customers: vec![row(1, "ACME", false), row(2, "BETA", false)], generation: 1, ..Snapshot::default() };
    let mut screen = CustomersScreen::default();
    let names: Vec<&str> = screen.visible(&snap).iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["BETA", "ACME"], "a first import lists its importers, largest importer first, not \"0 of 0\"");
    snap.settings.me = vec!["OUR CO".into()];
    snap.customers[0].ours = true;
    snap.generation = 2;
    let names: Vec<&str> = screen.visible(&snap).iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["ACME"], "once we are known, the filter shows our customers");
}

#[test]
fn sorted_by_health_the_worst_come_first_and_the_most_at_stake_within_a_level() {
    let mut rows = vec![row(1, "SMALL RED", true), row(2, "BIG RED", true), row(3, "GREEN", true)];
    rows[0].level = Some(Level::Red);
    rows[1].level = Some(Level::Red);
    rows[1].our_sales_12m = 90_000.0;
    rows[2].level = Some(Level::Green);
    let mut snap = Snapshot { customers: rows, generation: 1, ..Snapshot::default() };
    snap.settings.me = vec!["OUR CO".into()];
    let mut screen = CustomersScreen { sort: (SortBy::Level, true), ..CustomersScreen::default() };
    let names: Vec<&str> = screen.visible(&snap).iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["BIG RED", "SMALL RED", "GREEN"]);
    screen.filter = "green".into();
    screen.show_only(Some(Level::Red), None);
    let names: Vec<&str> = screen.visible(&snap).iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["BIG RED", "SMALL RED"], "a chip's filter clears the typed one");
}

#[test]
fn a_country_is_found_and_exported_by_its_name_in_the_readers_language() {
    let mut rows = vec![row(1, "ACME", false), row(2, "BETA", false)];
    rows[0].country = Some("USA".into());
    rows[1].country = Some("VIET NAM".into());
    let snap = Snapshot { customers: rows, generation: 1, ..Snapshot::default() };
    let mut screen = CustomersScreen::default();
    for (typed, expected) in [("美国", "ACME"), ("United States", "ACME"), ("usa", "ACME"), ("越南", "BETA"), ("vietnam", "BETA")] {
        screen.filter = typed.into();
        let names: Vec<&str> = screen.visible(&snap).iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, [expected], "{typed:?}");
    }
    let order: Vec<&CustomerRow> = snap.customers.iter().collect();
    for (lang, us, vn) in [(crate::text::Lang::En, "United States", "Vietnam"), (crate::text::Lang::Zh, "美国", "越南")] {
        let exported = table(&View { lang, snap: &snap }, &order);
        let countries: Vec<&Value> = exported.rows.iter().map(|r| &r[1]).collect();
        assert_eq!(countries, [&Value::Text(us.into()), &Value::Text(vn.into())], "{lang:?}");
    }
}

#[test]
fn sorted_by_next_order_the_soonest_come_first_and_those_without_a_rhythm_last() {
    use crate::analysis::next_order::OrderState;
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).expect("date");
    let mut rows = vec![row(1, "NO RHYTHM", true), row(2, "LATER", true), row(3, "OVERDUE", true), row(4, "DUE", true)];
    rows[1].next_order = Some((day(12, 20), OrderState::Later));
    rows[2].next_order = Some((day(8, 1), OrderState::Overdue));
    rows[3].next_order = Some((day(10, 12), OrderState::Due));
    let mut snap = Snapshot { customers: rows, generation: 1, ..Snapshot::default() };
    snap.settings.me = vec!["OUR CO".into()];
    let mut screen = CustomersScreen { sort: (SortBy::NextOrder, false), ..CustomersScreen::default() };
    let names: Vec<&str> = screen.visible(&snap).iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["OVERDUE", "DUE", "LATER", "NO RHYTHM"]);
    let order: Vec<&CustomerRow> = screen.visible(&snap);
    let exported = table(&View { lang: crate::text::Lang::Zh, snap: &snap }, &order);
    let at = exported.headers.iter().position(|h| h == "下次订单").expect("next order column");
    assert_eq!(exported.rows[0][at], Value::Text("2026-08-01".into()));
    assert_eq!(exported.rows[0][at + 1], Value::Text("已逾期".into()));
    assert_eq!(exported.rows[3][at], Value::Empty, "no rhythm, no date");
}
