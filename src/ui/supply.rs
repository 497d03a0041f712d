//! Supply risk across our customers (the growth screen's head): our sales split by how dependent
//! our customers are on one origin — on ours (our risk), on another (our opening: a second source),
//! spread, or not known from the files — as one bar, and the dependent customers in a list.

use super::i18n::trf;
use super::{Command, View, export_menu};
use crate::analysis::supply_risk::{DEPENDENT, SupplyRisk};
use crate::export::{Table, Value};
use crate::palette;
use crate::text::country::country;
use crate::text::number::money;
use egui_extras::{Column, TableBuilder};

/// The bar, its legend and the collapsible list of customers dependent on one origin.
pub fn portfolio(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let Some(p) = &view.snap.supply else { return };
    let ours = p.our_origin.as_deref().map_or_else(|| view.t("supply.origin_none").to_string(), |o| country(view.lang, o).into_owned());
    ui.strong(trf(view.lang, "supply.portfolio", &[("ours", &ours)]));
    let parts = [
        ("supply.on_ours", p.on_our_origin, palette::WARN),
        ("supply.on_other", p.on_other_origin, palette::GOOD),
        ("supply.spread", p.spread, palette::CATEGORY),
        ("supply.unknown", p.unknown, palette::REST),
    ];
    let total: f64 = parts.iter().map(|(_, (_, v), _)| v).sum();
    bar(ui, &parts.map(|(_, (_, v), c)| (v, c)), total);
    ui.horizontal_wrapped(|ui| {
        // Origins not in the files are worth a word only when some are missing.
        for (key, (n, v), color) in parts.into_iter().filter(|(key, (n, _), _)| *n > 0 || *key != "supply.unknown") {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, super::badge::rgb(color));
            let share = if total > 0.0 { format!("{:.0}%", v / total * 100.0) } else { "–".into() };
            ui.label(trf(view.lang, key, &[("n", &n), ("sales", &money(view.lang, v)), ("share", &share)]));
            ui.add_space(8.0);
        }
    });
    let list = &view.snap.origin_dependent;
    if list.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(trf(view.lang, "supply.list", &[("n", &list.len()), ("share", &format!("{:.0}%", DEPENDENT * 100.0))]))
        .id_salt("origin-dependent")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(view.t("supply.list_note")).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    export_menu::buttons(ui, view, || table(view, list), commands);
                });
            });
            customers(ui, view, list, commands);
        });
}

/// One horizontal bar split by value.
fn bar(ui: &mut egui::Ui, parts: &[(f64, palette::Rgb)], total: f64) {
    let width = ui.available_width().min(720.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 14.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    if total <= 0.0 {
        painter.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
        return;
    }
    let mut x = rect.left();
    for (value, color) in parts {
        let w = (*value / total) as f32 * rect.width();
        if w > 0.0 {
            painter.rect_filled(
                egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(w, rect.height())),
                0.0,
                super::badge::rgb(*color),
            );
        }
        x += w;
    }
}

/// The dependent customers: origin, its share now and a year before, our sales, what it means.
fn customers(ui: &mut egui::Ui, view: &View, list: &[SupplyRisk], commands: &mut Vec<Command>) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let height = (row_height * list.len() as f32 + 28.0).min(220.0);
    TableBuilder::new(ui)
        .id_salt("origin-dependent-table")
        .striped(true)
        .max_scroll_height(height)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(260.0).clip(true))
        .column(Column::initial(130.0).clip(true))
        .column(Column::initial(90.0))
        .column(Column::initial(90.0))
        .column(Column::initial(110.0))
        .column(Column::remainder().clip(true))
        .header(22.0, |mut h| {
            super::cell::header(&mut h, view, &HEADERS);
        })
        .body(|body| {
            body.rows(row_height, list.len(), |mut row| {
                let Some(r) = list.get(row.index()) else { return };
                let [origin, now, before, sales, means] = cells(view, r);
                row.col(|ui| {
                    if ui.add(egui::Link::new(&r.customer)).clicked() {
                        commands.push(Command::OpenCustomer(r.id));
                    }
                });
                row.col(|ui| _ = ui.add(egui::Label::new(origin).truncate()));
                row.col(|ui| _ = ui.label(now));
                row.col(|ui| _ = ui.label(before));
                row.col(|ui| _ = ui.label(sales));
                row.col(|ui| {
                    let color = if r.our_origin { ui.visuals().warn_fg_color } else { super::badge::rgb(palette::GOOD) };
                    ui.add(egui::Label::new(egui::RichText::new(means).color(color)).truncate());
                });
            });
        });
}

