//! Text cells: placeholders that mean "nothing", and parties hidden behind "to the order of".

/// Placeholders providers and people write for a missing value (compared upper-cased, trimmed).
const NULL_TOKENS: &[&str] = &[
    "",
    "NULL",
    "(NULL)",
    "NONE",
    "N/A",
    "NA",
    "#N/A",
    "N.A.",
    "-",
    "--",
    "---",
    "NAN",
    "NIL",
    "(BLANK)",
    "NO DISPONIBLE",
    "NOT AVAILABLE",
    "NOT DECLARED",
    "UNKNOWN",
    "无",
    "空",
    "不详",
    "未知",
    "暂无",
];

/// A cell's text as a message may quote it: control characters and undecodable bytes shown as `�`,
/// at most 60 characters (a 309-digit number or a megabyte of glued lines is not repeated in full).
pub fn quoted(text: &str) -> String {
    shortened(text, 60)
}

/// `text` with control characters shown as `�`, cut to `max` characters (saying how long it was).
pub fn shortened(text: &str, max: usize) -> String {
    let clean: String = text.trim().chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
    let count = clean.chars().count();
    if count <= max { clean } else { format!("{}… ({count} characters)", clean.chars().take(max).collect::<String>()) }
}

/// True when the text is a placeholder for "no value" (`NULL`, `N/A`, `NO DISPONIBLE`, `无` …).
pub fn is_null_token(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 16 && NULL_TOKENS.iter().any(|n| n.eq_ignore_ascii_case(t))
}

/// The text of a name or description, or `None` when it is blank, a placeholder or a lone `0`.
pub fn clean_text(text: &str) -> Option<String> {
    let t = text.trim();
    // A lone zero in a name or description column is an empty cell exported as a number.
    if is_null_token(t) || t == "0" {
        return None;
    }
    // Most cells are already tidy: copy them without splitting.
    let tidy = !t.contains(['\t', '\n', '\r', '\u{a0}']) && !t.contains("  ");
    Some(if tidy { t.to_string() } else { t.split_whitespace().collect::<Vec<_>>().join(" ") })
}

/// Bills "to the order of" a bank or shipper hide the real buyer: such a name is not a customer.
pub fn is_masked_party(name: &str) -> bool {
    let upper: String = name.to_uppercase().chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let words: Vec<&str> = upper.split_whitespace().collect();
    let joined = words.join(" ");
    const MASKS: &[&str] = &["TO THE ORDER", "TO ORDER", "THE ORDER OF", "ORDER OF", "SAME AS CONSIGNEE", "TO THE ORDER OF"];
    MASKS.iter().any(|m| joined == *m || joined.starts_with(&format!("{m} ")))
        || joined.contains("TO THE ORDER OF")
        || name.contains("凭指示")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_nothing() {
        for t in ["NULL", " null ", "N/A", "NO DISPONIBLE", "无", "", "#N/A"] {
            assert!(is_null_token(t), "{t:?}");
        }
        assert_eq!(clean_text("  ACME   TRADING  "), Some("ACME TRADING".into()));
        assert_eq!(clean_text("NULL"), None);
        assert!(!is_null_token("NAVARRA"));
    }

    #[test]
    fn masked_buyers_are_recognised() {
        assert!(is_masked_party("TO THE ORDER OF"));
        assert!(is_masked_party("THE ORDER OF UNITED STATES"));
        assert!(is_masked_party("To order"));
        assert!(is_masked_party("TO THE ORDER OF HSBC BANK"));
        assert!(!is_masked_party("ORDERLY TRADING LLC"));
        assert!(!is_masked_party("GARNET HOTELS LLC"));
    }
}
