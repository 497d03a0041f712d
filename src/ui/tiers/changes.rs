//! The tables under the chart: customers whose tier the draft changes against the saved profile,
//! tier changes at past quarter ends, and upgrade candidates — each exportable, names clickable.

use crate::analysis::tiers::{Direction, Tier, TierReport};
use crate::export::{Table, Value};
use crate::model::CompanyId;
use crate::text::number::money;
use crate::ui::cell::header;
use crate::ui::i18n::trf;
use crate::ui::{Command, View, badge, export_menu};
use egui::RichText;
use egui_extras::{Column, TableBuilder};
use rustc_hash::FxHashMap;

/// Which table is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Tab {
    /// Tiers the draft changes.
    #[default]
    Changed,
    /// Changes at past quarter ends.
    Events,
    /// Upgrade candidates.
    Candidates,
}

/// A customer whose tier differs between the draft and the saved profile.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Changed {
    /// The customer.
    pub(super) id: CompanyId,
    /// Its name.
    pub(super) customer: String,
    /// Its saved tier (`None`: not in the saved report, which was computed on older data).
    pub(super) from: Option<Tier>,
    /// Its tier under the draft.
    pub(super) to: Tier,
    /// Its score under the draft.
    pub(super) score: f64,
    /// Draft score minus saved score.
    pub(super) score_change: Option<f64>,
    /// Our sales over 12 months.
    pub(super) our_sales_12m: f64,
}

impl Changed {
    /// Moved to a better tier (or new).
    fn up(&self) -> bool {
        self.from.is_none_or(|f| self.to < f)
    }
}

/// The customers whose tier differs, largest customers of ours first.
pub(super) fn changed(draft: &TierReport, saved: &TierReport) -> Vec<Changed> {
    let before: FxHashMap<CompanyId, (Tier, f64)> = saved.customers.iter().map(|c| (c.id, (c.tier, c.score))).collect();
    let mut out: Vec<Changed> = draft
        .customers
        .iter()
        .filter_map(|c| {
            let was = before.get(&c.id).copied();
            (was.map(|w| w.0) != Some(c.tier)).then(|| Changed {
                id: c.id,
                customer: c.customer.clone(),
                from: was.map(|w| w.0),
                to: c.tier,
                score: c.score,
                score_change: was.map(|w| c.score - w.1),
                our_sales_12m: c.our_sales_12m,
            })
        })
        .collect();
    out.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m).then(a.customer.cmp(&b.customer)));
    out
}

/// The tab bar, the export buttons of the table shown, and the table.
pub(super) fn tabs(ui: &mut egui::Ui, view: &View, tab: &mut Tab, changed: &[Changed], report: &TierReport, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let n = |count: usize| count.to_string();
        ui.selectable_value(tab, Tab::Changed, trf(view.lang, "tiers.tab.changed", &[("n", &n(changed.len()))]));
        ui.selectable_value(tab, Tab::Events, trf(view.lang, "tiers.tab.events", &[("n", &n(report.events.len()))]));
        ui.selectable_value(tab, Tab::Candidates, trf(view.lang, "tiers.tab.candidates", &[("n", &n(report.upgrade_candidates.len()))]));
    });
    // The buttons get their own line: three tab titles fill a half-width column in Chinese too.
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| match tab {
            Tab::Changed => export_menu::buttons(ui, view, || changed_table(view, changed), commands),
            Tab::Events => export_menu::buttons(ui, view, || events_table(view, report), commands),
            Tab::Candidates => export_menu::buttons(ui, view, || candidates_table(view, report), commands),
        });
    });
    match tab {
        Tab::Changed => changed_list(ui, view, changed, commands),
        Tab::Events => events(ui, view, report, commands),
        Tab::Candidates => candidates(ui, view, report, commands),
    }
}

fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 6.0
}

/// A table with a first column for names and fixed columns after it.
fn table<'a>(ui: &'a mut egui::Ui, id: &str, fixed: &[f32]) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::remainder().at_least(160.0).clip(true));
    for width in fixed {
        builder = builder.column(Column::exact(*width));
    }
    builder
}

/// A customer's name as a link to its detail.
fn name(ui: &mut egui::Ui, id: Option<CompanyId>, customer: &str, commands: &mut Vec<Command>) {
    match id {
        Some(id) => {
            if ui.link(customer).clicked() {
                commands.push(Command::OpenCustomer(id));
            }
        }
        None => {
            ui.label(customer);
        }
    }
}

const CHANGED_COLUMNS: [&str; 6] =
    ["col.customer", "tiers.col.from", "tiers.col.to", "col.score", "tiers.col.score_change", "col.our_sales"];

