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
use crate::msg;
use crate::text::{Arg, Message};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod error;
mod plausible;
mod required;
mod value;

pub use error::MappingError;

use plausible::{check_plausible, plausibility_note};
use required::check_required;
pub use value::header_currency;
use value::{choose_value, decimal_marks, row_currency, scale_word, value_column};

/// The note of a sheet whose dates read month first.
pub fn month_first_note() -> Message {
    msg!("import.note.month_first")
}

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
    pub notes: Vec<Message>,
    /// Numbers that look wrong (a value far too cheap or dear for its goods): imported, but a user
    /// must see them before trusting the figures.
    pub warnings: Vec<Message>,
    /// Required fields whose column is a weak match: a user should confirm them.
    pub unsure: Vec<Field>,
}

impl Mapping {
    /// The header text of the column holding `field`.
    pub fn header_of(&self, field: Field) -> Option<&str> {
        self.columns.get(&field).and_then(|i| self.headers.get(*i)).map(String::as_str)
    }

    /// True when `text` is one of the sheet's column names (a name cell reading `Date` is damage).
    pub fn is_header_name(&self, text: &str) -> bool {
        // Called for every row's names: compare without allocating (lengths first).
        let t = text.trim();
        t.len() <= 80 && self.header_names.iter().any(|h| h.len() == t.len() && (h == t || h.eq_ignore_ascii_case(t)))
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
        notes.push(month_first_note());
    }
    let scale = columns.get(&Field::Weight).map_or(1.0, |c| weight_scale(&texts[*c]));
    if scale != 1.0 {
        notes.push(msg!("import.note.tonnes", column = &raw[columns[&Field::Weight]]));
    }
    let numeric: Vec<(Field, usize)> = [Field::Value, Field::LocalValue, Field::ExchangeRate, Field::Quantity, Field::Weight]
        .iter()
        .filter_map(|f| columns.get(f).map(|c| (*f, *c)))
        .collect();
    let (decimal_mark, column_marks) = decimal_marks(sample, &numeric, &candidates);
    if decimal_mark == DecimalMark::Comma {
        notes.push(msg!("import.note.decimal_comma"));
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
        notes.push(msg!(
            "import.note.value_scale",
            column = &texts[value_column(value).unwrap_or(0)].raw,
            scale = Arg::Term(scale_word(value_scale).into()),
            factor = format!("{value_scale:.0}")
        ));
    }
    let row_currency = row_currency(&texts, sample, &columns, value, &mut notes);
    let currency_required = row_currency.is_some() && value_column(value).is_some_and(|v| columns.get(&Field::LocalValue) == Some(&v));
    for (_, col) in numeric.iter().filter(|(f, _)| matches!(f, Field::Value | Field::LocalValue)) {
        if column_marks.get(col).is_some_and(|m| *m != decimal_mark && decimal_mark != DecimalMark::Unknown) {
            notes.push(msg!("import.note.column_groups_thousands", column = &raw[*col]));
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

/// `EXPORTER NAME EN` beside `EXPORTER NAME`: the English one is the name, the other an alias.
fn pair_local_names(texts: &[HeaderText], columns: &mut BTreeMap<Field, usize>, notes: &mut Vec<Message>) {
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
            notes.push(msg!("import.note.local_name", chosen = &chosen.raw, field = main, other = &h.raw));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn mapping_errors_speak_chinese_with_their_fields() {
        let headers = vec!["Date".to_string(), "Importer".to_string(), "Amount".to_string()];
        let missing =
            MappingError::Missing { missing: vec![Field::Hs, Field::Value], headers: headers.clone(), hint: None, found: BTreeMap::new() };
        let zh = missing.message().render(Lang::Zh);
        assert!(chinese(&zh) && zh.contains("HS编码、金额（美元）") && zh.contains("Date | Importer | Amount"), "{zh}");
        assert!(missing.message().render(Lang::En).contains("HS code, Value in USD"));
        let unknown = MappingError::UnknownColumn { field: Field::Buyer, header: "Consignee".into(), headers: headers.clone() };
        let (en, zh) = (unknown.message().render(Lang::En), unknown.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("Consignee") && zh.contains("进口商（买家）"), "{zh}");
        assert_ne!(en, zh);
        let implausible = MappingError::Implausible {
            column: "Amount".into(),
            evidence: Evidence { factor: 120.0, usd_per_kg: 1800.0, chapter: 69, range: (0.2, 15.0) },
            headers,
            found: BTreeMap::new(),
        };
        let (en, zh) = (implausible.message().render(Lang::En), implausible.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("$1800") && zh.contains("第 69 章") && zh.contains("{\"value\": \"Amount\"}"), "{zh}");
        assert!(en.contains("$15.00") && en.contains("120 times"), "{en}");
        assert_ne!(en, zh);
    }
}
