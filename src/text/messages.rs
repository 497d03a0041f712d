//! Texts of the messages the import builds: refused rows, notes on the columns chosen, warnings on
//! numbers that look wrong, skipped sheets.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    // ── a refused row: why ──
    (
        "import.reject.open_quote",
        "the cell opens a quote (\") that never closes: the row is damaged (the rows after it were read on their own)",
        "该单元格的引号（\"）没有闭合：此行已损坏（其后的行已单独读取）",
    ),
    (
        "import.reject.too_long",
        "the cell is too long: {chars} characters, more than any {field} holds (at most {cap}); the row may be damaged",
        "单元格过长：{chars} 个字符，超出“{field}”可能的长度（最多 {cap}）；此行可能已损坏",
    ),
    ("import.reject.buyer_empty", "the buyer is empty", "进口商为空"),
    (
        "import.reject.buyer_hidden",
        "the buyer is hidden ('{name}'): the record does not say who bought",
        "进口商被隐去（“{name}”）：记录未说明买方是谁",
    ),
    (
        "import.reject.buyer_is_header",
        "the buyer reads '{name}', a column name of this sheet, not a company: the cell is damaged",
        "进口商为“{name}”，这是本表的列名而非公司名：单元格已损坏",
    ),
    (
        "import.reject.supplier_is_header",
        "the supplier reads '{name}', a column name of this sheet, not a company: the cell is damaged",
        "供应商为“{name}”，这是本表的列名而非公司名：单元格已损坏",
    ),
    ("import.reject.hs_empty", "the HS code is empty", "HS编码为空"),
    (
        "import.reject.no_currency",
        "the row names no currency, and its value column is not in US dollars",
        "此行未注明币种，而金额列并非美元",
    ),
    ("import.reject.bad_rate", "the exchange rate {rate} cannot convert to USD", "汇率 {rate} 无法换算为美元"),
    (
        "import.reject.value_too_large",
        "the value {value} is not plausible for one record (over {max} USD)",
        "金额 {value} 对单条记录而言不合理（超过 {max} 美元）",
    ),
    (
        "import.reject.no_rate_for_month",
        "the value is in {currency} and the reference rates have no rate for {month}; give the file's own rate column",
        "金额币种为 {currency}，参考汇率表中没有 {month} 的汇率；请指定文件自带的汇率列",
    ),
    (
        "import.reject.no_rate",
        "the value is in {currency}, not US dollars, and there is no reference rate for it; give the file's own rate column",
        "金额币种为 {currency} 而非美元，且没有该币种的参考汇率；请指定文件自带的汇率列",
    ),
    ("import.reject.not_a_month", "'{text}' is not a month", "“{text}”不是月份"),
    ("import.reject.date_empty", "the {field} is empty", "“{field}”为空"),
    ("import.reject.date_error_cell", "'{text}' is a spreadsheet error, not a date", "“{text}”是表格错误值，不是日期"),
    ("import.reject.not_a_date", "'{text}' is not a date", "“{text}”不是日期"),
    (
        "import.reject.not_a_date_in_order",
        "'{text}' is not a date (this column reads dates as {order})",
        "“{text}”不是日期（此列按{order}读取日期）",
    ),
    ("import.term.day_first", "day/month/year", "日/月/年"),
    ("import.term.month_first", "month/day/year", "月/日/年"),
    ("import.reject.value_empty", "the value is empty", "金额为空"),
    ("import.reject.other_currency", "'{text}' is in {currency}, not US dollars", "“{text}”的币种是 {currency}，不是美元"),
    ("import.reject.not_an_amount", "'{text}' is not an amount", "“{text}”不是金额"),
    ("import.reject.not_a_number", "'{text}' is not a number", "“{text}”不是数字"),
    // ── notes on the columns chosen ──
    (
        "import.note.month_first",
        "dates read as month/day/year (decided from the column's values)",
        "日期按“月/日/年”读取（根据该列的数值判断）",
    ),
    (
        "import.note.day_order_undecided",
        "no date in the column shows whether it is day/month or month/day (every day is 12 or less); read as day/month/year",
        "该列没有任何日期能区分“日/月”还是“月/日”（所有日都不超过 12）；按“日/月/年”读取",
    ),
    ("import.note.tonnes", "weight '{column}' is in tonnes and was converted to kg", "重量列“{column}”以吨为单位，已换算为千克"),
    (
        "import.note.decimal_comma",
        "numbers use a decimal comma (1.234,50), decided from the sheet's values",
        "数字使用逗号作小数点（1.234,50），根据表中数值判断",
    ),
    (
        "import.note.value_scale",
        "'{column}' is in {scale} of US dollars: multiplied by {factor}",
        "“{column}”以{scale}美元为单位：已乘以 {factor}",
    ),
    ("import.term.thousands", "thousands", "千"),
    ("import.term.ten_thousands", "tens of thousands", "万"),
    ("import.term.millions", "millions", "百万"),
    (
        "import.note.column_groups_thousands",
        "'{column}' groups thousands with its separator (1.234 = one thousand two hundred and thirty-four), decided from its own values",
        "“{column}”中的分隔符是千位分隔符（1.234 即一千二百三十四），根据该列自身数值判断",
    ),
    (
        "import.note.local_name",
        "'{chosen}' is used as the {field} name; '{other}' is kept as another spelling",
        "“{chosen}”用作{field}名称；“{other}”保留为另一种写法",
    ),
    (
        "import.note.currency_column_usd",
        "'{column}' is in the currency '{currency}' names: US dollars",
        "“{column}”的币种由“{currency}”列注明：美元",
    ),
    (
        "import.note.currency_column",
        "'{column}' is in the currency '{currency}' names for each row",
        "“{column}”的币种由“{currency}”列逐行注明",
    ),
    ("import.note.currency_converted", "rows in {codes} are converted at the {source} of their month", "{codes} 的行按当月{source}换算"),
    (
        "import.note.currency_refused",
        "rows in {codes} are refused: no reference rate for it, and the file gives none",
        "{codes} 的行被拒绝：没有该币种的参考汇率，文件中也未提供汇率",
    ),
    ("import.term.fx_source", "European Central Bank euro reference rates, monthly averages", "欧洲央行欧元参考汇率（月平均值）"),
    (
        "import.note.derived_zero_dollars",
        "value in USD = '{local}' ÷ '{rate}' (the dollar column holds only zeros)",
        "美元金额 =“{local}”÷“{rate}”（美元列全为零）",
    ),
    ("import.note.only_zeros", "'{column}' holds only zeros in the first rows", "“{column}”在前几行全为零"),
    ("import.note.derived", "no USD value column: value in USD = '{local}' ÷ '{rate}'", "没有美元金额列：美元金额 =“{local}”÷“{rate}”"),
    (
        "import.note.local_per_row",
        "no USD value column: '{column}' is in the currency '{currency}' names for each row",
        "没有美元金额列：“{column}”的币种由“{currency}”列逐行注明",
    ),
    (
        "import.note.local_reference",
        "no USD value column: '{column}' is in {currency}, converted to US dollars at the {source} of each record's month (to {last})",
        "没有美元金额列：“{column}”的币种为 {currency}，按每条记录当月的{source}换算为美元（汇率截至 {last}）",
    ),
    ("import.note.value_from", "value in USD from '{column}' ({kind}, {currency})", "美元金额取自“{column}”（{kind}，{currency}）"),
    (
        "import.note.value_from_over",
        "value in USD from '{column}' ({kind}, {currency}; preferred to {others})",
        "美元金额取自“{column}”（{kind}，{currency}；优先于 {others}）",
    ),
    (
        "import.note.value_from_plausible",
        "value in USD from '{column}': '{other}' comes to {per_kg} a kilogram for goods of HS chapter {chapter} (at most {most} expected), so it is not in US dollars",
        "美元金额取自“{column}”：按“{other}”计算，HS 第 {chapter} 章商品每千克 {per_kg}（预期最多 {most}），因此它不是美元",
    ),
    ("import.term.in_usd", "in US dollars", "美元"),
    (
        "import.term.usd_checked",
        "no currency stated, taken as US dollars and checked against the weights",
        "未注明币种，按美元读取并已用重量核对",
    ),
    (
        "import.term.usd_unchecked",
        "no currency stated, taken as US dollars (no weights to check it against)",
        "未注明币种，按美元读取（没有重量可供核对）",
    ),
    ("import.term.value_fob", "FOB value", "FOB 金额"),
    ("import.term.value_total", "a total", "总额"),
    ("import.term.value_cif", "CIF value", "CIF 金额"),
    ("import.term.value_customs", "customs value", "海关估价"),
    ("import.term.value_invoice", "invoice value", "发票金额"),
    ("import.term.value_shipment", "a whole-shipment total", "整票货物总额"),
    ("import.term.value_bare", "a value", "金额"),
    (
        "import.note.mapping_file_unused",
        "the --mapping file names headers this sheet does not have; its columns were recognised as usual",
        "映射文件中的列名在此表中不存在；已按常规方式识别各列",
    ),
    (
        "import.note.listed_codes",
        "{n} rows list several HS codes in one cell (e.g. 3207.10; 3923.10): each was kept under the first code it names",
        "{n} 行在一个单元格中列出多个 HS 编码（如 3207.10; 3923.10）：每行按所列第一个编码保留",
    ),
    ("import.note.repeated_headers", "{n} repeated header rows among the data were skipped", "数据中重复出现的 {n} 个表头行已跳过"),
    (
        "import.note.precision_overlap",
        "{n} records of this file fall in months for which the workspace holds the same buyers' trade at the other level of detail (monthly summaries beside shipment records): the same trade may be counted twice; keep either the summaries or the full records",
        "本文件有 {n} 条记录所在月份，工作区中已有相同买家另一种粒度的数据（月度汇总与逐票记录并存）：同一笔贸易可能被重复计算；请只保留汇总或逐票记录中的一种",
    ),
    // ── warnings: numbers that look wrong ──
    (
        "import.warn.too_dear",
        "check '{column}': a typical row comes to {per_kg} a kilogram for goods of HS chapter {chapter}, which rarely cost more than {bound} ({factor}× more): the column may be in a local currency",
        "请核对“{column}”：典型一行折合每千克 {per_kg}，而 HS 第 {chapter} 章商品很少超过 {bound}（高出 {factor} 倍）：该列可能是当地货币",
    ),
    (
        "import.warn.too_cheap",
        "check '{column}': a typical row comes to {per_kg} a kilogram for goods of HS chapter {chapter}, where at least {bound} is usual ({factor}× less): the column may be in thousands of dollars, or the weights in grams",
        "请核对“{column}”：典型一行折合每千克 {per_kg}，而 HS 第 {chapter} 章商品通常至少 {bound}（低 {factor} 倍）：该列可能以千美元为单位，或重量以克为单位",
    ),
    (
        "import.warn.values_missing",
        "{n} of {rows} rows have no value: kept with the value unknown (zero), so they count for who buys from whom and by weight, not in money",
        "{rows} 行中有 {n} 行没有金额：已保留并记为金额未知（零），可用于判断谁向谁采购及重量，但不计入金额",
    ),
    (
        "import.warn.all_zero",
        "every value in this sheet is zero: it can show who supplies whom and by weight, but not money",
        "此表所有金额均为零：可看出谁供货给谁及重量，但无法反映金额",
    ),
    // ── sheets skipped, files refused ──
    ("import.skip.empty", "the sheet is empty", "工作表为空"),
    ("import.skip.not_a_table", "{kind}, not a table", "{kind}，不是数据表"),
    ("import.term.chart_sheet", "a chart sheet", "图表工作表"),
    ("import.term.dialog_sheet", "a dialog sheet", "对话框工作表"),
    ("import.term.macro_sheet", "a macro sheet", "宏工作表"),
    ("import.term.vba_module", "a VBA module", "VBA 模块"),
    ("import.skip.no_header_preview", "no row of column names in the first rows", "前几行中没有列名行"),
    (
        "import.skip.no_header",
        "no header row found in the first {rows} rows (looked for column names such as date/日期, buyer/进口商, HS code/HS编码, value/金额); first row: {first}. If the sheet has a header row, name its columns in the mapping dialog or with --mapping FILE.json, e.g. {\"buyer\": \"<the buyer column's header>\"}",
        "前 {rows} 行中没有找到表头行（查找的列名如 date/日期、buyer/进口商、HS code/HS编码、value/金额）；第一行：“{first}”。如果此表有表头行，请在列映射对话框中指定各列",
    ),
    ("import.skip.mapping", "header row {row}: {reason}", "表头第 {row} 行：{reason}"),
    (
        "import.refuse.ended_in_sheet",
        "{file} ended in the middle of sheet '{sheet}'; the file may be damaged or incomplete",
        "{file} 在工作表“{sheet}”中途结束；文件可能已损坏或不完整",
    ),
    ("import.refuse.no_sheets", "the file holds no sheets", "文件中没有工作表"),
    ("import.refuse.sheets_reason", "sheet {sheets}: {reason}", "工作表 {sheets}：{reason}"),
    (
        "import.refuse.reader_crashed",
        "reading {file} failed unexpectedly; the file may be damaged: open it in Excel and save it again",
        "读取 {file} 时意外失败；文件可能已损坏：请用 Excel 打开并重新保存",
    ),
    // ── the window's own failures ──
    (
        "error.unexpected",
        "Something went wrong that the app did not expect. Nothing was changed. If it happens again, send the diagnostics (Settings → Copy diagnostics) to support. Detail: {detail}",
        "发生了意外错误，未做任何更改。如再次出现，请将诊断信息（设置 → 复制诊断信息）发送给技术支持。详情：{detail}",
    ),
    ("error.worker_start", "could not start the worker thread: {detail}", "无法启动后台线程：{detail}"),
    ("error.worker_stopped", "the worker thread has stopped; restart the app", "后台线程已停止，请重新启动程序"),
    (
        "error.worker_panic",
        "internal error: {detail}. Nothing was changed; the log holds the details",
        "内部错误：{detail}。未做任何更改；详情已写入日志",
    ),
    ("error.file_dialog", "could not open a file dialog: {detail}", "无法打开文件对话框：{detail}"),
    ("error.open_workspace", "could not open the workspace {path}: {reason}", "无法打开工作区 {path}：{reason}"),
    ("error.write_file", "could not write {path}: {detail}", "无法写入 {path}：{detail}"),
    ("error.no_workspace", "No workspace is open: open one, or the demo, first.", "尚未打开工作区：请先打开一个工作区或演示数据。"),
    (
        "error.no_dialog_import",
        "No file dialog can open on this computer. Drag the files onto this window instead, or import them from the command line: customs-radar import FILE…",
        "此电脑上无法打开文件对话框。请把文件直接拖到本窗口中，或用命令行导入：customs-radar import 文件…",
    ),
    (
        "error.no_dialog_workspace",
        "No file dialog can open on this computer. Start the app with the workspace file instead: customs-radar --db FILE",
        "此电脑上无法打开文件对话框。请改为用工作区文件启动程序：customs-radar --db 文件",
    ),
    (
        "error.no_dialog_save",
        "No file dialog can open on this computer, and no documents folder was found to save in.",
        "此电脑上无法打开文件对话框，也找不到可用于保存的文档文件夹。",
    ),
];
