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

/// Money for tables: whole dollars with separators.
pub fn dollars(c: crate::model::Cents) -> String {
    let s = crate::model::Cents(c.0 - c.0 % 100).to_string();
    s.trim_end_matches(".00").to_string()
}

/// A share as a percentage, or a dash.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_string(), |s| format!("{:.0}%", s * 100.0))
}
