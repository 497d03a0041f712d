//! Groups of companies and group penetration (DESIGN.md, "Growth"): the user's groups and
//! suggested ones, with each member's purchases of our category, and the members that buy our
//! category but not from us — a referral list, since a sister company already trusts us.
//!
//! Suggestions come from names ([`suggest`]) among importers, and are offered only when at least
//! one member is a customer of ours (bought from us in the two years to the as-of date), since a
//! family of strangers refers nobody. An answered suggestion returns only when a company joins it
//! that the answer did not cover (a later import, a split): a rejected one as a suggestion again,
//! an accepted one as an addition to the group it became.

pub mod suggest;

use crate::analysis::crosssell::{OurCodes, SupplierShare};
use crate::analysis::window::Window;
use crate::model::{CompanyGroup, CompanyId, Dataset, GroupAnswer, SuggestionAnswer};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Suppliers listed for a member we do not serve.
const SUPPLIERS_SHOWN: usize = 3;

/// One member's figures over the last 12 months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// Company id.
    #[serde(skip)]
    pub id: CompanyId,
    /// Display name.
    pub customer: String,
    /// Its most common importing country.
    pub country: Option<String>,
    /// Our sales to it (USD).
    pub our_sales_12m: f64,
    /// Its purchases of our category from everyone (USD).
    pub category_12m: f64,
}

/// A member that buys our category, but not from us.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingMember {
    /// Company id.
    #[serde(skip)]
    pub id: CompanyId,
    /// Display name.
    pub customer: String,
    /// Its most common importing country.
    pub country: Option<String>,
    /// It bought from us in the 12 months before (a lapsed customer, not a new lead).
    pub former_customer: bool,
    /// Its purchases of our category over the last 12 months (USD).
    pub category_12m: f64,
    /// Who supplies it now, largest first.
    pub suppliers: Vec<SupplierShare>,
}

/// A group, its members and its referral list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupView {
    /// The group's name (for a suggestion: the shared start of the names).
    pub name: String,
    /// A suggestion not yet answered (answer it by this token).
    pub suggested: bool,
    /// For a suggestion that grew after it was accepted: the group it would add to.
    pub adds_to: Option<String>,
    /// Members the earlier answer did not cover.
    pub new_members: Vec<String>,
    /// Every member.
    pub members: Vec<Member>,
    /// Members buying our category only from others, largest first.
    pub missing_members: Vec<MissingMember>,
    /// Their category purchases together (USD over 12 months).
    pub referral_value: f64,
}

/// Every group, the largest referral value first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupsReport {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// User groups and open suggestions.
    pub groups: Vec<GroupView>,
}

/// Per company: 12-month figures, suppliers of our category, countries.
#[derive(Default)]
struct Figures {
    ours: f64,
    category: f64,
    suppliers: FxHashMap<Option<CompanyId>, f64>,
    countries: FxHashMap<u16, usize>,
    ours_24m: bool,
}

