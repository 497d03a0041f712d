//! CSV, TSV and other delimited text through the csv crate, after decoding and delimiter detection.

use super::encoding::decode;
use super::{BATCH_ROWS, ReadError, Row, SourceEvent};
use crate::import::cell::Cell;
use std::path::Path;

/// Reads a delimited text file as one sheet named after the file; with `head`, only lines up to that
/// line number.
pub fn read_delimited(path: &Path, head: Option<u32>, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Open { path: path.to_path_buf(), source })?;
    read_bytes(path, &bytes, head, emit)
}

/// Reads delimited bytes as one sheet; `head` as for [`read_delimited`].
pub fn read_bytes(path: &Path, bytes: &[u8], head: Option<u32>, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    let (text, _encoding) = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data").to_string();
    let lines = text.bytes().filter(|b| *b == b'\n').count() as u64 + 1;
    if !emit(SourceEvent::SheetStart { name, total_rows: Some(lines), hidden: false }) {
        return Ok(());
    }
    let open = |from: usize| {
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(&text.as_bytes()[from..])
    };
    // `base`: where the current reader started in `text` (it restarts after a broken quote).
    let mut base = 0usize;
    let mut reader = open(base);
    let mut batch = Vec::with_capacity(BATCH_ROWS);
    let mut record = csv::StringRecord::new();
    // Row numbers as a spreadsheet shows the file: one per record, blank lines included, line breaks
    // inside quoted cells not (the csv crate's own line count counts those and skips blank lines).
    let (mut counted_to, mut line, mut inside_previous) = (0usize, 1u32, 0u32);
    let mut width: Option<usize> = None;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(ReadError::Delimited { path: path.to_path_buf(), line, detail: e.to_string() });
            }
        }
        // The line where the record starts: what a text editor or Excel shows for it.
        let mut start = record.position().map_or(counted_to, |p| base + p.byte() as usize);
        // The reported start can sit on blank lines before the record.
        while matches!(text.as_bytes().get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        line += line_breaks(&text.as_bytes()[counted_to..start]).saturating_sub(inside_previous);
        counted_to = start;
        let number = line;
        if head.is_some_and(|h| number > h) {
            break;
        }
        let expected = *width.get_or_insert(record.len());
        if swallowed_rows(&record, delimiter, expected) {
            // A quote that never closes swallowed the lines after it into one cell: its own line is
            // kept as written (the stray quote makes the row a rejection), and reading starts
            // again on the next line, so the rows after it are not lost.
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let cells = text[start..line_end].trim_end_matches('\r').split(delimiter as char).map(text_cell).collect();
            batch.push(Row { number, cells });
            base = (line_end + 1).min(text.len());
            counted_to = base;
            line += 1;
            inside_previous = 0;
            reader = open(base);
            continue;
        }
        inside_previous = record.iter().map(|f| line_breaks(f.as_bytes())).sum();
        let cells = record.iter().map(text_cell).collect();
        batch.push(Row { number, cells });
        if batch.len() >= BATCH_ROWS && !emit(SourceEvent::Rows(std::mem::replace(&mut batch, Vec::with_capacity(BATCH_ROWS)))) {
            return Ok(());
        }
    }
    if batch.is_empty() || emit(SourceEvent::Rows(batch)) {
        emit(SourceEvent::SheetEnd);
    }
    Ok(())
}

fn text_cell(f: &str) -> Cell {
    if f.trim().is_empty() { Cell::Empty } else { Cell::Text(f.to_string()) }
}

/// True when a cell of the record holds whole lines that look like rows of the file (as many
/// separators as a row has, give or take one): a quote opened and never closed.
fn swallowed_rows(record: &csv::StringRecord, delimiter: u8, width: usize) -> bool {
    width >= 3
        && record.iter().any(|field| {
            field.contains('\n') && field.lines().skip(1).filter(|l| l.matches(delimiter as char).count() + 2 >= width).count() >= 2
        })
}

/// Line breaks in a span: `\n`, `\r\n` or a lone `\r` (old Mac "CSV (Macintosh)" files).
fn line_breaks(bytes: &[u8]) -> u32 {
    let lone_cr = bytes.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count() + usize::from(bytes.last() == Some(&b'\r'));
    (bytes.iter().filter(|b| **b == b'\n').count() + lone_cr) as u32
}

/// Picks the delimiter that splits the first lines into the most fields, most consistently.
///
/// Each candidate parses the sample with the csv crate (so quoted commas do not count); the score
/// is the typical field count, kept only when most lines agree on it.
pub fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    let mut best = (b',', 0usize);
    for delimiter in [b',', b';', b'\t', b'|'] {
        let mut counts: Vec<usize> = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample.as_bytes())
            .records()
            .filter_map(Result::ok)
            .map(|r| r.len())
            .filter(|n| *n > 1)
            .collect();
        if counts.is_empty() {
            continue;
        }
        counts.sort_unstable();
        let typical = counts[counts.len() / 2];
        let agreeing = counts.iter().filter(|n| **n == typical).count();
        // A banner line or two may differ; most lines must agree.
        if agreeing * 2 >= counts.len() && typical > best.1 {
            best = (delimiter, typical);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_delimiter() {
        assert_eq!(sniff_delimiter("a;b;c\n1;2,5;3\n4;5;6\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter("a,b,c\n\"1;2\",2,3\n4,5,6\n"), b',');
        assert_eq!(sniff_delimiter("title line\na|b|c\n1|2|3\n4|5|6\n"), b'|');
    }

    #[test]
    fn reads_rows_with_their_line_numbers() {
        let mut rows = Vec::new();
        read_bytes(Path::new("x.csv"), b"h1;h2\n\n1;\"a;b\"\n", None, &mut |e| {
            if let SourceEvent::Rows(r) = e {
                rows.extend(r);
            }
            true
        })
        .expect("read");
        assert_eq!(rows.len(), 2, "blank lines are skipped by the csv crate");
        assert_eq!(rows[1].number, 3, "but row numbers stay the file's line numbers");
        assert_eq!(rows[1].cells, vec![Cell::Text("1".into()), Cell::Text("a;b".into())]);
    }

    #[test]
    fn a_quote_that_never_closes_does_not_swallow_the_rows_after_it() {
        let mut text = String::from("Date,Importer,Exporter,HS,Value\n2024-01-01,A CO,X,731815,10\n2024-01-02,\"B CO,X,731815,20\n");
        for i in 3..10 {
            text.push_str(&format!("2024-01-0{i},C{i} CO,X,731815,{i}0\n"));
        }
        let mut rows = Vec::new();
        read_bytes(Path::new("x.csv"), text.as_bytes(), None, &mut |e| {
            if let SourceEvent::Rows(r) = e {
                rows.extend(r);
            }
            true
        })
        .expect("read");
        let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, (1..=10).collect::<Vec<u32>>(), "every line is a row of its own");
        assert_eq!(rows[2].cells[1], Cell::Text("\"B CO".into()), "the broken line keeps its stray quote");
        assert_eq!(rows[3].cells[1], Cell::Text("C3 CO".into()));
    }

    #[test]
    fn line_breaks_inside_quoted_cells_do_not_shift_row_numbers() {
        let mut rows = Vec::new();
        read_bytes(Path::new("x.csv"), b"h1,h2\n1,\"two\nlines\"\n2,\"three\r\nmore\nlines\"\n\n3,x\n", None, &mut |e| {
            if let SourceEvent::Rows(r) = e {
                rows.extend(r);
            }
            true
        })
        .expect("read");
        let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 3, 5], "a row per record as Excel shows it; the blank line is row 4");
    }
}
