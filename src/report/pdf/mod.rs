//! The PDF engine every report is written with: A4 portrait pages laid out first as plain drawing
//! operations (so page numbers know the page count, and tests can check every box against the page),
//! then painted with krilla in the embedded font, which krilla subsets.
//!
//! A report builds a [`Flow`] (headings, paragraphs, figure boxes, tables, charts; page breaks are
//! automatic), then [`render`]s its pages with the running header and footer.

mod chart;
mod flow;
mod font;
mod render;
mod table;
mod wrap;

use crate::palette;
pub use chart::{Axis, LineChart, Mark, Scale, Series, StackedBars};
pub use flow::{Figure, Flow};
pub use font::Face;
pub use render::{Frame, chrome, render};
pub use table::{Align, Cell, Column, Table};
pub use wrap::{truncate, wrap};

/// A4 width (points).
pub const PAGE_W: f32 = 595.28;
/// A4 height (points).
pub const PAGE_H: f32 = 841.89;
/// Left and right margins: about 18 mm, wide enough for binding and for a phone's zoom to fit the text.
pub const MARGIN_X: f32 = 52.0;
/// Top of the content, below the running header.
pub const CONTENT_TOP: f32 = 68.0;
/// Bottom of the content, above the running footer.
pub const CONTENT_BOTTOM: f32 = PAGE_H - 60.0;
/// Width of the content column.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// The least line height, in em: the embedded font's ascent plus descent.
pub const MIN_LEADING: f32 = 1.45;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// Body text.
    pub const TEXT: Color = Color(33, 37, 41);
    /// Secondary text: labels, notes, axes.
    pub const MUTED: Color = Color(108, 117, 125);
    /// Rules and table borders.
    pub const RULE: Color = Color(206, 212, 218);
    /// Table header and box backgrounds.
    pub const SHADE: Color = Color(241, 243, 245);
    /// Headings: the app's blue, darker.
    pub const ACCENT: Color = Color::of(palette::ACCENT);
    /// White.
    pub const WHITE: Color = Color(255, 255, 255);
    /// Us, wherever a chart names suppliers (as in the app).
    pub const US: Color = Color::of(palette::US);
    /// A customer's category purchases from everyone (as in the app).
    pub const CATEGORY: Color = Color::of(palette::CATEGORY);
    /// Our share of each quarter (as in the app).
    pub const SHARE_Q: Color = Color::of(palette::ACCENT);
    /// The share over 12 months (as in the app).
    pub const SHARE_12M: Color = Color::of(palette::SHARE_12M);
    /// "Everything else" in stacked charts (as in the app).
    pub const REST: Color = Color::of(palette::REST);
    /// Competitors: warm colours, as in the app.
    pub const COMPETITORS: [Color; 4] = [
        Color::of(palette::COMPETITORS[0]),
        Color::of(palette::COMPETITORS[1]),
        Color::of(palette::COMPETITORS[2]),
        Color::of(palette::COMPETITORS[3]),
    ];
    /// Everyone else and product codes: calm, distinct colours, as in the app.
    pub const PALETTE: [Color; 8] = {
        let o = palette::OTHERS;
        [
            Color::of(o[0]),
            Color::of(o[1]),
            Color::of(o[2]),
            Color::of(o[3]),
            Color::of(o[4]),
            Color::of(o[5]),
            Color::of(o[6]),
            Color::of(o[7]),
        ]
    };

    /// A colour of the app's palette.
    pub const fn of(c: palette::Rgb) -> Color {
        Color(c.0, c.1, c.2)
    }

    /// The colour mixed with white: `amount` 0 is the colour, 1 is white (backgrounds of coloured boxes).
    pub fn tint(self, amount: f32) -> Color {
        let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount.clamp(0.0, 1.0)).round() as u8;
        Color(mix(self.0), mix(self.1), mix(self.2))
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Font size (points).
    pub size: f32,
    /// Colour.
    pub color: Color,
    /// Drawn heavier (the one embedded weight, filled and outlined).
    pub bold: bool,
    /// Line height as a multiple of the size.
    pub leading: f32,
}

impl Style {
    /// Body text.
    pub const BODY: Style = Style { size: 9.5, color: Color::TEXT, bold: false, leading: 1.5 };
    /// Small print: notes, captions, legends.
    pub const SMALL: Style = Style { size: 8.0, color: Color::MUTED, bold: false, leading: 1.4 };
    /// A section heading.
    pub const H2: Style = Style { size: 13.0, color: Color::ACCENT, bold: true, leading: 1.3 };
    /// A subsection heading.
    pub const H3: Style = Style { size: 10.5, color: Color::TEXT, bold: true, leading: 1.35 };
    /// The report's title.
    pub const TITLE: Style = Style { size: 20.0, color: Color::ACCENT, bold: true, leading: 1.25 };

    /// The same style in another colour.
    pub fn colored(self, color: Color) -> Style {
        Style { color, ..self }
    }

    /// The same style, heavier.
    pub fn bolder(self) -> Style {
        Style { bold: true, ..self }
    }

    /// The height of one line: never less than the font's ascent and descent (1.45 em for the
    /// embedded font), so a line's glyphs stay inside its box and never reach past the page's.
    pub fn line_height(self) -> f32 {
        self.size * self.leading.max(MIN_LEADING)
    }
}

/// One drawing operation in page coordinates (points, y grows downward as in krilla).
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// The text (already fitted to its box).
        text: String,
        /// Its look.
        style: Style,
    },
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Option<Color>,
        /// Outline colour and width.
        stroke: Option<(Color, f32)>,
    },
    /// A polyline.
    Line {
        /// Its points.
        points: Vec<(f32, f32)>,
        /// Colour.
        color: Color,
        /// Width.
        width: f32,
        /// Dashed.
        dashed: bool,
    },
    /// A filled polygon (chart areas).
    Area {
        /// Its corners.
        points: Vec<(f32, f32)>,
        /// Colour.
        color: Color,
    },
}

impl Op {
    /// The box the operation covers: left, top, right, bottom (text measured with `face`).
    pub fn bounds(&self, face: &Face) -> (f32, f32, f32, f32) {
        match self {
            Op::Text { x, y, text, style } => {
                let (ascent, descent) = face.extent(style.size);
                (*x, y - ascent, x + face.width(text, style.size), y + descent)
            }
            Op::Rect { x, y, w, h, .. } => (*x, *y, x + w, y + h),
            Op::Line { points, .. } | Op::Area { points, .. } => {
                points.iter().fold((f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY), |(l, t, r, b), (x, y)| {
                    (l.min(*x), t.min(*y), r.max(*x), b.max(*y))
                })
            }
        }
    }
}

/// The operations that reach outside `area` (left, top, right, bottom), with half a point of slack:
/// how tests check that no text or drawing leaves its page.
pub fn outside<'o>(face: &Face, ops: &'o [Op], area: (f32, f32, f32, f32)) -> Vec<&'o Op> {
    let (l, t, r, b) = area;
    ops.iter()
        .filter(|op| {
            let (x0, y0, x1, y1) = op.bounds(face);
            x0 < l - 0.5 || y0 < t - 0.5 || x1 > r + 0.5 || y1 > b + 0.5
        })
        .collect()
}

/// The content area of every page: inside the margins, between header and footer.
pub const CONTENT: (f32, f32, f32, f32) = (MARGIN_X, CONTENT_TOP, MARGIN_X + CONTENT_W, CONTENT_BOTTOM);

#[cfg(test)]
mod tests;
