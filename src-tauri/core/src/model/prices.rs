use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The price schedule bidders fill in: one per lot, or one for a contract
/// without lots. Which pieces it becomes (BPU and DQE, DPGF) follows from the
/// pricing of its chapters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Prices {
    /// VAT rate the schedule applies to the total excluding VAT, in basis
    /// points (2000 = 20 %, 550 = 5,5 %): the buyer sets it, bidders do not.
    pub vat_rate_basis_points: u32,
    pub schedules: Vec<PriceSchedule>,
}

impl Default for Prices {
    fn default() -> Self {
        Self {
            vat_rate_basis_points: 2000,
            schedules: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct PriceSchedule {
    /// Number of the lot it prices; `None` for a contract without lots.
    pub lot: Option<u32>,
    pub chapters: Vec<PriceChapter>,
}

/// A group of lines priced the same way, for the base offer or for one PSE.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct PriceChapter {
    /// Stable across edits and reordering.
    pub id: String,
    pub title: String,
    pub pricing: LinePricing,
    /// The prestation supplémentaire éventuelle it prices, by its number in
    /// the dossier (from 1); `None` for the base offer.
    #[serde(default)]
    pub pse: Option<u32>,
    pub lines: Vec<PriceLine>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinePricing {
    /// Unit prices: the BPU lists them, the DQE multiplies them by estimated quantities.
    Unit,
    /// Part of the lump sum: the DPGF breaks it down, quantities are an indication.
    LumpSum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct PriceLine {
    /// Stable across edits and reordering: a filled schedule is read back by it.
    pub id: String,
    pub designation: String,
    pub unit: PriceUnit,
    /// Estimated quantity in thousandths of the unit (the DQE quantity, or the
    /// DPGF indication); `None` while the buyer has not estimated it.
    #[ts(type = "number | null")]
    pub quantity_thousandths: Option<i64>,
    /// The commune's own estimate of the unit price excluding VAT, in cents:
    /// it gives the estimate of the schedule shown while writing it, and is
    /// never printed in a piece bidders receive.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub estimate_cents: Option<i64>,
}

/// The units a line may be priced in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum PriceUnit {
    /// Unité (each).
    U,
    M,
    M2,
    M3,
    /// Mètre linéaire.
    Ml,
    Kg,
    T,
    L,
    H,
    Jour,
    Semaine,
    Mois,
    An,
    Forfait,
    Repas,
    Passage,
    Intervention,
}
