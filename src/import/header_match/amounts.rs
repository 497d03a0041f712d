//! Amount columns: value (USD first), exchange rate, quantity, unit, weight.

use super::super::field::HeaderText;
use super::{Currency, currency, has_any, weight_scale};

pub(super) fn quantity(h: &HeaderText) -> Option<i32> {
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
pub(super) fn value(h: &HeaderText) -> Option<i32> {
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

pub(super) fn exchange_rate(h: &HeaderText) -> Option<i32> {
    (has_any(h, &["exchangerate", "rate", "汇率"]) && (h.has("usd") || h.has("美元") || h.has("dollar"))).then_some(50)
}
