//! The most any detector could warn on a generated portfolio: one that knows the day each story
//! began, needs a given number of days of it before it can tell, and never alarms a quiet customer.
//! Scored like the rules ([`super::score`]), it says what recall and lead the planted stories
//! allow from evidence of them — an abrupt stop, for one, leaves no days to tell it by (an alarm
//! raised by chance before a story began can still count as warning it).

use super::SynthPortfolio;
use crate::analysis::backtest::Replay;
use crate::analysis::health::Level;
use chrono::Duration;
use std::collections::HashMap;

/// A copy of replay `r` whose alerts are the oracle's: orange from the first month end at least
/// `evidence_days` after a story's onset, green everywhere else (quiet customers included).
pub fn onset_oracle(p: &SynthPortfolio, r: &Replay, evidence_days: i64) -> Replay {
    let onsets: HashMap<_, _> = p.customers.iter().filter_map(|c| c.onset.filter(|_| c.behaviour.is_story()).map(|o| (c.id, o))).collect();
    let mut out = r.clone();
    for c in &mut out.customers {
        let from = onsets.get(&c.id).map(|o| *o + Duration::days(evidence_days));
        c.level = r.month_ends.iter().map(|d| if from.is_some_and(|f| *d >= f) { Level::Orange } else { Level::Green }).collect();
        c.kinds = vec![[None; 6]; r.month_ends.len()];
    }
    out
}
