//! Country spellings from files, the real samples among them, to names in both languages.

use super::*;

fn both(raw: &str) -> (String, String) {
    (country(Lang::En, raw).into_owned(), country(Lang::Zh, raw).into_owned())
}

#[track_caller]
fn names(raws: &[&str], en: &str, zh: &str) {
    for raw in raws {
        assert_eq!(both(raw), (en.to_string(), zh.to_string()), "{raw:?}");
    }
}

#[test]
fn spellings_from_customs_files_read_as_one_name() {
    names(&["ANGOLA", "Angola", "angola ", "AO", "AGO"], "Angola", "安哥拉");
    names(
        &[
            "UNITED STATES",
            "United States of America",
            "USA",
            "US",
            "us",
            "U.S.A.",
            "U.S.",
            "ESTADOS UNIDOS",
            "Estados Unidos de América",
            "EE.UU.",
            "US - UNITED STATES",
            "249 - ESTADOS UNIDOS",
            "美国",
        ],
        "United States",
        "美国",
    );
    names(&["CHINA", "CN", "CHN", "China, People's Republic of", "PRC", "P.R. CHINA", "中国"], "China", "中国");
    names(
        &["KOREA, REPUBLIC OF", "Korea (South)", "Republic of Korea", "Korea, Rep.", "COREA DEL SUR", "KR", "KOR"],
        "South Korea",
        "韩国",
    );
    names(&["KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", "Korea (North)", "DPRK"], "North Korea", "朝鲜");
    names(&["VIET NAM", "Vietnam", "VIETNAM, DEMOCRATIC REPUBLIC OF", "VN"], "Vietnam", "越南");
    names(&["TURKIYE", "Türkiye", "TÜRKİYE", "TURKEY", "TR"], "Türkiye", "土耳其");
    names(&["RUSSIAN FEDERATION", "Russia", "RU"], "Russia", "俄罗斯");
    names(&["UAE", "U.A.E.", "UNITED ARAB EMIRATES", "AE"], "United Arab Emirates", "阿联酋");
    names(&["HONG KONG", "Hong Kong SAR", "Hong Kong SAR, China", "China, Hong Kong SAR", "HK"], "Hong Kong", "中国香港");
    names(&["MACAU", "Macao SAR, China"], "Macao", "中国澳门");
    names(&["TAIWAN", "TAIWAN, PROVINCE OF CHINA", "Chinese Taipei", "TW"], "Taiwan", "中国台湾");
    names(&["CÔTE D'IVOIRE", "Cote d'Ivoire", "COTE DIVOIRE", "Ivory Coast", "CI"], "Côte d'Ivoire", "科特迪瓦");
    names(&["BRASIL", "BRAZIL", "BRAZIL (BR)"], "Brazil", "巴西");
    names(&["MÉXICO", "MEXICO"], "Mexico", "墨西哥");
    names(&["PERÚ", "PERU"], "Peru", "秘鲁");
    names(&["ALEMANIA", "ALEMANHA", "GERMANY", "DE", "DEU"], "Germany", "德国");
    names(&["JAPÓN", "JAPAN"], "Japan", "日本");
    names(&["REINO UNIDO", "UNITED KINGDOM", "UK", "U.K.", "GB", "Great Britain"], "United Kingdom", "英国");
    names(&["FRANCIA", "FRANCE"], "France", "法国");
    names(&["ITALIA", "ITALY", "IT"], "Italy", "意大利");
    names(&["ESPAÑA", "SPAIN", "SPAIN (ES)", "ES"], "Spain", "西班牙");
    names(&["PAÍSES BAJOS", "NETHERLANDS", "The Netherlands", "Holland"], "Netherlands", "荷兰");
    names(&["CHILE (CL)"], "Chile", "智利");
    names(&["BOLIVIA, PLURINATIONAL STATE OF"], "Bolivia", "玻利维亚");
    names(&["CONGO, REPUBLIC OF", "Congo"], "Republic of the Congo", "刚果（布）");
    names(&["CONGO, THE DEMOCRATIC REPUBLIC OF", "DRC", "Congo, Dem. Rep."], "DR Congo", "刚果（金）");
    names(&["IRAN, ISLAMIC REPUBLIC OF"], "Iran", "伊朗");
    names(&["Gambia, The"], "Gambia", "冈比亚");
    names(&["ST. KITTS & NEVIS", "Saint Kitts and Nevis"], "Saint Kitts and Nevis", "圣基茨和尼维斯");
    names(&["SAINT LUCIA", "St Lucia"], "Saint Lucia", "圣卢西亚");
    names(&["Cayman Is.", "CAYMAN ISLANDS"], "Cayman Islands", "开曼群岛");
    names(&["PUERTO RICO", "PR"], "Puerto Rico", "波多黎各");
    names(&["SOUTH AFRICA", "ZA"], "South Africa", "南非");
}

