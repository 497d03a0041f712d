//! Cross-sell on a small hand-made market. Months run from January 2024 (0) to December 2025 (23);
//! supplier 100 is us (bolts 731815 is our catalog), 200 a known competitor, 300+ other suppliers.
//! Customer 1 is ours and buys related and unrelated goods from others; customer 2 buys only bolts
//! from us. Buyers 10–29 import bolts from others (our category), and 12 of them also buy
//! screwdrivers; buyers 40–79 import tiles and furniture only; every category buyer takes tiles too.

use super::*;
use crate::model::{Cents, Company, Precision, RecordDate, Shipment};
use chrono::Months;

const US: i64 = 100;
const RIVAL: i64 = 200;
const TOOLMAKER: i64 = 300;
const OTHER: i64 = 301;
const BOLTS: u32 = 731815;
const SPRING_WASHERS: u32 = 731821;
const STEEL_ARTICLES: u32 = 732690;
const SCREWDRIVERS: u32 = 820540;
const DRILLS: u32 = 846721;
const FURNITURE: u32 = 940360;
const TILES: u32 = 690721;

fn day(m: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 10).and_then(|d| d.checked_add_months(Months::new(m as u32))).expect("date")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

struct Market(Dataset);

impl Market {
    fn buy(&mut self, m: usize, buyer: i64, supplier: i64, hs6: u32, dollars: f64, kg: Option<f64>) {
        for id in [buyer, supplier] {
            self.0.companies.entry(CompanyId(id)).or_insert_with(|| Company {
                id: CompanyId(id),
                name: format!("CO {id}"),
                ..Default::default()
            });
        }
        self.0.shipments.push(Shipment {
            date: RecordDate { day: day(m), precision: Precision::Day },
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(hs6),
            value: Cents::from_dollars(dollars).expect("dollars"),
            weight_kg: kg,
            origin: None,
            destination: None,
        });
    }
}

fn market() -> Dataset {
    let mut d = Market(Dataset { catalog: vec!["731815".into()], ..Default::default() });
    for m in 0..24 {
        // Customer 1: bolts mostly from us; related goods from others, growing in the second year.
        d.buy(m, 1, US, BOLTS, 8_000.0, None);
        d.buy(m, 1, RIVAL, BOLTS, 2_000.0, None);
        let grow = if m >= 12 { 1.5 } else { 1.0 };
        d.buy(m, 1, RIVAL, SPRING_WASHERS, 1_000.0 * grow, Some(500.0));
        d.buy(m, 1, OTHER, SPRING_WASHERS, 500.0 * grow, None);
        d.buy(m, 1, TOOLMAKER, SCREWDRIVERS, 2_000.0, Some(100.0));
        d.buy(m, 1, TOOLMAKER, DRILLS, 3_000.0, None);
        d.buy(m, 1, OTHER, STEEL_ARTICLES, 400.0, None);
        d.buy(m, 1, OTHER, FURNITURE, 5_000.0, None);
        d.buy(m, 1, OTHER, TILES, 4_000.0, None);
        // Customer 2: only bolts, only from us.
        d.buy(m, 2, US, BOLTS, 3_000.0, None);
    }
    for buyer in 10..30 {
        d.buy(20, buyer, RIVAL, BOLTS, 5_000.0, None);
        d.buy(20, buyer, OTHER, TILES, 1_000.0, None);
        if buyer < 22 {
            d.buy(21, buyer, TOOLMAKER, SCREWDRIVERS, 800.0, None);
        }
    }
    for buyer in 40..80 {
        d.buy(19, buyer, OTHER, TILES, 2_000.0, None);
        d.buy(19, buyer, OTHER, FURNITURE, 2_000.0, None);
    }
    d.0.me.insert(CompanyId(US));
    d.0.competitors.insert(CompanyId(RIVAL));
    d.0.descriptions.insert(Hs6(SCREWDRIVERS), "SCREWDRIVERS CR-V".into());
    d.0
}

fn gaps_of(report: &CrossSellReport, id: i64) -> &CustomerGaps {
    report.customers.iter().find(|c| c.id == CompanyId(id)).expect("customer of ours")
}

fn codes(c: &CustomerGaps) -> Vec<u32> {
    let mut v: Vec<u32> = c.gaps.iter().map(|g| g.hs.0).collect();
    v.sort();
    v
}

