//! The embedded font, read twice: by krilla (which embeds and subsets it) and by skrifa (glyph ids
//! and advances), so text is measured exactly as it is drawn. There is no shaping: one glyph per
//! character, no kerning — what krilla draws is what the wrapping measured.

use crate::assets::NOTO_SANS_SC_SUBSET;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId as SkrifaGlyph, MetadataProvider};
use unicode_normalization::UnicodeNormalization;

/// The embedded font: for drawing and for measuring.
pub struct Face {
    font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face").field("units_per_em", &self.units_per_em).finish_non_exhaustive()
    }
}

impl Face {
    /// The embedded Noto Sans SC subset; `None` only if the built-in file were damaged.
    pub fn embedded() -> Option<Face> {
        let face = FontRef::new(NOTO_SANS_SC_SUBSET).ok()?;
        let m = face.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(m.units_per_em.max(1));
        Some(Face {
            font: Font::new(NOTO_SANS_SC_SUBSET.into(), 0)?,
            metrics: face.glyph_metrics(Size::unscaled(), LocationRef::default()),
            charmap: face.charmap(),
            units_per_em,
            ascent: m.ascent / units_per_em,
            descent: -m.descent / units_per_em,
        })
    }

    /// The krilla font to draw with.
    pub fn font(&self) -> Font {
        self.font.clone()
    }

    /// True when the font has a glyph for the character.
    pub fn covers(&self, ch: char) -> bool {
        self.charmap.map(ch).is_some_and(|g| g != SkrifaGlyph::NOTDEF)
    }

    /// The character drawn for `ch`: itself, its base letter without accents, a space for any other
    /// blank, or `?` — user data (company names) may hold letters the subset does not have.
    pub fn printable(&self, ch: char) -> char {
        if self.covers(ch) {
            return ch;
        }
        if ch.is_whitespace() {
            return ' ';
        }
        std::iter::once(ch).nfd().next().filter(|base| *base != ch && self.covers(*base)).unwrap_or('?')
    }

    /// The text as it will be drawn (see [`Face::printable`]); control characters dropped.
    pub fn printable_text(&self, text: &str) -> String {
        text.chars().filter(|c| !c.is_control()).map(|c| self.printable(c)).collect()
    }

    /// Advance of one character, in em.
    fn advance(&self, ch: char) -> f32 {
        let glyph = self.charmap.map(self.printable(ch)).unwrap_or(SkrifaGlyph::NOTDEF);
        self.metrics.advance_width(glyph).unwrap_or(0.0) / self.units_per_em
    }

    /// Width of a character at a size (points).
    pub fn char_width(&self, ch: char, size: f32) -> f32 {
        if ch.is_control() { 0.0 } else { self.advance(ch) * size }
    }

    /// Width of a text on one line at a size (points).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// Ascent above and descent below the baseline at a size (points, both positive).
    pub fn extent(&self, size: f32) -> (f32, f32) {
        (self.ascent * size, self.descent * size)
    }

    /// One glyph per character of `text` (which must be printable), with advances in em and the
    /// character each stands for (so the PDF's text can be copied and searched).
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, ch)| {
                let glyph = self.charmap.map(ch).unwrap_or(SkrifaGlyph::NOTDEF);
                KrillaGlyph {
                    glyph_id: GlyphId::new(glyph.to_u32()),
                    text_range: i..i + ch.len_utf8(),
                    x_advance: self.metrics.advance_width(glyph).unwrap_or(0.0) / self.units_per_em,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                }
            })
            .collect()
    }
}
