//! The service plan: how each tier is looked after — who owns the customer, how often they are
//! visited, how fast they get an answer, what credit they get. Editable text kept in the
//! workspace; the defaults are a starting point in both languages.

use super::rules::Tier;
use serde::{Deserialize, Serialize};

/// How one tier is served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierService {
    /// Who looks after the customer.
    pub owner: String,
    /// Visit rhythm.
    pub visits: String,
    /// Response time.
    pub response: String,
    /// Credit terms.
    pub credit: String,
    /// Visits a year the plan asks for each customer of the tier, which the team's load counts
    /// (`None`: the tier's default, see [`ServicePlan::visits_a_year`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits_a_year: Option<u32>,
}

/// The service of each tier, A to D.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePlan {
    /// Tier A.
    #[serde(rename = "A")]
    pub a: TierService,
    /// Tier B.
    #[serde(rename = "B")]
    pub b: TierService,
    /// Tier C.
    #[serde(rename = "C")]
    pub c: TierService,
    /// Tier D.
    #[serde(rename = "D")]
    pub d: TierService,
}

/// The fields of a tier's service, as named in JSON and on the command line.
pub const SERVICE_FIELDS: [&str; 4] = ["owner", "visits", "response", "credit"];

impl ServicePlan {
    /// One tier's service.
    pub fn tier(&self, tier: Tier) -> &TierService {
        match tier {
            Tier::A => &self.a,
            Tier::B => &self.b,
            Tier::C => &self.c,
            Tier::D => &self.d,
        }
    }

    /// Visits a year per customer of a tier: the plan's figure, else the defaults' rhythm (A
    /// quarterly, B twice a year, C yearly, D none).
    pub fn visits_a_year(&self, tier: Tier) -> u32 {
        self.tier(tier).visits_a_year.unwrap_or(match tier {
            Tier::A => 4,
            Tier::B => 2,
            Tier::C => 1,
            Tier::D => 0,
        })
    }

    /// One tier's service, to edit.
    pub fn tier_mut(&mut self, tier: Tier) -> &mut TierService {
        match tier {
            Tier::A => &mut self.a,
            Tier::B => &mut self.b,
            Tier::C => &mut self.c,
            Tier::D => &mut self.d,
        }
    }
}

impl TierService {
    /// A field by name (see [`SERVICE_FIELDS`]).
    pub fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        match name {
            "owner" => Some(&mut self.owner),
            "visits" => Some(&mut self.visits),
            "response" => Some(&mut self.response),
            "credit" => Some(&mut self.credit),
            _ => None,
        }
    }

    /// The fields in [`SERVICE_FIELDS`] order.
    pub fn fields(&self) -> [&str; 4] {
        [&self.owner, &self.visits, &self.response, &self.credit]
    }
}

impl Default for ServicePlan {
    fn default() -> ServicePlan {
        let service = |owner: &str, visits: &str, response: &str, credit: &str| TierService {
            owner: owner.into(),
            visits: visits.into(),
            response: response.into(),
            credit: credit.into(),
            visits_a_year: None,
        };
        ServicePlan {
            a: service(
                "总经理或销售总监亲自负责 / Owner or sales director",
                "每季度拜访，每月通话 / Visit quarterly, call monthly",
                "当天回复，优先排产 / Same day; first production slot",
                "可给账期，按年评估额度 / Open account, limit reviewed yearly",
            ),
            b: service(
                "资深业务经理 / Senior account manager",
                "每半年拜访，每月联系 / Visit twice a year, contact monthly",
                "24小时内回复 / Within 24 hours",
                "部分预付，短账期 / Part prepayment, short terms",
            ),
            c: service(
                "业务员 / Sales representative",
                "每年拜访或视频会议，每季度联系 / Yearly visit or video call, contact quarterly",
                "48小时内回复 / Within 48 hours",
                "预付30%，见提单付余款 / 30% deposit, balance against B/L",
            ),
            d: service(
                "业务助理或公共邮箱 / Sales assistant or shared inbox",
                "不拜访，节日问候与新品推送 / No visits; seasonal greetings and new products",
                "3个工作日内回复 / Within 3 working days",
                "全额预付或信用证 / Full prepayment or L/C",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tier_has_every_field_and_edits_land_in_their_tier() {
        let mut plan = ServicePlan::default();
        for tier in Tier::ALL {
            assert!(plan.tier(tier).fields().iter().all(|f| !f.is_empty()));
        }
        *plan.tier_mut(Tier::C).field_mut("visits").expect("fixture") = "Every 9 months".into();
        assert_eq!(plan.c.visits, "Every 9 months");
        assert_eq!(plan.b, ServicePlan::default().b);
        assert!(plan.a.field_mut("colour").is_none());
        assert_eq!(Tier::ALL.map(|t| plan.visits_a_year(t)), [4, 2, 1, 0], "the defaults' rhythm");
        plan.b.visits_a_year = Some(3);
        assert_eq!(plan.visits_a_year(Tier::B), 3);
        let old = r#"{"A":{"owner":"o","visits":"v","response":"r","credit":"c"},"B":{"owner":"o","visits":"v","response":"r","credit":"c"},"C":{"owner":"o","visits":"v","response":"r","credit":"c"},"D":{"owner":"o","visits":"v","response":"r","credit":"c"}}"#;
        assert_eq!(serde_json::from_str::<ServicePlan>(old).expect("a plan saved before visits were counted").visits_a_year(Tier::A), 4);
        plan.b.visits_a_year = None;
        let json = serde_json::to_string(&plan).expect("fixture");
        assert!(json.contains("\"A\":{\"owner\""));
        assert_eq!(serde_json::from_str::<ServicePlan>(&json).expect("fixture"), plan);
    }
}
