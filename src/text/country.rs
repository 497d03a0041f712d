//! Country names in the reader's language.
//!
//! Customs files spell one country many ways (`UNITED STATES`, `USA`, `U.S.A.`, `ESTADOS UNIDOS`,
//! `KOREA, REPUBLIC OF`, `VIET NAM`, `BRAZIL (BR)`, ISO codes), and a Chinese reader reads 美国, not
//! `UNITED STATES`. [`country`] recognises a spelling — ignoring case, accents, punctuation and
//! spaces; a two- or three-letter ISO code only when it is the whole text — and gives the usual
//! English or standard Simplified Chinese name; a text it does not recognise comes back as it is,
//! trimmed: it never guesses.

use crate::text::Lang;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One country or territory: its ISO 3166 codes, names and the other spellings files use.
struct Country {
    iso2: &'static str,
    /// Empty when there is none (the European Union).
    iso3: &'static str,
    en: &'static str,
    zh: &'static str,
    /// Spellings besides the English and Chinese names, compared after [`key`].
    aliases: &'static [&'static str],
}

const fn c(iso2: &'static str, iso3: &'static str, en: &'static str, zh: &'static str, aliases: &'static [&'static str]) -> Country {
    Country { iso2, iso3, en, zh, aliases }
}

/// Every UN member state, the two observer states, Hong Kong, Macao, Taiwan, the other ISO 3166
/// territories, Kosovo and the European Union (an origin some files give).
static COUNTRIES: &[Country] = &[
    // UN member states.
    c("AF", "AFG", "Afghanistan", "阿富汗", &["Islamic Republic of Afghanistan", "Afganistán", "Afeganistão"]),
    c("AL", "ALB", "Albania", "阿尔巴尼亚", &["Republic of Albania", "Albânia", "Albanie"]),
    c("DZ", "DZA", "Algeria", "阿尔及利亚", &["People's Democratic Republic of Algeria", "Argelia", "Argélia", "Algérie"]),
    c("AD", "AND", "Andorra", "安道尔", &["Principality of Andorra", "Andorre"]),
    c("AO", "AGO", "Angola", "安哥拉", &["Republic of Angola"]),
    c("AG", "ATG", "Antigua and Barbuda", "安提瓜和巴布达", &["Antigua", "Antigua y Barbuda", "Antígua e Barbuda"]),
    c("AR", "ARG", "Argentina", "阿根廷", &["Argentine Republic", "Argentine"]),
    c("AM", "ARM", "Armenia", "亚美尼亚", &["Republic of Armenia", "Armênia", "Arménie"]),
    c("AU", "AUS", "Australia", "澳大利亚", &["Commonwealth of Australia", "Austrália", "Australie", "澳洲"]),
    c("AT", "AUT", "Austria", "奥地利", &["Republic of Austria", "Áustria", "Autriche", "Österreich"]),
    c("AZ", "AZE", "Azerbaijan", "阿塞拜疆", &["Republic of Azerbaijan", "Azerbaiyán", "Azerbaijão"]),
    c("BS", "BHS", "Bahamas", "巴哈马", &["Commonwealth of the Bahamas", "Bahamas, The"]),
    c("BH", "BHR", "Bahrain", "巴林", &["Kingdom of Bahrain", "Bahrein", "Baréin", "Barém"]),
    c("BD", "BGD", "Bangladesh", "孟加拉国", &["People's Republic of Bangladesh", "Bangladés", "孟加拉"]),
    c("BB", "BRB", "Barbados", "巴巴多斯", &[]),
    c("BY", "BLR", "Belarus", "白俄罗斯", &["Republic of Belarus", "Bielorrusia", "Bielorrússia", "Belarús", "Byelorussia"]),
    c("BE", "BEL", "Belgium", "比利时", &["Kingdom of Belgium", "Bélgica", "Belgique", "België"]),
    c("BZ", "BLZ", "Belize", "伯利兹", &["Belice"]),
    c("BJ", "BEN", "Benin", "贝宁", &["Republic of Benin", "Benín", "Bénin"]),
    c("BT", "BTN", "Bhutan", "不丹", &["Kingdom of Bhutan", "Bután", "Butão"]),
    c(
        "BO",
        "BOL",
        "Bolivia",
        "玻利维亚",
        &["Bolivia, Plurinational State of", "Plurinational State of Bolivia", "Estado Plurinacional de Bolivia", "Bolívia"],
    ),
    c(
        "BA",
        "BIH",
        "Bosnia and Herzegovina",
        "波斯尼亚和黑塞哥维那",
        &["Bosnia-Herzegovina", "Bosnia", "Bosnia y Herzegovina", "Bósnia e Herzegovina", "Bosnie-Herzégovine", "波黑"],
    ),
    c("BW", "BWA", "Botswana", "博茨瓦纳", &["Republic of Botswana", "Botsuana"]),
    c("BR", "BRA", "Brazil", "巴西", &["Brasil", "Federative Republic of Brazil", "República Federativa do Brasil", "Brésil"]),
    c("BN", "BRN", "Brunei", "文莱", &["Brunei Darussalam", "Brunéi"]),
    c("BG", "BGR", "Bulgaria", "保加利亚", &["Republic of Bulgaria", "Bulgária", "Bulgarie"]),
    c("BF", "BFA", "Burkina Faso", "布基纳法索", &["Burkina"]),
    c("BI", "BDI", "Burundi", "布隆迪", &["Republic of Burundi"]),
    c("CV", "CPV", "Cabo Verde", "佛得角", &["Cape Verde", "Republic of Cabo Verde", "Cap-Vert"]),
    c("KH", "KHM", "Cambodia", "柬埔寨", &["Kingdom of Cambodia", "Camboya", "Camboja", "Cambodge"]),
    c("CM", "CMR", "Cameroon", "喀麦隆", &["Republic of Cameroon", "Camerún", "Camarões", "Cameroun"]),
    c("CA", "CAN", "Canada", "加拿大", &["Canadá"]),
    c(
        "CF",
        "CAF",
        "Central African Republic",
        "中非",
        &["República Centroafricana", "República Centro-Africana", "Centrafrique", "Central African Rep.", "中非共和国"],
    ),
    c("TD", "TCD", "Chad", "乍得", &["Republic of Chad", "Chade", "Tchad"]),
    c("CL", "CHL", "Chile", "智利", &["Republic of Chile", "Chili"]),
    c(
        "CN",
        "CHN",
        "China",
        "中国",
        &[
            "China, People's Republic of",
            "People's Republic of China",
            "PRC",
            "P.R. China",
            "China PR",
            "China P.R.",
            "China Mainland",
            "Mainland China",
            "China (Mainland)",
            "República Popular China",
            "República Popular da China",
            "Chine",
            "中华人民共和国",
            "中国大陆",
        ],
    ),
    c("CO", "COL", "Colombia", "哥伦比亚", &["Republic of Colombia", "Colômbia", "Colombie"]),
    c("KM", "COM", "Comoros", "科摩罗", &["Union of the Comoros", "Comoras", "Comores"]),
    c(
        "CG",
        "COG",
        "Republic of the Congo",
        "刚果（布）",
        &[
            "Congo",
            "Congo, Republic of",
            "Congo, Rep.",
            "Congo Republic",
            "Congo (Brazzaville)",
            "Congo-Brazzaville",
            "República del Congo",
            "República do Congo",
            "刚果共和国",
        ],
    ),
    c(
        "CD",
        "COD",
        "DR Congo",
        "刚果（金）",
        &[
            "Democratic Republic of the Congo",
            "Congo, The Democratic Republic of",
            "Congo, Democratic Republic of the",
            "Congo, Dem. Rep.",
            "Congo Democratic Republic",
            "Dem. Rep. Congo",
            "Congo DR",
            "DRC",
            "Congo (Kinshasa)",
            "Congo-Kinshasa",
            "Zaire",
            "República Democrática del Congo",
            "República Democrática do Congo",
            "刚果民主共和国",
        ],
    ),
    c("CR", "CRI", "Costa Rica", "哥斯达黎加", &["Republic of Costa Rica"]),
    c(
        "CI",
        "CIV",
        "Côte d'Ivoire",
        "科特迪瓦",
        &["Ivory Coast", "Republic of Côte d'Ivoire", "Costa de Marfil", "Costa do Marfim", "象牙海岸"],
    ),
    c("HR", "HRV", "Croatia", "克罗地亚", &["Republic of Croatia", "Croacia", "Croácia", "Croatie", "Hrvatska"]),
    c("CU", "CUB", "Cuba", "古巴", &["Republic of Cuba"]),
    c("CY", "CYP", "Cyprus", "塞浦路斯", &["Republic of Cyprus", "Chipre", "Chypre"]),
    c(
        "CZ",
        "CZE",
        "Czechia",
        "捷克",
        &["Czech Republic", "Czech Rep.", "República Checa", "Chequia", "República Tcheca", "Tchéquia", "Tchéquie", "捷克共和国"],
    ),
    c("DK", "DNK", "Denmark", "丹麦", &["Kingdom of Denmark", "Dinamarca", "Danemark", "Danmark"]),
    c("DJ", "DJI", "Djibouti", "吉布提", &["Republic of Djibouti", "Yibuti"]),
    c("DM", "DMA", "Dominica", "多米尼克", &["Commonwealth of Dominica"]),
    c(
        "DO",
        "DOM",
        "Dominican Republic",
        "多米尼加",
        &["Dominican Rep.", "República Dominicana", "République dominicaine", "多米尼加共和国"],
    ),
    c("EC", "ECU", "Ecuador", "厄瓜多尔", &["Republic of Ecuador", "Equador", "Équateur"]),
    c("EG", "EGY", "Egypt", "埃及", &["Arab Republic of Egypt", "Egypt, Arab Rep.", "Egipto", "Egito", "Égypte"]),
    c("SV", "SLV", "El Salvador", "萨尔瓦多", &["Republic of El Salvador", "Salvador, El"]),
    c("GQ", "GNQ", "Equatorial Guinea", "赤道几内亚", &["Guinea Ecuatorial", "Guiné Equatorial", "Guinée équatoriale"]),
    c("ER", "ERI", "Eritrea", "厄立特里亚", &["State of Eritrea", "Eritreia", "Érythrée"]),
    c("EE", "EST", "Estonia", "爱沙尼亚", &["Republic of Estonia", "Estônia", "Estónia", "Estonie"]),
    c("SZ", "SWZ", "Eswatini", "斯威士兰", &["Swaziland", "Kingdom of Eswatini", "Esuatini", "Suazilandia", "Essuatíni"]),
    c("ET", "ETH", "Ethiopia", "埃塞俄比亚", &["Federal Democratic Republic of Ethiopia", "Etiopía", "Etiópia", "Éthiopie"]),
    c("FJ", "FJI", "Fiji", "斐济", &["Republic of Fiji", "Fiyi", "Fidji"]),
    c("FI", "FIN", "Finland", "芬兰", &["Republic of Finland", "Finlandia", "Finlândia", "Finlande", "Suomi"]),
    c("FR", "FRA", "France", "法国", &["French Republic", "Francia", "França"]),
    c("GA", "GAB", "Gabon", "加蓬", &["Gabonese Republic", "Gabón", "Gabão"]),
    c("GM", "GMB", "Gambia", "冈比亚", &["The Gambia", "Gambia, The", "Republic of the Gambia", "Gâmbia", "Gambie"]),
    c("GE", "GEO", "Georgia", "格鲁吉亚", &["Geórgia", "Géorgie"]),
    c("DE", "DEU", "Germany", "德国", &["Federal Republic of Germany", "Alemania", "Alemanha", "Allemagne", "Deutschland"]),
    c("GH", "GHA", "Ghana", "加纳", &["Republic of Ghana", "Gana"]),
    c("GR", "GRC", "Greece", "希腊", &["Hellenic Republic", "Grecia", "Grécia", "Grèce", "Hellas"]),
    c("GD", "GRD", "Grenada", "格林纳达", &[]),
    c("GT", "GTM", "Guatemala", "危地马拉", &["Republic of Guatemala"]),
    c("GN", "GIN", "Guinea", "几内亚", &["Republic of Guinea", "Guinea-Conakry", "Guiné", "Guinée"]),
    c("GW", "GNB", "Guinea-Bissau", "几内亚比绍", &["Republic of Guinea-Bissau", "Guiné-Bissau", "Guinée-Bissau"]),
    c("GY", "GUY", "Guyana", "圭亚那", &["Co-operative Republic of Guyana"]),
    c("HT", "HTI", "Haiti", "海地", &["Republic of Haiti", "Haití", "Haïti"]),
    c("HN", "HND", "Honduras", "洪都拉斯", &["Republic of Honduras"]),
    c("HU", "HUN", "Hungary", "匈牙利", &["Hungría", "Hungria", "Hongrie", "Magyarország"]),
    c("IS", "ISL", "Iceland", "冰岛", &["Islandia", "Islândia", "Islande"]),
    c("IN", "IND", "India", "印度", &["Republic of India", "Índia", "Inde", "Bharat"]),
    c("ID", "IDN", "Indonesia", "印度尼西亚", &["Republic of Indonesia", "Indonésia", "Indonésie", "印尼"]),
    c("IR", "IRN", "Iran", "伊朗", &["Iran, Islamic Republic of", "Islamic Republic of Iran", "Iran, Islamic Rep.", "Irán", "Irã", "Irão"]),
    c("IQ", "IRQ", "Iraq", "伊拉克", &["Republic of Iraq", "Irak", "Iraque"]),
    c("IE", "IRL", "Ireland", "爱尔兰", &["Republic of Ireland", "Irlanda", "Irlande", "Eire", "Éire"]),
    c("IL", "ISR", "Israel", "以色列", &["State of Israel", "Israël"]),
    c("IT", "ITA", "Italy", "意大利", &["Italian Republic", "Italia", "Itália", "Italie"]),
    c("JM", "JAM", "Jamaica", "牙买加", &["Jamaïque"]),
    c("JP", "JPN", "Japan", "日本", &["Japón", "Japão", "Japon", "Nippon"]),
    c("JO", "JOR", "Jordan", "约旦", &["Hashemite Kingdom of Jordan", "Jordania", "Jordânia", "Jordanie"]),
    c("KZ", "KAZ", "Kazakhstan", "哈萨克斯坦", &["Republic of Kazakhstan", "Kazajistán", "Cazaquistão", "Kazakstan"]),
    c("KE", "KEN", "Kenya", "肯尼亚", &["Republic of Kenya", "Kenia", "Quênia", "Quénia"]),
    c("KI", "KIR", "Kiribati", "基里巴斯", &["Republic of Kiribati", "Quiribati"]),
    c(
        "KP",
        "PRK",
        "North Korea",
        "朝鲜",
        &[
            "Korea, Democratic People's Republic of",
            "Democratic People's Republic of Korea",
            "Korea, Dem. People's Rep.",
            "Korea (North)",
            "Korea North",
            "DPRK",
            "DPR Korea",
            "Corea del Norte",
            "Coreia do Norte",
            "Corée du Nord",
        ],
    ),
    c(
        "KR",
        "KOR",
        "South Korea",
        "韩国",
        &[
            "Korea, Republic of",
            "Republic of Korea",
            "Korea, Rep.",
            "Korea (South)",
            "Korea South",
            "Korea",
            "ROK",
            "Corea del Sur",
            "Corea",
            "Coreia do Sul",
            "Coreia",
            "Corée du Sud",
            "大韩民国",
            "南韩",
        ],
    ),
    c("KW", "KWT", "Kuwait", "科威特", &["State of Kuwait", "Koweït", "Kuaite"]),
    c("KG", "KGZ", "Kyrgyzstan", "吉尔吉斯斯坦", &["Kyrgyz Republic", "Kirguistán", "Quirguistão", "Kirghizstan"]),
    c("LA", "LAO", "Laos", "老挝", &["Lao People's Democratic Republic", "Lao PDR", "Lao", "Lao People's Dem. Rep."]),
    c("LV", "LVA", "Latvia", "拉脱维亚", &["Republic of Latvia", "Letonia", "Letônia", "Letónia", "Lettonie"]),
    c("LB", "LBN", "Lebanon", "黎巴嫩", &["Lebanese Republic", "Líbano", "Liban"]),
    c("LS", "LSO", "Lesotho", "莱索托", &["Kingdom of Lesotho", "Lesoto"]),
    c("LR", "LBR", "Liberia", "利比里亚", &["Republic of Liberia", "Libéria"]),
    c("LY", "LBY", "Libya", "利比亚", &["State of Libya", "Libyan Arab Jamahiriya", "Libia", "Líbia", "Libye"]),
    c("LI", "LIE", "Liechtenstein", "列支敦士登", &["Principality of Liechtenstein"]),
    c("LT", "LTU", "Lithuania", "立陶宛", &["Republic of Lithuania", "Lituania", "Lituânia", "Lituanie"]),
    c("LU", "LUX", "Luxembourg", "卢森堡", &["Grand Duchy of Luxembourg", "Luxemburgo", "Luxemburg"]),
    c("MG", "MDG", "Madagascar", "马达加斯加", &["Republic of Madagascar", "Madagáscar"]),
    c("MW", "MWI", "Malawi", "马拉维", &["Republic of Malawi", "Malaui"]),
    c("MY", "MYS", "Malaysia", "马来西亚", &["Malasia", "Malásia", "Malaisie"]),
    c("MV", "MDV", "Maldives", "马尔代夫", &["Republic of Maldives", "Maldivas"]),
    c("ML", "MLI", "Mali", "马里", &["Republic of Mali", "Malí"]),
    c("MT", "MLT", "Malta", "马耳他", &["Republic of Malta", "Malte"]),
    c("MH", "MHL", "Marshall Islands", "马绍尔群岛", &["Republic of the Marshall Islands", "Islas Marshall", "Ilhas Marshall"]),
    c("MR", "MRT", "Mauritania", "毛里塔尼亚", &["Islamic Republic of Mauritania", "Mauritânia", "Mauritanie"]),
    c("MU", "MUS", "Mauritius", "毛里求斯", &["Republic of Mauritius", "Mauricio", "Maurício", "Maurice"]),
    c("MX", "MEX", "Mexico", "墨西哥", &["United Mexican States", "México", "Méjico", "Mexique", "Estados Unidos Mexicanos"]),
    c(
        "FM",
        "FSM",
        "Micronesia",
        "密克罗尼西亚联邦",
        &["Micronesia, Federated States of", "Federated States of Micronesia", "Micronesia, Fed. Sts."],
    ),
    c("MD", "MDA", "Moldova", "摩尔多瓦", &["Moldova, Republic of", "Republic of Moldova", "Moldavia", "Moldávia"]),
    c("MC", "MCO", "Monaco", "摩纳哥", &["Principality of Monaco", "Mónaco"]),
    c("MN", "MNG", "Mongolia", "蒙古国", &["Mongólia", "Mongolie", "蒙古"]),
    c("ME", "MNE", "Montenegro", "黑山", &["Monténégro"]),
    c("MA", "MAR", "Morocco", "摩洛哥", &["Kingdom of Morocco", "Marruecos", "Marrocos", "Maroc"]),
    c("MZ", "MOZ", "Mozambique", "莫桑比克", &["Republic of Mozambique", "Moçambique"]),
    c("MM", "MMR", "Myanmar", "缅甸", &["Burma", "Republic of the Union of Myanmar", "Myanmar (Burma)", "Birmania", "Birmânia"]),
    c("NA", "NAM", "Namibia", "纳米比亚", &["Republic of Namibia", "Namíbia", "Namibie"]),
    c("NR", "NRU", "Nauru", "瑙鲁", &["Republic of Nauru"]),
    c("NP", "NPL", "Nepal", "尼泊尔", &["Federal Democratic Republic of Nepal", "Népal"]),
    c(
        "NL",
        "NLD",
        "Netherlands",
        "荷兰",
        &[
            "Netherlands, Kingdom of the",
            "Kingdom of the Netherlands",
            "Holland",
            "Holanda",
            "Países Bajos",
            "Países Baixos",
            "Pays-Bas",
            "Nederland",
        ],
    ),
    c("NZ", "NZL", "New Zealand", "新西兰", &["Nueva Zelanda", "Nova Zelândia", "Nouvelle-Zélande", "Aotearoa"]),
    c("NI", "NIC", "Nicaragua", "尼加拉瓜", &["Republic of Nicaragua"]),
    c("NE", "NER", "Niger", "尼日尔", &["Republic of the Niger", "Níger"]),
    c("NG", "NGA", "Nigeria", "尼日利亚", &["Federal Republic of Nigeria", "Nigéria"]),
    c(
        "MK",
        "MKD",
        "North Macedonia",
        "北马其顿",
        &[
            "Republic of North Macedonia",
            "Macedonia",
            "Macedonia, the Former Yugoslav Republic of",
            "The former Yugoslav Republic of Macedonia",
            "Macedonia, FYR",
            "FYROM",
            "Macedonia del Norte",
            "Macedônia do Norte",
            "马其顿",
        ],
    ),
    c("NO", "NOR", "Norway", "挪威", &["Kingdom of Norway", "Noruega", "Norvège", "Norge"]),
    c("OM", "OMN", "Oman", "阿曼", &["Sultanate of Oman", "Omán", "Omã"]),
    c("PK", "PAK", "Pakistan", "巴基斯坦", &["Islamic Republic of Pakistan", "Pakistán", "Paquistão"]),
    c("PW", "PLW", "Palau", "帕劳", &["Republic of Palau", "Belau"]),
    c("PA", "PAN", "Panama", "巴拿马", &["Republic of Panama", "Panamá"]),
    c("PG", "PNG", "Papua New Guinea", "巴布亚新几内亚", &["Papua Nueva Guinea", "Papua-Nova Guiné", "Papouasie-Nouvelle-Guinée"]),
    c("PY", "PRY", "Paraguay", "巴拉圭", &["Republic of Paraguay", "Paraguai"]),
    c("PE", "PER", "Peru", "秘鲁", &["Republic of Peru", "Perú", "Pérou"]),
    c("PH", "PHL", "Philippines", "菲律宾", &["Republic of the Philippines", "Filipinas", "Philippine Islands"]),
    c("PL", "POL", "Poland", "波兰", &["Republic of Poland", "Polonia", "Polônia", "Polónia", "Pologne", "Polska"]),
    c("PT", "PRT", "Portugal", "葡萄牙", &["Portuguese Republic"]),
    c("QA", "QAT", "Qatar", "卡塔尔", &["State of Qatar", "Catar"]),
    c("RO", "ROU", "Romania", "罗马尼亚", &["Rumania", "Rumanía", "Romênia", "Roménia", "Roumanie", "Roumania"]),
    c(
        "RU",
        "RUS",
        "Russia",
        "俄罗斯",
        &["Russian Federation", "Rusia", "Rússia", "Federación de Rusia", "Federação Russa", "Russie", "俄罗斯联邦"],
    ),
    c("RW", "RWA", "Rwanda", "卢旺达", &["Republic of Rwanda", "Ruanda"]),
    c(
        "KN",
        "KNA",
        "Saint Kitts and Nevis",
        "圣基茨和尼维斯",
        &["Saint Christopher and Nevis", "San Cristóbal y Nieves", "São Cristóvão e Névis", "Saint Kitts"],
    ),
    c("LC", "LCA", "Saint Lucia", "圣卢西亚", &["Santa Lucía", "Santa Lúcia", "Sainte-Lucie"]),
    c(
        "VC",
        "VCT",
        "Saint Vincent and the Grenadines",
        "圣文森特和格林纳丁斯",
        &["Saint Vincent", "San Vicente y las Granadinas", "São Vicente e Granadinas"],
    ),
    c("WS", "WSM", "Samoa", "萨摩亚", &["Independent State of Samoa", "Western Samoa"]),
    c("SM", "SMR", "San Marino", "圣马力诺", &["Republic of San Marino", "Saint-Marin"]),
    c("ST", "STP", "São Tomé and Príncipe", "圣多美和普林西比", &["Santo Tomé y Príncipe", "São Tomé e Príncipe", "Sao Tome"]),
    c(
        "SA",
        "SAU",
        "Saudi Arabia",
        "沙特阿拉伯",
        &["Kingdom of Saudi Arabia", "KSA", "Arabia Saudita", "Arabia Saudí", "Arábia Saudita", "Arabie saoudite", "沙特"],
    ),
    c("SN", "SEN", "Senegal", "塞内加尔", &["Republic of Senegal", "Sénégal"]),
    c("RS", "SRB", "Serbia", "塞尔维亚", &["Republic of Serbia", "Sérvia", "Serbie"]),
    c("SC", "SYC", "Seychelles", "塞舌尔", &["Republic of Seychelles"]),
    c("SL", "SLE", "Sierra Leone", "塞拉利昂", &["Republic of Sierra Leone", "Serra Leoa"]),
    c("SG", "SGP", "Singapore", "新加坡", &["Republic of Singapore", "Singapur", "Singapura", "Cingapura", "Singapour"]),
    c("SK", "SVK", "Slovakia", "斯洛伐克", &["Slovak Republic", "Eslovaquia", "Eslováquia", "Slovaquie"]),
    c("SI", "SVN", "Slovenia", "斯洛文尼亚", &["Republic of Slovenia", "Eslovenia", "Eslovênia", "Eslovénia", "Slovénie"]),
    c("SB", "SLB", "Solomon Islands", "所罗门群岛", &["Islas Salomón", "Ilhas Salomão"]),
    c("SO", "SOM", "Somalia", "索马里", &["Federal Republic of Somalia", "Somália", "Somalie"]),
    c("ZA", "ZAF", "South Africa", "南非", &["Republic of South Africa", "RSA", "Sudáfrica", "África do Sul", "Afrique du Sud"]),
    c("SS", "SSD", "South Sudan", "南苏丹", &["Republic of South Sudan", "Sudán del Sur", "Sudão do Sul", "Sudan, South"]),
    c("ES", "ESP", "Spain", "西班牙", &["Kingdom of Spain", "España", "Espanha", "Espagne"]),
    c("LK", "LKA", "Sri Lanka", "斯里兰卡", &["Democratic Socialist Republic of Sri Lanka", "Ceylon"]),
    c("SD", "SDN", "Sudan", "苏丹", &["Republic of the Sudan", "Sudán", "Sudão", "Soudan"]),
    c("SR", "SUR", "Suriname", "苏里南", &["Republic of Suriname", "Surinam"]),
    c("SE", "SWE", "Sweden", "瑞典", &["Kingdom of Sweden", "Suecia", "Suécia", "Suède", "Sverige"]),
    c("CH", "CHE", "Switzerland", "瑞士", &["Swiss Confederation", "Suiza", "Suíça", "Suisse", "Schweiz", "Svizzera"]),
    c("SY", "SYR", "Syria", "叙利亚", &["Syrian Arab Republic", "Siria", "Síria", "Syrie"]),
    c("TJ", "TJK", "Tajikistan", "塔吉克斯坦", &["Republic of Tajikistan", "Tayikistán", "Tajiquistão"]),
    c("TZ", "TZA", "Tanzania", "坦桑尼亚", &["Tanzania, United Republic of", "United Republic of Tanzania", "Tanzânia", "Tanzanie"]),
    c("TH", "THA", "Thailand", "泰国", &["Kingdom of Thailand", "Tailandia", "Tailândia", "Thaïlande"]),
    c("TL", "TLS", "Timor-Leste", "东帝汶", &["East Timor", "Democratic Republic of Timor-Leste", "Timor Oriental"]),
    c("TG", "TGO", "Togo", "多哥", &["Togolese Republic"]),
    c("TO", "TON", "Tonga", "汤加", &["Kingdom of Tonga"]),
    c("TT", "TTO", "Trinidad and Tobago", "特立尼达和多巴哥", &["Trinidad", "Trinidad y Tobago", "Trinidad e Tobago", "Trinité-et-Tobago"]),
    c("TN", "TUN", "Tunisia", "突尼斯", &["Republic of Tunisia", "Túnez", "Tunísia", "Tunisie"]),
    c(
        "TR",
        "TUR",
        "Türkiye",
        "土耳其",
        &["Turkey", "Republic of Türkiye", "Republic of Turkey", "Turquía", "Turquia", "Turquie", "Türkei"],
    ),
    c("TM", "TKM", "Turkmenistan", "土库曼斯坦", &["Turkmenistán", "Turcomenistão", "Turkménistan"]),
    c("TV", "TUV", "Tuvalu", "图瓦卢", &[]),
    c("UG", "UGA", "Uganda", "乌干达", &["Republic of Uganda", "Ouganda"]),
    c("UA", "UKR", "Ukraine", "乌克兰", &["Ucrania", "Ucrânia"]),
    c(
        "AE",
        "ARE",
        "United Arab Emirates",
        "阿联酋",
        &["UAE", "Emiratos Árabes Unidos", "Emirados Árabes Unidos", "Émirats arabes unis", "阿拉伯联合酋长国"],
    ),
    c(
        "GB",
        "GBR",
        "United Kingdom",
        "英国",
        &[
            "United Kingdom of Great Britain and Northern Ireland",
            "UK",
            "Great Britain",
            "Britain",
            "England",
            "Reino Unido",
            "Royaume-Uni",
            "大不列颠及北爱尔兰联合王国",
        ],
    ),
    c(
        "US",
        "USA",
        "United States",
        "美国",
        &[
            "United States of America",
            "US",
            "USA",
            "America, United States of",
            "Estados Unidos",
            "Estados Unidos de América",
            "Estados Unidos da América",
            "EEUU",
            "EUA",
            "États-Unis",
            "美利坚合众国",
        ],
    ),
    c("UY", "URY", "Uruguay", "乌拉圭", &["Oriental Republic of Uruguay", "Uruguai"]),
    c("UZ", "UZB", "Uzbekistan", "乌兹别克斯坦", &["Republic of Uzbekistan", "Uzbekistán", "Uzbequistão", "Ouzbékistan"]),
    c("VU", "VUT", "Vanuatu", "瓦努阿图", &["Republic of Vanuatu"]),
    c(
        "VE",
        "VEN",
        "Venezuela",
        "委内瑞拉",
        &["Venezuela, Bolivarian Republic of", "Bolivarian Republic of Venezuela", "Venezuela, RB", "República Bolivariana de Venezuela"],
    ),
    c(
        "VN",
        "VNM",
        "Vietnam",
        "越南",
        &["Viet Nam", "Socialist Republic of Vietnam", "Vietnam, Democratic Republic of", "Vietnã", "Vietname", "Viêt Nam"],
    ),
    c("YE", "YEM", "Yemen", "也门", &["Republic of Yemen", "Yemen, Rep.", "Iémen", "Iêmen", "Yémen"]),
    c("ZM", "ZMB", "Zambia", "赞比亚", &["Republic of Zambia", "Zâmbia", "Zambie"]),
    c("ZW", "ZWE", "Zimbabwe", "津巴布韦", &["Republic of Zimbabwe", "Zimbábue", "Zimbabue"]),
    // UN observer states.
    c("VA", "VAT", "Vatican City", "梵蒂冈", &["Holy See", "Holy See (Vatican City State)", "Vatican", "Vatican City State", "Santa Sede"]),
    c(
        "PS",
        "PSE",
        "Palestine",
        "巴勒斯坦",
        &[
            "State of Palestine",
            "Palestine, State of",
            "Palestinian Territory",
            "Palestinian Territories",
            "Occupied Palestinian Territory",
        ],
    ),
    // Hong Kong, Macao and Taiwan.
    c(
        "HK",
        "HKG",
        "Hong Kong",
        "中国香港",
        &[
            "Hong Kong SAR",
            "Hong Kong SAR, China",
            "Hong Kong, China",
            "Hong Kong (China)",
            "Hong Kong Special Administrative Region of China",
            "HKSAR",
            "Hongkong",
            "香港",
            "中国香港特别行政区",
        ],
    ),
    c(
        "MO",
        "MAC",
        "Macao",
        "中国澳门",
        &[
            "Macau",
            "Macao SAR",
            "Macao SAR, China",
            "Macao, China",
            "Macau, China",
            "Macao Special Administrative Region of China",
            "澳门",
            "澳門",
        ],
    ),
    c(
        "TW",
        "TWN",
        "Taiwan",
        "中国台湾",
        &[
            "Taiwan, Province of China",
            "Taiwan, China",
            "Taiwan (China)",
            "Chinese Taipei",
            "Republic of China (Taiwan)",
            "Taiwán",
            "台湾",
            "臺灣",
            "中华台北",
        ],
    ),
    // Territories.
    c("PR", "PRI", "Puerto Rico", "波多黎各", &["Porto Rico", "Commonwealth of Puerto Rico"]),
    c("GL", "GRL", "Greenland", "格陵兰", &["Groenlandia", "Groenlândia", "Kalaallit Nunaat"]),
    c("FO", "FRO", "Faroe Islands", "法罗群岛", &["Faroes", "Faeroe Islands", "Islas Feroe", "Ilhas Feroé"]),
    c("GI", "GIB", "Gibraltar", "直布罗陀", &[]),
    c("BM", "BMU", "Bermuda", "百慕大", &["Bermudas"]),
    c("KY", "CYM", "Cayman Islands", "开曼群岛", &["Islas Caimán", "Ilhas Cayman", "Caymans"]),
    c(
        "VG",
        "VGB",
        "British Virgin Islands",
        "英属维尔京群岛",
        &["Virgin Islands, British", "Virgin Islands (British)", "BVI", "Islas Vírgenes Británicas", "Ilhas Virgens Britânicas"],
    ),
    c(
        "VI",
        "VIR",
        "U.S. Virgin Islands",
        "美属维尔京群岛",
        &[
            "Virgin Islands, U.S.",
            "Virgin Islands (U.S.)",
            "United States Virgin Islands",
            "US Virgin Islands",
            "Islas Vírgenes de los Estados Unidos",
            "Ilhas Virgens Americanas",
        ],
    ),
    c("GU", "GUM", "Guam", "关岛", &[]),
    c("AS", "ASM", "American Samoa", "美属萨摩亚", &["Samoa Americana", "Samoa, American"]),
    c(
        "MP",
        "MNP",
        "Northern Mariana Islands",
        "北马里亚纳群岛",
        &["Mariana Islands, Northern", "Commonwealth of the Northern Mariana Islands"],
    ),
    c(
        "UM",
        "UMI",
        "U.S. Minor Outlying Islands",
        "美国本土外小岛屿",
        &["United States Minor Outlying Islands", "US Minor Outlying Islands"],
    ),
    c("AW", "ABW", "Aruba", "阿鲁巴", &[]),
    c("CW", "CUW", "Curaçao", "库拉索", &[]),
    c("SX", "SXM", "Sint Maarten", "荷属圣马丁", &["Sint Maarten (Dutch part)"]),
    c("BQ", "BES", "Caribbean Netherlands", "荷兰加勒比区", &["Bonaire, Sint Eustatius and Saba", "Bonaire", "BES Islands"]),
    c("NC", "NCL", "New Caledonia", "新喀里多尼亚", &["Nueva Caledonia", "Nova Caledônia", "Nouvelle-Calédonie"]),
    c("PF", "PYF", "French Polynesia", "法属波利尼西亚", &["Polinesia Francesa", "Polinésia Francesa", "Polynésie française"]),
    c("RE", "REU", "Réunion", "留尼汪", &["La Réunion", "Reunión"]),
    c("GP", "GLP", "Guadeloupe", "瓜德罗普", &["Guadalupe"]),
    c("MQ", "MTQ", "Martinique", "马提尼克", &["Martinica"]),
    c("GF", "GUF", "French Guiana", "法属圭亚那", &["Guayana Francesa", "Guiana Francesa", "Guyane", "Guyane française"]),
    c("YT", "MYT", "Mayotte", "马约特", &[]),
    c("PM", "SPM", "Saint Pierre and Miquelon", "圣皮埃尔和密克隆", &["Saint-Pierre-et-Miquelon", "San Pedro y Miquelón"]),
    c("BL", "BLM", "Saint Barthélemy", "圣巴泰勒米", &["Saint Barts", "Saint Barths", "San Bartolomé"]),
    c("MF", "MAF", "Saint Martin", "法属圣马丁", &["Saint Martin (French part)", "Saint-Martin"]),
    c("WF", "WLF", "Wallis and Futuna", "瓦利斯和富图纳", &["Wallis y Futuna", "Wallis-et-Futuna", "Wallis e Futuna"]),
    c("AI", "AIA", "Anguilla", "安圭拉", &["Anguila"]),
    c("MS", "MSR", "Montserrat", "蒙特塞拉特", &[]),
    c(
        "TC",
        "TCA",
        "Turks and Caicos Islands",
        "特克斯和凯科斯群岛",
        &["Turks and Caicos", "Islas Turcas y Caicos", "Ilhas Turcas e Caicos"],
    ),
    c(
        "FK",
        "FLK",
        "Falkland Islands",
        "福克兰群岛（马尔维纳斯）",
        &["Falkland Islands (Malvinas)", "Falklands", "Malvinas", "Islas Malvinas", "福克兰群岛", "马尔维纳斯群岛"],
    ),
    c("SH", "SHN", "Saint Helena", "圣赫勒拿", &["Saint Helena, Ascension and Tristan da Cunha", "Santa Helena"]),
    c("CK", "COK", "Cook Islands", "库克群岛", &["Islas Cook", "Ilhas Cook"]),
    c("NU", "NIU", "Niue", "纽埃", &[]),
    c("TK", "TKL", "Tokelau", "托克劳", &[]),
    c("NF", "NFK", "Norfolk Island", "诺福克岛", &[]),
    c("CX", "CXR", "Christmas Island", "圣诞岛", &[]),
    c("CC", "CCK", "Cocos (Keeling) Islands", "科科斯（基林）群岛", &["Cocos Islands", "Keeling Islands"]),
    c("EH", "ESH", "Western Sahara", "西撒哈拉", &["Sahara Occidental", "Saara Ocidental"]),
    c("XK", "XKX", "Kosovo", "科索沃", &["Republic of Kosovo", "Kosova"]),
    c("AX", "ALA", "Åland Islands", "奥兰群岛", &["Åland"]),
    c("GG", "GGY", "Guernsey", "根西岛", &[]),
    c("JE", "JEY", "Jersey", "泽西岛", &[]),
    c("IM", "IMN", "Isle of Man", "马恩岛", &[]),
    c("SJ", "SJM", "Svalbard and Jan Mayen", "斯瓦尔巴和扬马延", &["Svalbard"]),
    c("PN", "PCN", "Pitcairn Islands", "皮特凯恩群岛", &["Pitcairn"]),
    c("IO", "IOT", "British Indian Ocean Territory", "英属印度洋领地", &["Chagos Islands"]),
    c("AQ", "ATA", "Antarctica", "南极洲", &["Antártida", "Antártica", "Antarctique"]),
    c("GS", "SGS", "South Georgia and the South Sandwich Islands", "南乔治亚和南桑威奇群岛", &["South Georgia"]),
    c("HM", "HMD", "Heard Island and McDonald Islands", "赫德岛和麦克唐纳群岛", &[]),
    c("BV", "BVT", "Bouvet Island", "布韦岛", &[]),
    c("TF", "ATF", "French Southern Territories", "法属南部领地", &["French Southern and Antarctic Lands"]),
    // Not a country, but the origin some files give.
    c("EU", "", "European Union", "欧盟", &["Unión Europea", "União Europeia", "Union européenne", "欧洲联盟"]),
];

