//! The flow of a report down its pages: a cursor in the content column that blocks advance, with a
//! new page whenever the next block does not fit (headings keep to what follows them).

use super::wrap::{truncate, wrap, wrap_at_most};
use super::{CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W, Color, Face, MARGIN_X, Op, Style};

/// Room a heading keeps below itself on its page, so it never ends a page alone.
const KEEP_WITH_NEXT: f32 = 80.0;
/// How far a list's items stand in from their bullets' margin.
const LIST_INDENT: f32 = 16.0;
/// Inner padding of boxes.
const PAD: f32 = 7.0;
/// Space between figure boxes.
const GAP: f32 = 8.0;

/// One key figure: a label, the value, an optional note below.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it is.
    pub label: String,
    /// The figure as printed.
    pub value: String,
    /// A short comparison or explanation.
    pub note: Option<String>,
    /// The accent colour (a level's, a tier's); the headings' blue when none.
    pub color: Option<Color>,
}

/// The pages laid out so far and the cursor on the last one.
#[derive(Debug)]
pub struct Flow<'a> {
    face: &'a Face,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl<'a> Flow<'a> {
    /// An empty first page.
    pub fn new(face: &'a Face) -> Flow<'a> {
        Flow { face, pages: vec![Vec::new()], y: CONTENT_TOP }
    }

    /// The font text is measured with.
    pub fn face(&self) -> &'a Face {
        self.face
    }

    /// The cursor: where the next block starts.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Height left on the current page.
    pub fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// True when nothing is on the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= CONTENT_TOP + 0.5
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = CONTENT_TOP;
    }

    /// A new page unless `height` still fits on this one (or this one is empty: a block taller than a
    /// page has to start somewhere).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Moves the cursor down (never past the page's end: the next block breaks the page instead).
    pub fn space(&mut self, height: f32) {
        self.y = (self.y + height).min(CONTENT_BOTTOM);
    }

    /// Adds an operation to the current page.
    pub fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Every page's operations.
    pub fn finish(self) -> Vec<Vec<Op>> {
        self.pages
    }

    /// The baseline of a line of `style` whose line box starts at `top`.
    pub fn baseline(&self, top: f32, style: Style) -> f32 {
        let (ascent, descent) = self.face.extent(style.size);
        top + (style.line_height() - ascent - descent) / 2.0 + ascent
    }

    /// One line at a position, cut with `…` to `width`.
    pub fn text_line(&mut self, x: f32, top: f32, width: f32, text: &str, style: Style) {
        let text = truncate(self.face, text, style.size, width);
        if !text.is_empty() {
            let y = self.baseline(top, style);
            self.push(Op::Text { x, y, text, style });
        }
    }

    /// Lines already wrapped, from `top` down; returns their height.
    pub fn lines_at(&mut self, x: f32, top: f32, lines: &[String], style: Style) -> f32 {
        for (i, line) in lines.iter().enumerate() {
            if !line.is_empty() {
                let y = self.baseline(top + i as f32 * style.line_height(), style);
                self.push(Op::Text { x, y, text: line.clone(), style });
            }
        }
        lines.len() as f32 * style.line_height()
    }

    /// Wrapped text in the content column from `indent`, breaking pages between lines.
    pub fn paragraph_at(&mut self, indent: f32, text: &str, style: Style) {
        for line in wrap(self.face, text, style.size, CONTENT_W - indent) {
            self.ensure(style.line_height());
            let top = self.y;
            self.lines_at(MARGIN_X + indent, top, &[line], style);
            self.y += style.line_height();
        }
    }

    /// The height [`Flow::paragraph`] takes for `text`.
    pub fn paragraph_height(&self, text: &str, style: Style) -> f32 {
        wrap(self.face, text, style.size, CONTENT_W).len() as f32 * style.line_height() + style.size * 0.5
    }

    /// The height [`Flow::subheading`] takes for `text`.
    pub fn subheading_height(&self, text: &str) -> f32 {
        wrap(self.face, text, Style::H3.size, CONTENT_W).len() as f32 * Style::H3.line_height() + 5.0
    }

    /// A paragraph across the content column, and a little space after it.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        self.paragraph_at(0.0, text, style);
        self.space(style.size * 0.5);
    }

    /// A section heading with a rule below, kept with what follows.
    pub fn heading(&mut self, text: &str) {
        self.heading_kept(text, KEEP_WITH_NEXT);
    }

    /// A section heading kept with the `next` points that follow it: less than [`Flow::heading`]
    /// keeps for a short section that may end a page, more for a table's first row.
    pub fn heading_kept(&mut self, text: &str, next: f32) {
        let style = Style::H2;
        let lines = wrap(self.face, text, style.size, CONTENT_W);
        let height = lines.len() as f32 * style.line_height() + 6.0;
        self.ensure(height + next);
        if !self.at_page_top() {
            self.space(10.0);
        }
        let top = self.y;
        let h = self.lines_at(MARGIN_X, top, &lines, style);
        self.y += h + 2.0;
        self.push(Op::Line {
            points: vec![(MARGIN_X, self.y), (MARGIN_X + CONTENT_W, self.y)],
            color: Color::RULE,
            width: 0.8,
            dashed: false,
        });
        self.y += 6.0;
    }

    /// A subsection heading, kept with what follows.
    pub fn subheading(&mut self, text: &str) {
        let style = Style::H3;
        let lines = wrap(self.face, text, style.size, CONTENT_W);
        self.ensure(lines.len() as f32 * style.line_height() + KEEP_WITH_NEXT * 0.6);
        self.space(3.0);
        let top = self.y;
        self.y += self.lines_at(MARGIN_X, top, &lines, style) + 2.0;
    }

    /// The height [`Flow::list`] takes for `items`.
    pub fn list_height(&self, items: &[String], style: Style) -> f32 {
        let lines: usize = items.iter().map(|i| wrap(self.face, i, style.size, CONTENT_W - LIST_INDENT).len()).sum();
        lines as f32 * style.line_height() + items.len() as f32 * 2.0 + style.size * 0.4
    }

    /// A list: numbered (`1.`) or with square bullets; each item wraps under its own first line.
    pub fn list(&mut self, items: &[String], numbered: bool, style: Style) {
        let indent = LIST_INDENT;
        for (i, item) in items.iter().enumerate() {
            let lines = wrap(self.face, item, style.size, CONTENT_W - indent);
            for (k, line) in lines.iter().enumerate() {
                self.ensure(style.line_height());
                let top = self.y;
                if k == 0 && numbered {
                    self.lines_at(MARGIN_X + 2.0, top, &[format!("{}.", i + 1)], style.colored(Color::MUTED));
                } else if k == 0 {
                    // Drawn, not a glyph: the font's bullet is a small CJK dot.
                    let side = style.size * 0.32;
                    let mid = top + style.line_height() / 2.0 + style.size * 0.1;
                    self.push(Op::Rect {
                        x: MARGIN_X + 4.0,
                        y: mid - side / 2.0,
                        w: side,
                        h: side,
                        fill: Some(Color::ACCENT),
                        stroke: None,
                    });
                }
                self.lines_at(MARGIN_X + indent, top, std::slice::from_ref(line), style);
                self.y += style.line_height();
            }
            self.space(2.0);
        }
        self.space(style.size * 0.4);
    }

    /// Key figures in boxes, up to `per_row` side by side.
    pub fn figures(&mut self, figures: &[Figure], per_row: usize) {
        let per_row = per_row.clamp(1, 6);
        let w = (CONTENT_W - GAP * (per_row as f32 - 1.0)) / per_row as f32;
        let (label, value, note) = (Style::SMALL, Style { size: 14.0, color: Color::TEXT, bold: true, leading: 1.3 }, Style::SMALL);
        for row in figures.chunks(per_row) {
            let inner = w - 2.0 * PAD - 3.0;
            let laid: Vec<(Vec<String>, Vec<String>)> = row
                .iter()
                .map(|f| {
                    let labels = wrap_at_most(self.face, &f.label, label.size, inner, 2);
                    let notes = f.note.as_deref().map(|n| wrap_at_most(self.face, n, note.size, inner, 3)).unwrap_or_default();
                    (labels, notes)
                })
                .collect();
            let height = laid
                .iter()
                .map(|(l, n)| 2.0 * PAD + l.len() as f32 * label.line_height() + value.line_height() + n.len() as f32 * note.line_height())
                .fold(0.0, f32::max);
            self.ensure(height);
            let top = self.y;
            for (i, (f, (labels, notes))) in row.iter().zip(&laid).enumerate() {
                let x = MARGIN_X + i as f32 * (w + GAP);
                let accent = f.color.unwrap_or(Color::ACCENT);
                self.push(Op::Rect { x, y: top, w, h: height, fill: Some(Color::SHADE), stroke: None });
                self.push(Op::Rect { x, y: top, w: 3.0, h: height, fill: Some(accent), stroke: None });
                let tx = x + 3.0 + PAD;
                let mut y = top + PAD;
                y += self.lines_at(tx, y, labels, label);
                self.text_line(tx, y, inner, &f.value, value.colored(f.color.unwrap_or(Color::TEXT)));
                y += value.line_height();
                self.lines_at(tx, y, notes, note);
            }
            self.y = top + height + GAP;
        }
    }

    /// A tinted box with a coloured bar on its left: a bold title and wrapped lines of body text.
    /// Taller than a page, it is written as plain paragraphs instead.
    pub fn callout(&mut self, color: Color, title: &str, body: &[String]) {
        let inner = CONTENT_W - 2.0 * PAD - 4.0;
        let (ts, bs) = (Style::BODY.bolder(), Style::BODY);
        let title_lines = wrap(self.face, title, ts.size, inner);
        let body_lines: Vec<Vec<String>> = body.iter().map(|b| wrap(self.face, b, bs.size, inner)).collect();
        let body_h: f32 = body_lines.iter().map(|l| l.len() as f32 * bs.line_height() + 3.0).sum();
        let height = 2.0 * PAD + title_lines.len() as f32 * ts.line_height() + body_h;
        if height > CONTENT_BOTTOM - CONTENT_TOP {
            self.paragraph(title, ts);
            body.iter().for_each(|b| self.paragraph(b, bs));
            return;
        }
        self.ensure(height);
        let top = self.y;
        self.push(Op::Rect { x: MARGIN_X, y: top, w: CONTENT_W, h: height, fill: Some(color.tint(0.88)), stroke: None });
        self.push(Op::Rect { x: MARGIN_X, y: top, w: 4.0, h: height, fill: Some(color), stroke: None });
        let x = MARGIN_X + 4.0 + PAD;
        let mut y = top + PAD;
        y += self.lines_at(x, y, &title_lines, ts);
        for lines in &body_lines {
            y += self.lines_at(x, y, lines, bs) + 3.0;
        }
        self.y = top + height + GAP;
    }

    /// Reserves a block of `height` across the content column and lets `draw` fill it (charts).
    pub fn block(&mut self, height: f32, draw: impl FnOnce(&Face, (f32, f32, f32, f32)) -> Vec<Op>) {
        self.ensure(height);
        let area = (MARGIN_X, self.y, CONTENT_W, height.min(CONTENT_BOTTOM - CONTENT_TOP));
        for op in draw(self.face, area) {
            self.push(op);
        }
        self.y += area.3 + GAP;
    }
}
