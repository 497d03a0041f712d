//! From spreadsheet files to typed customs records: reading (Excel, ODS, CSV in any common
//! encoding), finding the header, mapping columns, parsing values, normalising names and codes.
//!
//! Bad input becomes data: a sheet that cannot be mapped is skipped with its reason, a row that
//! cannot be read becomes a [`record::Rejection`] naming its column. Nothing here knows SQLite.

pub mod cell;
pub mod company_name;
mod content_check;
pub mod field;
pub mod fx;
pub mod header;
pub mod header_match;
pub mod identity;
pub mod mapping;
pub mod parse;
pub mod plausibility;
pub mod preview;
pub mod record;
pub mod sheet;
pub mod source;
