use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What is bought, for how much and how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Purchase {
    pub object: String,
    pub nature: Nature,
    /// Main CPV code, e.g. « 55524000-9 ».
    pub cpv: String,
    /// Estimated value of the whole contract, all lots and all years, excluding VAT, in euro cents.
    #[ts(type = "number")]
    pub estimated_amount_cents: i64,
    pub duration_months: u32,
    /// Date the consultation is launched (notice sent): decides which rules apply.
    #[ts(type = "string | null")]
    pub launch_date: Option<NaiveDate>,
    /// Background the bidders need: current situation, site, constraints.
    pub context: String,
    pub lots: Vec<Lot>,
    /// Reasons in law and fact for a single contract, required when `lots` is empty.
    pub no_lots_reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    Works,
    Supplies,
    Services,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Lot {
    pub number: u32,
    pub title: String,
    pub description: String,
    #[ts(type = "number")]
    pub estimated_amount_cents: i64,
}
