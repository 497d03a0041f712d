//! The reports' own words, English and Chinese: titles, headings, column names and the sentences that
//! carry figures (`{name}` placeholders). Kept here, not in the window's table, because `report`
//! never depends on `ui`; texts the analyses write (explanations, the playbook) come in both
//! languages already.

use crate::model::Lang;
use crate::model::lang::Texts;

/// Key, English, Chinese.
const LABELS: &[(&str, &str, &str)] = &[
    // ── every report ──
    ("report.health", "Customer health report", "核心客户季度健康度报告"),
    ("report.portfolio", "Portfolio report", "客户组合报告"),
    ("report.insight", "Industry insight brief", "行业洞察简报"),
    ("report.handover", "Handover report", "交接报告"),
    ("generated", "Generated {date} by Customs Radar", "海关客户雷达生成于 {date}"),
    ("page", "page {n} / {m}", "第 {n} / {m} 页"),
    ("period", "Period: {quarter} · 12 months from {from} to {to}", "报告期：{quarter} · 近12个月（{from} 至 {to}）"),
    ("quarter_partial", "{quarter} (to {date})", "{quarter}（截至 {date}）"),
    ("owner_line", "Owner: {owner} · Backup: {backup}", "负责人：{owner} · 副负责人：{backup}"),
    ("nobody", "not named", "未指定"),
    ("yes", "yes", "是"),
    ("new", "new", "新增"),
    ("level.green", "Green", "绿色"),
    ("level.yellow", "Yellow", "黄色"),
    ("level.orange", "Orange", "橙色"),
    ("level.red", "Red", "红色"),
    ("kind.share_decline", "Share decline", "份额下降"),
    ("kind.new_supplier", "New supplier", "新供应商"),
    ("kind.demand_gap", "Demand gap", "需求缺口"),
    ("kind.business_decline", "Business decline", "业务下滑"),
    ("kind.order_frequency_drop", "Fewer orders", "下单频率下降"),
    ("kind.growth_opportunity", "Growth opportunity", "增长机会"),
    // ── column names ──
    ("col.quarter", "Quarter", "季度"),
    ("col.code", "HS code", "HS编码"),
    ("col.product", "Product", "产品"),
    ("col.bought_12m", "Bought, 12 months", "近12个月采购"),
    ("col.prior_12m", "12 months before", "上一年"),
    ("col.growth", "Growth", "增长"),
    ("col.in_range", "Our range", "我司产品"),
    ("col.total", "Total imports", "进口总额"),
    ("col.yoy", "On a year earlier", "同比"),
    ("col.ours", "Our sales", "我司销售额"),
    ("col.share", "Our share", "我司份额"),
    ("col.main_supplier", "Main supplier", "主要供应商"),
    ("col.opportunity", "Opportunity / year", "机会额/年"),
    ("col.why", "Why related", "关联原因"),
    ("col.company", "Company", "公司"),
    ("col.country", "Country", "国家/地区"),
    ("col.category_12m", "Our kind of products, 12 months", "近12个月同类产品采购"),
    // ── health report ──
    ("level_title", "Health: {level}", "健康度：{level}"),
    ("level_title_play", "Health: {level} — {play}", "健康度：{level} — {play}"),
    (
        "reason_green",
        "No risk signal: its purchases, our share and its suppliers hold steady.",
        "没有风险信号：采购额、我司份额和供应商结构保持稳定。",
    ),
    ("fig.ours_12m", "Our sales, 12 months", "近12个月我司销售额"),
    ("fig.category_12m", "Its purchases of our kind of products, 12 months", "近12个月其同类产品采购额"),
    ("fig.share_12m", "Our share, 12 months", "近12个月我司份额"),
    ("fig.total_12m", "Its total imports, 12 months", "近12个月其进口总额"),
    ("fig.year_before", "a year earlier: {value}", "上年同期：{value}"),
    ("fig.change", "{change} on the 12 months before", "较上一年 {change}"),
    ("sec.dimensions", "The four dimensions", "四个维度"),
    ("sec.glance", "The four dimensions at a glance", "四个维度一览"),
    ("col.dimension", "Dimension", "维度"),
    ("col.now", "Last 12 months", "近12个月"),
    ("col.year_before", "The 12 before", "上一个12个月"),
    ("col.signal", "Signal", "信号"),
    ("glance.share", "Share: our share of its purchases of our kind of products", "份额：我司在其同类产品采购中的份额"),
    ("glance.suppliers", "Suppliers: how many at the period's end (HHI)", "供应商：期末供应商数（HHI）"),
    ("glance.demand", "Demand: its purchases of our kind of products", "需求：其同类产品采购额"),
    ("glance.business", "Business: its total imports", "经营：其进口总额"),
    ("glance.none", "none", "无"),
    ("dim.share", "1 · Share of its purchases", "1 · 份额"),
    ("dim.suppliers", "2 · Supplier structure", "2 · 供应商结构"),
    ("dim.demand", "3 · Demand by product", "3 · 产品需求"),
    ("dim.business", "4 · Its business and our order rhythm", "4 · 经营状况与下单节奏"),
    (
        "share.text",
        "Our share of its purchases of our kind of products: {q} in {quarter}, {y} over 12 months (a year earlier: {before}).",
        "我司在其同类产品采购中的份额：{quarter}为{q}，近12个月为{y}（上年同期：{before}）。",
    ),
    ("chart.ours", "Our sales", "我司销售额"),
    ("chart.category", "Its purchases of our kind of products", "其同类产品采购额"),
    ("chart.share_q", "Our share of the quarter (right)", "当季份额（右轴）"),
    ("chart.share_12m", "Our share, 12 months (right)", "近12个月份额（右轴）"),
    ("chart.partial", "* the quarter runs to the as-of date: not a whole quarter.", "* 该季度截至统计日期，并非完整季度。"),
    (
        "suppliers.text",
        "{count} suppliers in {quarter}; the largest holds {top}; concentration (HHI) {hhi}, where 1 is a single source.",
        "{quarter}共有{count}家供应商，最大一家占{top}；集中度（HHI）为{hhi}，1 表示单一货源。",
    ),
    ("suppliers.none", "No supplier is named in these quarters.", "这些季度没有记录供应商。"),
    ("suppliers.others", "Other suppliers", "其他供应商"),
    ("suppliers.us", "{name} (us)", "{name}（我司）"),
    ("suppliers.competitor", "{name} (competitor)", "{name}（竞争对手）"),
    ("suppliers.hhi", "HHI (concentration)", "HHI 集中度"),
    ("suppliers.new", "New suppliers in the last two years:", "近两年新出现的供应商："),
    ("suppliers.new_line", "{name}: first shipped {date}, {value} since{origin}", "{name}：{date} 首次发货，至今 {value}{origin}"),
    ("suppliers.origin", ", from {country}", "，来自 {country}"),
    ("suppliers.no_new", "No new suppliers in the last two years.", "近两年没有新供应商。"),
    (
        "demand.text",
        "It bought {n} product codes in the last 12 months, {new} of them new; {ours} are in our range. The fastest growing:",
        "近12个月共采购{n}个产品编码，其中{new}个为新增，{ours}个属于我司产品范围。增长最快的：",
    ),
    ("demand.none", "No purchases in the last 12 months.", "近12个月没有采购记录。"),
    (
        "business.text",
        "Its total imports: {now} in the last 12 months against {before} the year before ({change}).",
        "其进口总额：近12个月{now}，上一年{before}（{change}）。",
    ),
    (
        "business.rhythm",
        "Our last order: {date}, {days} days before the as-of date; it usually orders from us every {gap} days.",
        "我司最近订单：{date}，距统计日期{days}天；通常每{gap}天下单一次。",
    ),
    ("business.rhythm_no_gap", "Our last order: {date}, {days} days before the as-of date.", "我司最近订单：{date}，距统计日期{days}天。"),
    ("sec.signals", "Signals and playbook", "预警信号与应对方案"),
    ("signals.none", "No signals: the relationship looks healthy.", "没有预警信号：合作情况良好。"),
    ("signal.title", "{kind} · {severity} · since {date}", "{kind} · {severity} · 始于 {date}"),
    ("playbook.title", "Playbook: {title}", "应对方案：{title}"),
    ("playbook.script", "How to open the conversation", "开场话术"),
    ("playbook.points", "Talking points from its figures", "基于客户数据的沟通要点"),
    ("sec.crosssell", "Cross-sell opportunities", "交叉销售机会"),
    (
        "crosssell.text",
        "Related products it buys from others: {n}. At its usual share of our products ({share}), about {value} a year could come to us.",
        "该客户从别家采购{n}种相关产品：按其对我司产品的一贯份额（{share}），每年约有{value}的机会。",
    ),
    ("crosssell.none", "No cross-sell gaps: it buys nothing related from others.", "没有交叉销售机会：该客户没有从别家采购相关产品。"),
    ("sec.groups", "Group siblings", "同集团公司"),
    ("groups.none", "Not in any group.", "不属于任何集团。"),
    ("groups.title", "Group: {name}", "集团：{name}"),
    ("groups.suggested", "Group: {name} (suggested from the names)", "集团：{name}（根据名称建议）"),
    (
        "groups.referral",
        "{name} buys {value} a year of our kind of products, only from others{suppliers}.",
        "{name}每年采购{value}同类产品，全部来自别家{suppliers}。",
    ),
    ("groups.mostly", ", mostly from {supplier}", "，主要来自{supplier}"),
    ("sec.actions", "Next actions", "下一步行动"),
    (
        "action.gap",
        "Offer {product} (HS {code}): it buys {value} a year of it from others; the opportunity is about {opportunity} a year.",
        "向客户推荐{product}（HS {code}）：其每年从别家采购{value}，机会额约每年{opportunity}。",
    ),
    (
        "action.referral",
        "Ask for an introduction to {name} in the {group} group: it buys {value} a year of our kind of products from others.",
        "请客户引荐{group}集团的{name}：其每年从别家采购{value}同类产品。",
    ),
    ("action.keep", "Keep the relationship as it is: regular contact and the usual service.", "保持现有合作：定期联系，维持服务水平。"),
    ("action.review", "Review this customer again when {quarter} ends.", "{quarter}结束后再次复盘该客户。"),
    // ── portfolio report ──
    ("pf.tiers_line", "Tiers by the weight profile {profile}: {rules}", "分级依据权重方案 {profile}：{rules}"),
    ("pf.fig.customers", "Customers", "客户数"),
    ("pf.fig.customers_note", "bought from us in the last two years", "近两年向我司采购"),
    ("pf.fig.share", "Our share of their purchases, 12 months", "近12个月我司份额"),
    ("pf.fig.share_note", "of {value} of our kind of products", "同类产品采购共 {value}"),
    ("pf.fig.core", "Core watchlist", "核心关注名单"),
    ("pf.fig.core_note", "customers making up {share} of our sales", "占我司销售额的 {share}"),
    ("pf.sec.levels", "Health levels and tiers", "健康度与客户分级"),
    (
        "pf.levels.text",
        "Customers at orange or red: {n}, with {sales} of our sales in the last 12 months ({share}).",
        "处于橙色或红色的客户：{n}家，近12个月我司对其销售额{sales}（占{share}）。",
    ),
    ("pf.level_note", "{sales} of our sales, 12 months", "近12个月销售额 {sales}"),
    ("pf.tiers", "Tiers and their health levels", "各等级客户的健康度"),
    ("col.tier", "Tier", "等级"),
    ("col.customers", "Customers", "客户数"),
    ("col.share_of_sales", "Share of our sales", "占我司销售额"),
    ("col.level", "Health", "健康度"),
    ("col.reason", "Why", "原因"),
    ("col.score", "Score", "得分"),
    ("col.growth_6m", "6-month growth", "近6个月增长"),
    ("pf.sec.alerts", "Alerts, worst first", "预警客户（由重到轻）"),
    (
        "pf.alerts.text",
        "Customers at yellow, orange or red: {n}. The worst first, then the largest; the reason is the worst signal's.",
        "处于黄色、橙色或红色的客户：{n}家。由重到轻排列，同级按我司销售额排列；原因取最严重的信号。",
    ),
    ("pf.alerts.none", "No alerts: every customer is green.", "没有预警：所有客户均为绿色。"),
    (
        "pf.more",
        "{n} more, with {sales} of our sales over 12 months, are listed in Customs Radar.",
        "另有{n}家（近12个月我司销售额共{sales}）可在海关客户雷达中查看。",
    ),
    ("pf.sec.watchlist", "Core watchlist", "核心关注名单"),
    (
        "pf.watchlist.text",
        "The largest customers making up {share} of our sales over 12 months: {n} of {of}, largest first.",
        "占近12个月我司销售额{share}的最大客户：{of}家中的{n}家，按销售额排列。",
    ),
    ("pf.watchlist.none", "No sales in the last 12 months: the watchlist is empty.", "近12个月没有销售：核心关注名单为空。"),
    ("pf.sec.candidates", "Upgrade candidates", "升级候选客户"),
    (
        "pf.candidates.text",
        "Customers below tier A whose business with us is taking off: {n}. They may deserve more attention before their score catches up.",
        "与我司业务快速增长的A级以下客户：{n}家。在得分跟上之前，值得给予更多关注。",
    ),
    (
        "pf.candidates.none",
        "No upgrade candidates: no customer below tier A is taking off.",
        "没有升级候选客户：A级以下客户中没有业务快速增长的。",
    ),
    // ── industry insight brief ──
    ("in.prepared", "Prepared for you by {firm}", "{firm} 为贵司编制"),
    (
        "in.intro",
        "This brief follows the markets of the product codes you import most ({n}), over the last eight whole quarters: how much is imported, who supplies it and how their shares moved, which suppliers are new, and unit values as a price signal.",
        "本简报跟踪贵司进口最多的{n}个产品编码的市场（近八个完整季度）：进口规模、供应商及其份额变化、新进入的供应商，以及作为价格信号的单价。",
    ),
    (
        "in.none",
        "No imports are recorded for this company in the two years to the report's date: there is no market to follow yet.",
        "截至报告日期的两年内没有该公司的进口记录：暂无可跟踪的市场。",
    ),
    ("in.sec.highlights", "Highlights", "要点"),
    (
        "in.highlight",
        "HS {code}, {scope}: {value} imported in the last 12 months ({change} on the year before); unit value {unit} ({unit_change}).",
        "HS {code}，{scope}：近12个月进口{value}（较上一年{change}）；单价{unit}（{unit_change}）。",
    ),
    ("in.highlight_entrants", " New suppliers: {n}.", "新进入供应商{n}家。"),
    ("in.market_title", "{n} · HS {code}", "{n} · HS {code}"),
    ("in.file_words", " · in the records: {words}", " · 报关品名：{words}"),
    ("in.scope_country", "imports into {country}", "进口至{country}"),
    ("in.scope_all", "imports into every country in the records", "记录中所有国家的进口"),
    ("in.fig.imports", "Imports, 12 months", "近12个月进口额"),
    ("in.fig.unit", "Unit value, 12 months", "近12个月单价"),
    ("in.fig.suppliers", "Suppliers in {quarter}", "{quarter}供应商数"),
    ("in.fig.buyers", "buyers: {n}", "买家：{n}家"),
    ("in.fig.yours", "Your imports, 12 months", "贵司近12个月进口额"),
    ("in.fig.yours_note", "{share} of the market", "占市场{share}"),
    ("in.chart.imports", "Imports by quarter", "季度进口额"),
    ("in.chart.unit", "USD per kg by quarter", "季度单价（美元/千克）"),
    ("in.sub.suppliers", "Suppliers and their shares", "供应商及份额变化"),
    ("in.no_suppliers", "No supplier is named in the last 12 months.", "近12个月没有记录供应商。"),
    ("col.supplier", "Supplier", "供应商"),
    ("col.sales_12m", "Sales, 12 months", "近12个月销售额"),
    ("col.market_share", "Share", "份额"),
    ("col.share_before", "A year before", "上年份额"),
    ("col.points", "Change (points)", "百分点变化"),
    ("col.unit_value", "USD/kg", "美元/千克"),
    ("in.gained", "{name} gained the most: from {before} to {now} of the market.", "{name}份额增幅最大：从{before}升至{now}。"),
    ("in.lost", "{name} lost the most: from {before} to {now}.", "{name}份额降幅最大：从{before}降至{now}。"),
    ("in.steady", "Every supplier's share is within a point of the year before.", "各供应商份额与上年相比变化均在1个百分点以内。"),
    ("in.sub.entrants", "New entrants", "新进入者"),
    (
        "in.entrants.unknown",
        "The records of this code do not reach far enough back to tell which suppliers are new.",
        "该编码的记录时间不够长，无法判断哪些供应商是新进入者。",
    ),
    ("in.entrants.none", "No new supplier entered this market in the last 12 months.", "近12个月没有新供应商进入该市场。"),
    (
        "in.entrant",
        "{name}: first shipment {date}; {value} since, buyers reached: {buyers}.",
        "{name}：{date}首次发货，此后销售{value}，覆盖买家{buyers}家。",
    ),
    ("in.had", "{name} (had {share})", "{name}（原占{share}）"),
    ("in.departed", "Stopped supplying in the last 12 months: {names}.", "近12个月停止供货：{names}。"),
    ("in.sec.about", "About these figures", "数据说明"),
    (
        "in.about",
        "The figures come from customs import records held by {firm}, up to {date}. Quarters are whole calendar quarters (a quarter still running is left out); unit values are US dollars per kilogram over the shipments that state a weight; shares are of the market's imports by value.",
        "数据来自{firm}掌握的海关进口记录，截至{date}。季度为完整的自然季度（未结束的季度不计入）；单价为有重量记录的货物每千克美元价；份额按进口金额计算。",
    ),
    // ── handover report ──
    ("ho.fig.since", "Customer since", "合作起始"),
    ("ho.fig.total", "{value} of our sales in all", "累计销售额 {value}"),
    ("ho.fig.last", "Its last order from us", "最近一次订单"),
    ("ho.fig.usual", "usually every {days} days", "通常每{days}天下单"),
    ("ho.sec.account", "Account and contacts", "客户档案与联系人"),
    ("ho.field", "Account", "项目"),
    ("ho.value", "Details", "内容"),
    ("ho.owner", "Owner", "负责人"),
    ("ho.backup", "Backup owner", "副负责人"),
    ("ho.spellings", "Other names in the records", "记录中的其他名称"),
    ("ho.no_other_names", "none: the records always use this name", "无：记录中始终使用该名称"),
    ("ho.contacts", "Contacts", "联系人"),
    (
        "ho.contacts.none",
        "No contacts are recorded: ask the owner for them before the handover.",
        "没有记录联系人：请在交接前向负责人索取。",
    ),
    ("ho.sec.history", "History and figures", "合作历史与数据"),
    (
        "ho.history.text",
        "We have sold to it since {since}: {total} in all; {now} in the last 12 months against {before} the 12 before ({change}).",
        "自{since}起向该客户销售，累计{total}；近12个月{now}，上一年{before}（{change}）。",
    ),
    ("ho.by_quarter", "Quarter by quarter", "分季度数据"),
    ("ho.history.none", "No records of it to the report's date.", "截至报告日期没有该客户的记录。"),
    ("ho.sec.notes", "Notes", "跟进记录"),
    ("ho.notes.none", "No notes are recorded for this customer.", "该客户没有跟进记录。"),
    ("ho.sec.suggestions", "Suggestions for the new owner", "给新负责人的建议"),
    (
        "ho.sugg.intro",
        "Ask {owner} to introduce you to the contacts above, in person or on a call, before the handover.",
        "请{owner}在交接前把您介绍给上述联系人（当面或电话）。",
    ),
    (
        "ho.sugg.intro_no_contacts",
        "Ask {owner} for the customer's contacts (none are recorded) and to introduce you to them.",
        "向{owner}索取客户联系人（目前没有记录），并请其引荐。",
    ),
    (
        "ho.sugg.intro_nobody",
        "No owner is named: find out who last spoke to the customer and ask them for the contacts.",
        "未指定负责人：请找到最近与客户联系的同事，向其索取联系人。",
    ),
    (
        "ho.sugg.notes",
        "Read the notes above ({n}) before the first call; the latest is from {date}.",
        "首次联系前请阅读上述跟进记录（{n}条），最近一条为{date}。",
    ),
    ("ho.sugg.no_notes", "Start the notes with your first call: nothing is recorded yet.", "从首次联系开始记录跟进：目前没有任何记录。"),
    (
        "ho.sugg.risk",
        "Raise the \"{kind}\" signal (since {date}) in your first conversation, with the playbook's opening and talking points above.",
        "首次沟通时提出“{kind}”信号（始于{date}），使用上文应对方案的开场话术和沟通要点。",
    ),
    (
        "ho.sugg.growth",
        "Follow up the \"{kind}\" (since {date}): offer the service its growth deserves.",
        "跟进“{kind}”（始于{date}）：为其增长提供相应的服务。",
    ),
    ("ho.sugg.backup", "Keep {backup}, the backup owner, informed of every step.", "每一步都同步给副负责人{backup}。"),
];

