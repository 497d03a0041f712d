//! The built-in demo as a family: the portfolio the rules were first tuned on, scored the same way
//! as the others. Its rows go straight into a portfolio (spellings that differ only in punctuation
//! are one company, as the import's matching keys make them).

use super::{Behaviour, PortfolioBuilder, SynthPortfolio};
use crate::demo::{DemoOptions, StoryKind, Truth, cast_for, generate};
use crate::model::CompanyId;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The demo portfolio of `seed` (its story customers and 60,000 rows in all).
pub fn generate_demo(seed: u64) -> SynthPortfolio {
    let options = DemoOptions { seed, ..DemoOptions::default() };
    let cast = cast_for(&options);
    let end = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap_or_default();
    let mut b = PortfolioBuilder::new("demo", seed, end);
    let mut keys: HashMap<String, CompanyId> = HashMap::new();
    let mut id = |b: &mut PortfolioBuilder, name: &str| *keys.entry(key(name)).or_insert_with(|| b.company(name));
    for name in &cast.our_names {
        let us = id(&mut b, name);
        b.us(&b_name(&b, us));
    }
    for name in &cast.competitors {
        let rival = id(&mut b, name);
        b.rival(&b_name(&b, rival), true);
    }
    for code in &cast.catalog {
        b.catalog(code);
    }
    generate(&options, &mut |row| {
        let buyer = id(&mut b, &row.buyer);
        let supplier = id(&mut b, &row.supplier);
        let hs6 = row.hs.get(..6).and_then(|h| h.parse().ok()).unwrap_or(0);
        let (origin, destination) = (b.country(row.origin), b.country(&row.destination));
        b.ship(row.date, buyer, Some(supplier), hs6, row.value_usd, Some(row.weight_kg), Some(origin), Some(destination));
    });
    for story in &cast.stories {
        let Some(behaviour) = behaviour(story.kind, story.truth) else { continue };
        let customer = id(&mut b, &story.customer);
        b.customer(customer, behaviour, story.onset.filter(|_| behaviour.is_story()));
    }
    b.finish()
}

/// The name a company was first seen under.
fn b_name(b: &PortfolioBuilder, id: CompanyId) -> String {
    b.name(id).to_string()
}

/// Spellings that differ only in case, spaces and punctuation are one company.
fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// The demo's story kinds as behaviours; stories that are neither a loss nor quiet (a demand gap,
/// trial suppliers that stay without a loss, a steady 15%-a-quarter decline that never halves a
/// quarter) are left out of the scoring.
fn behaviour(kind: StoryKind, truth: Truth) -> Option<Behaviour> {
    Some(match (kind, truth) {
        (_, Truth::Alert { churn: false }) => return None,
        (StoryKind::ShareShift | StoryKind::ShareSlide, _) => Behaviour::ShareDrift,
        (StoryKind::TrialThenMove, _) => Behaviour::TrialThenSwitch,
        (StoryKind::Shrinking, _) => Behaviour::Shrinking,
        (StoryKind::RhythmThinning, _) => Behaviour::RhythmThinning,
        (StoryKind::Lost, _) => Behaviour::AbruptLoss,
        (StoryKind::Lumpy, _) => Behaviour::Lumpy,
        (StoryKind::Thin, _) => Behaviour::Thin,
        (StoryKind::TrialLeaves, _) => Behaviour::TrialLeaves,
        (StoryKind::FastGrower, _) => Behaviour::Growth,
        (StoryKind::Steady | StoryKind::Seasonal | StoryKind::Wandering | StoryKind::GroupSibling, _) => Behaviour::Steady,
        (StoryKind::NewSuppliers | StoryKind::DemandGap, _) => return None,
    })
}
