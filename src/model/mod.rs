//! Domain types shared by every layer: money, dates, HS codes, company ids and shipments.
//!
//! These are plain data with no I/O, so `import`, `store`, `analysis` and the front ends all speak
//! the same language.

mod attributes;
mod company;
mod crm;
mod dataset;
pub mod date;
mod group;
mod hs;
pub mod lang;
mod money;
pub mod nomenclature;
mod review;
mod shipment;

pub use attributes::{ManualAttributes, RatingError};
pub use company::{CompanyId, CompanyKey};
pub use crm::{Crm, CrmCard, CrmNote};
pub use dataset::{Company, Dataset};
pub use date::{Precision, Quarter, RecordDate};
pub use group::{CompanyGroup, GroupAnswer, SuggestionAnswer};
pub use hs::{Hs6, HsCode, HsError};
pub use lang::Lang;
pub use money::Cents;
pub use review::{ReviewMark, ReviewMonth, ReviewState};
pub use shipment::Shipment;
