//! Company names to matching keys: one key for the spellings of one entity, different keys for
//! different entities.
//!
//! `Acme Trading Co., Ltd.` and `ACME TRADING CO LTD` share the key `ACME TRADING`; `KIWI TIMBER PTY
//! LTD` (`KIWI TIMBER`) and `KIWI TIMBER NZ LIMITED` (`KIWI TIMBER NZ`) do not. Only legal-form
//! words at the end (or, for Vietnamese names, at the start) are dropped: a legal form in the middle
//! (`AGH INDUSTRIAL JSC 11` / `AGH INDUSTRIAL LLC 11`) tells entities apart.

use crate::model::CompanyKey;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Legal forms removed from the end of a name, longest first so `CO LTD` goes before `LTD`.
const TRAILING_FORMS: &[&str] = &[
    "S DE RL DE CV",
    "S DE R L DE C V",
    "S A B DE C V",
    "SAB DE CV",
    "S A DE C V",
    "SA DE CV",
    "SAPI DE CV",
    "S A P I DE C V",
    "SOCIEDAD ANONIMA CERRADA",
    "SOCIEDAD ANONIMA",
    "SOCIEDAD LIMITADA",
    "SP Z O O",
    "SP ZOO",
    "SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA",
    "JOINT STOCK COMPANY",
    "PUBLIC LIMITED COMPANY",
    "LIMITED LIABILITY COMPANY",
    "PROPRIETARY LIMITED",
    "PRIVATE LIMITED",
    "COMPANY LIMITED",
    "CO LIMITED",
    "CO LTD",
    "PTY LIMITED",
    "PTY LTD",
    "PVT LTD",
    "PTE LTD",
    "SDN BHD",
    "S A R L",
    "S R L",
    "S P A",
    "S A S",
    "S A C",
    "S A A",
    "L L C",
    "L L P",
    "B V",
    "N V",
    "A S",
    "A G",
    "S A",
    "S L",
    "S C",
    "E I R L",
    "GMBH CO KG",
    "GMBH AND CO KG",
    "CO KG",
    "AND CO",
    "AND COMPANY",
    "LIMITED",
    "LTD",
    "LTDA",
    "INC",
    "INCORPORATED",
    "CORP",
    "CORPORATION",
    "LLC",
    "LLP",
    "PLC",
    "GMBH",
    "AG",
    "KG",
    "SA",
    "SAS",
    "SARL",
    "SRL",
    "SPA",
    "SAC",
    "SAA",
    "EIRL",
    "EIRELI",
    "ME",
    "EPP",
    "BV",
    "NV",
    "PTY",
    "PTE",
    "PVT",
    "JSC",
    "PJSC",
    "OJSC",
    "CJSC",
    "OOO",
    "ZAO",
    "OAO",
    "AO",
    "TOO",
    "KFT",
    "ZRT",
    "OY",
    "OYJ",
    "AB",
    "AS",
    "ASA",
    "APS",
    "SL",
    "SLU",
    "SPRL",
    "BVBA",
    "SDN",
    "BHD",
    "TBK",
    "PT",
    "CV",
    "CO",
    "COMPANY",
    "TNHH",
    "FZE",
    "FZCO",
    "FZC",
    "FZ LLC",
    "WLL",
    "SAOG",
    "KSC",
    "LDA",
];

/// Vietnamese and Indonesian names put the legal form first (`CÔNG TY TNHH ...`, `PT ...`).
const LEADING_FORMS: &[&str] = &["CONG TY TNHH MTV", "CONG TY TNHH", "CONG TY CO PHAN", "CONG TY CP", "CONG TY", "PT", "THE"];

/// Chinese legal forms at the end of a name.
const CJK_SUFFIXES: &[&str] = &["股份有限公司", "有限责任公司", "有限公司", "公司"];

