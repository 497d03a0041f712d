//! The fields a customs record can carry, and how each is recognised from a column header.

use serde::{Deserialize, Serialize};
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// A field of a customs record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Shipment or declaration date.
    Date,
    /// Month of a monthly summary (`MONTHYEAR`).
    Month,
    /// The importer (export data: consignee/buyer).
    Buyer,
    /// The buyer's name in the local language, beside an English one.
    BuyerLocal,
    /// Notify party: stands in for a buyer hidden behind "to the order of".
    Notify,
    /// The exporter / supplier / shipper.
    Supplier,
    /// The supplier's name in the local language.
    SupplierLocal,
    /// Tariff code.
    Hs,
    /// Goods description.
    Description,
    /// Quantity.
    Quantity,
    /// Quantity unit.
    Unit,
    /// Weight (kg).
    Weight,
    /// Value in US dollars.
    Value,
    /// Value in local currency (only used with an exchange rate when no USD value exists).
    LocalValue,
    /// Local currency per US dollar.
    ExchangeRate,
    /// The currency of each row's value (`CURRENCY` = USD, JPY…).
    Currency,
    /// Country of origin.
    Origin,
    /// Destination (importing) country.
    Destination,
    /// Port.
    Port,
    /// Bill of lading number.
    BillOfLading,
    /// Customs declaration / entry number.
    Declaration,
}

impl Field {
    /// Every field, in the order columns are reported.
    pub const ALL: [Field; 21] = [
        Field::Date,
        Field::Month,
        Field::Buyer,
        Field::BuyerLocal,
        Field::Notify,
        Field::Supplier,
        Field::SupplierLocal,
        Field::Hs,
        Field::Description,
        Field::Quantity,
        Field::Unit,
        Field::Weight,
        Field::Value,
        Field::LocalValue,
        Field::ExchangeRate,
        Field::Currency,
        Field::Origin,
        Field::Destination,
        Field::Port,
        Field::BillOfLading,
        Field::Declaration,
    ];

    /// The snake_case name used in JSON, templates and `--mapping` files.
    pub fn key(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Month => "month",
            Field::Buyer => "buyer",
            Field::BuyerLocal => "buyer_local",
            Field::Notify => "notify",
            Field::Supplier => "supplier",
            Field::SupplierLocal => "supplier_local",
            Field::Hs => "hs",
            Field::Description => "description",
            Field::Quantity => "quantity",
            Field::Unit => "unit",
            Field::Weight => "weight",
            Field::Value => "value",
            Field::LocalValue => "local_value",
            Field::ExchangeRate => "exchange_rate",
            Field::Currency => "currency",
            Field::Origin => "origin",
            Field::Destination => "destination",
            Field::Port => "port",
            Field::BillOfLading => "bill_of_lading",
            Field::Declaration => "declaration",
        }
    }

    /// Parses the snake_case name.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// What a user would call the field, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Date => "date (日期)",
            Field::Month => "month (月份)",
            Field::Buyer => "buyer / importer (进口商)",
            Field::BuyerLocal => "buyer, local-language name",
            Field::Notify => "notify party (通知人)",
            Field::Supplier => "supplier / exporter (出口商)",
            Field::SupplierLocal => "supplier, local-language name",
            Field::Hs => "HS code (HS编码)",
            Field::Description => "product description (商品描述)",
            Field::Quantity => "quantity (数量)",
            Field::Unit => "unit (单位)",
            Field::Weight => "weight (重量)",
            Field::Value => "value in USD (金额)",
            Field::LocalValue => "value in local currency",
            Field::ExchangeRate => "USD exchange rate",
            Field::Currency => "currency of the value (币种)",
            Field::Origin => "country of origin (原产国)",
            Field::Destination => "destination country (目的国)",
            Field::Port => "port (港口)",
            Field::BillOfLading => "bill of lading (提单号)",
            Field::Declaration => "declaration number (报关单号)",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A header cell reduced for matching: lower-case words (a CJK run is one word) and the words joined.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderText {
    /// The header as written.
    pub raw: String,
    /// Lower-case words.
    pub words: Vec<String>,
    /// The words run together (`importer_name` and `IMPORTERNAME` both give `importername`).
    pub compact: String,
}

impl HeaderText {
    /// Normalises a header: full-width to ASCII, case, separators, brackets.
    pub fn new(raw: &str) -> HeaderText {
        // Accents go (`Trị giá`, `Valor Aduanero`, `Número`): headers are written with and without
        // them, and the words to match are kept without.
        let folded: String =
            raw.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase().replace('đ', "d");
        let words: Vec<String> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
        let compact = words.concat();
        HeaderText { raw: raw.trim().to_string(), words, compact }
    }

    /// True when one of the words is exactly `w`.
    pub fn has_word(&self, w: &str) -> bool {
        self.words.iter().any(|x| x == w)
    }

    /// True when the run-together text contains `s`.
    pub fn has(&self, s: &str) -> bool {
        self.compact.contains(s)
    }

    /// True for a percent-of-total column (`%GTTOTALVALUE`, `VALUE_IN_USDPERCENTAGE`).
    pub fn is_percentage(&self) -> bool {
        self.raw.contains('%') || self.has("percent") || self.has("pct") || self.compact.starts_with("gttotal") || self.has("占比")
    }
}

/// A field in a message reads as the window names it (`import.field.buyer`).
impl From<Field> for crate::text::Arg {
    fn from(f: Field) -> crate::text::Arg {
        crate::text::Arg::Term(std::borrow::Cow::Owned(format!("import.field.{}", f.key())))
    }
}
