use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The procedure the buyer actually uses, and the publicity that goes with it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// The path chosen; none yet: the one the rules propose from amount, nature and date.
    pub choice: Option<ProcedureChoice>,
    /// Innovative purchase only (R2122-9-1): why the solution is new or
    /// significantly improved (R2124-3 2°).
    #[serde(default)]
    pub innovation_reasons: String,
    /// Innovative purchase only: the sourcing done (firms met, solutions compared).
    #[serde(default)]
    pub sourcing: String,
    /// Where the notice is published; empty when none is (dispense, innovative purchase).
    #[serde(default)]
    pub publicity: Vec<NoticeChannel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureChoice {
    /// No publicity or competition required (R2122-8); the commune still compares a few quotes.
    Dispense,
    /// Marché à procédure adaptée (R2123-1 1°).
    Mapa,
    /// MAPA for social and other specific services (R2123-1 3°).
    MapaSocialServices,
    /// Innovative purchase without publicity or competition (R2122-9-1).
    Innovative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeChannel {
    /// The buyer profile (the platform where the DCE is).
    BuyerProfile,
    /// Bulletin officiel des annonces des marchés publics.
    Boamp,
    /// A journal d'annonces légales.
    Jal,
    /// The commune's own website.
    CommuneWebsite,
    /// Local press or the town hall notice board.
    LocalPress,
}
