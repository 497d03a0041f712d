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
        let pages = layout(&ws, &ctx, id).expect("layout");
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
