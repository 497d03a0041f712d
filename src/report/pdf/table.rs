//! Tables with fixed column widths: cells wrap (up to a few lines) or are cut with `…`, so a long
//! company name never leaves its column; a table that runs onto the next page repeats its header.

use super::flow::Flow;
use super::wrap::{truncate, wrap_at_most};
use super::{CONTENT_W, Color, MARGIN_X, Op, Style};

/// Padding inside a cell, left and right.
const CELL_PAD_X: f32 = 4.0;
/// Padding inside a cell, above and below.
const CELL_PAD_Y: f32 = 3.0;
/// Lines a wrapping cell may take before it is cut.
const MAX_LINES: usize = 4;

/// Where a cell's text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Figures.
    Right,
}

/// A column: header, relative width, alignment, and whether its cells wrap or are cut to one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header text (wraps).
    pub header: String,
    /// Relative width: the columns share the content width in these proportions.
    pub weight: f32,
    /// Alignment.
    pub align: Align,
    /// Cells wrap to up to four lines; otherwise they are cut to one.
    pub wrap: bool,
}

impl Column {
    /// A text column that wraps.
    pub fn text(header: impl Into<String>, weight: f32) -> Column {
        Column { header: header.into(), weight, align: Align::Left, wrap: true }
    }

    /// A figures column, right-aligned, one line.
    pub fn figure(header: impl Into<String>, weight: f32) -> Column {
        Column { header: header.into(), weight, align: Align::Right, wrap: false }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Its text.
    pub text: String,
    /// A colour other than the body text's.
    pub color: Option<Color>,
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Cell {
        Cell { text: text.into(), color: None }
    }
}

/// A table: columns and rows of cells (a row shorter than the columns leaves the rest blank).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// Column widths in points.
fn widths(columns: &[Column]) -> Vec<f32> {
    let total: f32 = columns.iter().map(|c| c.weight.max(0.0)).sum::<f32>().max(f32::EPSILON);
    columns.iter().map(|c| CONTENT_W * c.weight.max(0.0) / total).collect()
}

impl Flow<'_> {
    /// Lays out a table at the cursor, over as many pages as it needs.
    pub fn table(&mut self, table: &Table) {
        let (body, head) = (Style { size: 8.5, ..Style::BODY }, Style { size: 8.0, color: Color::TEXT, bold: true, leading: 1.35 });
        let widths = widths(&table.columns);
        let face = self.face();
        let fit = |text: &str, col: &Column, w: f32, style: Style, wraps: bool| -> Vec<String> {
            let inner = w - 2.0 * CELL_PAD_X;
            if wraps { wrap_at_most(face, text, style.size, inner, MAX_LINES) } else { vec![truncate(face, text, style.size, inner)] }
                .into_iter()
                .map(|line| if col.align == Align::Right { line.trim().to_string() } else { line })
                .collect()
        };
        let header: Vec<Vec<String>> = table.columns.iter().zip(&widths).map(|(c, w)| fit(&c.header, c, *w, head, true)).collect();
        let header_h = 2.0 * CELL_PAD_Y + header.iter().map(Vec::len).max().unwrap_or(1) as f32 * head.line_height();
        let blank = Cell::from("");
        let rows: Vec<Vec<(Vec<String>, Option<Color>)>> = table
            .rows
            .iter()
            .map(|row| {
                table
                    .columns
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (c, w))| {
                        let cell = row.get(i).unwrap_or(&blank);
                        (fit(&cell.text, c, *w, body, c.wrap), cell.color)
                    })
                    .collect()
            })
            .collect();
        let row_h = |row: &[(Vec<String>, Option<Color>)]| {
            2.0 * CELL_PAD_Y + row.iter().map(|c| c.0.len()).max().unwrap_or(1) as f32 * body.line_height()
        };
        // The header and the first row stay together.
        self.ensure(header_h + rows.first().map_or(0.0, |r| row_h(r)));
        self.table_header(&table.columns, &widths, &header, header_h, head);
        for (n, row) in rows.iter().enumerate() {
            let h = row_h(row);
            if h > self.room() {
                self.new_page();
                self.table_header(&table.columns, &widths, &header, header_h, head);
            }
            let top = self.y();
            if n % 2 == 1 {
                self.push(Op::Rect { x: MARGIN_X, y: top, w: CONTENT_W, h, fill: Some(Color(248, 249, 250)), stroke: None });
            }
            self.cells(&table.columns, &widths, top, row.iter().map(|(l, c)| (l, body.colored(c.unwrap_or(body.color)))));
            self.space(h);
            self.push(Op::Line {
                points: vec![(MARGIN_X, self.y()), (MARGIN_X + CONTENT_W, self.y())],
                color: Color::RULE,
                width: 0.4,
                dashed: false,
            });
        }
        self.space(8.0);
    }

    fn table_header(&mut self, columns: &[Column], widths: &[f32], header: &[Vec<String>], height: f32, style: Style) {
        let top = self.y();
        self.push(Op::Rect { x: MARGIN_X, y: top, w: CONTENT_W, h: height, fill: Some(Color::SHADE), stroke: None });
        self.cells(columns, widths, top, header.iter().map(|l| (l, style)));
        self.space(height);
        self.push(Op::Line {
            points: vec![(MARGIN_X, self.y()), (MARGIN_X + CONTENT_W, self.y())],
            color: Color::MUTED,
            width: 0.6,
            dashed: false,
        });
    }

    fn cells<'c>(&mut self, columns: &[Column], widths: &[f32], top: f32, cells: impl Iterator<Item = (&'c Vec<String>, Style)>) {
        let mut x = MARGIN_X;
        for ((col, w), (lines, style)) in columns.iter().zip(widths).zip(cells) {
            for (i, line) in lines.iter().enumerate() {
                let lx = match col.align {
                    Align::Left => x + CELL_PAD_X,
                    Align::Right => x + w - CELL_PAD_X - self.face().width(line, style.size),
                };
                self.lines_at(lx, top + CELL_PAD_Y + i as f32 * style.line_height(), std::slice::from_ref(line), style);
            }
            x += w;
        }
    }
}
