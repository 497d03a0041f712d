//! What the screens draw: one immutable snapshot of a workspace's results, computed on the worker
//! and swapped in whole. The worker keeps the loaded data and the tier model beside it ([`Engine`]) to
//! answer later questions (re-tiering, one customer) without reloading.

use crate::analysis::crosssell::{Bundle, CrossSellReport, crosssell};
use crate::analysis::customers::customers;
use crate::analysis::groups::{GroupsReport, groups};
use crate::analysis::health::{HealthReport, HealthSettings, Level, ThresholdSets, assess};
use crate::analysis::playbook::Playbook;
use crate::analysis::portfolio::{SupplierSummary, our_codes, our_quarterly_sales, suppliers};
use crate::analysis::tiers::{Profiles, ServicePlan, Tier, TierModel, TierReport, TierRules};
use crate::model::{CompanyId, Dataset};
use crate::preferences::{self, PreferenceError};
use crate::store::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Quarters in the trend column.
pub const TREND_QUARTERS: usize = 8;

/// One row of the customer table: a buyer in the data, joined with its health and tier.
#[derive(Debug, Clone)]
pub struct CustomerRow {
    /// Company id.
    pub id: CompanyId,
    /// Display name.
    pub name: String,
    /// Every spelling, for the filter.
    pub aliases: Vec<String>,
    /// Importing country.
    pub country: Option<String>,
    /// Bought from us in the two years to the as-of date (has a health level).
    pub ours: bool,
    /// Health colour.
    pub level: Option<Level>,
    /// Tier and score.
    pub tier: Option<(Tier, f64)>,
    /// On the core watchlist.
    pub core: bool,
    /// Valuable and in trouble: keeps its tier, to be protected (see `CustomerTier::protect`).
    pub protect: bool,
    /// Why it holds its tier (with a tier).
    pub why: Option<crate::text::Message>,
    /// Our sales over 12 months (USD).
    pub our_sales_12m: f64,
    /// Everything it imported in the data, from everyone (USD): what the list sorts by before our
    /// company is known.
    pub total_imports: f64,
    /// Its purchases of our kind of products over 12 months (USD).
    pub category_12m: f64,
    /// Our share of them.
    pub share: Option<f64>,
    /// Our sales per quarter, oldest first ([`TREND_QUARTERS`]).
    pub trend: Vec<f64>,
    /// The worst signal's explanation, English and Chinese.
    pub reason: Option<(String, String)>,
    /// Its owner in the CRM card ("" when nobody is named).
    pub owner: String,
    /// Where its quarterly review stands (core customers only).
    pub review: Option<crate::model::ReviewState>,
    /// When its next order is expected and where it stands (customers with a rhythm).
    pub next_order: Option<(NaiveDate, crate::analysis::next_order::OrderState)>,
}

/// The workspace's settings, as the settings screen edits them.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Our company's names.
    pub me: Vec<String>,
    /// Competitors' names.
    pub competitors: Vec<String>,
    /// Catalog codes.
    pub catalog: Vec<String>,
    /// Health thresholds in use.
    pub thresholds: HealthSettings,
    /// Saved threshold sets.
    pub threshold_sets: ThresholdSets,
    /// Playbook texts.
    pub playbook: Playbook,
    /// Weight profiles.
    pub profiles: Profiles,
    /// Tier rules.
    pub rules: TierRules,
    /// Service plan per tier.
    pub plan: ServicePlan,
    /// Solution bundles.
    pub bundles: Vec<Bundle>,
    /// Which month of each quarter is review month.
    pub review_month: crate::model::ReviewMonth,
    /// The sales team.
    pub team: crate::analysis::team::Team,
}

