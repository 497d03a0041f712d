//! What changed since an earlier date: the digest an owner reads at the monthly sales meeting, with
//! its date picker, the briefing for the meeting (PDF) and the .xlsx export.

use super::super::badge;
use super::super::i18n::trf;
use super::{Command, RhythmScreen, View};
use crate::analysis::tiers::Tier;
use crate::app::digest::{Digest, Named, last_month};
use crate::export::{Table, Value};
use crate::model::Quarter;
use crate::report::{ReportKind, ReportRequest};
use crate::text::number::money;
use chrono::NaiveDate;

/// Rows shown per list before "and N more".
const SHOWN: usize = 30;

/// The one-line summary of a digest (also on the dashboard and after an import).
pub fn summary(view: &View, d: &Digest) -> String {
    let worse = d.level_changes.iter().filter(|c| c.now > c.before).count();
    let signals = d.new_signals.iter().filter(|s| s.kind.is_risk()).count();
    trf(
        view.lang,
        "chg.summary",
        &[("worse", &worse), ("better", &(d.level_changes.len() - worse)), ("signals", &signals), ("tiers", &d.tier_changes.len())],
    )
}

/// The dates offered with one click: the previous month end, the previous quarter end, three months back.
fn quick_dates(as_of: NaiveDate) -> [(&'static str, NaiveDate); 3] {
    [
        ("rhythm.since_month", last_month(as_of)),
        ("rhythm.since_quarter", Quarter::of(as_of).prev().last_day()),
        ("rhythm.since_3m", crate::model::date::months_back(as_of, 3)),
    ]
}

/// Draws the tab.
pub(super) fn ui(screen: &mut RhythmScreen, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let Some(as_of) = view.snap.as_of else { return };
    ui.horizontal_wrapped(|ui| {
        ui.label(view.t("rhythm.compare_with"));
        for (key, date) in quick_dates(as_of) {
            if ui.button(view.t(key)).on_hover_text(date.to_string()).clicked() {
                commands.push(Command::Send(super::super::worker::Request::Digest(date)));
            }
        }
        ui.add(egui::TextEdit::singleline(&mut screen.since_text).hint_text("2026-09-30").desired_width(100.0));
        let typed = NaiveDate::parse_from_str(screen.since_text.trim(), "%Y-%m-%d").ok().filter(|d| *d < as_of);
        let go = ui.add_enabled(typed.is_some(), egui::Button::new(view.t("rhythm.compare")));
        if let (true, Some(date)) = (go.clicked(), typed) {
            commands.push(Command::Send(super::super::worker::Request::Digest(date)));
        }
        if typed.is_none() && !screen.since_text.trim().is_empty() {
            ui.label(egui::RichText::new(trf(view.lang, "rhythm.bad_date", &[("date", &as_of)])).color(ui.visuals().warn_fg_color));
        }
    });
    let Some(d) = screen.digest(view).cloned() else { return };
    ui.horizontal_wrapped(|ui| {
        ui.heading(trf(view.lang, "chg.dates", &[("since", &d.since), ("as_of", &d.as_of)]));
        if ui.button(view.t("rhythm.meeting_pdf")).clicked() {
            let request = ReportRequest {
                kind: ReportKind::Changes,
                customer: None,
                lang: view.lang,
                as_of: None,
                competitors: false,
                since: Some(d.since),
            };
            commands.push(Command::ExportReport(request));
        }
        super::super::export_menu::buttons(ui, view, || table(view, &d), commands);
    });
    ui.label(egui::RichText::new(summary(view, &d)).strong());
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| sections(ui, view, &d, commands));
}

/// A customer's name as a link to its page.
fn link(ui: &mut egui::Ui, name: &str, id: crate::model::CompanyId, commands: &mut Vec<Command>) {
    if ui.link(name).clicked() {
        commands.push(Command::OpenCustomer(id));
    }
}

fn more(ui: &mut egui::Ui, view: &View, total: usize) {
    if total > SHOWN {
        ui.label(egui::RichText::new(trf(view.lang, "chg.more", &[("n", &(total - SHOWN))])).weak());
    }
}

fn tier_text(t: Option<Tier>) -> String {
    t.map_or_else(|| "–".to_string(), |t| t.to_string())
}