/// The matching key of a raw company name.
pub fn company_key(raw: &str) -> CompanyKey {
    let folded: String = raw.nfkc().collect::<String>().nfkd().filter(|c| !is_combining_mark(*c)).collect();
    let mut text = folded.to_uppercase().replace(['&', '＆', '+'], " AND ").replace('Đ', "D");
    // Chinese suffixes are not space-separated: cut them from the string, repeatedly.
    loop {
        let trimmed = text.trim_end_matches(|c: char| !c.is_alphanumeric());
        match CJK_SUFFIXES.iter().find(|s| trimmed.ends_with(**s) && trimmed.len() > s.len()) {
            Some(s) => text = trimmed[..trimmed.len() - s.len()].to_string(),
            None => break,
        }
    }
    let tokens: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_string).collect();
    let stripped = strip_forms(&tokens);
    let kept = if stripped.is_empty() { &tokens[..] } else { stripped };
    CompanyKey(kept.join(" "))
}

fn strip_forms(tokens: &[String]) -> &[String] {
    let mut slice = tokens;
    'leading: loop {
        for form in LEADING_FORMS {
            let words: Vec<&str> = form.split(' ').collect();
            if slice.len() > words.len() && slice.iter().zip(&words).all(|(t, w)| t == w) {
                slice = &slice[words.len()..];
                continue 'leading;
            }
        }
        break;
    }
    'trailing: loop {
        for form in TRAILING_FORMS {
            let words: Vec<&str> = form.split(' ').collect();
            if slice.len() > words.len() && slice[slice.len() - words.len()..].iter().zip(&words).all(|(t, w)| t == w) {
                slice = &slice[..slice.len() - words.len()];
                continue 'trailing;
            }
        }
        // A dangling "AND" left by "X AND CO".
        if slice.len() > 1 && slice[slice.len() - 1] == "AND" {
            slice = &slice[..slice.len() - 1];
            continue;
        }
        break;
    }
    slice
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> String {
        company_key(raw).0
    }

    #[test]
    fn spellings_of_one_company_share_a_key() {
        let same =
            ["Acme Trading Co., Ltd.", "ACME TRADING CO LTD", "ACME TRADING COMPANY LIMITED", "Acme  Trading Co. Ltd", "ACME TRADING LTD."];
        for s in same {
            assert_eq!(key(s), "ACME TRADING", "{s}");
        }
        assert_eq!(key("Müller & Söhne GmbH"), "MULLER AND SOHNE");
        assert_eq!(key("MULLER AND SOHNE GMBH & CO. KG"), "MULLER AND SOHNE");
        assert_eq!(key("GRUPO LAMOSA S.A.B. DE C.V."), key("GRUPO LAMOSA SAB DE CV"));
        assert_eq!(key("BUILDERS TRADE DEPOT BOTSWANA PTY LIMITED"), key("BUILDERS TRADE DEPOT BOTSWANA PROPRIETARY LIMITED"));
        assert_eq!(key("CÔNG TY TNHH GẠCH MEN Ý MỸ"), "GACH MEN Y MY");
        assert_eq!(key("宁波海星五金有限公司"), "宁波海星五金");
        assert_eq!(key("宁波海星五金股份有限公司"), "宁波海星五金");
        assert_eq!(key("ＡＣＭＥ　ＴＲＡＤＩＮＧ"), "ACME TRADING");
    }

    #[test]
    fn different_entities_keep_different_keys() {
        assert_eq!(key("KIWI TIMBER PTY LTD"), "KIWI TIMBER");
        assert_eq!(key("KIWI TIMBER NZ LIMITED"), "KIWI TIMBER NZ");
        assert_ne!(key("AGH INDUSTRIAL JSC 11 3834"), key("AGH INDUSTRIAL LLC 11 3834"));
        assert_ne!(key("ACME GMBH"), key("ACME FRANCE SAS"));
        // A name that is nothing but a legal form is never emptied.
        assert_eq!(key("LIMITED"), "LIMITED");
        assert!(!key("CO LTD").is_empty());
    }
}
