//! Each rule on tiny hand-made customers: a case where it fires and a near miss where it must not.
//! Customer 1 buys; supplier 10 is us, 20 a known competitor, 30–33 other suppliers. Our catalog is
//! 731815; 820540 (tools) and 940360 (furniture) are outside it. Months run from January 2023.

use super::*;
use crate::model::{Company, Hs6, Precision, RecordDate, Shipment};
use chrono::Months;

const US: i64 = 10;
const RIVAL: i64 = 20;
const BOLTS: u32 = 731815;
const TOOLS: u32 = 820540;
/// Nuts: outside our catalog (731815) but in its HS chapter, so related to what we sell.
const NUTS: u32 = 731816;
const FURNITURE: u32 = 940360;

fn month_day(m: usize, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, day).and_then(|d| d.checked_add_months(Months::new(m as u32))).expect("date")
}

/// Month end of month `m` (0 = January 2023).
fn end(m: usize) -> NaiveDate {
    crate::model::date::last_day_of_month(2023 + (m / 12) as i32, (m % 12) as u32 + 1).expect("month end")
}

/// A dataset from `months` months of purchases: `f(m)` lists (supplier, hs6, dollars) for month `m`.
fn data(months: usize, f: impl Fn(usize) -> Vec<(i64, u32, f64)>) -> Dataset {
    let mut d = Dataset { catalog: vec!["731815".into()], countries: vec!["CHINA".into(), "VIETNAM".into()], ..Default::default() };
    for (id, name) in [(1, "CUSTOMER"), (US, "US"), (RIVAL, "RIVAL"), (30, "OTHER A"), (31, "OTHER B"), (32, "OTHER C"), (33, "OTHER D")] {
        d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], keys: vec![] });
    }
    d.me.insert(CompanyId(US));
    d.competitors.insert(CompanyId(RIVAL));
    for m in 0..months {
        for (supplier, hs6, dollars) in f(m) {
            if dollars <= 0.0 {
                continue;
            }
            d.shipments.push(Shipment {
                date: RecordDate { day: month_day(m, 15), precision: Precision::Day },
                buyer: CompanyId(1),
                supplier: Some(CompanyId(supplier)),
                hs6: Hs6(hs6),
                value: Cents::from_dollars(dollars).expect("dollars"),
                weight_kg: None,
                origin: Some(if supplier == RIVAL { 1 } else { 0 }),
                destination: None,
            });
        }
    }
    d
}

fn health(d: &Dataset, as_of: NaiveDate) -> CustomerHealth {
    let report = assess(d, as_of, &HealthSettings::default());
    report.customers.into_iter().find(|c| c.id == CompanyId(1)).expect("customer 1 is ours")
}

fn signal(h: &CustomerHealth, kind: SignalKind) -> Option<&Signal> {
    h.signals.iter().find(|s| s.kind == kind)
}

/// The figures of a signal known to be of that kind.
macro_rules! figures {
    ($signal:expr, $kind:ident) => {
        match &$signal.figures {
            Figures::$kind(f) => *f,
            other => panic!("expected {} figures, found {other:?}", stringify!($kind)),
        }
    };
}

/// A steady monthly buyer: 10k a month of bolts, 80% from us.
fn steady(m: usize) -> Vec<(i64, u32, f64)> {
    let noise = 1.0 + 0.1 * ((m * 7 % 5) as f64 - 2.0) / 2.0;
    vec![(US, BOLTS, 8_000.0 * noise), (30, BOLTS, 2_000.0 * noise)]
}

#[test]
fn a_steady_customer_is_green() {
    let h = health(&data(40, steady), end(39));
    assert_eq!(h.level, Level::Green, "{:#?}", h.signals);
    assert!(h.signals.is_empty());
}

