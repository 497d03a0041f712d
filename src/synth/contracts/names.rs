//! Names of the firms and customers of the `contracts` family (a Chinese bearing maker and its
//! trade), and the countries they sit in.

use super::{Rng, uni};
use rand::RngExt;
use std::collections::BTreeSet;

/// Our firm, then the spelling some declarations carry.
pub(super) const US: [&str; 2] = ["Ningbo Huarui Bearing Co., Ltd.", "NINGBO HUARUI BEARING CO LTD"];

/// Rival bearing makers: name, origin, price against ours (a factor per kilogram).
pub(super) const RIVALS: [(&str, &str, f64); 12] = [
    ("Liaoning Tianlun Bearing Co., Ltd.", "China", 0.95),
    ("Zhejiang Xinchang Rolling Parts Co., Ltd.", "China", 0.9),
    ("Shandong Haorun Precision Bearing Co., Ltd.", "China", 1.0),
    ("Vinabear Precision JSC", "Vietnam", 1.0),
    ("Saigon Ball Bearing Co., Ltd.", "Vietnam", 1.05),
    ("Anand Rolling Elements Pvt. Ltd.", "India", 0.95),
    ("Deccan Roller Bearings Ltd.", "India", 1.0),
    ("Hsin-Yi Bearing Industrial Co., Ltd.", "Taiwan", 1.3),
    ("Everroll Precision Corp.", "Taiwan", 1.35),
    ("Ege Rulman Sanayi A.S.", "Turkey", 1.2),
    ("Cuscinetti Brianza S.p.A.", "Italy", 1.9),
    ("Westfalen Waelzlager GmbH", "Germany", 2.2),
];

/// Suppliers of the customers' other products (never bearings): name, origin, codes.
pub(super) const OTHERS: [(&str, &str, &[u32]); 11] = [
    ("Foshan Polymer Components Co., Ltd.", "China", &[392690]),
    ("Xiamen Sealtech Rubber Products Co., Ltd.", "China", &[401693, 848490]),
    ("Shandong Jinyu Ceramics Co., Ltd.", "China", &[690721]),
    ("Handan Yongnian Fastener Factory", "China", &[731815]),
    ("Changzhou Power Transmission Co., Ltd.", "China", &[848340, 848310, 848350]),
    ("Jiangsu Pillow Block Housing Co., Ltd.", "China", &[848320, 848330]),
    ("Tainan Coupling Industries Co., Ltd.", "Taiwan", &[848360]),
    ("Gebze Konveyor Bant A.S.", "Turkey", &[401012]),
    ("Mumbai Lubrichem Ltd.", "India", &[340319]),
    ("Brescia Trasmissioni S.r.l.", "Italy", &[848340, 848360]),
    ("Hai Phong Metal Works JSC", "Vietnam", &[732690]),
];

/// Customer countries (none where a rival is made, so every delivery is an import): name, weight,
/// legal forms (one ending in a space is written before the name).
const COUNTRIES: [(&str, f64, &[&str]); 16] = [
    ("United States", 5.0, &["Inc.", "LLC", "Corp."]),
    ("Mexico", 3.0, &["S.A. de C.V."]),
    ("Brazil", 2.5, &["Ltda.", "S.A."]),
    ("Chile", 1.0, &["S.A.", "SpA"]),
    ("Colombia", 1.0, &["S.A.S."]),
    ("Peru", 0.8, &["S.A.C."]),
    ("Poland", 1.5, &["Sp. z o.o."]),
    ("Spain", 1.5, &["S.L.", "S.A."]),
    ("United Kingdom", 1.5, &["Ltd"]),
    ("South Africa", 1.0, &["(Pty) Ltd"]),
    ("Indonesia", 1.5, &["PT "]),
    ("Thailand", 1.5, &["Co., Ltd."]),
    ("Saudi Arabia", 1.0, &["Trading Est.", "Co."]),
    ("United Arab Emirates", 1.0, &["LLC", "FZE"]),
    ("Egypt", 0.8, &["S.A.E."]),
    ("Australia", 1.2, &["Pty Ltd"]),
];

const FIRST: [&str; 60] = [
    "Andes",
    "Pacific",
    "Northern",
    "Delta",
    "Summit",
    "Orion",
    "Atlas",
    "Vector",
    "Meridian",
    "Keystone",
    "Falcon",
    "Granite",
    "Harbor",
    "Iron Valley",
    "Lakeside",
    "Redwood",
    "Sierra",
    "Titan",
    "Unity",
    "Vanguard",
    "Apex",
    "Baltic",
    "Condor",
    "Eagle",
    "Frontier",
    "Horizon",
    "Liberty",
    "Mercury",
    "Nova",
    "Phoenix",
    "Polar",
    "Prime",
    "Rio Grande",
    "Solaris",
    "Star",
    "Triton",
    "Zenith",
    "Crown",
    "Coastal",
    "Central",
    "Continental",
    "Dynamic",
    "Evergreen",
    "Golden Gate",
    "Highland",
    "Imperial",
    "Kingsway",
    "Legacy",
    "Metro",
    "Noble",
    "Oasis",
    "Pinnacle",
    "Royal",
    "Silverline",
    "Southern Cross",
    "Unified",
    "Western",
    "Allied",
    "Bright Star",
    "Cobalt",
];

const SECOND: [&str; 18] = [
    "Bearing Supply",
    "Industrial",
    "Motion Parts",
    "Power Transmission",
    "Machinery",
    "Auto Parts",
    "Agri Equipment",
    "Engineering",
    "Distribution",
    "Drives",
    "Mining Supply",
    "Pumps",
    "Conveyors",
    "Trading",
    "Technical Services",
    "Spares",
    "Equipment",
    "Components",
];

/// A customer country drawn by weight (an index for [`country_name`] and [`customer`]).
pub(super) fn country(rng: &mut Rng) -> usize {
    let total: f64 = COUNTRIES.iter().map(|c| c.1).sum();
    let mut x = uni(rng, 0.0, total);
    for (i, c) in COUNTRIES.iter().enumerate() {
        x -= c.1;
        if x < 0.0 {
            return i;
        }
    }
    0
}

/// The name of a customer country.
pub(super) fn country_name(country: usize) -> &'static str {
    COUNTRIES[country % COUNTRIES.len()].0
}

/// A customer name in `country` whose stem (the name without its legal form) was not used before,
/// so that no two customers could be taken for spellings of one firm.
pub(super) fn customer(rng: &mut Rng, country: usize, used: &mut BTreeSet<String>) -> String {
    let forms = COUNTRIES[country % COUNTRIES.len()].2;
    let form = forms[rng.random_range(0..forms.len())];
    let mut stem = String::new();
    for attempt in 0..200 {
        let first = FIRST[rng.random_range(0..FIRST.len())];
        let second = SECOND[rng.random_range(0..SECOND.len())];
        // Past many attempts the combinations run short: a number keeps the stems distinct.
        stem = if attempt < 50 { format!("{first} {second}") } else { format!("{first} {second} {attempt}") };
        if !used.contains(&stem) {
            break;
        }
    }
    used.insert(stem.clone());
    if form.ends_with(' ') { format!("{form}{stem}") } else { format!("{stem} {form}") }
}
