//! Procedural importers for the background market: countries, ports and company names.
//!
//! Names are "{brand} {trade word} {legal form}" in the country's language, with the word order
//! that language uses ("ATLAS HARDWARE INC", "FERRETERIA ATLAS SA DE CV"). A name's core (without
//! the legal form) is never reused, so two background importers never merge into one customer,
//! and the brand words avoid the distinctive words of the named customers.

use std::collections::HashSet;

use rand::RngExt;

use super::rng::DemoRng;

/// How company names are built in a language.
pub(crate) struct Lang {
    /// Trade words ("HARDWARE", "TECHNIK", "FERRETERIA").
    words: &'static [&'static str],
    /// Whether the trade word comes before the brand.
    word_first: bool,
}

// Word lists are kept compact (several words a line) rather than one word a line.
#[rustfmt::skip]
const EN: Lang = Lang {
    words: &["HARDWARE", "INDUSTRIAL", "TRADING", "SUPPLY", "FIXINGS", "TOOLS", "BUILDING PRODUCTS",
        "IMPORTS", "DISTRIBUTION", "ENGINEERING", "FASTENERS", "MERCHANTS"],
    word_first: false,
};
#[rustfmt::skip]
const DE: Lang = Lang {
    words: &["TECHNIK", "HANDEL", "WERKZEUGE", "BAUBEDARF", "INDUSTRIEBEDARF",
        "VERBINDUNGSELEMENTE", "EISENWAREN", "BESCHLAEGE"],
    word_first: false,
};
#[rustfmt::skip]
const ES: Lang = Lang {
    words: &["FERRETERIA", "IMPORTADORA", "DISTRIBUIDORA", "SUMINISTROS", "HERRAMIENTAS",
        "FIJACIONES", "COMERCIAL", "TORNILLERIA"],
    word_first: true,
};
#[rustfmt::skip]
const PT: Lang = Lang {
    words: &["FERRAGENS", "IMPORTADORA", "DISTRIBUIDORA", "PARAFUSOS", "FERRAMENTAS", "COMERCIAL",
        "FIXACOES"],
    word_first: true,
};
#[rustfmt::skip]
const PL: Lang = Lang {
    words: &["HANDEL", "NARZEDZIA", "ZLACZA", "HURTOWNIA", "TECHNIKA", "IMPORT"],
    word_first: false,
};
#[rustfmt::skip]
const SV: Lang = Lang {
    words: &["JARN", "VERKTYG", "INDUSTRI", "HANDEL", "BYGGVAROR", "FASTTEKNIK"],
    word_first: false,
};
#[rustfmt::skip]
const FR: Lang = Lang {
    words: &["QUINCAILLERIE", "FIXATIONS", "OUTILLAGE", "DISTRIBUTION", "INDUSTRIE", "NEGOCE"],
    word_first: true,
};
#[rustfmt::skip]
const IT: Lang = Lang {
    words: &["FERRAMENTA", "VITERIA", "UTENSILERIA", "DISTRIBUZIONE", "INDUSTRIALE", "FORNITURE"],
    word_first: true,
};
#[rustfmt::skip]
const NL: Lang = Lang {
    words: &["BEVESTIGINGSMIDDELEN", "GEREEDSCHAP", "HANDEL", "TECHNIEK", "IJZERWAREN",
        "BOUWMATERIALEN"],
    word_first: false,
};

/// Language-neutral brand words.
#[rustfmt::skip]
const BRANDS: &[&str] = &[
    "ATLAS", "SUMMIT", "PIONEER", "HARBOR", "EVEREST", "NORTHSTAR", "BLUEWATER", "IRONBRIDGE",
    "REDWOOD", "SILVERLINE", "GRANITE", "KEYSTONE", "CORNERSTONE", "FALCON", "EAGLE", "MERIDIAN",
    "HORIZON", "ORION", "VANGUARD", "STERLING", "CRESCENT", "BEACON", "PINNACLE", "LIBERTY",
    "FRONTIER", "COASTAL", "HIGHLAND", "RIVERSIDE", "OAKWOOD", "WESTGATE", "EASTLINK",
    "CONTINENTAL", "PRIMA", "ALLIANCE", "DELTA", "OMEGA", "APEX", "TITAN", "MAGNUM", "CENTURY",
    "HERITAGE", "ROYAL",
    "IMPERIAL", "EMPIRE", "URBAN", "GLOBAL", "TRIDENT", "POLARIS", "ZENITH", "VERTEX", "NOVA",
    "SOLARIS", "KRONOS", "VEKTOR", "AURORA", "SIGMA", "ALPHA", "CONDOR", "BISON", "LYNX", "LEOPARD",
    "CORAL", "MISTRAL", "SIRIUS", "VEGA", "ARCTIC", "TERRA", "MAGNA", "FORTIS", "VALOR",
];

/// Qualifiers that make a taken name new again ("ATLAS CENTRAL HARDWARE").
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "CENTRAL", "NORTH", "EAST", "WEST", "INTERNATIONAL", "GENERAL", "UNITED", "NATIONAL", "METRO",
    "SOUTH", "PRO", "EXPRESS", "DIRECT", "PRIME", "STANDARD", "MODERN",
];

/// An importing country of the background market.
pub(crate) struct Country {
    /// Name in English capitals, as in the destination column.
    pub name: &'static str,
    /// Ports of discharge.
    pub ports: &'static [&'static str],
    /// Legal forms of its companies.
    forms: &'static [&'static str],
    /// Language of its company names.
    lang: &'static Lang,
    /// Relative number of importers.
    pub weight: u32,
}

