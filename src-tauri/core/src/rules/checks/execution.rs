use super::{contains_stem, Ctx};
use crate::french::money_ht;
use crate::model::PriceClause;
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let (d, date, data) = (cx.d, cx.date, cx.data);
    let e = &d.execution;
    let p = &d.purchase;
    advance(cx);
    if e.advance.percent > 0 && e.advance.percent <= 30 && e.advance.guarantee_required {
        cx.push(Blocking, "execution.advance_guarantee", "execution.advance.guarantee_required", "R2191-8",
            "Aucune garantie ne peut être exigée pour une avance de 30 % ou moins : retirez cette exigence.");
    }
    if e.interim_payments.trim().is_empty() {
        cx.push(Warning, "execution.interim_payments", "execution.interim_payments", "R2191-22",
            "Indiquez le rythme des acomptes : au moins tous les trois mois, et chaque mois pour une PME en travaux qui le demande.");
    } else if p.nature == crate::model::Nature::Works
        && !contains_stem(&e.interim_payments, &["mois", "mensuel"])
    {
        cx.push(Advice, "execution.interim_payments_monthly", "execution.interim_payments", "R2191-22",
            "En travaux, les petites et moyennes entreprises ont droit à des acomptes mensuels : prévoyez-les dans le document.");
    }
    if let Some(max) = data.threshold("payment_period_max_days", date) {
        if i64::from(e.payment_period_days) > max {
            cx.push(Blocking, "execution.payment_period", "execution.payment_period_days", "R2192-10",
                format!("Le délai de paiement est de {} jours : il ne peut pas dépasser {max} jours pour une commune.", e.payment_period_days));
        }
    }
    if let Some(max) = data.threshold("retenue_garantie_max_percent", date) {
        if i64::from(e.retenue_garantie_percent) > max {
            cx.push(Blocking, "execution.retenue_garantie", "execution.retenue_garantie_percent", "R2191-33",
                format!("La retenue de garantie ne peut pas dépasser {max} % : ramenez-la à {max} % au plus."));
        }
    }
    if let Some(months) = data.threshold("revision_clause_months", date) {
        if i64::from(p.duration_months) > months
            && matches!(e.price_clause, PriceClause::FirmWithActualisation { .. })
        {
            cx.push(Warning, "execution.price_revision", "execution.price_clause", "R2112-14",
                format!("Le marché dure plus de {months} mois avec des prix fermes : si une part importante du coût dépend de matières premières (carburant, acier, denrées…), une clause de révision avec des indices officiels est obligatoire. L'énergie seule ne l'impose pas."));
        }
    }
    if let PriceClause::Revisable { formula, indices } = &e.price_clause {
        if formula.trim().is_empty() || indices.trim().is_empty() {
            cx.push(Blocking, "execution.revision_formula", "execution.price_clause", "R2112-13",
                "Les prix sont révisables : donnez la formule de révision et les indices officiels utilisés.");
        }
    }
}

/// R2191-3: an advance is due on a contract over 50 000 € HT and longer than
/// 2 months, the holder being free to refuse it. Each lot is a contract:
/// the test applies to each lot's own amount.
fn advance(cx: &mut Ctx) {
    let (d, date, data) = (cx.d, cx.date, cx.data);
    let (Some(amount), Some(months), Some(min)) = (
        data.threshold("advance_compulsory_amount", date),
        data.threshold("advance_compulsory_months", date),
        data.threshold("advance_minimum_percent", date),
    ) else {
        return;
    };
    let p = &d.purchase;
    if i64::from(p.duration_months) <= months || i64::from(d.execution.advance.percent) >= min {
        return;
    }
    let due: Vec<String> = if p.lots.is_empty() {
        (p.estimated_amount_cents > amount)
            .then(|| "le marché".to_string())
            .into_iter()
            .collect()
    } else {
        p.lots
            .iter()
            .filter(|l| l.estimated_amount_cents > amount)
            .map(|l| {
                format!(
                    "le lot {} ({})",
                    l.number,
                    money_ht(l.estimated_amount_cents)
                )
            })
            .collect()
    };
    if !due.is_empty() {
        cx.push(Blocking, "execution.advance", "execution.advance.percent", "R2191-3",
            format!("Une avance d'au moins {min} % est obligatoire pour chaque marché (ou lot) de plus de {} et de plus de {months} mois, ici pour {} : prévoyez-la ; le titulaire reste libre de la refuser.", money_ht(amount), due.join(", ")));
    }
}
