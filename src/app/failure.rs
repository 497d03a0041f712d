//! What a failure says to the user: the library's typed error found in an `anyhow` chain, in words
//! of the user's language; an error nobody here typed (a bug, a foreign library) says so and keeps
//! its English detail for support.

use crate::text::Message;

/// An error that is already a message for the user (what the window was doing, with the cause in it).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct Failure(pub Message);

/// The message of the first typed error in the chain, else an "unexpected error" with the detail.
pub fn message(err: &anyhow::Error) -> Message {
    for cause in err.chain() {
        if let Some(m) = typed(cause) {
            return m;
        }
    }
    crate::msg!("error.unexpected", detail = format!("{err:#}"))
}

/// The message of one error, when it is one of the library's own.
fn typed(e: &(dyn std::error::Error + 'static)) -> Option<Message> {
    macro_rules! each {
        ($($t:ty),* $(,)?) => {$(
            if let Some(e) = e.downcast_ref::<$t>() {
                return Some(e.message());
            }
        )*};
    }
    if let Some(Failure(m)) = e.downcast_ref::<Failure>() {
        return Some(m.clone());
    }
    each!(
        crate::store::StoreError,
        crate::import::source::ReadError,
        crate::import::mapping::MappingError,
        crate::preferences::PreferenceError,
        crate::export::ExportError,
        crate::analysis::health::ThresholdError,
        crate::analysis::health::SetError,
        crate::analysis::tiers::ProfileError,
        crate::analysis::tiers::RulesError,
        crate::analysis::backtest::TuneError,
        super::view::ViewError,
        crate::store::MatchError,
        crate::model::HsError,
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn a_typed_error_inside_a_chain_speaks_the_users_language() {
        let typed = crate::store::StoreError::Invalid("a row arrived before its sheet was mapped".into());
        let expected = typed.message();
        let m = message(&anyhow::Error::new(typed).context("importing"));
        assert_eq!(m, expected);
        assert!(m.render(Lang::Zh).chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }

    #[test]
    fn an_untyped_error_says_it_was_unexpected_and_keeps_the_detail() {
        let m = message(&anyhow::anyhow!("index out of bounds"));
        assert!(m.render(Lang::Zh).contains("index out of bounds"));
        assert!(m.render(Lang::Zh).contains("意外"));
    }
}
