//! Which procedure the estimated amount, the nature and the date lead to,
//! and the publicity duties that come with it.

use super::data::RulesData;
use crate::french::{money_ht, typography};
use crate::model::{Dossier, Nature, NoticeChannel, ProcedureChoice};
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
    /// Whether the amount leads to an adapted procedure (with a notice).
    pub fn is_mapa(self) -> bool {
        matches!(
            self,
            ProcedureKind::MapaFreePublicity | ProcedureKind::MapaFormalPublicity
        )
    }
}

/// What the app tells the buyer about the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProcedureAdvice {
    /// What the amount, the nature and the date lead to.
    pub kind: ProcedureKind,
    /// « Marché à procédure adaptée — publicité libre ».
    pub title: String,
    /// Why, with the amount and the threshold of the date.
    pub summary: String,
    /// The path the rules propose; none when the dossier is outside the app
    /// (formal procedure) or the thresholds of the date are unknown.
    pub proposal: Option<ProcedureChoice>,
    /// The path the dossier uses: the buyer's choice, else the proposal.
    pub used: Option<ProcedureChoice>,
    /// The paths the buyer may choose from, named and explained.
    pub options: Vec<ProcedureOption>,
    /// The places a notice may appear, named.
    pub channels: Vec<ChannelOption>,
    /// What the buyer must do for publicity and publication, on the path used.
    pub duties: Vec<String>,
    /// The DCE goes on the buyer profile: a notice is published and the
    /// amount reaches the threshold (R2132-2).
    pub buyer_profile_required: bool,
    pub reference: String,
}

/// One path the procedure step offers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProcedureOption {
    pub choice: ProcedureChoice,
    pub title: String,
    pub article: String,
    pub explanation: String,
}

/// One place a notice may appear, as the procedure step offers it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChannelOption {
    pub channel: NoticeChannel,
    pub name: String,
}

/// The thresholds of the date that decide the procedure of a dossier.
struct Limits {
    dispense: Option<i64>,
    /// The EU threshold, or the social-services ceiling for those services.
    ceiling: Option<i64>,
    formal_publicity: Option<i64>,
}

/// Whether the dossier buys social or other specific services: by its CPV
/// code (unless the buyer chose the ordinary MAPA), or because the buyer
/// chose that path. Works never are.
pub(crate) fn social_services(d: &Dossier, data: &RulesData) -> bool {
    d.purchase.nature != Nature::Works
        && (d.procedure.choice == Some(ProcedureChoice::MapaSocialServices)
            || (data.is_social_services(&d.purchase.cpv)
                && d.procedure.choice != Some(ProcedureChoice::Mapa)))
}

fn limits(d: &Dossier, date: NaiveDate, data: &RulesData) -> Limits {
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
    // The social-services ceiling only makes sense where the EU thresholds are known.
    let ceiling = if social_services(d, data) {
        eu.and(data.threshold("social_services_mapa", date))
    } else {
        eu
    };
    Limits {
        dispense,
        ceiling,
        formal_publicity: data.threshold("mapa_formal_publicity", date),
    }
}

