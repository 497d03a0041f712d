//! Which column holds which field: header scores, checked against the sheet's own values, then a
//! one-to-one assignment, with the choices explained.

use super::cell::column_letter;
use super::content_check::{day_order, decimal_mark, fit, usual_hs_len};
use super::field::{Field, HeaderText};
use super::header_match::{Currency, currency, score, value_kind, value_scale, weight_scale};
use super::parse::date::{DayOrder, DayOrderEvidence};
use super::parse::number::DecimalMark;
use super::parse::number::number_from_cell;
use super::plausibility::{Evidence, Verdict, judge};
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
    /// A value in a currency its header names, converted at the reference rate of each record's
    /// month ([`super::fx`]), when the file has neither a dollar column nor a rate.
    Reference {
        /// The value column.
        local: usize,
        /// Its currency (ISO 4217).
        currency: &'static str,
    },
}

/// The complete reading plan for one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// Where it came from.
    pub source: MappingSource,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// The header cells lower-cased, to tell a damaged cell that repeats a column name.
    pub header_names: std::collections::BTreeSet<String>,
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
    /// Decimal mark of numbers written as text in this sheet, where a column's own values do not say.
    pub decimal_mark: DecimalMark,
    /// Decimal marks decided by a column's own values (`33.601` thousands in one column, `12.5` in
    /// another).
    pub column_marks: BTreeMap<usize, DecimalMark>,
    /// The value column's multiplier to dollars (`VALUE_IN_1000_USD` → 1000).
    pub value_scale: f64,
    /// A per-row currency column that says what the value column's amounts are in.
    pub row_currency: Option<usize>,
    /// The value column is not in dollars: a row whose currency cell is empty is refused.
    pub currency_required: bool,
    /// The usual digit count of the HS column.
    pub hs_len: Option<usize>,
    /// Columns mapped to no field, kept per row as JSON.
    pub extra_columns: Vec<usize>,
    /// Plain-language notes on the choices made.
    pub notes: Vec<String>,
    /// Numbers that look wrong (a value far too cheap or dear for its goods): imported, but a user
    /// must see them before trusting the figures.
    pub warnings: Vec<String>,
    /// Required fields whose column is a weak match: a user should confirm them.
    pub unsure: Vec<Field>,
}

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

