//! Scoring and tiers on a small hand-made portfolio. Months run from January 2022 (month 0) to
//! December 2025 (month 47); supplier 100 is us, 200 a competitor, 300 another supplier. Our
//! catalog is bolts (731815).

use super::*;
use crate::model::{Cents, Company, Hs6, Precision, RecordDate, Shipment};
use chrono::Months;
use rustc_hash::FxHashMap;

const US: i64 = 100;
const RIVAL: i64 = 200;
const OTHER: i64 = 300;
const BOLTS: u32 = 731815;
const MONTHS: usize = 48;

const BIG: i64 = 1;
const RISER: i64 = 9;
const LAPSED: i64 = 10;
const HEADROOM: i64 = 11;

fn day(m: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 15).and_then(|d| d.checked_add_months(Months::new(m as u32))).expect("date")
}

fn end(m: usize) -> NaiveDate {
    crate::model::date::last_day_of_month(2022 + (m / 12) as i32, (m % 12) as u32 + 1).expect("month end")
}

/// What customer `id` buys in month `m`: (supplier, dollars) of bolts.
fn purchases(id: i64, m: usize) -> Vec<(i64, f64)> {
    match id {
        // Our biggest customer: 50k a month from us, 10k from another supplier.
        BIG => vec![(US, 50_000.0), (OTHER, 10_000.0)],
        // Steady mid-sized customers, well apart: 4k, 6k, … 16k a month, 80% from us.
        2..=8 => {
            let size = 2_000.0 * id as f64;
            vec![(US, size * 0.8), (OTHER, size * 0.2)]
        }
        // A small customer that took off half a year ago: 1k a month, then 6k.
        RISER => vec![(US, if m >= MONTHS - 6 { 6_000.0 } else { 1_000.0 }), (OTHER, 500.0)],
        // Bought from us until month 30, then only from the competitor; a big buyer.
        LAPSED => vec![(US, if m <= 30 { 3_000.0 } else { 0.0 }), (RIVAL, 150_000.0)],
        // A big buyer we hold little of.
        HEADROOM => vec![(US, 2_500.0), (RIVAL, 100_000.0)],
        _ => vec![],
    }
}

fn dataset() -> Dataset {
    let mut d = Dataset { catalog: vec!["731815".into()], ..Default::default() };
    let mut names: Vec<(i64, String)> = (1..=11).map(|id| (id, format!("CUSTOMER {id:02}"))).collect();
    names.extend([(US, "US".into()), (RIVAL, "RIVAL".into()), (OTHER, "OTHER".into())]);
    for (id, name) in names {
        d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.clone(), aliases: vec![name], keys: vec![] });
    }
    d.me.insert(CompanyId(US));
    d.competitors.insert(CompanyId(RIVAL));
    for m in 0..MONTHS {
        for id in 1..=11 {
            for (supplier, dollars) in purchases(id, m) {
                if dollars > 0.0 {
                    d.shipments.push(Shipment {
                        date: RecordDate { day: day(m), precision: Precision::Day },
                        buyer: CompanyId(id),
                        supplier: Some(CompanyId(supplier)),
                        hs6: Hs6(BOLTS),
                        value: Cents::from_dollars(dollars).expect("dollars"),
                        weight_kg: None,
                        origin: None,
                        destination: None,
                    });
                }
            }
        }
    }
    d
}

fn model(manual: &[(i64, ManualAttributes)]) -> TierModel {
    let manual = manual.iter().map(|(id, a)| (CompanyId(*id), *a)).collect();
    TierModel::build(&dataset(), end(MONTHS - 1), &HealthSettings::default(), &manual)
}

fn profile(pairs: &[(Metric, f64)]) -> WeightProfile {
    WeightProfile { name: "test".into(), weights: Weights::of(pairs), builtin: false }
}

fn tier_of(report: &TierReport, id: i64) -> Tier {
    report.customers.iter().find(|c| c.id == CompanyId(id)).expect("customer in the report").tier
}

fn top(report: &TierReport, n: usize) -> Vec<i64> {
    report.customers.iter().take(n).map(|c| c.id.0).collect()
}

const TOP_QUARTER: TierRules =
    TierRules { split: Split::Quantiles { a: 0.25, b: 0.5, c: 0.75 }, grace: 0.0, watchlist: WatchlistRules { cover: 0.8, cap: 1.0 } };

