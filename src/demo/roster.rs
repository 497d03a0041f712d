//! The named customers of the demo data and what each one's purchases are built to show.
//!
//! Every entry states the customer's size (its yearly spend on our catalog codes from all
//! suppliers), our usual share of it, who supplies the rest, its product mix and what else it
//! buys.

use super::StoryKind::*;
use super::catalog::*;
use super::customers::{BOLTS_NUTS, Customer, SCREWS_HEAVY, x};

// What each story plants, in one sentence (shown in `DemoCast::stories`).
const SHARE_SHIFT: &str = "\
    Category total holds near 400k USD a year while JIAXING EVERGREEN takes orders from us \
    from 2025Q1: our share about 80% until 2024Q4, about 30% by 2026Q2 and 10% in 2026Q3.";
const NEW_SUPPLIERS: &str = "\
    Only we supplied its fasteners for three years; from 2026Q1 small trial orders from \
    TAIWAN SHANG-YI and VIETNAM STAR appear while our share stays above 90%.";
const SHRINKING: &str = "\
    Buys our fasteners plus tiles and furniture; its total imports fall about 15% a \
    quarter over the last six quarters while our share of its fasteners holds.";
const DEMAND_GAP: &str = "\
    Steady fastener buyer from us whose purchases of screwdrivers, electric drills and \
    spring washers from others grow about 60% a year, passing half of what it buys from us \
    by 2026.";
const SIBLING_OURS: &str = "\
    Buys its fasteners mostly from us; its sister KIWI TIMBER NZ LIMITED buys the same \
    codes only from competitors.";
const SIBLING_ELSEWHERE: &str = "\
    Sister of KIWI TIMBER PTY LTD that buys our catalog codes only from competitors, never \
    from us.";
const FAST_GROWER: &str = "\
    Small buyer (about 20k USD a year from us) until 2025Q4; its purchases from us and \
    others grow about fourfold through 2026Q1-Q2.";
const LUMPY_TWICE: &str = "\
    Project buyer: two large lots from us each year, in March and September, nothing in \
    between.";
const LUMPY_ONCE: &str = "\
    Project buyer: one large lot from us every June, nothing in between.";
const STEADY: &str = "\
    Buys monthly, mostly from us with a steady competitor share; quarterly noise only, no \
    trend.";
const STEADY_TWICE: &str = "\
    Steady monthly buyer, mostly from us, whose name is spelled two ways in the data.";
const SEASONAL: &str = "\
    Steady share from us, but every year its fourth quarter is about twice its second.";
const THIN: &str = "\
    Buys a few small lots from us, under 5k USD a year in total.";
const WANDERING: &str = "\
    Steady total whose share from us moves about ten points up or down each quarter, \
    without a trend.";

