//! The portfolio report, the industry insight brief and the handover report end to end on the demo
//! workspace, in both languages: each PDF opens with a PDF parser, has the expected pages, each page
//! its number, and its text the customer, the level and key figures computed here from the analyses.

use customs_radar::analysis::health::{CustomerHealth, Level, assess};
use customs_radar::analysis::market::market;
use customs_radar::analysis::window::latest_date;
use customs_radar::demo::{DemoOptions, build_workspace};
use customs_radar::model::{CompanyId, CrmCard, Lang};
use customs_radar::preferences::health_thresholds;
use customs_radar::report::{ReportError, ReportKind, ReportRequest, render_counted};
use customs_radar::store::{SilentObserver, Workspace};
use customs_radar::text::number::money;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A demo customer with a red level (its whole business is shrinking), in the United Kingdom.
const CUSTOMER: &str = "MIDLANDS BUILDERS MERCHANTS LTD";
/// Pages of each report on the demo, English and Chinese.
const PORTFOLIO_PAGES: [usize; 2] = [6, 6];
const INSIGHT_PAGES: [usize; 2] = [3, 3];
const HANDOVER_PAGES: [usize; 2] = [2, 2];

/// The demo workspace, built once per test binary; each test opens its own copy.
fn demo(dir: &Path) -> Workspace {
    static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        let d = tempfile::tempdir().expect("tmp");
        build_workspace(&d.path().join("demo.sqlite"), &DemoOptions::default(), &SilentObserver).expect("the demo workspace");
        d
    });
    let db: PathBuf = dir.join("ws.sqlite");
    std::fs::copy(built.path().join("demo.sqlite"), &db).expect("copy");
    Workspace::open(&db).expect("open")
}

fn customer(ws: &Workspace) -> CompanyId {
    ws.find_company(CUSTOMER, None).expect("the demo customer").id
}

/// The report in both languages, each read back: pages and text (whitespace removed); checks size and
/// page numbers on the way.
fn written(ws: &Workspace, kind: ReportKind, id: Option<CompanyId>, pages: [usize; 2]) -> Vec<String> {
    [Lang::En, Lang::Zh]
        .into_iter()
        .zip(pages)
        .map(|(lang, expected)| {
            let out = render_counted(ws, &ReportRequest { kind, customer: id, lang, as_of: None, competitors: false, since: None })
                .expect("the report");
            assert!(out.pdf.len() < 300 * 1024, "{kind:?} {lang:?}: {} bytes: the font is subset", out.pdf.len());
            // To look at the pages: REPORT_KINDS_OUT=dir, then pdftoppm -png -r 70 dir/KIND-LANG.pdf dir/KIND-LANG.
            if let Some(dir) = std::env::var_os("REPORT_KINDS_OUT") {
                std::fs::write(Path::new(&dir).join(format!("{}-{lang:?}.pdf", kind.key())), &out.pdf).expect("written");
            }
            let doc = lopdf::Document::load_mem(&out.pdf).expect("a PDF a parser opens");
            let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
            assert_eq!((numbers.len(), out.pages), (expected, expected), "{kind:?} {lang:?}: pages");
            let text: Vec<String> = numbers.iter().map(|p| squeezed(&doc.extract_text(&[*p]).expect("text"))).collect();
            for (i, page) in text.iter().enumerate() {
                let n = match lang {
                    Lang::En => format!("page{}/{expected}", i + 1),
                    Lang::Zh => format!("第{}/{expected}页", i + 1),
                };
                assert!(page.contains(&n), "{kind:?} {lang:?}: page {} has no {n}", i + 1);
            }
            assert!(text[0].contains(&squeezed(kind.title(lang))), "{kind:?} {lang:?}: the title");
            text.concat()
        })
        .collect()
}

/// The text without the spaces and line breaks the layout put in.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn health_of(ws: &Workspace, id: CompanyId) -> CustomerHealth {
    let data = ws.load_dataset().expect("data");
    let as_of = latest_date(&data).expect("shipments");
    assess(&data, as_of, &health_thresholds(ws).expect("thresholds"))
        .customers
        .into_iter()
        .find(|c| c.id == id)
        .expect("a customer of ours")
}

fn contains_all(text: &str, what: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(&squeezed(e)), "{what}: {e} not in {text}");
    }
}

