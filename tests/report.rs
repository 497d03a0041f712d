//! `report` end to end: the health report of a demo customer in both languages, read back with a PDF
//! parser (pages, text through the fonts' ToUnicode maps, size), and the errors a script meets.

mod common;

use common::cli::{demo_workspace, json, run};
use customs_radar::model::Lang;
use customs_radar::text::number::money;
use std::path::Path;

/// A demo customer with a red level (its whole business is shrinking).
const CUSTOMER: &str = "MIDLANDS BUILDERS MERCHANTS LTD";
/// Its health report's pages (title, level, figures and share curve; suppliers, demand, business;
/// signals, playbook and the rest).
const PAGES: usize = 3;

/// The PDF's page count and its text, page by page.
fn read(path: &Path) -> (usize, Vec<String>) {
    let doc = lopdf::Document::load(path).expect("a PDF a parser opens");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = pages.iter().map(|p| doc.extract_text(&[*p]).expect("text")).collect();
    (pages.len(), text)
}

/// The text without the line breaks and spaces the layout put in.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn report(db: &Path, out: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", CUSTOMER, "--out", out.to_str().expect("path"), "--json"];
    all.extend_from_slice(args);
    json(&run(db, &all))
}

#[test]
fn the_health_report_reads_back_in_both_languages() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    // Its figures as the health command reports them.
    let health = json(&run(&db, &["health", "--customer", CUSTOMER, "--json"]));
    let c = &health["customers"][0];
    assert_eq!(c["level"], "red");
    let ours_12m = c["ours_12m"].as_f64().expect("our sales");
    let imports_12m = c["signals"][0]["figures"]["imports_12m"].as_f64().expect("its imports");
    // Not on the core watchlist: the customer health report in both languages.
    for (lang, title, level) in [("en", "Customer health report", "Health: Red"), ("zh", "客户健康度报告", "健康度：红色")] {
        // The key figure reads as money reads in the language (万 in Chinese).
        let in_lang = if lang == "en" { Lang::En } else { Lang::Zh };
        let (ours, imports) = (money(in_lang, ours_12m), money(in_lang, imports_12m));
        let out = dir.path().join(format!("health-{lang}.pdf"));
        let answer = report(&db, &out, &["--lang", lang]);
        assert_eq!(answer["file"], out.to_str().expect("path"));
        let bytes = std::fs::metadata(&out).expect("written").len();
        assert_eq!(answer["bytes"], bytes);
        assert!(bytes < 300 * 1024, "{lang}: {bytes} bytes: the font is subset");
        let (pages, text) = read(&out);
        assert_eq!(pages, PAGES, "{lang}");
        assert_eq!(answer["pages"], PAGES);
        let all = squeezed(&text.concat());
        for expected in [title, CUSTOMER, level, ours.as_str(), imports.as_str()] {
            assert!(all.contains(&squeezed(expected)), "{lang}: {expected} not in {all}");
        }
        // Every page carries its number out of the page count.
        for (i, page) in text.iter().enumerate() {
            let number = if lang == "en" { format!("page{}/{PAGES}", i + 1) } else { format!("第{}/{PAGES}页", i + 1) };
            assert!(squeezed(page).contains(&number), "{lang}: page {} has no {number}", i + 1);
        }
    }
}

#[test]
fn a_report_without_its_customer_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_workspace(dir.path());
    let out = dir.path().join("x.pdf");
    let out = out.to_str().expect("path");
    let missing = run(&db, &["report", "--out", out]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("about one customer"));
    let stranger = run(&db, &["report", "NO SUCH COMPANY ANYWHERE", "--out", out]);
    assert!(!stranger.status.success());
    let named = run(&db, &["report", CUSTOMER, "--out", out, "--kind", "portfolio"]);
    assert!(!named.status.success(), "the portfolio report is about no one customer");
    assert!(!Path::new(out).exists(), "nothing is written when the report fails");
}
