use super::Ctx;
use crate::french::{decimal, money_ht};
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    if d.buyer.name.trim().is_empty() {
        cx.push(
            Blocking,
            "buyer.name",
            "buyer.name",
            "R2131-16",
            "Indiquez le nom de l'acheteur (par exemple « Commune de … »).",
        );
    }
    let siret: String = d
        .buyer
        .siret
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if siret.len() != 14 || !siret.chars().all(|c| c.is_ascii_digit()) {
        // The SIRET is no rule of the procurement code: the reference names where to check it.
        cx.push(Warning, "buyer.siret", "buyer.siret", "répertoire SIRENE",
            "Le SIRET de l'acheteur doit compter 14 chiffres : vérifiez-le sur l'avis de situation SIRENE de la commune.");
    }
    if d.purchase.object.trim().is_empty() {
        cx.push(
            Blocking,
            "purchase.object",
            "purchase.object",
            "L2111-1",
            "Décrivez l'objet du marché en une phrase : c'est le titre du document.",
        );
    }
    if d.purchase.estimated_amount_cents <= 0 {
        cx.push(Blocking, "purchase.amount", "purchase.estimated_amount_cents", "R2121-1",
            "Indiquez le montant estimé du marché hors taxes, toutes années et tous lots compris : il détermine la procédure.");
    }
    if d.purchase.duration_months == 0 {
        cx.push(
            Blocking,
            "purchase.duration",
            "purchase.duration_months",
            "L2112-5",
            "Indiquez la durée du marché en mois, reconductions comprises.",
        );
    }
    if d.purchase.lots.is_empty() && d.purchase.no_lots_reason.trim().is_empty() {
        cx.push(Blocking, "lots.no_reason", "purchase.no_lots_reason", "L2113-11",
            "Le marché n'est pas divisé en lots : expliquez pourquoi (raisons de droit et de fait), ou créez des lots.");
    }
    if !d.purchase.lots.is_empty() {
        let lots_total: i64 = d
            .purchase
            .lots
            .iter()
            .map(|l| l.estimated_amount_cents)
            .sum();
        if lots_total != d.purchase.estimated_amount_cents {
            cx.push(Warning, "lots.total", "purchase.lots", "R2121-1",
                "La somme des montants des lots ne correspond pas au montant estimé du marché : le montant à retenir est celui de tous les lots ensemble.");
        }
    }
    deadline(cx);
    turnover(cx);
    if d.purchase.launch_date.is_none() {
        cx.push(Warning, "purchase.launch_date", "purchase.launch_date", "R2131-12",
            "Indiquez la date de lancement prévue : les règles applicables en dépendent (elles sont pour l'instant jugées à la date du jour).");
    }
}

/// The offers deadline follows the launch of the consultation, or today
/// while no launch date is set (the date the dossier is judged by).
fn deadline(cx: &mut Ctx) {
    let d = cx.d;
    let Some(deadline) = d.submission.deadline else {
        cx.push(
            Blocking,
            "submission.deadline_missing",
            "submission.deadline",
            "R2151-1",
            "Fixez la date et l'heure limites de remise des offres.",
        );
        return;
    };
    let (start, since) = match d.purchase.launch_date {
        Some(launch) => (launch, "au lancement de la consultation"),
        None => (cx.date, "à aujourd'hui"),
    };
    let days = (deadline.date() - start).num_days();
    if days <= 0 {
        cx.push(
            Blocking,
            "submission.deadline_before_launch",
            "submission.deadline",
            "R2151-1",
            format!(
                "La date limite de remise des offres doit être postérieure {since} : reportez-la."
            ),
        );
    } else if let Some(min) = cx.data.threshold("mapa_min_offer_days", cx.date) {
        if days < min {
            let severity = if cx.data.confirmed("mapa_min_offer_days", cx.date) {
                Warning
            } else {
                Advice
            };
            cx.push(severity, "submission.deadline_short", "submission.deadline", "R2151-1",
                format!("Les entreprises n'ont que {days} jours pour répondre : un délai d'au moins {min} jours, adapté à la complexité du marché, leur permet de remettre une offre sérieuse."));
        }
    }
}

/// R2142-7: the turnover asked is capped by the value of the contract, or
/// of each lot, since one requirement applies to every lot. Exceptions may
/// be justified, so this is a warning.
fn turnover(cx: &mut Ctx) {
    let d = cx.d;
    let (Some(turnover), Some(max_percent)) = (
        d.submission.minimum_turnover_cents,
        cx.data.threshold("minimum_turnover_max_percent", cx.date),
    ) else {
        return;
    };
    let severity = if cx.data.confirmed("minimum_turnover_max_percent", cx.date) {
        Warning
    } else {
        Advice
    };
    let contracts: Vec<(String, i64)> = if d.purchase.lots.is_empty() {
        vec![("du marché".into(), d.purchase.estimated_amount_cents)]
    } else {
        d.purchase
            .lots
            .iter()
            .map(|l| (format!("du lot {}", l.number), l.estimated_amount_cents))
            .collect()
    };
    for (what, amount) in contracts {
        let ceiling = amount * max_percent / 100;
        if turnover > ceiling {
            cx.push(severity, "submission.minimum_turnover", "submission.minimum_turnover_cents", "R2142-7",
                format!("Le chiffre d'affaires minimal demandé ({}) dépasse {} fois le montant {what} ({}) : ramenez-le à {} au plus, pour ne pas écarter les petites entreprises, sauf justification tenant à l'objet du marché.",
                    money_ht(turnover), decimal(max_percent), money_ht(amount), money_ht(ceiling)));
        }
    }
}
