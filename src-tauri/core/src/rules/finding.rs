use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Something to fix or to consider, with the article it comes from and the
/// field to open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Finding {
    pub severity: Severity,
    /// Stable identifier of the rule, e.g. `criteria.weights_total`.
    pub code: String,
    /// What is wrong and what to change, in plain French.
    pub message: String,
    /// The article of the Code de la commande publique (or other code), e.g. `L2152-7`.
    pub reference: String,
    /// Path of the dossier field concerned, e.g. `execution.payment_period_days`.
    pub field: String,
}

/// Ordered from most to least severe.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum Severity {
    /// Must be fixed before a final export.
    #[serde(rename = "bloquant")]
    Blocking,
    /// Probably a mistake; the export is still allowed.
    #[serde(rename = "attention")]
    Warning,
    /// A good practice worth considering.
    #[serde(rename = "conseil")]
    Advice,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocking => "bloquant",
            Severity::Warning => "attention",
            Severity::Advice => "conseil",
        }
    }
}
