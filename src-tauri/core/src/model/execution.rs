use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Execution terms: CCAG, price, payments, guarantees, penalties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ExecutionTerms {
    /// The CCAG 2021 referred to, if any.
    pub ccag: Option<Ccag>,
    /// Articles of the CCAG the document departs from (listed in its last article).
    pub ccag_derogations: Vec<Derogation>,
    pub price_form: PriceForm,
    pub price_clause: PriceClause,
    pub advance: Advance,
    /// How interim payments (acomptes) are made.
    pub interim_payments: String,
    pub payment_period_days: u32,
    /// Retenue de garantie, in percent (0 = none).
    pub retenue_garantie_percent: u32,
    pub penalties: String,
    /// Chorus Pro service code the invoices are addressed to, if the commune has one.
    #[serde(default)]
    pub invoicing_service_code: String,
    /// Whether the contractor handles personal data for the commune (GDPR art. 28 clause).
    #[serde(default)]
    pub personal_data: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Ccag {
    /// Fournitures courantes et services.
    Fcs,
    Travaux,
    /// Prestations intellectuelles.
    Pi,
    /// Techniques de l'information et de la communication.
    Tic,
    /// Marchés industriels.
    Mi,
    /// Maîtrise d'œuvre.
    Moe,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Derogation {
    /// The CCAG article departed from, e.g. « 14.1 ».
    pub ccag_article: String,
    /// The article of this document that departs from it.
    pub document_article: String,
    pub subject: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum PriceForm {
    /// Prix unitaires (bordereau de prix).
    Unit,
    /// Prix global et forfaitaire.
    LumpSum,
    Mixed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PriceClause {
    /// Firm price, updated (actualisé) if the start is more than 3 months after the offer.
    FirmWithActualisation { index: String },
    /// Revisable price, with the formula and official indices (R2112-14).
    Revisable { formula: String, indices: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    /// Percent of the contract amount (0 = no advance).
    pub percent: u32,
    pub guarantee_required: bool,
}