/// Dollars per kilogram, with two significant digits below ten cents (`$0.00069`, `$0.020`).
fn per_kg(x: f64) -> String {
    if x >= 100.0 {
        format!("${x:.0}")
    } else if x >= 0.1 || x <= 0.0 {
        format!("${x:.2}")
    } else {
        let decimals = (1.0 - x.log10().floor()) as usize;
        format!("${x:.decimals$}")
    }
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

    /// True when `text` is one of the sheet's column names (a name cell reading `Date` is damage).
    pub fn is_header_name(&self, text: &str) -> bool {
        text.len() <= 80 && self.header_names.contains(&text.trim().to_lowercase())
    }

    /// The decimal mark of column `col`: its own, else the sheet's.
    pub fn mark(&self, col: usize) -> DecimalMark {
        self.column_marks.get(&col).copied().unwrap_or(self.decimal_mark)
    }

    /// The decimal mark of the column holding `field`.
    pub fn mark_of(&self, field: Field) -> DecimalMark {
        self.columns.get(&field).map_or(self.decimal_mark, |c| self.mark(*c))
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
    let mut candidates: Vec<(i32, Field, usize)> = Vec::new();
    for (col, h) in texts.iter().enumerate() {
        if columns.values().any(|c| *c == col) {
            continue;
        }
        for field in Field::ALL.into_iter().filter(|f| !columns.contains_key(f)) {
            let Some(base) = score(field, h) else { continue };
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
    let value = choose_value(&texts, sample, &candidates, &mut columns, &mut notes);
    let mut value = check_required(&texts, sample, &columns, value, &raw)?;
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
    let numeric: Vec<(Field, usize)> = [Field::Value, Field::LocalValue, Field::ExchangeRate, Field::Quantity, Field::Weight]
        .iter()
        .filter_map(|f| columns.get(f).map(|c| (*f, *c)))
        .collect();
    let (decimal_mark, column_marks) = decimal_marks(sample, &numeric, &candidates);
    if decimal_mark == DecimalMark::Comma {
        notes.push("numbers use a decimal comma (1.234,50), decided from the sheet's values".into());
    }
    let marks = |c: usize| column_marks.get(&c).copied().unwrap_or(decimal_mark);
    let mut warnings = Vec::new();
    if source == MappingSource::Auto {
        value = check_plausible(&texts, sample, &candidates, &mut columns, value, (scale, &marks), (&mut notes, &mut warnings))?;
    } else if let Some(warning) = plausibility_note(&texts, sample, &columns, value, (scale, &marks)) {
        warnings.push(warning);
    }
    let value_scale = value_column(value).map_or(1.0, |c| value_scale(&texts[c]));
    if value_scale != 1.0 {
        notes.push(format!(
            "'{}' is in {} of US dollars: multiplied by {value_scale:.0}",
            texts[value_column(value).unwrap_or(0)].raw,
            scale_word(value_scale)
        ));
    }
    let row_currency = row_currency(&texts, sample, &columns, value, &mut notes);
    let currency_required = row_currency.is_some() && value_column(value).is_some_and(|v| columns.get(&Field::LocalValue) == Some(&v));
    for (_, col) in numeric.iter().filter(|(f, _)| matches!(f, Field::Value | Field::LocalValue)) {
        if column_marks.get(col).is_some_and(|m| *m != decimal_mark && decimal_mark != DecimalMark::Unknown) {
            notes.push(format!(
                "'{}' groups thousands with its separator (1.234 = one thousand two hundred and thirty-four), decided from its own values",
                raw[*col]
            ));
        }
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
    let header_names = raw.iter().map(|h| h.trim().to_lowercase()).filter(|h| !h.is_empty()).collect();
    Ok(Mapping {
        source,
        header_names,
        headers: raw,
        columns,
        value,
        weight_scale: scale,
        day_order,
        day_order_open: evidence == DayOrderEvidence::Ambiguous,
        decimal_mark,
        column_marks,
        value_scale,
        row_currency,
        currency_required,
        hs_len,
        extra_columns,
        notes,
        warnings,
        unsure,
    })
}

fn scale_word(scale: f64) -> &'static str {
    if scale >= 1_000_000.0 {
        "millions"
    } else if scale >= 10_000.0 {
        "tens of thousands"
    } else {
        "thousands"
    }
}

/// The column a value source reads dollars (or local amounts) from.
fn value_column(value: ValueSource) -> Option<usize> {
    match value {
        ValueSource::Column(c) => Some(c),
        ValueSource::Derived { local, .. } | ValueSource::Reference { local, .. } => Some(local),
    }
}

/// The sheet's decimal mark, and each numeric column's own where its values decide it. A value
/// column whose dotted numbers all have three digits after one separator (`33.601`, `2.500`) groups
/// thousands, whatever the sheet's other columns do: money is not written to a tenth of a cent.
fn decimal_marks(
    sample: &[Row],
    numeric: &[(Field, usize)],
    candidates: &[(i32, Field, usize)],
) -> (DecimalMark, BTreeMap<usize, DecimalMark>) {
    let cols: Vec<usize> = numeric.iter().map(|(_, c)| *c).collect();
    let sheet = decimal_mark(sample, &cols);
    let mut own = BTreeMap::new();
    let value_like = candidates.iter().filter(|(_, f, _)| matches!(f, Field::Value | Field::LocalValue)).map(|(_, _, c)| *c);
    for col in cols.iter().copied().chain(value_like) {
        match decimal_mark(sample, &[col]) {
            DecimalMark::Unknown => {
                let is_value = numeric.iter().any(|(f, c)| *c == col && matches!(f, Field::Value | Field::LocalValue))
                    || !numeric.iter().any(|(_, c)| *c == col);
                if let Some(mark) = grouped_thousands(sample, col).filter(|_| is_value) {
                    own.insert(col, mark);
                }
            }
            mark => {
                own.insert(col, mark);
            }
        }
    }
    (sheet, own)
}

/// The decimal mark implied when some of the column's numbers written as text have one separator
/// followed by three digits: a dot that groups thousands means a decimal comma, and the reverse.
fn grouped_thousands(sample: &[Row], col: usize) -> Option<DecimalMark> {
    sample.iter().filter_map(|r| r.cells.get(col)).find_map(|c| match c {
        super::cell::Cell::Text(t) => {
            let t = t.trim();
            let seps = t.matches(['.', ',']).count();
            let at = t.rfind(['.', ','])?;
            let grouped = seps == 1 && t.len() - at - 1 == 3 && t.chars().filter(char::is_ascii_digit).count() >= 4;
            grouped.then(|| if t[at..].starts_with('.') { DecimalMark::Comma } else { DecimalMark::Point })
        }
        _ => None,
    })
}

/// Units per dollar of `code` at the reference table's last month: close enough to judge dollars per
/// kilogram on a sample.
fn typical_rate(code: &str) -> Option<f64> {
    let last = super::fx::last_month();
    let (y, m) = last.split_once('-')?;
    Some(super::fx::per_usd(code, y.parse().ok()?, m.parse().ok()?)?.per_usd)
}

/// Reads a row's dollars through a value source (scaled), for the plausibility check; a row whose
/// currency column names a currency without a reference rate says nothing (it will be refused).
fn row_dollars(
    texts: &[HeaderText],
    value: ValueSource,
    currency_col: Option<usize>,
    mark: &dyn Fn(usize) -> DecimalMark,
) -> impl Fn(&Row) -> Option<f64> {
    let scale = value_column(value).map_or(1.0, |c| value_scale(&texts[c]));
    move |r: &Row| {
        let num = |c: usize| r.cells.get(c).and_then(|cell| number_from_cell(cell, mark(c)).ok());
        let row_rate = match currency_col.and_then(|c| r.cells.get(c)).and_then(|c| super::parse::number::currency_code(&c.to_text())) {
            Some(code) if code != "USD" => typical_rate(&code)?,
            _ => 1.0,
        };
        match value {
            ValueSource::Column(c) => num(c).map(|v| v * scale / row_rate),
            ValueSource::Derived { local, rate } => Some(num(local)? * scale / num(rate).filter(|r| *r > 0.0)?),
            ValueSource::Reference { local, currency } => Some(num(local)? * scale / typical_rate(currency)?),
        }
    }
}

/// The verdict on a value source's dollars per kilogram (unknown without weight and HS columns).
fn verdict(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &BTreeMap<Field, usize>,
    value: ValueSource,
    (scale, mark): (f64, &dyn Fn(usize) -> DecimalMark),
) -> Verdict {
    let (Some(weight), Some(hs)) = (columns.get(&Field::Weight), columns.get(&Field::Hs)) else { return Verdict::Unknown };
    let currency_col = columns
        .get(&Field::Currency)
        .copied()
        .filter(|_| matches!(value, ValueSource::Column(v) if currency(&texts[v]) == Currency::Unstated || columns.get(&Field::LocalValue) == Some(&v)));
    let read = row_dollars(texts, value, currency_col, mark);
    judge(sample, &read, (*weight, scale), *hs, mark(*weight))
}

/// Checks the chosen value's dollars per kilogram: a column far too dear for its goods gives way to
/// another dollar column that is not, else the sheet is refused (a local currency read as dollars
/// would poison every figure); one far too cheap is imported with a warning.
fn check_plausible(
    texts: &[HeaderText],
    sample: &[Row],
    candidates: &[(i32, Field, usize)],
    columns: &mut BTreeMap<Field, usize>,
    value: ValueSource,
    read: (f64, &dyn Fn(usize) -> DecimalMark),
    (notes, warnings): (&mut Vec<String>, &mut Vec<String>),
) -> Result<ValueSource, MappingError> {
    match verdict(texts, sample, columns, value, read) {
        Verdict::TooHigh(evidence) => {
            let chosen = value_column(value).unwrap_or(0);
            let used: Vec<usize> = columns.values().copied().collect();
            let other = candidates
                .iter()
                .filter(|(_, f, c)| *f == Field::Value && *c != chosen && !used.contains(c))
                .map(|(_, _, c)| ValueSource::Column(*c))
                .find(|alt| verdict(texts, sample, columns, *alt, read) == Verdict::Plausible);
            match other {
                Some(ValueSource::Column(c)) => {
                    columns.insert(Field::Value, c);
                    notes.retain(|n| !n.starts_with("value in USD"));
                    notes.push(format!(
                        "value in USD from '{}': '{}' comes to {} a kilogram for goods of HS chapter {} (at most {} expected), so it is not in US dollars",
                        texts[c].raw,
                        texts[chosen].raw,
                        per_kg(evidence.usd_per_kg),
                        evidence.chapter,
                        per_kg(evidence.range.1)
                    ));
                    Ok(ValueSource::Column(c))
                }
                // Refused only where nothing says dollars and the figures are far out: a column
                // that says USD, or dear goods a little over the ceiling, are imported with a warning.
                _ if currency(&texts[chosen]) == Currency::Unstated && evidence.factor >= REFUSE_FACTOR => Err(MappingError::Implausible {
                    column: texts[chosen].raw.clone(),
                    evidence,
                    headers: texts.iter().map(|h| h.raw.clone()).filter(|h| !h.is_empty()).collect(),
                    found: columns.clone(),
                }),
                _ => {
                    warnings.push(too_high_note(&texts[chosen].raw, &evidence));
                    Ok(value)
                }
            }
        }
        Verdict::TooLow(e) => {
            warnings.push(too_low_note(&texts[value_column(value).unwrap_or(0)].raw, &e));
            Ok(value)
        }
        Verdict::Plausible | Verdict::Unknown => Ok(value),
    }
}

/// How far beyond its chapter's ceiling a column with no stated currency must be to be refused.
const REFUSE_FACTOR: f64 = 10.0;

fn too_high_note(column: &str, e: &Evidence) -> String {
    out_of_range_note(column, e, ("which rarely cost more than", e.range.1, "more", "in a local currency"))
}

fn too_low_note(column: &str, e: &Evidence) -> String {
    out_of_range_note(column, e, ("where at least", e.range.0, "less", "in thousands of dollars, or the weights in grams"))
}

/// "check 'COLUMN': a typical row comes to $X a kilogram … (N× more|less): the column may be …".
fn out_of_range_note(column: &str, e: &Evidence, (bound_words, bound, direction, maybe): (&str, f64, &str, &str)) -> String {
    let usual = if direction == "less" { " is usual" } else { "" };
    format!(
        "check '{column}': a typical row comes to {} a kilogram for goods of HS chapter {}, {bound_words} {}{usual} ({:.0}× {direction}): the column may be {maybe}",
        per_kg(e.usd_per_kg),
        e.chapter,
        per_kg(bound),
        e.factor
    )
}

/// For a value column the user or a template named: a warning when its dollars per kilogram look wrong.
fn plausibility_note(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &BTreeMap<Field, usize>,
    value: ValueSource,
    read: (f64, &dyn Fn(usize) -> DecimalMark),
) -> Option<String> {
    let column = &texts[value_column(value)?].raw;
    match verdict(texts, sample, columns, value, read) {
        Verdict::TooHigh(e) => Some(too_high_note(column, &e)),
        Verdict::TooLow(e) => Some(too_low_note(column, &e)),
        Verdict::Plausible | Verdict::Unknown => None,
    }
}

/// A per-row currency column applies to a value column whose header names no currency: rows in
/// another currency are converted at the reference rate of their month, or refused one by one where
/// there is none; never read as dollars.
fn row_currency(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &BTreeMap<Field, usize>,
    value: ValueSource,
    notes: &mut Vec<String>,
) -> Option<usize> {
    let col = *columns.get(&Field::Currency)?;
    let ValueSource::Column(v) = value else { return None };
    if currency(&texts[v]) != Currency::Unstated && columns.get(&Field::LocalValue) != Some(&v) {
        return None;
    }
    let mut seen: Vec<String> = sample
        .iter()
        .filter_map(|r| r.cells.get(col))
        .filter_map(|c| if let super::cell::Cell::Text(t) = c { super::parse::number::currency_code(t) } else { None })
        .collect();
    seen.sort();
    seen.dedup();
    let others: Vec<&String> = seen.iter().filter(|c| *c != "USD").collect();
    let (known, unknown): (Vec<&String>, Vec<&String>) = others.iter().partition(|c| super::fx::knows(c));
    let list = |codes: &[&String]| codes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    notes.push(if others.is_empty() {
        format!("'{}' is in the currency '{}' names: US dollars", texts[v].raw, texts[col].raw)
    } else {
        let mut note = format!("'{}' is in the currency '{}' names for each row", texts[v].raw, texts[col].raw);
        if !known.is_empty() {
            note.push_str(&format!("; rows in {} are converted at the {} of their month", list(&known), super::fx::SOURCE));
        }
        if !unknown.is_empty() {
            note.push_str(&format!("; rows in {} are refused: no reference rate for it, and the file gives none", list(&unknown)));
        }
        note
    });
    Some(col)
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
    candidates: &[(i32, Field, usize)],
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
            let weighed = columns.contains_key(&Field::Weight) && columns.contains_key(&Field::Hs);
            notes.push(value_note(texts, candidates, c, weighed));
            if direct_is_zero {
                notes.push(format!("'{}' holds only zeros in the first rows", texts[c].raw));
            }
            Some(ValueSource::Column(c))
        }
        (None, Some((l, r))) => {
            notes.push(format!("no USD value column: value in USD = '{}' ÷ '{}'", texts[l].raw, texts[r].raw));
            Some(ValueSource::Derived { local: l, rate: r })
        }
        (None, None) => {
            let local = *columns.get(&Field::LocalValue)?;
            let Some(currency) = header_currency(&texts[local]).filter(|c| super::fx::knows(c)) else {
                // `TOTAL_AMOUNT_FC` beside `CURRENCY`: each row says what it is in.
                let per_row = columns.get(&Field::Currency)?;
                notes.push(format!(
                    "no USD value column: '{}' is in the currency '{}' names for each row",
                    texts[local].raw, texts[*per_row].raw
                ));
                return Some(ValueSource::Column(local));
            };
            notes.push(format!(
                "no USD value column: '{}' is in {currency}, converted to US dollars at the {} of each record's month (to {})",
                texts[local].raw,
                super::fx::SOURCE,
                super::fx::last_month()
            ));
            Some(ValueSource::Reference { local, currency })
        }
    }
}

/// The ISO code of the currency a value header names (`FOB_INR`, `VALOR (EUR)`, `金额(人民币)`).
pub fn header_currency(h: &HeaderText) -> Option<&'static str> {
    h.words.iter().find_map(|w| super::fx::iso_code(w)).or_else(|| {
        ["¥", "￥", "€", "£", "₹", "₩", "₽", "人民币"].iter().find(|sign| h.raw.contains(**sign)).and_then(|sign| super::fx::iso_code(sign))
    })
}