/// A dependent customer's cells after its name, as text.
fn cells(view: &View, r: &SupplyRisk) -> [String; 5] {
    let pct = |s: Option<f64>| s.map_or_else(|| "–".to_string(), |s| format!("{:.0}%", s * 100.0));
    let origin = r.now.top_origin.as_ref().map(|(c, _)| country(view.lang, c).into_owned()).unwrap_or_default();
    let means = view.t(if r.our_origin { "supply.means_risk" } else { "supply.means_opening" }).to_string();
    [
        origin,
        pct(r.now.top_origin.as_ref().map(|o| o.1)),
        pct(r.before.top_origin.as_ref().map(|o| o.1)),
        money(view.lang, r.our_sales_12m),
        means,
    ]
}

/// The list's columns, on the screen and in the export.
const HEADERS: [&str; 6] =
    ["col.customer", "supply.col_origin", "supply.year_now", "supply.year_before", "col.our_sales", "supply.col_means"];

/// The dependent customers as an export table (shares and sales as numbers).
fn table(view: &View, list: &[SupplyRisk]) -> Table {
    let share = |s: Option<f64>| Value::from(s.map(|s| (s * 1000.0).round() / 10.0));
    Table {
        title: view.t("supply.title").to_string(),
        headers: view.texts(&HEADERS),
        rows: list
            .iter()
            .map(|r| {
                let [origin, _, _, _, means] = cells(view, r);
                vec![
                    Value::from(r.customer.as_str()),
                    Value::from(origin.as_str()),
                    share(r.now.top_origin.as_ref().map(|o| o.1)),
                    share(r.before.top_origin.as_ref().map(|o| o.1)),
                    Value::from(r.our_sales_12m.round()),
                    Value::from(means.as_str()),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::supply_risk::{PortfolioRisk, Spread};
    use crate::app::snapshot::Snapshot;
    use crate::model::CompanyId;
    use crate::text::Lang;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn dependent(id: i64, name: &str, origin: &str, share: f64, ours: bool) -> SupplyRisk {
        let spread = |s: f64| Spread { total: 100_000.0, top_origin: Some((origin.into(), s)), origin_known: 1.0, ..Spread::default() };
        SupplyRisk {
            id: CompanyId(id),
            customer: name.into(),
            now: spread(share),
            before: spread(0.6),
            our_origin: ours,
            our_sales_12m: 40_000.0,
        }
    }

    #[test]
    fn the_dependent_customers_open_on_a_click_and_say_risk_or_opening() {
        let mut snap = Snapshot::default();
        snap.settings.me = vec!["OUR CO".into()];
        snap.supply = Some(PortfolioRisk {
            our_origin: Some("CHINA".into()),
            on_our_origin: (1, 40_000.0),
            on_other_origin: (1, 40_000.0),
            spread: (3, 120_000.0),
            unknown: (0, 0.0),
        });
        snap.origin_dependent = vec![dependent(1, "ON OURS LTD", "CHINA", 0.9, true), dependent(2, "ON INDIA SA", "INDIA", 0.95, false)];
        let mut h = Harness::builder()
            .with_size(egui::vec2(1200.0, 600.0))
            .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
            .build_ui_state(
                |ui, s: &mut (Snapshot, Vec<Command>)| {
                    let view = View { lang: Lang::Zh, snap: &s.0 };
                    portfolio(ui, &view, &mut s.1);
                },
                (snap, Vec::new()),
            );
        h.run();
        // 40k of 200k: a fifth of our sales sits with customers dependent on our own origin.
        assert!(h.query_by_label_contains("依赖我司原产国（我司风险）：1 位客户").is_some());
        assert_eq!(h.query_all_by_label_contains("（20%）").count(), 2, "on ours and on another, a fifth each");
        assert!(h.query_by_label("ON INDIA SA").is_none(), "the list starts folded");
        h.get_by_label_contains("80% 以上来自单一原产国的客户（2）").click();
        h.run();
        assert!(h.query_by_label("我司机会：第二货源").is_some() && h.query_by_label("我司风险：即我司原产国").is_some());
        h.get_by_label("ON INDIA SA").click();
        h.run();
        assert!(matches!(h.state().1.last(), Some(Command::OpenCustomer(CompanyId(2)))), "a click opens the customer");
        let view = View { lang: Lang::En, snap: &h.state().0 };
        let t = table(&view, &h.state().0.origin_dependent);
        assert_eq!(t.rows[1][1], Value::Text("India".into()));
        assert_eq!(t.rows[1][2], Value::Number(95.0), "shares exported as numbers, in percent");
    }
}
