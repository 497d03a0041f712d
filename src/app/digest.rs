//! What changed since last month: the portfolio at two dates side by side — customers whose health
//! level rose or fell, signals that are new, tier changes, customers newly on or off the core
//! watchlist, new upgrade candidates and the largest moves in our sales — the page an owner reads
//! at the monthly sales meeting.

use crate::analysis::health::{CustomerHealth, HealthReport, HealthSettings, Level, SignalKind, assess};
use crate::analysis::tiers::{CustomerTier, Tier, TierModel, TierReport, TierRules, WeightProfile};
use crate::model::date::months_back;
use crate::model::{CompanyId, Dataset, ManualAttributes};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Sales moves listed, largest first.
pub const MOVES_SHOWN: usize = 10;

/// A customer whose level changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelChange {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its level at the earlier date (green when it was not a customer of ours then).
    pub before: Level,
    /// Its level now.
    pub now: Level,
    /// The worst risk signal's explanation now (English, Chinese), when there is one.
    pub reason: Option<(String, String)>,
}

/// A signal present now that was not at the earlier date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewSignal {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// The signal's kind.
    pub kind: SignalKind,
    /// Its explanation (English, Chinese).
    pub reason: (String, String),
}

/// A customer whose tier changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierChange {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its tier at the earlier date (`None`: not a customer of ours then).
    pub before: Option<Tier>,
    /// Its tier now (`None`: no longer a customer of ours).
    pub now: Option<Tier>,
}

/// A customer by name, for the on/off lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Our sales to it over the 12 months to now (USD).
    pub our_sales_12m: f64,
}

/// Our 12-month sales to a customer then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalesMove {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Our sales over the 12 months to the earlier date (USD).
    pub before: f64,
    /// Our sales over the 12 months to now (USD).
    pub now: f64,
}

/// The digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// The earlier date.
    pub since: NaiveDate,
    /// Now.
    pub as_of: NaiveDate,
    /// Customers whose level rose (worse) first, the most of our sales first within each.
    pub level_changes: Vec<LevelChange>,
    /// New signals, risks first.
    pub new_signals: Vec<NewSignal>,
    /// Tier changes, best new tier first.
    pub tier_changes: Vec<TierChange>,
    /// Newly on the core watchlist.
    pub watchlist_on: Vec<Named>,
    /// No longer on it.
    pub watchlist_off: Vec<Named>,
    /// New upgrade candidates.
    pub new_candidates: Vec<Named>,
    /// The largest moves in our 12-month sales, up or down, largest first.
    pub sales_moves: Vec<SalesMove>,
}

impl Digest {
    /// A month in which nothing changed (for tests of what shows a digest).
    #[cfg(test)]
    pub fn quiet(since: NaiveDate, as_of: NaiveDate) -> Digest {
        Digest {
            since,
            as_of,
            level_changes: vec![],
            new_signals: vec![],
            tier_changes: vec![],
            watchlist_on: vec![],
            watchlist_off: vec![],
            new_candidates: vec![],
            sales_moves: vec![],
        }
    }
}

/// The default earlier date: the end of the month before `as_of`'s (a digest on 18 November
/// compares with 31 October, as the monthly meeting reads it).
pub fn last_month(as_of: NaiveDate) -> NaiveDate {
    as_of.with_day(1).and_then(|first| first.pred_opt()).unwrap_or_else(|| months_back(as_of, 1))
}

/// The portfolio's health and tiers at one date.
pub struct At<'a> {
    /// Every customer's health.
    pub health: &'a HealthReport,
    /// Tiers under the settings' profile and rules.
    pub tiers: &'a TierReport,
}

/// Health and tiers measured at a date.
fn measure(data: &Dataset, date: NaiveDate, settings: &Settings<'_>) -> (HealthReport, TierReport) {
    let tiers = TierModel::build(data, date, settings.cfg, settings.manual).evaluate(settings.profile, settings.rules);
    (assess(data, date, settings.cfg), tiers)
}

impl At<'_> {
    fn health(&self) -> FxHashMap<CompanyId, &CustomerHealth> {
        self.health.customers.iter().map(|c| (c.id, c)).collect()
    }

    fn tiers(&self) -> FxHashMap<CompanyId, &CustomerTier> {
        self.tiers.customers.iter().map(|c| (c.id, c)).collect()
    }
}

/// What the digest is computed under: the workspace's thresholds, weights and rules.
pub struct Settings<'a> {
    /// Health thresholds.
    pub cfg: &'a HealthSettings,
    /// The weight profile in use.
    pub profile: &'a WeightProfile,
    /// The tier rules.
    pub rules: &'a TierRules,
    /// The user's 1–5 ratings.
    pub manual: &'a FxHashMap<CompanyId, ManualAttributes>,
}

/// The changes between `since` and `as_of`.
pub fn digest(data: &Dataset, since: NaiveDate, as_of: NaiveDate, settings: &Settings<'_>) -> Digest {
    let (health, tiers) = measure(data, as_of, settings);
    against(data, since, &At { health: &health, tiers: &tiers }, as_of, settings)
}

