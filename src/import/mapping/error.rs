//! Why a sheet cannot be mapped: the refusals with their figures and what the user can do, in
//! English for the command line and as a message in the reader's language for the window.

use super::plausible::per_kg;
use super::required::{hint_text, missing_list};
use crate::import::field::Field;
use crate::import::plausibility::Evidence;
use crate::text::{Arg, Message};
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a sheet cannot be mapped.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MappingError {
    /// The value column does not hold US dollars, judged by dollars per kilogram.
    #[error("the values in '{column}' do not look like US dollars: a typical row comes to {} a kilogram for goods of HS chapter {}, which cost at most {} a kilogram ({:.0}× more). If the column is in a local currency, map it as local_value beside an exchange_rate column; if the weights are in tonnes or the values are right, name the value column with --mapping FILE.json, e.g. {{\"value\": \"{column}\"}}; headers seen: {}", per_kg(.evidence.usd_per_kg), .evidence.chapter, per_kg(.evidence.range.1), .evidence.factor, .headers.join(" | "))]
    Implausible {
        /// The value column's header.
        column: String,
        /// The figures that condemn it.
        evidence: Evidence,
        /// The headers of the sheet.
        headers: Vec<String>,
        /// The columns recognised, the value among them, for a user to start from.
        found: BTreeMap<Field, usize>,
    },
    /// Required fields have no column.
    #[error("no column for {}{}; headers seen: {}", missing_list(.missing), hint_text(.hint), .headers.join(" | "))]
    Missing {
        /// The fields not found.
        missing: Vec<Field>,
        /// The headers of the sheet.
        headers: Vec<String>,
        /// What the user can do.
        hint: Option<Message>,
        /// The columns recognised for other fields (indices into the header row), for a user to
        /// start from.
        found: BTreeMap<Field, usize>,
    },
    /// A user mapping names a header the sheet does not have.
    #[error("the mapping assigns '{header}' to {field}, but the sheet has no such column; headers seen: {}", .headers.join(" | "))]
    UnknownColumn {
        /// The field.
        field: Field,
        /// The header named.
        header: String,
        /// The headers of the sheet.
        headers: Vec<String>,
    },
}

impl MappingError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> Message {
        match self {
            MappingError::Implausible { column, evidence, headers, .. } => crate::msg!(
                "error.mapping.implausible",
                column = column,
                usd_per_kg = per_kg(evidence.usd_per_kg),
                chapter = u32::from(evidence.chapter),
                max_per_kg = per_kg(evidence.range.1),
                factor = format!("{:.0}", evidence.factor),
                local_value = Arg::from(Field::LocalValue),
                exchange_rate = Arg::from(Field::ExchangeRate),
                headers = headers.join(" | "),
            ),
            MappingError::Missing { missing, headers, hint: None, .. } => {
                crate::msg!("error.mapping.missing", fields = field_list(missing), headers = headers.join(" | "))
            }
            MappingError::Missing { missing, headers, hint: Some(hint), .. } => {
                crate::msg!("error.mapping.missing_hint", fields = field_list(missing), hint = hint.clone(), headers = headers.join(" | "))
            }
            MappingError::UnknownColumn { field, header, headers } => {
                crate::msg!("error.mapping.unknown_column", header = header, field = Arg::from(*field), headers = headers.join(" | "))
            }
        }
    }
}

/// Field names as one list in the reader's language (`Date, HS code` / `日期、HS编码`).
fn field_list(fields: &[Field]) -> Arg {
    match fields.split_first() {
        None => Arg::Text(String::new()),
        Some((first, [])) => Arg::from(*first),
        Some((first, rest)) => crate::msg!("error.mapping.list", first = Arg::from(*first), rest = field_list(rest)).into(),
    }
}