/// Every named customer, story customers first.
pub(crate) static CUSTOMERS: [Customer; 38] = [
    Customer::new(&["PACIFIC FASTENING SUPPLY INC", "PACIFIC FASTENING SUPPLY, INC."], "UNITED STATES", "LOS ANGELES")
        .story(ShareShift, SHARE_SHIFT)
        .wallet(400e3, 0.8, &[TAIWAN])
        .extras(&[x(SPRING_WASHERS, TAIWAN, 15e3)]),
    Customer::new(&["NORDIC BYGG AB"], "SWEDEN", "GOTHENBURG")
        .story(NewSuppliers, NEW_SUPPLIERS)
        .wallet(240e3, 1.0, &[])
        .extras(&[x(HINGES, BAUMANN, 30e3)]),
    Customer::new(&["MIDLANDS BUILDERS MERCHANTS LTD"], "UNITED KINGDOM", "FELIXSTOWE")
        .story(Shrinking, SHRINKING)
        .wallet(300e3, 0.75, &[HANDAN])
        .extras(&[x(TILES, SASSUOLO, 250e3), x(FURNITURE, WOODCRAFT, 150e3)]),
    Customer::new(&["ANDES FERRETERIA SPA"], "CHILE", "SAN ANTONIO")
        .story(DemandGap, DEMAND_GAP)
        .wallet(180e3, 0.9, &[SUNDARAM])
        .extras(&[x(SCREWDRIVERS, STAHLWERK, 8e3), x(DRILLS, KEHUA, 6e3), x(SPRING_WASHERS, TAIWAN, 4e3)]),
    Customer::new(&["KIWI TIMBER PTY LTD"], "AUSTRALIA", "SYDNEY").story(GroupSibling, SIBLING_OURS).wallet(220e3, 0.85, &[HANDAN]),
    Customer::new(&["KIWI TIMBER NZ LIMITED"], "NEW ZEALAND", "AUCKLAND").story(GroupSibling, SIBLING_ELSEWHERE).wallet(
        90e3,
        0.0,
        &[JIAXING, VIETNAM],
    ),
    Customer::new(&["SAHARA TOOLS TRADING LLC"], "UNITED ARAB EMIRATES", "JEBEL ALI")
        .story(FastGrower, FAST_GROWER)
        .wallet(26e3, 0.77, &[SUNDARAM])
        .extras(&[x(SPANNERS, BERGAMO, 5e3)]),
    Customer::new(&["GREAT LAKES BOLT & NUT CO"], "UNITED STATES", "NEW YORK")
        .story(Steady, STEADY)
        .wallet(350e3, 0.85, &[JIAXING])
        .mix(BOLTS_NUTS)
        .extras(&[x(SPRING_WASHERS, JIAXING, 20e3)]),
    Customer::new(&["LONE STAR INDUSTRIAL SUPPLY LLC", "LONE STAR INDUSTRIAL SUPPLY, LLC"], "UNITED STATES", "HOUSTON")
        .story(Steady, STEADY_TWICE)
        .wallet(280e3, 0.7, &[SUNDARAM, TAIWAN])
        .extras(&[x(SCREWDRIVERS, KEHUA, 25e3)]),
    Customer::new(&["BERGMANN BEFESTIGUNGSTECHNIK GMBH", "Bergmann Befestigungstechnik GmbH"], "GERMANY", "HAMBURG")
        .story(Steady, STEADY_TWICE)
        .wallet(500e3, 0.8, &[TAIWAN])
        .extras(&[x(PINS, RHEINLAND, 30e3), x(SPRING_WASHERS, RHEINLAND, 20e3)]),
    Customer::new(&["RHEIN-MAIN SCHRAUBENHANDEL GMBH"], "GERMANY", "BREMERHAVEN")
        .story(Steady, STEADY)
        .wallet(160e3, 0.9, &[HANDAN])
        .mix(SCREWS_HEAVY),
    Customer::new(&["SOUTHERN CROSS FIXINGS PTY LTD"], "AUSTRALIA", "MELBOURNE")
        .story(Steady, STEADY)
        .wallet(300e3, 0.75, &[JIAXING])
        .extras(&[x(SPRING_WASHERS, JIAXING, 15e3)]),
    Customer::new(&["BRISBANE TRADE HARDWARE PTY LTD"], "AUSTRALIA", "BRISBANE")
        .story(Steady, STEADY)
        .wallet(120e3, 0.9, &[VIETNAM])
        .extras(&[x(HINGES, JINHE, 20e3)]),
    Customer::new(&["AOTEAROA BUILDING SUPPLIES LTD"], "NEW ZEALAND", "TAURANGA")
        .story(Steady, STEADY)
        .wallet(90e3, 0.8, &[JIAXING])
        .extras(&[x(HINGES, JINHE, 10e3)]),
    Customer::new(&["THAMES VALLEY FIXINGS LTD"], "UNITED KINGDOM", "SOUTHAMPTON")
        .story(Steady, STEADY)
        .wallet(210e3, 0.65, &[TAIWAN, VIETNAM])
        .extras(&[x(SPRING_WASHERS, TAIWAN, 10e3)]),
    Customer::new(&["FERRETERA DEL BAJIO SA DE CV", "FERRETERA DEL BAJIO, S.A. DE C.V."], "MEXICO", "MANZANILLO")
        .story(Steady, STEADY_TWICE)
        .wallet(260e3, 0.75, &[SUNDARAM])
        .extras(&[x(SCREWDRIVERS, KEHUA, 15e3), x(SPANNERS, STAHLWERK, 10e3)]),
    Customer::new(&["TORNILLOS DEL GOLFO SA DE CV"], "MEXICO", "VERACRUZ")
        .story(Steady, STEADY)
        .wallet(140e3, 0.85, &[JIAXING])
        .mix(BOLTS_NUTS),
    Customer::new(&["FIJACIONES DEL SUR LTDA"], "CHILE", "VALPARAISO").story(Steady, STEADY).wallet(110e3, 0.8, &[SUNDARAM]).extras(&[x(
        SPRING_WASHERS,
        TAIWAN,
        6e3,
    )]),
    Customer::new(&["GULF FASTENERS TRADING CO LLC"], "UNITED ARAB EMIRATES", "JEBEL ALI")
        .story(Steady, STEADY)
        .wallet(230e3, 0.7, &[SUNDARAM, JIAXING])
        .extras(&[x(DRILLS, RUIFENG, 20e3)]),
    Customer::new(&["SVENSKA FASTELEMENT AB"], "SWEDEN", "GOTHENBURG")
        .story(Steady, STEADY)
        .wallet(150e3, 0.9, &[TAIWAN])
        .mix(SCREWS_HEAVY),
    Customer::new(&["POLSKIE SRUBY SP Z O O", "POLSKIE SRUBY SP. Z O.O."], "POLAND", "GDANSK")
        .story(Steady, STEADY_TWICE)
        .wallet(190e3, 0.75, &[HANDAN])
        .extras(&[x(SPRING_WASHERS, HANDAN, 12e3)]),
    Customer::new(&["BALTIC HARDWARE SP Z O O"], "POLAND", "GDYNIA").story(Steady, STEADY).wallet(95e3, 0.85, &[VIETNAM]),
    Customer::new(&["HIGHVELD BOLT SUPPLIES (PTY) LTD"], "SOUTH AFRICA", "DURBAN")
        .story(Steady, STEADY)
        .wallet(170e3, 0.8, &[SUNDARAM])
        .mix(BOLTS_NUTS),
    Customer::new(&["CAPE FIXINGS CC"], "SOUTH AFRICA", "CAPE TOWN").story(Steady, STEADY).wallet(75e3, 0.95, &[JIAXING]),
    Customer::new(&["PARAFUSOS PAULISTA LTDA", "PARAFUSOS PAULISTA LTDA."], "BRAZIL", "SANTOS")
        .story(Steady, STEADY_TWICE)
        .wallet(320e3, 0.7, &[JIAXING, TAIWAN])
        .extras(&[x(PINS, TAIWAN, 10e3)]),
    Customer::new(&["SUL FIXADORES COMERCIO LTDA"], "BRAZIL", "PARANAGUA").story(Steady, STEADY).wallet(130e3, 0.8, &[VIETNAM]),
    Customer::new(&["CASCADE CONSTRUCTION SUPPLY INC"], "UNITED STATES", "SEATTLE")
        .story(Steady, STEADY)
        .wallet(240e3, 0.65, &[TAIWAN])
        .mix(SCREWS_HEAVY)
        .extras(&[x(HINGES, JINHE, 25e3)]),
    Customer::new(&["NORTHLAND HARDWARE DISTRIBUTORS INC"], "UNITED STATES", "LONG BEACH")
        .story(Steady, STEADY)
        .wallet(180e3, 0.9, &[HANDAN])
        .extras(&[x(SPANNERS, STAHLWERK, 12e3)]),
    Customer::new(&["HANSEATIC TOOLS & FASTENERS GMBH"], "GERMANY", "HAMBURG")
        .story(Steady, STEADY)
        .wallet(210e3, 0.6, &[TAIWAN, SUNDARAM])
        .extras(&[x(SCREWDRIVERS, STAHLWERK, 30e3)]),
    Customer::new(&["OUTBACK FENCING SUPPLIES PTY LTD"], "AUSTRALIA", "BRISBANE")
        .story(Seasonal, SEASONAL)
        .wallet(160e3, 0.85, &[JIAXING])
        .mix(BOLTS_NUTS),
    Customer::new(&["DECKMASTER OUTDOOR PRODUCTS INC"], "UNITED STATES", "SAVANNAH")
        .story(Seasonal, SEASONAL)
        .wallet(200e3, 0.8, &[TAIWAN])
        .mix(SCREWS_HEAVY),
    Customer::new(&["GDANSK SHIPYARD SUPPLY SP Z O O"], "POLAND", "GDANSK")
        .story(Lumpy, LUMPY_TWICE)
        .wallet(180e3, 1.0, &[])
        .mix(BOLTS_NUTS)
        .lots(&[3, 9]),
    Customer::new(&["TRANSVAAL RAIL INFRASTRUCTURE (PTY) LTD"], "SOUTH AFRICA", "DURBAN")
        .story(Lumpy, LUMPY_ONCE)
        .wallet(120e3, 1.0, &[])
        .mix(BOLTS_NUTS)
        .lots(&[6]),
    Customer::new(&["KOWHAI DIY STORE LTD"], "NEW ZEALAND", "AUCKLAND").story(Thin, THIN),
    Customer::new(&["SMALLWOOD CABINETS LTD"], "UNITED KINGDOM", "SOUTHAMPTON").story(Thin, THIN),
    Customer::new(&["FERRETERIA LA PALOMA SA DE CV"], "MEXICO", "MANZANILLO").story(Thin, THIN),
    Customer::new(&["METROPOLITAN FIXINGS LTD"], "UNITED KINGDOM", "FELIXSTOWE").story(Wandering, WANDERING).wallet(
        220e3,
        0.65,
        &[JIAXING],
    ),
    Customer::new(&["RIO GRANDE FERRAGENS LTDA"], "BRAZIL", "SANTOS").story(Wandering, WANDERING).wallet(170e3, 0.6, &[SUNDARAM]),
];
