//! Goods and suppliers: what is traded in the demo data, at what unit values, by whom.
//!
//! Products and suppliers are referred to by index constants into `PRODUCTS` and `SUPPLIERS`, which
//! keeps the per-customer tables short and the per-row work free of lookups by name.

/// A traded good at the eight-digit level, with the unit value that makes its weights believable.
pub(crate) struct Product {
    /// Eight-digit code as written in the file.
    pub hs8: &'static str,
    /// Six-digit code the analyses work with.
    pub hs6: &'static str,
    /// Description variants; data providers rarely spell a product the same way twice.
    pub descriptions: &'static [&'static str],
    /// "KGS" or "PCS".
    pub unit: &'static str,
    /// Typical unit value in USD per kg at the start of the span.
    pub usd_per_kg: f64,
    /// Weight of one piece, for goods counted in pieces.
    pub kg_per_piece: f64,
    /// Suppliers other than us that sell this good (the background market draws from these).
    pub makers: &'static [usize],
}

/// A supplier (exporter) and how its prices compare with the market.
pub(crate) struct Supplier {
    /// Spellings in the supplier column; the first is canonical.
    pub names: &'static [&'static str],
    /// Country of origin in English capitals.
    pub country: &'static str,
    /// Price level against a Chinese maker of the same good.
    pub price: f64,
}

// Product indices: our catalog first, then related codes we do not sell, then unrelated goods.
pub(crate) const BOLTS: usize = 0;
pub(crate) const NUTS: usize = 1;
pub(crate) const WASHERS: usize = 2;
pub(crate) const SCREWS: usize = 3;
pub(crate) const SPRING_WASHERS: usize = 4;
pub(crate) const PINS: usize = 5;
pub(crate) const SCREWDRIVERS: usize = 6;
pub(crate) const SPANNERS: usize = 7;
pub(crate) const DRILLS: usize = 8;
pub(crate) const HINGES: usize = 9;
pub(crate) const TILES: usize = 10;
pub(crate) const FURNITURE: usize = 11;
pub(crate) const PLASTICS: usize = 12;

/// What we sell, in the order of a customer's product mix.
pub(crate) const CATALOG: [usize; 4] = [BOLTS, NUTS, WASHERS, SCREWS];

// Supplier indices: us, the five competitors, then makers of other goods.
pub(crate) const OURS: usize = 0;
pub(crate) const JIAXING: usize = 1;
pub(crate) const TAIWAN: usize = 2;
pub(crate) const SUNDARAM: usize = 3;
pub(crate) const VIETNAM: usize = 4;
pub(crate) const HANDAN: usize = 5;
pub(crate) const BOSPHORUS: usize = 6;
pub(crate) const RHEINLAND: usize = 7;
pub(crate) const STAHLWERK: usize = 8;
pub(crate) const BERGAMO: usize = 9;
pub(crate) const KEHUA: usize = 10;
pub(crate) const RUIFENG: usize = 11;
pub(crate) const JINHE: usize = 12;
pub(crate) const BAUMANN: usize = 13;
pub(crate) const SASSUOLO: usize = 14;
pub(crate) const GRANDTILE: usize = 15;
pub(crate) const WOODCRAFT: usize = 16;
pub(crate) const YUYAO: usize = 17;

/// The five fastener competitors a user would mark as such.
pub(crate) const COMPETITORS: [usize; 5] = [JIAXING, TAIWAN, SUNDARAM, VIETNAM, HANDAN];

/// Fastener makers other than us (the competitors plus one the user has not marked).
const FASTENER_MAKERS: &[usize] = &[JIAXING, TAIWAN, SUNDARAM, VIETNAM, HANDAN, BOSPHORUS];