static TABLE: Texts = Texts::new(LABELS);

/// The text of `key` in `lang` ("?" and a failed debug assertion when it is missing).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    TABLE.get(lang, key)
}

/// The text of `key` with its `{name}` placeholders filled in.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    TABLE.fill(lang, key, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::Face;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{').skip(1).filter_map(|s| s.split('}').next()).collect()
    }

    #[test]
    fn every_label_has_both_languages_with_the_same_placeholders() {
        let mut keys = BTreeSet::new();
        for (key, en, zh) in LABELS {
            assert!(keys.insert(*key), "{key} twice");
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key}");
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || en == zh, "{key}: Chinese text expected");
            assert_eq!(placeholders(en), placeholders(zh), "{key}");
        }
    }

    #[test]
    fn the_embedded_font_draws_every_label() {
        let face = Face::embedded().expect("font");
        let missing: Vec<(char, &str)> =
            LABELS.iter().flat_map(|(k, en, zh)| en.chars().chain(zh.chars()).filter(|c| !face.covers(*c)).map(move |c| (c, *k))).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    /// Every `prefix.name` string in the reports' code whose prefix the table uses is in the table:
    /// a missing label would print its key (the debug assertion only fires on the paths a test takes).
    #[test]
    fn every_key_the_code_names_is_in_the_table() {
        fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("src/report").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(&path).expect("source"));
                }
            }
        }
        let mut texts = Vec::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report"), &mut texts);
        let prefixes: BTreeSet<&str> = LABELS.iter().filter_map(|(k, _, _)| k.split_once('.').map(|(p, _)| p)).collect();
        let keys: BTreeSet<&str> = LABELS.iter().map(|(k, _, _)| *k).collect();
        let is_key = |s: &str| {
            s.split_once('.').is_some_and(|(p, rest)| {
                prefixes.contains(p)
                    && !rest.is_empty()
                    && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c))
            })
        };
        let named: BTreeSet<&str> = texts.iter().flat_map(|t| t.split('"').skip(1).step_by(2)).filter(|s| is_key(s)).collect();
        assert!(named.len() > 50, "the scan finds the keys: {named:?}");
        let missing: Vec<&&str> = named.iter().filter(|k| !keys.contains(**k)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(tf(Lang::En, "page", &[("n", &2), ("m", &5)]), "page 2 / 5");
        assert_eq!(tf(Lang::Zh, "page", &[("n", &2), ("m", &5)]), "第 2 / 5 页");
    }
}
