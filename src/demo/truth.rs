//! What each story customer was built to show: its onset, the verdict a health check should reach,
//! and one sentence describing the plan.
//!
//! The named customers keep the dates of their hand-written plans (`story.rs`); the portfolio's
//! onsets are drawn per customer (`portfolio.rs`).

use super::StoryKind::{self, *};
use super::calendar::first_day;
use super::portfolio::Member;
use super::roster::CUSTOMERS;
use super::story::{M2025, M2026, SHRINKING_FROM};
use super::{Story, Truth};

/// Every named customer's story, in roster order.
pub(crate) fn named() -> impl Iterator<Item = Story> {
    CUSTOMERS.iter().map(|c| {
        let (onset, truth) = match c.kind {
            ShareShift => (Some(M2025), Truth::Alert { churn: true }),
            // Two known competitors shipping every month for nine months to a customer we had alone: a
            // plan B being built, which deserves more than a note (new_supplier may be orange).
            NewSuppliers => (Some(M2026), Truth::Alert { churn: false }),
            // 15% a quarter for six quarters never halves a quarter against the four before it.
            Shrinking => (Some(SHRINKING_FROM), Truth::Alert { churn: false }),
            // The purchases outside the catalog grow from the first month.
            DemandGap => (Some(0), Truth::Alert { churn: false }),
            FastGrower => (Some(M2026), Truth::Opportunity),
            _ => (None, Truth::Quiet),
        };
        Story { kind: c.kind, customer: c.names[0].to_string(), note: c.note, onset: onset.map(first_day), truth }
    })
}

/// A portfolio customer's story.
pub(crate) fn member(m: &Member) -> Story {
    let truth = match m.kind {
        TrialLeaves => Truth::AtMostYellow,
        FastGrower => Truth::Opportunity,
        ShareSlide | TrialThenMove | Shrinking | RhythmThinning | Lost => Truth::Alert { churn: true },
        _ => Truth::Quiet,
    };
    Story { kind: m.kind, customer: m.name.clone(), note: note(m.kind), onset: m.onset.map(first_day), truth }
}

/// What a portfolio kind plants, in one sentence.
fn note(kind: StoryKind) -> &'static str {
    match kind {
        Steady => "Portfolio customer buying monthly, mostly from us (60-95%), with about ±15% quarterly noise and no trend.",
        Seasonal => "Portfolio customer whose fourth quarter is about twice its second every year, from us and in total.",
        Lumpy => "Portfolio project buyer: one or two large lots a year in about the same months (±1), nothing in between.",
        Thin => "Portfolio customer buying a few small lots from us, under 5k USD a year in total.",
        Wandering => {
            "Portfolio customer whose share from us moves about ten points around its level each quarter without a trend; \
             its minor supplier (never above about 10%) changes now and then."
        }
        TrialLeaves => {
            "From the onset a supplier new to it ships one or two small trial lots (2-5% of a month) within two months, \
             then never again; our share holds."
        }
        FastGrower => "Small buyer whose purchases, from us and in total, grow three- to fourfold within six months of the onset and hold.",
        ShareSlide => {
            "Category total holds while from the onset a competitor takes our share gradually, from about 80% to 10-16% \
             over 12-14 months, then keeps it."
        }
        TrialThenMove => {
            "We held 90% or more; from the onset a competitor ships small lots most months for 5-6 months, then takes \
             about 80% of the business at once and keeps it."
        }
        Shrinking => {
            "Its whole business (fasteners, tiles, furniture) falls 12-18% a quarter from the onset while our share \
             holds; 12-15 months after the onset it stops importing altogether."
        }
        RhythmThinning => {
            "Monthly buyer from us whose orders from the onset come every two months, then every three, and stop after \
             about a year, while it buys the category from others."
        }
        Lost => "Steady until the onset month, then nothing from us at all (no prior sign) while it keeps buying from a competitor.",
        ShareShift | NewSuppliers | DemandGap | GroupSibling => "",
    }
}
