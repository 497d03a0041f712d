//! Printing results: one JSON object, or a readable table that lines up Chinese text.

use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};
use serde::Serialize;

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A table with the given header, sized to the terminal.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY).set_content_arrangement(ContentArrangement::Dynamic).set_header(header.to_vec());
    t
}

/// Money for tables: whole dollars with separators, as everywhere (`text::number`).
pub fn dollars(c: crate::model::Cents) -> String {
    crate::text::number::dollars(c.dollars())
}

pub use crate::text::number::percent;
