//! The individual checks. Each returns the findings it has on the dossier;
//! messages say what to change, in plain French.

use super::data::RulesData;
use super::finding::{Finding, Severity};
use crate::french::money_ht;
use crate::model::{CriterionKind, Dossier, VariantPolicy};
use chrono::NaiveDate;

pub fn all(d: &Dossier, date: NaiveDate, data: &RulesData) -> Vec<Finding> {
    let mut out = Vec::new();
    essentials(d, &mut out);
    criteria(d, date, data, &mut out);
    variants(d, &mut out);
    lots(d, &mut out);
    execution(d, date, data, &mut out);
    environmental_condition(d, date, data, &mut out);
    out
}

fn finding(
    severity: Severity,
    code: &str,
    field: &str,
    reference: &str,
    message: String,
) -> Finding {
    Finding {
        severity,
        code: code.into(),
        message,
        reference: reference.into(),
        field: field.into(),
    }
}

fn essentials(d: &Dossier, out: &mut Vec<Finding>) {
    if d.buyer.name.trim().is_empty() {
        out.push(finding(
            Severity::Blocking,
            "buyer.name",
            "buyer.name",
            "R2131-16",
            "Indiquez le nom de l'acheteur (par exemple « Commune de … »).".into(),
        ));
    }
    if d.purchase.object.trim().is_empty() {
        out.push(finding(
            Severity::Blocking,
            "purchase.object",
            "purchase.object",
            "L2111-1",
            "Décrivez l'objet du marché en une phrase : c'est le titre du document.".into(),
        ));
    }
    if d.purchase.estimated_amount_cents <= 0 {
        out.push(finding(Severity::Blocking, "purchase.amount", "purchase.estimated_amount_cents", "R2121-1",
            "Indiquez le montant estimé du marché hors taxes, toutes années et tous lots compris : il détermine la procédure.".into()));
    }
    match (d.purchase.launch_date, d.submission.deadline) {
        (_, None) => out.push(finding(Severity::Blocking, "submission.deadline_missing", "submission.deadline", "R2143-1",
            "Fixez la date et l'heure limites de remise des offres.".into())),
        (Some(launch), Some(deadline)) if deadline.date() <= launch => out.push(finding(
            Severity::Blocking, "submission.deadline_before_launch", "submission.deadline", "R2151-1",
            "La date limite de remise des offres doit être postérieure au lancement de la consultation : reportez-la.".into())),
        _ => {}
    }
}

fn criteria(d: &Dossier, date: NaiveDate, data: &RulesData, out: &mut Vec<Finding>) {
    if d.criteria.is_empty() {
        out.push(finding(Severity::Blocking, "criteria.missing", "criteria", "R2152-11",
            "Ajoutez au moins un critère d'attribution et dites comment il est noté : les candidats doivent savoir comment leur offre sera jugée.".into()));
        return;
    }
    let total: u32 = d.criteria.iter().map(|c| c.weight_percent).sum();
    if total != 100 {
        out.push(finding(Severity::Blocking, "criteria.weights_total", "criteria", "R2152-12",
            format!("Les pondérations des critères font {total} % au total : ajustez-les pour qu'elles fassent exactement 100 %.")));
    }
    let climate_law = data.applies("environmental_criterion", date);
    // Whether the climate-law criterion binds a purchase under the « dispense » is unsettled (LEGAL.md ⚠).
    let severity = if under_dispense(d, date, data) {
        Severity::Advice
    } else {
        Severity::Blocking
    };
    let price_only = d.criteria.len() == 1 && d.criteria[0].kind == CriterionKind::Price;
    if price_only && data.applies("no_price_only", date) {
        out.push(finding(severity, "criteria.price_only", "criteria", "R2152-7",
            "Le prix ne peut plus être le critère unique pour une consultation lancée depuis le 21 août 2026 : ajoutez un critère de valeur technique ou environnementale, ou utilisez un coût global incluant les aspects environnementaux.".into()));
    }
    let environmental = d.criteria.iter().any(|c| {
        matches!(
            c.kind,
            CriterionKind::Environmental | CriterionKind::LifeCycleCost
        )
    });
    if climate_law && !environmental {
        out.push(finding(severity, "criteria.no_environmental", "criteria", "L2152-7",
            "Ajoutez au moins un critère portant sur les caractéristiques environnementales de l'offre (obligatoire pour les consultations lancées depuis le 21 août 2026).".into()));
    }
}

