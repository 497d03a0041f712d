//! The dashboard in the test harness: the first-run steps, the filters its counts open.

use super::*;
use crate::analysis::portfolio::SupplierSummary;
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;
use crate::model::CompanyId;
use crate::text::Lang;
use crate::ui::worker::Request;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct State {
    snap: Snapshot,
    panel: PartyPanel,
    commands: Vec<Command>,
}

/// The dashboard in English over `snap`, with its party panel and the commands it sends.
fn english(snap: Snapshot) -> Harness<'static, (Snapshot, PartyPanel, Vec<Command>)> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
        .build_ui_state(
            |ui, s: &mut (Snapshot, PartyPanel, Vec<Command>)| {
                let view = View { lang: Lang::En, snap: &s.0 };
                super::ui(ui, &view, &mut s.1, &mut s.2);
            },
            (snap, PartyPanel::default(), Vec::new()),
        )
}

fn supplier(id: i64, name: &str, value: f64) -> SupplierSummary {
    SupplierSummary { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], value, buyers: 3, us: false, competitor: false }
}

#[test]
fn until_our_company_is_named_the_dashboard_asks_which_supplier_it_is() {
    let mut snap = Snapshot { shipments: 500, ..Snapshot::default() };
    snap.suppliers = vec![supplier(1, "NINGBO HAIXING HARDWARE", 900_000.0), supplier(2, "ZJ RIVAL FASTENERS", 400_000.0)];
    let state = State { snap, panel: PartyPanel::default(), commands: Vec::new() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
        .build_ui_state(
            |ui, s: &mut State| {
                let view = View { lang: Lang::Zh, snap: &s.snap };
                super::ui(ui, &view, &mut s.panel, &mut s.commands);
            },
            state,
        );
    h.run();
    assert!(h.query_by_label(crate::text::tr(Lang::Zh, "dash.start_title")).is_some(), "the first step, in Chinese");
    assert!(h.query_by_label("NINGBO HAIXING HARDWARE").is_some() && h.query_by_label("ZJ RIVAL FASTENERS").is_some());
    h.get_all_by_label("这是我们").next().expect("one click per supplier").click();
    h.run_steps(2);
    let added: Vec<&Change> = h
        .state()
        .commands
        .iter()
        .filter_map(|c| match c {
            Command::Send(Request::Apply(change)) => Some(change),
            _ => None,
        })
        .collect();
    assert_eq!(added, [&Change::AddRole(Role::Me, "NINGBO HAIXING HARDWARE".into())], "the largest supplier, named as us");
}

#[cfg(test)]
mod second_step_tests {
    use super::*;
    use crate::analysis::portfolio::Rival;
    use crate::app::change::Change;
    use crate::app::snapshot::Snapshot;
    use crate::model::CompanyId;
    use crate::ui::worker::Request;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn once_we_are_known_the_rivals_on_our_customers_are_offered_as_competitors() {
        let mut snap = Snapshot { shipments: 500, ..Snapshot::default() };
        snap.settings.me = vec!["OUR CO".into()];
        let rival = |id: i64, name: &str, competitor: bool| Rival {
            id: CompanyId(id),
            name: name.into(),
            value: 50_000.0,
            customers: 3,
            competitor,
        };
        snap.rivals = vec![rival(2, "ZJ RIVAL FASTENERS", false), rival(3, "NAMED ALREADY", true)];
        let mut h = super::english(snap);
        h.run();
        assert!(h.query_by_label("Next: who are your competitors?").is_some());
        assert!(h.query_by_label("NAMED ALREADY").is_none(), "a competitor already named is not offered again");
        assert!(h.query_by_label("$50.0k to 3 of our customers, 2 years").is_some(), "what it sells to our customers");
        h.get_by_label("Competitor").click();
        h.run();
        let sent: Vec<&Change> = h
            .state()
            .2
            .iter()
            .filter_map(|c| match c {
                Command::Send(Request::Apply(change)) => Some(change),
                _ => None,
            })
            .collect();
        assert_eq!(sent, [&Change::AddRole(Role::Competitor, "ZJ RIVAL FASTENERS".into())]);
        h.get_by_label("Skip for now").click();
        h.run();
        assert!(h.query_by_label("Next: who are your competitors?").is_none(), "skipped for this session");
    }
}

#[cfg(test)]
mod chip_tests {
    use super::*;
    use crate::app::snapshot::{CustomerRow, Snapshot};
    use crate::model::CompanyId;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_level_or_tier_count_opens_the_customers_it_counts() {
        let mut snap = Snapshot { shipments: 10, ..Snapshot::default() };
        snap.settings.me = vec!["OUR CO".into()];
        snap.settings.competitors = vec!["RIVAL".into()];
        let row = |id: i64, level: Level, tier: Tier| CustomerRow {
            id: CompanyId(id),
            name: format!("BUYER {id}"),
            aliases: Vec::new(),
            country: None,
            ours: true,
            level: Some(level),
            tier: Some((tier, 50.0)),
            core: false,
            protect: false,
            why: None,
            our_sales_12m: 1000.0,
            total_imports: 5000.0,
            category_12m: 2000.0,
            share: Some(0.5),
            trend: Vec::new(),
            reason: None,
            owner: String::new(),
            review: None,
            next_order: None,
        };
        snap.customers = vec![row(1, Level::Red, Tier::B), row(2, Level::Green, Tier::B)];
        let mut h = super::english(snap);
        h.run();
        h.get_by_label("Red 1").click();
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::Link, "2").click();
        h.run();
        let shown: Vec<(Option<Level>, Option<Tier>)> = h
            .state()
            .2
            .iter()
            .filter_map(|c| match c {
                Command::ShowCustomers(l, t) => Some((*l, *t)),
                _ => None,
            })
            .collect();
        assert_eq!(shown, [(Some(Level::Red), None), (None, Some(Tier::B))]);
    }
}

