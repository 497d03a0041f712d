//! Texts of the reasons inside the library's refusals: why a file is not a format we read, why a
//! workbook is damaged, what to do when a sheet lacks a column, why a setting or a PDF failed.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    // ── import::source::ReadError::Unsupported (after “{path} cannot be imported:”) ──
    (
        "import.read.web_page",
        "this file is a web page (HTML) saved with a spreadsheet name; open it in Excel and save it as .xlsx",
        "这个文件其实是网页（HTML），只是起了表格文件的名字。请用 Excel 打开它，另存为 .xlsx 格式后再导入。",
    ),
    (
        "import.read.not_a_workbook",
        "the file is not a valid workbook (it may be damaged or only partly downloaded)",
        "该文件不是有效的工作簿（可能已损坏，或没有下载完整）。",
    ),
    (
        "import.read.extension",
        "'.{ext}' files are not supported; use .xlsx, .xlsm, .xls, .xlsb, .ods, .csv, .tsv or .txt",
        "不支持“.{ext}”格式的文件，请使用 .xlsx、.xlsm、.xls、.xlsb、.ods、.csv、.tsv 或 .txt 文件。",
    ),
    // ── import::source::ReadError::Workbook (inside “cannot be read as a workbook (…)”) ──
    (
        "import.read.incomplete",
        "the file is damaged or incomplete, perhaps cut short while copying or downloading ({detail})",
        "文件已损坏或不完整，可能是复制或下载时中断了：{detail}",
    ),
    (
        "import.read.cell_beyond",
        "sheet '{sheet}' has a cell beyond Excel's {rows} rows × {columns} columns: the workbook is damaged or forged",
        "工作表“{sheet}”中有单元格超出了 Excel 的 {rows} 行 × {columns} 列上限：工作簿已损坏或是伪造的",
    ),
    (
        "import.read.repeated_rows",
        "sheet '{sheet}' repeats row {row} more than {limit} times: the file is damaged or forged",
        "工作表“{sheet}”把第 {row} 行重复了 {limit} 次以上：文件已损坏或是伪造的",
    ),
    (
        "import.read.part_too_large",
        "its part {part} unpacks to {size} MB, more than the {limit} MB any workbook part may take here",
        "其中的部件 {part} 解压后有 {size} MB，超过了本软件允许单个工作簿部件占用的 {limit} MB",
    ),
    ("import.read.too_large", "it unpacks to more than {limit} MB in all", "解压后总大小超过 {limit} MB"),
    (
        "import.read.zip_bomb",
        "its part {part} unpacks {ratio}-fold to {size} MB: a zip bomb, not a workbook",
        "其中的部件 {part} 解压后膨胀了 {ratio} 倍，达到 {size} MB：这是“压缩炸弹”，不是工作簿",
    ),
    ("import.read.unpack_failed", "{part} cannot be unpacked: {detail}", "无法解压 {part}：{detail}"),
    (
        "import.read.forged_strings",
        "its shared-string table announces {count} strings in {size} bytes: the workbook is damaged or forged",
        "它的共享字符串表声称 {size} 字节中有 {count} 个字符串：工作簿已损坏或是伪造的",
    ),
    (
        "import.read.long_text",
        "its part {part} holds a run of text of more than {limit} characters, longer than any cell: the workbook is damaged or forged",
        "其中的部件 {part} 含有一段超过 {limit} 个字符的连续文本，比任何单元格能容纳的都长：工作簿已损坏或是伪造的",
    ),
    // ── import::mapping::MappingError::Missing's hint (after “No column was found for …”) ──
    ("import.hint.header_empty", "The header row is empty", "标题行是空的"),
    ("import.hint.found", "found {fields}", "已识别：{fields}"),
    ("import.hint.none_found", "no field recognised", "没有识别出任何字段"),
    (
        "import.hint.no_buyers",
        "The sheet names exporters but no buyers (importer/consignee), so it cannot show who the customers are",
        "表中有出口商，却没有买家（进口商/收货人），因此看不出客户是谁",
    ),
    ("import.hint.no_value", "The sheet has weights but no value in US dollars", "表中有重量，却没有美元金额"),
    ("import.hint.fields_missing", "Some fields every record needs have no column", "每条记录必需的字段中，有些找不到对应的列"),
    (
        "import.hint.name_column",
        "{situation} ({found}). If one of the other columns holds it, name it in the mapping dialog or with --mapping FILE.json, e.g. {\"{field}\": \"<its header>\"}{local_tip}; the choice is remembered for files with these headers",
        "{situation}（{found}）。如果其他某一列就是该字段，请在列对应窗口中指定，或在命令行使用 --mapping FILE.json，例如 {\"{field}\": \"<列标题>\"}{local_tip}；这一选择会被记住，以后列标题相同的文件会自动沿用",
    ),
    (
        "import.hint.local_tip",
        ", or for a value in a local currency {\"local_value\": \"<its header>\", \"exchange_rate\": \"<rate header>\"}",
        "；如果金额是本币，则写 {\"local_value\": \"<金额列标题>\", \"exchange_rate\": \"<汇率列标题>\"}",
    ),
    (
        "import.hint.error_cells",
        "{columns} holds spreadsheet errors (#DIV/0!, #REF!, #N/A…) instead of values: fix the formulas in Excel, or copy the cells and paste them back as values, then import again",
        "{columns} 中是表格错误值（#DIV/0!、#REF!、#N/A…），而不是数值：请在 Excel 中修正公式，或复制这些单元格并“粘贴为数值”，然后重新导入",
    ),
    // ── preferences::PreferenceError (the reason inside) ──
    ("error.preference.in_profile", "{name}: {reason}", "权重方案“{name}”：{reason}"),
    ("error.preference.unreadable", "The stored value cannot be read ({detail}).", "保存的内容无法读取（{detail}）。"),
    // ── report::ReportError::Pdf ──
    ("error.report.font", "the embedded font cannot be read", "内置字体无法读取"),
];
