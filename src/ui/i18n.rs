//! The window's language: the system's, and the one vocabulary's lookups (`crate::text`).

pub use crate::text::{Lang, tr, trf};

/// The system's language (Chinese for any Chinese locale, English otherwise).
pub fn system_lang() -> Lang {
    sys_locale::get_locale().map_or(Lang::En, |tag| Lang::from_locale(&tag))
}
