//! Groups and penetration on hand-made importers. Supplier 100 is us (bolts 731815), 200 a
//! competitor. KIWI TIMBER (1) buys bolts from us; its sister KIWI TIMBER NZ (2) only from the
//! competitor. IMPERIAL HURTOWNIA (3) and IMPERIAL ENGINEERING (4) are unrelated. ACME (5) and
//! ACME FRANCE (6) are a family we serve both of.

use super::*;
use crate::model::{Cents, Company, Hs6, Precision, RecordDate, Shipment};

const US: i64 = 100;
const RIVAL: i64 = 200;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).expect("date")
}

fn data() -> Dataset {
    let mut d = Dataset { catalog: vec!["731815".into()], countries: vec!["AUSTRALIA".into(), "NEW ZEALAND".into()], ..Default::default() };
    let names = [
        (1, "KIWI TIMBER PTY LTD", "KIWI TIMBER"),
        (2, "KIWI TIMBER NZ LIMITED", "KIWI TIMBER NZ"),
        (3, "IMPERIAL HURTOWNIA SP Z O O", "IMPERIAL HURTOWNIA"),
        (4, "IMPERIAL ENGINEERING EST", "IMPERIAL ENGINEERING"),
        (5, "ACME GMBH", "ACME"),
        (6, "ACME FRANCE SAS", "ACME FRANCE"),
        (US, "US", "US"),
        (RIVAL, "RIVAL CO", "RIVAL"),
    ];
    for (id, name, key) in names {
        d.companies
            .insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], keys: vec![key.into()] });
    }
    d.me.insert(CompanyId(US));
    d.competitors.insert(CompanyId(RIVAL));
    let mut buy = |m: u32, buyer: i64, supplier: i64, dollars: f64, country: u16| {
        d.shipments.push(Shipment {
            date: RecordDate { day: NaiveDate::from_ymd_opt(2025, m, 10).expect("d"), precision: Precision::Day },
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(731815),
            value: Cents::from_dollars(dollars).expect("dollars"),
            weight_kg: None,
            origin: None,
            destination: Some(country),
        });
    };
    for m in 1..=12 {
        buy(m, 1, US, 10_000.0, 0);
        buy(m, 2, RIVAL, 6_000.0, 1);
        buy(m, 3, US, 5_000.0, 0);
        buy(m, 4, RIVAL, 9_000.0, 0);
        buy(m, 5, US, 2_000.0, 0);
        buy(m, 6, US, 1_000.0, 0);
    }
    d
}

#[test]
fn a_suggested_family_lists_the_sister_we_do_not_serve() {
    let report = groups(&data(), as_of(), &[], &HashMap::new());
    let names: Vec<(&str, bool)> = report.groups.iter().map(|g| (g.name.as_str(), g.suggested)).collect();
    assert_eq!(names, vec![("KIWI TIMBER", true), ("ACME", true)], "IMPERIAL's two are different businesses");
    let kiwi = &report.groups[0];
    assert_eq!(kiwi.referral_value, 72_000.0);
    let missing = &kiwi.missing_members[0];
    assert_eq!((missing.customer.as_str(), missing.country.as_deref()), ("KIWI TIMBER NZ LIMITED", Some("NEW ZEALAND")));
    assert_eq!(
        (missing.suppliers[0].supplier.as_str(), missing.suppliers[0].share, missing.suppliers[0].competitor),
        ("RIVAL CO", 1.0, true)
    );
    assert_eq!(kiwi.members[0].our_sales_12m, 120_000.0);
    assert!(report.groups[1].missing_members.is_empty(), "we serve both ACME companies");
}

#[test]
fn answers_are_remembered_and_user_groups_come_first_class() {
    let mut answers = HashMap::new();
    answers.insert(
        "KIWI TIMBER".to_string(),
        SuggestionAnswer { answer: GroupAnswer::Rejected, members: vec![CompanyId(1), CompanyId(2)], group: None },
    );
    let user = vec![CompanyGroup { name: "Imperial (confirmed by phone)".into(), members: vec![CompanyId(3), CompanyId(4)] }];
    let report = groups(&data(), as_of(), &user, &answers);
    let names: Vec<(&str, bool)> = report.groups.iter().map(|g| (g.name.as_str(), g.suggested)).collect();
    assert_eq!(names, vec![("Imperial (confirmed by phone)", false), ("ACME", true)], "a rejected suggestion never returns");
    assert_eq!(report.groups[0].missing_members[0].customer, "IMPERIAL ENGINEERING EST");
    assert_eq!(report.groups[0].referral_value, 108_000.0);
}

#[test]
fn families_of_strangers_are_not_suggested() {
    let mut d = data();
    // Nobody in the KIWI family buys from us any more.
    d.shipments.retain(|s| s.buyer != CompanyId(1));
    let report = groups(&d, as_of(), &[], &HashMap::new());
    assert!(report.groups.iter().all(|g| g.name != "KIWI TIMBER"));
}

#[test]
fn a_company_joining_an_answered_suggestion_is_offered() {
    let mut d = data();
    // A third KIWI TIMBER company appears in a later import.
    d.companies.insert(
        CompanyId(7),
        Company { id: CompanyId(7), name: "KIWI TIMBER FIJI LTD".into(), aliases: vec![], keys: vec!["KIWI TIMBER FIJI".into()] },
    );
    d.shipments.push(Shipment {
        date: RecordDate { day: NaiveDate::from_ymd_opt(2025, 12, 1).expect("d"), precision: Precision::Day },
        buyer: CompanyId(7),
        supplier: Some(CompanyId(RIVAL)),
        hs6: Hs6(731815),
        value: Cents::from_dollars(5_000.0).expect("dollars"),
        weight_kg: None,
        origin: None,
        destination: None,
    });
    let rejected = SuggestionAnswer { answer: GroupAnswer::Rejected, members: vec![CompanyId(1), CompanyId(2)], group: None };
    let report = groups(&d, as_of(), &[], &[("KIWI TIMBER".to_string(), rejected)].into_iter().collect());
    let again = report.groups.iter().find(|g| g.name == "KIWI TIMBER").expect("offered again");
    assert_eq!((again.suggested, again.new_members.clone()), (true, vec!["KIWI TIMBER FIJI LTD".to_string()]));
    // Accepted as a group of two: the newcomer is offered as an addition to that group.
    let group = CompanyGroup { name: "Kiwi".into(), members: vec![CompanyId(1), CompanyId(2)] };
    let accepted =
        SuggestionAnswer { answer: GroupAnswer::Accepted, members: vec![CompanyId(1), CompanyId(2)], group: Some("Kiwi".into()) };
    let report = groups(&d, as_of(), std::slice::from_ref(&group), &[("KIWI TIMBER".to_string(), accepted.clone())].into_iter().collect());
    let addition = report.groups.iter().find(|g| g.suggested).expect("an addition");
    assert_eq!(addition.adds_to.as_deref(), Some("Kiwi"));
    assert_eq!(addition.new_members, vec!["KIWI TIMBER FIJI LTD".to_string()]);
    // Without a newcomer, an accepted suggestion stays quiet.
    let report = groups(&data(), as_of(), &[group], &[("KIWI TIMBER".to_string(), accepted)].into_iter().collect());
    assert!(report.groups.iter().all(|g| !g.suggested || g.name != "KIWI TIMBER"));
}