#[test]
fn raw_metrics_of_a_steady_customer() {
    let m = model(&[]);
    let big = m.current.measured.iter().find(|x| x.id == CompanyId(BIG)).expect("fixture");
    let close = |metric: Metric, want: f64| {
        let got = big.get(metric).unwrap_or(f64::NAN);
        assert!((got - want).abs() < 1e-6 * want.abs().max(1.0), "{metric}: {got} != {want}");
    };
    close(Metric::Monetary, 600_000.0);
    close(Metric::Frequency, 12.0);
    close(Metric::Recency, 16.0); // 15 December to 31 December
    close(Metric::SalesGrowth, 0.0);
    close(Metric::CategoryVsMarket, 0.0 - market_growth_2025());
    close(Metric::Wallet, 720_000.0);
    close(Metric::Share, 50.0 / 60.0);
    close(Metric::Headroom, 120_000.0);
    close(Metric::Diversity, 1.0);
    close(Metric::Stability, 0.0);
    close(Metric::Concentration, (5.0f64 / 6.0).powi(2) + (1.0f64 / 6.0).powi(2));
    close(Metric::Health, 0.0);
    assert_eq!(big.get(Metric::Margin), None, "not set: neutral");
    assert!(big.get(Metric::Tenure).expect("fixture") > 46.0);
    assert_eq!(m.current.len(), 11, "the lapsed customer bought from us within two years and is still ours");
}

#[test]
fn market_position_is_the_share_of_the_country_s_imports_and_none_in_a_market_too_thin() {
    let with_country = |importers: i64| {
        let mut d = dataset();
        d.countries = vec!["KENYA".into()];
        for s in d.shipments.iter_mut().filter(|s| s.buyer.0 <= importers) {
            s.destination = Some(0);
        }
        TierModel::build(&d, end(MONTHS - 1), &HealthSettings::default(), &FxHashMap::default())
    };
    let year = |ids: std::ops::RangeInclusive<i64>| {
        (36..48).flat_map(|m| ids.clone().flat_map(move |id| purchases(id, m))).map(|(_, v)| v).sum::<f64>()
    };
    let m = with_country(11);
    let get =
        |m: &TierModel, id: i64| m.current.measured.iter().find(|x| x.id == CompanyId(id)).and_then(|x| x.get(Metric::MarketPosition));
    let share = get(&m, BIG).expect("eleven importers make a market");
    assert!((share - year(BIG..=BIG) / year(1..=11)).abs() < 1e-9, "{share}");
    assert!(get(&m, LAPSED).expect("a position") > get(&m, 2).expect("a position"), "the largest importer ranks above a small one");
    let past =
        m.quarters.last().and_then(|q| q.measured.iter().find(|x| x.id == CompanyId(BIG))).and_then(|x| x.get(Metric::MarketPosition));
    assert!(past.is_some(), "measured at past quarter ends too");
    let thin = with_country(4);
    assert_eq!(get(&thin, BIG), None, "four importers: too thin to judge, scored neutral");
    assert_eq!(get(&model(&[]), BIG), None, "no destination in the files: no market");
}

/// The whole market's growth of bolts in 2025 against 2024 (only the riser grew).
fn market_growth_2025() -> f64 {
    let year = |from: usize| (from..from + 12).map(|m| (1..=11).flat_map(|id| purchases(id, m)).map(|(_, v)| v).sum::<f64>()).sum::<f64>();
    year(36) / year(24) - 1.0
}

#[test]
fn weights_change_tiers_the_way_they_should() {
    let m = model(&[]);
    let by_sales = m.evaluate(&profile(&[(Metric::Monetary, 100.0)]), &TOP_QUARTER);
    // 11 customers: round(2.75) = 3 in A — our three biggest.
    assert_eq!(top(&by_sales, 3), vec![BIG, 8, 7]);
    assert_eq!(tier_of(&by_sales, BIG), Tier::A);
    assert_eq!(tier_of(&by_sales, HEADROOM), Tier::D);
    let by_headroom = m.evaluate(&profile(&[(Metric::Headroom, 100.0)]), &TOP_QUARTER);
    assert_eq!(top(&by_headroom, 2), vec![LAPSED, HEADROOM]);
    assert_eq!(tier_of(&by_headroom, HEADROOM), Tier::A);
    assert_eq!(tier_of(&by_headroom, BIG), Tier::A, "120k of headroom is the third most");
    assert_eq!(tier_of(&by_headroom, 2), Tier::D, "a small customer we hold 80% of has little headroom");
    // A manual rating moves a customer: the best margin lifts a D customer under a margin-heavy profile.
    let rated = model(&[(2, ManualAttributes { margin: Some(5), ..Default::default() })]);
    let margin_heavy = profile(&[(Metric::Monetary, 50.0), (Metric::Margin, 50.0)]);
    assert_eq!(tier_of(&m.evaluate(&margin_heavy, &TOP_QUARTER), 2), Tier::D);
    assert!(tier_of(&rated.evaluate(&margin_heavy, &TOP_QUARTER), 2) < Tier::D);
}

