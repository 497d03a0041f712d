//! One sheet from first row to last: find the header, map the columns on a sample, then read every
//! row into a record or a rejection.

use super::cell::Cell;
use super::content_check::day_order;
use super::field::{Field, HeaderText};
use super::header::{HEADER_SEARCH_ROWS, find_header, header_texts, signature};
use super::mapping::{FieldMap, Mapping, MappingError, MappingSource, map_columns, month_first_note};
use super::parse::date::{DayOrder, DayOrderEvidence};
use super::record::{ParsedRecord, Rejection, parse_row};
use super::source::Row;
use crate::msg;
use crate::text::Message;

/// Rows below the header used to check the mapping and to decide the day order.
pub const SAMPLE_ROWS: usize = 2000;

/// What reading a sheet produces, in order: the mapping once, then a record or rejection per row.
#[derive(Debug)]
pub enum SheetOutput<'a> {
    /// The columns are mapped; `header_row` is the header's row number.
    Mapped {
        /// The mapping.
        mapping: &'a Mapping,
        /// The header's row number.
        header_row: u32,
        /// The header's signature (the template key).
        signature: &'a str,
    },
    /// A row read into a record.
    Record(Box<ParsedRecord>),
    /// A row that could not be read.
    Rejected(Rejection),
}

/// How a sheet ended.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetStatus {
    /// Rows were read with this mapping.
    Imported(Box<Mapping>),
    /// The sheet was not imported, for this reason.
    Skipped(Message),
}

/// The account of one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetSummary {
    /// Sheet name.
    pub name: String,
    /// Imported or skipped.
    pub status: SheetStatus,
    /// The header's row number.
    pub header_row: Option<u32>,
    /// Data rows below the header (blank rows and repeated headers not counted).
    pub rows_read: u64,
    /// Rows that became records.
    pub parsed: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// Non-blank rows of a skipped sheet.
    pub rows_skipped: u64,
    /// Copies of the header row met among the data (files pasted together), skipped.
    pub repeated_headers: u64,
    /// Rows whose HS cell listed several codes (the first kept).
    pub listed_codes: u64,
    /// Rows without a value (kept at zero).
    pub unknown_values: u64,
}

/// Where the mapping for a sheet may come from besides recognition.
pub struct MappingSources<'a> {
    /// The user's mapping for this import (`--mapping`).
    pub user: Option<&'a FieldMap>,
    /// Saved templates by header signature.
    pub template: &'a dyn Fn(&str) -> Option<FieldMap>,
}

/// Reads one sheet incrementally.
pub struct SheetReader<'a> {
    name: String,
    sources: MappingSources<'a>,
    buffer: Vec<Row>,
    state: State,
    summary: SheetSummary,
}

enum State {
    /// Collecting the first rows to find the header and map the columns.
    Buffering,
    /// Mapped, but every date so far reads both ways (`05/01/2023`): rows wait until one decides.
    Settling {
        plan: Box<Plan>,
        held: Vec<Row>,
    },
    Reading {
        mapping: Box<Mapping>,
        header: Vec<String>,
        first: Option<String>,
    },
    Skipping(Message),
}

/// A mapped sheet about to be read.
struct Plan {
    mapping: Mapping,
    texts: Vec<HeaderText>,
    signature: String,
    header_row: u32,
}

/// Rows held back at most while waiting for a date that decides the day order.
const SETTLE_ROWS: usize = 200_000;

