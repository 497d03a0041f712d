//! The kinds, file names and errors of reports; then the briefings of issue 18 read back from the
//! demo workspace's PDFs.

use super::*;

#[test]
fn file_names_are_safe() {
    assert_eq!(
        file_name(ReportKind::Health, Some("MIDLANDS BUILDERS MERCHANTS LTD"), Lang::En),
        "health-MIDLANDS-BUILDERS-MERCHANTS-LTD-en.pdf"
    );
    assert_eq!(file_name(ReportKind::Handover, Some("A/B \\ C: \"D\" <E>.|*?"), Lang::Zh), "handover-A-B-C-D-E-zh.pdf");
    assert_eq!(file_name(ReportKind::Health, Some("宁波海兴五金有限公司"), Lang::Zh), "health-宁波海兴五金有限公司-zh.pdf");
    assert_eq!(file_name(ReportKind::Portfolio, None, Lang::En), "portfolio-en.pdf");
    assert_eq!(file_name(ReportKind::Changes, None, Lang::Zh), "changes-zh.pdf");
    assert_eq!(file_name(ReportKind::Insight, Some("../../"), Lang::En), "insight-en.pdf");
    let long = "X".repeat(500);
    assert!(file_name(ReportKind::Health, Some(&long), Lang::En).len() < 80);
}

#[test]
fn kinds_have_keys_and_titles() {
    let keys: Vec<&str> = ReportKind::ALL.iter().map(|k| k.key()).collect();
    assert_eq!(keys, ["health", "portfolio", "insight", "handover", "changes"]);
    assert_eq!(ReportKind::Changes.title(Lang::Zh), "本月客户变化");
    assert!(!ReportKind::Changes.needs_customer());
    assert_eq!(ReportKind::Health.title(Lang::Zh), "客户健康度报告");
    assert_eq!(crate::text::tr(Lang::Zh, "report.health_core"), "核心客户健康度报告");
    assert!(!ReportKind::Portfolio.needs_customer() && ReportKind::Health.needs_customer());
}

#[test]
fn report_errors_speak_chinese_with_their_fields() {
    let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let not_ours = ReportError::NotOurs { customer: "MIDLANDS LTD".into(), as_of: NaiveDate::from_ymd_opt(2024, 6, 30).expect("date") };
    let (en, zh) = (not_ours.message().render(Lang::En), not_ours.message().render(Lang::Zh));
    assert!(chinese(&zh) && zh.contains("MIDLANDS LTD") && zh.contains("2024-06-30"), "{zh}");
    assert_ne!(en, zh);
    let required = ReportError::CustomerRequired(ReportKind::Handover);
    let (en, zh) = (required.message().render(Lang::En), required.message().render(Lang::Zh));
    assert!(zh.contains("交接报告") && en.contains("Handover report"), "{en} / {zh}");
    let no_me = ReportError::NoMe;
    let (en, zh) = (no_me.message().render(Lang::En), no_me.message().render(Lang::Zh));
    assert!(chinese(&zh) && zh.contains("本公司") && !en.contains("customs-radar"), "{en} / {zh}");
}

/// The briefings of issue 18 on the demo workspace, read back from their PDFs with a parser.
mod demo {
    use super::super::{ReportKind, ReportRequest, render_counted};
    use crate::analysis::health::{Level, SignalKind};
    use crate::analysis::tiers::{POTENTIAL_FIRST, STABILITY_FIRST, VALUE_FIRST};
    use crate::app::alerts::{Action, grouped};
    use crate::demo::{DemoOptions, build_workspace};
    use crate::model::{CompanyId, Lang};
    use crate::store::{SilentObserver, Workspace};
    use crate::text::tr;
    use std::collections::HashSet;
    use std::sync::OnceLock;

    /// A green customer on the core watchlist.
    const GREEN: &str = "MAGNA DISTRIBUTION CC";
    /// A red customer, not on the core watchlist.
    const RED: &str = "MIDLANDS BUILDERS MERCHANTS LTD";
    /// An orange customer moving to competitors, in a market with many suppliers.
    const MOVING: &str = "HIGHLAND FASTENERS PTY LTD";

