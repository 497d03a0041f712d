//! Amount columns: value (USD first), exchange rate, quantity, unit, weight.

use super::super::field::HeaderText;
use super::{Currency, currency, has_any, weight_scale};

pub(super) fn quantity(h: &HeaderText) -> Option<i32> {
    if !(has_any(h, &["quantity", "qty", "数量", "cantidad", "quantidade", "quantite", "soluong", "количеств", "jumlah"]))
        || h.is_percentage()
    {
        return None;
    }
    if has_any(h, &["unit", "单位", "nilai", "value", "kilos"]) {
        return None;
    }
    let mut s = 50;
    if has_any(h, &["package", "pkg", "件数", "std"]) || h.words.last().is_some_and(|w| w == "2") {
        s -= 15;
    }
    Some(s)
}

pub(super) fn unit(h: &HeaderText) -> Option<i32> {
    let named =
        h.has_word("unit") || h.has_word("uom") || h.has("单位") || h.has("unidad") || h.has("measureunit") || h.compact.ends_with("unit");
    if !named || has_any(h, &["price", "value", "rate", "weight", "wt", "单价", "重量", "package"]) {
        return None;
    }
    let mut s = if h.compact == "unit" || h.compact == "单位" { 55 } else { 45 };
    if h.has_word("std") || h.words.last().is_some_and(|w| w == "2") {
        s -= 15;
    }
    Some(s)
}

pub(super) fn weight(h: &HeaderText) -> Option<i32> {
    let named = has_any(
        h,
        &[
            "weight",
            "重量",
            "毛重",
            "净重",
            "peso",
            "tonnage",
            "poids",
            "trongluong",
            "khoiluong",
            "вес",
            "масса",
            "berat",
            "netto",
            "brutto",
            "нетто",
            "брутто",
            "kilos",
        ],
    ) || h.has_word("wt")
        || h.has_word("кг")
        || h.has_word("kg")
        || h.has_word("kgs")
        || h.has("metricton");
    // `COST_USD_KG`, `PRICE PER KG`: money per kilogram, not a weight.
    let money = currency(h) != Currency::Unstated
        || has_any(
            h,
            &["cost", "price", "value", "amount", "valor", "rate", "单价", "金额", "fob", "cif", "precio", "preco", "prix", "harga"],
        );
    if !named || money || h.is_percentage() || h.has_word("unit") || h.compact.ends_with("unit") {
        return None;
    }
    let mut s = 45;
    if h.has("net") || h.has("净重") {
        s += 5;
    } else if h.has("gross") || h.has("毛重") {
        s += 3;
    }
    if weight_scale(h) != 1.0 {
        s -= 10;
    }
    Some(s)
}

/// Words that name an amount of money, in the languages customs data comes in.
const VALUE_WORDS: &[&str] = &[
    "value",
    "amount",
    "金额",
    "总价",
    "货值",
    "价值",
    "美元",
    "总额",
    "totalprice",
    "valor",
    "monto",
    "valeur",
    "montant",
    "trigia",
    "giatri",
    "nilai",
    "стоимост",
    "сумма",
    "freeonboard",
    "costinsurancefreight",
    "costinsuranceandfreight",
];

/// Stems of taxes, freight, insurance, prices and shares in other languages: never the value.
const NOT_VALUE_STEMS: &[&str] = &[
    "impuesto",
    "imposto",
    "pajak",
    "пошлин",
    "налог",
    "taxe",
    "droits",
    "derecho",
    "arancel",
    "flete",
    "frete",
    "фрахт",
    "cuoc",
    "ongkos",
    "seguro",
    "asuransi",
    "страхов",
    "baohiem",
    "precio",
    "preco",
    "prix",
    "harga",
    "dongia",
    "porcentaje",
    "participacion",
    "porcentagem",
    "доля",
    "despesa",
];

/// Words of a price per unit, per kilogram or per piece: never a shipment's value.
const PER_UNIT_WORDS: &[&str] = &[
    "unitprice",
    "unitvalue",
    "perunit",
    "itemprice",
    "itemrate",
    "avgunit",
    "unitusd",
    "unitario",
    "unitaire",
    "satuan",
    "dongia",
    "цена",
    "заединиц",
    "单价",
    "每公斤",
    "每千克",
    "perkg",
    "perton",
    "perpiece",
    "average",
    "avg",
];

/// Words of a part beside the value (other costs, expenditure, fees): never the shipment's value.
const SIDE_WORDS: &[&str] = &[
    "other",
    "others",
    "expenditure",
    "expenditures",
    "expense",
    "expenses",
    "charge",
    "charges",
    "fee",
    "fees",
    "discount",
    "commission",
    "surcharge",
    "adjustment",
    "deduction",
    "otros",
    "outros",
    "autres",
    "frete",
    "flete",
    "fret",
    "seguro",
    "assurance",
];