#[test]
fn share_decline_fires_when_orders_move_while_the_total_holds() {
    // Four months at 40% instead of 80%: the latest quarters against the year before them.
    let slide = |m: usize| if m < 32 { steady(m) } else { vec![(US, BOLTS, 4_000.0), (RIVAL, BOLTS, 6_000.0)] };
    let h = health(&data(36, slide), end(35));
    let s = signal(&h, SignalKind::ShareDecline).expect("share_decline");
    assert_eq!(s.severity, Severity::Orange);
    let f = figures!(s, ShareDecline);
    assert!((f.share_before - 0.8).abs() < 0.02 && f.share_now < 0.55 && f.strength > 3.5, "{s:?}");
    assert_eq!(s.subject.as_deref(), Some("RIVAL"));
    assert!(s.explanation.contains("80%") && s.explanation_zh.contains("RIVAL"));
    assert!(h.level >= Level::Orange);
}

#[test]
fn share_decline_stays_quiet_on_a_wandering_share_and_on_a_shrinking_category() {
    let wander = |m: usize| {
        let ours = if m % 6 < 3 { 7_000.0 } else { 9_000.0 };
        vec![(US, BOLTS, ours), (30, BOLTS, 10_000.0 - ours)]
    };
    assert!(signal(&health(&data(36, wander), end(35)), SignalKind::ShareDecline).is_none());
    // The whole category halves: that is the customer buying less, not moving away from us.
    let shrink = |m: usize| if m < 28 { steady(m) } else { vec![(US, BOLTS, 2_500.0), (30, BOLTS, 2_500.0)] };
    assert!(signal(&health(&data(36, shrink), end(35)), SignalKind::ShareDecline).is_none());
}

#[test]
fn demand_gap_fires_on_growing_purchases_of_related_products_only() {
    let related = |code: u32, ours: f64| {
        move |m: usize| {
            let mut v = vec![(US, BOLTS, if m < 24 { 8_000.0 } else { ours }), (30, BOLTS, 2_000.0)];
            v.push((31, code, if m < 24 { 2_500.0 } else { 9_000.0 }));
            v
        }
    };
    let s = health(&data(36, related(NUTS, 8_000.0)), end(35)).signals.into_iter().find(|s| s.kind == SignalKind::DemandGap).expect("gap");
    assert_eq!((s.severity, s.subject.as_deref()), (Severity::Yellow, Some("HS 731816")), "a conversation about the range: {s:?}");
    // Outweighing our sales while those fall: orange.
    let falling = health(&data(36, related(NUTS, 5_500.0)), end(35));
    assert_eq!(signal(&falling, SignalKind::DemandGap).map(|s| s.severity), Some(Severity::Orange), "{:#?}", falling.signals);
    // Tools beside our bolts are another business, not a gap in our range.
    assert!(signal(&health(&data(36, related(TOOLS, 5_500.0)), end(35)), SignalKind::DemandGap).is_none());
    // Small or flat purchases of related products are no gap.
    let flat = |m: usize| {
        let mut v = steady(m);
        v.push((31, NUTS, 6_000.0));
        v.push((31, 731814, 300.0 + m as f64 * 10.0));
        v
    };
    assert!(signal(&health(&data(36, flat), end(35)), SignalKind::DemandGap).is_none());
}

#[test]
fn business_decline_fires_on_a_shrinking_customer_and_not_on_a_seasonal_one() {
    let shrinking = |m: usize| {
        let factor = if m < 24 { 1.0 } else { 0.85f64.powi(((m - 24) / 3 + 1) as i32) };
        vec![(US, BOLTS, 8_000.0 * factor), (30, FURNITURE, 12_000.0 * factor)]
    };
    let s = health(&data(36, shrinking), end(35)).signals.into_iter().find(|s| s.kind == SignalKind::BusinessDecline).expect("decline");
    assert!(s.severity >= Severity::Orange, "{s:?}");
    assert!(figures!(s, BusinessDecline).falling_quarters >= 3);
    let seasonal = |m: usize| {
        let season = [0.8, 0.8, 0.8, 0.6, 0.6, 0.6, 1.0, 1.0, 1.0, 1.4, 1.4, 1.4][m % 12];
        vec![(US, BOLTS, 8_000.0 * season), (30, BOLTS, 2_000.0 * season)]
    };
    for as_of in [31, 33, 35] {
        assert_eq!(health(&data(36, seasonal), end(as_of)).level, Level::Green, "a low season is not a decline (as of month {as_of})");
    }
}

