use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Variants: other solutions a bidder may propose (R2151-8 to R2151-10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Variants {
    pub policy: VariantPolicy,
    /// What every variant must still meet; required when variants are allowed or required.
    pub minimum_requirements: Vec<String>,
    /// Whether a variant must come with an offer for the base solution.
    pub base_offer_required: bool,
    /// How to present a variant (separate file, price breakdown…).
    pub presentation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum VariantPolicy {
    Forbidden,
    Allowed,
    Required,
}

impl VariantPolicy {
    /// Whether bidders may send a variant (allowed or required).
    pub fn admits_variants(self) -> bool {
        self != VariantPolicy::Forbidden
    }
}

/// A prestation supplémentaire éventuelle: a priced extra the buyer may take at signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Pse {
    pub title: String,
    pub description: String,
    /// When pricing it is compulsory, offers are ranked on base + PSE.
    pub pricing_compulsory: bool,
}
