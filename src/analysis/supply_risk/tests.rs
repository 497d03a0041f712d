//! Supply risk on tiny hand-made portfolios.

use super::*;
use crate::model::{Cents, Company, Hs6, Precision, RecordDate, Shipment};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// Countries 0 CHINA, 1 VIETNAM, 2 INDIA; supplier 10 is us (shipping from China), 11 and 12 rivals.
fn data(rows: &[(NaiveDate, i64, i64, i64, Option<u16>)]) -> Dataset {
    let shipments = rows
        .iter()
        .map(|&(day, buyer, supplier, dollars, origin)| Shipment {
            date: RecordDate { day, precision: Precision::Day },
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(731815),
            value: Cents(dollars * 100),
            weight_kg: None,
            origin,
            destination: None,
        })
        .collect();
    let mut d = Dataset { shipments, countries: vec!["CHINA".into(), "VIETNAM".into(), "INDIA".into()], ..Dataset::default() };
    for (id, name) in [(1, "ACME"), (2, "BETA"), (3, "GAMMA"), (10, "US"), (11, "RIVAL VN"), (12, "RIVAL IN")] {
        d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], keys: vec![] });
    }
    d.me.insert(CompanyId(10));
    d
}

#[test]
fn a_customer_buying_nearly_all_from_one_origin_is_dependent_and_the_portfolio_says_whose_origin() {
    let as_of = d(2025, 12, 31);
    let data = data(&[
        // ACME: 90% from Vietnam (a rival), 10% from us in China.
        (d(2025, 3, 1), 1, 11, 90_000, Some(1)),
        (d(2025, 4, 1), 1, 10, 10_000, Some(0)),
        // BETA: all from us, China: dependent on our own origin.
        (d(2025, 5, 1), 2, 10, 50_000, Some(0)),
        // GAMMA: half us (China), half India; a year before all from us.
        (d(2025, 6, 1), 3, 10, 30_000, Some(0)),
        (d(2025, 7, 1), 3, 12, 30_000, Some(2)),
        (d(2024, 6, 1), 3, 10, 40_000, Some(0)),
    ]);
    let (list, view) = supply_risk(&data, as_of);
    let get = |name: &str| list.iter().find(|r| r.customer == name).expect(name);
    let acme = get("ACME");
    assert_eq!(acme.now.top_origin, Some(("VIETNAM".to_string(), 0.9)));
    assert!(acme.now.origin_dependent() && !acme.our_origin);
    assert!((acme.now.origin_hhi - 0.82).abs() < 1e-9, "0.9² + 0.1²");
    assert!(get("BETA").our_origin && get("BETA").now.origin_dependent());
    let gamma = get("GAMMA");
    assert!(!gamma.now.origin_dependent(), "half and half");
    assert_eq!(gamma.before.top_origin, Some(("CHINA".to_string(), 1.0)), "a year before, all from China");
    assert_eq!(view.our_origin.as_deref(), Some("CHINA"));
    assert_eq!(view.on_our_origin, (1, 50_000.0));
    assert_eq!(view.on_other_origin, (1, 10_000.0));
    assert_eq!(view.spread, (1, 30_000.0));
}

#[test]
fn origins_the_files_do_not_give_are_not_judged() {
    let as_of = d(2025, 12, 31);
    let data = data(&[(d(2025, 3, 1), 1, 10, 80_000, None), (d(2025, 4, 1), 1, 11, 20_000, Some(1))]);
    let (list, view) = supply_risk(&data, as_of);
    let acme = &list[0];
    assert!((acme.now.origin_known - 0.2).abs() < 1e-9);
    assert!(!acme.now.origins_known() && !acme.now.origin_dependent(), "a fifth known is too little to judge");
    assert_eq!(view.unknown, (1, 80_000.0));
    assert_eq!(acme.now.top_supplier, Some(("US".to_string(), 0.8)), "suppliers are still told");
}
