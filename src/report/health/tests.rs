//! The health report on a hand-built workspace whose names are as long as real ones get: every page
//! stays inside its margins in both languages, and the PDF is written.

use super::*;
use crate::report::pdf::{CONTENT, PAGE_H, PAGE_W, outside};
use crate::store::{ImportOptions, Role, SilentObserver};

/// Our firm, as long as a Chinese export firm's name gets.
pub const FIRM: &str = "浙江宁波海兴五金制品进出口有限公司 NINGBO HAIXING HARDWARE PRODUCTS IMPORT AND EXPORT CORPORATION LIMITED";
/// A customer whose name fills three lines.
pub const BUYER: &str = "THE INTERNATIONAL BUILDING, CONSTRUCTION AND INDUSTRIAL FASTENING SUPPLIES DISTRIBUTION AND TRADING COMPANY \
                         (MIDDLE EAST, AFRICA AND SOUTH ASIA) LIMITED LIABILITY PARTNERSHIP";
/// A competitor whose name has no space to break at.
const RIVAL: &str = "SUPERLONGCOMPETITORNAMEWITHOUTANYSPACESATALLFASTENERSMANUFACTURINGANDTRADINGCOLTD";

/// Two years of monthly shipments: ours shrinking, a newcomer's growing in the second year.
fn workspace(dir: &std::path::Path) -> Workspace {
    let mut csv = String::from("Date,Importer,Exporter,HS Code,Value USD\n");
    for m in 0..24u32 {
        let (year, month) = (2024 + (9 + m) / 12, (9 + m) % 12 + 1);
        let ours = 40_000 - 1_200 * m;
        csv.push_str(&format!("{year}-{month:02}-15,\"{BUYER}\",\"{FIRM}\",731815,{ours}\n"));
        if m >= 14 {
            csv.push_str(&format!("{year}-{month:02}-20,\"{BUYER}\",{RIVAL},731815,{}\n", 3_000 * (m - 13)));
        }
    }
    let path = dir.join("long.csv");
    std::fs::write(&path, csv).expect("csv");
    let mut ws = Workspace::open(&dir.join("ws.sqlite")).expect("workspace");
    ws.import_files(&[path], ImportOptions::default(), &SilentObserver).expect("import");
    ws.add_role(Role::Me, FIRM).expect("me");
    ws
}

#[test]
fn long_names_never_leave_the_page_in_either_language() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = workspace(dir.path());
    let id = ws.find_company("INTERNATIONAL BUILDING, CONSTRUCTION", None).expect("the customer").id;
    for lang in [Lang::En, Lang::Zh] {
        let ctx = Context::load(&ws, None, lang).expect("context");
        let (_, pages) = layout(&ws, &ctx, id).expect("layout");
        assert!(pages.len() >= 2, "{lang:?}: {} pages", pages.len());
        let frame = ctx.frame(ReportKind::Health);
        for (i, page) in pages.iter().enumerate() {
            let out = outside(&ctx.face, page, CONTENT);
            assert!(out.is_empty(), "{lang:?} page {}: {out:#?}", i + 1);
            let chrome = crate::report::pdf::chrome(&ctx.face, &frame, i + 1, pages.len());
            assert!(outside(&ctx.face, &chrome, (CONTENT.0, 0.0, CONTENT.2, PAGE_H)).is_empty());
        }
        let texts: Vec<&str> =
            pages.iter().flatten().filter_map(|op| if let Op::Text { text, .. } = op { Some(text.as_str()) } else { None }).collect();
        assert!(texts.iter().any(|t| t.starts_with("THE INTERNATIONAL")), "the name is written out");
        assert!(texts.iter().any(|t| t.starts_with("SUPERLONG")), "the newcomer is named");
        let pdf = render(&ws, &ctx, id).expect("pdf");
        assert_eq!(pdf.pages, pages.len());
        assert!(pdf.pdf.starts_with(b"%PDF") && pdf.pdf.len() < 300_000);
    }
    assert!(PAGE_W > CONTENT.2);
}

#[test]
fn a_company_we_never_sold_to_has_no_health_report() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = workspace(dir.path());
    let rival = ws.find_company(RIVAL, None).expect("the competitor").id;
    let ctx = Context::load(&ws, None, Lang::En).expect("context");
    assert!(matches!(layout(&ws, &ctx, rival), Err(ReportError::NotOurs { .. })));
}

#[test]
fn a_fall_in_our_sales_is_drawn_as_a_loss() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = workspace(dir.path());
    let id = ws.find_company("INTERNATIONAL BUILDING, CONSTRUCTION", None).expect("the customer").id;
    let bad = Color::of(crate::palette::BAD);
    for lang in [Lang::En, Lang::Zh] {
        let ctx = Context::load(&ws, None, lang).expect("context");
        let h = gather(&ws, &ctx, id).expect("gather");
        assert!(h.trailing.ours.0 < 0.9 * h.trailing.ours.1, "the fixture's sales to it shrink");
        let (_, pages) = layout(&ws, &ctx, id).expect("layout");
        let ops: Vec<&Op> = pages.iter().flatten().collect();
        // The key figure: our sales over 12 months in the loss colour, not our blue.
        let ours = crate::text::number::money(lang, h.health.ours_12m.dollars());
        let figure = ops.iter().find_map(|op| match op {
            Op::Text { text, style, .. } if *text == ours => Some(style.color),
            _ => None,
        });
        assert_eq!(figure, Some(bad), "{lang:?}: our sales figure");
        // The quarters table: our sales of a quarter that fell on a year earlier.
        let curve = &h.profile.as_ref().expect("a profile").share_curve;
        let n = curve.len();
        let fell = (n - 4..n)
            .rev()
            .find(|&i| !curve[i].partial && curve[i].ours < 0.9 * curve[i - 4].ours)
            .map(|i| crate::text::number::money(lang, curve[i].ours))
            .expect("a whole quarter down on a year earlier");
        assert!(
            ops.iter().any(|op| matches!(op, Op::Text { text, style, .. } if *text == fell && style.color == bad)),
            "{lang:?}: the latest fall, {fell}, in red"
        );
        // The share chart: the falling quarters marked in red on our sales, with their legend.
        let dots = ops.iter().filter(|op| matches!(op, Op::Rect { fill: Some(c), w, .. } if *c == bad && *w == 5.0)).count();
        // Two years of records: the last four quarters have a year before to fall from (a partial
        // one is not compared).
        assert!(dots >= 3, "{lang:?}: {dots} quarters marked as falls");
        let legend = crate::text::tr(lang, "chart.ours_fell");
        assert!(ops.iter().any(|op| matches!(op, Op::Text { text, .. } if text == legend)), "{lang:?}: the legend names the mark");
    }
}

#[test]
fn the_title_names_a_core_customer_alike_in_both_languages() {
    let (en, zh) = (title_of(Lang::En, false), title_of(Lang::Zh, false));
    assert_eq!((en, zh), ("Customer health report", "客户健康度报告"));
    let (en, zh) = (title_of(Lang::En, true), title_of(Lang::Zh, true));
    assert_eq!((en, zh), ("Core customer health report", "核心客户健康度报告"));
    // The fixture's one customer makes all our sales: it is on the core watchlist.
    let dir = tempfile::tempdir().expect("tmp");
    let ws = workspace(dir.path());
    let id = ws.find_company("INTERNATIONAL BUILDING, CONSTRUCTION", None).expect("the customer").id;
    let ctx = Context::load(&ws, None, Lang::Zh).expect("context");
    assert_eq!(layout(&ws, &ctx, id).expect("layout").0, "核心客户健康度报告");
}
