//! The screens' own view state, one field per screen, kept across frames by the app.

use crate::ui::{customer, customers, growth, import, rhythm, settings, tiers};

/// The screens' own view state.
#[derive(Default)]
pub struct Screens {
    /// Customer table.
    pub customers: customers::CustomersScreen,
    /// Customer detail.
    pub customer: customer::CustomerScreen,
    /// Cross-sell and groups.
    pub growth: growth::GrowthScreen,
    /// Tiers.
    pub tiers: tiers::TiersScreen,
    /// What changed, the review, the team.
    pub rhythm: rhythm::RhythmScreen,
    /// Import.
    pub import: import::ImportScreen,
    /// Settings.
    pub settings: settings::SettingsScreen,
}

impl Screens {
    /// The earlier date of the comparison the review screen shows, when the user asked for one.
    pub fn rhythm_digest_since(&self) -> Option<chrono::NaiveDate> {
        self.rhythm.custom_since()
    }
}
