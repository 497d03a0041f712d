//! The customer page drawn headless (egui_kittest, no rendering) from a hand-made detail: the signal
//! and the playbook read in both languages, siblings open, notes and cards go to the worker.

use super::super::i18n::Lang;
use super::super::worker::Request;
use super::*;
use crate::analysis::groups::{GroupView, Member};
use crate::analysis::health::{CustomerHealth, Figures, Level, Severity, ShareFigures, Signal};
use crate::analysis::mix::MixQuarter;
use crate::analysis::playbook::{Playbook, advise};
use crate::analysis::profile::{NewSupplier, Profile, Rhythm, ShareQuarter, SupplierPart, SupplierQuarter};
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;
use crate::model::{Cents, Crm, CrmNote, Quarter};
use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const EXPLANATION: &str = "Our share fell from 60% to 30% while its purchases held.";
const EXPLANATION_ZH: &str = "我司份额从60%降到30%，而客户采购额保持稳定。";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn part(supplier: &str, value: f64, share: f64, us: bool, competitor: bool) -> SupplierPart {
    SupplierPart { supplier: supplier.into(), value, share, us, competitor }
}

fn profile() -> Profile {
    let quarters = [Quarter { year: 2025, q: 1 }, Quarter { year: 2025, q: 2 }, Quarter { year: 2025, q: 3 }];
    let shares = [0.6, 0.45, 0.3];
    Profile {
        share_curve: quarters
            .iter()
            .zip(shares)
            .map(|(q, s)| ShareQuarter {
                quarter: *q,
                partial: q.q == 3,
                ours: 100_000.0 * s,
                category: 100_000.0,
                share: Some(s),
                share_12m: Some(s + 0.05),
            })
            .collect(),
        supplier_structure: quarters
            .iter()
            .zip(shares)
            .map(|(q, s)| SupplierQuarter {
                quarter: *q,
                suppliers: vec![part("US", 100_000.0 * s, s, true, false), part("RIVAL", 100_000.0 * (1.0 - s), 1.0 - s, false, true)],
                count: 2,
                top_share: s.max(1.0 - s),
                hhi: s * s + (1.0 - s) * (1.0 - s),
            })
            .collect(),
        new_suppliers: vec![NewSupplier {
            supplier: "RIVAL".into(),
            first: day(2025, 2, 1),
            value: 95_000.0,
            origin: Some("VN".into()),
            competitor: true,
        }],
        demand: Vec::new(),
        business: Vec::new(),
        rhythm: Rhythm {
            last_order: Some(day(2025, 8, 1)),
            days_since_last: Some(30),
            usual_gap_days: Some(28.0),
            recent_gaps_days: vec![27, 29],
        },
    }
}

