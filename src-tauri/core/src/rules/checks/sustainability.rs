use super::{mentions, Ctx};
use crate::model::Nature;
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    let c = &d.clauses;
    if cx
        .data
        .applies("environmental_execution_condition", cx.date)
        && c.environmental_conditions
            .iter()
            .all(|c| c.text.trim().is_empty())
    {
        let severity = if cx.under_dispense() {
            Advice
        } else {
            Blocking
        };
        cx.push(severity, "clauses.environmental_condition", "clauses.environmental_conditions", "L2112-2",
            "Ajoutez au moins une condition d'exécution environnementale (emballages, transport, déchets…) : obligatoire pour les consultations lancées depuis le 21 août 2026.");
    }
    let eu = match d.purchase.nature {
        Nature::Works => cx.data.threshold("eu_works", cx.date),
        _ => cx.data.threshold("eu_supplies_services_local", cx.date),
    };
    let social = !c.social_conditions.is_empty() || c.insertion.is_some() || c.reserved.is_some();
    if cx.data.applies("social_condition_above_eu", cx.date)
        && eu.is_some_and(|eu| d.purchase.estimated_amount_cents >= eu)
        && !social
    {
        cx.push(Warning, "clauses.social_condition", "clauses.social_conditions", "L2112-2-1",
            "Au-dessus des seuils européens, les conditions d'exécution doivent comporter une considération sociale (insertion, formation…), sauf exceptions prévues par le code.");
    }
    if is_school_catering(d) && cx.data.applies("egalim_school_catering", cx.date) {
        let text: String = c
            .environmental_conditions
            .iter()
            .map(|c| format!("{} {} ", c.title, c.text))
            .collect();
        let shares = text.contains("50")
            && mentions(&text, &["biologique", " bio"]).is_some()
            && text.contains("20");
        if !shares {
            cx.push(Blocking, "clauses.egalim", "clauses.environmental_conditions", "L230-5-1 du code rural",
                "Restauration scolaire : imposez au moins 50 % de produits durables et de qualité, dont 20 % de produits biologiques, et un menu végétarien par semaine (loi Egalim).");
        }
    }
}

fn is_school_catering(d: &crate::model::Dossier) -> bool {
    d.purchase.cpv.starts_with("55524")
        || mentions(
            &d.purchase.object,
            &["restauration scolaire", "cantine", "repas"],
        )
        .is_some()
}