/// The user's groups and open suggestions at `as_of`, each with its referral list.
pub fn groups(data: &Dataset, as_of: NaiveDate, user: &[CompanyGroup], answers: &HashMap<String, SuggestionAnswer>) -> GroupsReport {
    let (year, two) = (Window::trailing_months(as_of, 12), Window::trailing_months(as_of, 24));
    let ours = OurCodes::new(data, as_of);
    let is_us = |s: Option<CompanyId>| s.is_some_and(|id| data.me.contains(&id));
    let mut figures: FxHashMap<CompanyId, Figures> = FxHashMap::default();
    for s in data.shipments.iter().filter(|s| two.contains(s.date)) {
        let f = figures.entry(s.buyer).or_default();
        f.ours_24m |= is_us(s.supplier);
        if let Some(c) = s.destination {
            *f.countries.entry(c).or_default() += 1;
        }
        if year.contains(s.date) && ours.in_category(s.hs6) {
            let v = s.value.dollars();
            f.category += v;
            *f.suppliers.entry(s.supplier).or_default() += v;
            if is_us(s.supplier) {
                f.ours += v;
            }
        }
    }
    let in_user_group: BTreeSet<CompanyId> = user.iter().flat_map(|g| g.members.iter().copied()).collect();
    let importers: BTreeSet<CompanyId> = figures.keys().copied().filter(|id| !data.me.contains(id)).collect();
    let mut out: Vec<GroupView> = user.iter().map(|g| view(data, &g.name, &g.members, &figures)).collect();
    for s in suggest::suggest(data, &importers) {
        if !s.members.iter().any(|m| figures.get(m).is_some_and(|f| f.ours_24m)) {
            continue;
        }
        let (adds_to, covered): (Option<&CompanyGroup>, Vec<CompanyId>) = match answers.get(&s.token) {
            None if s.members.iter().all(|m| in_user_group.contains(m)) => continue,
            None => (None, Vec::new()),
            Some(a) if a.answer == GroupAnswer::Rejected => (None, a.members.clone()),
            Some(a) => match user.iter().find(|g| Some(&g.name) == a.group.as_ref()) {
                Some(g) => (Some(g), g.members.iter().chain(&a.members).copied().collect()),
                // The group it became was deleted since: that is an answer too.
                None => continue,
            },
        };
        let new: Vec<CompanyId> = s.members.iter().copied().filter(|m| !covered.contains(m)).collect();
        if new.is_empty() {
            continue;
        }
        let mut v = view(data, &s.token, &s.members, &figures);
        v.suggested = true;
        v.adds_to = adds_to.map(|g| g.name.clone());
        v.new_members = if covered.is_empty() { Vec::new() } else { new.iter().map(|m| data.name(*m).to_string()).collect() };
        out.push(v);
    }
    out.sort_by(|a, b| b.referral_value.total_cmp(&a.referral_value).then(a.suggested.cmp(&b.suggested)).then(a.name.cmp(&b.name)));
    GroupsReport { as_of, groups: out }
}

fn view(data: &Dataset, name: &str, ids: &[CompanyId], figures: &FxHashMap<CompanyId, Figures>) -> GroupView {
    let empty = Figures::default();
    let country = |f: &Figures| {
        f.countries
            .iter()
            .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
            .and_then(|(c, _)| data.countries.get(usize::from(*c)).cloned())
    };
    let mut members: Vec<Member> = ids
        .iter()
        .map(|id| {
            let f = figures.get(id).unwrap_or(&empty);
            Member { id: *id, customer: data.name(*id).to_string(), country: country(f), our_sales_12m: f.ours, category_12m: f.category }
        })
        .collect();
    members.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m).then(a.customer.cmp(&b.customer)));
    let mut missing: Vec<MissingMember> = ids
        .iter()
        .filter_map(|id| {
            let f = figures.get(id)?;
            if f.category <= 0.0 || f.ours > 0.0 {
                return None;
            }
            let mut suppliers: Vec<SupplierShare> = f
                .suppliers
                .iter()
                .map(|(s, v)| SupplierShare {
                    supplier: s.map_or_else(|| "unknown".to_string(), |s| data.name(s).to_string()),
                    value: *v,
                    share: v / f.category,
                    competitor: s.is_some_and(|s| data.competitors.contains(&s)),
                })
                .collect();
            suppliers.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.supplier.cmp(&b.supplier)));
            suppliers.truncate(SUPPLIERS_SHOWN);
            Some(MissingMember {
                id: *id,
                customer: data.name(*id).to_string(),
                country: country(f),
                former_customer: f.ours_24m,
                category_12m: f.category,
                suppliers,
            })
        })
        .collect();
    missing.sort_by(|a, b| b.category_12m.total_cmp(&a.category_12m).then(a.customer.cmp(&b.customer)));
    let referral_value = missing.iter().map(|m| m.category_12m).sum::<f64>() + 0.0;
    GroupView {
        name: name.to_string(),
        suggested: false,
        adds_to: None,
        new_members: Vec::new(),
        members,
        missing_members: missing,
        referral_value,
    }
}

#[cfg(test)]
mod tests;
