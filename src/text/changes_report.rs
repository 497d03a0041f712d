//! Texts of the monthly "what changed" briefing (`report --kind changes`): its title, sections,
//! columns and the sentences that carry its counts.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    // ── the title block ──
    ("chg.title", "Monthly customer changes", "本月客户变化"),
    ("chg.dates", "From {since} to {as_of}", "{since} 至 {as_of}"),
    (
        "chg.summary",
        "Worse: {worse} · Better: {better} · New risk signals: {signals} · Tier changes: {tiers}",
        "健康度变差 {worse} 位 · 好转 {better} 位 · 新增风险信号 {signals} 个 · 分级变化 {tiers} 位",
    ),
    (
        "chg.since_after",
        "The comparison date ({since}) must come before the report's date ({as_of}).",
        "对比日期（{since}）必须早于报告日期（{as_of}）。",
    ),
    // ── columns ──
    ("chg.col.customer", "Customer", "客户"),
    ("chg.col.was", "Was", "原来"),
    ("chg.col.now", "Now", "现在"),
    ("chg.col.sales", "Our sales, 12 months", "近12个月销售额"),
    ("chg.col.why", "Why", "原因"),
    ("chg.col.signal", "Signal", "信号"),
    ("chg.col.move", "Change", "变化"),
    ("chg.col.to_date", "12 months to {date}", "{date} 前12个月"),
    ("chg.col.change", "Change", "增减额"),
    ("chg.col.change_pct", "Change %", "增减幅度"),
    // ── health levels ──
    ("chg.sec.levels", "Health level changes", "健康度变化"),
    ("chg.levels.none", "No customer changed level.", "没有客户的健康度发生变化。"),
    ("chg.reason.none", "No risk signal now", "目前没有风险信号"),
    ("chg.more", "…and {n} more", "……另有 {n} 位客户"),
    ("chg.more_short", "{n} more", "另有 {n} 位"),
    ("chg.more_smaller", "…and {n} more with less of our sales", "……另有 {n} 位我司销售额较小的客户"),
    ("chg.reason.above", "As under health level changes above", "见上方健康度变化"),
    // ── new signals ──
    ("chg.sec.signals", "New signals", "新出现的信号"),
    ("chg.more_signals", "…and {n} more", "……另有 {n} 个信号"),
    // ── tiers ──
    ("chg.sec.tiers", "Tier changes", "分级变化"),
    ("chg.tier.up", "Up", "升级"),
    ("chg.tier.down", "Down", "降级"),
    ("chg.tier.new", "New customer", "新客户"),
    ("chg.tier.gone", "Stopped buying", "已停止采购"),
    // ── the watchlist and the candidates ──
    ("chg.sec.lists", "Core watchlist and upgrade candidates", "核心客户名单与升级候选"),
    ("chg.watch.on", "Newly on the core watchlist", "新进核心客户名单"),
    ("chg.watch.off", "Off the core watchlist", "移出核心客户名单"),
    ("chg.candidates", "New upgrade candidates", "新增升级候选"),
    ("chg.lists.text", "Our sales over the last 12 months in brackets.", "括号内为近12个月我司销售额。"),
    ("chg.list", "{title}: {names}", "{title}：{names}"),
    ("chg.named", "{name} ({sales})", "{name}（{sales}）"),
    // ── sales moves ──
    ("chg.sec.moves", "Largest moves in our sales", "我司销售额变化最大的客户"),
];
