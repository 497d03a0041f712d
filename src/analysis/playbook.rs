//! The response playbook (DESIGN.md): what to do at each level, with talking points filled in from
//! the customer's own figures. The level texts are editable and kept in the workspace; missing parts
//! fall back to these defaults.

use crate::analysis::health::{CustomerHealth, Figures, Level, Signal};
use crate::text::number::{dollars, pct};
use serde::{Deserialize, Serialize};

/// What to do at one level, in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Play {
    /// Short title, English.
    pub title_en: String,
    /// Short title, Chinese.
    pub title_zh: String,
    /// Actions, English.
    pub actions_en: Vec<String>,
    /// Actions, Chinese.
    pub actions_zh: Vec<String>,
    /// How to open the conversation, English.
    pub script_en: String,
    /// How to open the conversation, Chinese.
    pub script_zh: String,
}

/// The playbook for the three alert levels; a level missing from stored JSON takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Playbook {
    /// Yellow.
    pub yellow: Play,
    /// Orange.
    pub orange: Play,
    /// Red.
    pub red: Play,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

impl Default for Playbook {
    fn default() -> Self {
        Playbook {
            yellow: Play {
                title_en: "Review the relationship".into(),
                title_zh: "主动回访，复盘合作".into(),
                actions_en: strings(&[
                    "Call or visit to review the year together: quality, delivery, service.",
                    "Ask what the customer is planning and what it needs that it does not get from us.",
                    "Note what you learn in the customer's card.",
                ]),
                actions_zh: strings(&["电话或上门回访，一起回顾过去一年的质量、交期和服务。", "了解客户接下来的计划，以及哪些需求我们还没有满足。", "把了解到的情况记在客户卡片里。"]),
                script_en: "We value working with you and want to keep improving: how did the last year go from your side, and what should we do better?".into(),
                script_zh: "非常珍惜和贵司的合作，也希望持续改进：从贵司角度看，过去一年合作得怎么样？哪些地方我们可以做得更好？".into(),
            },
            orange: Play {
                title_en: "Rescue team: answer the change".into(),
                title_zh: "成立挽留小组，针对变化拿出方案".into(),
                actions_en: strings(&[
                    "Form a small team (sales, product, production) this week.",
                    "Prepare the figures that show we understand the change, and an offer that answers it: product, capacity, price.",
                    "Present it as upgrading the partnership, not as defending our share.",
                ]),
                actions_zh: strings(&["本周成立由销售、产品、生产组成的小组。", "准备好能说明我们理解这一变化的数据，以及针对性的方案：产品、产能、价格。", "以共同升级合作的姿态沟通，而不是防守份额。"]),
                script_en: "We have looked at how your purchasing has changed and prepared a proposal to support where you are heading.".into(),
                script_zh: "我们研究了贵司近期采购的变化，准备了一套方案，希望更好地支持贵司下一步的发展。".into(),
            },
            red: Play {
                title_en: "Protect ourselves, stay first in line".into(),
                title_zh: "先保护自身，同时保持首选地位".into(),
                actions_en: strings(&[
                    "Review credit limit, payment terms and credit insurance now.",
                    "Offer flexible support: smaller lots, adjusted terms, stock held for them.",
                    "Keep in close touch so we are first in line when business recovers.",
                ]),
                actions_zh: strings(&["立即复核信用额度、付款条件和信用保险。", "提供灵活支持：小批量、调整账期、为其备货。", "保持密切联系，在其业务恢复时我们是第一选择。"]),
                script_en: "We know the market is hard right now. How can we adapt lots and terms to help you through it?".into(),
                script_zh: "我们了解目前市场不容易。我们可以在批量和条件上怎样调整，帮助贵司渡过这段时间？".into(),
            },
        }
    }
}

impl Playbook {
    /// The play for a level (none for green).
    pub fn for_level(&self, level: Level) -> Option<&Play> {
        match level {
            Level::Green => None,
            Level::Yellow => Some(&self.yellow),
            Level::Orange => Some(&self.orange),
            Level::Red => Some(&self.red),
        }
    }
}

