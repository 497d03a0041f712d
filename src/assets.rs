//! Files built into the executable, kept in one place so the window and the reports share one copy.

/// The embedded subset of Noto Sans SC Regular (assets/fonts, SIL OFL 1.1): GB2312, Latin, punctuation.
/// CFF outlines; about 3 MB, so it is included once for the window and the PDF reports alike.
pub const NOTO_SANS_SC_SUBSET: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular-subset.otf");
