use super::local_preference;
use super::texts::buyer_texts;
use super::words::{find, sentences};
use super::Ctx;
use crate::model::{AwardCriterion, CriterionKind};
use crate::rules::Severity::{self, *};

/// Words of a criterion that bring distance in: allowed only through a
/// result tied to the purchase.
const PROXIMITY: &[&str] = &[
    "proximite",
    "distance*",
    "km",
    "kilometre*",
    "local|locale|locaux|locales",
];

/// A price method that scores one line of a price schedule…
const SINGLE_LINE: &[&str] = &[
    "prix unitaire*",
    "bordereau*",
    "bpu",
    "une ligne",
    "un seul prix",
];
/// …unless it scores a total built from it.
const TOTAL: &[&str] = &[
    "dqe",
    "detail* quantitatif*",
    "quantitatif* estimatif*",
    "commande* type*",
    "total*",
    "forfait*",
    "global*",
    "simulation*",
];

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    if d.criteria.is_empty() {
        cx.push(Blocking, "criteria.missing", "criteria", "R2152-11",
            "Ajoutez au moins un critère d'attribution et dites comment il est noté : les candidats doivent savoir comment leur offre sera jugée.");
        return;
    }
    let total: u32 = d.criteria.iter().map(|c| c.weight_percent).sum();
    if total != 100 {
        let (verb, gap) = if total > 100 {
            ("retirez", total - 100)
        } else {
            ("ajoutez", 100 - total)
        };
        let points = if gap == 1 { "point" } else { "points" };
        cx.push(Warning, "criteria.weights_total", "criteria[0].weight_percent", "R2152-12",
            format!("Les pondérations des critères font {total} % au total : {verb} {gap} {points} pour arriver à 100 %. L'article R2152-12 ne l'impose qu'aux procédures formalisées, mais une note sur 100 reste la règle la plus claire pour les candidats et pour l'analyse des offres."));
    }
    // Whether the climate-law criterion binds a purchase under the « dispense » is unsettled (LEGAL.md ⚠).
    let severity: Severity = if cx.under_dispense() {
        Advice
    } else {
        Blocking
    };
    price_or_cost(cx, severity);
    let environmental = d.criteria.iter().any(|c| c.kind.is_environmental());
    if cx.data.applies("environmental_criterion", cx.date) && !environmental {
        cx.push(severity, "criteria.no_environmental", "criteria", "L2152-7",
            "Ajoutez au moins un critère portant sur les caractéristiques environnementales de l'offre (obligatoire pour les consultations lancées depuis le 21 août 2026).");
    }
    for (i, c) in d.criteria.iter().enumerate() {
        let formula = is_price_or_cost(c) && c.price_formula.is_some();
        if is_price_or_cost(c) && c.price_formula.is_none() {
            cx.push(Warning, "criteria.price_formula", &format!("criteria[{i}].price_formula"), "R2152-11",
                format!("Choisissez la formule de notation du critère « {} » (prix le plus bas ÷ prix de l'offre, ou linéaire entre le plus bas et le plus élevé) : le document l'énonce et l'analyse des offres l'applique telle quelle, sans risque d'écart.", c.title.trim()));
        }
        if c.method.trim().is_empty() && !formula {
            cx.push(Blocking, "criteria.method", &format!("criteria[{i}].method"), "R2152-11",
                format!("Expliquez comment le critère « {} » est noté (par exemple pour le prix : note = points × prix le plus bas ÷ prix de l'offre).", c.title.trim()));
        }
        if !c.subcriteria.is_empty() {
            let points: u32 = c.subcriteria.iter().map(|s| s.points).sum();
            if points != c.weight_percent {
                cx.push(Warning, "criteria.subcriteria_total", &format!("criteria[{i}].subcriteria[0].points"), "R2152-12",
                    format!("Les sous-critères de « {} » totalisent {points} points pour une pondération de {} : faites-les correspondre pour que la notation soit lisible.", c.title.trim(), c.weight_percent));
            }
        }
    }
    proximity(cx);
    let known: Vec<&str> = d
        .criteria
        .iter()
        .flat_map(|c| {
            std::iter::once(c.id.as_str()).chain(c.subcriteria.iter().map(|s| s.id.as_str()))
        })
        .collect();
    for (i, q) in d.questions.iter().enumerate() {
        if !known.contains(&q.criterion_id.as_str()) {
            cx.push(Warning, "questions.criterion", &format!("questions[{i}].criterion_id"), "R2152-11",
                format!("La question « {} » n'est rattachée à aucun critère existant : rattachez-la au critère ou sous-critère sous lequel elle est notée.", q.prompt.trim()));
        }
    }
}

