//! The engine's own checks: wrapping, truncation, and tables, charts and text staying inside the page.

use super::wrap::wrap_at_most;
use super::*;

fn face() -> Face {
    Face::embedded().expect("the embedded font")
}

/// Fails when an operation leaves the box (left, top, right, bottom).
fn assert_inside(face: &Face, ops: &[Op], area: (f32, f32, f32, f32)) {
    let out = outside(face, ops, area);
    assert!(out.is_empty(), "{out:?} leave {area:?}");
}

const PAGE: (f32, f32, f32, f32) = CONTENT;

#[test]
fn a_line_holds_the_fonts_ascent_and_descent() {
    let (ascent, descent) = face().extent(1.0);
    assert!(ascent + descent <= MIN_LEADING, "{ascent} + {descent}");
}

#[test]
fn chinese_breaks_between_any_characters() {
    let f = face();
    let text = "该客户近12个月进口总额大幅下降，上一年为较高水平，已连续四个季度低于上年同期，建议立即复核信用额度和付款条件。";
    let lines = wrap(&f, text, 10.0, 120.0);
    assert!(lines.len() > 3, "{lines:?}");
    assert_eq!(lines.concat(), text, "nothing lost or added");
    assert!(lines.iter().all(|l| f.width(l, 10.0) <= 120.0), "{lines:?}");
    assert!(lines.iter().all(|l| !l.starts_with(['，', '。'])), "no line starts with a closing mark: {lines:?}");
}

#[test]
fn latin_breaks_at_spaces() {
    let f = face();
    let text = "Its total imports fell to $347,595 in the last 12 months from $595,744 the year before";
    let lines = wrap(&f, text, 9.5, 150.0);
    assert!(lines.len() > 2);
    assert_eq!(lines.join(" "), text, "lines are whole words: {lines:?}");
    assert!(lines.iter().all(|l| f.width(l, 9.5) <= 150.0));
}

#[test]
fn an_over_long_name_is_broken_anywhere() {
    let f = face();
    let name = "INTERNATIONALEBEFESTIGUNGSTECHNIKUNDWERKZEUGHANDELSGESELLSCHAFTMITBESCHRAENKTERHAFTUNG & CO KG";
    let lines = wrap(&f, name, 9.5, 100.0);
    assert!(lines.len() >= 5, "{lines:?}");
    assert!(lines.iter().all(|l| f.width(l, 9.5) <= 100.0), "{lines:?}");
    assert_eq!(lines.concat().replace(' ', ""), name.replace(' ', ""));
    let cjk = format!("份额主要流向{}。", name.replace(' ', ""));
    for width in 80..160 {
        let lines = wrap(&f, &cjk, 9.5, width as f32);
        assert!(lines.iter().all(|l| !l.starts_with('。') && f.width(l, 9.5) <= width as f32), "{width}: {lines:?}");
    }
}

#[test]
fn mixed_text_and_newlines_keep_their_paragraphs() {
    let f = face();
    let lines = wrap(&f, "第一段 first part\n\nsecond", 9.0, 400.0);
    assert_eq!(lines, ["第一段 first part", "", "second"]);
}

#[test]
fn truncation_ends_with_an_ellipsis_inside_the_width() {
    let f = face();
    assert_eq!(truncate(&f, "SHORT LTD", 9.0, 200.0), "SHORT LTD");
    let cut = truncate(&f, "A VERY LONG COMPANY NAME THAT DOES NOT FIT IN ITS COLUMN LTD", 9.0, 90.0);
    assert!(cut.ends_with('…') && f.width(&cut, 9.0) <= 90.0, "{cut}");
    let kept = wrap_at_most(&f, &"word ".repeat(80), 9.0, 100.0, 3);
    assert_eq!(kept.len(), 3);
    assert!(kept[2].ends_with('…') && kept.iter().all(|l| f.width(l, 9.0) <= 100.0));
}

#[test]
fn letters_the_font_lacks_are_drawn_plainly() {
    let f = face();
    assert!(f.covers('中') && f.covers('A') && f.covers('…') && f.covers('▲') && f.covers('−'));
    let out = f.printable_text("İŞ ÇELİK\u{a0}A.Ş. \u{1F600}");
    assert!(out.chars().all(|c| f.covers(c)), "{out}");
    assert!(out.starts_with(if f.covers('Ş') { "İŞ" } else { "IS" }) || out.starts_with("İS"), "{out}");
    assert!(out.ends_with('?'), "{out}");
}

fn long_table(rows: usize) -> Table {
    let name = "ЗАО ОЧЕНЬ ДЛИННОЕ НАЗВАНИЕ INTERNATIONAL BUILDING AND CONSTRUCTION SUPPLIES TRADING COMPANY LIMITED LIABILITY";
    Table {
        columns: vec![Column::text("Company", 2.0), Column::text("国家", 1.0), Column::figure("Our sales, 12 months", 1.0)],
        rows: (0..rows)
            .map(|i| {
                vec![Cell::from(format!("{i} {name}")), Cell::from("UNITED KINGDOM OF GREAT BRITAIN"), Cell::from("$1,234,567,890,123")]
            })
            .collect(),
    }
}

