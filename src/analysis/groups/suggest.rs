//! Group suggestions from company names: importers whose normalised names start the same way are
//! likely one owner's entities (KIWI TIMBER PTY LTD and KIWI TIMBER NZ LIMITED; ACME GMBH and ACME
//! FRANCE SAS).
//!
//! Names are compared by their matching keys (legal forms already stripped at import). A word is
//! *distinctive* when few importers' names hold it (at most [`distinctive_limit`]) and it is not a
//! generic business word: a brand such as KIWI, not FERRETERIA or GLOBAL. Two rules:
//! - the first two words agree and one of them is distinctive (KIWI TIMBER / KIWI TIMBER NZ;
//!   FERRETERIA KIWI / FERRETERIA KIWI EXPRESS);
//! - or the first word agrees, is distinctive and at least three letters long, and everything
//!   after it in each name only qualifies it: a country or region (the data's own country names
//!   count), or a word such as GROUP or HOLDINGS (ACME / ACME FRANCE).
//!
//! So IMPERIAL HURTOWNIA and IMPERIAL ENGINEERING stay apart (their second words name different
//! businesses), and so do names built from common words. A shared start that more than
//! [`MAX_MEMBERS`] importers use is a common phrase, not a family. Each suggestion is known by that
//! shared start, under which the user's answer is kept.

use crate::model::{CompanyId, Dataset};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A shared start used by more importers than this is a common word, not a group.
pub const MAX_MEMBERS: usize = 6;

/// Words that never start a group name on their own.
const GENERIC: &[&str] = &[
    "A",
    "AL",
    "AMERICAN",
    "ASIA",
    "ASIAN",
    "BEST",
    "CENTRAL",
    "CHINA",
    "CITY",
    "COMPANY",
    "DE",
    "DEL",
    "DER",
    "DI",
    "DIE",
    "DU",
    "EAST",
    "EASTERN",
    "EURO",
    "EUROPEAN",
    "FIRST",
    "GENERAL",
    "GLOBAL",
    "GOLDEN",
    "GRAND",
    "GREAT",
    "GROUP",
    "HOLDING",
    "IMPORT",
    "IMPORTS",
    "INDUSTRIAL",
    "INTER",
    "INTERNATIONAL",
    "LA",
    "LAS",
    "LE",
    "LES",
    "LOS",
    "MEGA",
    "MODERN",
    "NATIONAL",
    "NEW",
    "NORTH",
    "NORTHERN",
    "OMNI",
    "PACIFIC",
    "PRIME",
    "ROYAL",
    "SAN",
    "SANTA",
    "SOUTH",
    "SOUTHERN",
    "STAR",
    "SUN",
    "SUPER",
    "THE",
    "TOTAL",
    "TRADING",
    "UNION",
    "UNITED",
    "UNIVERSAL",
    "WEST",
    "WESTERN",
    "WORLD",
];

/// Business-type words in the languages of trade (a shop, a distributor, a trading house): they say
/// what a company does, never whose it is, so they are never distinctive, however rare in a file.
const BUSINESS: &[&str] = &[
    "AGENCIA",
    "ALMACEN",
    "ALMACENES",
    "BAUMARKT",
    "BAUSTOFFE",
    "BOUWMATERIALEN",
    "COMERCIAL",
    "COMERCIALIZADORA",
    "COMERCIO",
    "COMMERCIALE",
    "COMPANIA",
    "COMPANHIA",
    "CORPORACION",
    "DISTRIBUCION",
    "DISTRIBUCIONES",
    "DISTRIBUIDORA",
    "DISTRIBUIDORES",
    "DISTRIBUTION",
    "DISTRIBUTORS",
    "DISTRIBUZIONE",
    "EISENWAREN",
    "EMPRESA",
    "EMPRESAS",
    "ENTREPRISE",
    "ETABLISSEMENTS",
    "FERRAGENS",
    "FERRAMENTAS",
    "FERRETERA",
    "FERRETERIA",
    "FERRETERIAS",
    "FIJACIONES",
    "FIXACOES",
    "FIXATIONS",
    "FORNITURE",
    "GRUPO",
    "GRUPPO",
    "HANDEL",
    "HANDELS",
    "HARDWARE",
    "HERRAMIENTAS",
    "HURTOWNIA",
    "IMPORT",
    "IMPORTACIONES",
    "IMPORTADORA",
    "IMPORTADORES",
    "IMPORTS",
    "INDUSTRIA",
    "INDUSTRIAS",
    "INDUSTRIE",
    "INDUSTRIES",
    "INVERSIONES",
    "MATERIALES",
    "NARZEDZIA",
    "OUTILLAGE",
    "PARAFUSOS",
    "QUINCAILLERIE",
    "REPRESENTACIONES",
    "SERVICIOS",
    "SOCIEDAD",
    "SOCIETE",
    "SUMINISTROS",
    "SUPPLIES",
    "SUPPLY",
    "TECHNIK",
    "TORNILLERIA",
    "TORNILLOS",
    "TRADING",
    "VITERIA",
    "WERKZEUGE",
];

