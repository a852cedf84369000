use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A question of a response frame (cadre de réponse) the bidder fills in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub frame: FrameKind,
    /// The criterion or sub-criterion the answer is scored under.
    pub criterion_id: String,
    pub prompt: String,
    /// Evidence expected with the answer (certificates, data sheets…).
    pub evidence: String,
    /// Length limit of the answer, in words; none means free length.
    pub max_words: Option<u32>,
    pub points: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    Technical,
    Environmental,
    Social,
}