/// ACME (#1), an orange customer losing share to RIVAL, in a group with ACME POLSKA (#2).
fn detail() -> CustomerDetail {
    let figures = ShareFigures {
        share_before: 0.6,
        share_now: 0.3,
        quarters: 3,
        usual_wander: 0.03,
        strength: 8.0,
        category_quarterly: 100_000.0,
        ours_quarterly_before: 60_000.0,
        ours_quarterly_now: 30_000.0,
        abrupt: false,
        lost: false,
    };
    let mut signal = Signal::new(Severity::Orange, day(2024, 9, 1), day(2025, 8, 31), Figures::ShareDecline(figures));
    signal.explanation = EXPLANATION.into();
    signal.explanation_zh = EXPLANATION_ZH.into();
    signal.since = Some(day(2025, 3, 1));
    let health = CustomerHealth {
        id: CompanyId(1),
        customer: "ACME".into(),
        level: Level::Orange,
        share: Some(0.3),
        ours_12m: Cents(18_000_000),
        category_12m: Cents(40_000_000),
        signals: vec![signal],
    };
    let member = |id: i64, name: &str| Member {
        id: CompanyId(id),
        customer: name.into(),
        country: Some("PL".into()),
        our_sales_12m: 1000.0,
        category_12m: 5000.0,
    };
    CustomerDetail {
        id: CompanyId(1),
        name: "ACME".into(),
        aliases: vec!["ACME".into(), "ACME GMBH".into()],
        as_of: Some(day(2025, 8, 31)),
        advice: advise(&Playbook::default(), &health),
        health: Some(health),
        profile: Some(profile()),
        mix: vec![MixQuarter { quarter: Quarter { year: 2025, q: 3 }, parts: vec![(Hs6(731815), 30_000.0), (Hs6(731816), 70_000.0)] }],
        trailing: Default::default(),
        gaps: None,
        groups: vec![GroupView {
            name: "ACME family".into(),
            suggested: false,
            adds_to: None,
            new_members: Vec::new(),
            members: vec![member(1, "ACME"), member(2, "ACME POLSKA")],
            missing_members: Vec::new(),
            referral_value: 0.0,
        }],
        attributes: Default::default(),
        crm: Crm { notes: vec![CrmNote { id: 7, date: day(2025, 8, 20), text: "Visited Hamburg office".into() }], ..Crm::default() },
        next_order: Some(crate::analysis::next_order::NextOrder {
            id: CompanyId(1),
            customer: "ACME".into(),
            last: day(2025, 7, 20),
            rhythm: crate::analysis::next_order::Rhythm { orders: 9, median: 45.0, low: 38.0, high: 52.0, late: 60.0 },
            expected: day(2025, 9, 3),
            earliest: day(2025, 8, 27),
            latest: day(2025, 9, 10),
            overdue_after: day(2025, 9, 18),
            state: crate::analysis::next_order::OrderState::Due,
            season: crate::analysis::next_order::Season {
                years: 3,
                quarters: [0.1, 0.5, 0.2, 0.2],
                peak: Some(2),
                strength: 0.25,
                sure: true,
            },
        }),
        season: Some(crate::analysis::next_order::Season {
            years: 3,
            quarters: [0.1, 0.5, 0.2, 0.2],
            peak: Some(2),
            strength: 0.25,
            sure: true,
        }),
        supply: Some(crate::analysis::supply_risk::SupplyRisk {
            id: CompanyId(1),
            customer: "ACME".into(),
            now: crate::analysis::supply_risk::Spread {
                total: 100_000.0,
                top_supplier: Some(("US CO".into(), 0.6)),
                supplier_hhi: 0.45,
                top_origin: Some(("VIETNAM".into(), 0.9)),
                origin_hhi: 0.82,
                origin_known: 1.0,
            },
            before: crate::analysis::supply_risk::Spread::default(),
            our_origin: false,
            our_sales_12m: 60_000.0,
        }),
        market: Some(crate::analysis::market_position::Position {
            id: CompanyId(1),
            customer: "ACME".into(),
            country: "KENYA".into(),
            importers: 42,
            rank: 3,
            share: 0.12,
            share_before: Some(0.09),
            standing: crate::analysis::market_position::Standing::Leader,
        }),
    }
}

struct State {
    screen: CustomerScreen,
    snap: Snapshot,
    lang: Lang,
    commands: Vec<Command>,
}

fn harness(lang: Lang) -> Harness<'static, State> {
    let mut screen = CustomerScreen::default();
    screen.open(CompanyId(1));
    screen.on_detail(Arc::new(detail()));
    let state = State { screen, snap: Snapshot::default(), lang, commands: Vec::new() };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
        .build_ui_state(
            |ui, state: &mut State| {
                let view = View { lang: state.lang, snap: &state.snap };
                state.screen.ui(ui, &view, &mut state.commands);
            },
            state,
        );
    harness.run();
    harness
}

#[test]
fn the_signal_and_the_playbook_read_in_english() {
    let harness = harness(Lang::En);
    assert!(harness.query_by_label_contains(EXPLANATION).is_some(), "the signal's explanation");
    assert!(harness.query_by_label_contains("Rescue team: answer the change").is_some(), "the orange play's title");
    assert!(harness.query_by_label_contains("Form a small team").is_some(), "its actions");
    assert!(harness.query_by_label_contains("Share decline").is_some(), "the signal's kind");
    assert!(harness.query_by_label_contains(EXPLANATION_ZH).is_none(), "no Chinese in English");
}

#[test]
fn the_signal_and_the_playbook_read_in_chinese() {
    let harness = harness(Lang::Zh);
    assert!(harness.query_by_label_contains(EXPLANATION_ZH).is_some(), "the signal's explanation");
    assert!(harness.query_by_label_contains("成立挽留小组").is_some(), "the orange play's title");
    assert!(harness.query_by_label_contains("份额下降").is_some(), "the signal's kind");
    assert!(harness.query_by_label_contains(EXPLANATION).is_none(), "no English in Chinese");
}

#[test]
fn a_group_sibling_opens_that_customer() {
    let mut harness = harness(Lang::En);
    assert!(harness.query_by_label("ACME POLSKA").is_some());
    harness.get_by_label("ACME POLSKA").click_accesskit();
    harness.run();
    let opened: Vec<CompanyId> =
        harness.state().commands.iter().filter_map(|c| if let Command::OpenCustomer(id) = c { Some(*id) } else { None }).collect();
    assert_eq!(opened, [CompanyId(2)]);
}