/// Words that join other words and name nothing.
const FUNCTION_WORDS: &[&str] = &[
    "A", "AND", "DA", "DAS", "DE", "DEL", "DELLA", "DER", "DES", "DI", "DO", "DOS", "DU", "E", "EL", "EN", "ET", "FOR", "I", "LA", "LAS",
    "LE", "LES", "LOS", "OF", "THE", "UND", "Y",
];

/// Words that may follow a shared first word without naming a different business.
const QUALIFIERS: &[&str] = &[
    "GROUP",
    "HOLDING",
    "HOLDINGS",
    "INTERNATIONAL",
    "INTL",
    "WORLDWIDE",
    "GLOBAL",
    "BRANCH",
    "DIVISION",
    "EUROPE",
    "ASIA",
    "AMERICA",
    "AMERICAS",
    "LATAM",
    "AFRICA",
    "OCEANIA",
    "NORDIC",
    "NORDICS",
    "SCANDINAVIA",
    "BENELUX",
    "IBERIA",
    "MIDDLE",
    "EAST",
    "GULF",
    "USA",
    "US",
    "UK",
    "NZ",
    "AU",
    "AUS",
    "EU",
    "UAE",
    "HK",
    "SG",
    "NORTH",
    "SOUTH",
    "WEST",
    "CENTRAL",
    "NEW",
    "ZEALAND",
    "AUSTRALIA",
    "CANADA",
    "MEXICO",
    "FRANCE",
    "GERMANY",
    "DEUTSCHLAND",
    "ITALIA",
    "ITALY",
    "ESPANA",
    "SPAIN",
    "POLSKA",
    "POLAND",
    "NEDERLAND",
    "NETHERLANDS",
    "BELGIUM",
    "AUSTRIA",
    "SCHWEIZ",
    "SUISSE",
    "SWITZERLAND",
    "SVERIGE",
    "SWEDEN",
    "NORGE",
    "NORWAY",
    "DANMARK",
    "DENMARK",
    "FINLAND",
    "IRELAND",
    "BRASIL",
    "BRAZIL",
    "CHILE",
    "PERU",
    "COLOMBIA",
    "ARGENTINA",
    "INDIA",
    "JAPAN",
    "KOREA",
    "VIETNAM",
    "THAILAND",
    "MALAYSIA",
    "SINGAPORE",
    "INDONESIA",
    "PHILIPPINES",
    "TURKEY",
    "EGYPT",
    "SAUDI",
    "ARABIA",
    "EMIRATES",
    "ISRAEL",
    "KENYA",
    "NIGERIA",
    "MOROCCO",
    "PORTUGAL",
    "GREECE",
    "ROMANIA",
    "HUNGARY",
    "CZECH",
    "SLOVAKIA",
    "RUSSIA",
    "UKRAINE",
];

/// A suggested group: the shared start of the names and the importers sharing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The shared start, e.g. "KIWI TIMBER".
    pub token: String,
    /// The importers, by id.
    pub members: Vec<CompanyId>,
}

