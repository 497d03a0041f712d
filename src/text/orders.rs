//! Texts of seasons and the next order: the customer page's section, the dashboard's lists.

/// Key, English, Chinese.
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("order.title", "Next order and season", "下次订单与季节性"),
    (
        "order.too_few",
        "Too few orders with us to read a rhythm (four are needed).",
        "与我司的订单太少，尚无法判断下单节奏（至少需要四次）。",
    ),
    (
        "order.rhythm",
        "Usually {median} days between orders (the middle half {low}–{high}), from {n} orders.",
        "通常每 {median} 天下一次单（中间一半为 {low}–{high} 天），基于 {n} 次订单。",
    ),
    (
        "order.expected",
        "Next order expected about {date} (between {from} and {to}); the last order began {last}.",
        "预计下次订单约在 {date}（{from} 至 {to} 之间）；上次订单始于 {last}。",
    ),
    ("order.due", "Due within 30 days: time to call.", "30 天内到期：该联系客户了。"),
    ("order.later", "Not due yet.", "尚未到期。"),
    (
        "order.late",
        "Later than usual: past its usual range since {date}; time to call.",
        "晚于往常：自 {date} 起已超出通常范围，该联系客户了。",
    ),
    ("order.regular", "Orders so often that no call is needed to prompt the next one.", "下单频繁，无需专门提醒下次订单。"),
    ("order.overdue", "Overdue: later than its usual range since {date}.", "已逾期：自 {date} 起晚于其通常范围。"),
    (
        "order.season",
        "Buys most in Q{q}: {share}% of a year's purchases from us, the same peak in most of {years} years.",
        "第{q}季度采购最多：占全年向我司采购的 {share}%，近 {years} 年中多数年份如此。",
    ),
    ("order.season_none", "No clear season over {years} years.", "近 {years} 年没有明显的季节性。"),
    (
        "order.season_short",
        "Too short a history to tell a season: {years} of the two whole years needed.",
        "历史太短，无法判断季节性：需要两个完整年份，现有 {years} 个。",
    ),
    ("order.season_bars", "Share of a year's purchases from us by quarter", "各季度占全年向我司采购的比例"),
    ("order.state.regular", "frequent", "频繁下单"),
    ("order.state.due", "due", "将到期"),
    ("order.state.late", "late", "晚于往常"),
    ("order.state.later", "later", "未到期"),
    ("order.state.overdue", "overdue", "已逾期"),
    ("order.col", "Next order", "下次订单"),
    ("order.col_state", "Next order: state", "下次订单状态"),
    (
        "order.col_hint",
        "When its next order is expected from its usual rhythm with us, and whether it is due, late or overdue",
        "按其与我司的通常下单节奏预计的下次订单日期，以及是否将到期、晚于往常或已逾期",
    ),
    ("order.dash_due", "Orders due within 30 days ({n})", "30 天内预计下单（{n}）"),
    ("order.dash_due_line", "about {date} ({from} – {to})", "约 {date}（{from} 至 {to}）"),
    ("order.dash_due_since", "due since {date} ({from} – {to})", "自 {date} 起到期（{from} 至 {to}）"),
    ("order.dash_overdue", "Orders overdue beyond their usual range ({n})", "超出通常范围仍未下单（{n}）"),
    ("order.dash_overdue_line", "expected {from} – {to}", "原预计 {from} 至 {to}"),
];
