use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An award criterion (critère d'attribution) and how it is applied (R2152-11).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct AwardCriterion {
    pub id: String,
    pub kind: CriterionKind,
    pub title: String,
    /// Share of the total score, in percent; all criteria add up to 100.
    pub weight_percent: u32,
    /// How the score is computed, written out for bidders.
    pub method: String,
    pub subcriteria: Vec<SubCriterion>,
    /// For a price or cost criterion: the formula that scores the amount.
    /// The DCE words it and the analysis computes it, so they cannot disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub price_formula: Option<PriceFormula>,
}

/// How a price or cost criterion turns an offer's amount into points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum PriceFormula {
    /// Points × lowest amount ÷ the offer's amount.
    LowestOverOffer,
    /// Every point to the lowest amount, none to the highest, linear between.
    Linear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    Price,
    /// Global cost including environmental aspects (R2152-9/10).
    LifeCycleCost,
    Technical,
    Environmental,
    Social,
    Innovation,
    Delivery,
    Other,
}

impl CriterionKind {
    /// Whether the criterion judges the environmental characteristics of the
    /// offer (L2152-7): its environmental performance, or a life-cycle cost
    /// that includes the environmental aspects.
    pub fn is_environmental(self) -> bool {
        matches!(
            self,
            CriterionKind::Environmental | CriterionKind::LifeCycleCost
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct SubCriterion {
    pub id: String,
    pub title: String,
    /// Points within the criterion.
    pub points: u32,
}