/// Everything the screens show for one workspace state.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Numbers the snapshots one worker sent, so a view can tell a new one from the one it cached.
    pub generation: u64,
    /// The generation whose figures these are: unchanged when only owners, review marks or the
    /// team were re-read, so what was derived from the figures (a comparison asked for) stays.
    pub computed: u64,
    /// The workspace file.
    pub path: PathBuf,
    /// It is the built-in demo workspace.
    pub demo: bool,
    /// Shipments held.
    pub shipments: usize,
    /// The date results are computed at (the latest shipment).
    pub as_of: Option<NaiveDate>,
    /// Settings.
    pub settings: Settings,
    /// Every supplier, largest first (to find our own company).
    pub suppliers: Vec<SupplierSummary>,
    /// Suppliers selling our codes to our customers, largest first (to name the competitors).
    pub rivals: Vec<crate::analysis::portfolio::Rival>,
    /// The codes we shipped with their value (USD), largest first (to fill the catalog).
    pub our_codes: Vec<(crate::model::Hs6, f64)>,
    /// Every buyer, most valuable to us first.
    pub customers: Vec<CustomerRow>,
    /// Health of the customers of ours.
    pub health: Option<HealthReport>,
    /// Tiers under the active profile.
    pub tiers: Option<Arc<TierReport>>,
    /// Cross-sell gaps.
    pub crosssell: Option<CrossSellReport>,
    /// Groups and referral lists.
    pub groups: Option<GroupsReport>,
    /// The portfolio over the last [`TREND_QUARTERS`] quarters (empty while our company is unknown).
    pub trajectory: Vec<crate::analysis::trajectory::PortfolioQuarter>,
    /// The quarterly review of the core customers.
    pub review: Option<super::review::Review>,
    /// What changed since the previous month end.
    pub digest: Option<Arc<super::digest::Digest>>,
    /// The team's load and the suggested assignment.
    pub team: Option<super::team::TeamView>,
    /// Every customer's next order that can be forecast, the soonest first.
    pub next_orders: Vec<crate::analysis::next_order::NextOrder>,
    /// Our sales by our customers' dependence on one origin.
    pub supply: Option<crate::analysis::supply_risk::PortfolioRisk>,
    /// The customers dependent on one origin, our largest sales first.
    pub origin_dependent: Vec<crate::analysis::supply_risk::SupplyRisk>,
}

impl Snapshot {
    /// The workspace holds no shipments.
    pub fn is_empty(&self) -> bool {
        self.shipments == 0
    }

    /// Analyses need our own company's names.
    pub fn knows_us(&self) -> bool {
        !self.settings.me.is_empty()
    }

    /// A customer row by id.
    pub fn customer(&self, id: CompanyId) -> Option<&CustomerRow> {
        self.customers.iter().find(|c| c.id == id)
    }
}

/// The worker's side of a snapshot: the loaded data and the tier model, for later questions.
pub struct Engine {
    /// The loaded workspace data.
    pub data: Arc<Dataset>,
    /// The tier model at the as-of date, when there are customers of ours.
    pub model: Option<Arc<TierModel>>,
}

/// Reads the settings.
pub fn settings(ws: &Workspace) -> Result<Settings, PreferenceError> {
    Ok(Settings {
        me: ws.role_names(crate::store::Role::Me)?,
        competitors: ws.role_names(crate::store::Role::Competitor)?,
        catalog: ws.catalog()?,
        thresholds: preferences::health_thresholds(ws)?,
        threshold_sets: preferences::threshold_sets(ws)?,
        playbook: preferences::playbook(ws)?,
        profiles: preferences::tier_profiles(ws)?,
        rules: preferences::tier_rules(ws)?,
        plan: preferences::service_plan(ws)?,
        bundles: preferences::bundles(ws)?,
        review_month: preferences::review_month(ws)?,
        team: preferences::team(ws)?,
    })
}

/// How much of the snapshot to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extent {
    /// Everything the window shows.
    All,
    /// Health, tiers, the customer rows and what people keep (owners, the review, the team): what
    /// the review and team commands need, without the digest, cross-sell, groups or trajectory.
    People,
}