fn weighed(mut d: Dataset, price: impl Fn(i64, usize) -> f64) -> Dataset {
    for s in &mut d.shipments {
        let m = crate::model::date::month_number_diff(s.date.day, month_day(0, 15)) as usize;
        s.weight_kg = Some(s.value.dollars() / price(s.supplier.map_or(0, |id| id.0), m));
    }
    d
}

#[test]
fn buying_a_dearer_grade_of_our_code_from_others_is_a_yellow_demand_match_signal() {
    // 8k a month from us at $2/kg; 2k a month of the same bolts from another supplier at $2.10/kg,
    // which from month 24 becomes 3k a month at $3/kg: a better grade, bought elsewhere.
    let buys = |m: usize| vec![(US, BOLTS, 8_000.0), (30, BOLTS, if m < 24 { 2_000.0 } else { 3_000.0 })];
    let price = |supplier: i64, m: usize| match supplier {
        US => 2.0,
        _ if m < 24 => 2.1,
        _ => 3.0,
    };
    let h = health(&weighed(data(36, buys), price), end(35));
    let s = signal(&h, SignalKind::DemandGap).expect("grade shift");
    assert_eq!(s.severity, Severity::Yellow, "a conversation about the range, not an alarm");
    assert_eq!(h.level, Level::Yellow);
    let g = figures!(s, DemandGap).grade.expect("grade figures");
    assert!((g.others_unit - 3.0).abs() < 1e-9 && (g.ours_unit - 2.0).abs() < 1e-9, "{g:?}");
    assert!(g.premium_before.is_some_and(|b| (b - 0.05).abs() < 1e-9));
    assert_eq!(s.subject.as_deref(), Some("HS 731815"));
    assert!(s.explanation.contains("$3.00/kg") && s.explanation.contains("50%"), "{}", s.explanation);
    assert!(s.explanation_zh.contains("更高档次"), "{}", s.explanation_zh);

    // Near misses: a customer that always bought the dearer grade beside ours; the same purchases
    // without weights in the files; a premium of 15%.
    let always = |supplier: i64, _: usize| if supplier == US { 2.0 } else { 3.0 };
    let modest = |supplier: i64, m: usize| if supplier == US || m < 24 { 2.0 } else { 2.3 };
    for (what, d) in [
        ("always both grades", weighed(data(36, buys), always)),
        ("no weights", data(36, buys)),
        ("15% dearer", weighed(data(36, buys), modest)),
    ] {
        let h = health(&d, end(35));
        assert!(signal(&h, SignalKind::DemandGap).is_none(), "{what}: {:#?}", h.signals);
        assert_eq!(h.level, Level::Green, "{what}");
    }
}

#[test]
fn business_decline_turns_red_on_a_collapse_and_stays_red() {
    let collapse = |m: usize| {
        if m < 26 {
            vec![(US, BOLTS, 8_000.0), (30, FURNITURE, 12_000.0)]
        } else if m < 30 {
            vec![(US, BOLTS, 3_000.0)]
        } else {
            vec![]
        }
    };
    for as_of in [31, 33, 35] {
        let h = health(&data(36, collapse), end(as_of));
        let s = signal(&h, SignalKind::BusinessDecline).unwrap_or_else(|| panic!("as of month {as_of}: {:#?}", h.signals));
        assert_eq!(s.severity, Severity::Red, "as of month {as_of}");
    }
    // A mild dip within a steady customer's noise raises nothing.
    let dip = |m: usize| {
        let f = if (27..30).contains(&m) { 0.88 } else { 1.0 };
        vec![(US, BOLTS, 8_000.0 * f), (30, FURNITURE, 12_000.0 * f)]
    };
    assert!(signal(&health(&data(36, dip), end(35)), SignalKind::BusinessDecline).is_none());
}