/// The playbook applied to one customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// The customer's level.
    pub level: Level,
    /// The play for that level.
    pub play: Play,
    /// Talking points from its own figures, English.
    pub talking_points_en: Vec<String>,
    /// The same in Chinese.
    pub talking_points_zh: Vec<String>,
}

/// The advice for a customer, none when it is green.
pub fn advise(playbook: &Playbook, health: &CustomerHealth) -> Option<Advice> {
    let play = playbook.for_level(health.level)?.clone();
    let (en, zh): (Vec<String>, Vec<String>) = health.signals.iter().map(talking_point).unzip();
    Some(Advice { level: health.level, play, talking_points_en: en, talking_points_zh: zh })
}

/// One talking point per signal, from its figures.
fn talking_point(s: &Signal) -> (String, String) {
    let subject = s.subject.clone().unwrap_or_default();
    let since = s.since.unwrap_or(s.from).format("%Y-%m").to_string();
    match &s.figures {
        Figures::ShareDecline(f) => (
            format!(
                "Our part of your purchases went from {} to {} since {since}{}: what made the difference, and what would it take to win it back?",
                pct(f.share_before),
                pct(f.share_now),
                if subject.is_empty() { String::new() } else { format!(" while {subject} grew") }
            ),
            format!(
                "自{since}以来我们在贵司采购中的占比从{}降到{}{}：差异在哪里？我们怎样才能重新赢回？",
                pct(f.share_before),
                pct(f.share_now),
                if subject.is_empty() { String::new() } else { format!("，同期{subject}的份额上升") }
            ),
        ),
        Figures::NewSupplier(f) => (
            format!(
                "We see {subject} supplying you lately ({}): what made you look for another source — price, lead time, range?",
                dollars(f.value)
            ),
            format!("我们注意到{subject}最近开始向贵司供货（{}）：是什么让贵司寻找新的货源——价格、交期还是品类？", dollars(f.value)),
        ),
        Figures::DemandGap(f) if f.codes == 0 => (
            format!(
                "You also buy a dearer grade of {subject} from others: what does it give you that ours lacks? We can quote that grade."
            ),
            format!("贵司也从其他渠道采购更高档次的{subject}：它有哪些我们的产品欠缺的地方？我们可以报这个档次的价。"),
        ),
        Figures::DemandGap(f) => (
            format!(
                "You bought {} of {subject} and related products from others this year: shall we quote for them together with our range?",
                dollars(f.value_12m)
            ),
            format!("今年贵司从其他渠道采购了{}的{subject}等产品：要不要我们连同现有产品一起报价？", dollars(f.value_12m)),
        ),
        Figures::BusinessDecline(f) => {
            let change = f.imports_6m / f.imports_6m_year_before.max(1e-9) - 1.0;
            let (before_en, before_zh) = if f.two_years {
                ("the same months of the last two years", "前两年同期")
            } else {
                ("the same months last year", "去年同期")
            };
            (
                format!(
                    "Your imports over the last six months are {} on {before_en}: how is your market, and how can we adjust lots and terms while it is slow?",
                    pct(change)
                ),
                format!("贵司近六个月进口额比{before_zh}{}：市场情况如何？在淡的时候我们可以怎样调整批量和条件？", pct(change)),
            )
        }
        Figures::OrderFrequencyDrop(f) => (
            format!(
                "No order from you for {:.0} days, where you used to order every {:.0}: has your planning or stock changed?",
                f.days_since_last, f.usual_gap_days
            ),
            format!("已经{:.0}天没有收到贵司订单，以往约每{:.0}天一单：是计划或库存有变化吗？", f.days_since_last, f.usual_gap_days),
        ),
        Figures::GrowthOpportunity(f) => (
            format!("Your purchases grew {:.1} times: let us plan capacity and priority service for you.", f.multiple),
            format!("贵司采购增长到{:.1}倍：我们来为贵司规划产能和优先服务。", f.multiple),
        ),
    }
}