/// Words left out of a key, so `Korea, Republic of` and `Republic of Korea` meet.
const STOP_WORDS: &[&str] = &["the", "of", "and", "et", "de", "del", "da", "do", "das", "dos"];

/// Abbreviations written out in a key (`St. Lucia`, `Congo, Dem. Rep.`, `Cayman Is.`).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("st", "saint"),
    ("rep", "republic"),
    ("dem", "democratic"),
    ("is", "islands"),
    ("isl", "islands"),
    ("fed", "federated"),
    ("sts", "states"),
    ("utd", "united"),
];

/// The lookup built from [`COUNTRIES`]: codes (upper case) and spelling keys to table indices.
struct Index {
    codes: FxHashMap<&'static str, usize>,
    keys: FxHashMap<String, usize>,
    /// Spellings (or codes) claimed by two countries: the test keeps this empty.
    collisions: Vec<String>,
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

fn build() -> Index {
    let mut index = Index { codes: FxHashMap::default(), keys: FxHashMap::default(), collisions: Vec::new() };
    for (i, c) in COUNTRIES.iter().enumerate() {
        for code in [c.iso2, c.iso3].into_iter().filter(|code| !code.is_empty()) {
            if let Some(other) = index.codes.insert(code, i).filter(|o| *o != i) {
                index.collisions.push(format!("code {code}: {} and {}", COUNTRIES[other].en, c.en));
            }
        }
        for spelling in [c.en, c.zh].iter().chain(c.aliases) {
            let k = key(spelling);
            if k.is_empty() {
                index.collisions.push(format!("{spelling:?} of {} has an empty key", c.en));
                continue;
            }
            if let Some(other) = index.keys.insert(k, i).filter(|o| *o != i) {
                index.collisions.push(format!("{spelling:?}: {} and {}", COUNTRIES[other].en, c.en));
            }
        }
    }
    index
}

/// Lower case, accents, punctuation and spaces gone: `Côte d'Ivoire` → `cotedivoire`; stop words
/// dropped and abbreviations written out (`St. Kitts & Nevis` → `saintkittsnevis`).
fn key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if STOP_WORDS.contains(&word) {
            continue;
        }
        out.push_str(ABBREVIATIONS.iter().find(|(short, _)| *short == word).map_or(word, |(_, long)| long));
    }
    out
}

