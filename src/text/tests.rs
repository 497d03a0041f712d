use super::*;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

fn placeholders(s: &str) -> Vec<String> {
    let name = |n: &&str| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let mut out: Vec<String> =
        s.match_indices('{').filter_map(|(i, _)| s[i + 1..].split('}').next()).filter(name).map(str::to_string).collect();
    out.sort();
    out
}

#[test]
fn every_key_has_both_languages_once() {
    let mut seen = HashSet::new();
    for (key, en, zh) in rows() {
        assert!(seen.insert(key), "{key} is listed twice");
        assert!(!en.trim().is_empty(), "{key} lacks English");
        assert!(!zh.trim().is_empty(), "{key} lacks Chinese");
        assert_eq!(placeholders(en), placeholders(zh), "{key}: the two languages fill different placeholders");
        // A sentence in English is a sentence in Chinese, not the English copied across.
        let words = en.split_whitespace().filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() > 2).count();
        let chinese = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(words < 3 || chinese, "{key}: the Chinese is not Chinese: {zh}");
    }
}

fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("text") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            out.push((path, text));
        }
    }
}

/// Every string literal in the sources shaped like a key (`screen.name`, with a prefix the table
/// uses) is in the table — whether passed to `tr`, `trf`, `msg!` or kept in a const.
#[test]
fn every_key_the_code_names_is_in_the_table() {
    let prefixes: BTreeSet<&str> = rows().filter_map(|(k, _, _)| k.split_once('.').map(|(p, _)| p)).collect();
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let (mut used, mut missing) = (BTreeSet::new(), Vec::new());
    for (path, text) in &files {
        for literal in text.split('"').skip(1).step_by(2) {
            let shaped = literal.split_once('.').is_some_and(|(p, rest)| {
                prefixes.contains(p)
                    && !rest.is_empty()
                    && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c))
            });
            if shaped {
                used.insert(literal);
                if !has(literal) {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
    }
    assert!(used.len() > 500, "the scan found only {} keys: is it still reading the sources?", used.len());
    assert!(missing.is_empty(), "keys missing from the table: {missing:#?}");
}

/// Every message the library builds names a key of the table (`msg!("…")`, `Message::new("…")`).
#[test]
fn every_message_the_library_builds_is_in_the_table() {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut count = 0;
    let mut missing = Vec::new();
    for (path, text) in &files {
        for opener in ["msg!(\"", "Message::new(\""] {
            for piece in text.split(opener).skip(1) {
                let key = piece.split('"').next().unwrap_or("");
                count += 1;
                if !has(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    assert!(count > 50, "the scan found only {count} messages");
    assert!(missing.is_empty(), "messages missing from the table: {missing:#?}");
}

#[test]
fn placeholders_are_filled_once() {
    assert_eq!(trf(Lang::En, "report.page", &[("n", &2), ("m", &5)]), "page 2 / 5");
    assert_eq!(trf(Lang::Zh, "report.page", &[("n", &2), ("m", &5)]), "第 2 / 5 页");
    // A value holding a placeholder's shape is not filled again.
    assert_eq!(trf(Lang::En, "app.rows", &[("n", &"{n}")]), "{n} rows");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "placeholder {n} not filled")]
fn a_placeholder_left_unfilled_is_caught() {
    let _ = trf(Lang::En, "app.rows", &[("count", &3)]);
}

#[test]
fn messages_render_in_either_language_and_survive_storage() {
    let m = crate::msg!("import.reject.buyer_empty");
    assert_eq!(Message::from_stored(&m.to_stored()), m);
    assert_ne!(m.render(Lang::En), m.render(Lang::Zh));
    let old = Message::from_stored("the buyer is empty");
    assert_eq!(old.render(Lang::Zh), "the buyer is empty", "a reason kept by an older version reads as it was");
}
