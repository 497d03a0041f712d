//! The keyed table behind [`super::tr`]: rows of (key, English, Chinese) from several parts,
//! indexed once.

use crate::model::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

type Row = (&'static str, &'static str, &'static str);

/// A table of texts by key, each in English and Chinese, with `{name}` placeholders.
pub struct Texts {
    parts: &'static [&'static [Row]],
    index: OnceLock<HashMap<&'static str, (&'static str, &'static str)>>,
}

impl Texts {
    /// A table over parts of rows of (key, English, Chinese).
    pub const fn new(parts: &'static [&'static [Row]]) -> Texts {
        Texts { parts, index: OnceLock::new() }
    }

    fn index(&self) -> &HashMap<&'static str, (&'static str, &'static str)> {
        self.index.get_or_init(|| self.rows().map(|&(k, en, zh)| (k, (en, zh))).collect())
    }

    /// Every row, part by part.
    pub fn rows(&self) -> impl Iterator<Item = &'static Row> {
        self.parts.iter().flat_map(|p| p.iter())
    }

    /// True when `key` is in the table.
    pub fn has(&self, key: &str) -> bool {
        self.index().contains_key(key)
    }

    /// The text of `key` in `lang`; "?" (and a failed debug assertion) when it is missing.
    pub fn get(&self, lang: Lang, key: &str) -> &'static str {
        match self.index().get(key) {
            Some((en, zh)) => lang.pick(en, zh),
            None => {
                debug_assert!(false, "missing text {key}");
                "?"
            }
        }
    }

    /// The text of `key` with its `{name}` placeholders filled in.
    pub fn fill(&self, lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        fill(self.get(lang, key), args)
    }
}

/// `text` with each `{name}` replaced by its value, in one pass (a value holding `{x}` stays as it is).
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(n, _)| *n == name).map(|(_, value)| (value, close))
        });
        match named {
            Some((value, close)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                // A `{name}` left unfilled is a bug of the caller (a misspelt field), not of the text.
                let name = after.split('}').next().unwrap_or("");
                debug_assert!(
                    !(after.contains('}') && !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
                    "placeholder {{{name}}} not filled in {text:?}"
                );
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