fn changed_list(ui: &mut egui::Ui, view: &View, changed: &[Changed], commands: &mut Vec<Command>) {
    if changed.is_empty() {
        ui.label(RichText::new(view.t("tiers.no_changes")).weak());
        return;
    }
    let up = changed.iter().filter(|c| c.up()).count();
    let summary = trf(view.lang, "tiers.changed_summary", &[("up", &up), ("down", &(changed.len() - up))]);
    ui.label(RichText::new(summary).small().weak());
    let height = row_height(ui);
    table(ui, "tiers-changed", &[56.0, 56.0, 56.0, 90.0, 96.0]).header(22.0, |mut h| header(&mut h, view, &CHANGED_COLUMNS)).body(|body| {
        body.rows(height, changed.len(), |mut row| {
            let Some(c) = changed.get(row.index()) else { return };
            row.col(|ui| name(ui, Some(c.id), &c.customer, commands));
            row.col(|ui| match c.from {
                Some(t) => {
                    badge::tier(ui, t);
                }
                None => {
                    ui.label(RichText::new(view.t("tiers.new")).weak());
                }
            });
            row.col(|ui| {
                badge::tier(ui, c.to);
                ui.label(if c.up() { "▲" } else { "▼" });
            });
            row.col(|ui| {
                ui.label(format!("{:.1}", c.score));
            });
            row.col(|ui| {
                ui.label(c.score_change.map_or_else(String::new, |d| format!("{d:+.1}")));
            });
            row.col(|ui| {
                ui.label(money(view.lang, c.our_sales_12m));
            });
        });
    });
}

fn changed_table(view: &View, changed: &[Changed]) -> Table {
    Table {
        title: view.t("tiers.changed_title").to_string(),
        headers: CHANGED_COLUMNS.iter().map(|k| view.t(k).to_string()).collect(),
        rows: changed
            .iter()
            .map(|c| {
                vec![
                    Value::from(c.customer.as_str()),
                    Value::from(c.from.map(|t| t.to_string())),
                    Value::from(c.to.to_string()),
                    Value::from((c.score * 10.0).round() / 10.0),
                    Value::from(c.score_change.map(|d| (d * 10.0).round() / 10.0)),
                    Value::from(c.our_sales_12m.round()),
                ]
            })
            .collect(),
    }
}

const EVENT_COLUMNS: [&str; 5] = ["col.customer", "tiers.col.date", "tiers.col.from", "tiers.col.to", "tiers.col.direction"];

fn direction_key(d: Direction) -> &'static str {
    match d {
        Direction::Upgrade => "tiers.up",
        Direction::Downgrade => "tiers.down",
    }
}

fn events(ui: &mut egui::Ui, view: &View, report: &TierReport, commands: &mut Vec<Command>) {
    ui.label(RichText::new(view.t("tiers.events_title")).small().weak());
    if report.events.is_empty() {
        ui.label(RichText::new(view.t("tiers.no_events")).weak());
        return;
    }
    let height = row_height(ui);
    table(ui, "tiers-events", &[90.0, 56.0, 56.0, 70.0]).header(22.0, |mut h| header(&mut h, view, &EVENT_COLUMNS)).body(|body| {
        body.rows(height, report.events.len(), |mut row| {
            let Some(e) = report.events.get(row.index()) else { return };
            row.col(|ui| name(ui, Some(e.id), &e.customer, commands));
            row.col(|ui| {
                ui.label(e.date.to_string());
            });
            row.col(|ui| {
                badge::tier(ui, e.from);
            });
            row.col(|ui| {
                badge::tier(ui, e.to);
            });
            row.col(|ui| {
                let arrow = if e.direction == Direction::Upgrade { "▲" } else { "▼" };
                ui.label(format!("{arrow} {}", view.t(direction_key(e.direction))));
            });
        });
    });
}

fn events_table(view: &View, report: &TierReport) -> Table {
    Table {
        title: view.t("tiers.events_title").to_string(),
        headers: EVENT_COLUMNS.iter().map(|k| view.t(k).to_string()).collect(),
        rows: report
            .events
            .iter()
            .map(|e| {
                vec![
                    Value::from(e.customer.as_str()),
                    Value::from(e.date.to_string()),
                    Value::from(e.from.to_string()),
                    Value::from(e.to.to_string()),
                    Value::from(view.t(direction_key(e.direction))),
                ]
            })
            .collect(),
    }
}

const CANDIDATE_COLUMNS: [&str; 3] = ["col.customer", "col.tier", "col.why"];

fn candidates(ui: &mut egui::Ui, view: &View, report: &TierReport, commands: &mut Vec<Command>) {
    if report.upgrade_candidates.is_empty() {
        ui.label(RichText::new(view.t("dash.no_candidates")).weak());
        return;
    }
    let height = crate::ui::cell::row_height(ui);
    let builder = TableBuilder::new(ui)
        .id_salt("tiers-candidates")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .column(Column::exact(50.0))
        .column(Column::remainder().clip(true));
    builder.header(22.0, |mut h| header(&mut h, view, &CANDIDATE_COLUMNS)).body(|body| {
        body.rows(height, report.upgrade_candidates.len(), |mut row| {
            let Some(c) = report.upgrade_candidates.get(row.index()) else { return };
            row.col(|ui| name(ui, Some(c.id), &c.customer, commands));
            row.col(|ui| {
                badge::tier(ui, c.tier);
            });
            row.col(|ui| {
                crate::ui::cell::two_lines(ui, view.pick(&c.reason, &c.reason_zh));
            });
        });
    });
}

fn candidates_table(view: &View, report: &TierReport) -> Table {
    Table {
        title: view.t("tiers.candidates_title").to_string(),
        headers: CANDIDATE_COLUMNS.iter().map(|k| view.t(k).to_string()).collect(),
        rows: report
            .upgrade_candidates
            .iter()
            .map(|c| {
                vec![Value::from(c.customer.as_str()), Value::from(c.tier.to_string()), Value::from(view.pick(&c.reason, &c.reason_zh))]
            })
            .collect(),
    }
}
