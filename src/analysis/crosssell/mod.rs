//! Cross-sell gaps (DESIGN.md, "Growth"): the codes a customer of ours buys from other suppliers
//! that relate to what we sell — by heading or chapter, by co-purchase across every buyer in the
//! data, or by a bundle the user defines — each with its figures, its reasons and an estimated
//! opportunity, per customer and ranked across the portfolio.
//!
//! Codes we sell (in the catalog, or shipped by us) are never gaps: buying them elsewhere is a
//! share question, which health and tiers answer.

mod bundle;
mod gaps;
mod relations;

#[cfg(test)]
mod tests;

pub use bundle::{Bundle, bundle_code};
pub use gaps::{CustomerGaps, Gap, MIN_GAP_USD, SupplierShare};
pub use relations::{
    CO_PURCHASE_MONTHS, MIN_LIFT, MIN_OTHER_BUYERS, MIN_OTHER_PRODUCTS, MIN_PAIR_BUYERS, MIN_SUPPORT, OurCodes, Relation, Relations,
    relations,
};

use crate::model::{CompanyId, Dataset, Hs6};
use chrono::NaiveDate;
use serde::Serialize;

/// How many gaps the portfolio-wide list keeps.
pub const PORTFOLIO_GAPS: usize = 100;

/// One row of the portfolio-wide list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioGap {
    /// The customer's company id.
    #[serde(skip)]
    pub id: CompanyId,
    /// The customer.
    pub customer: String,
    /// The code.
    pub hs: Hs6,
    /// The customer's purchases of it over the last 12 months (USD).
    pub value_12m: f64,
    /// Estimated opportunity (USD a year).
    pub opportunity: f64,
    /// The strongest reason.
    pub reason: String,
    /// The same in Chinese.
    pub reason_zh: String,
    /// The strongest reason in a few words.
    pub label: String,
    /// The product's name (HS text or the files' description).
    pub description: Option<String>,
    /// Related by chapter only (listed after the others).
    pub chapter_only: bool,
}

/// Every customer's gaps and the portfolio's largest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossSellReport {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Customers with gaps first, largest total opportunity first.
    pub customers: Vec<CustomerGaps>,
    /// The largest gaps across the portfolio.
    pub portfolio: Vec<PortfolioGap>,
}

/// Finds the gaps of every customer of ours, or of one company.
pub fn crosssell(data: &Dataset, as_of: NaiveDate, bundles: &[Bundle], only: Option<CompanyId>) -> CrossSellReport {
    let ours = OurCodes::new(data, as_of);
    let related = relations(data, as_of, &ours, bundles);
    let customers = gaps::customer_gaps(data, as_of, &ours, &related, only);
    let mut portfolio: Vec<PortfolioGap> = customers
        .iter()
        .flat_map(|c| {
            c.gaps.iter().map(|g| PortfolioGap {
                id: c.id,
                customer: c.customer.clone(),
                hs: g.hs,
                value_12m: g.value_12m,
                opportunity: g.opportunity,
                reason: g.reason.clone(),
                reason_zh: g.reason_zh.clone(),
                label: g.relations.first().map(Relation::label).unwrap_or_default(),
                description: g.description.clone(),
                chapter_only: g.chapter_only(),
            })
        })
        .collect();
    portfolio.sort_by(|a, b| {
        a.chapter_only
            .cmp(&b.chapter_only)
            .then(b.opportunity.total_cmp(&a.opportunity))
            .then(a.customer.cmp(&b.customer))
            .then(a.hs.cmp(&b.hs))
    });
    portfolio.truncate(PORTFOLIO_GAPS);
    CrossSellReport { as_of, customers, portfolio }
}
