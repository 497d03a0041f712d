//! Market positions on tiny hand-made markets.

use super::*;
use crate::model::{Cents, Company, Hs6, Precision, RecordDate, Shipment};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// Importers 1–8 in Kenya (country 0), importer 20 alone in Peru (country 1); supplier 10 is us,
/// 11 a rival. Each row: day, buyer, supplier, dollars, country.
fn data(rows: &[(NaiveDate, i64, i64, i64, u16)]) -> Dataset {
    let shipments = rows
        .iter()
        .map(|&(day, buyer, supplier, dollars, country)| Shipment {
            date: RecordDate { day, precision: Precision::Day },
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(690721),
            value: Cents(dollars * 100),
            weight_kg: None,
            origin: None,
            destination: Some(country),
        })
        .collect();
    let mut d = Dataset { shipments, countries: vec!["KENYA".into(), "PERU".into()], ..Dataset::default() };
    for id in [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 20] {
        let name = format!("CO {id}");
        d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.clone(), aliases: vec![name], keys: vec![] });
    }
    d.me.insert(CompanyId(10));
    d
}

#[test]
fn a_customer_climbing_a_full_market_is_a_riser_a_large_one_a_leader_and_a_lone_importer_thin() {
    let (now, before) = (d(2025, 6, 1), d(2024, 6, 1));
    let mut rows = vec![];
    // Kenya: importers 1–3 large and steady, 4–7 middling; 8 (ours) doubles its share.
    for (id, v) in [(1, 400_000), (2, 300_000), (3, 200_000), (4, 60_000), (5, 60_000), (6, 60_000), (7, 60_000)] {
        rows.push((now, id, 11, v, 0));
        rows.push((before, id, 11, v, 0));
    }
    rows.push((now, 8, 10, 50_000, 0));
    rows.push((before, 8, 10, 20_000, 0));
    rows.push((now, 1, 10, 10_000, 0)); // we also sell to the market's leader
    // Peru: one importer in the files.
    rows.push((now, 20, 10, 90_000, 1));
    let list = positions(&data(&rows), d(2025, 12, 31));
    let get = |id: i64| list.iter().find(|p| p.id == CompanyId(id)).expect("a position");
    let riser = get(8);
    assert_eq!((riser.country.as_str(), riser.importers, riser.rank), ("KENYA", 8, 8));
    assert_eq!(riser.standing, Standing::Riser, "{riser:?}");
    assert!(riser.share_before.is_some_and(|b| riser.share > b * 2.0));
    assert_eq!(get(1).standing, Standing::Leader);
    assert_eq!(get(1).rank, 1);
    let lone = get(20);
    assert_eq!((lone.standing, lone.importers), (Standing::Thin, 1), "one importer is no market to rank in");
    assert!(list.iter().all(|p| p.id != CompanyId(2)), "only customers of ours");
    let line = riser.message().render(crate::model::Lang::Zh);
    assert!(line.contains("肯尼亚") && line.contains("8"), "{line}");
}

#[test]
fn a_customer_losing_half_its_share_is_fading() {
    let (now, before) = (d(2025, 6, 1), d(2024, 6, 1));
    let mut rows = vec![];
    for (id, v) in [(1, 400_000), (2, 300_000), (3, 200_000), (4, 60_000), (5, 60_000), (6, 60_000)] {
        rows.push((now, id, 11, v, 0));
        rows.push((before, id, 11, v, 0));
    }
    rows.push((now, 8, 10, 20_000, 0));
    rows.push((before, 8, 10, 50_000, 0));
    let list = positions(&data(&rows), d(2025, 12, 31));
    assert_eq!(list.iter().find(|p| p.id == CompanyId(8)).map(|p| p.standing), Some(Standing::Fading));
}
