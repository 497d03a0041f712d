//! The fields every record needs, and a refusal that says what was found, what is missing and the
//! one action that fixes it.

use super::*;

pub(super) fn missing_list(missing: &[Field]) -> String {
    missing.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ")
}

pub(super) fn hint_text(hint: &Option<String>) -> String {
    hint.as_ref().map(|h| format!(". {h}")).unwrap_or_default()
}

/// What was found, what is missing and the one action that fixes it: naming the column in the
/// mapping (the window's mapping dialog; `--mapping FILE.json` on the command line), with the field
/// that is actually missing in the example.
pub(super) fn missing_hint(texts: &[HeaderText], columns: &BTreeMap<Field, usize>, missing: &[Field]) -> String {
    if texts.iter().all(|h| h.compact.is_empty()) {
        return "The header row is empty".to_string();
    }
    let first = missing.first().copied().unwrap_or(Field::Value);
    let found: Vec<String> = columns.iter().map(|(f, c)| format!("{} = '{}'", f.key(), texts[*c].raw)).collect();
    let found = if found.is_empty() { "no field recognised".to_string() } else { format!("found {}", found.join(", ")) };
    let situation = if missing.contains(&Field::Buyer) && columns.contains_key(&Field::Supplier) {
        "The sheet names exporters but no buyers (importer/consignee), so it cannot show who the customers are"
    } else if missing.contains(&Field::Value) && columns.contains_key(&Field::Weight) {
        "The sheet has weights but no value in US dollars"
    } else {
        "Some fields every record needs have no column"
    };
    let value_tip = if missing.contains(&Field::Value) {
        ", or for a value in a local currency {\"local_value\": \"<its header>\", \"exchange_rate\": \"<rate header>\"}"
    } else {
        ""
    };
    format!(
        "{situation} ({found}). If one of the other columns holds it, name it in the mapping dialog or with --mapping FILE.json, e.g. {{\"{}\": \"<its header>\"}}{value_tip}; the choice is remembered for files with these headers",
        first.key()
    )
}

/// Unmapped columns named like a missing field whose cells are mostly spreadsheet errors: the column
/// is there, its cells are not.
pub(super) fn error_columns(texts: &[HeaderText], sample: &[Row], columns: &BTreeMap<Field, usize>, missing: &[Field]) -> Vec<String> {
    texts
        .iter()
        .enumerate()
        .filter(|(i, h)| !columns.values().any(|c| c == i) && missing.iter().any(|f| score(*f, h).is_some()))
        .filter(|(i, _)| {
            let filled: Vec<&crate::import::cell::Cell> = sample.iter().filter_map(|r| r.cells.get(*i)).filter(|c| !c.is_blank()).collect();
            let errors = filled.iter().filter(|c| matches!(c, crate::import::cell::Cell::Error(_))).count();
            errors > 0 && errors * 2 >= filled.len()
        })
        .map(|(_, h)| h.raw.clone())
        .collect()
}

/// Checks that date (or month), buyer, HS code and value all have a column; returns the value source.
pub(super) fn check_required(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &BTreeMap<Field, usize>,
    value: Option<ValueSource>,
    raw: &[String],
) -> Result<ValueSource, MappingError> {
    let mut missing = Vec::new();
    if !columns.contains_key(&Field::Date) && !columns.contains_key(&Field::Month) {
        missing.push(Field::Date);
    }
    for field in [Field::Buyer, Field::Hs] {
        if !columns.contains_key(&field) {
            missing.push(field);
        }
    }
    match value {
        Some(value) if missing.is_empty() => return Ok(value),
        Some(_) => {}
        None => missing.push(Field::Value),
    }
    let errors = error_columns(texts, sample, columns, &missing);
    let hint = Some(if errors.is_empty() {
        missing_hint(texts, columns, &missing)
    } else {
        format!(
            "{} holds spreadsheet errors (#DIV/0!, #REF!, #N/A…) instead of values: fix the formulas in Excel, or copy the cells and paste them back as values, then import again",
            errors.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ")
        )
    });
    Err(MappingError::Missing { missing, headers: raw.iter().filter(|h| !h.is_empty()).cloned().collect(), hint, found: columns.clone() })
}
