//! Fonts: Chinese must render on every machine.
//!
//! The embedded subset of Noto Sans SC (assets/fonts, SIL OFL 1.1) is installed at once, so the first
//! frame already shows Chinese. The system's own CJK font (Microsoft YaHei, PingFang, Noto CJK) is read
//! on a background thread — it is a large file and the UI thread does no file I/O — and then put in
//! front of the subset, because it covers every character (traditional ones too) and matches the
//! platform's look.

use egui::{FontData, FontDefinitions, FontFamily};
use std::path::Path;
use std::sync::Arc;

/// The embedded subset (GB2312, Latin, punctuation).
pub const EMBEDDED_CJK: &[u8] = crate::assets::NOTO_SANS_SC_SUBSET;

/// System CJK fonts to try, in order, with the face index of Simplified Chinese in the file.
const SYSTEM_CJK: &[(&str, u32)] = &[
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttf", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", 0),
];

/// Font definitions: egui's defaults, then an optional system CJK font, then the embedded subset.
pub fn definitions(system: Option<FontData>) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mut names = Vec::new();
    if let Some(data) = system {
        fonts.font_data.insert("system-cjk".into(), Arc::new(data));
        names.push("system-cjk");
    }
    fonts.font_data.insert("noto-sans-sc".into(), Arc::new(FontData::from_static(EMBEDDED_CJK)));
    names.push("noto-sans-sc");
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        for name in &names {
            list.push((*name).to_string());
        }
    }
    fonts
}

/// Installs the embedded font now and the system's CJK font when it has been read.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions(None));
    let ctx = ctx.clone();
    // Without the thread the embedded font still renders every Chinese label, so a failure to
    // spawn it only costs the system font's look.
    let _ = std::thread::Builder::new().name("system-cjk-font".into()).spawn(move || {
        if let Some(data) = read_system_cjk() {
            ctx.set_fonts(definitions(Some(data)));
            ctx.request_repaint();
        }
    });
}

/// The first system CJK font found.
fn read_system_cjk() -> Option<FontData> {
    SYSTEM_CJK.iter().find_map(|(path, index)| {
        let path = Path::new(path);
        let bytes = std::fs::read(path).ok()?;
        let mut data = FontData::from_owned(bytes);
        data.index = *index;
        Some(data)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_follows_the_default_fonts() {
        let defs = definitions(None);
        let proportional = &defs.families[&FontFamily::Proportional];
        assert_eq!(proportional.last().map(String::as_str), Some("noto-sans-sc"));
        assert!(proportional.len() > 1, "egui's own Latin font stays first");
        let with_system = definitions(Some(FontData::from_static(EMBEDDED_CJK)));
        let names = &with_system.families[&FontFamily::Proportional];
        let pos = |n: &str| names.iter().position(|x| x == n);
        assert!(pos("system-cjk") < pos("noto-sans-sc"), "the system font is preferred to the subset");
    }
}
