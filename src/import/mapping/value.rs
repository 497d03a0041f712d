//! The value column: chosen by meaning and explained, its scale, its currency (per row or by its
//! header, converted at the reference rate), and each numeric column's decimal mark.

use super::*;

/// The column a value source reads dollars (or local amounts) from.
pub(super) fn value_column(value: ValueSource) -> Option<usize> {
    match value {
        ValueSource::Column(c) => Some(c),
        ValueSource::Derived { local, .. } | ValueSource::Reference { local, .. } => Some(local),
    }
}

pub(super) fn scale_word(scale: f64) -> &'static str {
    if scale >= 1_000_000.0 {
        "import.term.millions"
    } else if scale >= 10_000.0 {
        "import.term.ten_thousands"
    } else {
        "import.term.thousands"
    }
}

/// A per-row currency column applies to a value column whose header names no currency: rows in
/// another currency are converted at the reference rate of their month, or refused one by one where
/// there is none; never read as dollars.
pub(super) fn row_currency(
    texts: &[HeaderText],
    sample: &[Row],
    columns: &BTreeMap<Field, usize>,
    value: ValueSource,
    notes: &mut Vec<Message>,
) -> Option<usize> {
    let col = *columns.get(&Field::Currency)?;
    let ValueSource::Column(v) = value else { return None };
    if currency(&texts[v]) != Currency::Unstated && columns.get(&Field::LocalValue) != Some(&v) {
        return None;
    }
    let mut seen: Vec<String> = sample
        .iter()
        .filter_map(|r| r.cells.get(col))
        .filter_map(|c| if let crate::import::cell::Cell::Text(t) = c { crate::import::parse::number::currency_code(t) } else { None })
        .collect();
    seen.sort();
    seen.dedup();
    let others: Vec<&String> = seen.iter().filter(|c| *c != "USD").collect();
    let (known, unknown): (Vec<&String>, Vec<&String>) = others.iter().partition(|c| crate::import::fx::knows(c));
    let list = |codes: &[&String]| codes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    let (value, currency) = (&texts[v].raw, &texts[col].raw);
    notes.push(if others.is_empty() {
        msg!("import.note.currency_column_usd", column = value, currency = currency)
    } else {
        msg!("import.note.currency_column", column = value, currency = currency)
    });
    if !known.is_empty() {
        notes.push(msg!("import.note.currency_converted", codes = list(&known), source = Arg::Term(crate::import::fx::SOURCE.into())));
    }
    if !unknown.is_empty() {
        notes.push(msg!("import.note.currency_refused", codes = list(&unknown)));
    }
    Some(col)
}

/// Picks the dollar value, or derives it from a local value and an exchange rate.
pub(super) fn choose_value(
    texts: &[HeaderText],
    sample: &[Row],
    candidates: &[(i32, Field, usize)],
    columns: &mut BTreeMap<Field, usize>,
    notes: &mut Vec<Message>,
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
            notes.push(msg!("import.note.derived_zero_dollars", local = &texts[l].raw, rate = &texts[r].raw));
            Some(ValueSource::Derived { local: l, rate: r })
        }
        (Some(c), _) => {
            let weighed = columns.contains_key(&Field::Weight) && columns.contains_key(&Field::Hs);
            notes.push(value_note(texts, candidates, c, weighed));
            if direct_is_zero {
                notes.push(msg!("import.note.only_zeros", column = &texts[c].raw));
            }
            Some(ValueSource::Column(c))
        }
        (None, Some((l, r))) => {
            notes.push(msg!("import.note.derived", local = &texts[l].raw, rate = &texts[r].raw));
            Some(ValueSource::Derived { local: l, rate: r })
        }
        (None, None) => {
            let local = *columns.get(&Field::LocalValue)?;
            let Some(currency) = header_currency(&texts[local]).filter(|c| crate::import::fx::knows(c)) else {
                // `TOTAL_AMOUNT_FC` beside `CURRENCY`: each row says what it is in.
                let per_row = columns.get(&Field::Currency)?;
                notes.push(msg!("import.note.local_per_row", column = &texts[local].raw, currency = &texts[*per_row].raw));
                return Some(ValueSource::Column(local));
            };
            notes.push(msg!(
                "import.note.local_reference",
                column = &texts[local].raw,
                currency = currency,
                source = Arg::Term(crate::import::fx::SOURCE.into()),
                last = crate::import::fx::last_month().to_string()
            ));
            Some(ValueSource::Reference { local, currency })
        }
    }
}

/// The ISO code of the currency a value header names (`FOB_INR`, `VALOR (EUR)`, `金额(人民币)`).
pub fn header_currency(h: &HeaderText) -> Option<&'static str> {
    h.words.iter().find_map(|w| crate::import::fx::iso_code(w)).or_else(|| {
        ["¥", "￥", "€", "£", "₹", "₩", "₽", "人民币"]
            .iter()
            .find(|sign| h.raw.contains(**sign))
            .and_then(|sign| crate::import::fx::iso_code(sign))
    })
}

/// Names the value column, what it is and which other value columns it won over.
pub(super) fn value_note(texts: &[HeaderText], candidates: &[(i32, Field, usize)], chosen: usize, weighed: bool) -> Message {
    let h = &texts[chosen];
    let currency_said = match (currency(h), weighed) {
        (Currency::Usd, _) => "import.term.in_usd",
        (Currency::Unstated | Currency::Local, true) => "import.term.usd_checked",
        (Currency::Unstated | Currency::Local, false) => "import.term.usd_unchecked",
    };
    let mut others: Vec<&str> = Vec::new();
    for (_, f, c) in candidates {
        if matches!(f, Field::Value | Field::LocalValue) && *c != chosen && !others.contains(&texts[*c].raw.as_str()) {
            others.push(&texts[*c].raw);
        }
    }
    let (kind, said) = (Arg::Term(value_kind(h).reason().into()), Arg::Term(currency_said.into()));
    if others.is_empty() {
        msg!("import.note.value_from", column = &h.raw, kind = kind, currency = said)
    } else {
        let others = others.iter().map(|o| format!("'{o}'")).collect::<Vec<_>>().join(", ");
        msg!("import.note.value_from_over", column = &h.raw, kind = kind, currency = said, others = others)
    }
}

/// The sheet's decimal mark, and each numeric column's own where its values decide it. A value
/// column whose dotted numbers all have three digits after one separator (`33.601`, `2.500`) groups
/// thousands, whatever the sheet's other columns do: money is not written to a tenth of a cent.
pub(super) fn decimal_marks(
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
pub(super) fn grouped_thousands(sample: &[Row], col: usize) -> Option<DecimalMark> {
    sample.iter().filter_map(|r| r.cells.get(col)).find_map(|c| match c {
        crate::import::cell::Cell::Text(t) => {
            let t = t.trim();
            let seps = t.matches(['.', ',']).count();
            let at = t.rfind(['.', ','])?;
            let grouped = seps == 1 && t.len() - at - 1 == 3 && t.chars().filter(char::is_ascii_digit).count() >= 4;
            grouped.then(|| if t[at..].starts_with('.') { DecimalMark::Comma } else { DecimalMark::Point })
        }
        _ => None,
    })
}