#[test]
fn related_codes_are_found_by_heading_chapter_and_co_purchase() {
    let report = crosssell(&market(), as_of(), &[], None);
    let c1 = gaps_of(&report, 1);
    assert_eq!(codes(c1), vec![SPRING_WASHERS, STEEL_ARTICLES, SCREWDRIVERS], "drills need a bundle; furniture and tiles never");
    let kind = |code: u32| c1.gaps.iter().find(|g| g.hs.0 == code).map(|g| g.relations[0].clone()).expect("gap");
    assert_eq!(kind(SPRING_WASHERS), Relation::SameHeading { heading: 7318 });
    assert_eq!(kind(STEEL_ARTICLES), Relation::SameChapter { chapter: 73 });
    let Relation::CoPurchase { buyers, support, rate, baseline, lift } = kind(SCREWDRIVERS) else { panic!("co-purchase expected") };
    // Category buyers: customers 1, 2 and 10–29 (22); screwdrivers: customer 1 and 10–21, all 13
    // of them category buyers. Buyers of the other products outside our catalog: customer 1,
    // 10–29 (tiles) and 40–79 (tiles, furniture): 61, of whom 21 buy our category.
    assert_eq!(buyers, 13);
    assert!((support - 13.0 / 22.0).abs() < 1e-9);
    assert_eq!(rate, 1.0);
    assert!((baseline - 21.0 / 61.0).abs() < 1e-9);
    assert!((lift - (14.0 / 15.0) / (22.0 / 63.0)).abs() < 1e-9, "{lift}");
    let drivers = c1.gaps.iter().find(|g| g.hs.0 == SCREWDRIVERS).expect("gap");
    assert!(
        drivers.reason.starts_with("100% of its buyers also buy our kind of products, against 34% of the buyers of other products"),
        "{}",
        drivers.reason
    );
    assert_eq!(c1.gaps.last().map(|g| g.hs.0), Some(STEEL_ARTICLES), "the chapter-only gap comes last");
    assert!(gaps_of(&report, 2).gaps.is_empty(), "a customer that buys only our products has no gaps");
}

#[test]
fn when_every_buyer_buys_our_category_co_purchase_relates_nothing() {
    let mut data = market();
    data.shipments.retain(|s| !(40..80).contains(&s.buyer.0));
    let ours = OurCodes::new(&data, as_of());
    let related = relations(&data, as_of(), &ours, &[]);
    assert!(!related.by_code.contains_key(&Hs6(SCREWDRIVERS)), "every product's buyers buy our category: nothing stands out");
    assert!(!related.by_code.contains_key(&Hs6(TILES)));
    assert!(related.by_code.contains_key(&Hs6(SPRING_WASHERS)), "the heading still relates");
}

#[test]
fn tiles_everyone_buys_and_our_own_codes_are_not_gaps() {
    let data = market();
    let ours = OurCodes::new(&data, as_of());
    let related = relations(&data, as_of(), &ours, &[]);
    assert!(!related.by_code.contains_key(&Hs6(TILES)), "bought by category buyers no more often than by others");
    assert!(!related.by_code.contains_key(&Hs6(FURNITURE)));
    assert!(!related.by_code.contains_key(&Hs6(BOLTS)), "ours, though customer 1 also buys it from a competitor");
}

#[test]
fn a_bundle_makes_its_other_parts_gaps() {
    let kit = Bundle { name: "Assembly kit".into(), codes: vec!["731815".into(), "8467".into()] };
    let unrelated = Bundle { name: "Home".into(), codes: vec!["9403".into(), "6907".into()] };
    let report = crosssell(&market(), as_of(), &[kit, unrelated], Some(CompanyId(1)));
    let c1 = gaps_of(&report, 1);
    let drills = c1.gaps.iter().find(|g| g.hs.0 == DRILLS).expect("drills through the bundle");
    assert_eq!(drills.relations, vec![Relation::Bundle { name: "Assembly kit".into() }]);
    assert_eq!(drills.reason, "in your bundle \"Assembly kit\"");
    assert!(!codes(c1).contains(&FURNITURE), "a bundle without any of our codes relates nothing to us");
    assert_eq!(report.customers.len(), 1, "only the customer asked for");
}

