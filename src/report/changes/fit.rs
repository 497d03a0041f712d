//! How much of the briefing goes on its pages: lines of each reason, rows of each table. The
//! briefing is laid out under each [`Fit`] in turn and keeps the first that needs no more pages than
//! the last, so a quiet month shows everything on one page and a busy one stays on a page or two.

use crate::report::pdf::{CONTENT_W, Column, Face, wrap};

/// The size table cells are set in (the engine's, `pdf::table`), to cut a reason to its lines.
const CELL_SIZE: f32 = 8.5;
/// A cell's padding left and right (the engine's).
const CELL_PAD: f32 = 4.0;

/// How much the briefing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fit {
    /// Lines a level change's reason may take before it is cut with `…`.
    pub level_lines: usize,
    /// Lines a new signal's reason may take.
    pub signal_lines: usize,
    /// Sales moves listed, largest first.
    pub moves: usize,
    /// Level changes listed, worse first; the rest are counted.
    pub levels: usize,
    /// New signals listed, risks first.
    pub signals: usize,
    /// Tier changes listed (those with the most of our sales).
    pub tiers: usize,
}

/// A fit, its figures in the order of the fields.
const fn fit(level_lines: usize, signal_lines: usize, moves: usize, levels: usize, signals: usize, tiers: usize) -> Fit {
    Fit { level_lines, signal_lines, moves, levels, signals, tiers }
}

/// From the most the briefing shows to the least. The last sales moves go first, then the new
/// signals' reasons are cut, then the levels' (why a customer got worse matters most); only a month
/// with more changes than two pages hold lists fewer of them.
pub(super) const FITS: [Fit; 12] = [
    fit(4, 4, 10, 25, 15, 20),
    fit(4, 4, 8, 25, 15, 20),
    fit(4, 4, 6, 25, 15, 20),
    fit(4, 3, 6, 25, 15, 20),
    fit(4, 2, 6, 25, 15, 20),
    fit(4, 2, 5, 25, 15, 20),
    fit(3, 2, 5, 25, 15, 20),
    fit(2, 2, 5, 25, 15, 20),
    fit(2, 1, 5, 25, 15, 20),
    fit(2, 1, 5, 20, 10, 12),
    fit(2, 1, 5, 15, 8, 10),
    fit(1, 1, 5, 12, 6, 8),
];

/// `text` cut with `…` to `lines` lines of column `i` of `columns` (a table cell wraps to at most
/// four, which a long reason fills): the longest beginning that still fits, Latin cut between words.
pub(super) fn clip(face: &Face, text: &str, columns: &[Column], i: usize, lines: usize) -> String {
    let total: f32 = columns.iter().map(|c| c.weight.max(0.0)).sum::<f32>().max(f32::EPSILON);
    // A point narrower than the table's cell, so the table breaks the lines where this did.
    let width = CONTENT_W * columns.get(i).map_or(0.0, |c| c.weight.max(0.0)) / total - 2.0 * CELL_PAD - 1.0;
    let fits = |t: &str| wrap(face, t, CELL_SIZE, width).len() <= lines;
    if fits(text) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| {
        // Latin text is cut between words, never inside one; Chinese anywhere.
        let inside_word = |i: usize| chars.get(i).is_some_and(char::is_ascii_alphanumeric);
        let n = if n > 0 && inside_word(n) && inside_word(n - 1) {
            chars[..n].iter().rposition(|c| *c == ' ').filter(|at| *at > n / 2).unwrap_or(n)
        } else {
            n
        };
        let head: String = chars[..n].iter().collect();
        format!("{}…", head.trim_end_matches([' ', ',', ';', '—', '，', '；', '、', '（', '(']))
    };
    // More characters never take fewer lines: the longest beginning that fits, by halving.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(&cut(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<Column> {
        vec![Column::text("a", 1.0), Column::text("b", 1.0)]
    }

    #[test]
    fn a_reason_is_cut_to_its_lines_between_words() {
        let face = Face::embedded().expect("font");
        let width = CONTENT_W / 2.0 - 2.0 * CELL_PAD - 1.0;
        let long = "Our share of its purchases was 42% over the last 2 quarters against 56% in the year before. ".repeat(4);
        for lines in 1..=3 {
            let cut = clip(&face, &long, &columns(), 1, lines);
            assert_eq!(wrap(&face, &cut, CELL_SIZE, width).len(), lines, "{cut}");
            let head = cut.trim_end_matches('…');
            assert!(cut.ends_with('…') && long.starts_with(head), "{cut}");
            assert!(long[head.len()..].starts_with([' ', '.']), "cut inside a word: {cut}");
        }
        let zh = "近2个季度我们在该客户同类采购中的份额为42%，此前一年为56%，下降15个百分点。".repeat(4);
        let cut = clip(&face, &zh, &columns(), 1, 2);
        assert_eq!(wrap(&face, &cut, CELL_SIZE, width).len(), 2, "{cut}");
        assert_eq!(clip(&face, "short", &columns(), 1, 1), "short", "what fits is left whole");
    }
}
