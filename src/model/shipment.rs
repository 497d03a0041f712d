//! The shipment as analysis sees it: compact, typed, one per customs record.

use super::{Cents, CompanyId, Hs6, RecordDate};

/// One customs record reduced to what the analyses need.
///
/// `supplier` is `None` when the file names no supplier: the record still counts in the buyer's
/// totals and in no supplier's.
#[derive(Debug, Clone, PartialEq)]
pub struct Shipment {
    /// When (a day or a month).
    pub date: RecordDate,
    /// The importer (in export data: the consignee/buyer), after merges.
    pub buyer: CompanyId,
    /// The exporter, after merges, when known.
    pub supplier: Option<CompanyId>,
    /// The 6-digit subheading.
    pub hs6: Hs6,
    /// Value in USD cents.
    pub value: Cents,
    /// Weight in kilograms, when the file has one.
    pub weight_kg: Option<f64>,
    /// Country of origin, as an index into [`super::Dataset::countries`].
    pub origin: Option<u16>,
    /// Destination (importing) country, as an index into [`super::Dataset::countries`].
    pub destination: Option<u16>,
}