#[test]
fn a_codes_later_launch_is_not_known_before_it() {
    // No catalog: our catalog is what we had shipped by the as-of date. We start selling tools in
    // month 30; as of month 29 the customer's tool purchases are not in its category yet.
    let mut d = data(36, |m| {
        let mut v = vec![(US, BOLTS, 8_000.0), (31, TOOLS, 8_000.0)];
        if m >= 30 {
            v.push((US, TOOLS, 100.0));
        }
        v
    });
    d.catalog.clear();
    let before = health(&d, end(29));
    assert_eq!(before.category_12m, Cents::from_dollars(96_000.0).expect("c"), "bolts only");
    assert_eq!(before.share, Some(1.0));
    let after = health(&d, end(35));
    assert!(after.category_12m > before.category_12m, "tools count once we sell them");
}

#[test]
fn growth_below_the_ratio_is_no_opportunity() {
    let doubling = |m: usize| vec![(US, BOLTS, if m < 30 { 4_000.0 } else { 8_000.0 })];
    assert!(signal(&health(&data(36, doubling), end(35)), SignalKind::GrowthOpportunity).is_none(), "twice as much is not 2.5 times");
}

#[test]
fn our_share_counts_only_our_catalog_sales() {
    // We also sell furniture, which is not in the catalog: our share of the category stays 100%.
    let h = health(&data(36, |_| vec![(US, BOLTS, 8_000.0), (US, FURNITURE, 5_000.0)]), end(35));
    assert_eq!(h.share, Some(1.0));
}

#[test]
fn growth_is_an_opportunity_not_a_risk() {
    let grower = |m: usize| vec![(US, BOLTS, if m < 30 { 2_000.0 } else { 9_000.0 })];
    let h = health(&data(36, grower), end(35));
    assert!(signal(&h, SignalKind::GrowthOpportunity).is_some());
    assert_eq!(h.level, Level::Green);
}

#[test]
fn thin_customers_raise_nothing() {
    let thin = |m: usize| {
        if m < 30 {
            vec![(US, BOLTS, 300.0)]
        } else if m.is_multiple_of(2) {
            vec![(RIVAL, BOLTS, 250.0)]
        } else {
            vec![]
        }
    };
    let h = health(&data(36, thin), end(35));
    assert_eq!(h.level, Level::Green, "{:#?}", h.signals);
}

#[test]
fn one_odd_month_is_not_a_signal() {
    // The share collapses in the last month only: not yet confirmed.
    let blip = |m: usize| if m < 35 { steady(m) } else { vec![(US, BOLTS, 1_000.0), (RIVAL, BOLTS, 9_000.0)] };
    assert!(signal(&health(&data(36, blip), end(35)), SignalKind::ShareDecline).is_none());
}

#[test]
fn data_after_the_as_of_date_changes_nothing() {
    let slide = |m: usize| if m < 28 { steady(m) } else { vec![(US, BOLTS, 4_000.0), (RIVAL, BOLTS, 6_000.0)] };
    let short = health(&data(30, slide), end(29));
    let long = health(&data(40, slide), end(29));
    assert_eq!(short, long);
}

#[test]
fn a_mid_month_as_of_date_compares_equal_trailing_months() {
    // Shipments fall on the 15th. As of the 20th, the last 12 months are the 15ths of months 24–35;
    // as of the 14th, those of months 23–34: twelve whole trailing months either way.
    let ours = |months: std::ops::RangeInclusive<usize>| months.map(|m| Cents::from_dollars(steady(m)[0].2).expect("c")).sum::<Cents>();
    let h_20th = health(&data(36, steady), month_day(35, 20));
    assert_eq!(h_20th.ours_12m, ours(24..=35));
    assert_eq!(h_20th.level, Level::Green);
    let h_14th = health(&data(36, steady), month_day(35, 14));
    assert_eq!(h_14th.ours_12m, ours(23..=34));
}

mod cases;
mod lost;
mod rhythm;
mod suppliers;