impl<'a> SheetReader<'a> {
    /// Starts reading a sheet.
    pub fn new(name: &str, sources: MappingSources<'a>) -> SheetReader<'a> {
        let summary = SheetSummary {
            name: name.to_string(),
            status: SheetStatus::Skipped(msg!("import.skip.empty")),
            header_row: None,
            rows_read: 0,
            parsed: 0,
            rejected: 0,
            rows_skipped: 0,
            repeated_headers: 0,
            listed_codes: 0,
            unknown_values: 0,
        };
        SheetReader { name: name.to_string(), sources, buffer: Vec::new(), state: State::Buffering, summary }
    }

    /// The sheet's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Feeds rows; outputs flow to `out` as soon as the mapping is known.
    pub fn push(&mut self, rows: Vec<Row>, out: &mut dyn FnMut(SheetOutput<'_>)) {
        match &mut self.state {
            State::Buffering => {
                self.buffer.extend(rows);
                if self.buffer.len() >= HEADER_SEARCH_ROWS + SAMPLE_ROWS {
                    self.decide(out);
                }
            }
            State::Settling { plan, held } => {
                let decided = plan.mapping.columns.get(&Field::Date).and_then(|c| match day_order(&rows, *c) {
                    DayOrderEvidence::Decided(order) => Some(order),
                    _ => None,
                });
                held.extend(rows);
                if let Some(order) = decided {
                    plan.mapping.day_order = order;
                    self.settle(None, out);
                } else if held.len() >= SETTLE_ROWS {
                    self.settle(Some(msg!("import.note.day_order_undecided")), out);
                }
            }
            State::Reading { .. } => {
                for row in rows {
                    self.read_row(row, out);
                }
            }
            State::Skipping(_) => self.summary.rows_skipped += rows.iter().filter(|r| !r.is_blank()).count() as u64,
        }
    }

    /// Ends the sheet and returns its account.
    pub fn finish(mut self, out: &mut dyn FnMut(SheetOutput<'_>)) -> SheetSummary {
        if matches!(self.state, State::Buffering) {
            self.decide(out);
        }
        if matches!(self.state, State::Settling { .. }) {
            self.settle(Some(msg!("import.note.day_order_undecided")), out);
        }
        self.summary.status = match self.state {
            State::Reading { mapping, .. } => SheetStatus::Imported(mapping),
            State::Skipping(reason) => SheetStatus::Skipped(reason),
            State::Buffering | State::Settling { .. } => SheetStatus::Skipped(msg!("import.skip.empty")),
        };
        self.summary
    }

    /// Finds the header and maps the columns on the buffered rows, then reads them (or holds them
    /// until the day order is known).
    fn decide(&mut self, out: &mut dyn FnMut(SheetOutput<'_>)) {
        let rows = std::mem::take(&mut self.buffer);
        if rows.iter().all(Row::is_blank) {
            self.state = State::Skipping(msg!("import.skip.empty"));
            return;
        }
        let Some(decision) = decide_header(&rows, &self.sources) else {
            self.summary.rows_skipped = rows.iter().filter(|r| !r.is_blank()).count() as u64;
            let first = rows
                .iter()
                .find(|r| !r.is_blank())
                .map(|r| r.cells.iter().map(|c| c.to_text()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" | "))
                .map(|first| first_row_text(&first));
            self.state = State::Skipping(msg!("import.skip.no_header", rows = HEADER_SEARCH_ROWS, first = first.unwrap_or_default()));
            return;
        };
        let HeaderDecision { index: h, texts, signature: sig, user_applied, mapping } = decision;
        let header_row = rows[h].number;
        self.summary.header_row = Some(header_row);
        match mapping {
            Err(e) => {
                self.summary.rows_skipped = rows[h + 1..].iter().filter(|r| !r.is_blank()).count() as u64;
                self.state = State::Skipping(msg!("import.skip.mapping", row = header_row, reason = e.message()));
            }
            Ok(mut mapping) => {
                if self.sources.user.is_some() && !user_applied {
                    mapping.notes.push(msg!("import.note.mapping_file_unused"));
                }
                let open = mapping.day_order_open;
                let plan = Box::new(Plan { mapping, texts, signature: sig, header_row });
                let held: Vec<Row> = rows.into_iter().skip(h + 1).collect();
                self.state = State::Settling { plan, held };
                if !open {
                    self.settle(None, out);
                }
            }
        }
    }

    /// Starts reading with the plan (its day order now final), first the rows held back.
    fn settle(&mut self, note: Option<Message>, out: &mut dyn FnMut(SheetOutput<'_>)) {
        let State::Settling { plan, held } = std::mem::replace(&mut self.state, State::Buffering) else { return };
        let Plan { mut mapping, texts, signature, header_row } = *plan;
        if let Some(note) = note {
            mapping.notes.push(note);
        } else if mapping.day_order_open && mapping.day_order == DayOrder::MonthFirst {
            mapping.notes.push(month_first_note());
        }
        mapping.day_order_open = false;
        out(SheetOutput::Mapped { mapping: &mapping, header_row, signature: &signature });
        let header = texts.iter().map(|t| t.compact.clone()).collect();
        let first = texts.first().map(|t| t.raw.clone());
        self.state = State::Reading { mapping: Box::new(mapping), header, first };
        for row in held {
            self.read_row(row, out);
        }
    }

    fn read_row(&mut self, row: Row, out: &mut dyn FnMut(SheetOutput<'_>)) {
        let State::Reading { mapping, header, first } = &self.state else { return };
        if row.is_blank() {
            return;
        }
        // A copy of the header among the data (files pasted together). The cheap test on the first
        // cell spares normalising every cell of every row.
        let first_matches = matches!((row.cells.first(), first), (Some(Cell::Text(t)), Some(f)) if t.trim() == f);
        if first_matches && header_texts(&row).iter().map(|t| &t.compact).eq(header.iter()) {
            self.summary.repeated_headers += 1;
            return;
        }
        self.summary.rows_read += 1;
        match parse_row(&row, mapping) {
            Ok(record) => {
                self.summary.parsed += 1;
                self.summary.listed_codes += u64::from(record.hs_listed > 1);
                self.summary.unknown_values += u64::from(record.value_unknown);
                out(SheetOutput::Record(Box::new(record)));
            }
            Err(rejection) => {
                self.summary.rejected += 1;
                out(SheetOutput::Rejected(rejection));
            }
        }
    }
}

/// Where a sheet's header is and how its columns map, decided on the sheet's first rows.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderDecision {
    /// Index of the header row in the rows given.
    pub index: usize,
    /// The header's cells as matching text.
    pub texts: Vec<HeaderText>,
    /// The header's signature (the template key).
    pub signature: String,
    /// The user's mapping applies: every header it names is in this row.
    pub user_applied: bool,
    /// The mapping, or why the columns cannot be mapped.
    pub mapping: Result<Mapping, MappingError>,
}

/// Finds the header among a sheet's first rows (up to [`HEADER_SEARCH_ROWS`] + [`SAMPLE_ROWS`]) and
/// maps its columns on the rows below, exactly as reading the sheet does; `None` when no row looks
/// like a header. The import preview calls this too, so what it shows is what the import will do.
pub fn decide_header(rows: &[Row], sources: &MappingSources<'_>) -> Option<HeaderDecision> {
    // A user mapping applies where its headers are; other sheets are recognised as usual.
    let user_at = sources.user.and_then(|user| find_user_header(rows, user).map(|h| (h, user)));
    let h = user_at.map(|(h, _)| h).or_else(|| find_header(rows, &|sig| (sources.template)(sig).is_some()))?;
    let header = &rows[h];
    let texts = header_texts(header);
    let sig = signature(&texts);
    let (fixed, source) = match (user_at, (sources.template)(&sig)) {
        (Some((_, user)), _) => (Some(user.clone()), MappingSource::User),
        (None, Some(template)) => (Some(template), MappingSource::Template),
        (None, None) => (None, MappingSource::Auto),
    };
    let sample: Vec<Row> = rows[h + 1..].iter().filter(|r| !r.is_blank()).take(SAMPLE_ROWS).cloned().collect();
    let mapping = map_columns(header, &sample, fixed.as_ref(), source);
    Some(HeaderDecision { index: h, texts, signature: sig, user_applied: user_at.is_some(), mapping })
}

/// The first row holding every header a user mapping names.
fn find_user_header(rows: &[Row], user: &FieldMap) -> Option<usize> {
    let wanted: Vec<String> = user.values().map(|h| HeaderText::new(h).compact).collect();
    rows.iter().take(HEADER_SEARCH_ROWS).position(|r| {
        let have: Vec<String> = header_texts(r).into_iter().map(|t| t.compact).collect();
        wanted.iter().all(|w| have.contains(w))
    })
}

/// The first row as a refusal may show it: "unreadable bytes" for binary read as text, else the
/// text shortened.
fn first_row_text(first: &str) -> String {
    let odd = first.chars().filter(|c| c.is_control() || *c == '\u{fffd}').count();
    if odd * 10 > first.chars().count().max(1) {
        "unreadable bytes, not text (is it really a spreadsheet or CSV file?)".into()
    } else {
        super::parse::text::shortened(first, 200)
    }
}
