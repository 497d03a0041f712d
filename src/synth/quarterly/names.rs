//! The family's companies: rival makers, suppliers of other products, and the words customer names
//! are drawn from.

use super::Rng;
use rand::RngExt;
use std::collections::BTreeSet;

/// Rival fastener makers: name, origin, declared a competitor, popularity.
pub(super) const RIVALS: [(&str, &str, bool, f64); 10] = [
    ("Zhejiang Haiyan Bolt Co., Ltd.", "China", true, 1.0),
    ("Jiaxing Sunrise Fasteners Co., Ltd.", "China", false, 0.9),
    ("Hanoi Fastening Industries JSC", "Vietnam", true, 0.7),
    ("Ludhiana Precision Screws Pvt. Ltd.", "India", false, 0.6),
    ("Kaohsiung Screw Works Co., Ltd.", "Taiwan", true, 0.8),
    ("Bursa Civata Sanayi A.S.", "Turkey", false, 0.5),
    ("Viteria Lombarda S.p.A.", "Italy", true, 0.4),
    ("Tianjin Everbright Hardware Co., Ltd.", "China", false, 0.8),
    ("Binh Duong Metal Parts JSC", "Vietnam", false, 0.5),
    ("Chennai Bolt & Nut Ltd.", "India", true, 0.6),
];

/// Suppliers of the other products (related chapter-73 codes we don't make, and unrelated ones).
pub(super) const OTHERS: [(&str, &str, u32, f64); 12] = [
    ("Hebei Yongnian Wire Nail Co., Ltd.", "China", 731700, 0.9),
    ("Tangshan Metalworks Co., Ltd.", "China", 732690, 2.0),
    ("Cangzhou Pipe Fittings Co., Ltd.", "China", 730799, 2.4),
    ("Anatolia Boru Baglanti A.S.", "Turkey", 730799, 3.0),
    ("Saigon Plastic Components JSC", "Vietnam", 392690, 3.5),
    ("Ningbo Huaxin Plastics Co., Ltd.", "China", 392690, 3.0),
    ("Penang Rubber Seals Sdn. Bhd.", "Malaysia", 401693, 6.0),
    ("Xingtai Sealing Technology Co., Ltd.", "China", 401693, 5.0),
    ("Foshan Oceanland Ceramics Co., Ltd.", "China", 690721, 0.45),
    ("Castellon Tile Export S.L.", "Spain", 690721, 0.7),
    ("Wenzhou Valve Industry Co., Ltd.", "China", 848180, 7.0),
    ("Gujarat Steel Articles Pvt. Ltd.", "India", 732690, 2.2),
];

/// Customer countries, each with a legal form (`country:form|…`), and the words of their names.
pub(super) const COUNTRIES: &str = "United States:Inc.|United States:LLC|Germany:GmbH|Mexico:S.A. de C.V.|Brazil:Ltda.|Poland:Sp. z o.o.|\
    United Arab Emirates:LLC|Australia:Pty Ltd|United Kingdom:Ltd|Netherlands:B.V.|Chile:SpA|Saudi Arabia:Co.|\
    South Africa:(Pty) Ltd|Canada:Inc.|Italy:S.r.l.";
pub(super) const FIRST_WORDS: &str = "Atlas|Northern|Pacific|Summit|Keystone|Meridian|Baltic|Andes|Delta|Harbor|Redwood|Granite|Falcon|Orion|\
    Central|Coastal|Prairie|Union|Vanguard|Pioneer|Crown|Sterling|Apex|Horizon|Eagle|Liberty|Nordic|Sierra|Titan|Unity|Western|Capital";
pub(super) const SECOND_WORDS: &str = "Fastening|Industrial Supply|Hardware|Building Products|Bolt & Nut|Construction Supply|Fixings|\
    Tool & Fastener|Engineering Supply|Trading|Steel Components|Distribution";

/// A distinct company name and its country.
pub(super) fn company_name(rng: &mut Rng, taken: &mut BTreeSet<String>) -> (String, &'static str) {
    let draw = |rng: &mut Rng, list: &'static str| list.split('|').nth(rng.random_range(0..list.split('|').count())).unwrap_or_default();
    let (country, legal) = draw(rng, COUNTRIES).split_once(':').unwrap_or(("United States", "Inc."));
    for attempt in 0.. {
        let (first, second) = (draw(rng, FIRST_WORDS), draw(rng, SECOND_WORDS));
        // After many collisions a branch number keeps the name distinct.
        let name = if attempt < 20 { format!("{first} {second} {legal}") } else { format!("{first} {second} {attempt} {legal}") };
        if taken.insert(name.clone()) {
            return (name, country);
        }
    }
    (String::new(), country)
}