/// One background country; keeps the table below one line per country.
const fn country(
    name: &'static str,
    ports: &'static [&'static str],
    forms: &'static [&'static str],
    lang: &'static Lang,
    weight: u32,
) -> Country {
    Country { name, ports, forms, lang, weight }
}

/// Every country importers of the background market come from.
#[rustfmt::skip]
pub(crate) static COUNTRIES: [Country; 26] = [
    country("UNITED STATES",
        &["LOS ANGELES", "LONG BEACH", "NEW YORK", "HOUSTON", "SAVANNAH", "SEATTLE"],
        &["INC", "LLC", "CORP"], &EN, 14),
    country("GERMANY", &["HAMBURG", "BREMERHAVEN"], &["GMBH", "GMBH & CO KG", "AG"], &DE, 7),
    country("UNITED KINGDOM", &["FELIXSTOWE", "SOUTHAMPTON", "LONDON GATEWAY"],
        &["LTD", "LIMITED", "PLC"], &EN, 6),
    country("AUSTRALIA", &["SYDNEY", "MELBOURNE", "BRISBANE"], &["PTY LTD"], &EN, 5),
    country("NEW ZEALAND", &["AUCKLAND", "TAURANGA"], &["LIMITED", "LTD"], &EN, 2),
    country("MEXICO", &["MANZANILLO", "VERACRUZ", "LAZARO CARDENAS"],
        &["SA DE CV", "S DE RL DE CV"], &ES, 5),
    country("CHILE", &["SAN ANTONIO", "VALPARAISO"], &["SPA", "LTDA", "SA"], &ES, 3),
    country("UNITED ARAB EMIRATES", &["JEBEL ALI"], &["LLC", "FZE", "FZCO"], &EN, 4),
    country("SWEDEN", &["GOTHENBURG", "STOCKHOLM"], &["AB"], &SV, 2),
    country("POLAND", &["GDANSK", "GDYNIA"], &["SP Z O O", "SA"], &PL, 4),
    country("SOUTH AFRICA", &["DURBAN", "CAPE TOWN"], &["(PTY) LTD", "CC"], &EN, 3),
    country("BRAZIL", &["SANTOS", "PARANAGUA", "ITAJAI"], &["LTDA", "SA"], &PT, 5),
    country("CANADA", &["VANCOUVER", "MONTREAL"], &["INC", "LTD"], &EN, 4),
    country("NETHERLANDS", &["ROTTERDAM"], &["BV"], &NL, 3),
    country("FRANCE", &["LE HAVRE", "MARSEILLE"], &["SARL", "SAS"], &FR, 4),
    country("SPAIN", &["VALENCIA", "BARCELONA", "ALGECIRAS"], &["SL", "SA"], &ES, 4),
    country("ITALY", &["GENOA", "LA SPEZIA"], &["SRL", "SPA"], &IT, 3),
    country("SAUDI ARABIA", &["JEDDAH", "DAMMAM"], &["CO LTD", "EST"], &EN, 3),
    country("PERU", &["CALLAO"], &["SAC", "EIRL"], &ES, 2),
    country("COLOMBIA", &["CARTAGENA", "BUENAVENTURA"], &["SAS", "LTDA"], &ES, 2),
    country("PORTUGAL", &["LEIXOES", "LISBON"], &["LDA", "SA"], &PT, 1),
    country("THAILAND", &["LAEM CHABANG", "BANGKOK"], &["CO LTD"], &EN, 2),
    country("MALAYSIA", &["PORT KLANG", "PENANG"], &["SDN BHD"], &EN, 2),
    country("PHILIPPINES", &["MANILA"], &["INC", "CORP"], &EN, 2),
    country("KENYA", &["MOMBASA"], &["LIMITED"], &EN, 1),
    country("NIGERIA", &["LAGOS"], &["LIMITED", "NIG LTD"], &EN, 1),
];

/// Hands out importer names, never the same core twice.
pub(crate) struct NameBook {
    used: HashSet<String>,
}

impl NameBook {
    /// An empty book.
    pub fn new() -> Self {
        NameBook { used: HashSet::new() }
    }

    /// A fresh company name for an importer in `country`.
    pub fn draw(&mut self, rng: &mut DemoRng, country: &Country) -> String {
        let (core, form) = self.draw_parts(rng, country);
        format!("{core} {form}")
    }

    /// A fresh company name split into its core and its legal form ("ATLAS HARDWARE", "INC"), so
    /// a caller can spell the form another way.
    pub fn draw_parts(&mut self, rng: &mut DemoRng, country: &Country) -> (String, &'static str) {
        let lang = country.lang;
        let form = country.forms[rng.random_range(0..country.forms.len())];
        let mut attempt = 0u32;
        loop {
            let brand = BRANDS[rng.random_range(0..BRANDS.len())];
            let word = lang.words[rng.random_range(0..lang.words.len())];
            let brand = match attempt {
                0..4 => brand.to_string(),
                4..40 => format!("{brand} {}", QUALIFIERS[rng.random_range(0..QUALIFIERS.len())]),
                // Only reached when thousands of importers share one language.
                _ => format!("{brand} {attempt}"),
            };
            let core = if lang.word_first { format!("{word} {brand}") } else { format!("{brand} {word}") };
            if !self.used.contains(&core) {
                self.used.insert(core.clone());
                return (core, form);
            }
            attempt += 1;
        }
    }
}