#[test]
fn a_customer_with_no_sales_from_us_is_never_a() {
    let m = model(&[]);
    let by_headroom = m.evaluate(&profile(&[(Metric::Headroom, 100.0)]), &TierRules::cutoffs(50.0, 40.0, 20.0));
    let lapsed = by_headroom.customers.iter().find(|c| c.id == CompanyId(LAPSED)).expect("fixture");
    assert_eq!(lapsed.rank, 1, "the best score…");
    assert_eq!(lapsed.our_sales_12m, 0.0);
    assert_eq!(lapsed.tier, Tier::B, "…but nothing bought from us in a year");
    for p in WeightProfile::builtins() {
        assert_ne!(tier_of(&m.evaluate(&p, &TierRules::default()), LAPSED), Tier::A, "{}", p.name);
    }
}

#[test]
fn score_is_the_sum_of_each_metrics_points() {
    let m = model(&[]);
    let report = m.evaluate(&WeightProfile::builtins()[1], &TierRules::default());
    for c in &report.customers {
        let sum: f64 = c.metrics.0.iter().map(|v| v.points).sum();
        assert!((sum - c.score).abs() < 1e-9, "{}: {sum} vs {}", c.customer, c.score);
        assert!((0.0..=100.0).contains(&c.score));
    }
    let json = serde_json::to_value(&report).expect("fixture");
    let first = &json["customers"][0];
    assert!(first["metrics"]["headroom"]["raw"].is_number() && first["metrics"]["headroom"]["weight"] == 25.0, "{first}");
    assert!(first["tier"].is_string() && first["score"].is_number());
}

#[test]
fn core_watchlist_is_the_top_80_percent() {
    let m = model(&[]);
    let uncapped = TierRules { watchlist: WatchlistRules { cover: 0.8, cap: 1.0 }, ..TierRules::default() };
    let report = m.evaluate(&WeightProfile::builtins()[0], &uncapped);
    // Yearly: BIG 600k; 8 → 153.6k, 7 → 134.4k, …; the riser 42k, the headroom buyer 30k.
    let total: f64 = report.customers.iter().map(|c| c.our_sales_12m).sum();
    assert!(report.watchlist.share_of_sales >= 0.8 && !report.watchlist.capped);
    assert_eq!(report.watchlist.customers.first().map(String::as_str), Some("CUSTOMER 01"));
    let without_last = report.watchlist.share_of_sales
        - report
            .customers
            .iter()
            .find(|c| &c.customer == report.watchlist.customers.last().expect("fixture"))
            .expect("fixture")
            .our_sales_12m
            / total;
    assert!(without_last < 0.8, "the smallest such set");
    assert_eq!(report.watchlist.count, report.customers.iter().filter(|c| c.core).count());
    assert!(!report.watchlist.customers.contains(&format!("CUSTOMER {HEADROOM}")));
}

#[test]
fn history_shows_the_riser_moving_up_and_steady_customers_staying() {
    let m = model(&[]);
    let report = m.evaluate(&profile(&[(Metric::Monetary, 100.0)]), &TOP_QUARTER);
    assert_eq!(report.history.dates.len(), HISTORY_QUARTERS + 1);
    assert_eq!(report.history.dates.last(), Some(&end(MONTHS - 1)));
    assert_eq!(report.history.dates[HISTORY_QUARTERS - 1], end(MONTHS - 4), "quarter ends");
    let riser_up = report.events.iter().filter(|e| e.id == CompanyId(RISER) && e.direction == Direction::Upgrade).count();
    assert!(riser_up >= 1, "{:#?}", report.events);
    for e in &report.events {
        assert!(
            [RISER, LAPSED, 2, 3].contains(&e.id.0),
            "only the riser, the lapsed customer and the two smallest the riser overtakes change tier: {e:?}"
        );
    }
    let row = |id: i64| report.history.customers.iter().find(|r| r.id == CompanyId(id)).expect("history row");
    let riser = &row(RISER).tiers;
    assert_eq!((riser.first(), riser.last()), (Some(&Some(Tier::D)), Some(&Some(Tier::C))), "{riser:?}");
    assert!(row(BIG).tiers.iter().all(|t| *t == Some(Tier::A)));
    assert!(row(LAPSED).tiers.iter().all(|t| *t == Some(Tier::D)), "the lapsed customer never rises");
    let riser = report.upgrade_candidates.iter().find(|c| c.customer == "CUSTOMER 09").expect("the riser is a candidate");
    assert!((riser.growth_6m.expect("fixture") - 5.0).abs() < 1e-9 && riser.reason.contains("500%"), "{riser:?}");
    assert!(report.upgrade_candidates.iter().all(|c| c.customer != "CUSTOMER 05"), "steady customers are not candidates");
}

