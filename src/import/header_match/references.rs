//! Reference columns: date, month, HS code, description, bill of lading, declaration number.

use super::super::field::HeaderText;
use super::has_any;
use super::is_local_language;
use super::parties::english_bonus;

pub(super) fn date(h: &HeaderText) -> Option<i32> {
    let is_date = h.has_word("date")
        || h.has("日期")
        || h.has("fecha")
        || h.has_word("datum")
        || h.compact.ends_with("date")
        || h.has_word("ngay")
        || h.has_word("дата")
        || h.has_word("tanggal")
        || h.has_word("tgl")
        || h.compact == "data"
        || h.compact.starts_with("datad");
    if !is_date || has_any(h, &["update", "birth", "manufacture", "expiry", "due", "nascimento", "vencimento"]) {
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

pub(super) fn month(h: &HeaderText) -> Option<i32> {
    const EXACT: &[&str] = &["monthyear", "yearmonth", "month", "period", "月份", "年月", "mes", "mesano", "anomes"];
    if EXACT.contains(&h.compact.as_str()) {
        Some(60)
    } else if h.has_word("month") || h.has("月份") {
        Some(40)
    } else {
        None
    }
}

pub(super) fn hs(h: &HeaderText) -> Option<i32> {
    let named = h.has_word("hs")
        || h.has_word("hts")
        || h.has_word("ncm")
        || h.compact.starts_with("hscode")
        || h.compact.starts_with("hs编码")
        || h.has_word("sh") && has_any(h, &["code", "codigo", "position"])
        || has_any(
            h,
            &[
                "海关编码",
                "商品编码",
                "税则",
                "税号",
                "hs编码",
                "tariffcode",
                "commoditycode",
                "partida",
                "fraccion",
                "тнвэд",
                "tarifaire",
                "nandina",
            ],
        );
    // `DERECHOS ARANCELARIOS`, `VALOR ARANCEL`: duties, not the tariff code.
    if !named || has_any(h, &["desc", "描述", "chapter", "heading", "derecho", "valor", "value"]) {
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

pub(super) fn description(h: &HeaderText) -> Option<i32> {
    let named = h.has("desc")
        || has_any(
            h,
            &[
                "描述",
                "品名",
                "货物名称",
                "商品名称",
                "产品名称",
                "descripcion",
                "descricao",
                "mercadoria",
                "designation",
                "mota",
                "tenhang",
                "описан",
                "наименован",
                "uraian",
            ],
        )
        || h.compact == "goods"
        || h.compact == "product";
    // `MODE OF TRANSPORT DESCRIPTION`, `CURRENCY DESCRIPTION`: about the shipment, not the goods.
    let about_else =
        has_any(h, &["transport", "vanchuyen", "phuongthuc", "транспорт", "currency", "moneda", "country", "pais", "incoterm"])
            || (has_any(h, &["packag", "embalaj"]) && !has_any(h, &["goods", "product", "mercan", "cargo"]))
            || ["mode", "modo", "modal", "via", "unit", "unidad", "port", "puerto", "regime", "regimen", "status", "condition"]
                .iter()
                .any(|w| h.has_word(w));
    if !named || about_else {
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

pub(super) fn bill_of_lading(h: &HeaderText) -> Option<i32> {
    let named = h.has("billoflading")
        || h.has("提单")
        || h.has_word("bl")
        || h.has_word("bol")
        || h.compact.starts_with("blno")
        || h.compact.starts_with("blnumber")
        || h.compact == "bl";
    named.then_some(if h.has("number") || h.has("no") || h.has("号") { 55 } else { 50 })
}

pub(super) fn declaration(h: &HeaderText) -> Option<i32> {
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
