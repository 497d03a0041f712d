//! Texts of the library's errors (each error enum's `message()`): files that cannot be read, sheets
//! that cannot be mapped, the workspace, settings, briefings, exports and the values people enter.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    // ── a list, one item and the rest (field names in the mapping errors) ──
    ("error.mapping.list", "{first}, {rest}", "{first}、{rest}"),
    // ── import::source::ReadError ──
    ("error.read.open", "Could not open {path}: {detail}", "无法打开 {path}：{detail}"),
    (
        "error.read.not_a_file",
        "{path} is not a regular file (it is a pipe, a device or a folder). Save the data to a file and import that file.",
        "{path} 不是普通文件（而是管道、设备或文件夹）。请先把数据保存为文件，再导入该文件。",
    ),
    ("error.read.unsupported", "{path} cannot be imported: {reason}", "无法导入 {path}：{reason}"),
    (
        "error.read.workbook",
        "{path} cannot be read as a workbook ({detail}). If it opens in Excel, save it again as .xlsx and import that.",
        "无法将 {path} 作为工作簿读取（{detail}）。如果它能在 Excel 中打开，请另存为 .xlsx 格式后再导入。",
    ),
    ("error.read.delimited", "Could not read {path} at line {line}: {detail}", "读取 {path} 第 {line} 行时出错：{detail}"),
    // ── import::mapping::MappingError ──
    (
        "error.mapping.implausible",
        "The values in “{column}” do not look like US dollars: a typical row comes to {usd_per_kg} a kilogram for goods of HS chapter {chapter}, which cost at most {max_per_kg} a kilogram ({factor} times more). If the column is in a local currency, map it as “{local_value}” beside an “{exchange_rate}” column. If the weights are in tonnes or the values are right, choose the value column yourself in the column mapping (on the command line: --mapping FILE.json, e.g. {\"value\": \"{column}\"}). Headers in the sheet: {headers}",
        "“{column}”列中的金额看起来不是美元：典型的一行折合每千克 {usd_per_kg}，而 HS 第 {chapter} 章的商品每千克最多 {max_per_kg}（高出约 {factor} 倍）。如果该列是本币金额，请把它对应为“{local_value}”，并同时指定“{exchange_rate}”列；如果重量单位是吨，或金额本身没有问题，请在列对应窗口中自行指定金额列（命令行：--mapping FILE.json，例如 {\"value\": \"{column}\"}）。表中的列标题：{headers}",
    ),
    (
        "error.mapping.missing",
        "No column was found for {fields}. Headers in the sheet: {headers}",
        "未找到以下字段对应的列：{fields}。表中的列标题：{headers}",
    ),
    (
        "error.mapping.missing_hint",
        "No column was found for {fields}. {hint}. Headers in the sheet: {headers}",
        "未找到以下字段对应的列：{fields}。说明：{hint}。表中的列标题：{headers}",
    ),
    (
        "error.mapping.unknown_column",
        "The mapping puts the column “{header}” under {field}, but the sheet has no such column. Headers in the sheet: {headers}",
        "列对应中把“{header}”列指定为{field}，但表中没有这一列。表中的列标题：{headers}",
    ),
    // ── store::StoreError ──
    ("error.store.open", "Could not open the workspace {path}: {detail}", "无法打开工作区 {path}：{detail}"),
    ("error.store.io", "A file operation on {path} failed: {detail}", "对 {path} 的文件操作失败：{detail}"),
    (
        "error.store.busy",
        "Another import is writing to this workspace. Try again when it has finished.",
        "另一项导入正在写入此工作区，请等它完成后再试。",
    ),
    ("error.store.sqlite", "The workspace database failed: {detail}", "工作区数据库出错：{detail}"),
    ("error.store.json", "Data in the workspace is damaged and cannot be read: {detail}", "工作区中的数据已损坏，无法读取：{detail}"),
    ("error.store.cancelled", "Import cancelled; the workspace is unchanged.", "导入已取消，工作区没有任何改动。"),
    ("error.store.invalid", "This cannot be done: {detail}", "无法执行此操作：{detail}"),
    // ── store::companies::MatchError ──
    ("error.match.not_found", "No company matches “{query}”.", "没有与“{query}”匹配的公司。"),
    (
        "error.match.not_found_suggestions",
        "No company matches “{query}”. Did you mean: {suggestions}?",
        "没有与“{query}”匹配的公司。您要找的是否是：{suggestions}？",
    ),
    (
        "error.match.ambiguous",
        "“{query}” matches {count} companies: {candidates}. Give more of the name.",
        "“{query}”匹配到 {count} 家公司：{candidates}。请输入更完整的名称。",
    ),
    // ── store::schema::SchemaError ──
    (
        "error.schema.too_new",
        "This workspace was created by a newer version of Customs Radar (schema {found}; this version knows up to {known}). Update the app to open it.",
        "此工作区由更新版本的 Customs Radar 创建（数据结构版本 {found}，本版本最高支持 {known}）。请先升级软件再打开。",
    ),
    ("error.schema.sqlite", "The workspace could not be brought up to date: {detail}", "无法升级工作区的数据结构：{detail}"),
    // ── preferences::PreferenceError (each {reason} is a whole sentence with its full stop) ──
    ("error.preference.refused", "The change was not accepted and nothing was saved: {reason}", "修改未被接受，没有保存任何内容：{reason}"),
    (
        "error.preference.invalid",
        "The workspace's {what} cannot be used: {reason} Correct them in {place}, or reset them to the defaults there.",
        "工作区中的{what}无法使用：{reason}请在“{place}”中修改，或在该处恢复默认值。",
    ),
    (
        "error.preference.invalid_profiles",
        "The workspace's weight profiles cannot be used: {reason} Correct the weights in Tiers, or delete the profile there.",
        "工作区中的权重方案无法使用：{reason}请在“客户分级”中修改权重，或在该处删除这个方案。",
    ),
    ("error.preference.what_thresholds", "health thresholds", "健康度预警阈值"),
    ("error.preference.what_tier_rules", "tier rules", "分级规则"),
    ("error.preference.what_bundles", "solution bundles", "解决方案组合"),
    ("error.preference.place_thresholds", "Settings → Thresholds", "设置 → 预警阈值"),
    ("error.preference.place_tier_rules", "Tiers → Tier rules", "客户分级 → 分级规则"),
    ("error.preference.place_bundles", "Settings → Bundles", "设置 → 解决方案组合"),
    ("error.preference.place_settings", "Settings", "设置"),
    // ── report::ReportError ──
    (
        "error.report.no_data",
        "The workspace holds no shipments yet: import files first.",
        "工作区中还没有任何货运记录，请先导入报关数据文件。",
    ),
    (
        "error.report.no_me",
        "First tell the app which supplier is your company (Settings → Our company).",
        "请先指定数据中哪个供应商是贵公司（设置 → 本公司）。",
    ),
    ("error.report.customer_required", "The {report} is about one customer: choose the customer.", "{report}针对单个客户，请先选择客户。"),
    (
        "error.report.not_ours",
        "{customer} did not buy from us in the two years to {date}, so it has no health to report.",
        "截至 {date} 的两年内，{customer} 没有向我司采购，因此无法生成健康度报告。",
    ),
    ("error.report.pdf", "Could not write the PDF: {detail}", "无法生成 PDF：{detail}"),
    // ── export::ExportError ──
    ("error.export.xlsx", "Could not write the workbook {path}: {detail}", "无法写入工作簿 {path}：{detail}"),
    ("error.export.csv", "Could not write the CSV file {path}: {detail}", "无法写入 CSV 文件 {path}：{detail}"),
    ("error.export.io", "Could not write {path}: {detail}", "无法写入 {path}：{detail}"),
    // ── analysis::health::thresholds::ThresholdError ──
    ("error.threshold.unknown", "There is no threshold named “{name}”.", "没有名为“{name}”的阈值。"),
    ("error.threshold.out_of_range", "{name} must be {accepts}, not {value}.", "{name} 必须是{accepts}，不能是 {value}。"),
    ("error.threshold.accepts_fraction", "a fraction between 0 and 1 (0.15 = 15%)", "0 到 1 之间的小数（0.15 即 15%）"),
    ("error.threshold.accepts_above_one", "more than 1", "大于 1 的数"),
    ("error.threshold.accepts_between", "between {min} and {max}", "{min} 到 {max} 之间的数"),
    ("error.threshold.accepts_at_least", "{min} or more", "不小于 {min} 的数"),
    (
        "error.threshold.misordered",
        "{lower} ({lower_value}) must not be above {upper} ({upper_value}).",
        "{lower}（{lower_value}）不能高于 {upper}（{upper_value}）。",
    ),
    // ── analysis::health::threshold_sets::SetError ──
    ("error.threshold_set.no_name", "A threshold set needs a name.", "请为阈值组输入名称。"),
    ("error.threshold_set.unknown", "There is no threshold set named “{name}”.", "没有名为“{name}”的阈值组。"),
    // ── analysis::tiers::profile::ProfileError ──
    (
        "error.profile.not_found",
        "There is no weight profile named “{name}”. Profiles: {known}",
        "没有名为“{name}”的权重方案。现有方案：{known}",
    ),
    (
        "error.profile.built_in",
        "“{name}” is built in and cannot be changed: save it as a new profile first and change the copy.",
        "“{name}”是内置方案，不能修改：请先另存为新方案，再修改副本。",
    ),
    ("error.profile.exists", "A weight profile named “{name}” already exists.", "已存在名为“{name}”的权重方案。"),
    ("error.profile.empty_name", "A weight profile needs a name.", "请为权重方案输入名称。"),
    (
        "error.profile.invalid_weight",
        "The weight of {metric} must be a number of 0 or more, not {value}.",
        "{metric} 的权重必须是不小于 0 的数，不能是 {value}。",
    ),
    ("error.profile.all_zero", "At least one weight must be above zero.", "至少要有一项权重大于零。"),
    ("error.profile.duplicate", "“{name}” is given twice.", "“{name}”被重复指定了两次。"),
    (
        "error.profile.json",
        "Weights must be a JSON object of metric names and numbers, e.g. {\"monetary\": 40, \"share\": 10}: {detail}",
        "权重必须是由指标名称和数值组成的 JSON 对象，例如 {\"monetary\": 40, \"share\": 10}：{detail}",
    ),
    ("error.profile.unknown_metric", "“{name}” is not a metric. Metrics: {metrics}", "“{name}”不是有效的指标。可用的指标：{metrics}"),
    // ── analysis::tiers::rules::RulesError ──
    (
        "error.rules.quantiles",
        "Tier shares must satisfy 0 ≤ A ≤ B ≤ C ≤ 1 (cumulative shares of customers), not {a}, {b}, {c}.",
        "分级比例须满足 0 ≤ A ≤ B ≤ C ≤ 1（客户的累计比例），当前为 {a}、{b}、{c}。",
    ),
    (
        "error.rules.cutoffs",
        "Tier cut-offs must satisfy 100 ≥ A ≥ B ≥ C ≥ 0 (scores), not {a}, {b}, {c}.",
        "分级得分线须满足 100 ≥ A ≥ B ≥ C ≥ 0（得分），当前为 {a}、{b}、{c}。",
    ),
    (
        "error.rules.watchlist",
        "The watchlist's share of sales and its cap must each be above 0 and at most 100%, not {cover} and {cap}.",
        "核心名单的销售额覆盖比例和人数上限须大于 0 且不超过 100%，当前为 {cover} 和 {cap}。",
    ),
    ("error.rules.grace", "The grace band must be 0 to 20 score points, not {grace}.", "缓冲带须在 0 到 20 分之间，当前为 {grace}。"),
    // ── analysis::backtest::tune::TuneError ──
    ("error.tune.no_history", "There is not enough history to replay.", "历史数据不足，无法进行回测。"),
    ("error.tune.cancelled", "Tuning cancelled.", "阈值校准已取消。"),
    // ── model::hs::HsError ──
    ("error.hs.not_digits", "HS code “{code}” contains characters other than digits.", "HS编码“{code}”含有数字以外的字符。"),
    (
        "error.hs.too_short",
        "HS code “{code}” has {digits} digits; at least 6 are needed.",
        "HS编码“{code}”只有 {digits} 位，至少需要 6 位。",
    ),
    (
        "error.hs.too_long",
        "HS code “{code}” has {digits} digits; no tariff code is that long.",
        "HS编码“{code}”有 {digits} 位，没有这么长的税则编码。",
    ),
    (
        "error.hs.no_such_chapter",
        "HS code “{code}” starts with chapter {chapter}, which does not exist.",
        "HS编码“{code}”以第 {chapter} 章开头，而该章并不存在。",
    ),
    // ── demo::DemoError ──
    ("error.demo.xlsx", "Could not write the demo workbook: {detail}", "无法写入演示工作簿：{detail}"),
    (
        "error.view.no_data",
        "The workspace holds no shipments yet: import your customs files first.",
        "工作区中还没有任何发货记录：请先导入海关数据文件。",
    ),
    (
        "error.view.no_me",
        "Tell the app which supplier is your company first (Settings → Our company).",
        "请先指定哪个供应商是贵公司（设置 → 本公司）。",
    ),
];
