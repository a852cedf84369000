use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the offers are judged beyond the criteria: what the DCE announces
/// about abnormally low offers and ties, so that the analysis applies
/// exactly what bidders read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct AwardRules {
    #[serde(default)]
    pub low_offer: LowOfferThreshold,
    #[serde(default)]
    pub tie_break: TieBreak,
}

/// The alert threshold of an offer that seems abnormally low (L2152-5,
/// R2152-3): below it the buyer asks for explanations; it never excludes
/// an offer by itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct LowOfferThreshold {
    pub reference: LowOfferReference,
    /// How far under the reference, in percent, an offer triggers the alert.
    pub percent_below: u32,
}

impl Default for LowOfferThreshold {
    fn default() -> Self {
        LowOfferThreshold {
            reference: LowOfferReference::AverageOfOthers,
            percent_below: 20,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum LowOfferReference {
    /// The average amount of the other offers of the lot.
    AverageOfOthers,
    /// The buyer's own estimate of the lot (never printed in the DCE).
    Estimate,
}

/// How two offers with the same total are ranked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// The lower compared amount ranks first.
    #[default]
    LowerPrice,
    /// The better score on the criteria other than price or cost ranks first.
    BetterQuality,
}
