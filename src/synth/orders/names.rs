//! Names, codes and places of the `orders` family: us, the rivals, the other suppliers, the
//! customers' countries and names.

use super::draw::pick;
use crate::model::CompanyId;
use crate::synth::PortfolioBuilder;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

/// Our firm, as customs files spell it (two spellings).
pub(super) const US: [&str; 2] = ["Ningbo Hengtai Fastener Manufacturing Co., Ltd.", "NINGBO HENGTAI FASTENER MFG CO LTD"];
/// Our codes (HS 7318 screws, bolts, nuts, washers) with a price in USD per kg.
pub(super) const OUR_CODES: [(u32, f64); 6] = [(731815, 2.0), (731816, 1.9), (731814, 2.4), (731811, 2.2), (731812, 2.6), (731822, 1.7)];
/// Rival fastener makers: name, origin, popularity.
pub(super) const RIVALS: [(&str, &str, f64); 12] = [
    ("Jiaxing Haiyan Standard Parts Co., Ltd.", "China", 1.6),
    ("Zhejiang Guosheng Fastener Co., Ltd.", "China", 1.4),
    ("Handan Yongnian Bolt Manufacturing Co.", "China", 1.2),
    ("Vina Fasteners Joint Stock Company", "Vietnam", 1.0),
    ("Saigon Precision Screw Co., Ltd.", "Vietnam", 0.7),
    ("Ludhiana Bolts & Nuts Pvt. Ltd.", "India", 0.9),
    ("Rajkot Forge Fasteners Pvt. Ltd.", "India", 0.6),
    ("Kaohsiung Tai Feng Screw Industrial Co.", "Taiwan", 1.0),
    ("Tainan Ever Bright Fastener Corp.", "Taiwan", 0.7),
    ("Bursa Demir Civata San. ve Tic. A.S.", "Turkey", 0.8),
    ("Viterie Lombarda S.p.A.", "Italy", 0.5),
    ("Bulloneria Emiliana S.r.l.", "Italy", 0.4),
];
/// Suppliers of other products: name, origin, code, USD per kg.
pub(super) const OTHERS: [(&str, &str, u32, f64); 14] = [
    ("Wuxi Spring Washer Works Co., Ltd.", "China", 731821, 2.5),
    ("Jiangyin Rivet Co., Ltd.", "China", 731823, 3.0),
    ("Pune Rivets & Cotters Pvt. Ltd.", "India", 731824, 3.2),
    ("Hebei Nail Products Co., Ltd.", "China", 731700, 1.2),
    ("Changzhou Hardware Stamping Co.", "China", 732690, 3.5),
    ("Kocaeli Metal Parca A.S.", "Turkey", 732690, 4.0),
    ("Dongguan Plastic Parts Co., Ltd.", "China", 392690, 4.5),
    ("Bangkok Polymer Industries Co., Ltd.", "Thailand", 392690, 4.8),
    ("Xiamen Rubber Seal Co., Ltd.", "China", 401693, 7.0),
    ("Penang Elastomer Sdn. Bhd.", "Malaysia", 401693, 7.5),
    ("Foshan Jinyi Ceramics Co., Ltd.", "China", 690721, 0.6),
    ("Castellon Azulejos S.L.", "Spain", 690721, 0.9),
    ("Wenzhou Valve Group Co., Ltd.", "China", 848180, 9.0),
    ("Yuyao Hand Tools Co., Ltd.", "China", 820559, 5.0),
];
/// Customer countries: name, legal forms, weight.
pub(super) const COUNTRIES: [(&str, &[&str], f64); 15] = [
    ("United States", &["Inc.", "LLC", "Corp."], 0.22),
    ("Germany", &["GmbH", "GmbH & Co. KG"], 0.08),
    ("Mexico", &["S.A. de C.V."], 0.08),
    ("Brazil", &["Ltda."], 0.06),
    ("Poland", &["Sp. z o.o."], 0.05),
    ("United Kingdom", &["Ltd"], 0.07),
    ("Canada", &["Inc.", "Ltd."], 0.05),
    ("Australia", &["Pty Ltd"], 0.06),
    ("Netherlands", &["B.V."], 0.04),
    ("Spain", &["S.L."], 0.04),
    ("Chile", &["SpA", "Ltda."], 0.04),
    ("Saudi Arabia", &["Co."], 0.05),
    ("United Arab Emirates", &["LLC", "FZE"], 0.06),
    ("South Africa", &["(Pty) Ltd"], 0.04),
    ("Thailand", &["Co., Ltd."], 0.06),
];
pub(super) const NAME_A: [&str; 50] = [
    "Atlas",
    "Baltic",
    "Cascade",
    "Delta",
    "Eagle",
    "Falcon",
    "Granite",
    "Harbor",
    "Ironside",
    "Keystone",
    "Liberty",
    "Meridian",
    "Northstar",
    "Orion",
    "Pacific",
    "Pioneer",
    "Summit",
    "Titan",
    "Unity",
    "Vertex",
    "Westfield",
    "Zenith",
    "Apex",
    "Beacon",
    "Crown",
    "Dynamo",
    "Evergreen",
    "Frontier",
    "Globe",
    "Heritage",
    "Imperial",
    "Jupiter",
    "Kingston",
    "Landmark",
    "Metro",
    "Nova",
    "Omega",
    "Prime",
    "Quantum",
    "Royal",
    "Sterling",
    "Trident",
    "Vanguard",
    "Anchor",
    "Bridgeway",
    "Coastal",
    "Redwood",
    "Silverline",
    "Blue Ridge",
    "Continental",
];
pub(super) const NAME_B: [&str; 16] = [
    "Fasteners",
    "Hardware",
    "Industrial Supply",
    "Building Products",
    "Bolt & Nut",
    "Construction Supply",
    "Tools",
    "Components",
    "Fixings",
    "Distribution",
    "Trading",
    "Supply",
    "Fixing Systems",
    "Industrial",
    "Hardware Wholesale",
    "Metalworks",
];

/// A new importer with a unique name and its country.
pub(super) fn new_buyer(b: &mut PortfolioBuilder, rng: &mut ChaCha8Rng, used: &mut BTreeSet<String>) -> (CompanyId, u16) {
    let (country, forms, _) = COUNTRIES[pick(rng, &COUNTRIES.map(|c| c.2))];
    let form = forms[rng.random_range(0..forms.len())];
    let mut name = String::new();
    for attempt in 0..100 {
        let a = NAME_A[rng.random_range(0..NAME_A.len())];
        let bb = NAME_B[rng.random_range(0..NAME_B.len())];
        name = if attempt < 50 { format!("{a} {bb} {form}") } else { format!("{a} {bb} {} {form}", attempt) };
        if !used.contains(&name) {
            break;
        }
    }
    used.insert(name.clone());
    (b.company(&name), b.country(country))
}

/// The price level per kg of a maker from `country`, relative to a Chinese one (weights only).
pub(super) fn origin_price(country: &str) -> f64 {
    match country {
        "Italy" | "Spain" => 1.6,
        "Taiwan" => 1.2,
        "Turkey" => 1.1,
        "Vietnam" | "India" => 0.95,
        _ => 1.0,
    }
}
