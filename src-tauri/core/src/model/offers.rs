use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An offer received for the dossier (or one of its lots), after the
/// deadline: who sent it, when, at what price, and how it is judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Number of the offer in the dossier, from 1; never reused.
    pub id: u32,
    /// The lot it answers; `None` for a contract without lots.
    pub lot: Option<u32>,
    pub bidder: Bidder,
    /// When it was received (local time); after the deadline it is late,
    /// recorded but never scored.
    #[ts(type = "string | null")]
    pub received_at: Option<NaiveDateTime>,
    /// `None` for the base offer; the variant's description otherwise.
    pub variant: Option<String>,
    /// The current round's price.
    pub price: Option<OfferPrice>,
    /// The current round's scores, one per sub-criterion (or criterion without sub-criteria) scored by hand.
    pub scores: Vec<Score>,
    /// Documents the offer contained.
    pub documents: Vec<String>,
    pub status: OfferStatus,
    /// The exchange about an abnormally low price, once started.
    pub low_price: Option<LowPriceInquiry>,
    /// Rounds before a negotiation changed the price or the scores, oldest first.
    pub previous_rounds: Vec<OfferRound>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Bidder {
    /// The firm, or the representative (mandataire) of a group.
    pub name: String,
    pub siret: Option<String>,
    /// Whether the firm answers as a group (groupement d'entreprises).
    pub group: bool,
    /// The other members of the group.
    pub group_members: Vec<String>,
}

/// An offer's price: what offers are compared on, excluding VAT.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct OfferPrice {
    /// The base offer and every PSE whose pricing is compulsory (or the variant's total), in cents.
    #[ts(type = "number")]
    pub compared_cents: i64,
    /// Each PSE priced, by its number, in cents.
    #[ts(type = "Record<number, number>")]
    pub pse_cents: BTreeMap<u32, i64>,
    pub source: PriceSource,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum PriceSource {
    /// Read from the firm's filled price schedule, totals recomputed.
    Schedule,
    /// Typed by the buyer.
    Typed,
}

/// A score entered by the buyer, with the reason she gives for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// A sub-criterion, or a criterion that has none.
    pub criterion_id: String,
    #[ts(type = "number")]
    pub points_hundredths: i64,
    pub justification: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum OfferStatus {
    /// Judged and ranked.
    #[default]
    Admitted,
    /// Incomplete or not compliant with the DCE (L2152-2).
    Irregular { reason: String },
    /// Over the budget the buyer has (L2152-3).
    Unacceptable { reason: String },
}

/// The written request for explanations about a price that seems
/// abnormally low, the answer and the decision (R2152-3/4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct LowPriceInquiry {
    #[ts(type = "string")]
    pub requested_on: NaiveDate,
    /// What the buyer asked, as sent.
    pub request: String,
    #[ts(type = "string | null")]
    pub answered_on: Option<NaiveDate>,
    pub answer: String,
    pub decision: Option<LowPriceDecision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum LowPriceDecision {
    /// The explanations justify the price: the offer stays in the ranking.
    Kept { reason: String },
    /// The explanations do not justify the price: the offer is rejected (R2152-4).
    Rejected { reason: String },
}

/// A round of an offer kept when a negotiation changes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct OfferRound {
    pub price: Option<OfferPrice>,
    pub scores: Vec<Score>,
}
