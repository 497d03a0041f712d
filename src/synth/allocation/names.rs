//! The family's firms, codes, countries, trades and customer name stems.

/// Our firm's spellings (the second is rarer, as in real declarations).
pub(super) const US: [&str; 2] = ["Ningbo Hengtai Valve Manufacturing Co., Ltd.", "NINGBO HENGTAI VALVE MFG CO LTD"];
/// Our catalog (heading 8481, valves): code and a typical price per kg.
pub(super) const OUR_CODES: [(u32, f64); 5] = [(848180, 11.0), (848130, 9.0), (848140, 15.0), (848110, 13.0), (848190, 7.5)];
/// Codes we don't make: related ones in chapter 84 first, then unrelated ones.
pub(super) const OTHER_CODES: [(u32, f64); 7] =
    [(848120, 19.0), (841370, 9.5), (841391, 8.0), (392690, 5.5), (401693, 7.0), (690721, 0.7), (732690, 3.8)];
/// How many of OTHER_CODES are related (same chapter): category rivals sometimes sell them too.
pub(super) const RELATED: usize = 3;
/// The pool of category rivals: name, origin, popularity. The first six are the main ones.
pub(super) const RIVALS: [(&str, &str, f64); 12] = [
    ("Zhejiang Yuanda Valve Co., Ltd.", "China", 1.0),
    ("Wenzhou Bestflow Fluid Control Co., Ltd.", "China", 0.9),
    ("Hai Phong Precision Valve JSC", "Vietnam", 0.8),
    ("Ahmedabad Flowtech Industries Pvt. Ltd.", "India", 0.75),
    ("Taichung Fluid Components Corp.", "Taiwan", 0.7),
    ("Valvomeccanica Lombarda S.p.A.", "Italy", 0.6),
    ("Bursa Vana Sanayi ve Ticaret A.S.", "Turkey", 0.45),
    ("Tianjin Huayu Valve Co., Ltd.", "China", 0.4),
    ("Binh Duong Metalworks Co., Ltd.", "Vietnam", 0.3),
    ("Coimbatore Valves & Fittings Ltd.", "India", 0.3),
    ("Kaohsiung Brass Industrial Co., Ltd.", "Taiwan", 0.25),
    ("Izmir Armatur Sanayi Ltd. Sti.", "Turkey", 0.2),
];
pub(super) const MAIN_RIVALS: usize = 6;
/// Suppliers of the other products: name, origin, index into OTHER_CODES.
pub(super) const OTHERS: [(&str, &str, usize); 8] = [
    ("Dalian Hydraulic Components Co., Ltd.", "China", 0),
    ("Shanghai Liancheng Pump Co., Ltd.", "China", 1),
    ("Pumpenwerk Oberlausitz GmbH", "Germany", 2),
    ("Ningbo Jiali Plastic Products Co., Ltd.", "China", 3),
    ("Penang Rubber Seals Sdn. Bhd.", "Malaysia", 4),
    ("Foshan Golden Ceramics Co., Ltd.", "China", 5),
    ("Castellon Ceramica S.L.", "Spain", 5),
    ("Hebei Jinrui Metal Products Co., Ltd.", "China", 6),
];
/// Customers' countries: name, legal form, weight.
pub(super) const COUNTRIES: [(&str, &str, f64); 12] = [
    ("United States", "Inc.", 3.0),
    ("Germany", "GmbH", 1.4),
    ("Mexico", "S.A. de C.V.", 1.2),
    ("Brazil", "Ltda.", 1.0),
    ("United Kingdom", "Ltd", 1.0),
    ("United Arab Emirates", "L.L.C.", 0.9),
    ("Poland", "Sp. z o.o.", 0.8),
    ("Saudi Arabia", "Trading Co.", 0.8),
    ("Australia", "Pty Ltd", 0.8),
    ("Thailand", "Co., Ltd.", 0.7),
    ("Chile", "SpA", 0.6),
    ("South Africa", "(Pty) Ltd", 0.6),
];
/// Trades (each with its shared factor) and the words of their customers' names.
pub(super) const TRADES: [[&str; 3]; 4] = [
    ["Water Solutions", "Irrigation", "Pipe & Fittings"],
    ["Energy Services", "Process Equipment", "Petro Supply"],
    ["Plumbing Wholesale", "HVAC Distribution", "Heating Supply"],
    ["Industrial Supply", "Flow Systems", "Valve Supply"],
];
pub(super) const STEMS: [&str; 32] = [
    "Atlas",
    "Norden",
    "Pacific",
    "Sierra",
    "Delta",
    "Orion",
    "Vega",
    "Keystone",
    "Summit",
    "Meridian",
    "Falcon",
    "Granite",
    "Harbor",
    "Liberty",
    "Crown",
    "Apex",
    "Beacon",
    "Cobalt",
    "Evergreen",
    "Frontier",
    "Horizon",
    "Ironwood",
    "Jupiter",
    "Lakeside",
    "Monarch",
    "Northstar",
    "Prime",
    "Redwood",
    "Silverline",
    "Titan",
    "Unity",
    "Westgate",
];