/// R2152-7: among several criteria one is the price or a cost; a single
/// criterion is a cost (global approach), or the price before the climate
/// law, and only for standardised goods.
fn price_or_cost(cx: &mut Ctx, climate_severity: Severity) {
    let d = cx.d;
    let criteria = &d.criteria;
    if let [only] = criteria.as_slice() {
        match only.kind {
            CriterionKind::LifeCycleCost => {}
            CriterionKind::Price if cx.data.applies("no_price_only", cx.date) => {
                cx.push(climate_severity, "criteria.price_only", "criteria", "R2152-7",
                    "Le prix ne peut plus être le critère unique pour une consultation lancée depuis le 21 août 2026 : ajoutez un critère de valeur technique ou environnementale, ou utilisez un coût global incluant les aspects environnementaux.");
            }
            CriterionKind::Price => {
                cx.push(Advice, "criteria.price_only_standardised", "criteria", "R2152-7",
                    "Le prix comme critère unique n'est admis que pour des fournitures ou des services standardisés, dont la qualité ne varie pas d'une offre à l'autre ; il ne l'est plus du tout pour une consultation lancée à partir du 21 août 2026.");
            }
            _ => {
                cx.push(Blocking, "criteria.single_not_cost", "criteria[0].kind", "R2152-7",
                    format!("Le critère unique « {} » ne porte ni sur le prix ni sur le coût : un critère unique ne peut être que le coût, déterminé selon une approche globale, ou avant le 21 août 2026 le prix. Ajoutez un critère de prix ou de coût.", only.title.trim()));
            }
        }
    } else if !criteria.iter().any(is_price_or_cost) {
        cx.push(Blocking, "criteria.no_price", "criteria", "R2152-7",
            "Aucun critère ne porte sur le prix ou le coût : quand il y a plusieurs critères, l'un d'eux doit être le prix ou le coût. Ajoutez-en un.");
    }
    for (i, c) in criteria.iter().enumerate() {
        if c.kind != CriterionKind::Price {
            continue;
        }
        let one_line = sentences(&c.method).iter().any(|s| {
            find(&s.words, 0, SINGLE_LINE).is_some() && find(&s.words, 0, TOTAL).is_none()
        });
        if one_line {
            cx.push(Warning, "criteria.price_single_line", &format!("criteria[{i}].method"), "R2152-7",
                format!("Le critère « {} » semble noter un seul prix du bordereau : notez plutôt le montant d'un détail quantitatif estimatif (DQE) ou d'une commande type, ou le prix global et forfaitaire. Sinon, une entreprise peut baisser ce prix et charger les autres lignes.", c.title.trim()));
        }
    }
}

fn is_price_or_cost(c: &AwardCriterion) -> bool {
    matches!(c.kind, CriterionKind::Price | CriterionKind::LifeCycleCost)
}

/// Distance in a criterion, short of a local preference (which is blocking
/// and reported by its own check).
fn proximity(cx: &mut Ctx) {
    let d = cx.d;
    let criteria_texts: Vec<(String, &str)> = buyer_texts(d)
        .into_iter()
        .filter(|(path, _)| path.starts_with("criteria["))
        .collect();
    for (field, text) in criteria_texts {
        if local_preference::found(text).is_some() {
            continue;
        }
        let word = sentences(text)
            .iter()
            .find_map(|s| find(&s.words, 0, PROXIMITY).map(|(at, n)| s.quote(at, at + n)));
        if let Some(word) = word {
            cx.push(Warning, "criteria.proximity", &field, "L2152-7",
                format!("Le critère parle de « {word} » : la proximité ne peut être jugée qu'à travers un résultat lié à l'objet (délai d'intervention, émissions du transport, fraîcheur), jamais l'implantation de l'entreprise."));
        }
    }
}
