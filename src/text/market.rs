//! Texts of market position: the customer page's line, the health report's, their standings.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    (
        "market.line",
        "Market position: number {rank} of {n} importers of our kind of products into {country}, {share} of them (a year before: {before}) — {standing}.",
        "市场地位：在{country}进口我司同类产品的 {n} 家进口商中排第 {rank}，占 {share}（上一年：{before}）——{standing}。",
    ),
    (
        "market.line_thin",
        "Market position: the files hold only {n} importers of our kind into {country}, too few to tell.",
        "市场地位：文件中{country}进口我司同类产品的进口商只有 {n} 家，无法判断。",
    ),
    ("market.leader", "a leader", "领先者"),
    ("market.riser", "rising", "上升者"),
    ("market.fading", "fading", "衰退者"),
    ("market.steady", "holding its place", "地位稳定"),
    ("market.thin", "too thin a market to tell", "市场数据太少"),
];
