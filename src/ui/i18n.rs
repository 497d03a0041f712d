//! The one translation table: every user-visible string of the window, in English and Chinese.
//!
//! Screens ask for text by key (`tr(lang, "nav.dashboard")`); a placeholder `{name}` is filled by
//! [`trf`]. A test fails when a key used in `src/ui` is missing here or lacks either language, so a
//! forgotten translation cannot ship. Analysis results carry their own `_en`/`_zh` texts.

pub use crate::model::Lang;
use crate::model::lang::Texts;

/// The system's language (Chinese for any Chinese locale, English otherwise).
pub fn system_lang() -> Lang {
    sys_locale::get_locale().map_or(Lang::En, |tag| Lang::from_locale(&tag))
}

/// The text for a key (a test keeps keys from going missing).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    TABLE.get(lang, key)
}

/// The text for a key with `{name}` placeholders filled.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    TABLE.fill(lang, key, args)
}

static TABLE: Texts = Texts::new(TEXTS);

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
    (
        "app.need_me",
        "Tell the app which supplier is your company (Settings → Our company) to see health, tiers and cross-sell.",
        "请先在“设置 → 本公司”中指定哪个供应商是贵公司，才能看到健康度、分级和交叉销售。",
    ),
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
    (
        "welcome.lead",
        "Drop your customs-data spreadsheets here (.xlsx .xls .csv …) — or look around with the demo data first.",
        "把海关数据表格（.xlsx .xls .csv 等）拖到这里，或者先用演示数据看看。",
    ),
    ("welcome.drop", "Drop files here", "拖放文件到这里"),
    ("welcome.choose", "Choose files…", "选择文件…"),
    ("welcome.demo", "Open demo data", "打开演示数据"),
    (
        "welcome.demo_note",
        "A synthetic Ningbo fastener exporter with 350 customers over four years.",
        "一家合成的宁波紧固件出口商：350 个客户，四年数据。",
    ),
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
    (
        "growth.gaps_note",
        "Related products our customers buy from others, largest opportunity first.",
        "客户从别家采购、与我司产品相关的商品，按机会额排序。",
    ),
    ("growth.no_gaps", "No gaps found: customers buy nothing related from others.", "未发现机会：客户没有从别家采购相关产品。"),
    ("growth.groups", "Groups and referrals", "集团与转介绍"),
    (
        "growth.groups_note",
        "Members of a group that buy our kind of products only from others.",
        "同一集团中只从别家采购我司同类产品的成员。",
    ),
    (
        "growth.no_groups",
        "No groups yet: suggestions appear when company names share a distinctive word.",
        "暂无集团：当公司名称有共同的特征词时会出现建议。",
    ),
    ("growth.suggested", "Suggested", "建议"),
    ("growth.accept", "Accept", "接受"),
    ("growth.reject", "Reject", "拒绝"),
    ("growth.referral", "Referral value {value} / yr", "转介绍价值 {value} / 年"),
    ("growth.missing", "Not buying from us", "未向我司采购"),
    ("growth.former", "former customer", "老客户"),
    // ── reports ──
    ("report.save_title", "Save the briefing as PDF", "将简报保存为 PDF"),
    ("report.rendering", "Writing the PDF briefing…", "正在生成 PDF 简报…"),
    ("report.export", "Export briefing", "导出简报"),
    ("report.portfolio", "Portfolio report (PDF)", "客户组合报告（PDF）"),
    ("report.language", "Language of the report", "报告语言"),
    ("report.kind.health", "Health report", "健康度报告"),
    ("report.kind.insight", "Industry insight brief", "行业洞察简报"),
    ("report.kind.handover", "Handover report", "交接报告"),
    // ── customer detail (helper section) ──
    ("detail.signals", "Signals", "预警信号"),
    ("detail.no_signals", "No signals: the relationship looks healthy.", "没有预警信号：合作情况良好。"),
    ("detail.not_ours", "Not a customer of ours in the last two years: no health check.", "近两年不是我司客户：不做健康度评估。"),
    ("detail.not_ours_short", "Not ours", "非我司客户"),
    ("detail.since", "since {date}", "始于 {date}"),
    ("detail.opportunity", "opportunity", "机会"),
    ("detail.kind_share_decline", "Share decline", "份额下降"),
    ("detail.kind_new_supplier", "New supplier", "新供应商"),
    ("detail.kind_demand_gap", "Demand gap", "需求缺口"),
    ("detail.kind_business_decline", "Business decline", "业务下滑"),
    ("detail.kind_order_frequency_drop", "Fewer orders", "下单频率下降"),
    ("detail.kind_growth_opportunity", "Growth opportunity", "增长机会"),
    ("detail.playbook", "Playbook", "应对方案"),
    ("detail.script", "How to open the conversation", "开场话术"),
    ("detail.talking_points", "Talking points from its figures", "基于客户数据的沟通要点"),
    ("detail.spellings", "Also written: {names}", "其他写法：{names}"),
    ("detail.more", " and {n} more", " 等另外 {n} 个"),
    ("detail.tier_score", "Tier · score", "等级 · 得分"),
    ("detail.last_order", "Our last order", "我司最近订单"),
    ("detail.days_ago", "{date} ({days} days ago)", "{date}（{days} 天前）"),
    ("detail.usual_gap", "Usually an order every {days} days", "通常每 {days} 天下单一次"),
    ("detail.no_records", "No records up to the as-of date.", "截至统计日期没有记录。"),
    ("detail.share_curve", "Share curve: our sales and its category purchases", "份额曲线：我司销售额与其品类采购额"),
    ("detail.no_category", "No purchases of our kind of products in these quarters.", "这些季度没有采购我司同类产品。"),
    ("detail.ours", "Our sales", "我司销售额"),
    ("detail.category", "Category total", "品类采购总额"),
    ("detail.share_q", "Our share of the quarter", "当季份额"),
    ("detail.share_12m", "Our share, 12 months", "近12个月份额"),
    ("detail.partial_quarter", "{quarter} (to the as-of date)", "{quarter}（截至统计日期）"),
    (
        "detail.share_readout",
        "{quarter}\nOur sales: {ours}\nCategory total: {category}\nOur share: {share} (12 months: {share_12m})",
        "{quarter}\n我司销售额：{ours}\n品类采购总额：{category}\n我司份额：{share}（近12个月：{share_12m}）",
    ),
    ("detail.supplier_structure", "Supplier structure: shares per quarter and HHI", "供应商结构：各季度份额与HHI"),
    ("detail.no_suppliers", "No supplier is named in these quarters.", "这些季度没有记录供应商。"),
    ("detail.other_suppliers", "Other suppliers", "其他供应商"),
    ("detail.tag_us", "{name} (us)", "{name}（我司）"),
    ("detail.tag_competitor", "{name} (competitor)", "{name}（竞争对手）"),
    ("detail.competitor", "competitor", "竞争对手"),
    ("detail.hhi", "HHI", "HHI 集中度"),
    ("detail.hhi_legend", "HHI: supplier concentration (1 = a single source)", "HHI：供应商集中度（1 = 单一货源）"),
    ("detail.hhi_line", "HHI {hhi} · {count} suppliers · largest {top}", "HHI {hhi} · {count} 家供应商 · 最大份额 {top}"),
    ("detail.new_supplier_mark", "New supplier: {name} (first shipped {date})", "新供应商：{name}（{date} 首次发货）"),
    ("detail.new_suppliers", "New suppliers in the last two years", "近两年新出现的供应商"),
    ("detail.no_new_suppliers", "No new suppliers in the last two years.", "近两年没有新供应商。"),
    ("detail.new_supplier_line", "first shipped {date}, {value} since", "{date} 首次发货，至今 {value}"),
    ("detail.origin", ", from {country}", "，来自 {country}"),
    ("detail.hs_mix", "Product mix by HS code (all suppliers)", "按HS编码的采购结构（全部供应商）"),
    ("detail.no_mix", "No purchases in these quarters.", "这些季度没有采购记录。"),
    ("detail.mix_title", "{quarter}: {total} in all", "{quarter}：合计 {total}"),
    ("detail.other_codes", "Other codes", "其他编码"),
    ("detail.tag_our_range", "{name} (our range)", "{name}（我司产品）"),
    ("detail.groups", "Group siblings", "同集团公司"),
    ("detail.no_groups", "Not in any group.", "不属于任何集团。"),
    ("detail.no_siblings", "No other member.", "没有其他成员。"),
    ("detail.open_customer", "Open this customer", "打开该客户"),
    ("detail.sibling_figures", "our sales {ours} · category {category}", "我司销售 {ours} · 品类采购 {category}"),
    ("detail.gaps", "Cross-sell gaps", "交叉销售机会"),
    ("detail.gaps_title", "Cross-sell gaps – {name}", "交叉销售机会 – {name}"),
    ("detail.gaps_total", "Opportunity {value} / yr", "机会额 {value} / 年"),
    ("detail.no_gaps", "No cross-sell gaps: it buys nothing related from others.", "没有交叉销售机会：该客户没有从别家采购相关产品。"),
    ("detail.new_code", "new", "新增"),
    ("detail.crm", "Account card", "客户卡片"),
    ("detail.owner", "Owner", "负责人"),
    ("detail.backup_owner", "Backup owner", "副负责人"),
    ("detail.owner_hint", "Salesperson", "业务员"),
    ("detail.contacts", "Contacts", "联系人"),
    ("detail.contact_hint", "Name, role, phone or email", "姓名、职位、电话或邮箱"),
    ("detail.add_contact", "+ Contact", "+ 联系人"),
    ("detail.remove", "Remove", "移除"),
    ("detail.save_card", "Save card", "保存卡片"),
    ("detail.undo", "Undo changes", "撤销修改"),
    ("detail.unsaved", "Unsaved changes", "有未保存的修改"),
    ("detail.notes", "Notes", "备注"),
    ("detail.note_hint", "What was said or agreed…", "沟通内容或约定事项…"),
    ("detail.add_note", "Add note dated {date}", "添加备注（{date}）"),
    ("detail.no_notes", "No notes yet.", "暂无备注。"),
    ("detail.delete", "Delete", "删除"),
    ("detail.confirm_delete", "Delete it", "确认删除"),
    ("detail.keep", "Keep", "保留"),
    // ── tiers (helper section) ──
    ("tiers.switch_discards", "Choosing another profile discards the unsaved weights.", "选择其他方案会放弃未保存的权重。"),
    ("tiers.summary", "{n} customers as of {date}", "截至 {date}，共 {n} 个客户"),
    ("tiers.unsaved", "Unsaved changes: tiers below use the draft", "有未保存的修改：下方分级按草稿计算"),
    ("tiers.saved_state", "Saved profile and rules", "已保存的方案和规则"),
    ("tiers.no_customers", "No customers of ours to tier yet.", "暂无可分级的我方客户。"),
    (
        "tiers.live_note",
        "Tiers update as you move the weights; nothing is saved until you save.",
        "调整权重时分级即时更新；点击保存后才会保存。",
    ),
    ("tiers.profile", "Weight profile", "权重方案"),
    ("tiers.profile.value_first", "Value first", "价值优先"),
    ("tiers.profile.potential_first", "Potential first", "潜力优先"),
    ("tiers.profile.stability_first", "Stability first", "稳定优先"),
    ("tiers.builtin", "built in, read-only", "内置，只读"),
    (
        "tiers.builtin_note",
        "Built-in profiles are read-only: save your weights as a new profile.",
        "内置方案不可修改：请把您的权重另存为新方案。",
    ),
    ("tiers.save", "Save", "保存"),
    ("tiers.discard", "Discard changes", "放弃修改"),
    ("tiers.name_hint", "New profile name", "新方案名称"),
    ("tiers.save_as", "Save as new profile", "另存为新方案"),
    ("tiers.rename", "Rename", "重命名"),
    ("tiers.delete", "Delete", "删除"),
    ("tiers.delete_confirm", "Delete the profile {name}?", "确定删除方案 {name}？"),
    ("tiers.cancel", "Cancel", "取消"),
    ("tiers.weights", "Weights", "权重"),
    ("tiers.col.metric", "Metric", "指标"),
    ("tiers.col.weight", "Weight", "权重"),
    ("tiers.col.share", "Share", "占比"),
    ("tiers.col.suggested", "Suggested", "建议"),
    ("tiers.col.rho", "ρ", "ρ"),
    (
        "tiers.rho_tip",
        "Rank correlation with our sales a year later, averaged over the quarters learnt from",
        "与一年后我方销售额的等级相关系数（学习季度的平均值）",
    ),
    ("tiers.manual_tip", "Set by hand (1–5): not learnt from history", "手工评分（1–5）：不从历史数据学习"),
    ("tiers.flat_tip", "No variation to learn from", "没有可供学习的变化"),
    ("tiers.saved_value", "Saved: {value}", "已保存的值：{value}"),
    ("tiers.total", "Total {total}: a score uses each weight's share of it", "合计 {total}：得分按各项权重所占比例计算"),
    ("tiers.use_suggested", "Use suggested weights", "采用建议权重"),
    (
        "tiers.fit",
        "Ranking customers by our sales a year later: suggested ρ {fit}, yours ρ {yours}",
        "按一年后我方销售额排序的相关性：建议权重 ρ {fit}，您的权重 ρ {yours}",
    ),
    ("tiers.explanation", "How the suggestion was learnt", "建议权重是如何得出的"),
    (
        "tiers.no_suggestion",
        "No suggested weights yet: learning needs quarter ends with at least {n} customers, a year of data before them and a year after.",
        "暂无建议权重：需要至少有 {n} 个客户的季度末，且前后各有一年的数据。",
    ),
    ("tiers.rules", "Tier rules", "分级规则"),
    ("tiers.quantiles", "Shares of customers", "按客户比例"),
    ("tiers.cutoffs", "Score cut-offs", "按得分线"),
    (
        "tiers.quantiles_note",
        "Cumulative share of customers, best scores first; the rest are D.",
        "按得分从高到低累计的客户比例；其余为 D。",
    ),
    ("tiers.cutoffs_note", "Lowest score (0–100) of each tier; below C is D.", "各等级的最低得分（0–100）；低于 C 为 D。"),
    ("tiers.grace", "Grace band (points)", "缓冲带（分）"),
    (
        "tiers.grace_tip",
        "A customer keeps last quarter's tier until its score falls more than this many points short of it.",
        "客户得分低于上季度等级标准超过此分数时才变更等级。",
    ),
    ("tiers.save_rules", "Save rules", "保存规则"),
    ("tiers.default_rules", "Default rules", "恢复默认规则"),
    ("tiers.not_applied", "Tiers are not recomputed until this is fixed.", "修正后才会重新分级。"),
    (
        "tiers.err.builtin",
        "{name} is built in and cannot be changed: save your weights as a new profile.",
        "{name} 为内置方案，不能修改：请另存为新方案。",
    ),
    ("tiers.err.exists", "A profile named {name} already exists.", "已存在名为 {name} 的方案。"),
    ("tiers.err.empty_name", "Give the profile a name.", "请输入方案名称。"),
    ("tiers.err.all_zero", "At least one weight must be above zero.", "至少要有一项权重大于零。"),
    ("tiers.err.invalid_weight", "The weight of {metric} must be a number of 0 or more.", "{metric} 的权重必须是不小于 0 的数。"),
    ("tiers.err.not_found", "There is no profile named {name}.", "没有名为 {name} 的方案。"),
    ("tiers.err.quantiles", "Shares must rise: 0 ≤ A ≤ A+B ≤ A+B+C ≤ 100%.", "比例须依次递增：0 ≤ A ≤ A+B ≤ A+B+C ≤ 100%。"),
    ("tiers.err.cutoffs", "Cut-offs must fall: 100 ≥ A ≥ B ≥ C ≥ 0.", "得分线须依次递减：100 ≥ A ≥ B ≥ C ≥ 0。"),
    ("tiers.err.grace", "The grace band must be 0 to 20 points.", "缓冲带须在 0 到 20 分之间。"),
    ("tiers.distribution", "Tier distribution", "等级分布"),
    ("tiers.customers_per_tier", "Customers per tier", "各等级客户数"),
    ("tiers.share_of_sales", "Share of our sales, 12 months", "占近12个月我方销售额"),
    ("tiers.saved_bars", "Pale bars: the saved profile and rules", "浅色柱：已保存的方案和规则"),
    ("tiers.col.customers", "Customers", "客户数"),
    ("tiers.tab.changed", "Tier changed ({n})", "等级变化（{n}）"),
    ("tiers.tab.events", "Past quarters ({n})", "以往季度（{n}）"),
    ("tiers.tab.candidates", "Upgrade candidates ({n})", "升级候选（{n}）"),
    ("tiers.changed_title", "Customers whose tier changes against the saved profile", "相对已保存方案等级发生变化的客户"),
    (
        "tiers.changed_summary",
        "{up} up, {down} down against the saved profile and rules",
        "相对已保存的方案和规则：{up} 个升级，{down} 个降级",
    ),
    ("tiers.no_changes", "No customer changes tier: these are the saved tiers.", "没有客户的等级发生变化：与已保存的分级相同。"),
    ("tiers.events_title", "Tier changes at past quarter ends", "以往各季度末的等级变化"),
    ("tiers.no_events", "No customer changed tier in the quarters shown.", "所示季度内没有客户变更等级。"),
    ("tiers.candidates_title", "Upgrade candidates", "升级候选客户"),
    ("tiers.col.from", "From", "原等级"),
    ("tiers.col.to", "To", "新等级"),
    ("tiers.col.score_change", "Score change", "得分变化"),
    ("tiers.col.date", "Date", "日期"),
    ("tiers.col.direction", "Direction", "方向"),
    ("tiers.up", "Up", "升级"),
    ("tiers.down", "Down", "降级"),
    ("tiers.new", "New", "新客户"),
    // ── import (helper section) ──
    ("import.choose", "Choose files…", "选择文件…"),
    (
        "import.hint",
        "or drop files anywhere on this window: Excel (.xlsx .xlsm .xlsb .xls), OpenDocument (.ods), CSV/TSV text in any common encoding.",
        "或把文件拖放到窗口任意位置：支持 Excel（.xlsx .xlsm .xlsb .xls）、OpenDocument（.ods）及各种常见编码的 CSV/TSV 文本。",
    ),
    (
        "import.intro",
        "Each import is one transaction: every readable file is added, or — when you cancel — nothing changes. Rows already in the workspace count as duplicates and are not added twice. When the columns of a file are unclear, you are asked which column holds what before anything is imported.",
        "每次导入是一个整体：要么加入全部可读的文件，要么（取消时）什么都不改变。工作区中已有的行计为重复，不会重复加入。文件的列不明确时，导入前会先请您指定各列的含义。",
    ),
    ("import.none_yet", "No import yet in this session.", "本次运行尚未导入文件。"),
    ("import.previewing", "Reading the files' column headers…", "正在读取文件的列标题…"),
    ("import.running", "Importing…", "正在导入…"),
    ("import.starting", "Opening the files…", "正在打开文件…"),
    ("import.rows_read", "{n} rows read", "已读取 {n} 行"),
    ("import.rate", "{rate} rows/s", "每秒 {rate} 行"),
    ("import.cancel", "Cancel import", "取消导入"),
    ("import.cancelling", "Cancelling…", "正在取消…"),
    ("import.cancel_note", "Cancelling undoes the whole import: the workspace stays as it was.", "取消会撤销整个导入，工作区保持原样。"),
    ("import.computing", "Import done — updating the analyses…", "导入完成，正在更新分析…"),
    ("import.waiting_files", "{n} more file(s) wait for their columns to be checked.", "另有 {n} 个文件等待核对列。"),
    ("import.cancelled_title", "Import cancelled", "导入已取消"),
    (
        "import.cancelled_body",
        "Nothing was changed: the workspace is exactly as it was before the import.",
        "没有任何改动：工作区与导入前完全相同。",
    ),
    ("import.done_title", "Import finished", "导入完成"),
    ("import.files_count", "{n} file(s)", "{n} 个文件"),
    ("import.total_read", "Rows read", "读取行数"),
    ("import.total_imported", "Imported", "已导入"),
    ("import.total_duplicates", "Duplicates", "重复"),
    ("import.total_rejected", "Rejected", "被拒绝"),
    (
        "import.counts",
        "{read} read · {imported} imported · {duplicates} duplicates · {rejected} rejected",
        "读取 {read} · 导入 {imported} · 重复 {duplicates} · 拒绝 {rejected}",
    ),
    ("import.status_imported", "Imported", "已导入"),
    ("import.status_refused", "Not imported", "未导入"),
    ("import.status_skipped", "Skipped", "已跳过"),
    (
        "import.imported_before",
        "The same file was imported before ({when}); its rows count as duplicates.",
        "同一文件曾于 {when} 导入过，其中的行计为重复。",
    ),
    ("import.hidden", "hidden", "隐藏"),
    ("import.rows_skipped", "{n} rows not read", "{n} 行未读取"),
    ("import.col_file", "File", "文件"),
    ("import.col_sheet", "Sheet", "工作表"),
    ("import.col_status", "Status", "状态"),
    ("import.col_header_row", "Header row", "标题行"),
    ("import.col_read", "Read", "读取"),
    ("import.col_imported", "Imported", "导入"),
    ("import.col_duplicates", "Duplicates", "重复"),
    ("import.col_rejected", "Rejected", "拒绝"),
    ("import.col_row", "Row", "行号"),
    ("import.col_column", "Column", "列"),
    ("import.col_reason", "Reason", "原因"),
    ("import.sheet_columns", "Sheet “{sheet}”: columns and notes", "工作表“{sheet}”：列与说明"),
    ("import.source_auto", "Columns recognised automatically", "列为自动识别"),
    ("import.source_template", "Columns from the template saved for these headers", "列来自为这些列标题保存的模板"),
    ("import.source_user", "Columns as you chose them (saved as a template)", "列按您的选择（已存为模板）"),
    ("import.columns", "Columns:", "列："),
    ("import.unsure_note", "Please check: {fields} (weak header match)", "请核对：{fields}（列标题匹配较弱）"),
    ("import.rejected_title", "Rejected rows", "被拒绝的行"),
    ("import.rejected_none", "No row was rejected.", "没有被拒绝的行。"),
    (
        "import.rejected_note",
        "These rows were not imported. Correct them in the file and import it again: the rows already in count as duplicates.",
        "这些行未被导入。请在文件中改正后重新导入，已导入的行会计为重复。",
    ),
    ("import.earlier", "Earlier imports in this session ({n})", "本次运行中较早的导入（{n}）"),
    ("import.earlier_cancelled", "{files}: cancelled, nothing changed", "{files}：已取消，没有改动"),
    ("import.map.title", "Which column holds what?", "请指定各列的含义"),
    ("import.map.step", "layout {n} of {total}", "第 {n} 种格式，共 {total} 种"),
    ("import.map.file", "File: {file}", "文件：{file}"),
    ("import.map.sheet", "Sheet “{sheet}”, header row {row}", "工作表“{sheet}”，标题行为第 {row} 行"),
    ("import.map.also", "Same headers in: {files}", "列标题相同的文件：{files}"),
    (
        "import.map.why_missing",
        "No column was found for: {fields}. Choose the column that holds each.",
        "未找到以下各项的列：{fields}。请为每项选择对应的列。",
    ),
    (
        "import.map.why_unsure",
        "These columns were matched on weak evidence: {fields}. Please check them.",
        "以下各列的匹配依据较弱：{fields}。请核对。",
    ),
    (
        "import.map.why_unrecognised",
        "No row of column names was recognised. Row {row} is taken as the header: choose a column for each required field.",
        "未能识别列标题行。下面把第 {row} 行当作标题行，请为每个必需项选择对应的列。",
    ),
    ("import.map.preview", "The file's first rows", "文件的前几行"),
    ("import.map.field", "Field", "字段"),
    ("import.map.column", "Column", "列"),
    ("import.map.samples", "Sample values", "示例值"),
    ("import.map.required", "Required", "必需"),
    ("import.map.optional", "Other fields", "其他字段"),
    ("import.map.auto", "(automatic)", "（自动识别）"),
    ("import.map.missing", "missing", "缺少"),
    ("import.map.unsure", "please check", "请核对"),
    ("import.map.month_instead", "the month is used", "使用月份"),
    ("import.map.value_derived", "local value ÷ exchange rate", "本币金额 ÷ 汇率"),
    (
        "import.map.required_note",
        "A monthly summary may give a month instead of a date; without a USD value, a local-currency value and an exchange rate will do.",
        "月度汇总可用月份代替日期；没有美元金额时，可用本币金额加汇率。",
    ),
    (
        "import.map.auto_note",
        "Fields left on (automatic) are recognised among the remaining columns.",
        "设为（自动识别）的字段会在其余列中自动识别。",
    ),
    (
        "import.map.template_note",
        "Your choice is saved as a template: files with the same headers will import this way without asking.",
        "您的选择会存为模板：以后列标题相同的文件将按此导入，不再询问。",
    ),
    ("import.map.need", "Still missing: {fields}", "仍缺少：{fields}"),
    ("import.map.twice", "“{header}” is chosen for more than one field.", "“{header}”被选给了多个字段。"),
    (
        "import.map.ready",
        "{n} other file(s) whose columns are clear are imported together with these.",
        "另有 {n} 个列明确的文件将一并导入。",
    ),
    ("import.map.import", "Import with this mapping", "按此对应导入"),
    ("import.map.as_recognised", "Import as recognised", "按自动识别导入"),
    ("import.map.as_recognised_tip", "Keep the automatic choices, the unsure ones included.", "保留自动识别的结果，包括不确定的列。"),
    ("import.map.skip", "Skip these files", "跳过这些文件"),
    ("import.map.skip_tip", "Leave these files out and go on with the others.", "不导入这些文件，继续处理其他文件。"),
    ("import.map.cancel", "Cancel", "取消"),
    ("import.map.cancel_tip", "Import none of the files waiting.", "不导入任何等待中的文件。"),
    ("import.field.date", "Date", "日期"),
    ("import.field.month", "Month", "月份"),
    ("import.field.buyer", "Buyer (importer)", "进口商（买家）"),
    ("import.field.buyer_local", "Buyer, local-language name", "进口商（当地语言名称）"),
    ("import.field.notify", "Notify party", "通知人"),
    ("import.field.supplier", "Supplier (exporter)", "出口商（供应商）"),
    ("import.field.supplier_local", "Supplier, local-language name", "出口商（当地语言名称）"),
    ("import.field.hs", "HS code", "HS编码"),
    ("import.field.description", "Product description", "商品描述"),
    ("import.field.quantity", "Quantity", "数量"),
    ("import.field.unit", "Unit", "单位"),
    ("import.field.weight", "Weight", "重量"),
    ("import.field.value", "Value in USD", "金额（美元）"),
    ("import.field.local_value", "Value in local currency", "金额（本币）"),
    ("import.field.exchange_rate", "Exchange rate (per USD)", "汇率（每美元）"),
    ("import.field.origin", "Country of origin", "原产国"),
    ("import.field.destination", "Destination country", "目的国"),
    ("import.field.port", "Port", "港口"),
    ("import.field.bill_of_lading", "Bill of lading", "提单号"),
    ("import.field.declaration", "Declaration number", "报关单号"),
    ("import.progress", "{rows} rows · {rate} rows/s · {detail}", "{rows} 行 · 每秒 {rate} 行 · {detail}"),
    // ── settings (helper section) ──
    ("settings.our_company", "Our company", "本公司"),
    ("settings.competitors", "Competitors", "竞争对手"),
    ("settings.catalog", "Catalog", "产品目录"),
    ("settings.bundles", "Bundles", "解决方案组合"),
    ("settings.thresholds", "Thresholds", "预警阈值"),
    ("settings.playbook", "Playbook", "应对方案"),
    ("settings.appearance", "Language & appearance", "语言与外观"),
    ("settings.unsaved", "Changes not applied yet", "有尚未应用的修改"),
    (
        "settings.need_us",
        "Analyses need to know which supplier is your company: pick it under Our company first.",
        "分析需要知道哪个供应商是贵公司：请先在“本公司”中选出。",
    ),
    ("settings.go_our_company", "Go to Our company", "前往本公司"),
    ("settings.apply", "Apply", "应用"),
    ("settings.discard", "Discard changes", "放弃修改"),
    ("settings.recomputing", "Applied; recomputing in the background…", "已应用，正在后台重新计算…"),
    ("settings.remove", "Remove", "移除"),
    ("settings.clear", "Clear", "清除"),
    ("settings.add", "Add", "添加"),
    (
        "settings.me_why",
        "Every analysis is measured on our own sales: tell the app which supplier in the data is your company, under every spelling it has.",
        "所有分析都基于我司自己的销售：请指出数据中哪个供应商是贵公司（各种写法都要包括）。",
    ),
    (
        "settings.competitors_why",
        "Known competitors are named in signals and market views, so their moves stand out.",
        "已知的竞争对手会在预警信号和市场分析中标出，方便看清他们的动向。",
    ),
    ("settings.names_given", "Names given", "已指定的名称"),
    (
        "settings.no_me",
        "None yet: find your company in the list below and click “This is us”.",
        "尚未指定：请在下方列表中找到贵公司，点击“这是我们”。",
    ),
    ("settings.no_competitors", "None yet.", "尚未指定。"),
    (
        "settings.none_in_data",
        "No supplier in the data matches these names yet; they apply to files imported later.",
        "数据中还没有供应商与这些名称对应；它们会用于以后导入的文件。",
    ),
    (
        "settings.in_data",
        "Matches {n} supplier(s) in the data, {value} shipped in all: {names}",
        "对应数据中的 {n} 个供应商，共发货 {value}：{names}",
    ),
    ("settings.find_us", "Find your company", "查找贵公司"),
    ("settings.find_competitor", "Find a competitor", "查找竞争对手"),
    ("settings.search_hint", "any spelling or part of the name", "任意写法或名称中的一部分"),
    ("settings.add_typed_me", "Add “{name}” as us", "将“{name}”添加为本公司"),
    ("settings.add_typed_competitor", "Add “{name}” as a competitor", "将“{name}”添加为竞争对手"),
    (
        "settings.add_typed_note",
        "For a name not in the data yet: it also applies to files imported later. A part of a name picks the one supplier it fits.",
        "用于数据中还没有的名称，以后导入的文件也适用。输入名称的一部分时，会对应到唯一符合的供应商。",
    ),
    (
        "settings.no_suppliers",
        "No suppliers yet: import customs data first, or type a name above.",
        "还没有供应商：请先导入海关数据，或在上方输入名称。",
    ),
    ("settings.suppliers_count", "{n} of {of} suppliers, largest first", "共 {of} 个供应商，显示 {n} 个，按金额排序"),
    ("settings.col_supplier", "Supplier", "供应商"),
    ("settings.col_spellings", "Other spellings", "其他写法"),
    ("settings.col_value", "Shipped", "发货金额"),
    ("settings.col_buyers", "Buyers", "买家数"),
    ("settings.more_spellings", "+{n} more", "另有 {n} 种写法"),
    ("settings.is_us", "Marked as us", "已标为本公司"),
    ("settings.is_competitor", "Marked as a competitor", "已标为竞争对手"),
    ("settings.this_is_us", "This is us", "这是我们"),
    ("settings.mark_competitor", "Competitor", "竞争对手"),
    ("settings.now_competitor", "(also a competitor)", "（也是竞争对手）"),
    ("settings.now_us", "(also marked as us)", "（也标为本公司）"),
    (
        "settings.catalog_why",
        "The HS codes we sell. Our share and demand gaps are measured on them; with no catalog, every code we have shipped counts as ours.",
        "我司销售的 HS 编码。份额和需求缺口都按这些编码计算；没有目录时，我司发过货的所有编码都算作我司产品。",
    ),
    (
        "settings.no_catalog",
        "No catalog yet: every code we have shipped counts as ours.",
        "尚无产品目录：我司发过货的所有编码都算作我司产品。",
    ),
    ("settings.catalog_count", "{n} codes", "{n} 个编码"),
    ("settings.adding_codes", "Adding {codes}…", "正在添加 {codes}…"),
    ("settings.add_codes", "Add codes", "添加编码"),
    ("settings.codes_hint", "e.g. 7318, 731815 8205.40", "例如 7318, 731815 8205.40"),
    (
        "settings.not_codes",
        "Not HS codes: {codes}. Give 2, 4, or 6 to 14 digits, e.g. 7318 or 731815.",
        "不是 HS 编码：{codes}。请输入 2 位、4 位或 6 到 14 位数字，例如 7318 或 731815。",
    ),
    ("settings.unknown_code", "not in the HS 2022 nomenclature", "不在 HS 2022 编码表中"),
    ("settings.shipped", "Codes we ship that the catalog does not cover", "我司发过货、但目录中没有的编码"),
    ("settings.shipped_note", "From our shipments in the data, largest first.", "来自数据中我司的发货记录，按金额排序。"),
    ("settings.add_all", "Add all ({n})", "全部添加（{n} 个）"),
    ("settings.more_codes", "… and {n} more (Add all takes them too)", "…另有 {n} 个（全部添加时一并加入）"),
    (
        "settings.bundles_why",
        "Codes that sell together, e.g. bolts, nuts, washers and the tools to fit them: a customer buying one part from us is a lead for the others.",
        "经常一起销售的编码，例如螺栓、螺母、垫圈和安装工具：客户向我司采购其中一部分，其余部分就是销售线索。",
    ),
    ("settings.no_bundles", "No bundles yet.", "还没有解决方案组合。"),
    ("settings.bundle_name", "Name", "名称"),
    ("settings.bundle_codes", "Codes", "编码"),
    ("settings.bundle_hint", "e.g. 7318 820540", "例如 7318 820540"),
    ("settings.new_bundle", "+ New bundle", "+ 新建组合"),
    ("settings.remove_all", "Remove all", "全部移除"),
    ("settings.bundles_invalid", "Not applied: fix the bundles marked below.", "未应用：请修改下面标出的组合。"),
    ("settings.bundle_no_name", "Give the bundle a name.", "请填写组合名称。"),
    ("settings.bundle_twice", "Another bundle is already called {name}.", "已有另一个组合名为 {name}。"),
    (
        "settings.bundle_bad_codes",
        "Not HS codes: {codes}. Give 2, 4 or 6 digits, e.g. 7318 or 820540.",
        "不是 HS 编码：{codes}。请输入 2 位、4 位或 6 位数字，例如 7318 或 820540。",
    ),
    ("settings.bundle_no_codes", "Give at least one code.", "请至少填写一个编码。"),
    (
        "settings.bundle_not_ours",
        "None of these codes is ours yet (catalog or shipped), so the bundle leads nowhere until one is.",
        "这些编码都还不是我司产品（目录中没有，也没发过货），在此之前该组合不会带来线索。",
    ),
    (
        "settings.thresholds_why",
        "When each health rule raises a signal. The defaults come from the backtest on the demo portfolio; applying recomputes every customer's health in the background.",
        "各项健康规则在什么情况下发出预警。默认值来自演示数据的回测；应用后会在后台重新计算所有客户的健康度。",
    ),
    ("settings.reset_defaults", "Reset to defaults", "恢复默认值"),
    ("settings.rule.general", "All rules", "所有规则"),
    ("settings.rule.share_decline", "Share decline", "份额下降"),
    ("settings.rule.new_supplier", "New supplier", "新供应商"),
    ("settings.rule.demand_gap", "Demand gap", "需求缺口"),
    ("settings.rule.business_decline", "Business decline", "业务下滑"),
    ("settings.rule.order_frequency_drop", "Order rhythm", "下单节奏"),
    ("settings.rule.growth_opportunity", "Growth opportunity", "增长机会"),
    ("settings.unit.months", "months", "个月"),
    ("settings.unit.quarters", "quarters", "个季度"),
    ("settings.unit.orders", "orders", "个订单"),
    ("settings.unit.days", "days", "天"),
    ("settings.unit.usd", "USD", "美元"),
    ("settings.unit.percent", "%", "%"),
    ("settings.unit.times", "×", "倍"),
    ("settings.th_default", "Default: {value}", "默认值：{value}"),
    ("settings.th_back_to_default", "Back to the default ({value})", "恢复默认值（{value}）"),
    ("settings.default_short", "Default", "默认"),
    ("settings.th_between", "Give a value from {min} to {max}.", "请输入 {min} 到 {max} 之间的值。"),
    ("settings.th_above_at_most", "Give a value above {min}, at most {max}.", "请输入大于 {min}、不超过 {max} 的值。"),
    ("settings.th_at_least", "Give {min} or more.", "请输入不小于 {min} 的值。"),
    ("settings.th_above", "Give more than {min}.", "请输入大于 {min} 的值。"),
    ("settings.th_refused", "Not applied: {name}: {rule}", "未应用：{name}：{rule}"),
    ("settings.th_refused_raw", "Not applied: {detail}", "未应用：{detail}"),
    ("settings.th_misordered", "Not applied: “{lower}” must not be above “{upper}”", "未应用：“{lower}”不能高于“{upper}”"),
    (
        "settings.playbook_why",
        "What to do at each alert level: shown with every customer's signals, with talking points from its own figures.",
        "各预警级别下该怎么做：会和每个客户的预警一起显示，并附上根据其数据生成的沟通要点。",
    ),
    ("settings.reset_texts", "Reset to the built-in texts", "恢复内置文本"),
    ("settings.pb_english", "English", "英文"),
    ("settings.pb_chinese", "Chinese", "中文"),
    ("settings.pb_title", "Title", "标题"),
    ("settings.pb_actions", "Actions, one per line", "行动，每行一条"),
    ("settings.pb_script", "How to open the conversation", "沟通开场白"),
    ("settings.pb_no_title", "Not applied: {level} needs a title in both languages.", "未应用：{level}级别需要中英文标题。"),
    (
        "settings.pb_no_actions",
        "Not applied: {level} needs at least one action in both languages.",
        "未应用：{level}级别需要至少一条中英文行动。",
    ),
    ("settings.language", "Language", "语言"),
    ("settings.lang_en", "English", "English"),
    ("settings.lang_zh", "中文", "中文"),
    ("settings.theme", "Theme", "主题"),
    ("settings.theme_light", "Light", "浅色"),
    ("settings.theme_dark", "Dark", "深色"),
    ("settings.workspace", "Workspace", "工作区"),
    ("settings.workspace_file", "File:", "文件："),
    ("settings.shipments", "{n} shipments", "{n} 条发货记录"),
    ("settings.open_workspace", "Open another workspace…", "打开其他工作区…"),
    (
        "settings.kept_where",
        "Our company, competitors, catalog, bundles, thresholds and playbook are kept in the workspace file; language and theme on this computer.",
        "本公司、竞争对手、产品目录、组合、阈值和应对方案保存在工作区文件中；语言和主题保存在本机。",
    ),
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

    /// Every string literal in the UI sources that looks like a key (`screen.name`, with a known
    /// screen prefix) is in the table — whether passed to `tr`, `trf`, `View::t` or kept in a const.
    #[test]
    fn every_key_the_ui_uses_is_in_the_table() {
        let keys: HashSet<&str> = TEXTS.iter().map(|t| t.0).collect();
        let prefixes: HashSet<&str> = TEXTS.iter().filter_map(|t| t.0.split('.').next()).collect();
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
            if path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            for literal in text.split('"').skip(1).step_by(2) {
                let Some((prefix, rest)) = literal.split_once('.') else { continue };
                let shaped =
                    !rest.is_empty() && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
                if shaped && prefixes.contains(prefix) {
                    used += 1;
                    if !keys.contains(literal) {
                        missing.push(format!("{}: {literal}", path.display()));
                    }
                }
            }
        }
        assert!(used > 100, "the scan found only {used} keys: is it still reading the sources?");
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
