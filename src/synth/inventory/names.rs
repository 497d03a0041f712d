//! The fixed cast of the `inventory` family: our firm, the rival valve makers, the makers of the
//! customers' other products, the customers' countries and the words their names are made of.

/// Our firm (a Chinese valve maker) under its usual spelling.
pub const US: &str = "Zhejiang Tianyu Valve Co., Ltd.";
/// The spelling a minority of declarations use for us.
pub const US_ALIAS: &str = "ZHEJIANG TIANYU VALVE CO LTD";
/// Our origin country.
pub const US_ORIGIN: &str = "China";

/// Our catalog (heading 8481) with how often a customer stocks each code: pressure-reducing
/// valves, check valves, safety valves, other taps and valves (ball, gate, globe).
pub const OUR_CODES: [(u32, f64); 4] = [(848180, 0.45), (848130, 0.2), (848110, 0.15), (848140, 0.2)];

/// Rival valve makers: name, origin and price range relative to ours (the same goods).
pub const RIVALS: [(&str, &str, f64, f64); 12] = [
    ("Ningbo Hongda Valve Manufacturing Co., Ltd.", "China", 0.92, 1.00),
    ("Wenzhou Ouhai Fluid Control Co., Ltd.", "China", 0.90, 0.98),
    ("Tianjin Tanggu Valve Works", "China", 0.93, 1.02),
    ("Vietnam Precision Valve JSC", "Vietnam", 0.90, 1.00),
    ("Saigon Flow Industries Co., Ltd.", "Vietnam", 0.90, 0.98),
    ("Ahmedabad Valves Pvt. Ltd.", "India", 0.90, 1.00),
    ("Coimbatore Flowtech Pvt. Ltd.", "India", 0.90, 0.98),
    ("Taichung Valve Industrial Corp.", "Taiwan", 1.02, 1.10),
    ("Istanbul Vana Sanayi A.S.", "Turkey", 1.02, 1.12),
    ("Bursa Akis Armatur San. Tic. Ltd.", "Turkey", 1.00, 1.10),
    ("Valvole Lombarde S.p.A.", "Italy", 1.08, 1.18),
    ("Rubinetterie Bresciane S.r.l.", "Italy", 1.06, 1.15),
];

/// Days from order to arrival by origin (sea freight from Asia, road from Turkey and Europe).
pub fn lead_days(origin: &str) -> (i64, i64) {
    match origin {
        "China" => (35, 60),
        "Vietnam" => (25, 45),
        "India" | "Taiwan" => (30, 50),
        "Japan" | "Korea" => (32, 55),
        "Turkey" => (15, 30),
        "Italy" | "Spain" => (10, 20),
        _ => (5, 14),
    }
}

/// A maker of other products: name and origin.
pub type Maker = (&'static str, &'static str);

/// The customers' other products: families of codes we don't make, each with its makers and origins.
pub const OTHER_FAMILIES: [(&[u32], &[Maker]); 6] = [
    (&[841370, 841391], &[("Shanghai Kaiquan Pump Group Co.", "China"), ("Grundwerk Pumpen GmbH", "Germany")]),
    (&[848210, 848220], &[("Harbin Bearing Manufacturing Co.", "China"), ("Koyo-Seiki Bearing Co.", "Japan")]),
    (&[848420, 401693], &[("Dichtungstechnik Sauer GmbH", "Germany"), ("Xiamen Rubber Seal Co., Ltd.", "China")]),
    (
        &[848120, 848190],
        &[("Jiangsu Hydraulic Components Co.", "China"), ("Hydraulik Nord GmbH", "Germany"), ("Pune Castings Pvt. Ltd.", "India")],
    ),
    (&[392690, 391740], &[("Guangzhou Plastic Products Co.", "China"), ("Polimeros del Levante S.L.", "Spain")]),
    (
        &[690721, 690722],
        &[("Foshan Ceramic Tile Co., Ltd.", "China"), ("Ceramica Castellon S.A.", "Spain"), ("Kale Seramik A.S.", "Turkey")],
    ),
];

/// Reference value per kilogram of a code (USD), for the shipments' weights.
pub fn usd_per_kg(hs6: u32) -> f64 {
    match hs6 {
        848110 => 9.0,
        848130 => 6.5,
        848140 => 10.0,
        848180 => 7.5,
        848120 => 14.0,
        848190 => 6.0,
        841370 => 8.0,
        841391 => 9.0,
        848210 | 848220 => 12.0,
        848420 => 30.0,
        401693 => 6.0,
        392690 | 391740 => 5.0,
        690721 | 690722 => 0.5,
        _ => 5.0,
    }
}

/// Where the customers are, with the legal form their names end with.
pub const DESTINATIONS: [(&str, &str); 14] = [
    ("Germany", "GmbH"),
    ("Poland", "Sp. z o.o."),
    ("Spain", "S.L."),
    ("France", "SAS"),
    ("Netherlands", "B.V."),
    ("United Kingdom", "Ltd"),
    ("Romania", "S.R.L."),
    ("Czech Republic", "s.r.o."),
    ("Egypt", "S.A.E."),
    ("Morocco", "SARL"),
    ("Saudi Arabia", "Trading Est."),
    ("United Arab Emirates", "L.L.C."),
    ("Greece", "S.A."),
    ("Israel", "Ltd."),
];

/// First words of customers' names.
pub const FIRST: [&str; 40] = [
    "Hansa",
    "Atlas",
    "Delta",
    "Nordic",
    "Vistula",
    "Iberia",
    "Orion",
    "Meridian",
    "Baltic",
    "Alpine",
    "Danube",
    "Carpathia",
    "Sahara",
    "Nile",
    "Aegean",
    "Falcon",
    "Pioneer",
    "Summit",
    "Crown",
    "Apex",
    "Rhein",
    "Elbe",
    "Sirius",
    "Vega",
    "Polaris",
    "Oasis",
    "Cedar",
    "Harbor",
    "Metro",
    "Unity",
    "Prime",
    "Vector",
    "Castell",
    "Levant",
    "Gulf",
    "Rhodos",
    "Tatra",
    "Oder",
    "Loire",
    "Thames",
];

/// Trade words of customers' names.
pub const TRADE: [&str; 12] = [
    "Valve Supply",
    "Flow Systems",
    "Industrial Supplies",
    "Plumbing & Heating",
    "Pipeline Equipment",
    "Hydro Technik",
    "Fluid Control",
    "Building Services",
    "Engineering Trading",
    "Water Solutions",
    "Pipe & Fittings",
    "Process Equipment",
];
