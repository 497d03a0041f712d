//! How well a column header names each field: a score, or nothing.
//!
//! Rules look at whole words and at the run-together text, so `IMPORTER_NAME`, `Importer Name`,
//! `IMPORTERNAME` and `进口商名称` all read alike. Scores only rank columns of one sheet against
//! each other; the content check in `mapping` has the last word.

use super::field::{Field, HeaderText};

mod amounts;
mod currency;
mod parties;
mod places;
mod references;

pub use amounts::{ValueKind, value_kind, value_scale};
use amounts::{currency_column, exchange_rate, quantity, unit, value, weight};
pub use currency::{Currency, currency};
use parties::{BUYER_WORDS, LOCAL_LANGUAGE_WORDS, NOT_A_NAME, SUPPLIER_WORDS, english_bonus, party, std_penalty};
use places::{destination, origin, port};
use references::{bill_of_lading, date, declaration, description, hs, month};

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
        Field::Currency => currency_column(h),
        Field::Origin => origin(h),
        Field::Destination => destination(h),
        Field::Port => port(h),
        Field::BillOfLading => bill_of_lading(h),
        Field::Declaration => declaration(h),
    }
}

/// Multiplier from the weight header's unit to kilograms (`METRIC_TONS` → 1000).
pub fn weight_scale(h: &HeaderText) -> f64 {
    if h.has("ton") || h.has_word("mt") || h.has("吨") { 1000.0 } else { 1.0 }
}

pub(super) fn has_any_word(h: &HeaderText, words: &[&str]) -> bool {
    words.iter().any(|w| h.has_word(w))
}

pub(super) fn has_any(h: &HeaderText, parts: &[&str]) -> bool {
    parts.iter().any(|p| h.has(p))
}

pub(super) fn is_local_language(h: &HeaderText) -> bool {
    has_any_word(h, LOCAL_LANGUAGE_WORDS)
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
    fn headers_in_the_languages_of_customs_data() {
        let cases = [
            ("Peso KG", Field::Weight),
            ("IMPORTER COUNTRY", Field::Destination),
            ("EXPORTER COUNTRY", Field::Origin),
            ("País de Origen", Field::Origin),
            ("Tên doanh nghiệp nhập khẩu", Field::Buyer),
            ("Trị giá USD", Field::Value),
            ("Ngày đăng ký", Field::Date),
            ("Получатель", Field::Buyer),
            ("Отправитель", Field::Supplier),
            ("Код ТН ВЭД", Field::Hs),
            ("Фактурная стоимость USD", Field::Value),
            ("Nama Importir", Field::Buyer),
            ("Nilai USD", Field::Value),
            ("Importateur", Field::Buyer),
            ("Valeur FOB USD", Field::Value),
            ("Valor FOB US$", Field::Value),
            ("Descrição da mercadoria", Field::Description),
            ("TRADER", Field::Buyer),
            ("CURRENCY", Field::Currency),
        ];
        for (header, field) in cases {
            assert_eq!(best(header), Some(field), "{header}");
        }
        for header in ["COST_USD_KG", "USD_PER_KG", "USD_OTHERS", "OTHER EXPENDITURES VALUE", "MODE OF TRANSPORT"] {
            let h = HeaderText::new(header);
            for f in [Field::Value, Field::Weight, Field::Description] {
                assert_eq!(score(f, &h), None, "{header} as {f}");
            }
        }
    }

    #[test]
    fn other_currencies_taxes_and_prices_in_every_language_are_not_dollars() {
        for header in ["Valeur (€)", "Value £", "VALOR R$", "Value (HK$)", "VALOR SOLES", "Valor FOB pesos", "Таможенная стоимость, рублей"]
        {
            let h = HeaderText::new(header);
            assert_eq!(score(Field::Value, &h), None, "{header} is not in US dollars");
            assert!(score(Field::LocalValue, &h).is_some(), "{header} is a local value");
        }
        for header in [
            "VALOR IVA",
            "MONTO IMPUESTOS",
            "Nilai Bea Masuk",
            "Сумма пошлины",
            "Trị giá thuế",
            "Montant TVA",
            "Valor Fletes dólares",
            "PRECIO FOB USD",
            "Porcentaje del valor FOB",
        ] {
            assert_eq!(score(Field::Value, &HeaderText::new(header)), None, "{header} is not the value");
        }
        let s = |h: &str| score(Field::Value, &HeaderText::new(h)).unwrap_or(0);
        assert!(s("Статистическая стоимость") > 0, "the statistical value is the dollar one");
        assert_eq!(score(Field::Value, &HeaderText::new("Таможенная стоимость")), None, "the customs value is in the national currency");
        assert!(s("GT khai báo USD") > 0, "a Vietnamese declared value is not a percentage");
        assert_eq!(value_scale(&HeaderText::new("Valor FOB (MN)")), 1.0, "MN is moneda nacional, not millions");
        assert_eq!(value_scale(&HeaderText::new("Valor FOB (millones US$)")), 1_000_000.0);
        assert_eq!(best("DESCRIPTION OF PACKAGES AND GOODS"), Some(Field::Description));
        assert_ne!(best("FOB/KG"), Some(Field::Weight));
        assert_ne!(best("DERECHOS ARANCELARIOS"), Some(Field::Hs));
        assert_eq!(best("Нетто, кг"), Some(Field::Weight));
        assert_eq!(best("TIPO DE CAMBIO"), Some(Field::ExchangeRate));
    }

    #[test]
    fn values_rank_by_meaning_and_declare_their_scale() {
        let s = |h: &str| score(Field::Value, &HeaderText::new(h)).unwrap_or_else(|| panic!("{h} is a value"));
        assert!(s("FOB VALUE") > s("VALUE"), "a bare value never beats FOB");
        assert!(s("USD_FOB") > s("TOTAL_VALUE_USD") && s("TOTAL_VALUE_USD") > s("CIF_USD"));
        assert!(score(Field::Value, &HeaderText::new("TOTALUSD")).is_some());
        assert!(score(Field::Value, &HeaderText::new("FREE_ON_BOARD")).is_some());
        assert!(score(Field::Value, &HeaderText::new("COST_INSURANCE_FREIGHT")).is_some());
        assert_eq!(value_scale(&HeaderText::new("FOB_VALUE_IN_1000_USD")), 1000.0);
        assert_eq!(value_scale(&HeaderText::new("CIF VALUE (USD MILLION)")), 1_000_000.0);
        assert_eq!(value_scale(&HeaderText::new("千美元")), 1000.0);
        assert_eq!(value_scale(&HeaderText::new("FOB VALUE USD")), 1.0);
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
        for header in ["金额(元)", "总价(人民币)", "Amount ¥", "金额 RMB"] {
            assert_eq!(score(Field::Value, &HeaderText::new(header)), None, "{header} is not in dollars");
            assert!(score(Field::LocalValue, &HeaderText::new(header)).is_some(), "{header}");
        }
        assert!(score(Field::Value, &HeaderText::new("金额(美元)")).is_some());
    }
}
