//! Painting laid-out pages with krilla: every page gets the running header (the firm's name, the
//! report's title) and footer (the date generated, "page N / M"), known only once all pages are laid
//! out; text is drawn glyph by glyph in the embedded font, which krilla subsets.

use super::wrap::truncate;
use super::{CONTENT_W, Color, Face, MARGIN_X, Op, PAGE_H, PAGE_W, Style};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;

/// What every page repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Our firm's name (header, left).
    pub firm: String,
    /// The report's title (header, right; also the document's title).
    pub title: String,
    /// Footer, left: the date generated.
    pub footer: String,
    /// The page number, `{n}` and `{m}` replaced by the page and the page count.
    pub page_label: String,
    /// The document's language tag (`en`, `zh-CN`).
    pub language: String,
}

/// Baseline of the header line.
const HEADER_BASELINE: f32 = 36.0;
/// Baseline of the footer line.
const FOOTER_BASELINE: f32 = PAGE_H - 30.0;

/// The header and footer of page `n` of `m` (1-based).
pub fn chrome(face: &Face, frame: &Frame, n: usize, m: usize) -> Vec<Op> {
    let style = Style { size: 8.0, color: Color::MUTED, bold: false, leading: 1.3 };
    let half = CONTENT_W / 2.0 - 10.0;
    let firm = truncate(face, &frame.firm, style.size, half);
    let title = truncate(face, &frame.title, style.size, half);
    let page = frame.page_label.replace("{n}", &n.to_string()).replace("{m}", &m.to_string());
    let footer = truncate(face, &frame.footer, style.size, CONTENT_W - face.width(&page, style.size) - 20.0);
    let right = |text: &str| MARGIN_X + CONTENT_W - face.width(text, style.size);
    vec![
        Op::Text { x: MARGIN_X, y: HEADER_BASELINE, text: firm, style: style.colored(Color::ACCENT).bolder() },
        Op::Text { x: right(&title), y: HEADER_BASELINE, text: title, style },
        Op::Line {
            points: vec![(MARGIN_X, HEADER_BASELINE + 7.0), (MARGIN_X + CONTENT_W, HEADER_BASELINE + 7.0)],
            color: Color::RULE,
            width: 0.6,
            dashed: false,
        },
        Op::Line {
            points: vec![(MARGIN_X, FOOTER_BASELINE - 12.0), (MARGIN_X + CONTENT_W, FOOTER_BASELINE - 12.0)],
            color: Color::RULE,
            width: 0.6,
            dashed: false,
        },
        Op::Text { x: MARGIN_X, y: FOOTER_BASELINE, text: footer, style },
        Op::Text { x: right(&page), y: FOOTER_BASELINE, text: page, style },
    ]
}

fn paint(c: Color) -> Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Color) -> Fill {
    Fill { paint: paint(c), ..Fill::default() }
}

fn stroke(c: Color, width: f32, dashed: bool) -> Stroke {
    let dash = dashed.then(|| StrokeDash { array: vec![3.0, 2.0], offset: 0.0 });
    Stroke { paint: paint(c), width, dash, ..Stroke::default() }
}

/// A path through the points, closed for areas.
fn path(points: &[(f32, f32)], close: bool) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    pb.move_to(first.0, first.1);
    for p in rest {
        pb.line_to(p.0, p.1);
    }
    if close {
        pb.close();
    }
    pb.finish()
}

fn draw(surface: &mut Surface, face: &Face, op: &Op) {
    match op {
        Op::Text { x, y, text, style } => {
            surface.set_fill(Some(fill(style.color)));
            // The one embedded weight, outlined as well as filled, reads as bold.
            surface.set_stroke(style.bold.then(|| stroke(style.color, style.size * 0.035, false)));
            let glyphs = face.glyphs(text);
            surface.draw_glyphs(Point::from_xy(*x, *y), &glyphs, face.font(), text, style.size, false);
        }
        Op::Rect { x, y, w, h, fill: f, stroke: s } => {
            let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else { return };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            let Some(p) = pb.finish() else { return };
            surface.set_fill(f.map(fill));
            surface.set_stroke(s.map(|(c, w)| stroke(c, w, false)));
            surface.draw_path(&p);
        }
        Op::Line { points, color, width, dashed } => {
            let Some(p) = path(points, false) else { return };
            surface.set_fill(None);
            surface.set_stroke(Some(stroke(*color, *width, *dashed)));
            surface.draw_path(&p);
        }
        Op::Area { points, color } => {
            let Some(p) = path(points, true) else { return };
            surface.set_fill(Some(fill(*color)));
            surface.set_stroke(None);
            surface.draw_path(&p);
        }
    }
}

/// The PDF of the laid-out pages, each with the header and footer.
pub fn render(face: &Face, frame: &Frame, pages: &[Vec<Op>]) -> Result<Vec<u8>, String> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(frame.title.clone())
            .language(frame.language.clone())
            .creator("Customs Radar".to_string())
            .authors(vec![frame.firm.clone()]),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("the A4 page size was refused")?;
    let m = pages.len();
    for (i, ops) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops.iter().chain(&chrome(face, frame, i + 1, m)) {
            draw(&mut surface, face, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| e.to_string())
}
