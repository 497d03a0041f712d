//! Finding the header row: below title banners and blank rows, the row whose cells name the most
//! distinct fields.

use super::cell::Cell;
use super::field::{Field, HeaderText};
use super::header_match::score;
use super::source::Row;
use std::collections::BTreeSet;
use xxhash_rust::xxh3::xxh3_64;

/// How far down a sheet a header is looked for.
pub const HEADER_SEARCH_ROWS: usize = 40;

/// A header needs at least this many distinct recognised fields, so a title or a data row never
/// passes for one.
const MIN_FIELDS: usize = 3;

/// The header cells of a row, as matching text.
pub fn header_texts(row: &Row) -> Vec<HeaderText> {
    row.cells.iter().map(|c| HeaderText::new(&c.to_text())).collect()
}

/// The fields a header row's cells could stand for (each cell's best guess).
pub fn recognised_fields(headers: &[HeaderText]) -> BTreeSet<Field> {
    headers
        .iter()
        .filter_map(|h| Field::ALL.into_iter().filter_map(|f| score(f, h).map(|s| (s, f))).max_by_key(|(s, _)| *s))
        .map(|(_, f)| f)
        .collect()
}

/// A stable signature of a header row, the key of mapping templates.
pub fn signature(headers: &[HeaderText]) -> String {
    let mut joined = String::new();
    let last = headers.iter().rposition(|h| !h.compact.is_empty()).map_or(0, |i| i + 1);
    for h in &headers[..last] {
        joined.push_str(&h.compact);
        joined.push('\u{1f}');
    }
    format!("{:016x}", xxh3_64(joined.as_bytes()))
}

/// Index (into `rows`) of the header row, if any.
///
/// A row whose signature has a saved template wins outright; otherwise the row naming the most
/// distinct fields, the earliest on a tie.
pub fn find_header(rows: &[Row], has_template: &dyn Fn(&str) -> bool) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| !r.is_blank()).take(HEADER_SEARCH_ROWS) {
        let texts = row.cells.iter().filter(|c| matches!(c, Cell::Text(_))).count();
        let filled = row.cells.iter().filter(|c| !c.is_blank()).count();
        if texts * 2 < filled {
            continue;
        }
        let headers = header_texts(row);
        if has_template(&signature(&headers)) {
            return Some(i);
        }
        let n = recognised_fields(&headers).len();
        if n >= MIN_FIELDS && best.is_none_or(|(_, b)| n > b) {
            best = Some((i, n));
        }
    }
    best.map(|(i, _)| i).or_else(|| plain_header(rows))
}

/// A first row of three or more distinct labels, one of them a field we know, is the header even
/// when too few of its columns are ours to map: the mapping then says which fields are missing,
/// rather than "no header".
fn plain_header(rows: &[Row]) -> Option<usize> {
    let (i, row) = rows.iter().enumerate().find(|(_, r)| !r.is_blank())?;
    let labels: Vec<String> = row.cells.iter().filter(|c| !c.is_blank()).map(|c| c.to_text().trim().to_lowercase()).collect();
    let all_text = row
        .cells
        .iter()
        .filter(|c| !c.is_blank())
        .all(|c| matches!(c, Cell::Text(t) if !t.trim().chars().all(|ch| ch.is_ascii_digit() || ".,-/ ".contains(ch))));
    let distinct: BTreeSet<&String> = labels.iter().collect();
    (labels.len() >= 3 && distinct.len() == labels.len() && all_text && !recognised_fields(&header_texts(row)).is_empty()).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, cells: &[&str]) -> Row {
        Row { number, cells: cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c.to_string()) }).collect() }
    }

    #[test]
    fn finds_the_header_below_a_banner() {
        let rows = vec![
            row(1, &["", "", "", "", "DATA"]),
            row(5, &["RECORDS TAG", "BUYER NAME", "EXPORTER NAME", "ASSESSMENT DATE", "HS CODE", "TOTAL VALUE"]),
            row(6, &["x", "ISOLA G LLC", "IMEX GROUP LLC", "2025-03-18", "69072190090", "0"]),
        ];
        assert_eq!(find_header(&rows, &|_| false), Some(1));
    }

    #[test]
    fn a_title_alone_is_no_header() {
        let rows = vec![row(1, &["海关数据 2023"]), row(2, &["hello", "world"])];
        assert_eq!(find_header(&rows, &|_| false), None);
    }

    #[test]
    fn a_plain_first_row_with_few_known_fields_is_still_the_header() {
        let rows = vec![row(1, &["Shipment Ref", "Consignee", "Goods", "Packages"]), row(2, &["A-1", "ANDES SPA", "bolts", "12"])];
        assert_eq!(find_header(&rows, &|_| false), Some(0));
        let unknown = vec![row(1, &["alpha", "beta", "gamma"]), row(2, &["1", "2", "3"])];
        assert_eq!(find_header(&unknown, &|_| false), None, "no known field: not a header");
    }

    #[test]
    fn signatures_ignore_case_and_spacing() {
        let a = header_texts(&row(1, &["Importer Name", "HS Code", ""]));
        let b = header_texts(&row(1, &["IMPORTER_NAME", "hs code"]));
        assert_eq!(signature(&a), signature(&b));
        let c = header_texts(&row(1, &["HS Code", "Importer Name"]));
        assert_ne!(signature(&a), signature(&c));
    }
}
