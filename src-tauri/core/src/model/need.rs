use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One function of the functional need (NF EN 16271): what is expected,
/// never which solution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct FunctionalNeed {
    pub id: String,
    /// A verb and its complement, e.g. « Assurer la tenue au chaud des repas ».
    pub function: String,
    /// How the level is measured, e.g. « Température à cœur au service ».
    pub appraisal_criterion: String,
    /// The expected level, e.g. « ≥ 63 °C ».
    pub level: String,
    pub flexibility: Flexibility,
    /// Sub-criterion under which a better level is scored (F1–F3 only).
    pub subcriterion_id: Option<String>,
}

/// How far a bidder may depart from the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub enum Flexibility {
    /// Imperative: becomes a minimum requirement (also for variants).
    F0,
    /// Low flexibility.
    F1,
    /// Negotiable.
    F2,
    /// High flexibility, indicative level.
    F3,
}
