//! The dashboard: portfolio figures, counts by health and tier, alerts grouped by what to do, the
//! portfolio over the last quarters, the valuable customers to protect, the core watchlist and
//! upgrade candidates.

mod trajectory;

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
/// The core watchlist scrolls within this height, so what follows it stays in reach.
const WATCHLIST_HEIGHT: f32 = 240.0;

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

/// Where the window remembers, for the session, that the user started naming competitors.
fn naming_competitors() -> egui::Id {
    egui::Id::unique("dashboard-naming-competitors")
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
                    ui.data_mut(|d| d.insert_temp(naming_competitors(), true));
                    let change = crate::app::change::Change::AddRole(Role::Competitor, r.name.clone());
                    commands.push(Command::Send(super::worker::Request::Apply(change)));
                }
                ui.end_row();
            }
        });
        let named = !view.snap.settings.competitors.is_empty();
        if ui.button(view.t(if named { "dash.rivals_done" } else { "dash.rivals_skip" })).clicked() {
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
    // The step stays while the user names competitors one click at a time, until skipped or done.
    if snap.settings.competitors.is_empty() || ui.data(|d| d.get_temp::<bool>(naming_competitors())).unwrap_or(false) {
        second_step(ui, view, commands);
    }
    super::rhythm::digest_strip(ui, view, commands);
    ui.add_space(4.0);
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
            let request = crate::report::ReportRequest {
                kind: crate::report::ReportKind::Portfolio,
                customer: None,
                lang: view.lang,
                as_of: None,
                competitors: false,
                since: None,
            };
            commands.push(Command::ExportReport(request));
        }
    });
    ui.separator();
    // Columns lay out justified; explanations are read better ragged-right.
    let ragged = egui::Layout::top_down(egui::Align::Min);
    ui.columns(2, |cols| {
        cols[0].with_layout(ragged, |ui| alerts(ui, view, commands));
        cols[1].with_layout(ragged, |ui| {
            egui::ScrollArea::vertical().id_salt("dash-right").auto_shrink([false, false]).show(ui, |ui| watchlist(ui, view, commands));
        });
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

/// The right column: the portfolio chart, the customers to protect, the orders due and overdue,
/// the core watchlist and the upgrade candidates.
fn watchlist(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    trajectory::chart(ui, view, &view.snap.trajectory);
    ui.add_space(8.0);
    if let Some(tiers) = &view.snap.tiers {
        protect(ui, view, tiers, commands);
    }
    orders(ui, view, commands);
    if let Some(tiers) = &view.snap.tiers {
        core(ui, view, tiers, commands);
    }
}

/// Valuable customers in trouble, kept in their tiers.
fn protect(ui: &mut egui::Ui, view: &View, tiers: &crate::analysis::tiers::TierReport, commands: &mut Vec<Command>) {
    let protect: Vec<_> = tiers.customers.iter().filter(|c| c.protect).collect();
    if !protect.is_empty() {
        ui.heading(view.t("tiers.protect")).on_hover_text(view.t("tiers.protect_tip"));
        ui.label(egui::RichText::new(view.t("tiers.protect_tip")).weak().small());
        for c in protect {
            customer_line(ui, view, tiers, c, commands);
        }
        ui.add_space(8.0);
    }
}

/// The core watchlist with the review's progress, then the upgrade candidates.
fn core(ui: &mut egui::Ui, view: &View, tiers: &crate::analysis::tiers::TierReport, commands: &mut Vec<Command>) {
    ui.heading(view.t("dash.watchlist"));
    if let Some(r) = &view.snap.review {
        let text = trf(
            view.lang,
            "review.dash",
            &[("quarter", &crate::text::number::quarter(r.quarter, view.lang)), ("done", &r.reviewed()), ("n", &r.rows.len())],
        );
        if ui.link(text).clicked() {
            commands.push(Command::ShowRhythm(super::rhythm::Tab::Review));
        }
    }
    let w = &tiers.watchlist;
    ui.label(
        egui::RichText::new(trf(
            view.lang,
            "dash.watchlist_note",
            &[("n", &w.count), ("of", &w.of_customers), ("share", &percent(Some(w.share_of_sales)))],
        ))
        .weak(),
    )
    .on_hover_text(view.t("tiers.watchlist_tip"));
    if w.capped {
        let cap = percent(Some(tiers.rules.watchlist.cap));
        ui.label(egui::RichText::new(trf(view.lang, "dash.watchlist_capped", &[("cap", &cap)])).weak().small());
    }
    egui::ScrollArea::vertical().id_salt("watchlist").max_height(WATCHLIST_HEIGHT).show(ui, |ui| {
        for c in tiers.customers.iter().filter(|c| c.core) {
            ui.horizontal(|ui| {
                customer_line(ui, view, tiers, c, commands);
                review_mark(ui, view, c.id, commands);
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

/// Orders lists shown before the count of the rest.
const ORDERS_SHOWN: usize = 8;

/// Orders expected within 30 days (time to call) and orders overdue beyond their usual range, our
/// largest customers first in each.
fn orders(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    use crate::analysis::next_order::OrderState;
    let sales = |id| view.snap.customer(id).map_or(0.0, |c| c.our_sales_12m);
    for (state, key) in [(OrderState::Due, "order.dash_due"), (OrderState::Overdue, "order.dash_overdue")] {
        // A late order (past its range, not yet beyond its longest gaps) is due as much as any.
        let mut list: Vec<_> = view
            .snap
            .next_orders
            .iter()
            .filter(|n| n.state == state || (state == OrderState::Due && n.state == OrderState::Late))
            .collect();
        if list.is_empty() {
            continue;
        }
        list.sort_by(|a, b| sales(b.id).total_cmp(&sales(a.id)));
        ui.heading(trf(view.lang, key, &[("n", &list.len())]));
        for n in list.iter().take(ORDERS_SHOWN) {
            ui.horizontal(|ui| {
                if ui.link(&n.customer).clicked() {
                    commands.push(Command::OpenCustomer(n.id));
                }
                let when = match state {
                    OrderState::Overdue => trf(view.lang, "order.dash_overdue_line", &[("from", &n.earliest), ("to", &n.latest)]),
                    // Already past its expected day, not yet past its usual range: due now.
                    _ if view.snap.as_of.is_some_and(|d| n.expected < d) => {
                        trf(view.lang, "order.dash_due_since", &[("date", &n.expected), ("from", &n.earliest), ("to", &n.latest)])
                    }
                    _ => trf(view.lang, "order.dash_due_line", &[("date", &n.expected), ("from", &n.earliest), ("to", &n.latest)]),
                };
                ui.label(egui::RichText::new(when).weak());
            });
        }
        if list.len() > ORDERS_SHOWN {
            ui.label(egui::RichText::new(trf(view.lang, "chg.more", &[("n", &(list.len() - ORDERS_SHOWN))])).weak());
        }
        ui.add_space(8.0);
    }
}

/// Where a core customer's review stands, after its line: its owner, whether its quarterly report
/// was made, and a tick for "reviewed" (dated today; the note is written on the Review screen).
fn review_mark(ui: &mut egui::Ui, view: &View, id: crate::model::CompanyId, commands: &mut Vec<Command>) {
    let Some(review) = &view.snap.review else { return };
    let Some(row) = review.rows.iter().find(|r| r.id == id) else { return };
    let owner = if row.owner.is_empty() { view.t("review.no_owner") } else { row.owner.as_str() };
    let owner = ui.label(egui::RichText::new(owner).weak().small());
    if let Some(made) = row.mark.report_on {
        let text = format!("{} {}", view.t("review.state.report_made"), made.format("%m-%d"));
        ui.label(egui::RichText::new("●").color(badge::rgb(crate::palette::US))).on_hover_text(text);
    }
    let mut reviewed = row.mark.reviewed_on.is_some();
    let label = row.mark.reviewed_on.map_or_else(String::new, |d| d.format("%m-%d").to_string());
    let tick =
        ui.checkbox(&mut reviewed, egui::RichText::new(label).small()).labelled_by(owner.id).on_hover_text(view.t("review.check_tip"));
    if tick.changed() {
        let change = if reviewed {
            let date = chrono::Local::now().date_naive();
            crate::app::change::Change::MarkReviewed { id, quarter: review.quarter, date, note: row.mark.note.clone() }
        } else {
            crate::app::change::Change::UnmarkReviewed(id, review.quarter)
        };
        commands.push(Command::Send(super::worker::Request::Apply(change)));
    }
}

/// One customer of a list: tier, health, name (its tier's why on hover; a click opens it), our sales.
fn customer_line(
    ui: &mut egui::Ui,
    view: &View,
    tiers: &crate::analysis::tiers::TierReport,
    c: &crate::analysis::tiers::CustomerTier,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        badge::tier(ui, c.tier);
        badge::dot(ui, badge::level_color(c.level));
        if ui.link(&c.customer).on_hover_ui(|ui| _ = ui.label(tiers.why(c).render(view.lang))).clicked() {
            commands.push(Command::OpenCustomer(c.id));
        }
        ui.label(egui::RichText::new(money(view.lang, c.our_sales_12m)).weak());
    });
}

#[cfg(test)]
mod tests;
