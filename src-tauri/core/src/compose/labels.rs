//! French wording of the dossier's values, shared by the template and the cover.

use super::document::Cover;
use super::MISSING;
use crate::french::{self, typography};
use crate::model::{Ccag, Dossier, Nature, NoticeChannel, PriceForm, ProcedureChoice};

pub fn nature(n: Nature) -> &'static str {
    match n {
        Nature::Works => "travaux",
        Nature::Supplies => "fournitures",
        Nature::Services => "services",
    }
}

pub fn ccag(c: Ccag) -> &'static str {
    match c {
        Ccag::Fcs => "cahier des clauses administratives générales des marchés publics de fournitures courantes et de services (CCAG-FCS) approuvé par l'arrêté du 30 mars 2021",
        Ccag::Travaux => "cahier des clauses administratives générales des marchés publics de travaux (CCAG-Travaux) approuvé par l'arrêté du 30 mars 2021",
        Ccag::Pi => "cahier des clauses administratives générales des marchés publics de prestations intellectuelles (CCAG-PI) approuvé par l'arrêté du 30 mars 2021",
        Ccag::Tic => "cahier des clauses administratives générales des marchés publics de techniques de l'information et de la communication (CCAG-TIC) approuvé par l'arrêté du 30 mars 2021",
        Ccag::Mi => "cahier des clauses administratives générales des marchés publics industriels (CCAG-MI) approuvé par l'arrêté du 30 mars 2021",
        Ccag::Moe => "cahier des clauses administratives générales des marchés publics de maîtrise d'œuvre (CCAG-MOE) approuvé par l'arrêté du 30 mars 2021",
    }
}

pub fn ccag_short(c: Ccag) -> &'static str {
    match c {
        Ccag::Fcs => "CCAG-FCS",
        Ccag::Travaux => "CCAG-Travaux",
        Ccag::Pi => "CCAG-PI",
        Ccag::Tic => "CCAG-TIC",
        Ccag::Mi => "CCAG-MI",
        Ccag::Moe => "CCAG-MOE",
    }
}

pub fn price_form(p: PriceForm) -> &'static str {
    match p {
        PriceForm::Unit => "prix unitaires, appliqués aux quantités réellement exécutées",
        PriceForm::LumpSum => "prix global et forfaitaire",
        PriceForm::Mixed => {
            "pour partie à prix global et forfaitaire, pour partie à prix unitaires"
        }
    }
}

/// Where a notice appears, as « Avis publié … » continues.
pub fn notice_channel(c: NoticeChannel) -> &'static str {
    match c {
        NoticeChannel::BuyerProfile => "sur le profil d'acheteur de la commune",
        NoticeChannel::Boamp => "au Bulletin officiel des annonces des marchés publics (BOAMP)",
        NoticeChannel::Jal => "dans un journal d'annonces légales",
        NoticeChannel::CommuneWebsite => "sur le site internet de la commune",
        NoticeChannel::LocalPress => "dans la presse locale ou par affichage en mairie",
    }
}

pub fn cover(d: &Dossier, kicker: &str, procedure: ProcedureChoice) -> Cover {
    let or_missing = |s: &str| {
        if s.trim().is_empty() {
            MISSING.to_string()
        } else {
            typography(s)
        }
    };
    let contact = &d.buyer.questions_contact;
    let mut facts = vec![
        ("Référence".to_string(), or_missing(&d.reference)),
        ("Procédure".to_string(), procedure.title().to_string()),
        (
            "Date limite de remise des offres".to_string(),
            d.submission
                .deadline
                .map(french::datetime)
                .unwrap_or_else(|| MISSING.into()),
        ),
        (
            "Remise des offres".to_string(),
            or_missing(&d.submission.platform_url),
        ),
    ];
    let contact_line = [
        contact.name.as_str(),
        contact.email.as_str(),
        contact.phone.as_str(),
    ]
    .iter()
    .filter(|s| !s.trim().is_empty())
    .map(|s| typography(s))
    .collect::<Vec<_>>()
    .join(" — ");
    facts.push((
        "Questions des candidats".to_string(),
        if contact_line.is_empty() {
            MISSING.into()
        } else {
            contact_line
        },
    ));
    if !d.submission.platform_help.trim().is_empty() {
        facts.push((
            "Aide à la remise électronique".to_string(),
            typography(&d.submission.platform_help),
        ));
    }
    Cover {
        buyer: or_missing(&d.buyer.name),
        kicker: kicker.into(),
        title: or_missing(&d.purchase.object),
        facts,
    }
}

pub fn running_header(d: &Dossier) -> String {
    let object = if d.purchase.object.trim().is_empty() {
        MISSING.to_string()
    } else {
        typography(&d.purchase.object)
    };
    if d.reference.trim().is_empty() {
        object
    } else {
        format!("{} — {}", typography(&d.reference), object)
    }
}
