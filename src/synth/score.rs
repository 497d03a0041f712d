//! The early warning scored against a generated portfolio's truth: the same month-end replay as
//! `backtest`, but the events are the stories' losses the generator planted (not what the data
//! shows), and the false alarms are counted on the customers made to stay quiet.

use super::{Behaviour, SynthPortfolio};
use crate::analysis::backtest::{BacktestOptions, Metrics, Replay, Scored, replay, score};
use crate::analysis::health::{HealthSettings, Level};
use crate::model::CompanyId;
use crate::model::date::months_back;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// How one behaviour fared.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BehaviourScore {
    /// Customers acting it out (active in the replay).
    pub customers: usize,
    /// Their events inside the replay.
    pub events: usize,
    /// Events with an orange or red alert in the 12 months before.
    pub warned: usize,
    /// … at least 90 days before.
    pub warned_90_days: usize,
    /// Customers ever orange or red (before their event, if any).
    pub ever_orange: usize,
    /// Customers ever yellow or worse (before their event, if any).
    pub ever_yellow: usize,
}

/// The scores of one portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TruthScore {
    /// The family.
    pub family: &'static str,
    /// The seed.
    pub seed: u64,
    /// Orange-or-red alerts against the planted events.
    pub orange_or_red: Metrics,
    /// Yellow-or-worse alerts.
    pub yellow_or_worse: Metrics,
    /// The own-sales rule "our last quarter below 60% of the year before".
    pub own_sales_dip: Metrics,
    /// Quiet customers (every behaviour that is not a story) active in the replay.
    pub quiet_customers: usize,
    /// Of those, the ones ever orange or red.
    pub quiet_ever_orange: usize,
    /// `quiet_ever_orange / quiet_customers`.
    pub quiet_orange_rate: Option<f64>,
    /// Quiet customers the own-sales dip rule ever alerted.
    pub quiet_own_sales_dip: usize,
    /// Per behaviour.
    pub by_behaviour: Vec<(Behaviour, BehaviourScore)>,
}

/// Which day of its quarter a planted loss is dated to: an alert counts as a warning only at a
/// month end before that day, and "90 days ahead" is counted from it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dating {
    /// The quarter's first day, before anything of the loss could be seen (the figures reported
    /// first, and the backtest's own convention).
    #[default]
    QuarterStart,
    /// The quarter's last day, when the loss is a fact: a warning inside the quarter counts, and
    /// "90 days ahead" then means about as much as "before the quarter began".
    QuarterEnd,
}

impl Dating {
    /// The date of a loss whose quarter begins on `first_day`.
    pub fn date(self, first_day: NaiveDate) -> NaiveDate {
        match self {
            Dating::QuarterStart => first_day,
            Dating::QuarterEnd => crate::model::Quarter::of(first_day).last_day(),
        }
    }
}

/// Replays the portfolio with `cfg` and scores it against its truth (`None`: nothing to replay).
pub fn score_truth(p: &SynthPortfolio, cfg: &HealthSettings) -> Option<TruthScore> {
    score_replay(p, &replay(&p.dataset, cfg, &BacktestOptions::default())?)
}

/// Scores a replay of the portfolio (judged under any thresholds) against its truth, each loss
/// dated to the first day of its quarter.
pub fn score_replay(p: &SynthPortfolio, r: &Replay) -> Option<TruthScore> {
    score_replay_dated(p, r, Dating::QuarterStart)
}

/// Scores a replay against the portfolio's truth, its losses dated by `dating`.
pub fn score_replay_dated(p: &SynthPortfolio, r: &Replay, dating: Dating) -> Option<TruthScore> {
    let truth: HashMap<CompanyId, &super::CustomerTruth> = p.customers.iter().map(|c| (c.id, c)).collect();
    let (range_start, range_end) = (months_back(*r.month_ends.first()?, 1), *r.month_ends.last()?);
    // Per replayed customer: its behaviour, its event inside the range, and its months before the
    // event (alerts from the event on describe the loss).
    struct Row {
        behaviour: Behaviour,
        events: Vec<NaiveDate>,
        earlier: Vec<NaiveDate>,
        active: Vec<bool>,
    }
    let rows: Vec<Row> = r
        .customers
        .iter()
        .map(|c| {
            let t = truth.get(&c.id);
            let event = t.and_then(|t| t.event).map(|e| dating.date(e));
            let scored = t.is_none_or(|t| t.scored);
            let active = c.active.iter().zip(&r.month_ends).map(|(a, d)| *a && scored && event.is_none_or(|e| *d < e)).collect();
            let (events, earlier) = match event.filter(|_| scored) {
                Some(e) if e > range_start && e <= range_end => (vec![e], vec![]),
                Some(e) if e <= range_start => (vec![], vec![e]),
                _ => (vec![], vec![]),
            };
            // A buyer of ours the generator did not describe is judged as quiet.
            Row { behaviour: t.map_or(Behaviour::Steady, |t| t.behaviour), events, earlier, active }
        })
        .collect();
    let scored: Vec<Scored<'_>> =
        rows.iter().map(|x| Scored { active: &x.active, events: &x.events, earlier_events: &x.earlier }).collect();
    let replayed = &r.customers;
    let at = |level: Level| move |c: usize, i: usize| replayed[c].level[i] >= level;
    let (orange, leads) = score(&r.month_ends, &scored, &at(Level::Orange));
    let (yellow, _) = score(&r.month_ends, &scored, &at(Level::Yellow));
    let (dip, _) = score(&r.month_ends, &scored, &|c: usize, i: usize| r.customers[c].dip[i]);
    let mut by: HashMap<Behaviour, BehaviourScore> = HashMap::new();
    let (mut quiet, mut quiet_orange, mut quiet_dip) = (0, 0, 0);
    for (c, row) in rows.iter().enumerate() {
        if !row.active.iter().any(|a| *a) {
            continue;
        }
        let ever = |level: Level| row.active.iter().zip(&r.customers[c].level).any(|(a, l)| *a && *l >= level);
        let b = by.entry(row.behaviour).or_default();
        b.customers += 1;
        b.events += row.events.len();
        for lead in leads[c].iter().flatten() {
            b.warned += 1;
            b.warned_90_days += usize::from(lead.1 >= 90);
        }
        b.ever_orange += usize::from(ever(Level::Orange));
        b.ever_yellow += usize::from(ever(Level::Yellow));
        if !row.behaviour.is_story() {
            quiet += 1;
            quiet_orange += usize::from(ever(Level::Orange));
            quiet_dip += usize::from(row.active.iter().zip(&r.customers[c].dip).any(|(a, d)| *a && *d));
        }
    }
    let mut by_behaviour: Vec<(Behaviour, BehaviourScore)> = by.into_iter().collect();
    by_behaviour.sort_by_key(|(b, _)| *b);
    Some(TruthScore {
        family: p.family,
        seed: p.seed,
        orange_or_red: orange,
        yellow_or_worse: yellow,
        own_sales_dip: dip,
        quiet_customers: quiet,
        quiet_ever_orange: quiet_orange,
        quiet_orange_rate: (quiet > 0).then(|| quiet_orange as f64 / quiet as f64),
        quiet_own_sales_dip: quiet_dip,
        by_behaviour,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loss_is_dated_to_the_first_or_the_last_day_of_its_quarter() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a date");
        assert_eq!(Dating::QuarterStart.date(d(2023, 4, 1)), d(2023, 4, 1));
        assert_eq!(Dating::QuarterEnd.date(d(2023, 4, 1)), d(2023, 6, 30));
        assert_eq!(Dating::QuarterEnd.date(d(2023, 10, 1)), d(2023, 12, 31));
    }
}
