//! The portfolio over the last quarters, on one chart: our sales as bars with our share of our
//! customers' purchases of our kind of products as a line (its scale on the right), and under it
//! the customers of ours at each health level at each quarter end — whether the whole book drifts.

use crate::analysis::health::Level;
use crate::analysis::trajectory::PortfolioQuarter;
use crate::palette;
use crate::text::number::{money, percent};
use crate::ui::View;
use crate::ui::badge::{self, rgb};
use crate::ui::i18n::trf;
use crate::ui::quarter_chart::{highlight_hovered, is_partial, legend, quarter_long, quarter_plot, quarter_short, quarter_tooltip};
use egui::Color32;
use egui_plot::{AxisHints, Bar, BarChart, HPlacement, Line, PlotPoints, Points};

/// Levels bottom to top of a stacked bar: the healthy base, the trouble on top where the eye lands.
const STACK: [Level; 4] = [Level::Green, Level::Yellow, Level::Orange, Level::Red];

/// Draws the chart (nothing when there is no quarter to show).
pub(super) fn chart(ui: &mut egui::Ui, view: &View, quarters: &[PortfolioQuarter]) {
    if quarters.is_empty() {
        return;
    }
    ui.strong(trf(view.lang, "dash.trajectory", &[("n", &quarters.len())]));
    // Room for the money axis's top label, drawn above the plot's frame.
    ui.add_space(8.0);
    let labels: Vec<String> = quarters.iter().map(|q| quarter_short(q.quarter)).collect();
    let n = quarters.len();
    let as_of = view.snap.as_of;
    let fade = |c: Color32, i: usize| if is_partial(quarters[i].quarter, as_of) { c.gamma_multiply(0.45) } else { c };
    let us = rgb(palette::US);
    let share_color = rgb(if ui.visuals().dark_mode { palette::ACCENT_ON_DARK } else { palette::ACCENT });
    // Share (0–100%) drawn on the money scale: 100% at the top of the tallest bar's room.
    let top = quarters.iter().map(|q| q.ours).fold(0.0, f64::max).max(1.0) * 1.15;
    let sales = BarChart::new(
        view.t("dash.sales_quarter"),
        quarters.iter().enumerate().map(|(i, q)| Bar::new(i as f64, q.ours).width(0.6).fill(fade(us, i))).collect(),
    )
    .allow_hover(false);
    let shares: Vec<[f64; 2]> = quarters.iter().enumerate().filter_map(|(i, q)| q.share().map(|s| [i as f64, s * top])).collect();
    let lang = view.lang;
    let axes = vec![
        AxisHints::new_y().formatter(move |mark, _| money(lang, mark.value)),
        AxisHints::new_y().placement(HPlacement::Right).formatter(move |mark, _| percent(Some(mark.value / top))),
    ];
    let readout = |ui: &mut egui::Ui, i: usize| readout(ui, view, &quarters[i]);
    let shown = quarter_plot("dash-sales", 120.0, ui.available_width(), &labels).include_y(0.0).include_y(top).custom_y_axes(axes).show(
        ui,
        |plot| {
            highlight_hovered(plot, n);
            plot.bar_chart(sales);
            plot.line(Line::new(view.t("dash.share"), PlotPoints::new(shares.clone())).color(share_color).width(2.0).allow_hover(false));
            plot.points(Points::new(view.t("dash.share"), PlotPoints::new(shares)).color(share_color).radius(3.0).allow_hover(false));
        },
    );
    quarter_tooltip(shown, n, readout);
    let mut items = vec![(us, view.t("dash.sales_quarter").to_string()), (share_color, view.t("dash.share").to_string())];
    if quarters.iter().any(|q| q.levels.is_some()) {
        let mut stacks: Vec<BarChart> = Vec::new();
        for (k, level) in STACK.into_iter().enumerate() {
            let bars: Vec<Bar> = quarters
                .iter()
                .enumerate()
                .filter_map(|(i, q)| {
                    let levels = q.levels?;
                    let below: usize = levels[..k].iter().sum();
                    Some(Bar::new(i as f64, levels[k] as f64).base_offset(below as f64).width(0.6).fill(badge::level_color(level)))
                })
                .collect();
            stacks.push(BarChart::new(view.t(badge::level_key(level)), bars).allow_hover(false));
        }
        let shown = quarter_plot("dash-levels", 110.0, ui.available_width(), &labels).include_y(0.0).show(ui, |plot| {
            highlight_hovered(plot, n);
            for stack in stacks {
                plot.bar_chart(stack);
            }
        });
        quarter_tooltip(shown, n, readout);
        items.extend(STACK.into_iter().rev().map(|l| (badge::level_color(l), view.t(badge::level_key(l)).to_string())));
    }
    legend(ui, &items);
    if quarters.iter().all(|q| q.levels.is_none()) {
        ui.label(egui::RichText::new(view.t("dash.trajectory_no_levels")).weak().small());
    }
}

/// One quarter in full: our sales, our share, customers by level.
fn readout(ui: &mut egui::Ui, view: &View, q: &PortfolioQuarter) {
    ui.strong(quarter_long(view, q.quarter, is_partial(q.quarter, view.snap.as_of)));
    ui.label(trf(view.lang, "dash.trajectory_readout", &[("ours", &money(view.lang, q.ours)), ("share", &percent(q.share()))]));
    match q.levels {
        Some(levels) => {
            ui.horizontal(|ui| {
                for (k, level) in STACK.into_iter().enumerate().rev() {
                    badge::dot(ui, badge::level_color(level));
                    ui.label(format!("{} {}", view.t(badge::level_key(level)), levels[k]));
                }
            });
        }
        None => {
            ui.label(egui::RichText::new(view.t("dash.trajectory_no_levels")).weak());
        }
    }
}
