//! Line breaking by measured advances: Chinese breaks between any two characters (never before a
//! closing mark such as `，` or after an opening one such as `（`), Latin at spaces, and a word too
//! long for the line (a long company name, a URL) anywhere. No line is wider than asked.

use super::Face;

/// The mark that ends a shortened text.
pub const ELLIPSIS: char = '…';

/// Characters of scripts written without spaces, where a line may break between any two.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Marks that never start a line.
fn is_closing(c: char) -> bool {
    "，。、；：？！）」』》〉】〕…%％,.;:?!)]}”’·-".contains(c)
}

/// Marks that never end a line.
fn is_opening(c: char) -> bool {
    "（「『《〈【〔“‘([{$".contains(c)
}

/// True when a line may break between `a` and `b` (no space between them).
fn can_break(a: char, b: char) -> bool {
    (is_cjk(a) || is_cjk(b)) && !is_closing(b) && !is_opening(a)
}

/// Pieces a line may break between, each with whether a space comes before it.
fn atoms(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let (mut cur, mut cur_space, mut pending_space) = (String::new(), false, false);
    let mut prev: Option<char> = None;
    for ch in text.chars() {
        if ch == ' ' {
            if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), cur_space));
            }
            pending_space = true;
            prev = None;
            continue;
        }
        if prev.is_some_and(|p| can_break(p, ch)) && !cur.is_empty() {
            out.push((std::mem::take(&mut cur), cur_space));
        }
        if cur.is_empty() {
            cur_space = pending_space;
            pending_space = false;
        }
        cur.push(ch);
        prev = Some(ch);
    }
    if !cur.is_empty() {
        out.push((cur, cur_space));
    }
    out
}

/// One paragraph (no newline) in lines.
fn wrap_paragraph(face: &Face, text: &str, size: f32, width: f32, lines: &mut Vec<String>) {
    let space = face.char_width(' ', size);
    let (mut line, mut used) = (String::new(), 0.0_f32);
    for (atom, spaced) in atoms(text) {
        let w = face.width(&atom, size);
        let gap = if spaced && !line.is_empty() { space } else { 0.0 };
        if used + gap + w <= width {
            if gap > 0.0 {
                line.push(' ');
            }
            line.push_str(&atom);
            used += gap + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        if w <= width {
            line = atom;
            used = w;
            continue;
        }
        // Longer than a whole line: broken wherever the line is full.
        for ch in atom.chars() {
            let cw = face.char_width(ch, size);
            if used + cw > width && !line.is_empty() {
                // A closing mark takes the character before it along: it never starts a line.
                let carried = if is_closing(ch) && line.chars().count() > 1 { line.pop() } else { None };
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                if let Some(c) = carried {
                    line.push(c);
                    used = face.char_width(c, size);
                }
            }
            line.push(ch);
            used += cw;
        }
    }
    lines.push(line);
}

/// The text in lines no wider than `width` at `size` (every paragraph gives at least one line).
pub fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(face, &face.printable_text(paragraph), size, width, &mut lines);
    }
    lines
}

/// The text on one line no wider than `width`: whole when it fits, else cut and ended with `…`.
pub fn truncate(face: &Face, text: &str, size: f32, width: f32) -> String {
    let text = face.printable_text(&text.replace('\n', " "));
    if face.width(&text, size) <= width {
        return text;
    }
    shorten(face, &text, size, width)
}

/// Cuts `text` until it and `…` fit in `width` (nothing when even `…` does not).
fn shorten(face: &Face, text: &str, size: f32, width: f32) -> String {
    let room = width - face.char_width(ELLIPSIS, size);
    if room < 0.0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0.0;
    for ch in text.chars() {
        let cw = face.char_width(ch, size);
        if used + cw > room {
            break;
        }
        out.push(ch);
        used += cw;
    }
    let mut out = out.trim_end().to_string();
    out.push(ELLIPSIS);
    out
}

/// The wrapped text kept to `max` lines, the last one ended with `…` when some was left out.
pub fn wrap_at_most(face: &Face, text: &str, size: f32, width: f32, max: usize) -> Vec<String> {
    let mut lines = wrap(face, text, size, width);
    if lines.len() > max.max(1) {
        lines.truncate(max.max(1));
        if let Some(last) = lines.last_mut() {
            *last = shorten(face, last, size, width);
        }
    }
    lines
}
