//! The dossier: everything the buyer decides, as serde types. This JSON
//! (with `schema_version`) is the `.dce` exchange format; its JSON Schema is
//! generated from these types and committed (`templates/dossier.schema.json`).

mod award;
mod buyer;
mod criteria;
mod execution;
mod frames;
mod need;
mod offers;
mod prices;
mod procedure;
mod purchase;
mod submission;
mod sustainability;
mod variants;

pub use award::*;
pub use buyer::*;
pub use criteria::*;
pub use execution::*;
pub use frames::*;
pub use need::*;
pub use offers::*;
pub use prices::*;
pub use procedure::*;
pub use purchase::*;
pub use submission::*;
pub use sustainability::*;
pub use variants::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Version of the dossier format; bump it with a migration of older files.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole consultation file, as the secretary writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    pub schema_version: u32,
    /// Stable identity across machines (exchange files), not the database id.
    pub uid: String,
    /// The buyer's own reference, e.g. « 2026-07 »; names the exported files.
    pub reference: String,
    pub buyer: Buyer,
    pub purchase: Purchase,
    /// The procedure chosen and its publicity.
    #[serde(default)]
    pub procedure: Procedure,
    /// Functional expression of the need (NF EN 16271).
    pub needs: Vec<FunctionalNeed>,
    pub variants: Variants,
    /// Prestations supplémentaires éventuelles.
    pub pse: Vec<Pse>,
    pub criteria: Vec<AwardCriterion>,
    /// Questions bidders answer, grouped by frame when exported.
    pub questions: Vec<Question>,
    pub clauses: SustainabilityClauses,
    pub execution: ExecutionTerms,
    /// The price schedule (BPU, DQE, DPGF) bidders fill in.
    #[serde(default)]
    pub prices: Prices,
    pub submission: Submission,
    /// What the DCE announces about abnormally low offers and ties.
    #[serde(default)]
    pub award: AwardRules,
    /// Offers received, after the deadline; the DCE pieces ignore them.
    #[serde(default)]
    pub offers: Vec<Offer>,
}
