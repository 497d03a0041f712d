//! The one vocabulary: every text a person reads — the window, the briefings and the messages the
//! library builds — in English and Chinese, by key, in one table.
//!
//! Front ends ask for a text by key (`tr(lang, "nav.dashboard")`, `{name}` placeholders filled by
//! [`trf`]). The library never writes prose for people: it returns a [`Message`] (a key and typed
//! fields) that the front end renders in the user's language. Tests fail when a key the code names
//! is missing, lacks a language, or fills other placeholders in Chinese than in English.

mod changes_report;
pub mod country;
mod customer;
mod errors;
mod import_screen;
mod market;
mod message;
mod messages;
pub mod number;
mod orders;
mod read_errors;
mod report;
mod rhythm;
mod settings;
mod supply;
mod table;
mod tiers;
mod window;

pub use crate::model::Lang;
pub use message::{Arg, English, Message, english};
use table::Texts;

/// Every part of the table; a key is listed once across all of them.
static TABLE: Texts = Texts::new(&[
    window::TEXTS,
    customer::TEXTS,
    tiers::TEXTS,
    import_screen::TEXTS,
    settings::TEXTS,
    report::TEXTS,
    rhythm::TEXTS,
    changes_report::TEXTS,
    messages::TEXTS,
    orders::TEXTS,
    market::TEXTS,
    supply::TEXTS,
    errors::TEXTS,
    read_errors::TEXTS,
]);

/// The text for a key (a test keeps keys from going missing).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    TABLE.get(lang, key)
}

/// The text for a key with `{name}` placeholders filled.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    TABLE.fill(lang, key, args)
}

/// True when the table has this key.
pub fn has(key: &str) -> bool {
    TABLE.has(key)
}

/// Every row of the table: key, English, Chinese (for tests and tools).
pub fn rows() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    TABLE.rows()
}

/// A message of the library: `msg!("import.reject.buyer_empty")` or
/// `msg!("import.note.tonnes", column = header)`; every field becomes an [`Arg`].
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text::Message::new($key)$(.with(stringify!($name), $value))*
    };
}

#[cfg(test)]
mod tests;
