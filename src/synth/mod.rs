//! Synthetic portfolio families with recorded truth, for judging the early warning on data it was
//! not tuned on (issue 14).
//!
//! Each family makes customer behaviour in its own way (per-quarter formulas, order-by-order
//! simulation, …), written independently of the health rules. Every family records, per customer of
//! ours, the behaviour it acted out and, for a story that ends in a loss, the onset; the churn event
//! is then derived the same way for every family ([`truth`]): the first whole quarter from the onset
//! in which our value falls below half of its average over the four quarters before the onset.
//!
//! [`builder::PortfolioBuilder`] is all a family needs: companies, shipments and the truth.

pub mod allocation;
pub mod builder;
pub mod contracts;
pub mod demo;
pub mod inventory;
pub mod oracle;
pub mod orders;
pub mod quarterly;
pub mod score;
pub mod truth;

pub use builder::PortfolioBuilder;

use crate::model::{CompanyId, Dataset};
use chrono::NaiveDate;
use serde::Serialize;

/// What one customer of ours was made to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Behaviour {
    /// Buys steadily (possibly seasonal, noisy, with a wandering share and 1–4 other suppliers).
    Steady,
    /// One to three large lots a year.
    Lumpy,
    /// Small and irregular.
    Thin,
    /// A temporary dip (one or two quarters) that recovers.
    Dip,
    /// A new supplier ships a few trial lots, then leaves; our share holds.
    TrialLeaves,
    /// Purchases multiply (×2–4 within a year).
    Growth,
    /// Our share drifts to a competitor, a few points a quarter, while the category holds.
    ShareDrift,
    /// A competitor ships trial lots, then takes most of the business.
    TrialThenSwitch,
    /// The customer's whole business shrinks.
    Shrinking,
    /// Our orders come more and more rarely, lots the same size; the rest goes to others.
    RhythmThinning,
    /// We lose the customer at once, with no sign before.
    AbruptLoss,
}

impl Behaviour {
    /// Every behaviour, quiet ones first.
    pub const ALL: [Behaviour; 11] = [
        Behaviour::Steady,
        Behaviour::Lumpy,
        Behaviour::Thin,
        Behaviour::Dip,
        Behaviour::TrialLeaves,
        Behaviour::Growth,
        Behaviour::ShareDrift,
        Behaviour::TrialThenSwitch,
        Behaviour::Shrinking,
        Behaviour::RhythmThinning,
        Behaviour::AbruptLoss,
    ];

    /// True for the stories that end in a loss (they carry an onset); the rest must stay quiet
    /// (never orange or red; a trial supplier may be yellow).
    pub fn is_story(self) -> bool {
        matches!(
            self,
            Behaviour::ShareDrift | Behaviour::TrialThenSwitch | Behaviour::Shrinking | Behaviour::RhythmThinning | Behaviour::AbruptLoss
        )
    }

    /// The snake_case name.
    pub fn key(self) -> &'static str {
        match self {
            Behaviour::Steady => "steady",
            Behaviour::Lumpy => "lumpy",
            Behaviour::Thin => "thin",
            Behaviour::Dip => "dip",
            Behaviour::TrialLeaves => "trial_leaves",
            Behaviour::Growth => "growth",
            Behaviour::ShareDrift => "share_drift",
            Behaviour::TrialThenSwitch => "trial_then_switch",
            Behaviour::Shrinking => "shrinking",
            Behaviour::RhythmThinning => "rhythm_thinning",
            Behaviour::AbruptLoss => "abrupt_loss",
        }
    }
}

/// The truth of one customer of ours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerTruth {
    /// The customer.
    pub id: CompanyId,
    /// What it was made to do.
    pub behaviour: Behaviour,
    /// When the story began (stories only).
    pub onset: Option<NaiveDate>,
    /// The first day of the churn event's quarter, when the loss happened within the data
    /// (derived by [`truth::event_quarter`]).
    pub event: Option<NaiveDate>,
    /// False for a story at a customer too small for a churn event (see
    /// [`builder::MIN_EVENT_QUARTER_USD`]): left out of the scoring.
    pub scored: bool,
}

/// A generated portfolio: the data as analysis sees it after an import, and the truth.
#[derive(Debug, Clone)]
pub struct SynthPortfolio {
    /// The family's name.
    pub family: &'static str,
    /// The seed it was made with.
    pub seed: u64,
    /// Shipments, companies, our names, declared competitors, catalog.
    pub dataset: Dataset,
    /// Every customer of ours with its behaviour, onset and event.
    pub customers: Vec<CustomerTruth>,
}

/// The families, each made independently of the others and of the health rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Per-quarter formulas: levels, seasons, shares and stories written per quarter.
    Quarterly,
    /// Order by order: arrival times, lot sizes, supplier preferences that wander, a shared cycle.
    Orders,
    /// Monthly demand shared among suppliers by preferences that move (a choice model).
    Allocation,
    /// Supply contracts renewed now and then, called off in orders.
    Contracts,
    /// Stock kept and reordered when it runs low, from downstream sales (kept out of sight while the
    /// rules were developed further: the held-out family).
    Inventory,
}

impl Family {
    /// Every family.
    pub const ALL: [Family; 5] = [Family::Quarterly, Family::Orders, Family::Allocation, Family::Contracts, Family::Inventory];

    /// The snake_case name.
    pub fn key(self) -> &'static str {
        match self {
            Family::Quarterly => "quarterly",
            Family::Orders => "orders",
            Family::Allocation => "allocation",
            Family::Contracts => "contracts",
            Family::Inventory => "inventory",
        }
    }

    /// The family's portfolio for `seed` (the same seed gives the same portfolio).
    pub fn generate(self, seed: u64) -> SynthPortfolio {
        match self {
            Family::Quarterly => quarterly::generate(seed),
            Family::Orders => orders::generate(seed),
            Family::Allocation => allocation::generate(seed),
            Family::Contracts => contracts::generate(seed),
            Family::Inventory => inventory::generate(seed),
        }
    }
}
