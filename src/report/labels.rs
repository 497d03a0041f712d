//! The reports' own words, English and Chinese: titles, headings, column names and the sentences that
//! carry figures (`{name}` placeholders). Kept here, not in the window's table, because `report`
//! never depends on `ui`; texts the analyses write (explanations, the playbook) come in both
//! languages already.

use crate::model::Lang;

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
];

/// The text of `key` in `lang` (the key itself, and a failed debug assertion, when it is missing).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match LABELS.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, zh)) => lang.pick(en, zh),
        None => {
            debug_assert!(false, "no report label {key}");
            key
        }
    }
}

/// The text of `key` with its `{name}` placeholders filled in.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    args.iter().fold(t(lang, key).to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), &value.to_string()))
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

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(tf(Lang::En, "page", &[("n", &2), ("m", &5)]), "page 2 / 5");
        assert_eq!(tf(Lang::Zh, "page", &[("n", &2), ("m", &5)]), "第 2 / 5 页");
    }
}