#[test]
fn suggested_weights_come_from_the_history_and_are_not_applied() {
    let m = model(&[]);
    let yours = WeightProfile::builtins()[2].clone();
    let report = m.evaluate(&yours, &TierRules::default());
    let s = report.suggested.as_ref().expect("four years of data are enough to learn from");
    assert_eq!(s.quarters.len(), LEARNING_QUARTERS);
    assert_eq!(s.weights.total(), 100.0);
    assert_eq!(report.profile.weights, yours.weights, "the user's weights stay in use");
    // Steady buyers buy next year what they bought this year: our sales now predict them.
    assert!(s.weights.get(Metric::Monetary) > 0.0, "{:?}", s.weights);
    assert!(s.fit > 0.5, "fit {}", s.fit);
}

#[test]
fn under_the_default_rules_every_quarter_keeps_its_quotas() {
    let m = model(&[]);
    for p in WeightProfile::builtins() {
        let report = m.evaluate(&p, &TierRules::default());
        for (col, date) in report.history.dates.iter().enumerate() {
            let tiers: Vec<Tier> = report.history.customers.iter().filter_map(|r| r.tiers[col]).collect();
            let n = m.quarters.iter().chain([&m.current]).find(|s| s.as_of == *date).map_or(0, |s| s.len()) as f64;
            let count = |t: Tier| tiers.iter().filter(|x| **x == t).count();
            // Rows are today's customers; earlier columns may have had a few more.
            assert!(count(Tier::A) <= (0.1 * n).round() as usize, "{} {date}: {:?}", p.name, tiers);
        }
        let now = |t: Tier| report.customers.iter().filter(|c| c.tier == t).count();
        assert_eq!([now(Tier::A), now(Tier::B), now(Tier::C), now(Tier::D)], [1, 2, 4, 4], "{}: 11 customers at 10/30/60%", p.name);
    }
}

#[test]
fn shipments_after_the_as_of_date_change_nothing() {
    let full = dataset();
    let mut cut = full.clone();
    let as_of = end(40);
    cut.shipments.retain(|s| s.date.day <= as_of);
    let none = FxHashMap::default();
    let cfg = HealthSettings::default();
    let profile = WeightProfile::builtins()[1].clone();
    let a = TierModel::build(&full, as_of, &cfg, &none).evaluate(&profile, &TierRules::default());
    let b = TierModel::build(&cut, as_of, &cfg, &none).evaluate(&profile, &TierRules::default());
    assert!(!a.customers.is_empty());
    for (x, y) in a.customers.iter().zip(&b.customers) {
        assert_eq!((x.id, x.tier), (y.id, y.tier));
        assert!((x.score - y.score).abs() < 1e-9, "{}: {} vs {}", x.customer, x.score, y.score);
    }
    assert_eq!(a.history, b.history);
    assert_eq!(a.suggested.map(|s| s.weights), b.suggested.map(|s| s.weights));
}

#[test]
fn a_first_order_counts_as_one_order_a_year() {
    let mut d = dataset();
    let newcomer = CompanyId(12);
    d.companies.insert(newcomer, Company { id: newcomer, name: "NEWCOMER".into(), aliases: vec!["NEWCOMER".into()], keys: vec![] });
    d.shipments.push(Shipment {
        date: RecordDate { day: day(MONTHS - 2), precision: Precision::Day },
        buyer: newcomer,
        supplier: Some(CompanyId(US)),
        hs6: Hs6(BOLTS),
        value: Cents::from_dollars(5_000.0).expect("dollars"),
        weight_kg: None,
        origin: None,
        destination: None,
    });
    let m = TierModel::build(&d, end(MONTHS - 1), &HealthSettings::default(), &FxHashMap::default());
    let new = m.current.measured.iter().find(|x| x.id == newcomer).expect("a customer of ours now");
    assert_eq!(new.get(Metric::Frequency), Some(1.0));
    assert_eq!(new.get(Metric::Tenure), Some(1.0));
    assert_eq!(new.get(Metric::Stability), None, "one month of history has no quarterly variation");
    assert_eq!(new.get(Metric::SalesGrowth), None, "no year before to grow from");
}
