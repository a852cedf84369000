use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Social and environmental clauses (execution conditions, L2112-2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct SustainabilityClauses {
    pub environmental_conditions: Vec<Clause>,
    pub social_conditions: Vec<Clause>,
    pub insertion: Option<InsertionClause>,
    pub reserved: Option<ReservedContract>,
}

impl SustainabilityClauses {
    /// Whether an environmental execution condition is written (L2112-2):
    /// a condition with an empty text does not count.
    pub fn has_environmental_condition(&self) -> bool {
        self.environmental_conditions
            .iter()
            .any(|c| !c.text.trim().is_empty())
    }

    /// Whether the contract carries a social consideration: a social
    /// execution condition, an insertion clause or a reservation (L2112-2-1,
    /// L2113-12, L2113-13).
    pub fn has_social_consideration(&self) -> bool {
        !self.social_conditions.is_empty() || self.insertion.is_some() || self.reserved.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub title: String,
    pub text: String,
}

/// Hours of work reserved for people far from employment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct InsertionClause {
    pub hours: u32,
    /// Who helps the holder meet it (facilitateur local).
    pub facilitator: String,
}

/// A contract reserved to some firms; the document cites the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReservedContract {
    /// Entreprises adaptées and ESAT (L2113-12).
    DisabledWorkers,
    /// Structures d'insertion par l'activité économique (L2113-13).
    Insertion,
}
