//! A message the library builds for people — a refusal, a note, a warning, an error with its fields —
//! kept as a key and typed fields, rendered in the reader's language only at the front end.

use super::{Lang, TABLE, table::fill};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One field of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    /// Words from the user's data, shown as they are: a column name, a cell, a file name.
    Text(String),
    /// A whole number.
    Count(i64),
    /// A number shown as computed (`2.5`).
    Number(f64),
    /// US dollars, as the reader reads money (`$213.7k`, `21.4万美元`).
    Usd(f64),
    /// Another text of the table, in the same language (a field's name, a unit).
    Term(Cow<'static, str>),
    /// Another message, in the same language (the reason inside a refusal).
    Message(Box<Message>),
    /// A country as the files write it, shown by its name in the reader's language.
    Country(String),
}

impl Arg {
    /// The field as the reader sees it.
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Number(x) => {
                let s = format!("{x:.2}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
            Arg::Usd(x) => super::number::money(lang, *x),
            Arg::Term(key) => TABLE.get(lang, key).to_string(),
            Arg::Message(m) => m.render(lang),
            Arg::Country(raw) => super::country::country(lang, raw).into_owned(),
        }
    }
}

/// A text of the table with its fields: what the library says, in no language yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// The table's key; empty for a verbatim text.
    key: Cow<'static, str>,
    /// The fields its placeholders name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    args: Vec<(Cow<'static, str>, Arg)>,
}

impl Message {
    /// The message of a key (fields added with [`Message::with`]; `msg!` does both).
    pub fn new(key: &'static str) -> Message {
        Message { key: Cow::Borrowed(key), args: Vec::new() }
    }

    /// The message with one more field.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// A text nobody here wrote (an operating system's error, a reason kept by an older version),
    /// shown as it is in either language.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message { key: Cow::Borrowed(""), args: vec![(Cow::Borrowed("text"), Arg::Text(text.into()))] }
    }

    /// An empty list of messages, one per line (filled with [`Message::line`]).
    pub fn lines() -> Message {
        Message { key: Cow::Borrowed(""), args: Vec::new() }
    }

    /// The list with one more line.
    pub fn line(mut self, line: Message) -> Message {
        self.args.push((Cow::Borrowed("line"), Arg::Message(Box::new(line))));
        self
    }

    /// The key (empty for a verbatim text).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let rendered: Vec<(&str, String)> = self.args.iter().map(|(n, a)| (n.as_ref(), a.render(lang))).collect();
        if self.key.is_empty() {
            return rendered.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n");
        }
        let args: Vec<(&str, &dyn std::fmt::Display)> = rendered.iter().map(|(n, t)| (*n, t as &dyn std::fmt::Display)).collect();
        fill(TABLE.get(lang, &self.key), &args)
    }

    /// The message as stored: JSON, read back by [`Message::from_stored`].
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| self.render(Lang::En))
    }

    /// A stored message; a plain text (kept by a version before messages were typed) is verbatim.
    pub fn from_stored(text: &str) -> Message {
        serde_json::from_str::<Message>(text)
            .ok()
            .filter(|m| m.key.is_empty() || TABLE.has(&m.key))
            .unwrap_or_else(|| Message::verbatim(text))
    }
}

/// English, for the command line, logs and `anyhow` chains.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(t)
    }
}

impl From<&str> for Arg {
    fn from(t: &str) -> Arg {
        Arg::Text(t.to_string())
    }
}

impl From<&String> for Arg {
    fn from(t: &String) -> Arg {
        Arg::Text(t.clone())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<f64> for Arg {
    fn from(x: f64) -> Arg {
        Arg::Number(x)
    }
}

macro_rules! counts {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
counts!(u8, u16, i32, i64, u32, u64, usize);

/// Messages in a report the command line prints as JSON read as English sentences there
/// (`#[serde(serialize_with = "crate::text::english")]`), as they did before messages were typed.
pub trait English {
    /// Serialises the English rendering.
    fn english<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
}

impl English for Message {
    fn english<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render(Lang::En))
    }
}

impl English for Option<Message> {
    fn english<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(m) => s.serialize_some(&m.render(Lang::En)),
            None => s.serialize_none(),
        }
    }
}

impl English for Vec<Message> {
    fn english<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|m| m.render(Lang::En)))
    }
}

/// Serialises messages as English sentences (see [`English`]).
pub fn english<T: English, S: serde::Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    value.english(s)
}
