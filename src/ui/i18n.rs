//! The one translation table: every user-visible string of the window, in English and Chinese.
//!
//! Screens ask for text by key (`tr(lang, "nav.dashboard")`); a placeholder `{name}` is filled by
//! [`trf`]. A test fails when a key used in `src/ui` is missing here or lacks either language, so a
//! forgotten translation cannot ship. Analysis results carry their own `_en`/`_zh` texts.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The language a locale tag such as `zh-CN`, `zh_Hans` or `en-US` asks for.
    pub fn from_locale(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
    }

    /// The system's language (Chinese for any Chinese locale, English otherwise).
    pub fn system() -> Lang {
        sys_locale::get_locale().map_or(Lang::En, |tag| Lang::from_locale(&tag))
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The text for a key; the key itself when it is missing (a test keeps that from happening).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    match table().get(key) {
        Some((en, zh)) => lang.pick(en, zh),
        None => {
            debug_assert!(false, "missing translation key {key}");
            "?"
        }
    }
}

/// The text for a key with `{name}` placeholders filled.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut text = tr(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| TEXTS.iter().map(|&(k, en, zh)| (k, (en, zh))).collect())
}

/// Key, English, Chinese. Grouped by screen.
pub const TEXTS: &[(&str, &str, &str)] = &[
    // ── app and navigation ──
    ("app.title", "Customs Radar", "海关客户雷达"),
    ("nav.dashboard", "Dashboard", "总览"),
    ("nav.customers", "Customers", "客户"),
    ("nav.growth", "Cross-sell & groups", "交叉销售与集团"),
    ("nav.tiers", "Tiers", "客户分级"),
    ("nav.import", "Import", "导入"),
    ("nav.settings", "Settings", "设置"),
    ("nav.language", "中文", "English"),
    ("nav.theme_dark", "Dark", "深色"),
    ("nav.theme_light", "Light", "浅色"),
    ("app.workspace", "Workspace: {path}", "工作区：{path}"),
    ("app.demo_badge", "Demo data (synthetic)", "演示数据（合成）"),
    ("app.working", "Working…", "处理中…"),
    ("app.loading", "Loading the workspace…", "正在载入工作区…"),
    ("app.computing", "Computing…", "正在计算…"),
    ("app.cancel", "Cancel", "取消"),
    ("app.error", "Error", "错误"),
    ("app.dismiss", "Dismiss", "关闭"),
    ("app.drop_here", "Drop customs files to import them", "松开鼠标即可导入海关数据文件"),
    ("app.as_of", "as of {date}", "截至 {date}"),
    ("app.no_data", "No data yet", "暂无数据"),
    ("app.need_me", "Tell the app which supplier is your company (Settings → Our company) to see health, tiers and cross-sell.", "请先在“设置 → 本公司”中指定哪个供应商是贵公司，才能看到健康度、分级和交叉销售。"),
    ("app.back", "← Back", "← 返回"),
    ("app.search", "Search", "搜索"),
    ("app.export_xlsx", "Export .xlsx", "导出 .xlsx"),
    ("app.export_csv", "Export .csv", "导出 .csv"),
    ("app.exported", "Saved {path}", "已保存 {path}"),
    ("app.rows", "{n} rows", "{n} 行"),
    // ── common words ──
    ("level.green", "Green", "绿色"),
    ("level.yellow", "Yellow", "黄色"),
    ("level.orange", "Orange", "橙色"),
    ("level.red", "Red", "红色"),
    ("col.customer", "Customer", "客户"),
    ("col.country", "Country", "国家"),
    ("col.level", "Health", "健康度"),
    ("col.tier", "Tier", "等级"),
    ("col.score", "Score", "得分"),
    ("col.our_sales", "Our sales 12m", "近12月我司销售额"),
    ("col.wallet", "Category 12m", "近12月品类采购额"),
    ("col.share", "Our share", "我司份额"),
    ("col.trend", "Our sales, 8 quarters", "我司销售额（8个季度）"),
    ("col.signals", "Signals", "信号"),
    ("col.why", "Why", "原因"),
    ("col.hs", "HS code", "HS编码"),
    ("col.product", "Product", "产品"),
    ("col.value_12m", "Value 12m", "近12月金额"),
    ("col.growth", "Growth", "增长"),
    ("col.opportunity", "Opportunity / yr", "年机会额"),
    ("col.suppliers", "Suppliers", "供应商"),
    ("col.unit_value", "USD/kg", "美元/公斤"),
    ("col.reason", "Reason", "关联原因"),
    ("col.group", "Group", "集团"),
    ("col.members", "Members", "成员"),
    ("col.core", "Core", "核心"),
    // ── welcome ──
    ("welcome.title", "Welcome to Customs Radar", "欢迎使用海关客户雷达"),
    ("welcome.lead", "Drop your customs-data spreadsheets here (.xlsx .xls .csv …) — or look around with the demo data first.", "把海关数据表格（.xlsx .xls .csv 等）拖到这里，或者先用演示数据看看。"),
    ("welcome.drop", "Drop files here", "拖放文件到这里"),
    ("welcome.choose", "Choose files…", "选择文件…"),
    ("welcome.demo", "Open demo data", "打开演示数据"),
    ("welcome.demo_note", "A synthetic Ningbo fastener exporter with 350 customers over four years.", "一家合成的宁波紧固件出口商：350 个客户，四年数据。"),
    ("welcome.building_demo", "Building the demo data…", "正在生成演示数据…"),
    // ── dashboard ──
    ("dash.customers", "Customers of ours", "我司客户"),
    ("dash.our_sales", "Our sales, 12 months", "近12个月我司销售额"),
    ("dash.share", "Our share of their category", "我司在其品类中的份额"),
    ("dash.by_level", "By health", "按健康度"),
    ("dash.by_tier", "By tier", "按等级"),
    ("dash.alerts", "Alerts, worst first", "预警（由重到轻）"),
    ("dash.no_alerts", "No customer raises an alert.", "目前没有客户触发预警。"),
    ("dash.watchlist", "Core watchlist", "核心客户关注名单"),
    ("dash.watchlist_note", "{n} of {of} customers make up {share} of our sales", "{of} 个客户中的 {n} 个贡献了我司 {share} 的销售额"),
    ("dash.candidates", "Upgrade candidates", "升级候选客户"),
    ("dash.no_candidates", "No customer below A is taking off.", "暂无 A 级以下快速增长的客户。"),
    ("dash.opportunities", "Largest cross-sell opportunities", "最大的交叉销售机会"),
    // ── customers ──
    ("cust.filter", "Filter by name or country", "按名称或国家筛选"),
    ("cust.all_levels", "All levels", "全部健康度"),
    ("cust.all_tiers", "All tiers", "全部等级"),
    ("cust.count", "{n} of {of} customers", "共 {of} 个客户，显示 {n} 个"),
    ("cust.only_ours", "Only customers of ours", "仅我司客户"),
    ("cust.open_hint", "Click a customer to open it", "点击客户查看详情"),
    // ── cross-sell & groups ──
    ("growth.gaps", "Cross-sell gaps across the portfolio", "全部客户的交叉销售机会"),
    ("growth.gaps_note", "Related products our customers buy from others, largest opportunity first.", "客户从别家采购、与我司产品相关的商品，按机会额排序。"),
    ("growth.no_gaps", "No gaps found: customers buy nothing related from others.", "未发现机会：客户没有从别家采购相关产品。"),
    ("growth.groups", "Groups and referrals", "集团与转介绍"),
    ("growth.groups_note", "Members of a group that buy our kind of products only from others.", "同一集团中只从别家采购我司同类产品的成员。"),
    ("growth.no_groups", "No groups yet: suggestions appear when company names share a distinctive word.", "暂无集团：当公司名称有共同的特征词时会出现建议。"),
    ("growth.suggested", "Suggested", "建议"),
    ("growth.accept", "Accept", "接受"),
    ("growth.reject", "Reject", "拒绝"),
    ("growth.referral", "Referral value {value} / yr", "转介绍价值 {value} / 年"),
    ("growth.missing", "Not buying from us", "未向我司采购"),
    ("growth.former", "former customer", "老客户"),
    // ── customer detail (helper section) ──
    // ── tiers (helper section) ──
    // ── import (helper section) ──
    ("import.progress", "{rows} rows · {rate} rows/s · {detail}", "{rows} 行 · 每秒 {rate} 行 · {detail}"),
    // ── settings (helper section) ──
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_key_has_both_languages_once() {
        let mut seen = HashSet::new();
        for (key, en, zh) in TEXTS {
            assert!(seen.insert(key), "{key} is listed twice");
            assert!(!en.trim().is_empty(), "{key} lacks English");
            assert!(!zh.trim().is_empty(), "{key} lacks Chinese");
            let ph = |s: &str| s.match_indices('{').map(|(i, _)| s[i..].split('}').next().unwrap_or("").to_string()).collect::<Vec<_>>();
            let (mut a, mut b) = (ph(en), ph(zh));
            a.sort();
            b.sort();
            assert_eq!(a, b, "{key}: the two languages fill different placeholders");
        }
    }

    /// Every `tr(…, "key")`/`trf(…, "key", …)` in the UI sources names a key of the table.
    #[test]
    fn every_key_the_ui_uses_is_in_the_table() {
        let keys: HashSet<&str> = TEXTS.iter().map(|t| t.0).collect();
        let mut missing = Vec::new();
        let mut files = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui"))];
        let mut used = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).expect("read src/ui") {
                    files.push(entry.expect("entry").path());
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            for call in ["tr(", "trf("] {
                for (at, _) in text.match_indices(call) {
                    // The key is the first string literal after the language argument.
                    let rest = &text[at + call.len()..];
                    let Some(open) = rest.find('"') else { continue };
                    if rest[..open].contains(')') || rest[..open].contains(';') {
                        continue;
                    }
                    let key: String = rest[open + 1..].chars().take_while(|&c| c != '"').collect();
                    if key.contains('.') && !key.contains(' ') {
                        used += 1;
                        if !keys.contains(key.as_str()) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(used > 50, "the scan found only {used} keys: is it still reading the sources?");
        assert!(missing.is_empty(), "keys missing from the table: {missing:?}");
    }

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(Lang::from_locale("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_Hans_CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
        assert_eq!(Lang::from_locale("de-DE"), Lang::En);
        assert_eq!(trf(Lang::Zh, "app.rows", &[("n", &12)]), "12 行");
    }
}
