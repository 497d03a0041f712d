//! The tier distribution: customers per tier and each tier's share of our sales, as bars in the
//! tiers' colours, with the saved profile's bars beside them while the draft differs; the figures
//! below in a small table.

use crate::analysis::tiers::{Tier, TierCount, TierReport};
use crate::text::number::{money, percent};
use crate::ui::View;
use crate::ui::badge;
use egui::RichText;
use egui_plot::{Bar, BarChart, Plot};

/// Height of each plot.
const PLOT_HEIGHT: f32 = 150.0;

/// Draws both plots side by side and the figures under them; `saved` is the stored profile's
/// report when the draft differs from it.
pub(super) fn distribution(ui: &mut egui::Ui, view: &View, report: &TierReport, saved: Option<&TierReport>) {
    ui.heading(view.t("tiers.distribution"));
    let counts = |r: &TierReport| values(r, |t| t.customers as f64);
    let shares = |r: &TierReport| values(r, |t| t.share_of_sales * 100.0);
    ui.columns(2, |cols| {
        plot(&mut cols[0], "tiers-customers", view.t("tiers.customers_per_tier"), counts(report), saved.map(counts), Unit::Count);
        plot(&mut cols[1], "tiers-sales", view.t("tiers.share_of_sales"), shares(report), saved.map(shares), Unit::Percent);
    });
    if saved.is_some() {
        ui.label(RichText::new(view.t("tiers.saved_bars")).small().weak());
    }
    figures(ui, view, report, saved);
}

/// One value per tier, A to D (0 for a tier the report lacks).
fn values(report: &TierReport, f: impl Fn(&TierCount) -> f64) -> [f64; 4] {
    Tier::ALL.map(|t| report.distribution.iter().find(|c| c.tier == t).map_or(0.0, &f))
}

/// What a plot's values count.
#[derive(Clone, Copy)]
enum Unit {
    /// Customers.
    Count,
    /// Percentages.
    Percent,
}

impl Unit {
    /// A bar's value on hover.
    fn exact(self, v: f64) -> String {
        match self {
            Unit::Count => format!("{v:.0}"),
            Unit::Percent => format!("{v:.1}%"),
        }
    }

    /// An axis mark: whole numbers only, so half steps on a small axis do not read as repeated labels.
    fn mark(self, v: f64) -> String {
        if (v - v.round()).abs() > 1e-9 {
            return String::new();
        }
        match self {
            Unit::Count => format!("{v:.0}"),
            Unit::Percent => format!("{v:.0}%"),
        }
    }
}

/// A bar per tier; the saved bars, paler and to the left, when given.
fn plot(ui: &mut egui::Ui, id: &str, title: &str, now: [f64; 4], saved: Option<[f64; 4]>, unit: Unit) {
    ui.label(RichText::new(title).strong());
    let (width, shift) = if saved.is_some() { (0.38, 0.2) } else { (0.6, 0.0) };
    let bars = |values: [f64; 4], offset: f64, pale: bool| -> Vec<Bar> {
        Tier::ALL
            .into_iter()
            .zip(values)
            .map(|(t, v)| {
                let color = badge::tier_color(t);
                Bar::new(t.index() as f64 + offset, v)
                    .width(width)
                    .fill(if pale { color.gamma_multiply(0.35) } else { color })
                    .name(t.to_string())
            })
            .collect()
    };
    let formatter = move |bar: &Bar, _: &BarChart| format!("{}: {}", bar.name, unit.exact(bar.value));
    let top = now.iter().chain(saved.iter().flatten()).copied().fold(0.0_f64, f64::max);
    Plot::new(id)
        .height(PLOT_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .include_x(-0.6)
        .include_x(3.6)
        .include_y(0.0)
        .include_y(top * 1.1 + 1.0)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        // Four bars in a narrow plot: the default spacing (60 px a label) would hide B, C and D.
        .custom_x_axes(vec![egui_plot::AxisHints::new_x().label_spacing(12.0..=20.0).formatter(|mark, _| {
            // Only whole positions are tiers; the axis asks for fractions too.
            let i = mark.value.round();
            if i >= 0.0 && (mark.value - i).abs() < 1e-6 {
                Tier::ALL.get(i as usize).map(|t| t.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        })])
        .y_axis_formatter(move |mark, _| unit.mark(mark.value))
        .show(ui, |plot| {
            if let Some(saved) = saved {
                plot.bar_chart(BarChart::new("saved", bars(saved, -shift, true)).element_formatter(Box::new(formatter)));
            }
            plot.bar_chart(BarChart::new("draft", bars(now, shift, false)).element_formatter(Box::new(formatter)));
        });
}

/// The figures: customers, our sales and share per tier, with the saved customers when they differ.
fn figures(ui: &mut egui::Ui, view: &View, report: &TierReport, saved: Option<&TierReport>) {
    egui::Grid::new("tiers-figures").num_columns(4).spacing([18.0, 2.0]).show(ui, |ui| {
        ui.label("");
        ui.strong(view.t("tiers.col.customers"));
        ui.strong(view.t("col.our_sales"));
        ui.strong(view.t("tiers.share_of_sales"));
        ui.end_row();
        for t in Tier::ALL {
            let Some(now) = report.distribution.iter().find(|c| c.tier == t) else { continue };
            badge::tier(ui, t);
            let before = saved.and_then(|s| s.distribution.iter().find(|c| c.tier == t)).filter(|b| b.customers != now.customers);
            match before {
                Some(b) => ui.label(format!("{} ({:+})", now.customers, now.customers as i64 - b.customers as i64)),
                None => ui.label(now.customers.to_string()),
            };
            ui.label(money(view.lang, now.our_sales_12m));
            ui.label(percent(Some(now.share_of_sales)));
            ui.end_row();
        }
    });
}
