//! Which column holds which field: header scores, checked against the sheet's own values, then a
//! one-to-one assignment, with the choices explained.

use super::cell::column_letter;
use super::content_check::{day_order, decimal_mark, fit, usual_hs_len};
use super::field::{Field, HeaderText};
use super::header_match::{Currency, currency, score, weight_scale};
use super::parse::date::{DayOrder, DayOrderEvidence};
use super::parse::number::DecimalMark;
use super::source::Row;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// The note for a column read month first.
pub const MONTH_FIRST_NOTE: &str = "dates read as month/day/year (decided from the column's values)";

/// A mapping as a user writes it (`--mapping FILE.json`) and as templates keep it: field → header.
pub type FieldMap = BTreeMap<Field, String>;

/// Where a sheet's mapping came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// Recognised from the headers.
    Auto,
    /// A template saved for these exact headers.
    Template,
    /// Given by the user for this import.
    User,
}

/// How a row's US-dollar value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueSource {
    /// A column in dollars.
    Column(usize),
    /// Local-currency value ÷ (local currency per USD), when the file has no dollar column.
    Derived {
        /// Local-currency value column.
        local: usize,
        /// Exchange-rate column.
        rate: usize,
    },
}

/// The complete reading plan for one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// Where it came from.
    pub source: MappingSource,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// Field → column index.
    pub columns: BTreeMap<Field, usize>,
    /// How the value is read.
    pub value: ValueSource,
    /// Multiplier from the weight column's unit to kg.
    pub weight_scale: f64,
    /// Day order of text dates in the date column.
    pub day_order: DayOrder,
    /// The sample could not decide the day order (every date reads both ways): more rows must.
    pub day_order_open: bool,
    /// Decimal mark of numbers written as text in this sheet.
    pub decimal_mark: DecimalMark,
    /// The usual digit count of the HS column.
    pub hs_len: Option<usize>,
    /// Columns mapped to no field, kept per row as JSON.
    pub extra_columns: Vec<usize>,
    /// Plain-language notes on the choices made.
    pub notes: Vec<String>,
    /// Required fields whose column is a weak match: a user should confirm them.
    pub unsure: Vec<Field>,
}