    /// A copy of the demo workspace (built once per test binary) in `dir`.
    fn demo(dir: &std::path::Path) -> Workspace {
        static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
        let built = BUILT.get_or_init(|| {
            let d = tempfile::tempdir().expect("tmp");
            build_workspace(&d.path().join("demo.sqlite"), &DemoOptions::default(), &SilentObserver).expect("the demo workspace");
            d
        });
        let db = dir.join("ws.sqlite");
        std::fs::copy(built.path().join("demo.sqlite"), &db).expect("copy");
        Workspace::open(&db).expect("open")
    }

    fn id(ws: &Workspace, name: &str) -> CompanyId {
        ws.find_company(name, None).expect("a demo customer").id
    }

    /// The text without the spaces and line breaks the layout put in.
    fn squeezed(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// The report read back: each page's text, squeezed.
    fn pages(ws: &Workspace, kind: ReportKind, customer: Option<CompanyId>, lang: Lang, competitors: bool) -> Vec<String> {
        read_back(ws, &ReportRequest { kind, customer, lang, as_of: None, competitors, since: None })
    }

    #[test]
    fn the_insight_brief_names_no_competitor_and_nothing_internal_unless_asked() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = demo(dir.path());
        let data = ws.load_dataset().expect("data");
        let customer = id(&ws, MOVING);
        // Every supplier in the records but us.
        let rivals: HashSet<&str> =
            data.shipments.iter().filter_map(|s| s.supplier).filter(|s| !data.me.contains(s)).map(|s| data.name(s)).collect();
        let firm = squeezed(&ws.role_names(crate::store::Role::Me).expect("me")[0]);
        for lang in [Lang::En, Lang::Zh] {
            let text = pages(&ws, ReportKind::Insight, Some(customer), lang, false).concat();
            let named: Vec<&&str> = rivals.iter().filter(|r| text.contains(&squeezed(r))).collect();
            assert!(named.is_empty(), "{lang:?}: the brief names {named:?}");
            // The market's unit value stays (a price signal of the whole market); no supplier's own.
            let unit_value = squeezed(tr(lang, "pdf.col.unit_value"));
            let columns = |text: &str| text.matches(unit_value.as_str()).count();
            // What the brief printed before: our row tagged "(us)" with our share moves, "we lost the
            // most"; and what we keep about the customer: health, signals, playbook, our share of it.
            let mut internal = vec![
                format!("{firm}{}", squeezed(&crate::text::trf(lang, "detail.tag_us", &[("name", &"")]))),
                squeezed(&crate::text::trf(lang, "in.lost", &[("name", &firm), ("before", &""), ("now", &"")]))
                    .chars()
                    .take(firm.chars().count() + 4)
                    .collect(),
                squeezed(tr(lang, "col.level")),
                squeezed(tr(lang, "fig.share_12m")),
                squeezed(tr(lang, "col.share")),
                squeezed(tr(lang, "sec.signals")),
            ];
            // Signals by name (new suppliers are a market fact the brief reports in its own words).
            internal.extend(SignalKind::ALL.iter().filter(|k| **k != SignalKind::NewSupplier).map(|k| squeezed(tr(lang, k.text_key()))));
            internal.extend(["Health", "Playbook", "share decline", "健康度", "应对方案", "份额下降", "我司份额"].map(squeezed));
            for word in &internal {
                assert!(!text.contains(word.as_str()), "{lang:?}: the brief goes to the customer: no {word}");
            }
            // Lettered, with its country in the reader's language.
            let china = crate::text::country::country(lang, "CHINA");
            assert!(text.contains(&squeezed(&crate::text::trf(lang, "in.anon", &[("letter", &"A"), ("country", &china)]))));
            // Asked for, the competitors are named with their unit prices.
            let named = pages(&ws, ReportKind::Insight, Some(customer), lang, true).concat();
            assert!(named.contains("JIAXINGEVERGREENFASTENERCOLTD"), "{lang:?}: the leading competitor is named");
            assert!(columns(&named) > columns(&text), "{lang:?}: with their unit prices");
            assert!(!named.contains(&internal[0]) && !named.contains(&squeezed(tr(lang, "col.level"))), "{lang:?}: still nothing internal");
        }
    }

