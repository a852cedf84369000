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
    /// Set for a quantified line of the impact canvas: the answer is a
    /// figure with its unit. Absent in older files (free-text questions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub measure: Option<Measure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    Technical,
    Environmental,
    Social,
}

/// What makes a question a quantified line of the environmental impact
/// canvas (canevas d'analyse des impacts): the bidder answers with a figure
/// in `unit`, a short justification, or « non mesuré ».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Unit printed beside the figure, e.g. « kWh par an », « km par livraison ».
    pub unit: String,
    pub direction: Direction,
    pub theme: ImpactTheme,
    /// One plain French sentence saying what is measured and why.
    pub explanation: String,
}

/// Which figures are better when offers are compared line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    LowerIsBetter,
    HigherIsBetter,
}

/// The themes of the impact canvas, in the order the frame lists them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ImpactTheme {
    Energy,
    Transport,
    Materials,
    PackagingWaste,
    EndOfLife,
}

impl ImpactTheme {
    /// The French name of the theme, as a frame heading.
    pub fn label(self) -> &'static str {
        match self {
            ImpactTheme::Energy => "Énergie",
            ImpactTheme::Transport => "Transport",
            ImpactTheme::Materials => "Matériaux",
            ImpactTheme::PackagingWaste => "Emballages et déchets",
            ImpactTheme::EndOfLife => "Fin de vie",
        }
    }
}

impl Direction {
    /// « plus la valeur est basse, mieux c'est », for the bidder and the buyer.
    pub fn label(self) -> &'static str {
        match self {
            Direction::LowerIsBetter => "la valeur la plus basse est la meilleure",
            Direction::HigherIsBetter => "la valeur la plus haute est la meilleure",
        }
    }
}
