//! How well a column header names each field: a score, or nothing.
//!
//! Rules look at whole words and at the run-together text, so `IMPORTER_NAME`, `Importer Name`,
//! `IMPORTERNAME` and `进口商名称` all read alike. Scores only rank columns of one sheet against
//! each other; the content check in `mapping` has the last word.

use super::field::{Field, HeaderText};

/// Words that mark a column as something about a party other than its name.
const NOT_A_NAME: &[&str] = &[
    "address",
    "addr",
    "id",
    "pin",
    "pi",
    "phone",
    "tel",
    "telephone",
    "country",
    "city",
    "state",
    "code",
    "iec",
    "tax",
    "postal",
    "zip",
    "email",
    "fax",
    "contact",
    "province",
    "department",
    "district",
    "no",
    "number",
    "ruc",
    "bin",
    "iso",
    "type",
    "count",
    "地址",
    "电话",
    "国家",
    "代码",
    "编码",
    "城市",
];

/// Currencies that mark a value column as not in US dollars.
const LOCAL_CURRENCY_WORDS: &[&str] = &[
    "inr",
    "tk",
    "bdt",
    "kes",
    "pula",
    "brl",
    "mxn",
    "pen",
    "vnd",
    "amd",
    "aoa",
    "lc",
    "local",
    "fc",
    "foreign",
    "rmb",
    "cny",
    "eur",
    "euro",
    "gbp",
    "jpy",
    "krw",
    "rub",
    "人民币",
    "本币",
    "外币",
];

/// Words that mark a local-language copy of a name (`IMPORTER_NAME_VN`).
const LOCAL_LANGUAGE_WORDS: &[&str] = &["vn", "local", "native", "cn", "zh", "ru", "es", "pt", "original", "中文", "本地"];

/// The score of `header` as `field`; `None` when it cannot be that field.
pub fn score(field: Field, h: &HeaderText) -> Option<i32> {
    if h.compact.is_empty() {
        return None;
    }
    match field {
        Field::Date => date(h),
        Field::Month => month(h),
        Field::Buyer => party(h, BUYER_WORDS).filter(|_| !is_local_language(h)).map(|s| s + english_bonus(h)),
        Field::BuyerLocal => party(h, BUYER_WORDS).filter(|_| is_local_language(h)),
        Field::Supplier => party(h, SUPPLIER_WORDS).filter(|_| !is_local_language(h)).map(|s| s + english_bonus(h) + std_penalty(h)),
        Field::SupplierLocal => party(h, SUPPLIER_WORDS).filter(|_| is_local_language(h)),
        Field::Notify => (h.has("notify") || h.has("nortify") || h.has("通知人")).then_some(40).filter(|_| !has_any_word(h, NOT_A_NAME)),
        Field::Hs => hs(h),
        Field::Description => description(h),
        Field::Quantity => quantity(h),
        Field::Unit => unit(h),
        Field::Weight => weight(h),
        Field::Value => value(h).filter(|_| currency(h) != Currency::Local),
        Field::LocalValue => value(h).filter(|_| currency(h) == Currency::Local),
        Field::ExchangeRate => exchange_rate(h),
        Field::Origin => origin(h),
        Field::Destination => destination(h),
        Field::Port => port(h),
        Field::BillOfLading => bill_of_lading(h),
        Field::Declaration => declaration(h),
    }
}

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
    if h.has("usd") || h.has("美元") || h.has("dollar") || h.has("us$") {
        Currency::Usd
    } else if has_any_word(h, LOCAL_CURRENCY_WORDS) || h.has("pula") || h.has("人民币") {
        Currency::Local
    } else {
        Currency::Unstated
    }
}

/// Multiplier from the weight header's unit to kilograms (`METRIC_TONS` → 1000).
pub fn weight_scale(h: &HeaderText) -> f64 {
    if h.has("ton") || h.has_word("mt") || h.has("吨") { 1000.0 } else { 1.0 }
}

fn has_any_word(h: &HeaderText, words: &[&str]) -> bool {
    words.iter().any(|w| h.has_word(w))
}

fn has_any(h: &HeaderText, parts: &[&str]) -> bool {
    parts.iter().any(|p| h.has(p))
}

fn is_local_language(h: &HeaderText) -> bool {
    has_any_word(h, LOCAL_LANGUAGE_WORDS)
}

fn english_bonus(h: &HeaderText) -> i32 {
    if h.has_word("en") || h.has_word("english") { 5 } else { 0 }
}

/// `STD SUPPLIER` (India) is a standardised copy, often `N/A`: second choice.
fn std_penalty(h: &HeaderText) -> i32 {
    if h.has_word("std") { -10 } else { 0 }
}