pub fn advise(d: &Dossier, date: NaiveDate, data: &RulesData) -> ProcedureAdvice {
    let amount = d.purchase.estimated_amount_cents;
    let limits = limits(d, date, data);
    let social = social_services(d, data);
    let nature = match d.purchase.nature {
        Nature::Works => "de travaux",
        Nature::Supplies => "de fournitures",
        Nature::Services if social => "de services sociaux ou spécifiques",
        Nature::Services => "de services",
    };
    let amount_text = money_ht(amount);
    let on = crate::french::date(date);

    let (kind, title, summary, reference) = match (limits.dispense, limits.ceiling) {
        (Some(_), Some(ceiling)) if amount >= ceiling => (
            ProcedureKind::Formal,
            "Procédure formalisée (appel d'offres)".to_string(),
            if social {
                format!("Un marché {nature} de {amount_text} atteint le seuil de {} en vigueur le {on} : un avis doit être publié au Journal officiel de l'Union européenne.", money_ht(ceiling))
            } else {
                format!("Un marché {nature} de {amount_text} atteint le seuil européen ({}) en vigueur le {on} : une procédure formalisée s'impose.", money_ht(ceiling))
            },
            "R2124-1",
        ),
        (Some(dispense), Some(_)) if amount < dispense => (
            ProcedureKind::Dispense,
            "Achat sans publicité ni mise en concurrence préalables".to_string(),
            format!("Un marché {nature} de {amount_text}, sous le seuil de {} en vigueur le {on}, peut être passé sans publicité ni mise en concurrence préalables.", money_ht(dispense)),
            "R2122-8",
        ),
        (Some(_), Some(_)) => {
            let formal_publicity = limits.formal_publicity.unwrap_or_default();
            if amount >= formal_publicity {
                (
                    ProcedureKind::MapaFormalPublicity,
                    "Marché à procédure adaptée — avis au BOAMP ou dans un journal d'annonces légales".to_string(),
                    format!("Un marché {nature} de {amount_text} se passe en procédure adaptée avec un avis au BOAMP ou dans un journal d'annonces légales (à partir de {}).", money_ht(formal_publicity)),
                    "R2131-12",
                )
            } else {
                (
                    ProcedureKind::MapaFreePublicity,
                    "Marché à procédure adaptée — publicité libre".to_string(),
                    format!("Un marché {nature} de {amount_text} se passe en procédure adaptée, avec une publicité librement adaptée (avis au BOAMP ou en journal d'annonces légales à partir de {}).", money_ht(formal_publicity)),
                    "R2123-1",
                )
            }
        }
        _ => (
            ProcedureKind::ThresholdsUnknown,
            "Seuils à vérifier".to_string(),
            format!("DCE Unique ne connaît pas les seuils de procédure en vigueur le {on} : vérifiez les seuils européens et de dispense applicables à cette date (annexe 2 et article R2122-8 du code de la commande publique) et mettez l'application à jour avant de lancer la consultation."),
            "R2124-1",
        ),
    };
    let proposal = match kind {
        ProcedureKind::Dispense => Some(ProcedureChoice::Dispense),
        ProcedureKind::MapaFreePublicity | ProcedureKind::MapaFormalPublicity if social => {
            Some(ProcedureChoice::MapaSocialServices)
        }
        ProcedureKind::MapaFreePublicity | ProcedureKind::MapaFormalPublicity => {
            Some(ProcedureChoice::Mapa)
        }
        ProcedureKind::Formal | ProcedureKind::ThresholdsUnknown => None,
    };
    let used = d.procedure.choice.or(proposal);
    let profile = data.threshold("buyer_profile_publication", date);
    let buyer_profile_required =
        used.is_some_and(ProcedureChoice::publishes_notice) && profile.is_some_and(|p| amount >= p);
    let mut duties = Vec::new();
    match used {
        Some(ProcedureChoice::Dispense) => {
            duties.push("Choisir une offre pertinente, faire une bonne utilisation des deniers publics et ne pas contracter systématiquement avec la même entreprise.".into());
            duties.push(
                "Garder une trace de la comparaison faite (devis demandés, raisons du choix)."
                    .into(),
            );
        }
        Some(ProcedureChoice::Innovative) => {
            duties.push("Garder au dossier ce qui rend la solution nouvelle ou sensiblement améliorée (article R2124-3 2°) et le sourçage fait : entreprises rencontrées, solutions comparées.".into());
            duties.push("Choisir une offre pertinente, faire une bonne utilisation des deniers publics et ne pas contracter systématiquement avec la même entreprise.".into());
        }
        Some(_) if kind == ProcedureKind::MapaFormalPublicity => {
            duties.push("Publier un avis au Bulletin officiel des annonces des marchés publics (BOAMP) ou dans un journal d'annonces légales, et sur le profil d'acheteur.".into());
        }
        Some(_) => {
            duties.push("Choisir une publicité adaptée au montant et à l'objet (profil d'acheteur, site de la commune, presse locale…).".into());
        }
        None => {}
    }
    if buyer_profile_required {
        duties.push(format!("Mettre le dossier gratuitement à disposition sur le profil d'acheteur (obligatoire à partir de {} quand un avis est publié).", money_ht(profile.unwrap_or_default())));
    }
    let innovative = data.threshold("innovative_purchase", date);
    if used.is_some_and(ProcedureChoice::publishes_notice) && innovative.is_some_and(|t| amount < t)
    {
        duties.push(format!("Si l'achat porte sur une solution réellement innovante (ce que la commune doit pouvoir démontrer), il peut être passé sans publicité ni mise en concurrence sous {} (article R2122-9-1).", money_ht(innovative.unwrap_or_default())));
    }
    let essential_data = data.threshold("essential_data", date);
    if used.is_some() && essential_data.is_some_and(|t| amount >= t) {
        duties.push(format!(
            "Après l'attribution, publier les données essentielles du marché sur le portail national des données ouvertes dans les deux mois (article R2196-1, à partir de {} ; seuil à confirmer).",
            money_ht(essential_data.unwrap_or_default())
        ));
    }
    let options = ProcedureChoice::ALL
        .iter()
        .map(|&choice| ProcedureOption {
            choice,
            title: typography(choice.title()),
            article: choice.article().into(),
            explanation: typography(choice.explanation()),
        })
        .collect();
    let channels = NoticeChannel::ALL
        .iter()
        .map(|&channel| ChannelOption {
            channel,
            name: typography(channel.name()),
        })
        .collect();
    ProcedureAdvice {
        kind,
        channels,
        title: typography(&title),
        summary: typography(&summary),
        proposal,
        used,
        options,
        duties: duties.iter().map(|d| typography(d)).collect(),
        buyer_profile_required,
        reference: reference.into(),
    }
}