/// Computes every result from data already loaded. `step` is told each phase's name as it starts.
/// Results are computed at `as_of` (`None`: the latest shipment, as the window shows them).
pub fn compute(
    ws: &Workspace,
    data: Arc<Dataset>,
    demo: bool,
    as_of: Option<NaiveDate>,
    step: &mut dyn FnMut(&'static str),
) -> Result<(Snapshot, Engine), PreferenceError> {
    compute_extent(ws, data, demo, as_of, step, Extent::All)
}

/// Health, tiers, the customer rows, owners, the review and the team at `as_of` — the rest of the
/// snapshot left empty.
pub fn compute_people(ws: &Workspace, data: Arc<Dataset>, as_of: Option<NaiveDate>) -> Result<Snapshot, PreferenceError> {
    compute_extent(ws, data, false, as_of, &mut |_| {}, Extent::People).map(|(snap, _)| snap)
}

fn compute_extent(
    ws: &Workspace,
    data: Arc<Dataset>,
    demo: bool,
    as_of: Option<NaiveDate>,
    step: &mut dyn FnMut(&'static str),
    extent: Extent,
) -> Result<(Snapshot, Engine), PreferenceError> {
    let settings = settings(ws)?;
    let as_of = super::view::as_of(&data, as_of);
    let mut snap = Snapshot {
        path: ws.path().to_path_buf(),
        demo,
        shipments: data.shipments.len(),
        as_of,
        suppliers: suppliers(&data),
        our_codes: our_codes(&data),
        ..Snapshot::default()
    };
    let mut model = None;
    if let Some(as_of) = as_of {
        if !data.me.is_empty() {
            step("health");
            snap.health = Some(assess(&data, as_of, &settings.thresholds));
            step("tiers");
            let manual = ws.customer_attributes()?;
            let built = TierModel::build(&data, as_of, &settings.thresholds, &manual);
            let profile = preferences::checked(settings.profiles.active())?;
            let tiers = Arc::new(built.evaluate(&profile, &settings.rules));
            model = Some(Arc::new(built));
            snap.tiers = Some(tiers);
            if extent == Extent::People {
                snap.customers = rows(&data, as_of, snap.health.as_ref(), snap.tiers.as_deref());
                snap.settings = settings;
                people(ws, &mut snap)?;
                return Ok((snap, Engine { data, model }));
            }
            snap.rivals = crate::analysis::portfolio::rivals(&data, as_of);
            snap.trajectory = crate::analysis::trajectory::trajectory(&data, as_of, TREND_QUARTERS, &settings.thresholds);
            snap.next_orders = crate::analysis::next_order::next_orders(&data, as_of);
            let (mut risks, portfolio) = crate::analysis::supply_risk::supply_risk(&data, as_of);
            risks.retain(|r| r.now.origin_dependent());
            risks.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m).then_with(|| a.customer.cmp(&b.customer)));
            snap.supply = Some(portfolio);
            snap.origin_dependent = risks;
            step("crosssell");
            snap.crosssell = Some(crosssell(&data, as_of, &settings.bundles, None));
            step("groups");
            snap.groups = Some(groups(&data, as_of, &ws.company_groups()?, &ws.group_answers()?));
        }
        step("customers");
        snap.customers = rows(&data, as_of, snap.health.as_ref(), snap.tiers.as_deref());
        let next: FxHashMap<CompanyId, _> = snap.next_orders.iter().map(|n| (n.id, (n.expected, n.state))).collect();
        for row in &mut snap.customers {
            row.next_order = next.get(&row.id).copied();
        }
    }
    snap.settings = settings;
    people(ws, &mut snap)?;
    Ok((snap, Engine { data, model }))
}

/// What changed since `since` (default: the end of last month), from a snapshot's figures: the
/// health and tiers at its date are reused, those at the earlier date measured. `None` before our
/// company is known. The window adds it after showing the snapshot, since measuring a second date
/// takes as long again as the tiers.
pub fn digest(
    ws: &Workspace,
    data: &Dataset,
    snap: &Snapshot,
    since: Option<NaiveDate>,
) -> Result<Option<super::digest::Digest>, PreferenceError> {
    let (Some(as_of), Some(health), Some(tiers)) = (snap.as_of, &snap.health, &snap.tiers) else { return Ok(None) };
    let settings = &snap.settings;
    let profile = preferences::checked(settings.profiles.active())?;
    let manual = ws.customer_attributes()?;
    let digest_settings = super::digest::Settings { cfg: &settings.thresholds, profile: &profile, rules: &settings.rules, manual: &manual };
    let now = super::digest::At { health, tiers };
    let since = since.unwrap_or_else(|| super::digest::last_month(as_of));
    Ok(Some(super::digest::against(data, since, &now, as_of, &digest_settings)))
}

