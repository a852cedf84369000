use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The public buyer: in this app, a commune.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Buyer {
    /// « Commune de Saint-Julien-des-Prés ».
    pub name: String,
    pub address: Address,
    /// 14 digits.
    pub siret: String,
    /// Who signs the contract (the mayor, usually).
    pub representative: Person,
    /// Who answers bidders' questions during the consultation.
    pub questions_contact: Contact,
    /// Address of the buyer profile (profil d'acheteur) where the DCE is published.
    pub buyer_profile_url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub street: String,
    pub postcode: String,
    pub city: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// « Maire », « Adjointe aux travaux »…
    pub title: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}
