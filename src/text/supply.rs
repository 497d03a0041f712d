//! Texts of supply risk: the customer page's section and the health report's line.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("supply.title", "Supply risk", "供应风险"),
    ("supply.none", "It bought nothing from us in the last 12 months.", "近12个月未向我司采购。"),
    (
        "supply.supplier",
        "Largest supplier of our kind of products: {name}, {share} (a year before: {before}); concentration {hhi}.",
        "同类产品最大供应商：{name}，占 {share}（上一年：{before}）；集中度 {hhi}。",
    ),
    (
        "supply.origin",
        "Largest origin: {country}, {share} (a year before: {before}); concentration {hhi}.",
        "最大原产国：{country}，占 {share}（上一年：{before}）；集中度 {hhi}。",
    ),
    (
        "supply.origin_unknown",
        "The files give the origin of only {known} of its purchases: too little to judge.",
        "文件中只有 {known} 的采购注明原产国，无法判断。",
    ),
    (
        "supply.dependent_ours",
        "Dependent on our own origin: a tariff or disruption there is our risk too.",
        "高度依赖与我司相同的原产国：该国的关税或供应中断也是我司的风险。",
    ),
    (
        "supply.dependent_other",
        "Dependent on one origin that is not ours: an opening to offer a second source.",
        "高度依赖另一原产国：我司可作为第二货源切入。",
    ),
    ("supply.bar_supplier", "Largest supplier", "最大供应商"),
    (
        "supply.portfolio",
        "Our sales by our customers' dependence on one origin (ours: {ours})",
        "按客户对单一原产国的依赖看我司销售额（我司原产国：{ours}）",
    ),
    ("supply.origin_none", "not in the files", "文件未注明"),
    (
        "supply.on_ours",
        "On our origin (our risk): {n} customers, {sales} ({share})",
        "依赖我司原产国（我司风险）：{n} 位客户，{sales}（{share}）",
    ),
    (
        "supply.on_other",
        "On another origin (our opening as a second source): {n}, {sales} ({share})",
        "依赖其他原产国（我司可作第二货源）：{n} 位，{sales}（{share}）",
    ),
    ("supply.spread", "Spread: {n}, {sales} ({share})", "分散：{n} 位，{sales}（{share}）"),
    ("supply.unknown", "Origin not in the files: {n}, {sales} ({share})", "原产国不详：{n} 位，{sales}（{share}）"),
    ("supply.list", "Customers buying {share} or more from one origin ({n})", "{share} 以上来自单一原产国的客户（{n}）"),
    (
        "supply.list_note",
        "Their purchases of our kind of products over 12 months; a click opens the customer.",
        "按近12个月同类产品采购计；点击打开客户。",
    ),
    ("supply.col_origin", "Largest origin", "最大原产国"),
    ("supply.col_means", "For us", "对我司"),
    ("supply.means_risk", "our risk: our own origin", "我司风险：即我司原产国"),
    ("supply.means_opening", "our opening: a second source", "我司机会：第二货源"),
    ("supply.bar_origin", "Largest origin", "最大原产国"),
    ("supply.year_before", "year before", "上一年"),
    ("supply.year_now", "now", "今年"),
];