/// The changes between `since` and `now` (already measured at `as_of`, as the window's snapshot is).
pub fn against(data: &Dataset, since: NaiveDate, now: &At<'_>, as_of: NaiveDate, settings: &Settings<'_>) -> Digest {
    let (health, tiers) = measure(data, since, settings);
    let before = At { health: &health, tiers: &tiers };
    let (h0, h1) = (before.health(), now.health());
    let (t0, t1) = (before.tiers(), now.tiers());
    let reason =
        |c: &CustomerHealth| c.signals.iter().find(|s| s.kind.is_risk()).map(|s| (s.explanation.clone(), s.explanation_zh.clone()));
    let ours_now = |id: CompanyId| h1.get(&id).map_or(0.0, |c| c.ours_12m.dollars());

    let mut level_changes: Vec<LevelChange> = now
        .health
        .customers
        .iter()
        .filter_map(|c| {
            let was = h0.get(&c.id).map_or(Level::Green, |b| b.level);
            (was != c.level).then(|| LevelChange { id: c.id, customer: c.customer.clone(), before: was, now: c.level, reason: reason(c) })
        })
        .collect();
    level_changes.sort_by(|a, b| {
        (b.now > b.before).cmp(&(a.now > a.before)).then(ours_now(b.id).total_cmp(&ours_now(a.id))).then(a.customer.cmp(&b.customer))
    });

    let mut new_signals: Vec<NewSignal> = Vec::new();
    for c in &now.health.customers {
        let had: Vec<SignalKind> = h0.get(&c.id).map(|b| b.signals.iter().map(|s| s.kind).collect()).unwrap_or_default();
        for s in c.signals.iter().filter(|s| !had.contains(&s.kind)) {
            new_signals.push(NewSignal {
                id: c.id,
                customer: c.customer.clone(),
                kind: s.kind,
                reason: (s.explanation.clone(), s.explanation_zh.clone()),
            });
        }
    }
    new_signals.sort_by(|a, b| b.kind.is_risk().cmp(&a.kind.is_risk()).then(ours_now(b.id).total_cmp(&ours_now(a.id))));

    let names: FxHashMap<CompanyId, &str> =
        before.tiers.customers.iter().chain(&now.tiers.customers).map(|c| (c.id, c.customer.as_str())).collect();
    let mut tier_changes: Vec<TierChange> = names
        .iter()
        .filter_map(|(id, name)| {
            let (was, is) = (t0.get(id).map(|c| c.tier), t1.get(id).map(|c| c.tier));
            (was != is).then(|| TierChange { id: *id, customer: name.to_string(), before: was, now: is })
        })
        .collect();
    tier_changes.sort_by(|a, b| a.now.unwrap_or(Tier::D).cmp(&b.now.unwrap_or(Tier::D)).then(a.customer.cmp(&b.customer)));

    let named = |c: &CustomerTier| Named { id: c.id, customer: c.customer.clone(), our_sales_12m: ours_now(c.id) };
    let on = |t: &FxHashMap<CompanyId, &CustomerTier>, id: CompanyId| t.get(&id).is_some_and(|c| c.core);
    let watchlist_on = now.tiers.customers.iter().filter(|c| c.core && !on(&t0, c.id)).map(named).collect();
    let watchlist_off = before.tiers.customers.iter().filter(|c| c.core && !on(&t1, c.id)).map(named).collect();
    let was_candidate = |id: CompanyId| before.tiers.upgrade_candidates.iter().any(|u| u.id == id);
    let new_candidates = now
        .tiers
        .upgrade_candidates
        .iter()
        .filter(|u| !was_candidate(u.id))
        .map(|u| Named { id: u.id, customer: u.customer.clone(), our_sales_12m: ours_now(u.id) })
        .collect();

    let mut sales_moves: Vec<SalesMove> = names
        .iter()
        .map(|(id, name)| SalesMove {
            id: *id,
            customer: name.to_string(),
            before: h0.get(id).map_or(0.0, |c| c.ours_12m.dollars()),
            now: ours_now(*id),
        })
        .filter(|m| m.now != m.before)
        .collect();
    sales_moves.sort_by(|a, b| (b.now - b.before).abs().total_cmp(&(a.now - a.before).abs()).then(a.customer.cmp(&b.customer)));
    sales_moves.truncate(MOVES_SHOWN);

    Digest { since, as_of, level_changes, new_signals, tier_changes, watchlist_on, watchlist_off, new_candidates, sales_moves }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_month_is_the_end_of_the_month_before() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(last_month(d(2025, 11, 18)), d(2025, 10, 31));
        assert_eq!(last_month(d(2025, 11, 30)), d(2025, 10, 31));
        assert_eq!(last_month(d(2026, 1, 1)), d(2025, 12, 31));
        assert_eq!(last_month(d(2024, 3, 15)), d(2024, 2, 29));
    }
}