#[test]
fn a_note_is_sent_dated_today_and_deleting_asks_first() {
    let mut harness = harness(Lang::En);
    harness.get_by_label("Notes").set_text_value_accesskit("Asked for a quote on washers");
    harness.run();
    harness.get_by_label_contains("Add note dated").click_accesskit();
    harness.run();
    harness.get_by_label("Delete").click_accesskit();
    harness.run();
    assert!(harness.query_by_label("Delete").is_none(), "the button turns into a question");
    harness.get_by_label("Delete it").click_accesskit();
    harness.run();
    let changes: Vec<&Change> = harness
        .state()
        .commands
        .iter()
        .filter_map(|c| if let Command::Send(Request::Apply(change)) = c { Some(change) } else { None })
        .collect();
    let today = chrono::Local::now().date_naive();
    assert_eq!(
        changes,
        [&Change::AddNote(CompanyId(1), today, "Asked for a quote on washers".into()), &Change::DeleteNote(CompanyId(1), 7)]
    );
}

#[test]
fn export_briefing_asks_for_the_chosen_kind_in_the_chosen_language() {
    let mut harness = harness(Lang::En);
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("Export briefing").click();
    harness.run();
    harness.get_by_label("Handover report").click();
    harness.run();
    let asked: Vec<_> = harness
        .state()
        .commands
        .iter()
        .filter_map(|c| if let Command::ExportReport(r) = c { Some((r.kind, r.customer, r.lang)) } else { None })
        .collect();
    let id = harness.state().screen.open_id();
    assert_eq!(asked, vec![(crate::report::ReportKind::Handover, id, Lang::Zh)]);
}

#[test]
fn the_tier_says_why_and_a_valuable_customer_in_trouble_is_marked_protect() {
    use crate::analysis::tiers::Tier;
    use crate::app::snapshot::CustomerRow;
    let why = crate::msg!("tiers.why.top", tier = "A", score = 84.9, rank = 3usize, n = 350usize);
    let row = CustomerRow {
        id: CompanyId(1),
        name: "ACME".into(),
        aliases: Vec::new(),
        country: Some("DE".into()),
        ours: true,
        level: Some(Level::Orange),
        tier: Some((Tier::A, 84.9)),
        core: true,
        protect: true,
        why: Some(why),
        our_sales_12m: 180_000.0,
        total_imports: 900_000.0,
        category_12m: 400_000.0,
        share: Some(0.45),
        trend: Vec::new(),
        reason: None,
        owner: String::new(),
        review: None,
        next_order: None,
    };
    for (lang, protect, why, country) in [
        (Lang::En, "Protect", "A: score 84.9, 3 of 350 customers.", "Germany"),
        (Lang::Zh, "降级保护", "A 类：得分 84.9，350 个客户中排第 3。", "德国"),
    ] {
        let mut h = harness(lang);
        h.state_mut().snap.customers = vec![row.clone()];
        h.run();
        assert!(h.query_by_label(protect).is_some(), "{lang:?}: the protect mark");
        assert!(h.query_by_label(why).is_some(), "{lang:?}: why this tier");
        assert!(h.query_by_label(country).is_some(), "{lang:?}: the country in the reader's language");
    }
}

#[test]
fn the_next_order_season_and_supply_risk_read_in_both_languages() {
    let en = harness(Lang::En);
    assert!(en.query_by_label_contains("Usually 45 days between orders").is_some(), "the rhythm");
    assert!(en.query_by_label_contains("Next order expected about 2025-09-03").is_some(), "the next order and its range");
    assert!(en.query_by_label_contains("Due within 30 days").is_some(), "the state");
    assert!(en.query_by_label_contains("Buys most in Q2: 50%").is_some(), "the season");
    assert!(en.query_by_label_contains("Largest origin: Vietnam, 90%").is_some(), "the origin, as a country name");
    assert!(en.query_by_label_contains("an opening to offer a second source").is_some(), "what a dependence on another origin means");
    let zh = harness(Lang::Zh);
    assert!(zh.query_by_label_contains("通常每 45 天下一次单").is_some());
    assert!(zh.query_by_label_contains("第2季度采购最多").is_some());
    assert!(zh.query_by_label_contains("最大原产国：越南，占 90%").is_some());
    assert!(zh.query_by_label_contains("我司可作为第二货源切入").is_some());
    assert!(zh.query_by_label_contains("在肯尼亚进口我司同类产品的 42 家进口商中排第 3").is_some(), "the market position");
    assert!(en.query_by_label_contains("number 3 of 42 importers of our kind of products into Kenya").is_some());
}
