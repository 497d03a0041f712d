//! The HS mix: what the customer imports per quarter, by product code, from every supplier —
//! stacked dollars, the largest codes over the span by name and the rest as one bar.

use super::super::View;
use super::super::i18n::trf;
use super::charts::{
    PALETTE, Part, REST, breakdown, highlight_hovered, is_partial, legend, quarter_long, quarter_plot, quarter_short, quarter_tooltip,
};
use crate::analysis::mix::MixQuarter;
use crate::model::Hs6;
use crate::model::nomenclature::Nomenclature;
use crate::text::number::money;
use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{Bar, BarChart};
use std::collections::HashMap;

/// Codes drawn by name; the rest are stacked as "other codes".
const SHOWN: usize = 6;

/// The largest codes over the span, largest first.
fn top_codes(mix: &[MixQuarter]) -> Vec<Hs6> {
    let mut totals: HashMap<Hs6, f64> = HashMap::new();
    for (code, value) in mix.iter().flat_map(|q| &q.parts) {
        *totals.entry(*code).or_default() += value;
    }
    let mut ranked: Vec<(Hs6, f64)> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.into_iter().take(SHOWN).map(|(code, _)| code).collect()
}

/// A code with a few words of what it is: its own HS text (the chapter's name would repeat for
/// every code of one chapter), else the chapter's name in the reader's language.
fn describe(view: &View, code: Hs6) -> String {
    let d = Nomenclature::builtin().describe(code);
    let chapter = view.pick(d.en.unwrap_or(""), d.chapter_zh.unwrap_or(""));
    let words = d.en.unwrap_or(chapter);
    let short: String = words.chars().take(32).collect();
    let ellipsis = if words.chars().count() > 32 { "…" } else { "" };
    if short.is_empty() { code.to_string() } else { format!("{code} {short}{ellipsis}") }
}

/// The stacked chart and its legend; the quarter under the pointer is broken down by code in a
/// tooltip. `in_catalog` tells which codes we sell.
pub(super) fn hs_mix(ui: &mut egui::Ui, view: &View, mix: &[MixQuarter], as_of: Option<NaiveDate>, in_catalog: &dyn Fn(Hs6) -> bool) {
    ui.strong(view.t("detail.hs_mix"));
    if mix.iter().all(|q| q.parts.is_empty()) {
        ui.label(egui::RichText::new(view.t("detail.no_mix")).weak());
        return;
    }
    let codes = top_codes(mix);
    let n = mix.len();
    let labels: Vec<String> = mix.iter().map(|q| quarter_short(q.quarter)).collect();
    let name = |code: Hs6| {
        let name = describe(view, code);
        if in_catalog(code) { trf(view.lang, "detail.tag_our_range", &[("name", &name)]) } else { name }
    };
    let color = |code: &Hs6| codes.iter().position(|c| c == code).map_or(REST, |k| PALETTE[k % PALETTE.len()]);
    let mut charts: Vec<BarChart> = Vec::new();
    let mut stack = |name: &str, color: Color32, values: Vec<f64>| {
        let bars = values.into_iter().enumerate().map(|(i, v)| Bar::new(i as f64, v).width(0.7).fill(color)).collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars).color(color).allow_hover(false).stack_on(&below);
        charts.push(chart);
    };
    let mut items = Vec::new();
    for code in &codes {
        let values = mix.iter().map(|q| q.parts.iter().find(|(c, _)| c == code).map_or(0.0, |(_, v)| *v)).collect();
        let label = name(*code);
        stack(&label, color(code), values);
        items.push((color(code), label));
    }
    let rest_name = view.t("detail.other_codes");
    let rest: Vec<f64> = mix.iter().map(|q| q.parts.iter().filter(|(c, _)| !codes.contains(c)).map(|(_, v)| v).sum()).collect();
    if rest.iter().any(|v| *v > 0.0) {
        stack(rest_name, REST, rest);
        items.push((REST, rest_name.to_string()));
    }
    let shown = quarter_plot("hs-mix", 170.0, ui.available_width(), &labels)
        .include_y(0.0)
        .y_axis_formatter(|mark, _| money(view.lang, mark.value))
        .show(ui, |plot| {
            highlight_hovered(plot, n);
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
    quarter_tooltip(shown, n, |ui, i| {
        let Some(q) = mix.get(i) else { return };
        let total = q.total();
        let share = |v: f64| (total > 0.0).then(|| v / total);
        // The named codes one by one, the others together, as the bars stack them.
        let mut parts: Vec<Part> =
            q.parts.iter().filter(|(c, _)| codes.contains(c)).map(|(c, v)| (color(c), name(*c), *v, share(*v))).collect();
        let other: f64 = q.parts.iter().filter(|(c, _)| !codes.contains(c)).map(|(_, v)| v).sum();
        if other > 0.0 {
            parts.push((REST, rest_name.to_string(), other, share(other)));
        }
        let title = trf(
            view.lang,
            "detail.mix_title",
            &[("quarter", &quarter_long(view, q.quarter, is_partial(q.quarter, as_of))), ("total", &money(view.lang, total))],
        );
        breakdown(ui, view.lang, &title, &parts);
    });
    legend(ui, &items);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;

    #[test]
    fn the_largest_codes_over_the_span_are_named() {
        let q = |q: u8, parts: Vec<(u32, f64)>| MixQuarter {
            quarter: Quarter { year: 2025, q },
            parts: parts.into_iter().map(|(c, v)| (Hs6(c), v)).collect(),
        };
        let mix = vec![q(1, vec![(731815, 50.0), (731816, 40.0)]), q(2, vec![(731816, 30.0), (848180, 5.0)])];
        assert_eq!(top_codes(&mix), [Hs6(731816), Hs6(731815), Hs6(848180)]);
    }
}

#[cfg(test)]
mod describe_tests {
    use super::*;
    use crate::app::snapshot::Snapshot;
    use crate::text::Lang;

    #[test]
    fn two_codes_of_one_chapter_read_apart_in_chinese() {
        let snap = Snapshot::default();
        let view = View { lang: Lang::Zh, snap: &snap };
        let (a, b) = (describe(&view, Hs6(731815)), describe(&view, Hs6(731816)));
        assert!(a.starts_with("731815") && b.starts_with("731816"));
        assert_ne!(a[6..], b[6..], "each code says what it is, not its chapter's name twice: {a} / {b}");
    }
}
