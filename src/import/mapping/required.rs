//! The fields every record needs, and a refusal that says what was found, what is missing and the
//! one action that fixes it.

use super::*;

pub(super) fn missing_list(missing: &[Field]) -> String {
    missing.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ")
}

pub(super) fn hint_text(hint: &Option<Message>) -> String {
    hint.as_ref().map(|h| format!(". {h}")).unwrap_or_default()
}

/// What was found, what is missing and the one action that fixes it: naming the column in the
/// mapping (the window's mapping dialog; `--mapping FILE.json` on the command line), with the field
/// that is actually missing in the example.
pub(super) fn missing_hint(texts: &[HeaderText], columns: &BTreeMap<Field, usize>, missing: &[Field]) -> Message {
    if texts.iter().all(|h| h.compact.is_empty()) {
        return msg!("import.hint.header_empty");
    }
    let first = missing.first().copied().unwrap_or(Field::Value);
    // The mapping file's own words (`buyer = 'Importer'`): the same in either language.
    let found: Vec<String> = columns.iter().map(|(f, c)| format!("{} = '{}'", f.key(), texts[*c].raw)).collect();
    let found = if found.is_empty() { msg!("import.hint.none_found") } else { msg!("import.hint.found", fields = found.join(", ")) };
    let situation = if missing.contains(&Field::Buyer) && columns.contains_key(&Field::Supplier) {
        msg!("import.hint.no_buyers")
    } else if missing.contains(&Field::Value) && columns.contains_key(&Field::Weight) {
        msg!("import.hint.no_value")
    } else {
        msg!("import.hint.fields_missing")
    };
    let local_tip: Arg = if missing.contains(&Field::Value) { msg!("import.hint.local_tip").into() } else { Arg::Text(String::new()) };
    msg!("import.hint.name_column", situation = situation, found = found, field = first.key(), local_tip = local_tip)
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
        let columns = errors.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ");
        msg!("import.hint.error_cells", columns = columns)
    });
    Err(MappingError::Missing { missing, headers: raw.iter().filter(|h| !h.is_empty()).cloned().collect(), hint, found: columns.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn the_hint_keeps_its_english_and_speaks_chinese() {
        let texts: Vec<HeaderText> = ["Date", "Exporter", "Weight"].iter().map(|h| HeaderText::new(h)).collect();
        let columns = BTreeMap::from([(Field::Date, 0), (Field::Supplier, 1)]);
        let hint = missing_hint(&texts, &columns, &[Field::Buyer, Field::Hs, Field::Value]);
        assert_eq!(
            hint.render(Lang::En),
            "The sheet names exporters but no buyers (importer/consignee), so it cannot show who the customers are (found date = 'Date', supplier = 'Exporter'). If one of the other columns holds it, name it in the mapping dialog or with --mapping FILE.json, e.g. {\"buyer\": \"<its header>\"}, or for a value in a local currency {\"local_value\": \"<its header>\", \"exchange_rate\": \"<rate header>\"}; the choice is remembered for files with these headers"
        );
        let zh = hint.render(Lang::Zh);
        assert!(zh.starts_with("表中有出口商，却没有买家") && zh.contains("已识别：date = 'Date'"), "{zh}");
        assert!(zh.contains("{\"buyer\": \"<列标题>\"}；如果金额是本币") && !zh.contains("If one"), "{zh}");
        let errors =
            MappingError::Missing { missing: vec![Field::Value], headers: vec!["Value USD".into()], hint: Some(hint), found: columns };
        assert!(errors.to_string().contains(". The sheet names exporters"), "the command line's English: {errors}");
        let empty = missing_hint(&[HeaderText::new("")], &BTreeMap::new(), &[Field::Date]);
        assert_eq!((empty.render(Lang::En).as_str(), empty.render(Lang::Zh).as_str()), ("The header row is empty", "标题行是空的"));
    }
}