/// Every section of the digest; an empty one says so in a line.
fn sections(ui: &mut egui::Ui, view: &View, d: &Digest, commands: &mut Vec<Command>) {
    ui.heading(view.t("chg.sec.levels"));
    if d.level_changes.is_empty() {
        ui.label(view.t("chg.levels.none"));
    }
    egui::Grid::new("digest-levels").num_columns(3).spacing([12.0, 4.0]).striped(true).show(ui, |ui| {
        for c in d.level_changes.iter().take(SHOWN) {
            ui.horizontal(|ui| {
                badge::level(ui, c.before, view.lang);
                ui.label("→");
                badge::level(ui, c.now, view.lang);
            });
            link(ui, &c.customer, c.id, commands);
            let why = c.reason.as_ref().map_or(view.t("chg.reason.none"), |(en, zh)| view.pick(en, zh));
            ui.add(egui::Label::new(why).wrap());
            ui.end_row();
        }
    });
    more(ui, view, d.level_changes.len());
    if !d.new_signals.is_empty() {
        ui.add_space(8.0);
        ui.heading(view.t("chg.sec.signals"));
        egui::Grid::new("digest-signals").num_columns(3).spacing([12.0, 4.0]).striped(true).show(ui, |ui| {
            for s in d.new_signals.iter().take(SHOWN) {
                link(ui, &s.customer, s.id, commands);
                ui.label(egui::RichText::new(view.t(s.kind.text_key())).strong());
                ui.add(egui::Label::new(view.pick(&s.reason.0, &s.reason.1)).wrap());
                ui.end_row();
            }
        });
        more(ui, view, d.new_signals.len());
    }
    if !d.tier_changes.is_empty() {
        ui.add_space(8.0);
        ui.heading(view.t("chg.sec.tiers"));
        egui::Grid::new("digest-tiers").num_columns(2).spacing([12.0, 4.0]).striped(true).show(ui, |ui| {
            for c in d.tier_changes.iter().take(SHOWN) {
                ui.label(format!("{} → {}", tier_text(c.before), tier_text(c.now)));
                link(ui, &c.customer, c.id, commands);
                ui.end_row();
            }
        });
        more(ui, view, d.tier_changes.len());
    }
    for (key, list) in [("chg.watch.on", &d.watchlist_on), ("chg.watch.off", &d.watchlist_off), ("chg.candidates", &d.new_candidates)] {
        if list.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        ui.heading(format!("{} ({})", view.t(key), list.len()));
        named(ui, view, list, commands);
    }
    if !d.sales_moves.is_empty() {
        ui.add_space(8.0);
        ui.heading(view.t("chg.sec.moves"));
        ui.label(egui::RichText::new(view.t("rhythm.moves_text")).weak());
        egui::Grid::new("digest-moves").num_columns(4).spacing([16.0, 4.0]).striped(true).show(ui, |ui| {
            ui.strong(view.t("chg.col.customer"));
            ui.strong(d.since.to_string());
            ui.strong(d.as_of.to_string());
            ui.strong(view.t("chg.col.change"));
            ui.end_row();
            for m in &d.sales_moves {
                link(ui, &m.customer, m.id, commands);
                ui.label(money(view.lang, m.before));
                ui.label(money(view.lang, m.now));
                let delta = m.now - m.before;
                let color = if delta < 0.0 { badge::rgb(crate::palette::BAD) } else { ui.visuals().text_color() };
                let sign = if delta < 0.0 { "−" } else { "+" };
                ui.label(egui::RichText::new(format!("{sign}{}", money(view.lang, delta.abs()))).color(color));
                ui.end_row();
            }
        });
    }
}

fn named(ui: &mut egui::Ui, view: &View, list: &[Named], commands: &mut Vec<Command>) {
    for c in list.iter().take(SHOWN) {
        ui.horizontal(|ui| {
            link(ui, &c.customer, c.id, commands);
            ui.label(egui::RichText::new(money(view.lang, c.our_sales_12m)).weak());
        });
    }
    more(ui, view, list.len());
}

/// The digest as one sheet: a row per change, its section first; money as numbers (USD) a
/// spreadsheet can sum.
fn table(view: &View, d: &Digest) -> Table {
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut row = |section: &str, customer: &str, was: Value, now: Value, change: Value, detail: &str| {
        rows.push(vec![Value::from(section), Value::from(customer), was, now, change, Value::from(detail)]);
    };
    let level = |l| Value::from(view.t(badge::level_key(l)));
    for c in &d.level_changes {
        let why = c.reason.as_ref().map_or(view.t("chg.reason.none"), |(en, zh)| view.pick(en, zh));
        row(view.t("chg.sec.levels"), &c.customer, level(c.before), level(c.now), Value::Empty, why);
    }
    for s in &d.new_signals {
        let kind = Value::from(view.t(s.kind.text_key()));
        row(view.t("chg.sec.signals"), &s.customer, Value::Empty, kind, Value::Empty, view.pick(&s.reason.0, &s.reason.1));
    }
    for c in &d.tier_changes {
        row(view.t("chg.sec.tiers"), &c.customer, Value::from(tier_text(c.before)), Value::from(tier_text(c.now)), Value::Empty, "");
    }
    for (key, list) in [("chg.watch.on", &d.watchlist_on), ("chg.watch.off", &d.watchlist_off), ("chg.candidates", &d.new_candidates)] {
        for c in list {
            row(view.t(key), &c.customer, Value::Empty, Value::from(c.our_sales_12m.round()), Value::Empty, "");
        }
    }
    for m in &d.sales_moves {
        let (was, now) = (m.before.round(), m.now.round());
        row(view.t("chg.sec.moves"), &m.customer, Value::from(was), Value::from(now), Value::from(now - was), view.t("rhythm.moves_text"));
    }
    let headers = ["rhythm.col.section", "chg.col.customer", "chg.col.was", "chg.col.now", "rhythm.col.change_usd", "chg.col.why"];
    Table {
        title: trf(view.lang, "rhythm.changes_sheet", &[("since", &d.since), ("as_of", &d.as_of)]),
        headers: view.texts(&headers),
        rows,
    }
}