/// Why a sheet cannot be mapped.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MappingError {
    /// Required fields have no column.
    #[error("no column for {}{}; headers seen: {}", missing_list(.missing), hint_text(.hint), .headers.join(" | "))]
    Missing {
        /// The fields not found.
        missing: Vec<Field>,
        /// The headers of the sheet.
        headers: Vec<String>,
        /// What the user can do.
        hint: Option<String>,
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

fn missing_list(missing: &[Field]) -> String {
    missing.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ")
}

fn hint_text(hint: &Option<String>) -> String {
    hint.as_ref().map(|h| format!(". {h}")).unwrap_or_default()
}

impl Mapping {
    /// The header text of the column holding `field`.
    pub fn header_of(&self, field: Field) -> Option<&str> {
        self.columns.get(&field).and_then(|i| self.headers.get(*i)).map(String::as_str)
    }

    /// The mapping as field → header, the form templates keep.
    pub fn field_map(&self) -> FieldMap {
        self.columns.iter().filter_map(|(f, i)| self.headers.get(*i).map(|h| (*f, h.clone()))).collect()
    }

    /// Header names of the extra columns (`Column K` for a column without a header).
    pub fn extra_names(&self) -> Vec<String> {
        self.extra_columns
            .iter()
            .map(|i| match self.headers.get(*i).filter(|h| !h.trim().is_empty()) {
                Some(h) => h.clone(),
                None => format!("Column {}", column_letter(*i)),
            })
            .collect()
    }
}

/// Maps a sheet's columns from its header row and a sample of the rows below it.
///
/// `fixed` assigns fields to headers outright (a user's `--mapping` or a saved template); every other
/// field is recognised automatically among the remaining columns.
pub fn map_columns(header: &Row, sample: &[Row], fixed: Option<&FieldMap>, source: MappingSource) -> Result<Mapping, MappingError> {
    let texts: Vec<HeaderText> = header.cells.iter().map(|c| HeaderText::new(&c.to_text())).collect();
    let raw: Vec<String> = texts.iter().map(|h| h.raw.clone()).collect();
    let width = sample.iter().map(|r| r.cells.len()).chain([texts.len()]).max().unwrap_or(0);
    let mut columns: BTreeMap<Field, usize> = BTreeMap::new();
    if let Some(fixed) = fixed {
        for (field, name) in fixed {
            let wanted = HeaderText::new(name);
            let index = texts.iter().position(|h| h.compact == wanted.compact && !h.compact.is_empty());
            let index = index.ok_or_else(|| MappingError::UnknownColumn { field: *field, header: name.clone(), headers: raw.clone() })?;
            columns.insert(*field, index);
        }
    }
    // A currency column (`INVOICE CURRENCY` = EUR) means unlabelled invoice amounts are not dollars.
    let has_currency_column = texts.iter().any(|h| h.has_word("currency") || h.has("币种") || h.has("币制") || h.has_word("moneda"));
    let mut candidates: Vec<(i32, Field, usize)> = Vec::new();
    for (col, h) in texts.iter().enumerate() {
        if columns.values().any(|c| *c == col) {
            continue;
        }
        for field in Field::ALL.into_iter().filter(|f| !columns.contains_key(f)) {
            let Some(base) = score(field, h) else { continue };
            if field == Field::Value && has_currency_column && currency(h) == Currency::Unstated && (h.has("invoice") || h.has("declared"))
            {
                continue;
            }
            if let Some(adj) = fit(field, sample, col).adjustment(field) {
                candidates.push((base + adj, field, col));
            }
        }
    }
    // Best first; on equal scores the leftmost column.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
    let mut scores: BTreeMap<Field, i32> = BTreeMap::new();
    for (s, field, col) in &candidates {
        if !columns.contains_key(field) && !columns.values().any(|c| c == col) {
            columns.insert(*field, *col);
            scores.insert(*field, *s);
        }
    }
    let mut notes = Vec::new();
    pair_local_names(&texts, &mut columns, &mut notes);
    let value = choose_value(&texts, sample, &mut columns, &mut notes);
    let value = check_required(&texts, &columns, value, &raw)?;
    let evidence = columns.get(&Field::Date).map_or(DayOrderEvidence::NotNeeded, |c| day_order(sample, *c));
    let day_order = match evidence {
        DayOrderEvidence::Decided(order) => order,
        DayOrderEvidence::Ambiguous | DayOrderEvidence::NotNeeded => DayOrder::DayFirst,
    };
    if day_order == DayOrder::MonthFirst {
        notes.push(MONTH_FIRST_NOTE.into());
    }
    let scale = columns.get(&Field::Weight).map_or(1.0, |c| weight_scale(&texts[*c]));
    if scale != 1.0 {
        notes.push(format!("weight '{}' is in tonnes and was converted to kg", raw[columns[&Field::Weight]]));
    }
    let unsure = [Field::Date, Field::Month, Field::Buyer, Field::Hs, Field::Value]
        .into_iter()
        .filter(|f| source == MappingSource::Auto && scores.get(f).is_some_and(|s| *s < 70))
        .collect();
    let used: Vec<usize> = columns.values().copied().collect();
    let extra_columns = (0..width)
        .filter(|i| !used.contains(i))
        .filter(|i| {
            texts.get(*i).is_some_and(|h| !h.compact.is_empty()) || sample.iter().any(|r| r.cells.get(*i).is_some_and(|c| !c.is_blank()))
        })
        .collect();
    let hs_len = columns.get(&Field::Hs).and_then(|c| usual_hs_len(sample, *c));
    let numeric: Vec<usize> = [Field::Value, Field::LocalValue, Field::ExchangeRate, Field::Quantity, Field::Weight]
        .iter()
        .filter_map(|f| columns.get(f).copied())
        .collect();
    let decimal_mark = decimal_mark(sample, &numeric);
    if decimal_mark == DecimalMark::Comma {
        notes.push("numbers use a decimal comma (1.234,50), decided from the sheet's values".into());
    }
    Ok(Mapping {
        source,
        headers: raw,
        columns,
        value,
        weight_scale: scale,
        day_order,
        day_order_open: evidence == DayOrderEvidence::Ambiguous,
        decimal_mark,
        hs_len,
        extra_columns,
        notes,
        unsure,
    })
}

/// `EXPORTER NAME EN` beside `EXPORTER NAME`: the English one is the name, the other an alias.
fn pair_local_names(texts: &[HeaderText], columns: &mut BTreeMap<Field, usize>, notes: &mut Vec<String>) {
    for (main, local) in [(Field::Buyer, Field::BuyerLocal), (Field::Supplier, Field::SupplierLocal)] {
        if !columns.contains_key(&main) {
            if let Some(col) = columns.remove(&local) {
                columns.insert(main, col);
            }
            continue;
        }
        if columns.contains_key(&local) {
            continue;
        }
        let chosen = &texts[columns[&main]];
        let base = |h: &HeaderText| h.words.iter().filter(|w| *w != "en" && *w != "english").cloned().collect::<Vec<_>>();
        let twin = texts
            .iter()
            .enumerate()
            .find(|(i, h)| !columns.values().any(|c| c == i) && h.compact != chosen.compact && base(h) == base(chosen));
        if let Some((i, h)) = twin {
            columns.insert(local, i);
            notes.push(format!("'{}' is used as the {} name; '{}' is kept as another spelling", chosen.raw, main.key(), h.raw));
        }
    }
}

/// Picks the dollar value, or derives it from a local value and an exchange rate.
fn choose_value(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &mut BTreeMap<Field, usize>,
    notes: &mut Vec<String>,
) -> Option<ValueSource> {
    let direct = columns.get(&Field::Value).copied();
    let derived = match (columns.get(&Field::LocalValue), columns.get(&Field::ExchangeRate)) {
        (Some(l), Some(r)) => Some((*l, *r)),
        _ => None,
    };
    let direct_is_zero = direct.is_some_and(|c| fit(Field::Value, sample, c).all_zero);
    let derived_is_zero = derived.is_none_or(|(l, _)| fit(Field::LocalValue, sample, l).all_zero);
    match (direct, derived) {
        (Some(_), Some((l, r))) if direct_is_zero && !derived_is_zero => {
            columns.remove(&Field::Value);
            notes.push(format!("value in USD = '{}' ÷ '{}' (the dollar column holds only zeros)", texts[l].raw, texts[r].raw));
            Some(ValueSource::Derived { local: l, rate: r })
        }
        (Some(c), _) => {
            let kind = value_kind(&texts[c]);
            notes.push(format!("value in USD from '{}'{kind}", texts[c].raw));
            if direct_is_zero {
                notes.push(format!("'{}' holds only zeros in the first rows", texts[c].raw));
            }
            Some(ValueSource::Column(c))
        }
        (None, Some((l, r))) => {
            notes.push(format!("no USD value column: value in USD = '{}' ÷ '{}'", texts[l].raw, texts[r].raw));
            Some(ValueSource::Derived { local: l, rate: r })
        }
        (None, None) => None,
    }
}

fn value_kind(h: &HeaderText) -> &'static str {
    if h.has("fob") {
        " (FOB)"
    } else if h.has("cif") || h.has("cnf") {
        " (CIF)"
    } else if h.has("assessed") || h.has("custom") {
        " (customs value)"
    } else if h.has("invoice") {
        " (invoice value)"
    } else if currency(h) == Currency::Unstated {
        " (no currency stated; taken as USD)"
    } else {
        ""
    }
}

/// Checks that date (or month), buyer, HS code and value all have a column; returns the value source.
fn check_required(
    texts: &[HeaderText],
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
    let hint = if missing.contains(&Field::Buyer) && columns.contains_key(&Field::Supplier) {
        Some("The sheet lists exporters but no buyers (importer/consignee), so it cannot show who the customers are: export the data with the buyer column, or import the full declarations instead".to_string())
    } else if missing.contains(&Field::Value) && columns.contains_key(&Field::Weight) {
        Some(
            "The sheet has weights but no value in US dollars (金额/Value/Amount USD); add a value column or give one with --mapping"
                .to_string(),
        )
    } else if texts.iter().all(|h| h.compact.is_empty()) {
        Some("The header row is empty".to_string())
    } else {
        Some("Name the columns with --mapping FILE.json (for example {\"buyer\": \"客户\"}) and the choice is remembered for files with these headers".to_string())
    };
    Err(MappingError::Missing { missing, headers: raw.iter().filter(|h| !h.is_empty()).cloned().collect(), hint, found: columns.clone() })
}