/// How many importers' names may hold a word for it to count as distinctive: as many as a family
/// may have members, a little more in large files.
pub fn distinctive_limit(importers: usize) -> usize {
    MAX_MEMBERS + importers / 2000
}

/// Suggests groups among the given importers.
pub fn suggest(data: &Dataset, importers: &BTreeSet<CompanyId>) -> Vec<Suggestion> {
    let function: HashSet<&str> = FUNCTION_WORDS.iter().copied().collect();
    let mut qualifiers: HashSet<String> = QUALIFIERS.iter().map(|w| w.to_string()).collect();
    for country in &data.countries {
        // "KOREA, REPUBLIC OF" qualifies with KOREA and REPUBLIC, not with OF.
        let words = country.to_uppercase().replace([',', '.', '(', ')'], " ");
        qualifiers.extend(words.split_whitespace().filter(|w| !function.contains(w)).map(str::to_string));
    }
    let generic: HashSet<&str> = GENERIC.iter().chain(BUSINESS).chain(FUNCTION_WORDS).copied().collect();
    let keys: Vec<(CompanyId, Vec<&str>)> = importers
        .iter()
        .filter_map(|id| data.companies.get(id).map(|c| (id, c)))
        .flat_map(|(id, c)| c.keys.iter().map(move |k| (*id, k.split_whitespace().collect())))
        .collect();
    // In how many importers' names each word appears.
    let mut names_with: HashMap<&str, BTreeSet<CompanyId>> = HashMap::new();
    for (id, words) in &keys {
        for w in words {
            names_with.entry(*w).or_default().insert(*id);
        }
    }
    let limit = distinctive_limit(importers.len());
    let distinctive = |w: &str| !generic.contains(w) && names_with.get(w).is_some_and(|n| n.len() <= limit);
    let mut by_two: BTreeMap<String, BTreeSet<CompanyId>> = BTreeMap::new();
    let mut by_one: BTreeMap<String, BTreeSet<CompanyId>> = BTreeMap::new();
    for (id, words) in &keys {
        let Some(first) = words.first() else { continue };
        let joins = |w: &&&str| function.contains(**w);
        if let Some(second) = words.get(1).filter(|second| !joins(second) && (distinctive(first) || distinctive(second))) {
            by_two.entry(format!("{first} {second}")).or_default().insert(*id);
        }
        if distinctive(first) && first.chars().count() >= 3 && words[1..].iter().all(|w| qualifiers.contains(*w)) {
            by_one.entry(first.to_string()).or_default().insert(*id);
        }
    }
    let mut out: Vec<Suggestion> = Vec::new();
    for (token, members) in by_two.into_iter().chain(by_one) {
        if members.len() < 2 || members.len() > MAX_MEMBERS {
            continue;
        }
        // A one-word start already covered by a two-word one with the same members adds nothing.
        let members: Vec<CompanyId> = members.into_iter().collect();
        if out.iter().any(|s| s.members == members) {
            continue;
        }
        out.push(Suggestion { token, members });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Company;

    fn data(names: &[(i64, &str)]) -> (Dataset, BTreeSet<CompanyId>) {
        let mut d = Dataset { countries: vec!["NEW ZEALAND".into(), "BRAZIL".into()], ..Default::default() };
        for (id, key) in names {
            d.companies.insert(
                CompanyId(*id),
                Company { id: CompanyId(*id), name: key.to_string(), keys: vec![key.to_string()], ..Default::default() },
            );
        }
        let ids = names.iter().map(|(id, _)| CompanyId(*id)).collect();
        (d, ids)
    }

    fn tokens(names: &[(i64, &str)]) -> Vec<(String, Vec<i64>)> {
        let (d, ids) = data(names);
        suggest(&d, &ids).into_iter().map(|s| (s.token, s.members.iter().map(|m| m.0).collect())).collect()
    }

    #[test]
    fn a_family_of_six_is_still_a_family() {
        let names: Vec<(i64, String)> = ["", " FRANCE", " GERMANY", " ITALIA", " POLSKA", " UK"]
            .iter()
            .enumerate()
            .map(|(i, c)| (i as i64, format!("ZANETTI{c}")))
            .collect();
        let names: Vec<(i64, &str)> = names.iter().map(|(i, n)| (*i, n.as_str())).collect();
        assert_eq!(tokens(&names).len(), 1);
    }

    #[test]
    fn family_names_are_suggested() {
        assert_eq!(tokens(&[(1, "KIWI TIMBER"), (2, "KIWI TIMBER NZ")]), vec![("KIWI TIMBER".into(), vec![1, 2])]);
        assert_eq!(tokens(&[(1, "ACME"), (2, "ACME FRANCE"), (3, "ACME DEUTSCHLAND GROUP")]), vec![("ACME".into(), vec![1, 2, 3])]);
        // The data's own country names qualify too.
        assert_eq!(tokens(&[(1, "ZANETTI BRAZIL"), (2, "ZANETTI")]), vec![("ZANETTI".into(), vec![1, 2])]);
    }

    #[test]
    fn different_businesses_and_common_words_are_not() {
        assert!(tokens(&[(1, "IMPERIAL HURTOWNIA"), (2, "IMPERIAL ENGINEERING"), (3, "IMPERIAL IMPORTS")]).is_empty());
        assert!(tokens(&[(1, "GLOBAL TRADING"), (2, "GLOBAL TRADING HK")]).is_empty(), "a generic first word");
        assert!(tokens(&[(1, "KIWI TIMBER"), (2, "KIWI FRUIT")]).is_empty());
        // A shop-type word first and a brand second: the brand makes it a family …
        assert_eq!(tokens(&[(1, "FERRETERIA KIWI"), (2, "FERRETERIA KIWI EXPRESS")]), vec![("FERRETERIA KIWI".into(), vec![1, 2])]);
        // … unless the brand is a common word in this file: eight names use SIGMA.
        let mut common: Vec<(i64, String)> = vec![(1, "FERRETERIA SIGMA".into()), (2, "FERRETERIA SIGMA EXPRESS".into())];
        common.extend(
            ["IMPORTADORA", "COMERCIAL", "DISTRIBUIDORA", "SUMINISTROS", "HERRAMIENTAS", "TORNILLERIA"]
                .iter()
                .enumerate()
                .map(|(i, w)| (10 + i as i64, format!("{w} SIGMA"))),
        );
        common.extend((0..10).map(|i| (20 + i, format!("FERRETERIA BRAND{i}"))));
        let common: Vec<(i64, &str)> = common.iter().map(|(i, n)| (*i, n.as_str())).collect();
        assert!(tokens(&common).is_empty(), "{:?}", tokens(&common));
        assert!(tokens(&[(1, "AB"), (2, "AB FRANCE")]).is_empty(), "too short to be distinctive");
        // Shop types, function words and country names in small files.
        assert!(tokens(&[(1, "DISTRIBUIDORA DE ACEROS"), (2, "DISTRIBUIDORA DE TORNILLOS")]).is_empty());
        assert!(tokens(&[(1, "SOCIEDAD COMERCIAL ALFA"), (2, "SOCIEDAD COMERCIAL BETA")]).is_empty());
        assert!(tokens(&[(1, "INVERSIONES DEL SUR"), (2, "INVERSIONES DEL NORTE")]).is_empty());
        assert!(tokens(&[(1, "COMERCIAL CHILE"), (2, "COMERCIAL PERU")]).is_empty());
        assert!(tokens(&[(1, "FERRETERIA CENTRAL"), (2, "FERRETERIA CHILE")]).is_empty());
        let many: Vec<(i64, String)> = (1..=7).map(|i| (i, format!("ATLAS SUPPLY {i}"))).collect();
        let many: Vec<(i64, &str)> = many.iter().map(|(i, n)| (*i, n.as_str())).collect();
        assert!(tokens(&many).is_empty(), "seven importers sharing a start is a common phrase");
    }
}