/// Names the value column, what it is and which other value columns it won over.
fn value_note(texts: &[HeaderText], candidates: &[(i32, Field, usize)], chosen: usize, weighed: bool) -> String {
    let h = &texts[chosen];
    let currency_said = match (currency(h), weighed) {
        (Currency::Usd, _) => "in US dollars",
        (Currency::Unstated | Currency::Local, true) => "no currency stated, taken as US dollars and checked against the weights",
        (Currency::Unstated | Currency::Local, false) => "no currency stated, taken as US dollars (no weights to check it against)",
    };
    let mut others: Vec<&str> = Vec::new();
    for (_, f, c) in candidates {
        if matches!(f, Field::Value | Field::LocalValue) && *c != chosen && !others.contains(&texts[*c].raw.as_str()) {
            others.push(&texts[*c].raw);
        }
    }
    let over = if others.is_empty() {
        String::new()
    } else {
        format!("; preferred to {}", others.iter().map(|o| format!("'{o}'")).collect::<Vec<_>>().join(", "))
    };
    format!("value in USD from '{}' ({}, {currency_said}{over})", h.raw, value_kind(h).reason())
}

/// What was found, what is missing and the one action that fixes it: naming the column in the
/// mapping (the window's mapping dialog; `--mapping FILE.json` on the command line), with the field
/// that is actually missing in the example.
fn missing_hint(texts: &[HeaderText], columns: &BTreeMap<Field, usize>, missing: &[Field]) -> String {
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
fn error_columns(texts: &[HeaderText], sample: &[Row], columns: &BTreeMap<Field, usize>, missing: &[Field]) -> Vec<String> {
    texts
        .iter()
        .enumerate()
        .filter(|(i, h)| !columns.values().any(|c| c == i) && missing.iter().any(|f| score(*f, h).is_some()))
        .filter(|(i, _)| {
            let filled: Vec<&super::cell::Cell> = sample.iter().filter_map(|r| r.cells.get(*i)).filter(|c| !c.is_blank()).collect();
            let errors = filled.iter().filter(|c| matches!(c, super::cell::Cell::Error(_))).count();
            errors > 0 && errors * 2 >= filled.len()
        })
        .map(|(_, h)| h.raw.clone())
        .collect()
}

/// Checks that date (or month), buyer, HS code and value all have a column; returns the value source.
fn check_required(
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
