use super::Ctx;
use crate::model::Nature;
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    let c = &d.clauses;
    if cx
        .data
        .applies("environmental_execution_condition", cx.date)
        && !c.has_environmental_condition()
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
    if cx.data.applies("social_condition_above_eu", cx.date)
        && eu.is_some_and(|eu| d.purchase.estimated_amount_cents >= eu)
        && !c.has_social_consideration()
    {
        cx.push(Warning, "clauses.social_condition", "clauses.social_conditions", "L2112-2-1",
            "Au-dessus des seuils européens, les conditions d'exécution doivent comporter une considération sociale (insertion, formation…), sauf exceptions prévues par le code.");
    }
}
