use super::Ctx;
use crate::french::money_ht;
use crate::model::{NoticeChannel, ProcedureChoice};
use crate::rules::procedure::{advise, ProcedureKind};
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let advice = advise(cx.d, cx.date, cx.data);
    match advice.kind {
        ProcedureKind::Formal => {
            let amount = cx.d.purchase.estimated_amount_cents;
            let social_ceiling = cx.data.threshold("social_services_mapa", cx.date);
            let could_be_social = cx.d.procedure.choice == Some(ProcedureChoice::Mapa)
                && cx.data.is_social_services(&cx.d.purchase.cpv)
                && social_ceiling.is_some_and(|c| amount < c);
            if could_be_social {
                cx.push(Blocking, "procedure.social_services_expected", "procedure.choice", "R2123-1 3°",
                    format!("{} Le code CPV désigne des services sociaux ou spécifiques : choisissez « {} », possible jusqu'à {}.", advice.summary, ProcedureChoice::MapaSocialServices.title(), money_ht(social_ceiling.unwrap_or_default())));
            } else {
                cx.push(Blocking, "procedure.formal", "purchase.estimated_amount_cents", "R2124-1",
                    format!("{} DCE Unique ne produit que des dossiers de procédure adaptée : faites-vous accompagner (service marchés du département, centrale d'achat).", advice.summary));
            }
        }
        ProcedureKind::ThresholdsUnknown => cx.push(
            Blocking,
            "procedure.thresholds_unknown",
            "purchase.launch_date",
            "R2124-1",
            advice.summary.clone(),
        ),
        _ => {}
    }
    match advice.used {
        Some(ProcedureChoice::Dispense) => dispense(cx, advice.kind, &advice.summary),
        Some(ProcedureChoice::Innovative) => innovative(cx),
        Some(ProcedureChoice::MapaSocialServices)
            if !cx.data.is_social_services(&cx.d.purchase.cpv) =>
        {
            cx.push(Warning, "procedure.social_services_cpv", "purchase.cpv", "R2123-1 3°",
                "Le code CPV ne figure pas parmi les services sociaux et autres services spécifiques que l'application connaît (restauration, action sociale) : vérifiez qu'il est bien dans la liste de l'avis annexé au code, sinon choisissez la procédure adaptée ordinaire.");
        }
        _ => {}
    }
    if advice.used.is_some_and(ProcedureChoice::publishes_notice) {
        publicity(cx, advice.kind);
    }
    if advice.buyer_profile_required && cx.d.submission.platform_url.trim().is_empty() {
        cx.push(Blocking, "procedure.buyer_profile", "submission.platform_url", "R2132-2",
            "À partir de ce montant, le dossier doit être publié gratuitement sur le profil d'acheteur : indiquez son adresse.");
    }
}

fn dispense(cx: &mut Ctx, kind: ProcedureKind, summary: &str) {
    if kind == ProcedureKind::Dispense {
        cx.push(Advice, "procedure.dispense", "purchase.estimated_amount_cents", "R2122-8",
            format!("{summary} La commune reste tenue de choisir une offre pertinente, de faire une bonne utilisation des deniers publics et de ne pas contracter systématiquement avec la même entreprise."));
    } else if kind.is_mapa() {
        let threshold = dispense_threshold(cx);
        cx.push(Blocking, "procedure.dispense_above_threshold", "procedure.choice", "R2122-8",
            format!("Un achat de {} atteint le seuil de dispense ({}) : il ne peut pas être passé sans publicité ni mise en concurrence. Choisissez la procédure adaptée.", money_ht(cx.d.purchase.estimated_amount_cents), money_ht(threshold)));
    }
}

fn dispense_threshold(cx: &Ctx) -> i64 {
    let id = if cx.d.purchase.nature == crate::model::Nature::Works {
        "dispense_works"
    } else {
        "dispense_supplies_services"
    };
    cx.data.threshold(id, cx.date).unwrap_or_default()
}

fn innovative(cx: &mut Ctx) {
    let amount = cx.d.purchase.estimated_amount_cents;
    match cx.data.threshold("innovative_purchase", cx.date) {
        None => cx.push(Blocking, "procedure.innovative_unknown", "procedure.choice", "R2122-9-1",
            format!("L'achat innovant sans publicité ni mise en concurrence n'est pas connu de l'application à la date du {} : vérifiez l'article R2122-9-1 en vigueur à cette date ou choisissez la procédure adaptée.", crate::french::date(cx.date))),
        Some(cap) if amount >= cap => {
            let lot_cap = |id: &str| money_ht(cx.data.threshold(id, cx.date).unwrap_or_default());
            let message = format!("Un achat innovant de {} atteint le plafond de {} de l'article R2122-9-1 : il ne peut pas être passé sans publicité ni mise en concurrence. Choisissez la procédure adaptée (seuls des lots de moins de {} en fournitures ou services, {} en travaux, ne dépassant pas ensemble 20 % de l'opération, peuvent l'être, chacun dans son propre dossier).",
                money_ht(amount), money_ht(cap),
                lot_cap("innovative_purchase_lot_supplies_services"), lot_cap("innovative_purchase_lot_works"));
            cx.push(Blocking, "procedure.innovative_cap", "procedure.choice", "R2122-9-1", message);
        }
        Some(_) => {}
    }
    if cx.d.procedure.innovation_reasons.trim().is_empty() {
        cx.push(Blocking, "procedure.innovation_reasons", "procedure.innovation_reasons", "R2124-3 2°",
            "Dites ce qui rend la solution nouvelle ou sensiblement améliorée (procédé, service, organisation…) : sans cette justification, l'achat innovant ne peut pas être défendu.");
    }
    if cx.d.procedure.sourcing.trim().is_empty() {
        cx.push(Blocking, "procedure.sourcing", "procedure.sourcing", "R2122-9-1",
            "Décrivez le sourçage fait (entreprises rencontrées, solutions comparées, prix constatés) : il montre que la commune a choisi une offre pertinente.");
    }
}

fn publicity(cx: &mut Ctx, kind: ProcedureKind) {
    let channels = &cx.d.procedure.publicity;
    if kind == ProcedureKind::MapaFormalPublicity
        && !channels
            .iter()
            .any(|c| matches!(c, NoticeChannel::Boamp | NoticeChannel::Jal))
    {
        let threshold = cx
            .data
            .threshold("mapa_formal_publicity", cx.date)
            .unwrap_or_default();
        cx.push(Blocking, "procedure.publicity_boamp", "procedure.publicity", "R2131-12",
            format!("À partir de {}, l'avis d'une procédure adaptée doit paraître au BOAMP ou dans un journal d'annonces légales : le site de la commune ou la presse locale seuls ne suffisent pas. Cochez le support retenu.", money_ht(threshold)));
    } else if channels.is_empty() {
        cx.push(Warning, "procedure.publicity_missing", "procedure.publicity", "R2131-12",
            "Indiquez où l'avis est publié (profil d'acheteur, site de la commune, presse…) : la publicité doit être adaptée au montant et à l'objet de l'achat.");
    }
}