#[cfg(test)]
mod orders_tests {
    use super::*;
    use crate::analysis::next_order::{NextOrder, OrderState, Rhythm, Season};
    use crate::app::snapshot::Snapshot;
    use crate::model::CompanyId;
    use chrono::NaiveDate;
    use egui_kittest::kittest::Queryable;

    fn order(id: i64, name: &str, state: OrderState, expected: NaiveDate) -> NextOrder {
        NextOrder {
            id: CompanyId(id),
            customer: name.into(),
            last: expected - chrono::Duration::days(60),
            rhythm: Rhythm { orders: 8, median: 60.0, low: 53.0, high: 67.0, late: 70.0 },
            expected,
            earliest: expected - chrono::Duration::days(7),
            latest: expected + chrono::Duration::days(7),
            overdue_after: expected + chrono::Duration::days(10),
            state,
            season: Season { years: 1, quarters: [0.25; 4], peak: None, strength: 0.0, sure: false },
        }
    }

    #[test]
    fn orders_due_and_overdue_are_listed_and_open_their_customer_while_regular_ones_are_not() {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
        let mut snap = Snapshot { shipments: 10, as_of: Some(d(9, 30)), ..Snapshot::default() };
        snap.settings.me = vec!["OUR CO".into()];
        snap.settings.competitors = vec!["RIVAL".into()];
        snap.next_orders = vec![
            order(1, "DUE SOON LTD", OrderState::Due, d(10, 12)),
            order(2, "LATE GMBH", OrderState::Late, d(9, 1)),
            order(3, "OVERDUE SA", OrderState::Overdue, d(7, 1)),
            order(4, "WEEKLY INC", OrderState::Regular, d(10, 5)),
        ];
        let mut h = super::english(snap);
        h.run();
        h.get_by_label("Orders due within 30 days (2)");
        h.get_by_label("Orders overdue beyond their usual range (1)");
        h.get_by_label_contains("due since 2026-09-01");
        assert!(h.query_by_label("WEEKLY INC").is_none(), "a customer ordering every week needs no call");
        h.get_by_label("OVERDUE SA").click();
        h.run();
        assert!(h.state().2.iter().any(|c| matches!(c, Command::OpenCustomer(id) if *id == CompanyId(3))));
    }
}
