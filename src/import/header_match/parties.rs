//! Party columns: buyer, supplier and notify party, never their addresses, ids or countries.

use super::super::field::HeaderText;
use super::{has_any, has_any_word};

/// Words that mark a column as something about a party other than its name.
pub(super) const NOT_A_NAME: &[&str] = &[
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
    "nuoc",
    "quocgia",
    "dia",
    "ma",
    "thue",
    "mst",
    "страна",
    "адрес",
    "код",
    "инн",
    "negara",
    "alamat",
    "kode",
    "npwp",
    "pays",
    "adresse",
    "pais",
    "direccion",
    "endereco",
    "cnpj",
    "codigo",
    "rut",
    "nit",
    "ciudad",
    "cidade",
    "ville",
    "地址",
    "电话",
    "国家",
    "代码",
    "编码",
    "城市",
];

/// Words that mark a local-language copy of a name (`IMPORTER_NAME_VN`).
pub(super) const LOCAL_LANGUAGE_WORDS: &[&str] = &["vn", "local", "native", "cn", "zh", "ru", "es", "pt", "original", "中文", "本地"];

pub(super) fn english_bonus(h: &HeaderText) -> i32 {
    if h.has_word("en") || h.has_word("english") { 5 } else { 0 }
}

/// `STD SUPPLIER` (India) is a standardised copy, often `N/A`: second choice.
pub(super) fn std_penalty(h: &HeaderText) -> i32 {
    if h.has_word("std") { -10 } else { 0 }
}

pub(super) const BUYER_WORDS: &[&str] = &[
    "importer",
    "consignee",
    "buyer",
    "purchaser",
    "customer",
    "client",
    "importador",
    "comprador",
    "destinatario",
    "consignatario",
    "importateur",
    "acheteur",
    "destinataire",
    "nhapkhau",
    "nguoimua",
    "benmua",
    "получател",
    "импортер",
    "покупател",
    "importir",
    "pembeli",
    "penerima",
    "trader",
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

pub(super) const SUPPLIER_WORDS: &[&str] = &[
    "exporter",
    "supplier",
    "shipper",
    "seller",
    "vendor",
    "exportador",
    "proveedor",
    "embarcador",
    "remitente",
    "fornecedor",
    "remetente",
    "exportateur",
    "fournisseur",
    "expediteur",
    "xuatkhau",
    "nguoiban",
    "benban",
    "отправител",
    "экспортер",
    "поставщик",
    "продавец",
    "eksportir",
    "pemasok",
    "penjual",
    "pengirim",
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

pub(super) fn party(h: &HeaderText, words: &[&str]) -> Option<i32> {
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