    #[test]
    fn a_green_customers_health_report_fits_on_two_pages_under_the_core_title() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = demo(dir.path());
        let (green, red) = (id(&ws, GREEN), id(&ws, RED));
        for lang in [Lang::En, Lang::Zh] {
            let text = pages(&ws, ReportKind::Health, Some(green), lang, false);
            assert!(text.len() <= 2, "{lang:?}: {} pages", text.len());
            let all = text.concat();
            assert!(all.contains(&squeezed(tr(lang, "report.health_core"))), "{lang:?}: a core customer's title");
            // Nothing to say, nothing printed: no signals, no cross-sell, no group section.
            for empty in ["detail.no_signals", "detail.no_gaps", "detail.no_groups", "sec.signals", "sec.glance"] {
                assert!(!all.contains(&squeezed(tr(lang, empty))), "{lang:?}: {empty} is printed");
            }
            let red = pages(&ws, ReportKind::Health, Some(red), lang, false).concat();
            assert!(red.contains(&squeezed(tr(lang, "report.health"))) && !red.contains(&squeezed(tr(lang, "report.health_core"))));
        }
    }

    #[test]
    fn the_core_title_follows_the_tier_reports_watchlist() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = demo(dir.path());
        let ctx = crate::report::Context::load(&ws, None, Lang::En).expect("context");
        let (snap, _) = crate::app::snapshot::compute(&ws, ctx.data.clone(), false, None, &mut |_| {}).expect("snapshot");
        let tiers = snap.tiers.expect("tiers");
        let mut by_sales: Vec<_> = tiers.customers.iter().collect();
        by_sales.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m));
        // The watchlist's edge: its smallest member and the largest customer left off.
        let last = by_sales.iter().rposition(|c| c.core).expect("a watchlist");
        for c in [by_sales[0], by_sales[last], by_sales[last + 1], tiers.customers.iter().find(|c| c.customer == RED).expect("red")] {
            let on = crate::report::health::on_watchlist(&ws, &ctx, c.id).expect("watchlist");
            assert_eq!(on, c.core, "{}", c.customer);
        }
    }

    #[test]
    fn the_portfolio_report_opens_with_charts_then_ten_alerts_in_full_and_the_rest_in_an_appendix() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = demo(dir.path());
        let data = std::sync::Arc::new(ws.load_dataset().expect("data"));
        let (snap, _) = crate::app::snapshot::compute(&ws, data, false, None, &mut |_| {}).expect("snapshot");
        // The window's alerts, the most of our 12-month sales first (nothing for one already lost),
        // the worse level first where equal.
        let mut alerts: Vec<(String, f64, Level)> = grouped(&snap)
            .into_iter()
            .flat_map(|(_, list)| list)
            .map(|a| (a.health.customer.clone(), if a.action == Action::AlreadyLost { 0.0 } else { a.at_stake }, a.health.level))
            .collect();
        alerts.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)));
        assert!(alerts.len() > 12, "the demo has more alerts than the full section holds");
        let keys: Vec<&str> = SignalKind::ALL.iter().map(|k| k.key()).chain([VALUE_FIRST, POTENTIAL_FIRST, STABILITY_FIRST]).collect();
        for lang in [Lang::En, Lang::Zh] {
            let text = pages(&ws, ReportKind::Portfolio, None, lang, false);
            let opening = text[..2].concat();
            for title in ["pf.chart.levels", "pf.chart.tiers"] {
                assert!(opening.contains(&squeezed(tr(lang, title))), "{lang:?}: {title} on page 1 or 2");
            }
            let all = text.concat();
            let at = |key: &str| all.find(&squeezed(tr(lang, key))).unwrap_or_else(|| panic!("{lang:?}: no {key}"));
            let (full, next, appendix) = (at("pf.sec.top_alerts"), at("dash.candidates"), at("pf.sec.appendix"));
            assert!(full < next && next < appendix, "{lang:?}: the full alerts, the rest, then the appendix");
            let (full, appendix) = (&all[full..next], &all[appendix..]);
            for (i, (name, _, _)) in alerts.iter().enumerate() {
                let name = squeezed(name);
                if i < 10 {
                    assert!(full.contains(&format!("{}.{name}", i + 1)), "{lang:?}: alert {} ({name}) in full", i + 1);
                    assert!(!appendix.contains(&name), "{lang:?}: {name} is in full, not in the appendix");
                } else {
                    assert!(!full.contains(&name), "{lang:?}: {name} is not one of the ten");
                    assert!(appendix.contains(&format!("{}{name}", i + 1)), "{lang:?}: {name} in the appendix, line {}", i + 1);
                }
            }
            for key in &keys {
                assert!(!all.contains(key), "{lang:?}: the internal key {key} is printed");
            }
            let snake = all.as_bytes().windows(3).any(|w| w[0].is_ascii_lowercase() && w[1] == b'_' && w[2].is_ascii_lowercase());
            assert!(!snake, "{lang:?}: a snake_case key is printed");
        }
    }

    /// A report read back: each page's text, squeezed.
    fn read_back(ws: &Workspace, req: &ReportRequest) -> Vec<String> {
        let out = render_counted(ws, req).expect("the report");
        let doc = lopdf::Document::load_mem(&out.pdf).expect("a PDF a parser opens");
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        assert_eq!(numbers.len(), out.pages, "{:?} {:?}: the page count told is the PDF's", req.kind, req.lang);
        numbers.iter().map(|p| squeezed(&doc.extract_text(&[*p]).expect("text"))).collect()
    }

    #[test]
    fn the_changes_briefing_shows_the_digests_level_changes_on_a_page_or_two_in_either_language() {
        use crate::app::digest::{Settings, digest};
        use crate::preferences;
        let dir = tempfile::tempdir().expect("tmp");
        let ws = demo(dir.path());
        let ctx = crate::report::Context::load(&ws, None, Lang::En).expect("context");
        // Three months back, where the demo moves levels both ways; the digest as `changes` computes it.
        let since = crate::model::date::months_back(ctx.as_of, 3);
        let profile = preferences::checked(preferences::tier_profiles(&ws).expect("profiles").active()).expect("profile");
        let (rules, manual) = (preferences::tier_rules(&ws).expect("rules"), ws.customer_attributes().expect("ratings"));
        let settings = Settings { cfg: &ctx.thresholds, profile: &profile, rules: &rules, manual: &manual };
        let d = digest(&ctx.data, since, ctx.as_of, &settings);
        assert!(d.level_changes.iter().any(|l| l.now > l.before) && d.tier_changes.len() > 3, "the demo's three months move things");
        // Signals by key (snake_case); levels by key are lowercase words, which the Chinese page has none of.
        let keys: Vec<&str> = SignalKind::ALL.iter().map(|k| k.key()).collect();
        for lang in [Lang::En, Lang::Zh] {
            let req =
                ReportRequest { kind: ReportKind::Changes, customer: None, lang, as_of: None, competitors: false, since: Some(since) };
            let text = read_back(&ws, &req);
            assert!((1..=2).contains(&text.len()), "{lang:?}: {} pages", text.len());
            let all = text.concat();
            let dates = crate::text::trf(lang, "chg.dates", &[("since", &since), ("as_of", &ctx.as_of)]);
            assert!(text[0].contains(&squeezed(&dates)), "{lang:?}: the two dates on the first page");
            // Every level change, worse first as the digest orders them.
            let at: Vec<usize> = d
                .level_changes
                .iter()
                .map(|l| all.find(&squeezed(&l.customer)).unwrap_or_else(|| panic!("{lang:?}: {} is not listed", l.customer)))
                .collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{lang:?}: in the digest's order");
            for key in &keys {
                assert!(!all.contains(key), "{lang:?}: the internal key {key} is printed");
            }
            if lang == Lang::Zh {
                for title in
                    ["本月客户变化", "健康度变化", "新出现的信号", "分级变化", "核心客户名单与升级候选", "我司销售额变化最大的客户"]
                {
                    assert!(all.contains(title), "zh: {title}");
                }
                // No English: the customers' names are capitals, so a lowercase word would be ours.
                let english = all.as_bytes().windows(3).any(|w| w.iter().all(u8::is_ascii_lowercase));
                assert!(!english && all.contains("万美元"), "zh: English on the page");
            }
        }
        // A month back by default: still a page or two.
        let req = ReportRequest { kind: ReportKind::Changes, customer: None, lang: Lang::Zh, as_of: None, competitors: false, since: None };
        assert!(read_back(&ws, &req).len() <= 2);
        let late = ReportRequest { since: Some(ctx.as_of + chrono::Days::new(1)), ..req };
        assert!(matches!(render_counted(&ws, &late), Err(super::super::ReportError::SinceNotBefore { .. })));
    }
}