#[test]
fn tables_stay_in_their_columns_and_repeat_the_header_on_each_page() {
    let f = face();
    let mut flow = Flow::new(&f);
    flow.table(&long_table(60));
    let pages = flow.finish();
    assert!(pages.len() >= 2, "60 rows of three lines take more than a page");
    for page in &pages {
        assert_inside(&f, page, PAGE);
        let headers = page.iter().filter(|op| matches!(op, Op::Text { text, .. } if text == "Company")).count();
        assert_eq!(headers, 1, "each page has the header once");
    }
    // Each cell stays inside its column: the first column is half of the width.
    let first_col = MARGIN_X + CONTENT_W * 0.5;
    for op in pages.iter().flatten() {
        if let Op::Text { text, x, .. } = op
            && *x < first_col - 1.0
        {
            assert!(op.bounds(&f).2 <= first_col + 0.5, "{text} crosses into the next column");
        }
    }
}

#[test]
fn paragraphs_figures_and_callouts_never_leave_the_page() {
    let f = face();
    let mut flow = Flow::new(&f);
    let long = "MIDLANDS-INTERNATIONAL-BUILDERS-MERCHANTS-AND-CONSTRUCTION-SUPPLIES-GROUP-HOLDINGS-LIMITED ".repeat(3);
    flow.paragraph(&long, Style::TITLE);
    flow.heading(&long);
    flow.callout(Color::US, &long, &[long.clone(), "说明".repeat(200)]);
    let figure = Figure { label: long.clone(), value: long.clone(), note: Some(long.clone()), color: None };
    flow.figures(&(0..6).map(|_| figure.clone()).collect::<Vec<_>>(), 4);
    flow.list(&[long.clone(), "要点".repeat(300)], true, Style::BODY);
    for _ in 0..40 {
        flow.paragraph(&long, Style::BODY);
    }
    let pages = flow.finish();
    assert!(pages.len() >= 3);
    pages.iter().for_each(|p| assert_inside(&f, p, PAGE));
}

#[test]
fn charts_draw_inside_their_box() {
    let f = face();
    let labels: Vec<String> = (0..12).map(|i| format!("{}Q{}", 24 + i / 4, i % 4 + 1)).collect();
    let series =
        |name: &str, values: Vec<Option<f64>>, mark: Mark, axis: Axis| Series { name: name.into(), color: Color::US, values, mark, axis };
    let area = (MARGIN_X, 200.0, CONTENT_W, 170.0);
    let chart = LineChart {
        labels: labels.clone(),
        series: vec![
            series(
                "Category total with a very long legend name that has to be cut somewhere",
                (0..12).map(|i| Some(1e5 + 1e4 * f64::from(i))).collect(),
                Mark::Area,
                Axis::Left,
            ),
            series("share", (0..12).map(|i| (i != 3).then_some(0.1 * f64::from(i))).collect(), Mark::Line, Axis::Right),
            series("nothing", vec![None; 12], Mark::Dashed, Axis::Right),
        ],
        money: crate::text::number::money_axis(crate::model::Lang::En),
    };
    let ops = chart.draw(&f, area);
    assert!(ops.iter().any(|o| matches!(o, Op::Area { .. })));
    assert_inside(&f, &ops, (area.0, area.1, area.0 + area.2, area.1 + area.3));
    let bars = StackedBars {
        labels,
        series: (0..8)
            .map(|k| series(&format!("SUPPLIER NUMBER {k} WITH A LONG NAME CO LTD"), vec![Some(0.125); 12], Mark::Area, Axis::Left))
            .collect(),
        scale: Scale::Shares,
        line: Some(series("HHI", vec![Some(0.125); 12], Mark::Line, Axis::Left)),
        line_axis: None,
    };
    let ops = bars.draw(&f, area);
    assert_eq!(ops.iter().filter(|o| matches!(o, Op::Rect { h, .. } if *h > 9.0)).count(), 8 * 12, "every share is a bar");
    assert_inside(&f, &ops, (area.0, area.1, area.0 + area.2, area.1 + area.3));
}

#[test]
fn pages_render_with_their_numbers() {
    let f = face();
    let mut flow = Flow::new(&f);
    flow.paragraph("核心客户 health", Style::BODY);
    flow.new_page();
    flow.paragraph("second", Style::BODY);
    let frame = Frame {
        firm: "NINGBO HAIXING HARDWARE CO., LTD. ".repeat(5),
        title: "核心客户季度健康度报告".into(),
        footer: "Generated 2026-11-23".into(),
        page_label: "page {n} / {m}".into(),
        language: "en".into(),
    };
    let chrome = render::chrome(&f, &frame, 2, 2);
    assert!(chrome.iter().any(|o| matches!(o, Op::Text { text, .. } if text == "page 2 / 2")));
    assert_inside(&f, &chrome, (MARGIN_X, 0.0, MARGIN_X + CONTENT_W, PAGE_H));
    let pdf = render(&f, &frame, &flow.finish()).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pdf.len() < 60_000, "the font is subset: {} bytes", pdf.len());
}
