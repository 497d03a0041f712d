//! The currency a value header announces: US dollars (`USD`, `US$`, 美元, `dólares`), another
//! currency by its code, name or sign (`FOB_INR`, `€`, `R$`, `pesos`, 人民币), or nothing said.

use super::super::field::HeaderText;
use super::{has_any, has_any_word};

/// Currencies that mark a value column as not in US dollars.
const LOCAL_CURRENCY_WORDS: &[&str] = &[
    // ISO 4217 codes of the currencies customs data is kept in (never a word of a header otherwise).
    "aed",
    "afn",
    "amd",
    "aoa",
    "ars",
    "aud",
    "azn",
    "bdt",
    "bgn",
    "bhd",
    "bob",
    "brl",
    "bwp",
    "byn",
    "cad",
    "cdf",
    "chf",
    "clp",
    "cny",
    "cop",
    "crc",
    "czk",
    "dkk",
    "dop",
    "dzd",
    "egp",
    "etb",
    "eur",
    "fjd",
    "gbp",
    "ghs",
    "gnf",
    "gtq",
    "hkd",
    "hnl",
    "huf",
    "idr",
    "ils",
    "inr",
    "iqd",
    "irr",
    "jmd",
    "jod",
    "jpy",
    "kes",
    "khr",
    "krw",
    "kwd",
    "kzt",
    "lak",
    "lbp",
    "lkr",
    "mad",
    "mga",
    "mmk",
    "mnt",
    "mur",
    "mwk",
    "mxn",
    "myr",
    "mzn",
    "nad",
    "ngn",
    "nio",
    "nok",
    "npr",
    "nzd",
    "omr",
    "pab",
    "pen",
    "php",
    "pkr",
    "pln",
    "pyg",
    "qar",
    "ron",
    "rsd",
    "rub",
    "rwf",
    "sar",
    "sek",
    "sgd",
    "thb",
    "tjs",
    "tnd",
    "try",
    "twd",
    "tzs",
    "uah",
    "ugx",
    "uyu",
    "uzs",
    "vnd",
    "xaf",
    "xof",
    "yer",
    "zar",
    "zmw",
    "zwl",
    // Names and signs of currencies (not `peso`, which is Spanish for weight, nor `kgs`), and words for "local" or "foreign" currency.
    "tk",
    "pula",
    "lc",
    "local",
    "fc",
    "foreign",
    "rmb",
    "euro",
    "euros",
    "rs",
    "rupee",
    "rupees",
    "shilling",
    "shillings",
    "tsh",
    "ksh",
    "ush",
    "cfa",
    "fcfa",
    "franc",
    "francs",
    "reais",
    "rupiah",
    "rp",
    "ruble",
    "rubles",
    "руб",
    "рубль",
    "рублях",
    "naira",
    "cedi",
    "birr",
    "dirham",
    "riyal",
    "taka",
    "yen",
    "yuan",
    "lira",
    "kwacha",
    "rand",
    "ringgit",
    "baht",
    "人民币",
    "本币",
    "外币",
];

/// The currency a value header announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// `..._USD`, `美元`.
    Usd,
    /// `..._INR`, `..._TK`, `CUSTOMS VALUE LC`.
    Local,
    /// Nothing said (`TOTALVALUE`).
    Unstated,
}

/// Reads the currency from a value header.
pub fn currency(h: &HeaderText) -> Currency {
    let raw = h.raw.to_lowercase();
    // Another dollar (`HK$`, `R$`, `S/.`) is not the US dollar.
    let other_dollar = ["hk$", "r$", "nt$", "a$", "c$", "s$", "s/"].iter().any(|d| raw.contains(d) && !raw.contains("us$"));
    if !other_dollar
        && (h.has("usd")
            || h.has("美元")
            || h.has("dollar")
            || h.has("dolar")
            || h.has("доллар")
            || h.has("статистическ")
            || raw.contains("us$")
            || h.raw.contains("U$"))
    {
        Currency::Usd
    } else if other_dollar
        || has_any_word(h, LOCAL_CURRENCY_WORDS)
        || has_any(h, &["pula", "人民币", "pesos", "soles", "рубл", "nguyente", "monedanacional", "moedanacional", "本币", "外币"])
        // The customs value of a declaration in Russian is in the national currency (roubles,
        // tenge, Belarusian roubles): never dollars, whichever country.
        || (h.has("таможенн") && h.has("стоимост"))
        || ["€", "£", "₹", "₽", "₩", "₫", "₦", "₺"].iter().any(|sign| h.raw.contains(sign))
        || yuan(h)
    {
        Currency::Local
    } else {
        Currency::Unstated
    }
}

/// `金额(元)`, `总价 ¥`: yuan, unless part of 美元 (US dollars).
fn yuan(h: &HeaderText) -> bool {
    h.raw.contains(['¥', '￥']) || h.compact.replace("美元", "").contains('元')
}