#[test]
fn each_gap_carries_its_figures_and_opportunity() {
    let report = crosssell(&market(), as_of(), &[], None);
    let c1 = gaps_of(&report, 1);
    assert_eq!(c1.share, Some(0.8), "8k of its 10k bolts a month come from us");
    let washers = c1.gaps.iter().find(|g| g.hs.0 == SPRING_WASHERS).expect("gap");
    assert_eq!(washers.value_12m, 27_000.0, "$2,250 a month in the second year");
    assert_eq!(washers.value_prior_12m, 18_000.0);
    assert_eq!(washers.growth, Some(0.5));
    assert_eq!(washers.opportunity, 27_000.0 * 0.8);
    let names: Vec<(&str, f64, bool)> = washers.suppliers.iter().map(|s| (s.supplier.as_str(), s.share, s.competitor)).collect();
    assert_eq!(names, vec![("CO 200", 2.0 / 3.0, true), ("CO 301", 1.0 / 3.0, false)]);
    assert_eq!(washers.unit_value, Some(3.0), "weighed lots only: the competitor's $1,500 a month over 500 kg");
    let drivers = c1.gaps.iter().find(|g| g.hs.0 == SCREWDRIVERS).expect("gap");
    assert_eq!(drivers.file_description.as_deref(), Some("SCREWDRIVERS CR-V"));
    assert_eq!(drivers.growth, Some(0.0));
    assert!(c1.gaps.windows(2).all(|w| w[0].opportunity >= w[1].opportunity));
    assert_eq!(report.portfolio.first().map(|g| g.hs.0), Some(SPRING_WASHERS), "the largest gap ($21,600) leads the portfolio list");
}

#[test]
fn codes_shipped_after_the_as_of_date_are_not_known_yet() {
    let mut data = market();
    // We start selling spring washers after the as-of date: then they are still a gap.
    data.shipments.push(Shipment {
        date: RecordDate { day: NaiveDate::from_ymd_opt(2026, 2, 1).expect("d"), precision: Precision::Day },
        buyer: CompanyId(2),
        supplier: Some(CompanyId(US)),
        hs6: Hs6(SPRING_WASHERS),
        value: Cents(10_000),
        weight_kg: None,
        origin: None,
        destination: None,
    });
    data.catalog.clear();
    let report = crosssell(&data, as_of(), &[], Some(CompanyId(1)));
    assert!(codes(gaps_of(&report, 1)).contains(&SPRING_WASHERS));
}

#[test]
fn one_customer_is_sized_as_in_the_portfolio() {
    let data = market();
    let all = crosssell(&data, as_of(), &[], None);
    let one = crosssell(&data, as_of(), &[], Some(CompanyId(1)));
    assert_eq!(one.customers.len(), 1);
    assert_eq!(one.customers[0], *gaps_of(&all, 1));
}

#[test]
fn too_few_other_products_to_compare_relate_nothing_by_co_purchase() {
    // Only customer 1's own purchases besides our category: a handful of buyers, nothing to
    // compare a product with.
    let mut data = market();
    data.shipments.retain(|s| s.buyer.0 < 10);
    let ours = OurCodes::new(&data, as_of());
    let related = relations(&data, as_of(), &ours, &[]);
    assert!(related.by_code.values().flatten().all(|r| !matches!(r, Relation::CoPurchase { .. })), "{:?}", related.by_code);
    assert!(related.by_code.contains_key(&Hs6(SPRING_WASHERS)));
}

#[test]
fn a_catalog_defines_the_category_and_its_headings() {
    // With a catalog of nuts only (731816), bolts we ship are ours (never a gap) but not our
    // category, so spring washers relate through the heading of nuts, not of bolts.
    let mut data = market();
    data.catalog = vec!["731816".into()];
    let ours = OurCodes::new(&data, as_of());
    assert!(ours.sells(Hs6(BOLTS)) && !ours.in_category(Hs6(BOLTS)));
    let report = crosssell(&data, as_of(), &[], Some(CompanyId(1)));
    let c1 = gaps_of(&report, 1);
    assert!(!codes(c1).contains(&BOLTS));
    assert_eq!(c1.share, None, "it buys no nuts: the portfolio's median share sizes its gaps");
}
