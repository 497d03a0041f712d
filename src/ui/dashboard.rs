//! The dashboard: portfolio figures, counts by health and tier, alerts worst first, the core
//! watchlist and upgrade candidates.

use super::badge;
use super::i18n::trf;
use super::settings::parties::PartyPanel;
use super::{Command, View};
use crate::analysis::health::Level;
use crate::analysis::tiers::Tier;
use crate::app::alerts::Action;
use crate::store::Role;
use crate::text::number::{money, percent};

/// Alerts listed per group before the count of the rest.
const ALERTS_SHOWN: usize = 40;

/// Getting started: which suppliers in the files are us — one click per spelling, with the
/// settings' own panel (so it can be redone there); nothing else means anything before it.
fn first_step(ui: &mut egui::Ui, view: &View, setup: &mut PartyPanel, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
        ui.label(egui::RichText::new(view.t("dash.start_title")).size(20.0).strong());
        ui.label(view.t("dash.start_lead"));
        ui.label(egui::RichText::new(view.t("dash.start_later")).weak());
    });
    ui.add_space(8.0);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| setup.ui(ui, view, Role::Me, commands));
}

/// Rivals offered in the second step.
const RIVALS_OFFERED: usize = 6;

/// Getting started, second step: the suppliers selling our codes to our customers, one click each
/// to name them competitors (their gains are what the share signal names); skippable, redone in
/// Settings → Competitors.
fn second_step(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let skipped = egui::Id::unique("dashboard-competitors-skipped");
    let rivals: Vec<_> = view.snap.rivals.iter().filter(|r| !r.competitor).take(RIVALS_OFFERED).collect();
    if rivals.is_empty() || ui.data(|d| d.get_temp::<bool>(skipped)).unwrap_or(false) {
        return;
    }
    egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(view.t("dash.rivals_title")).size(17.0).strong());
        ui.label(egui::RichText::new(view.t("dash.rivals_lead")).weak());
        egui::Grid::new("dashboard-rivals").num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
            for r in rivals {
                ui.label(&r.name);
                ui.label(
                    egui::RichText::new(trf(view.lang, "dash.rival_line", &[("value", &money(view.lang, r.value)), ("n", &r.customers)]))
                        .weak(),
                );
                if ui.button(view.t("settings.mark_competitor")).clicked() {
                    let change = crate::app::change::Change::AddRole(Role::Competitor, r.name.clone());
                    commands.push(Command::Send(super::worker::Request::Apply(change)));
                }
                ui.end_row();
            }
        });
        if ui.button(view.t("dash.rivals_skip")).clicked() {
            ui.data_mut(|d| d.insert_temp(skipped, true));
        }
    });
    ui.add_space(8.0);
}

/// Draws the dashboard; until our company is named, the first step of getting started instead.
pub fn ui(ui: &mut egui::Ui, view: &View, setup: &mut PartyPanel, commands: &mut Vec<Command>) {
    let snap = view.snap;
    if !snap.knows_us() {
        first_step(ui, view, setup, commands);
        return;
    }
    if snap.settings.competitors.is_empty() {
        second_step(ui, view, commands);
    }
    let ours: Vec<_> = snap.customers.iter().filter(|c| c.ours).collect();
    let sales: f64 = ours.iter().map(|c| c.our_sales_12m).sum();
    let category: f64 = ours.iter().map(|c| c.category_12m).sum();
    ui.horizontal(|ui| {
        card(ui, view.t("dash.customers"), &ours.len().to_string());
        card(ui, view.t("dash.our_sales"), &money(view.lang, sales));
        card(ui, view.t("dash.share"), &percent((category > 0.0).then(|| sales / category)));
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(view.t("dash.by_level")).weak());
            ui.horizontal(|ui| {
                for level in [Level::Red, Level::Orange, Level::Yellow, Level::Green] {
                    badge::dot(ui, badge::level_color(level));
                    let n = ours.iter().filter(|c| c.level == Some(level)).count();
                    let chip = ui.link(format!("{} {n}", view.t(badge::level_key(level)))).on_hover_text(view.t("dash.chip_hint"));
                    if chip.clicked() {
                        commands.push(Command::ShowCustomers(Some(level), None));
                    }
                }
            });
            ui.label(egui::RichText::new(view.t("dash.by_tier")).weak());
            ui.horizontal(|ui| {
                for tier in [Tier::A, Tier::B, Tier::C, Tier::D] {
                    badge::tier(ui, tier);
                    let n = ours.iter().filter(|c| c.tier.is_some_and(|t| t.0 == tier)).count();
                    if ui.link(n.to_string()).on_hover_text(view.t("dash.chip_hint")).clicked() {
                        commands.push(Command::ShowCustomers(None, Some(tier)));
                    }
                }
            });
        });
    });
    ui.horizontal(|ui| {
        if ui.button(view.t("report.portfolio")).clicked() {
            let request =
                crate::report::ReportRequest { kind: crate::report::ReportKind::Portfolio, customer: None, lang: view.lang, as_of: None };
            commands.push(Command::ExportReport(request));
        }
    });
    ui.separator();
    // Columns lay out justified; explanations are read better ragged-right.
    let ragged = egui::Layout::top_down(egui::Align::Min);
    ui.columns(2, |cols| {
        cols[0].with_layout(ragged, |ui| alerts(ui, view, commands));
        cols[1].with_layout(ragged, |ui| watchlist(ui, view, commands));
    });
}