#[test]
fn the_portfolio_report_lists_levels_alerts_and_the_watchlist() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = demo(dir.path());
    let data = ws.load_dataset().expect("data");
    let report = assess(&data, latest_date(&data).expect("shipments"), &health_thresholds(&ws).expect("thresholds"));
    let total: f64 = report.customers.iter().map(|c| c.ours_12m.dollars()).sum();
    let (sales, sales_zh) = (money(Lang::En, total), money(Lang::Zh, total));
    let red = report.customers.iter().filter(|c| c.level == Level::Red).count();
    let texts = written(&ws, ReportKind::Portfolio, None, PORTFOLIO_PAGES);
    // The firm is the subject; the red customer leads the alerts.
    let firm = "NINGBO HAIXING HARDWARE CO., LTD.";
    contains_all(&texts[0], "en", &[firm, CUSTOMER, &sales, &format!("Red{red}"), "The alerts that matter most", "Core watchlist"]);
    contains_all(&texts[1], "zh", &[firm, CUSTOMER, &sales_zh, &format!("红色{red}"), "最需关注的预警", "核心关注名单", "升级候选客户"]);
}

#[test]
fn the_insight_brief_shows_the_market_and_nothing_internal() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = demo(dir.path());
    let data = ws.load_dataset().expect("data");
    let as_of = latest_date(&data).expect("shipments");
    let uk = data.countries.iter().position(|c| c == "UNITED KINGDOM").expect("the UK") as u16;
    let bolts = market(&data, as_of, "731815", Some(uk));
    let (total, total_zh) = (money(Lang::En, bolts.value_12m), money(Lang::Zh, bolts.value_12m));
    let top = &bolts.top_suppliers[1].supplier;
    let texts = written(&ws, ReportKind::Insight, Some(customer(&ws)), INSIGHT_PAGES);
    contains_all(&texts[0], "en", &[CUSTOMER, "HS731815", &total, "United Kingdom", "New entrants", "SupplierA("]);
    contains_all(&texts[1], "zh", &[CUSTOMER, "HS731815", &total_zh, "进口至英国", "新进入者", "供应商A（"]);
    // It goes to the customer: no health level, no playbook, no competitor named unless asked for.
    let top = squeezed(top);
    for (text, internal) in [(&texts[0], ["Health:", "Playbook"]), (&texts[1], ["健康度", "应对方案"])] {
        for word in internal.into_iter().chain([top.as_str()]) {
            assert!(!text.contains(word), "the brief shows {word}");
        }
    }
}

#[test]
fn the_handover_report_carries_the_card_notes_figures_and_suggestions() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut ws = demo(dir.path());
    let id = customer(&ws);
    let card = CrmCard {
        owner: "Li Wei".into(),
        backup_owner: "Zhang Min".into(),
        contacts: vec!["Tom Baker, purchasing manager, tom.baker@midlands.example".into()],
    };
    ws.set_crm_card(id, &card).expect("card");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 14).expect("date");
    ws.add_crm_note(id, day, "Asked for a price review on hex bolts; decision after their Q3 stock count.").expect("note");
    let health = health_of(&ws, id);
    let (ours, ours_zh) = (money(Lang::En, health.ours_12m.dollars()), money(Lang::Zh, health.ours_12m.dollars()));
    let texts = written(&ws, ReportKind::Handover, Some(id), HANDOVER_PAGES);
    let shared = ["Li Wei", "Zhang Min", "tom.baker@midlands.example", "2026-08-14", "price review on hex bolts", CUSTOMER];
    contains_all(&texts[0], "en", &shared);
    contains_all(&texts[0], "en", &[ours.as_str()]);
    contains_all(&texts[1], "zh", &[ours_zh.as_str()]);
    contains_all(&texts[0], "en", &["Health: Red", "Suggestions for the new owner", "Ask Li Wei to introduce you"]);
    contains_all(&texts[1], "zh", &shared);
    contains_all(&texts[1], "zh", &["健康度：红色", "给新负责人的建议", "请Li Wei在交接前"]);
}

#[test]
fn the_customer_reports_need_a_customer_and_a_customer_of_ours() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = demo(dir.path());
    for kind in [ReportKind::Insight, ReportKind::Handover] {
        let req = ReportRequest { kind, customer: None, lang: Lang::En, as_of: None, competitors: false, since: None };
        assert!(matches!(render_counted(&ws, &req), Err(ReportError::CustomerRequired(k)) if k == kind));
    }
    // A competitor bought nothing from us: no handover.
    let rival = ws.find_company("JIAXING EVERGREEN FASTENER CO LTD", None).expect("a competitor").id;
    let req =
        ReportRequest { kind: ReportKind::Handover, customer: Some(rival), lang: Lang::En, as_of: None, competitors: false, since: None };
    assert!(matches!(render_counted(&ws, &req), Err(ReportError::NotOurs { .. })));
}