/// Lower case without accents; `&` becomes `and`; letters NFKD leaves whole (`ø`, `æ`) spelt out.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.nfkd().filter(|ch| !is_combining_mark(*ch)) {
        match ch {
            '&' => out.push_str(" and "),
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            _ => out.extend(ch.to_lowercase()),
        }
    }
    out
}

/// A whole text of two or three ASCII letters, in upper case: possibly an ISO code.
fn as_code(text: &str) -> Option<String> {
    (matches!(text.len(), 2 | 3) && text.bytes().all(|b| b.is_ascii_alphabetic())).then(|| text.to_ascii_uppercase())
}

/// The country a spelling names, if it is recognised.
fn find(raw: &str) -> Option<&'static Country> {
    find_index(&INDEX, raw).map(|i| &COUNTRIES[i])
}

fn find_index(index: &Index, raw: &str) -> Option<usize> {
    let text = raw.trim();
    if let Some(code) = as_code(text)
        && let Some(i) = index.codes.get(code.as_str())
    {
        return Some(*i);
    }
    let by_key = |t: &str| index.keys.get(&key(t)).copied();
    if let Some(i) = by_key(text) {
        return Some(i);
    }
    // `Gambia, The`, `Korea, South`: the part after a single comma goes first.
    if let Some((before, after)) = text.split_once(',')
        && !after.contains(',')
        && let Some(i) = by_key(&format!("{after} {before}"))
    {
        return Some(i);
    }
    // `BRAZIL (BR)`, `US - United States`, `249 - ESTADOS UNIDOS`: a name with its code, taken only
    // when the code agrees with the name (or is a number, which names nothing by itself here).
    let (name, code) = if let Some(inner) = text.strip_suffix(')')
        && let Some((outer, code)) = inner.rsplit_once('(')
    {
        (outer.trim(), code.trim())
    } else if let Some((a, b)) = text.split_once(" - ").or_else(|| text.split_once(" – ")) {
        if as_code(a.trim()).is_some() || a.trim().bytes().all(|x| x.is_ascii_digit()) {
            (b.trim(), a.trim())
        } else {
            (a.trim(), b.trim())
        }
    } else {
        return None;
    };
    let i = by_key(name)?;
    let c = &COUNTRIES[i];
    let agrees = match as_code(code) {
        Some(code) => code == c.iso2 || code == c.iso3,
        None => !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()),
    };
    agrees.then_some(i)
}

/// The country's usual name in `lang` (`United States` / 美国 for `USA`), or the text trimmed when
/// it names no country this table knows.
pub fn country(lang: Lang, raw: &str) -> Cow<'_, str> {
    match find(raw) {
        Some(c) => Cow::Borrowed(lang.pick(c.en, c.zh)),
        None => Cow::Borrowed(raw.trim()),
    }
}

/// True when the raw text, its country's English name (with or without accents) or its Chinese name
/// contains `needle_lowercase` (the customer search).
pub fn matches(raw: &str, needle_lowercase: &str) -> bool {
    raw.to_lowercase().contains(needle_lowercase)
        || find(raw).is_some_and(|c| {
            c.zh.contains(needle_lowercase) || c.en.to_lowercase().contains(needle_lowercase) || fold(c.en).contains(needle_lowercase)
        })
}

#[cfg(test)]
mod tests {
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
}