/// Value columns: totals only, never unit prices, rates, percentages, counts or side costs; by
/// meaning: FOB, a total, CIF, a customs value, an invoice value, then a bare "value"; USD first.
pub(super) fn value(h: &HeaderText) -> Option<i32> {
    let usd_total = h.compact.starts_with("total") && currency(h) == Currency::Usd;
    let named = has_any(h, VALUE_WORDS)
        || usd_total
        || h.has_word("fob")
        || h.has_word("cif")
        || h.has_word("cnf")
        || h.has_word("usd")
        || h.compact.starts_with("fob")
        || h.compact.starts_with("usdfob")
        || h.has_word("importe");
    let long_cif = has_any(h, &["costinsurancefreight", "costinsuranceandfreight"]);
    if !named
        || h.is_percentage()
        || has_any(h, &["rate", "exchange", "汇率", "duty", "tax", "vat", "advalorem", "drawback", "count", "number", "qty", "quantity"])
        || has_any(h, NOT_VALUE_STEMS)
        || ["iva", "bea", "ppn", "pph", "tva", "thue", "ндс", "gastos", "frais", "biaya"].iter().any(|w| h.has_word(w))
        || (!long_cif && has_any(h, &["freight", "insurance"]))
    {
        return None;
    }
    // A price per kilogram (`USD_PER_KG`, `COST_USD_KG`) or per unit is not a shipment's value.
    let per_measure =
        ["kg", "kgs", "per", "ton", "tons", "mt", "unit", "piece", "pcs", "pc", "кг", "公斤", "千克"].iter().any(|w| h.has_word(w));
    if per_measure || has_any(h, PER_UNIT_WORDS) || (h.has("price") && !h.has("total")) || (h.has("harga") && !h.has("total")) {
        return None;
    }
    if SIDE_WORDS.iter().any(|w| h.has_word(w)) || has_any(h, &["otherexp", "otherval", "usdothers"]) {
        return None;
    }
    let mut s = match currency(h) {
        Currency::Usd => 50,
        Currency::Unstated | Currency::Local => 30,
    };
    s += value_kind(h).bonus();
    // `TOTAL VALUE 1..4` beside `TOTAL VALUE` are tax breakdowns.
    if h.words.last().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) && w != "1000") {
        s -= 20;
    }
    Some(s)
}

/// What a value column says it holds, the order in which a value is chosen among several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Free on board: the goods at the port of loading.
    Fob,
    /// A total (`TOTAL VALUE USD`, `TOTALUSD`).
    Total,
    /// Cost, insurance and freight.
    Cif,
    /// The value customs assessed.
    Customs,
    /// The invoice or declared value.
    Invoice,
    /// A cargo or whole-shipment total over several lines (repeated on each line).
    Shipment,
    /// A bare value or amount.
    Bare,
}

impl ValueKind {
    fn bonus(self) -> i32 {
        match self {
            ValueKind::Fob => 10,
            ValueKind::Total => 9,
            ValueKind::Cif => 8,
            ValueKind::Customs => 6,
            ValueKind::Invoice => 4,
            ValueKind::Bare => 2,
            ValueKind::Shipment => -30,
        }
    }

    /// Why this kind of column was taken, for the import note.
    pub fn reason(self) -> &'static str {
        match self {
            ValueKind::Fob => "import.term.value_fob",
            ValueKind::Total => "import.term.value_total",
            ValueKind::Cif => "import.term.value_cif",
            ValueKind::Customs => "import.term.value_customs",
            ValueKind::Invoice => "import.term.value_invoice",
            ValueKind::Shipment => "import.term.value_shipment",
            ValueKind::Bare => "import.term.value_bare",
        }
    }
}

/// The kind of value a header names.
pub fn value_kind(h: &HeaderText) -> ValueKind {
    if has_any(h, &["cargo", "totalshipment", "shipmentfob", "shipmentcif"]) {
        ValueKind::Shipment
    } else if h.has("fob") || h.has("freeonboard") {
        ValueKind::Fob
    } else if h.has("cif") || h.has("cnf") || h.has("costinsurance") {
        ValueKind::Cif
    } else if has_any(h, &["assessed", "customs", "custom", "aduan", "douan", "haiquan", "таможен", "pabean"]) {
        ValueKind::Customs
    } else if has_any(h, &["invoice", "declared", "factur", "фактур", "hoadon"]) {
        ValueKind::Invoice
    } else if h.has("total") || h.has("总") {
        ValueKind::Total
    } else {
        ValueKind::Bare
    }
}

/// The multiplier a value header declares (`VALUE_IN_1000_USD`, `千美元`, `USD MILLION`).
pub fn value_scale(h: &HeaderText) -> f64 {
    let any = |words: &[&str]| words.iter().any(|w| h.has_word(w));
    if any(&["million", "millions", "mln", "millones", "milhoes", "juta", "trieu"]) || h.has("百万") || h.has("млн") {
        1_000_000.0
    } else if h.has("万美元") || h.has("万元") {
        10_000.0
    } else if any(&["1000", "000", "thousand", "thousands", "miles", "mil", "milliers", "ribu", "nghin", "ngan", "k"])
        || h.has("千美元")
        || h.has("тыс")
    {
        1_000.0
    } else {
        1.0
    }
}

/// A per-row currency column: `CURRENCY`, `币种`, `MONEDA`, `DEVISE`, `ВАЛЮТА`, `MATA UANG`.
pub(super) fn currency_column(h: &HeaderText) -> Option<i32> {
    let named = h.has("currency") || has_any(h, &["币种", "币制", "moneda", "moeda", "devise", "валют", "matauang", "tiente", "loaitien"]);
    (named && !has_any(h, &["rate", "汇率", "value", "amount", "code2"])).then_some(55)
}

pub(super) fn exchange_rate(h: &HeaderText) -> Option<i32> {
    let named =
        has_any(h, &["exchangerate", "rate", "汇率", "tipodecambio", "taxadecambio", "tauxdechange", "tygia", "курс", "kurs", "cambio"]);
    (named && (h.has("usd") || h.has("美元") || h.has("dollar") || h.has("dolar") || h.has("доллар") || !h.has("rate"))).then_some(50)
}