fn card(ui: &mut egui::Ui, title: &str, value: &str) {
    egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_min_width(150.0);
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(title).weak());
            ui.label(egui::RichText::new(value).size(24.0).strong());
        });
    });
}

/// The alerts grouped by what to do, each group by our sales at stake; the customers already lost
/// last, as a list of their own.
fn alerts(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    ui.heading(view.t("dash.alerts"));
    let groups = crate::app::alerts::grouped(view.snap);
    if groups.is_empty() {
        ui.label(view.t("dash.no_alerts"));
        return;
    }
    egui::ScrollArea::vertical().id_salt("alerts").show(ui, |ui| {
        for (action, list) in &groups {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(format!("{} ({})", view.t(action.text_key()), list.len())).strong().size(15.0));
            for alert in list.iter().take(ALERTS_SHOWN) {
                let c = alert.health;
                ui.horizontal(|ui| {
                    badge::dot(ui, badge::level_color(c.level));
                    if ui.link(&c.customer).clicked() {
                        commands.push(Command::OpenCustomer(c.id));
                    }
                    let key = if *action == Action::AlreadyLost { "dash.lost_before" } else { "dash.at_stake" };
                    ui.label(egui::RichText::new(trf(view.lang, key, &[("value", &money(view.lang, alert.at_stake))])).weak());
                });
                if let Some(s) = c.signals.iter().find(|s| s.kind.is_risk()) {
                    ui.label(view.pick(&s.explanation, &s.explanation_zh));
                }
                ui.add_space(4.0);
            }
            if list.len() > ALERTS_SHOWN {
                ui.label(trf(view.lang, "app.rows", &[("n", &(list.len() - ALERTS_SHOWN))]));
            }
        }
    });
}

fn watchlist(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let Some(tiers) = &view.snap.tiers else { return };
    ui.heading(view.t("dash.watchlist"));
    let w = &tiers.watchlist;
    ui.label(
        egui::RichText::new(trf(
            view.lang,
            "dash.watchlist_note",
            &[("n", &w.count), ("of", &w.of_customers), ("share", &percent(Some(w.share_of_sales)))],
        ))
        .weak(),
    );
    egui::ScrollArea::vertical().id_salt("watchlist").max_height(ui.available_height() * 0.55).show(ui, |ui| {
        for c in tiers.customers.iter().filter(|c| c.core) {
            ui.horizontal(|ui| {
                badge::tier(ui, c.tier);
                badge::dot(ui, badge::level_color(c.level));
                if ui.link(&c.customer).clicked() {
                    commands.push(Command::OpenCustomer(c.id));
                }
                ui.label(egui::RichText::new(money(view.lang, c.our_sales_12m)).weak());
            });
        }
    });
    ui.add_space(8.0);
    ui.heading(view.t("dash.candidates"));
    if tiers.upgrade_candidates.is_empty() {
        ui.label(view.t("dash.no_candidates"));
    }
    for c in &tiers.upgrade_candidates {
        ui.horizontal(|ui| {
            badge::tier(ui, c.tier);
            if ui.link(&c.customer).clicked() {
                commands.push(Command::OpenCustomer(c.id));
            }
        });
        ui.label(egui::RichText::new(view.pick(&c.reason, &c.reason_zh)).small());
    }
}

#[cfg(test)]
mod tests {
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
}

#[cfg(test)]
mod second_step_tests {
    use super::*;
    use crate::analysis::portfolio::Rival;
    use crate::app::change::Change;
    use crate::app::snapshot::Snapshot;
    use crate::model::CompanyId;
    use crate::text::Lang;
    use crate::ui::worker::Request;
    use egui_kittest::Harness;
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
        let mut h = Harness::builder()
            .with_size(egui::vec2(1200.0, 800.0))
            .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
            .build_ui_state(
                |ui, s: &mut (Snapshot, PartyPanel, Vec<Command>)| {
                    let view = View { lang: Lang::En, snap: &s.0 };
                    super::ui(ui, &view, &mut s.1, &mut s.2);
                },
                (snap, PartyPanel::default(), Vec::new()),
            );
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
    use crate::text::Lang;
    use egui_kittest::Harness;
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
            our_sales_12m: 1000.0,
            total_imports: 5000.0,
            category_12m: 2000.0,
            share: Some(0.5),
            trend: Vec::new(),
            reason: None,
        };
        snap.customers = vec![row(1, Level::Red, Tier::B), row(2, Level::Green, Tier::B)];
        let mut h = Harness::builder().with_size(egui::vec2(1200.0, 800.0)).build_ui_state(
            |ui, s: &mut (Snapshot, PartyPanel, Vec<Command>)| {
                let view = View { lang: Lang::En, snap: &s.0 };
                super::ui(ui, &view, &mut s.1, &mut s.2);
            },
            (snap, PartyPanel::default(), Vec::new()),
        );
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
