//! The alerts as an owner acts on them: grouped by what to do — a competitor is taking the
//! customer, the customer's own business is shrinking, its orders are thinning — each ranked by our
//! sales at stake; a customer that bought nothing from us in 12 months is already lost, a list of
//! its own rather than a red alert.

use super::snapshot::Snapshot;
use crate::analysis::health::{CustomerHealth, Level, SignalKind};

/// What an alert asks the owner to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// Our share is going to someone else (share decline, a new supplier, demand we do not get).
    LosingToCompetitor,
    /// The customer buys less from everyone.
    CustomerShrinking,
    /// Its orders to us come further apart.
    OrdersThinning,
    /// No sales to it in 12 months: win it back, or let it go.
    AlreadyLost,
}

impl Action {
    /// Every action, in the order the dashboard lists them.
    pub const ALL: [Action; 4] = [Action::LosingToCompetitor, Action::CustomerShrinking, Action::OrdersThinning, Action::AlreadyLost];

    /// The key of its heading in the vocabulary.
    pub fn text_key(self) -> &'static str {
        match self {
            Action::LosingToCompetitor => "dash.act.competitor",
            Action::CustomerShrinking => "dash.act.shrinking",
            Action::OrdersThinning => "dash.act.thinning",
            Action::AlreadyLost => "dash.act.lost",
        }
    }
}

/// What to do about a customer of some level, given our sales to it over 12 months and its worst
/// risk signal; `None` for a green customer.
pub fn action(level: Level, ours_12m: f64, worst: Option<SignalKind>) -> Option<Action> {
    if level == Level::Green {
        return None;
    }
    if ours_12m <= 0.0 {
        return Some(Action::AlreadyLost);
    }
    Some(match worst {
        Some(SignalKind::BusinessDecline) => Action::CustomerShrinking,
        Some(SignalKind::OrderFrequencyDrop) => Action::OrdersThinning,
        _ => Action::LosingToCompetitor,
    })
}

/// One alert: the customer, what to do and our sales at stake (for one already lost, what we sold
/// it in the 12 months before).
#[derive(Debug, Clone)]
pub struct Alert<'a> {
    /// The customer's health.
    pub health: &'a CustomerHealth,
    /// What to do.
    pub action: Action,
    /// Our sales at stake (USD).
    pub at_stake: f64,
}

/// The alerts of a snapshot, grouped by action in [`Action::ALL`] order, each group by money at
/// stake, largest first.
pub fn grouped(snap: &Snapshot) -> Vec<(Action, Vec<Alert<'_>>)> {
    let Some(health) = &snap.health else { return Vec::new() };
    let mut alerts: Vec<Alert> = health
        .customers
        .iter()
        .filter_map(|h| {
            let ours = h.ours_12m.dollars();
            let worst = h.signals.iter().find(|s| s.kind.is_risk()).map(|s| s.kind);
            let action = action(h.level, ours, worst)?;
            let at_stake = match action {
                // The year before the last: the first four of the trend's eight quarters.
                Action::AlreadyLost => snap.customer(h.id).map_or(0.0, |r| r.trend.iter().take(4).sum()),
                _ => ours,
            };
            Some(Alert { health: h, action, at_stake })
        })
        .collect();
    alerts.sort_by(|a, b| a.action.cmp(&b.action).then_with(|| b.at_stake.total_cmp(&a.at_stake)));
    Action::ALL
        .into_iter()
        .map(|action| (action, alerts.iter().filter(|a| a.action == action).cloned().collect::<Vec<_>>()))
        .filter(|(_, list)| !list.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_alert_lands_where_the_owner_acts_on_it() {
        use SignalKind::*;
        assert_eq!(action(Level::Green, 5_000.0, None), None, "a healthy customer raises nothing");
        assert_eq!(action(Level::Red, 0.0, Some(ShareDecline)), Some(Action::AlreadyLost), "nothing sold in 12 months: lost, not red");
        assert_eq!(action(Level::Orange, 5_000.0, Some(ShareDecline)), Some(Action::LosingToCompetitor));
        assert_eq!(action(Level::Yellow, 5_000.0, Some(NewSupplier)), Some(Action::LosingToCompetitor));
        assert_eq!(action(Level::Yellow, 5_000.0, Some(DemandGap)), Some(Action::LosingToCompetitor));
        assert_eq!(action(Level::Red, 5_000.0, Some(BusinessDecline)), Some(Action::CustomerShrinking));
        assert_eq!(action(Level::Orange, 5_000.0, Some(OrderFrequencyDrop)), Some(Action::OrdersThinning));
    }
}
