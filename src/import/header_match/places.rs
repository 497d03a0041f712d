//! Place columns: origin and destination countries, port.

use super::super::field::HeaderText;
use super::has_any;

pub(super) fn origin(h: &HeaderText) -> Option<i32> {
    let named = has_any(h, &["origin", "原产", "origen", "origem", "出口国", "起运国", "xuatxu", "происхожд", "negaraasal", "provenance"])
        || h.compact == "countryofexport"
        || h.compact == "shippercountry"
        || h.compact == "exportcountry"
        || (has_any(h, &["country", "pais", "pays", "страна", "negara"])
            && has_any(h, &["exporter", "shipper", "supplier", "exportador", "exportateur", "отправител", "eksportir"]));
    if !named || names_a_port(h) || has_any(h, &["place", "iso", "港"]) || h.has_word("code") {
        return None;
    }
    Some(if h.has("country") || h.has("国") { 55 } else { 45 })
}

pub(super) fn destination(h: &HeaderText) -> Option<i32> {
    // The buyer's country is where the goods go: `IMPORTER COUNTRY`, `COUNTRY OF IMPORTER`, `PAÍS IMPORTADOR`.
    let buyer_country = has_any(h, &["country", "pais", "pays", "страна", "negara", "nuoc", "国"])
        && has_any(h, &["importer", "consignee", "buyer", "importador", "importateur", "получател", "importir", "nhapkhau", "进口"]);
    let named = has_any(h, &["destination", "目的国", "进口国", "destino", "countryofdestination", "назначен", "tujuan"])
        || buyer_country
        || matches!(h.compact.as_str(), "tradecountry");
    if !named || names_a_port(h) || has_any(h, &["place", "iso", "港"]) || h.has_word("code") {
        return None;
    }
    Some(if h.has("country") || h.has("国") { 55 } else { 45 })
}

/// `port` as a word or a word ending (`LOADINGPORT`), but not in `IMPORTER` or `TRANSPORT`.
pub(super) fn names_a_port(h: &HeaderText) -> bool {
    const NOT_PORTS: &[&str] = &["import", "export", "transport", "report", "support", "passport"];
    h.words.iter().any(|w| (w.starts_with("port") || w.ends_with("port")) && !NOT_PORTS.iter().any(|n| w.contains(n)))
        || h.has("港")
        || h.has("口岸")
        || h.has_word("puerto")
        || h.has_word("porto")
        || h.compact == "placeofdischarge"
}

pub(super) fn port(h: &HeaderText) -> Option<i32> {
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