/// The snapshot with what people keep beside the figures re-read — owners, review marks, the
/// review month — and no analysis redone.
pub fn with_people(ws: &Workspace, snap: &Snapshot) -> Result<Snapshot, PreferenceError> {
    let mut next = snap.clone();
    next.settings.review_month = preferences::review_month(ws)?;
    next.settings.team = preferences::team(ws)?;
    next.settings.plan = preferences::service_plan(ws)?;
    people(ws, &mut next)?;
    Ok(next)
}

/// Fills owners, the review and each row's review state from the workspace.
fn people(ws: &Workspace, snap: &mut Snapshot) -> Result<(), PreferenceError> {
    let cards = ws.crm_cards()?;
    for row in &mut snap.customers {
        row.owner = cards.get(&row.id).map(|k| k.owner.clone()).unwrap_or_default();
    }
    let (Some(tiers), Some(as_of)) = (&snap.tiers, snap.as_of) else { return Ok(()) };
    let month = snap.settings.review_month;
    let (quarter, _) = super::review::quarter_under_review(as_of, month);
    let review = super::review::review(tiers, &cards, &ws.reviews(quarter)?, as_of, month);
    let states: FxHashMap<CompanyId, _> = review.rows.iter().map(|r| (r.id, r.state())).collect();
    for row in &mut snap.customers {
        row.review = states.get(&row.id).copied();
    }
    snap.review = Some(review);
    snap.team = Some(super::team::view(&snap.settings.team, &snap.settings.plan, tiers, &cards));
    Ok(())
}

/// The customer table's rows.
fn rows(data: &Dataset, as_of: NaiveDate, health: Option<&HealthReport>, tiers: Option<&TierReport>) -> Vec<CustomerRow> {
    let health: FxHashMap<CompanyId, _> = health.map(|h| h.customers.iter().map(|c| (c.id, c)).collect()).unwrap_or_default();
    let mut trend = our_quarterly_sales(data, as_of, TREND_QUARTERS);
    let mut out: Vec<CustomerRow> = customers(data, as_of)
        .into_iter()
        .map(|c| {
            let h = health.get(&c.id);
            CustomerRow {
                id: c.id,
                ours: h.is_some(),
                level: h.map(|h| h.level),
                tier: None,
                core: false,
                protect: false,
                why: None,
                our_sales_12m: c.our_sales_12m.dollars(),
                total_imports: c.total_imports.dollars(),
                category_12m: c.category_12m.dollars(),
                share: c.share_12m,
                trend: trend.remove(&c.id).unwrap_or_else(|| vec![0.0; TREND_QUARTERS]),
                reason: h.and_then(|h| h.signals.first()).map(|s| (s.explanation.clone(), s.explanation_zh.clone())),
                owner: String::new(),
                review: None,
                next_order: None,
                name: c.customer,
                aliases: c.aliases,
                country: c.country,
            }
        })
        .collect();
    if let Some(t) = tiers {
        apply_tiers(&mut out, t);
    }
    out
}

/// Writes a tier report's tiers and scores into the rows.
fn apply_tiers(rows: &mut [CustomerRow], report: &TierReport) {
    let by_id: FxHashMap<CompanyId, _> = report.customers.iter().map(|c| (c.id, c)).collect();
    for row in rows {
        let t = by_id.get(&row.id);
        row.tier = t.map(|t| (t.tier, t.score));
        row.core = t.is_some_and(|t| t.core);
        row.protect = t.is_some_and(|t| t.protect);
        row.why = t.map(|t| report.why(t));
    }
}
