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
    /// What completes the publicity channels of the procedure, in free form
    /// (date the notice is sent, firms consulted directly…).
    pub notice_publication: String,
    /// Minimum annual turnover asked of candidates, in euro cents (R2142-7); none asked when absent.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub minimum_turnover_cents: Option<i64>,
    /// Whether and how the buyer may negotiate (R2123-5).
    #[serde(default)]
    pub negotiation: Negotiation,
    /// Days the winner has to produce its certificates (R2144-7).
    #[serde(default = "default_winner_days")]
    pub winner_documents_days: u32,
}

fn default_winner_days() -> u32 {
    8
}

/// Negotiation in a MAPA (R2123-5): the DCE says whether, with whom and on
/// what, and that the buyer may award on the initial offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Negotiation {
    pub allowed: bool,
    /// Negotiate with the best-ranked bidders only; none means with every bidder.
    pub with_best: Option<u32>,
    /// What may be negotiated (price, delays, technical terms…).
    pub subjects: String,
}

impl Default for Negotiation {
    fn default() -> Self {
        Negotiation {
            allowed: true,
            with_best: Some(3),
            subjects: "le prix, les délais et les modalités techniques d'exécution".into(),
        }
    }
}
