//! Does the chosen value hold dollars? Its dollars per kilogram, read on the sample, against its
//! goods' HS chapter: another dollar column, a refusal with the figures, or a warning.

use super::*;

/// Dollars per kilogram, with two significant digits below ten cents (`$0.00069`, `$0.020`).
pub(super) fn per_kg(x: f64) -> String {
    if x >= 100.0 {
        format!("${x:.0}")
    } else if x >= 0.1 || x <= 0.0 {
        format!("${x:.2}")
    } else {
        let decimals = (1.0 - x.log10().floor()) as usize;
        format!("${x:.decimals$}")
    }
}

/// Reads a row's dollars through a value source (scaled), for the plausibility check; a row whose
/// currency column names a currency without a reference rate says nothing (it will be refused).
pub(super) fn row_dollars(
    texts: &[HeaderText],
    value: ValueSource,
    currency_col: Option<usize>,
    mark: &dyn Fn(usize) -> DecimalMark,
) -> impl Fn(&Row) -> Option<f64> {
    let scale = value_column(value).map_or(1.0, |c| value_scale(&texts[c]));
    move |r: &Row| {
        let num = |c: usize| r.cells.get(c).and_then(|cell| number_from_cell(cell, mark(c)).ok());
        let row_rate =
            match currency_col.and_then(|c| r.cells.get(c)).and_then(|c| crate::import::parse::number::currency_code(&c.to_text())) {
                Some(code) if code != "USD" => crate::import::fx::latest_per_usd(&code)?,
                _ => 1.0,
            };
        match value {
            ValueSource::Column(c) => num(c).map(|v| v * scale / row_rate),
            ValueSource::Derived { local, rate } => Some(num(local)? * scale / num(rate).filter(|r| *r > 0.0)?),
            ValueSource::Reference { local, currency } => Some(num(local)? * scale / crate::import::fx::latest_per_usd(currency)?),
        }
    }
}

/// The verdict on a value source's dollars per kilogram (unknown without weight and HS columns).
pub(super) fn verdict(
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
pub(super) fn check_plausible(
    texts: &[HeaderText],
    sample: &[Row],
    candidates: &[(i32, Field, usize)],
    columns: &mut BTreeMap<Field, usize>,
    value: ValueSource,
    read: (f64, &dyn Fn(usize) -> DecimalMark),
    (notes, warnings): (&mut Vec<Message>, &mut Vec<Message>),
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
                    notes.retain(|n| !n.key().starts_with("import.note.value_from"));
                    notes.push(msg!(
                        "import.note.value_from_plausible",
                        column = &texts[c].raw,
                        other = &texts[chosen].raw,
                        per_kg = per_kg(evidence.usd_per_kg),
                        chapter = evidence.chapter,
                        most = per_kg(evidence.range.1)
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
pub(super) const REFUSE_FACTOR: f64 = 10.0;

pub(super) fn too_high_note(column: &str, e: &Evidence) -> Message {
    out_of_range_note("import.warn.too_dear", column, e, e.range.1)
}

pub(super) fn too_low_note(column: &str, e: &Evidence) -> Message {
    out_of_range_note("import.warn.too_cheap", column, e, e.range.0)
}

/// "check 'COLUMN': a typical row comes to $X a kilogram … (N× more|less): the column may be …".
fn out_of_range_note(key: &'static str, column: &str, e: &Evidence, bound: f64) -> Message {
    Message::new(key)
        .with("column", column)
        .with("per_kg", per_kg(e.usd_per_kg))
        .with("chapter", u32::from(e.chapter))
        .with("bound", per_kg(bound))
        .with("factor", format!("{:.0}", e.factor))
}

/// For a value column the user or a template named: a warning when its dollars per kilogram look wrong.
pub(super) fn plausibility_note(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &BTreeMap<Field, usize>,
    value: ValueSource,
    read: (f64, &dyn Fn(usize) -> DecimalMark),
) -> Option<Message> {
    let column = &texts[value_column(value)?].raw;
    match verdict(texts, sample, columns, value, read) {
        Verdict::TooHigh(e) => Some(too_high_note(column, &e)),
        Verdict::TooLow(e) => Some(too_low_note(column, &e)),
        Verdict::Plausible | Verdict::Unknown => None,
    }
}