const BUYER_WORDS: &[&str] = &[
    "importer",
    "consignee",
    "buyer",
    "purchaser",
    "customer",
    "client",
    "importador",
    "comprador",
    "destinatario",
    "进口商",
    "采购商",
    "买家",
    "买方",
    "收货人",
    "客户",
    "进口企业",
    "收货单位",
    "进口方",
];

const SUPPLIER_WORDS: &[&str] = &[
    "exporter",
    "supplier",
    "shipper",
    "seller",
    "vendor",
    "exportador",
    "proveedor",
    "embarcador",
    "出口商",
    "供应商",
    "供货商",
    "发货人",
    "卖家",
    "卖方",
    "出口企业",
    "发货单位",
    "出口方",
    "生产商",
];

fn party(h: &HeaderText, words: &[&str]) -> Option<i32> {
    if !has_any(h, words) || has_any(h, &["forwarder", "agent", "carrier", "货代", "代理"]) || h.has_word("cha") {
        return None;
    }
    // `EXPORTER_NAME_AND_ADDRESS` holds a name with its address: usable, last choice.
    if h.has_word("address") && h.has_word("name") {
        return Some(15);
    }
    if has_any_word(h, NOT_A_NAME) || h.has("地址") || h.has("电话") || h.has("国") {
        return None;
    }
    // `IMPORTER_NAME_EN` counts as exactly named too: the `EN` only says which language.
    let base =
        h.compact.strip_suffix("english").or_else(|| h.compact.strip_suffix("en").filter(|_| h.has_word("en"))).unwrap_or(&h.compact);
    let exact = words.iter().any(|w| base == *w || base == format!("{w}name") || base == format!("{w}名称"));
    Some(if exact { 60 } else { 45 })
}

fn date(h: &HeaderText) -> Option<i32> {
    let is_date = h.has_word("date") || h.has("日期") || h.has("fecha") || h.has_word("datum") || h.compact.ends_with("date");
    if !is_date || has_any(h, &["update", "birth", "manufacture", "expiry", "due"]) {
        return None;
    }
    let mut s = 50;
    if has_any(h, &["imp", "exp", "shipment", "arrival", "declaration", "departure", "assessment", "进口", "出口", "申报", "到港", "交易"])
    {
        s += 8;
    }
    if has_any(h, &["registration", "entry", "invoice", "lc"]) {
        s -= 8;
    }
    Some(s)
}

fn month(h: &HeaderText) -> Option<i32> {
    const EXACT: &[&str] = &["monthyear", "yearmonth", "month", "period", "月份", "年月", "mes", "mesano", "anomes"];
    if EXACT.contains(&h.compact.as_str()) {
        Some(60)
    } else if h.has_word("month") || h.has("月份") {
        Some(40)
    } else {
        None
    }
}

fn hs(h: &HeaderText) -> Option<i32> {
    let named = h.has_word("hs")
        || h.has_word("hts")
        || h.has_word("ncm")
        || h.compact.starts_with("hscode")
        || h.compact.starts_with("hs编码")
        || has_any(h, &["海关编码", "商品编码", "税则", "税号", "hs编码", "tariffcode", "commoditycode", "partida", "fraccion"]);
    if !named || has_any(h, &["desc", "描述", "chapter", "heading"]) {
        return None;
    }
    // `HS_CODE_2` / `HS_CODE_4` hold the chapter and heading, not the code.
    if matches!(h.words.last().map(String::as_str), Some("2" | "4")) {
        return None;
    }
    Some(if matches!(h.compact.as_str(), "hscode" | "hs" | "hscodes" | "htscode" | "hs编码" | "海关编码" | "商品编码") {
        60
    } else {
        45
    })
}

fn description(h: &HeaderText) -> Option<i32> {
    let named = h.has("desc")
        || has_any(h, &["描述", "品名", "货物名称", "商品名称", "产品名称", "descripcion", "mercadoria"])
        || h.compact == "goods"
        || h.compact == "product";
    if !named {
        return None;
    }
    let mut s = 45;
    if h.has("product") || h.has("goods") || h.has("商品") || h.has("产品") {
        s += 10;
    }
    if h.has_word("hs") || h.compact.starts_with("hscode") {
        s -= 15;
    }
    if is_local_language(h) {
        s -= 5;
    }
    if h.words.last().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())) {
        s -= 5;
    }
    Some(s + english_bonus(h))
}

fn quantity(h: &HeaderText) -> Option<i32> {
    if !(has_any(h, &["quantity", "qty", "数量", "cantidad", "quantidade"])) || h.is_percentage() {
        return None;
    }
    if has_any(h, &["unit", "单位"]) {
        return None;
    }
    let mut s = 50;
    if has_any(h, &["package", "pkg", "件数", "std"]) || h.words.last().is_some_and(|w| w == "2") {
        s -= 15;
    }
    Some(s)
}

