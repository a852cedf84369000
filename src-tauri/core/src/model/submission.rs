use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Candidature and submission of offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Deadline for offers (local time).
    #[ts(type = "string | null")]
    pub deadline: Option<NaiveDateTime>,
    /// Where offers are submitted (the platform of the buyer profile).
    pub platform_url: String,
    /// Who helps bidders with electronic submission.
    pub platform_help: String,
    /// Documents asked of every candidate at the candidature stage.
    pub candidature_documents: Vec<String>,
    /// Documents the offer contains.
    pub offer_documents: Vec<String>,
    /// Days offers remain valid.
    pub offer_validity_days: u32,
    /// Where the notice is published (free form, BOAMP, JAL…).
    pub notice_publication: String,
    /// Minimum annual turnover asked of candidates, in euro cents (R2142-7); none asked when absent.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub minimum_turnover_cents: Option<i64>,
}