fn under_dispense(d: &Dossier, date: NaiveDate, data: &RulesData) -> bool {
    let id = match d.purchase.nature {
        crate::model::Nature::Works => "dispense_works",
        _ => "dispense_supplies_services",
    };
    data.threshold(id, date)
        .is_some_and(|limit| d.purchase.estimated_amount_cents < limit)
}

fn variants(d: &Dossier, out: &mut Vec<Finding>) {
    let open = matches!(
        d.variants.policy,
        VariantPolicy::Allowed | VariantPolicy::Required
    );
    if open
        && d.variants
            .minimum_requirements
            .iter()
            .all(|r| r.trim().is_empty())
    {
        out.push(finding(Severity::Blocking, "variants.minimum_requirements", "variants.minimum_requirements", "R2151-10",
            "Vous autorisez les variantes : indiquez les exigences minimales qu'elles doivent respecter (reprenez par exemple les besoins de souplesse F0).".into()));
    }
}

fn lots(d: &Dossier, out: &mut Vec<Finding>) {
    if d.purchase.lots.is_empty() && d.purchase.no_lots_reason.trim().is_empty() {
        out.push(finding(Severity::Blocking, "lots.no_reason", "purchase.no_lots_reason", "L2113-11",
            "Le marché n'est pas divisé en lots : expliquez pourquoi (raisons de droit et de fait), ou créez des lots.".into()));
    }
}

fn execution(d: &Dossier, date: NaiveDate, data: &RulesData, out: &mut Vec<Finding>) {
    let e = &d.execution;
    let p = &d.purchase;
    if let (Some(amount), Some(months), Some(min)) = (
        data.threshold("advance_compulsory_amount", date),
        data.threshold("advance_compulsory_months", date),
        data.threshold("advance_minimum_percent", date),
    ) {
        if p.estimated_amount_cents > amount
            && i64::from(p.duration_months) > months
            && i64::from(e.advance.percent) < min
        {
            out.push(finding(Severity::Blocking, "execution.advance", "execution.advance.percent", "R2191-3",
                format!("Une avance d'au moins {min} % est obligatoire pour un marché de plus de {} et de plus de {months} mois : prévoyez-la.", money_ht(amount))));
        }
    }
    if let Some(max) = data.threshold("payment_period_max_days", date) {
        if i64::from(e.payment_period_days) > max {
            out.push(finding(Severity::Blocking, "execution.payment_period", "execution.payment_period_days", "R2192-10",
                format!("Le délai de paiement est de {} jours : il ne peut pas dépasser {max} jours pour une commune.", e.payment_period_days)));
        }
    }
    if let Some(max) = data.threshold("retenue_garantie_max_percent", date) {
        if i64::from(e.retenue_garantie_percent) > max {
            out.push(finding(Severity::Blocking, "execution.retenue_garantie", "execution.retenue_garantie_percent", "R2191-33",
                format!("La retenue de garantie ne peut pas dépasser {max} % : ramenez-la à {max} % au plus.")));
        }
    }
}

fn environmental_condition(d: &Dossier, date: NaiveDate, data: &RulesData, out: &mut Vec<Finding>) {
    if data.applies("environmental_execution_condition", date)
        && d.clauses
            .environmental_conditions
            .iter()
            .all(|c| c.text.trim().is_empty())
    {
        out.push(finding(Severity::Blocking, "clauses.environmental_condition", "clauses.environmental_conditions", "L2112-2",
            "Ajoutez au moins une condition d'exécution environnementale (emballages, transport, déchets…) : obligatoire pour les consultations lancées depuis le 21 août 2026.".into()));
    }
}