fn unit(h: &HeaderText) -> Option<i32> {
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

fn weight(h: &HeaderText) -> Option<i32> {
    let named = has_any(h, &["weight", "重量", "毛重", "净重", "peso", "tonnage"])
        || h.has_word("wt")
        || h.has_word("kg")
        || h.has_word("kgs")
        || h.has("metricton");
    if !named || h.is_percentage() || h.has_word("unit") || h.compact.ends_with("unit") {
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

/// Value columns: totals only, never unit prices, rates or percentages; USD first.
fn value(h: &HeaderText) -> Option<i32> {
    let named = has_any(h, &["value", "amount", "金额", "总价", "货值", "价值", "美元", "总额", "totalprice", "valor", "monto"])
        || h.has_word("fob")
        || h.has_word("cif")
        || h.has_word("cnf")
        || h.has_word("usd")
        || h.compact.starts_with("fob")
        || h.compact.starts_with("usdfob");
    if !named
        || h.is_percentage()
        || has_any(h, &["rate", "exchange", "汇率", "单价", "duty", "tax", "vat", "freight", "insurance", "advalorem", "drawback"])
    {
        return None;
    }
    if has_any(h, &["unitprice", "unitvalue", "perunit", "itemprice", "itemrate", "avgunit", "unitusd"]) || h.has_word("unit") {
        return None;
    }
    let mut s = match currency(h) {
        Currency::Usd => 50,
        Currency::Unstated | Currency::Local => 30,
    };
    if has_any(h, &["cargo", "totalshipment", "shipmentfob", "shipmentcif"]) {
        s -= 30;
    } else if has_any(h, &["fob"]) {
        s += 8;
    } else if has_any(h, &["cif", "cnf"]) {
        s += 6;
    } else if has_any(h, &["assessed", "customs", "custom"]) {
        s += 4;
    } else if has_any(h, &["invoice", "declared"]) {
        s += 2;
    } else {
        s += 10;
    }
    // `TOTAL VALUE 1..4` beside `TOTAL VALUE` are tax breakdowns.
    if h.words.last().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())) {
        s -= 20;
    }
    Some(s)
}

fn exchange_rate(h: &HeaderText) -> Option<i32> {
    (has_any(h, &["exchangerate", "rate", "汇率"]) && (h.has("usd") || h.has("美元") || h.has("dollar"))).then_some(50)
}

fn origin(h: &HeaderText) -> Option<i32> {
    let named = has_any(h, &["origin", "原产", "origen", "origem", "出口国", "起运国"])
        || h.compact == "countryofexport"
        || h.compact == "shippercountry"
        || h.compact == "exportcountry";
    if !named || has_any(h, &["port", "place", "iso", "港"]) || h.has_word("code") {
        return None;
    }
    Some(if h.has("country") || h.has("国") { 55 } else { 45 })
}

fn destination(h: &HeaderText) -> Option<i32> {
    let named = has_any(h, &["destination", "目的国", "进口国", "destino", "countryofdestination"])
        || matches!(h.compact.as_str(), "importercountry" | "consigneecountry" | "buyercountry" | "tradecountry");
    if !named || has_any(h, &["port", "place", "iso", "港"]) || h.has_word("code") {
        return None;
    }
    Some(if h.has("country") || h.has("国") { 55 } else { 45 })
}

/// `port` as a word or a word ending (`LOADINGPORT`), but not in `IMPORTER` or `TRANSPORT`.
fn names_a_port(h: &HeaderText) -> bool {
    const NOT_PORTS: &[&str] = &["import", "export", "transport", "report", "support", "passport"];
    h.words.iter().any(|w| (w.starts_with("port") || w.ends_with("port")) && !NOT_PORTS.iter().any(|n| w.contains(n)))
        || h.has("港")
        || h.has("口岸")
        || h.has_word("puerto")
        || h.has_word("porto")
        || h.compact == "placeofdischarge"
}

fn port(h: &HeaderText) -> Option<i32> {
    if !names_a_port(h) || has_any(h, &["country", "iso", "portcode"]) || h.has_word("code") {
        return None;
    }
    let mut s = 45;
    if has_any(h, &["discharge", "destination", "unloading", "indian", "arrival", "目的", "卸货"]) {
        s += 5;
    } else if has_any(h, &["loading", "origin", "shipment", "装货", "起运"]) {
        s -= 3;
    }
    Some(s)
}

fn bill_of_lading(h: &HeaderText) -> Option<i32> {
    let named = h.has("billoflading")
        || h.has("提单")
        || h.has_word("bl")
        || h.has_word("bol")
        || h.compact.starts_with("blno")
        || h.compact.starts_with("blnumber")
        || h.compact == "bl";
    named.then_some(if h.has("number") || h.has("no") || h.has("号") { 55 } else { 50 })
}

fn declaration(h: &HeaderText) -> Option<i32> {
    let named = has_any(
        h,
        &[
            "declarationnumber",
            "declarationno",
            "benumber",
            "billofentryno",
            "entryno",
            "duaid",
            "documentno",
            "报关单号",
            "报关单",
            "pedimento",
        ],
    );
    (named && !has_any(h, &["date", "type", "status", "form"])).then_some(50)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(header: &str) -> Option<Field> {
        let h = HeaderText::new(header);
        Field::ALL.into_iter().filter_map(|f| score(f, &h).map(|s| (s, f))).max_by_key(|(s, _)| *s).map(|(_, f)| f)
    }

    #[test]
    fn recognises_headers_in_chinese_and_english() {
        let cases = [
            ("日期", Field::Date),
            ("进口日期", Field::Date),
            ("Arrival Date", Field::Date),
            ("IMP_DATE", Field::Date),
            ("进口商", Field::Buyer),
            ("采购商", Field::Buyer),
            ("买家", Field::Buyer),
            ("Consignee", Field::Buyer),
            ("IMPORTERNAME", Field::Buyer),
            ("BUYER NAME EN", Field::Buyer),
            ("IMPORTER_NAME_VN", Field::BuyerLocal),
            ("出口商", Field::Supplier),
            ("供应商", Field::Supplier),
            ("供货商", Field::Supplier),
            ("Shipper", Field::Supplier),
            ("HS编码", Field::Hs),
            ("海关编码", Field::Hs),
            ("商品编码", Field::Hs),
            ("HS Code", Field::Hs),
            ("HSCODE", Field::Hs),
            ("商品描述", Field::Description),
            ("Product Description", Field::Description),
            ("数量", Field::Quantity),
            ("单位", Field::Unit),
            ("毛重", Field::Weight),
            ("净重", Field::Weight),
            ("Weight (KG)", Field::Weight),
            ("金额", Field::Value),
            ("总价", Field::Value),
            ("美元", Field::Value),
            ("Amount (USD)", Field::Value),
            ("原产国", Field::Origin),
            ("Country of Origin", Field::Origin),
            ("进口国", Field::Destination),
            ("目的国", Field::Destination),
            ("港口", Field::Port),
            ("提单号", Field::BillOfLading),
            ("Bill of Lading", Field::BillOfLading),
            ("MONTHYEAR", Field::Month),
            ("ASSESSED_VALUE_TK", Field::LocalValue),
            ("USD EXCHANGE RATE", Field::ExchangeRate),
            ("DECLARATION NUMBER", Field::Declaration),
        ];
        for (header, field) in cases {
            assert_eq!(best(header), Some(field), "{header}");
        }
    }

    #[test]
    fn ignores_columns_that_only_look_like_fields() {
        for header in [
            "%GTTOTALVALUE",
            "VALUE_IN_USDPERCENTAGE",
            "EXCHANGE RATE_USD",
            "UNIT PRICE_USD",
            "HS_CODE_2",
            "HS_CODE_4",
            "IMPORTER_ADDRESS",
            "FORWARDER",
            "EXPORTER_PIN",
            "GROSS_WEIGHT_UNIT",
            "RECORD_ID",
        ] {
            let h = HeaderText::new(header);
            for f in [Field::Value, Field::Hs, Field::Buyer, Field::Supplier, Field::Weight] {
                assert_eq!(score(f, &h), None, "{header} as {f}");
            }
        }
    }

    #[test]
    fn prefers_usd_totals() {
        let usd = score(Field::Value, &HeaderText::new("TOTAL_VALUE_USD")).expect("usd");
        let plain = score(Field::Value, &HeaderText::new("TOTAL_VALUE")).expect("plain");
        let cargo = score(Field::Value, &HeaderText::new("TOTAL_CARGO_INVOICE_VALUE_IN_USD")).expect("cargo");
        let fob = score(Field::Value, &HeaderText::new("FOB_VALUE_IN_USD")).expect("fob");
        let cif = score(Field::Value, &HeaderText::new("CNF_CIF_IN_USD")).expect("cif");
        assert!(usd > plain && fob > cif && cif > cargo, "{usd} {plain} {fob} {cif} {cargo}");
        assert_eq!(score(Field::Value, &HeaderText::new("FOB_INR")), None);
        assert_eq!(weight_scale(&HeaderText::new("METRIC_TONS")), 1000.0);
    }
}
