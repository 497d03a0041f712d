//! The language of the interface and of reports: English or simplified Chinese.

use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language a locale tag such as `zh-CN`, `zh_Hans` or `en-US` asks for.
    pub fn from_locale(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// A table of texts by key, each in English and Chinese, with `{name}` placeholders. The window
/// and the reports each keep one (they never depend on each other) and look them up the same way.
pub struct Texts {
    rows: &'static [(&'static str, &'static str, &'static str)],
    index: std::sync::OnceLock<std::collections::HashMap<&'static str, (&'static str, &'static str)>>,
}

impl Texts {
    /// A table over rows of (key, English, Chinese).
    pub const fn new(rows: &'static [(&'static str, &'static str, &'static str)]) -> Texts {
        Texts { rows, index: std::sync::OnceLock::new() }
    }

    /// The text of `key` in `lang`; "?" (and a failed debug assertion) when it is missing.
    pub fn get(&self, lang: Lang, key: &str) -> &'static str {
        let index = self.index.get_or_init(|| self.rows.iter().map(|&(k, en, zh)| (k, (en, zh))).collect());
        match index.get(key) {
            Some((en, zh)) => lang.pick(en, zh),
            None => {
                debug_assert!(false, "missing text {key}");
                "?"
            }
        }
    }

    /// The text of `key` with its `{name}` placeholders filled in.
    pub fn fill(&self, lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        args.iter().fold(self.get(lang, key).to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), &value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_pick_the_language_and_fill_placeholders() {
        static T: Texts = Texts::new(&[("rows", "{n} rows", "{n} 行")]);
        assert_eq!(T.get(Lang::En, "rows"), "{n} rows");
        assert_eq!(T.fill(Lang::Zh, "rows", &[("n", &3)]), "3 行");
    }
}