#[test]
fn every_country_in_the_real_samples_is_known() {
    // The origin, destination, trade-country and ISO columns of the provider samples in
    // `shared/real-samples` (Angola … Vietnam), every distinct value.
    let seen = [
        "ANGOLA",
        "ARGENTINA",
        "AUSTRALIA",
        "BAHAMAS",
        "BARBADOS",
        "BELGIUM",
        "BOLIVIA, PLURINATIONAL STATE OF",
        "BOTSWANA",
        "BRAZIL",
        "BRAZIL (BR)",
        "BULGARIA",
        "CAMEROON",
        "CANADA",
        "CHILE",
        "CHILE (CL)",
        "CHINA",
        "CN",
        "COLOMBIA",
        "CONGO, REPUBLIC OF",
        "CONGO, THE DEMOCRATIC REPUBLIC OF",
        "COSTA RICA",
        "CROATIA",
        "CUBA",
        "DOMINICAN REPUBLIC",
        "ECUADOR",
        "EGYPT",
        "EL SALVADOR",
        "ES",
        "EUROPEAN UNION",
        "FR",
        "FRANCE",
        "GE",
        "GEORGIA",
        "GERMANY",
        "GHANA",
        "GUATEMALA",
        "HAITI",
        "HONDURAS",
        "HONG KONG",
        "IN",
        "INDIA",
        "INDONESIA",
        "IRAN, ISLAMIC REPUBLIC OF",
        "IRELAND",
        "ISRAEL",
        "IT",
        "ITALY",
        "JAMAICA",
        "JAPAN",
        "KENYA",
        "KOREA, REPUBLIC OF",
        "MALAYSIA",
        "MEXICO",
        "MOROCCO",
        "NA",
        "NAMIBIA",
        "NEPAL",
        "NETHERLANDS",
        "NICARAGUA",
        "NIGERIA",
        "NP",
        "OM",
        "OMAN",
        "PANAMA",
        "PERU",
        "POLAND",
        "PORTUGAL",
        "PUERTO RICO",
        "QA",
        "QATAR",
        "RUSSIAN FEDERATION",
        "RWANDA",
        "SAINT LUCIA",
        "SAUDI ARABIA",
        "SINGAPORE",
        "SOUTH AFRICA",
        "SPAIN",
        "SPAIN (ES)",
        "SRI LANKA",
        "TAIWAN, PROVINCE OF CHINA",
        "THAILAND",
        "TURKEY",
        "TW",
        "UGANDA",
        "UKRAINE",
        "UNITED ARAB EMIRATES",
        "UNITED KINGDOM",
        "UNITED STATES",
        "URUGUAY",
        "US",
        "VIETNAM",
        "VIETNAM, DEMOCRATIC REPUBLIC OF",
        "ZA",
        "ZAMBIA",
        "ZIMBABWE",
        "ZM",
        "ZW",
    ];
    for raw in seen {
        assert!(find(raw).is_some(), "{raw:?}");
        assert_ne!(country(Lang::Zh, raw), raw, "{raw:?}");
    }
    assert_eq!(country(Lang::En, "FREE ZONES OF PERU"), "FREE ZONES OF PERU", "a zone, not a country");
}

#[test]
fn what_is_not_known_comes_back_unchanged() {
    for raw in ["ATLANTIS", "", "FREE ZONES OF PERU", "NULL", "N/A", "XX", "BRAZIL (CL)", "Virgin Islands"] {
        assert_eq!(country(Lang::En, raw), raw, "{raw:?}");
        assert_eq!(country(Lang::Zh, raw), raw, "{raw:?}");
    }
    assert_eq!(country(Lang::Zh, "  ATLANTIS  "), "ATLANTIS", "trimmed");
}

#[test]
fn a_code_counts_only_as_the_whole_text() {
    assert_ne!(country(Lang::En, "US VIRGIN ISLANDS"), "United States");
    assert_eq!(country(Lang::En, "US VIRGIN ISLANDS"), "U.S. Virgin Islands");
    assert_eq!(country(Lang::En, "VIRGIN ISLANDS, U.S."), "U.S. Virgin Islands");
    assert_eq!(country(Lang::En, "US STEEL"), "US STEEL");
    assert_eq!(country(Lang::En, "IN TRANSIT"), "IN TRANSIT");
    assert_eq!(country(Lang::En, "N/A"), "N/A", "not Namibia");
}

#[test]
fn every_chinese_name_is_chinese() {
    let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    for c in COUNTRIES {
        assert!(c.zh.chars().any(cjk), "{}: {}", c.en, c.zh);
        assert!(c.iso2.len() == 2 && c.iso2.bytes().all(|b| b.is_ascii_uppercase()), "{}", c.en);
        assert!(c.iso3.is_empty() || (c.iso3.len() == 3 && c.iso3.bytes().all(|b| b.is_ascii_uppercase())), "{}", c.en);
    }
}

#[test]
fn no_two_countries_share_a_spelling() {
    let index = build();
    assert!(index.collisions.is_empty(), "{:#?}", index.collisions);
    // A spelling that looks like a code is only reached when the code is the same country's.
    for (i, c) in COUNTRIES.iter().enumerate() {
        for alias in c.aliases {
            if let Some(code) = as_code(alias.trim())
                && let Some(other) = index.codes.get(code.as_str())
            {
                assert_eq!(*other, i, "{alias:?} of {} is the code of {}", c.en, COUNTRIES[*other].en);
            }
        }
    }
    // Every UN member state (193), the two observers and the territories are there.
    assert!(COUNTRIES.len() >= 195 + 50, "{}", COUNTRIES.len());
}

#[test]
fn every_name_finds_its_own_country() {
    for c in COUNTRIES {
        assert_eq!(country(Lang::En, c.zh), c.en);
        assert_eq!(country(Lang::Zh, c.en), c.zh);
        for alias in c.aliases {
            assert_eq!(country(Lang::En, alias), c.en, "{alias:?}");
        }
    }
}

#[test]
fn the_search_finds_a_country_by_either_name() {
    assert!(matches("UNITED STATES", "united"));
    assert!(matches("USA", "united states"));
    assert!(matches("USA", "美国"));
    assert!(matches("TURKIYE", "türkiye"));
    assert!(matches("Türkiye", "turkiye"));
    assert!(matches("CÔTE D'IVOIRE", "cote"));
    assert!(matches("ATLANTIS", "atlan"));
    assert!(!matches("ATLANTIS", "美国"));
    assert!(!matches("CHINA", "japan"));
}
