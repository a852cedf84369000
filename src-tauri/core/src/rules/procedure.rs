//! Which procedure the estimated amount, the nature and the date lead to,
//! and the publicity duties that come with it.

use super::data::RulesData;
use crate::french::money_ht;
use crate::model::{Dossier, Nature};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureKind {
    /// No publicity or competition required (R2122-8).
    Dispense,
    /// MAPA, publicity in a form the buyer chooses.
    MapaFreePublicity,
    /// MAPA with a notice in the BOAMP or a legal-notices newspaper.
    MapaFormalPublicity,
    /// Above the EU thresholds: a formal procedure, outside this app.
    Formal,
    /// The date lies outside the thresholds the app knows: nothing can be
    /// proposed until they are checked (fails closed, never a MAPA by default).
    ThresholdsUnknown,
}

impl ProcedureKind {
    /// Whether the kind is one of the procedures this app writes DCEs for.
    fn within_app(self) -> bool {
        matches!(
            self,
            ProcedureKind::Dispense
                | ProcedureKind::MapaFreePublicity
                | ProcedureKind::MapaFormalPublicity
        )
    }
}

/// What the app tells the buyer about the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProcedureAdvice {
    pub kind: ProcedureKind,
    /// « Marché à procédure adaptée — publicité libre ».
    pub title: String,
    /// Why, with the amount and the threshold of the date.
    pub summary: String,
    /// What the buyer must do for publicity and publication.
    pub duties: Vec<String>,
    pub buyer_profile_required: bool,
    pub reference: String,
}

pub fn advise(d: &Dossier, date: NaiveDate, data: &RulesData) -> ProcedureAdvice {
    let amount = d.purchase.estimated_amount_cents;
    let works = d.purchase.nature == Nature::Works;
    let dispense = data.threshold(
        if works {
            "dispense_works"
        } else {
            "dispense_supplies_services"
        },
        date,
    );
    let eu = data.threshold(
        if works {
            "eu_works"
        } else {
            "eu_supplies_services_local"
        },
        date,
    );
    let formal_publicity = data.threshold("mapa_formal_publicity", date);
    let profile = data.threshold("buyer_profile_publication", date);
    let innovative = data.threshold("innovative_purchase", date);
    let nature = match d.purchase.nature {
        Nature::Works => "de travaux",
        Nature::Supplies => "de fournitures",
        Nature::Services => "de services",
    };
    let amount_text = money_ht(amount);
    let buyer_profile_required = profile.is_some_and(|p| amount >= p);
    let mut duties = Vec::new();
    let on = crate::french::date(date);

    let (kind, title, summary, reference) = if eu.is_none() || dispense.is_none() {
        (
            ProcedureKind::ThresholdsUnknown,
            "Seuils à vérifier".to_string(),
            format!("DCE Unique ne connaît pas les seuils de procédure en vigueur le {on} : vérifiez les seuils européens et de dispense applicables à cette date (annexe 2 et article R2122-8 du code de la commande publique) et mettez l'application à jour avant de lancer la consultation."),
            "R2124-1",
        )
    } else if eu.is_some_and(|eu| amount >= eu) {
        (
            ProcedureKind::Formal,
            "Procédure formalisée (appel d'offres)".to_string(),
            format!("Un marché {nature} de {amount_text} atteint le seuil européen ({}) en vigueur le {on} : une procédure formalisée s'impose.", money_ht(eu.unwrap_or_default())),
            "R2124-1",
        )
    } else if dispense.is_some_and(|t| amount < t) {
        duties.push("Choisir une offre pertinente, faire une bonne utilisation des deniers publics et ne pas contracter systématiquement avec la même entreprise.".into());
        duties.push(
            "Garder une trace de la comparaison faite (devis demandés, raisons du choix).".into(),
        );
        (
            ProcedureKind::Dispense,
            "Achat sans publicité ni mise en concurrence préalables".to_string(),
            format!("Un marché {nature} de {amount_text}, sous le seuil de {} en vigueur le {on}, peut être passé sans publicité ni mise en concurrence préalables.", money_ht(dispense.unwrap_or_default())),
            "R2122-8",
        )
    } else if formal_publicity.is_some_and(|t| amount >= t) {
        duties.push("Publier un avis au Bulletin officiel des annonces des marchés publics (BOAMP) ou dans un journal d'annonces légales, et sur le profil d'acheteur.".into());
        (
            ProcedureKind::MapaFormalPublicity,
            "Marché à procédure adaptée — avis au BOAMP ou dans un journal d'annonces légales".to_string(),
            format!("Un marché {nature} de {amount_text} se passe en procédure adaptée avec un avis au BOAMP ou dans un journal d'annonces légales (à partir de {}).", money_ht(formal_publicity.unwrap_or_default())),
            "R2131-12",
        )
    } else {
        duties.push("Choisir une publicité adaptée au montant et à l'objet (profil d'acheteur, site de la commune, presse locale…).".into());
        (
            ProcedureKind::MapaFreePublicity,
            "Marché à procédure adaptée — publicité libre".to_string(),
            format!("Un marché {nature} de {amount_text} se passe en procédure adaptée, avec une publicité librement adaptée (avis au BOAMP ou en journal d'annonces légales à partir de {}).", money_ht(formal_publicity.unwrap_or_default())),
            "R2123-1",
        )
    };
    if buyer_profile_required && kind.within_app() {
        duties.push(format!("Mettre le dossier gratuitement à disposition sur le profil d'acheteur (obligatoire à partir de {} quand un avis est publié).", money_ht(profile.unwrap_or_default())));
    }
    if kind.within_app()
        && kind != ProcedureKind::Dispense
        && innovative.is_some_and(|t| amount < t)
    {
        duties.push(format!("Si l'achat porte sur une solution réellement innovante (ce que la commune doit pouvoir démontrer), il peut être passé sans publicité ni mise en concurrence sous {} (article R2122-9-1).", money_ht(innovative.unwrap_or_default())));
    }
    let essential_data = data.threshold("essential_data", date);
    if kind.within_app() && essential_data.is_some_and(|t| amount >= t) {
        duties.push(format!(
            "Après l'attribution, publier les données essentielles du marché sur le portail national des données ouvertes dans les deux mois (article R2196-1, à partir de {} ; seuil à confirmer).",
            money_ht(essential_data.unwrap_or_default())
        ));
    }
    ProcedureAdvice {
        kind,
        title,
        summary,
        duties,
        buyer_profile_required,
        reference: reference.into(),
    }
}
