//! Country names in the reader's language.
//!
//! Customs files spell one country many ways (`UNITED STATES`, `USA`, `U.S.A.`, `ESTADOS UNIDOS`,
//! `KOREA, REPUBLIC OF`, `VIET NAM`, `BRAZIL (BR)`, ISO codes), and a Chinese reader reads 美国, not
//! `UNITED STATES`. [`country`] recognises a spelling — ignoring case, accents, punctuation and
//! spaces; a two- or three-letter ISO code only when it is the whole text — and gives the usual
//! English or standard Simplified Chinese name; a text it does not recognise comes back as it is,
//! trimmed: it never guesses.

mod table;

use crate::text::Lang;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;
use table::{COUNTRIES, Country};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words left out of a key, so `Korea, Republic of` and `Republic of Korea` meet.
const STOP_WORDS: &[&str] = &["the", "of", "and", "et", "de", "del", "da", "do", "das", "dos"];

/// Abbreviations written out in a key (`St. Lucia`, `Congo, Dem. Rep.`, `Cayman Is.`).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("st", "saint"),
    ("rep", "republic"),
    ("dem", "democratic"),
    ("is", "islands"),
    ("isl", "islands"),
    ("fed", "federated"),
    ("sts", "states"),
    ("utd", "united"),
];

/// The lookup built from [`COUNTRIES`]: codes (upper case) and spelling keys to table indices.
struct Index {
    codes: FxHashMap<&'static str, usize>,
    keys: FxHashMap<String, usize>,
    /// Spellings (or codes) claimed by two countries: the test keeps this empty.
    collisions: Vec<String>,
}

static INDEX: LazyLock<Index> = LazyLock::new(build);

fn build() -> Index {
    let mut index = Index { codes: FxHashMap::default(), keys: FxHashMap::default(), collisions: Vec::new() };
    for (i, c) in COUNTRIES.iter().enumerate() {
        for code in [c.iso2, c.iso3].into_iter().filter(|code| !code.is_empty()) {
            if let Some(other) = index.codes.insert(code, i).filter(|o| *o != i) {
                index.collisions.push(format!("code {code}: {} and {}", COUNTRIES[other].en, c.en));
            }
        }
        for spelling in [c.en, c.zh].iter().chain(c.aliases) {
            let k = key(spelling);
            if k.is_empty() {
                index.collisions.push(format!("{spelling:?} of {} has an empty key", c.en));
                continue;
            }
            if let Some(other) = index.keys.insert(k, i).filter(|o| *o != i) {
                index.collisions.push(format!("{spelling:?}: {} and {}", COUNTRIES[other].en, c.en));
            }
        }
    }
    index
}

/// Lower case, accents, punctuation and spaces gone: `Côte d'Ivoire` → `cotedivoire`; stop words
/// dropped and abbreviations written out (`St. Kitts & Nevis` → `saintkittsnevis`).
fn key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if STOP_WORDS.contains(&word) {
            continue;
        }
        out.push_str(ABBREVIATIONS.iter().find(|(short, _)| *short == word).map_or(word, |(_, long)| long));
    }
    out
}

/// Lower case without accents; `&` becomes `and`; letters NFKD leaves whole (`ø`, `æ`) spelt out.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.nfkd().filter(|ch| !is_combining_mark(*ch)) {
        match ch {
            '&' => out.push_str(" and "),
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'đ' | 'Đ' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            _ => out.extend(ch.to_lowercase()),
        }
    }
    out
}

/// A whole text of two or three ASCII letters, in upper case: possibly an ISO code.
fn as_code(text: &str) -> Option<String> {
    (matches!(text.len(), 2 | 3) && text.bytes().all(|b| b.is_ascii_alphabetic())).then(|| text.to_ascii_uppercase())
}

/// The country a spelling names, if it is recognised.
fn find(raw: &str) -> Option<&'static Country> {
    find_index(&INDEX, raw).map(|i| &COUNTRIES[i])
}

fn find_index(index: &Index, raw: &str) -> Option<usize> {
    let text = raw.trim();
    if let Some(code) = as_code(text)
        && let Some(i) = index.codes.get(code.as_str())
    {
        return Some(*i);
    }
    let by_key = |t: &str| index.keys.get(&key(t)).copied();
    if let Some(i) = by_key(text) {
        return Some(i);
    }
    // `Gambia, The`, `Korea, South`: the part after a single comma goes first.
    if let Some((before, after)) = text.split_once(',')
        && !after.contains(',')
        && let Some(i) = by_key(&format!("{after} {before}"))
    {
        return Some(i);
    }
    // `BRAZIL (BR)`, `US - United States`, `249 - ESTADOS UNIDOS`: a name with its code, taken only
    // when the code agrees with the name (or is a number, which names nothing by itself here).
    let (name, code) = if let Some(inner) = text.strip_suffix(')')
        && let Some((outer, code)) = inner.rsplit_once('(')
    {
        (outer.trim(), code.trim())
    } else if let Some((a, b)) = text.split_once(" - ").or_else(|| text.split_once(" – ")) {
        if as_code(a.trim()).is_some() || a.trim().bytes().all(|x| x.is_ascii_digit()) {
            (b.trim(), a.trim())
        } else {
            (a.trim(), b.trim())
        }
    } else {
        return None;
    };
    let i = by_key(name)?;
    let c = &COUNTRIES[i];
    let agrees = match as_code(code) {
        Some(code) => code == c.iso2 || code == c.iso3,
        None => !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()),
    };
    agrees.then_some(i)
}

/// The country's usual name in `lang` (`United States` / 美国 for `USA`), or the text trimmed when
/// it names no country this table knows.
pub fn country(lang: Lang, raw: &str) -> Cow<'_, str> {
    match find(raw) {
        Some(c) => Cow::Borrowed(lang.pick(c.en, c.zh)),
        None => Cow::Borrowed(raw.trim()),
    }
}

/// True when the raw text, its country's English name (with or without accents) or its Chinese name
/// contains `needle_lowercase` (the customer search).
pub fn matches(raw: &str, needle_lowercase: &str) -> bool {
    raw.to_lowercase().contains(needle_lowercase)
        || find(raw).is_some_and(|c| {
            c.zh.contains(needle_lowercase) || c.en.to_lowercase().contains(needle_lowercase) || fold(c.en).contains(needle_lowercase)
        })
}

#[cfg(test)]
mod tests;