/// Every good in the demo data; indexed by the product constants above.
pub(crate) static PRODUCTS: [Product; 13] = [
    Product {
        hs8: "73181590",
        hs6: "731815",
        descriptions: &[
            "HEX BOLTS, CARBON STEEL, ZINC PLATED",
            "HEXAGON HEAD BOLTS GRADE 8.8",
            "CARRIAGE BOLTS, STEEL, HOT DIP GALVANIZED",
        ],
        unit: "KGS",
        usd_per_kg: 1.8,
        kg_per_piece: 1.0,
        makers: FASTENER_MAKERS,
    },
    Product {
        hs8: "73181600",
        hs6: "731816",
        descriptions: &["HEX NUTS, CARBON STEEL, ZINC PLATED", "NYLON INSERT LOCK NUTS, STEEL", "FLANGE NUTS GRADE 8"],
        unit: "KGS",
        usd_per_kg: 2.0,
        kg_per_piece: 1.0,
        makers: FASTENER_MAKERS,
    },
    Product {
        hs8: "73182200",
        hs6: "731822",
        descriptions: &["FLAT WASHERS, STEEL, ZINC PLATED", "PLAIN WASHERS DIN 125", "FENDER WASHERS, STEEL"],
        unit: "KGS",
        usd_per_kg: 1.6,
        kg_per_piece: 1.0,
        makers: FASTENER_MAKERS,
    },
    Product {
        hs8: "73181400",
        hs6: "731814",
        descriptions: &[
            "SELF-TAPPING SCREWS, STAINLESS STEEL",
            "SELF DRILLING SCREWS, HEX WASHER HEAD",
            "SELF-TAPPING SCREWS, PAN HEAD, STEEL",
        ],
        unit: "KGS",
        usd_per_kg: 2.5,
        kg_per_piece: 1.0,
        makers: FASTENER_MAKERS,
    },
    Product {
        hs8: "73182100",
        hs6: "731821",
        descriptions: &["SPRING LOCK WASHERS, STEEL", "SPLIT LOCK WASHERS DIN 127"],
        unit: "KGS",
        usd_per_kg: 1.7,
        kg_per_piece: 1.0,
        makers: &[JIAXING, TAIWAN, HANDAN, RHEINLAND],
    },
    Product {
        hs8: "73182900",
        hs6: "731829",
        descriptions: &["COTTER PINS, STEEL", "CIRCLIPS AND RETAINING RINGS, STEEL"],
        unit: "KGS",
        usd_per_kg: 2.2,
        kg_per_piece: 1.0,
        makers: &[TAIWAN, RHEINLAND, BOSPHORUS],
    },
    Product {
        hs8: "82054000",
        hs6: "820540",
        descriptions: &["SCREWDRIVERS, CHROME VANADIUM", "SCREWDRIVER SETS, HAND TOOLS"],
        unit: "PCS",
        usd_per_kg: 9.0,
        kg_per_piece: 0.15,
        makers: &[STAHLWERK, BERGAMO, KEHUA],
    },
    Product {
        hs8: "82041100",
        hs6: "820411",
        descriptions: &["COMBINATION SPANNERS, CR-V", "OPEN END SPANNERS, STEEL"],
        unit: "PCS",
        usd_per_kg: 8.0,
        kg_per_piece: 0.25,
        makers: &[STAHLWERK, BERGAMO],
    },
    Product {
        hs8: "84672100",
        hs6: "846721",
        descriptions: &["CORDLESS ELECTRIC DRILLS 18V", "ELECTRIC IMPACT DRILLS 750W"],
        unit: "PCS",
        usd_per_kg: 14.0,
        kg_per_piece: 1.8,
        makers: &[KEHUA, RUIFENG],
    },
    Product {
        hs8: "83021000",
        hs6: "830210",
        descriptions: &["STEEL DOOR HINGES", "CONCEALED CABINET HINGES"],
        unit: "KGS",
        usd_per_kg: 4.0,
        kg_per_piece: 1.0,
        makers: &[JINHE, BAUMANN],
    },
    Product {
        hs8: "69072100",
        hs6: "690721",
        descriptions: &["PORCELAIN FLOOR TILES 60X60CM", "GLAZED CERAMIC WALL TILES"],
        unit: "KGS",
        usd_per_kg: 0.55,
        kg_per_piece: 1.0,
        makers: &[SASSUOLO, GRANDTILE],
    },
    Product {
        hs8: "94036000",
        hs6: "940360",
        descriptions: &["WOODEN LIVING ROOM FURNITURE", "SOLID WOOD BOOKCASES"],
        unit: "PCS",
        usd_per_kg: 3.0,
        kg_per_piece: 22.0,
        makers: &[WOODCRAFT],
    },
    Product {
        hs8: "39269000",
        hs6: "392690",
        descriptions: &["PLASTIC STORAGE BOXES", "PLASTIC CABLE TIES"],
        unit: "KGS",
        usd_per_kg: 3.2,
        kg_per_piece: 1.0,
        makers: &[YUYAO],
    },
];

/// A supplier spelled one way only.
macro_rules! supplier {
    ($name:literal, $country:literal, $price:literal) => {
        Supplier { names: &[$name], country: $country, price: $price }
    };
}

/// Every supplier in the demo data; indexed by the supplier constants above.
pub(crate) static SUPPLIERS: [Supplier; 18] = [
    Supplier {
        names: &["NINGBO HAIXING HARDWARE CO., LTD.", "NINGBO HAIXING HARDWARE CO LTD", "Ningbo Haixing Hardware Co., Ltd"],
        country: "CHINA",
        price: 1.0,
    },
    supplier!("JIAXING EVERGREEN FASTENER CO LTD", "CHINA", 0.97),
    supplier!("TAIWAN SHANG-YI SCREW INDUSTRY CO", "TAIWAN", 1.15),
    supplier!("SUNDARAM BOLTS PVT LTD", "INDIA", 0.92),
    supplier!("VIETNAM STAR FASTENERS JSC", "VIETNAM", 0.95),
    supplier!("HANDAN YONGNIAN METAL PRODUCTS CO LTD", "CHINA", 0.90),
    supplier!("BOSPHORUS CIVATA SANAYI AS", "TURKEY", 1.05),
    supplier!("RHEINLAND FEDERTECHNIK GMBH", "GERMANY", 1.45),
    supplier!("STAHLWERK WERKZEUGE GMBH", "GERMANY", 1.4),
    supplier!("UTENSILI BERGAMO S.P.A.", "ITALY", 1.3),
    supplier!("ZHEJIANG KEHUA POWER TOOLS CO LTD", "CHINA", 0.85),
    supplier!("SUZHOU RUIFENG ELECTRIC TOOLS CO LTD", "CHINA", 0.9),
    supplier!("GUANGDONG JINHE HINGE CO LTD", "CHINA", 0.95),
    supplier!("BAUMANN BESCHLAEGE GMBH", "GERMANY", 1.5),
    supplier!("SASSUOLO CERAMICA SRL", "ITALY", 1.6),
    supplier!("FOSHAN GRANDTILE CERAMICS CO LTD", "CHINA", 0.9),
    supplier!("BINH DUONG WOODCRAFT CO LTD", "VIETNAM", 1.0),
    supplier!("YUYAO BRIGHT PLASTIC CO LTD", "CHINA", 1.0),
];

/// Our firm's spellings.
pub(crate) fn our_names() -> &'static [&'static str] {
    SUPPLIERS[OURS].names
}
