use super::Ctx;
use crate::rules::procedure::{advise, ProcedureKind};
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let advice = advise(cx.d, cx.date, cx.data);
    match advice.kind {
        ProcedureKind::Formal => cx.push(Blocking, "procedure.formal", "purchase.estimated_amount_cents", "R2124-1",
            format!("{} DCE Unique ne produit que des dossiers de procédure adaptée : faites-vous accompagner (service marchés du département, centrale d'achat).", advice.summary)),
        ProcedureKind::Dispense => cx.push(Advice, "procedure.dispense", "purchase.estimated_amount_cents", "R2122-8",
            format!("{} La commune reste tenue de choisir une offre pertinente, de faire une bonne utilisation des deniers publics et de ne pas contracter systématiquement avec la même entreprise.", advice.summary)),
        ProcedureKind::ThresholdsUnknown => cx.push(Blocking, "procedure.thresholds_unknown", "purchase.launch_date", "R2124-1", advice.summary),
        _ => {}
    }
    if advice.buyer_profile_required && cx.d.submission.platform_url.trim().is_empty() {
        cx.push(Blocking, "procedure.buyer_profile", "submission.platform_url", "R2132-2",
            "À partir de ce montant, le dossier doit être publié gratuitement sur le profil d'acheteur : indiquez son adresse.");
    }
}
