use super::{mentions, Ctx};
use crate::model::CriterionKind;
use crate::rules::Severity::{self, *};

/// Wording that favours firms for where they are, not for what they offer.
const LOCAL_PREFERENCE: &[&str] = &[
    "préférence locale",
    "entreprise locale",
    "entreprises locales",
    "implanté",
    "siège social",
    "situé dans la commune",
    "situées dans le département",
    "situé dans le département",
    "du canton",
    "origine géographique du candidat",
];
const PROXIMITY: &[&str] = &["proximité", "local", "locale", "distance du siège"];

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    if d.criteria.is_empty() {
        cx.push(Blocking, "criteria.missing", "criteria", "R2152-11",
            "Ajoutez au moins un critère d'attribution et dites comment il est noté : les candidats doivent savoir comment leur offre sera jugée.");
        return;
    }
    let total: u32 = d.criteria.iter().map(|c| c.weight_percent).sum();
    if total != 100 {
        cx.push(Blocking, "criteria.weights_total", "criteria[0].weight_percent", "R2152-12",
            format!("Les pondérations des critères font {total} % au total : ajustez-les pour qu'elles fassent exactement 100 %."));
    }
    // Whether the climate-law criterion binds a purchase under the « dispense » is unsettled (LEGAL.md ⚠).
    let severity: Severity = if cx.under_dispense() {
        Advice
    } else {
        Blocking
    };
    let price_only = d.criteria.len() == 1 && d.criteria[0].kind == CriterionKind::Price;
    if price_only && cx.data.applies("no_price_only", cx.date) {
        cx.push(severity, "criteria.price_only", "criteria", "R2152-7",
            "Le prix ne peut plus être le critère unique pour une consultation lancée depuis le 21 août 2026 : ajoutez un critère de valeur technique ou environnementale, ou utilisez un coût global incluant les aspects environnementaux.");
    }
    let environmental = d.criteria.iter().any(|c| {
        matches!(
            c.kind,
            CriterionKind::Environmental | CriterionKind::LifeCycleCost
        )
    });
    if cx.data.applies("environmental_criterion", cx.date) && !environmental {
        cx.push(severity, "criteria.no_environmental", "criteria", "L2152-7",
            "Ajoutez au moins un critère portant sur les caractéristiques environnementales de l'offre (obligatoire pour les consultations lancées depuis le 21 août 2026).");
    }
    for (i, c) in d.criteria.iter().enumerate() {
        // The finding points at the box that holds the word: title, else method.
        let field_of = |word: &str| {
            let part = if mentions(&c.title, &[word]).is_some() {
                "title"
            } else {
                "method"
            };
            format!("criteria[{i}].{part}")
        };
        let text = format!("{} {}", c.title, c.method);
        if let Some(word) = mentions(&text, LOCAL_PREFERENCE) {
            cx.push(Blocking, "criteria.local_preference", &field_of(&word), "L2152-7",
                format!("Le critère « {} » favorise les entreprises selon leur implantation (« {word} ») : la préférence locale est interdite. Jugez plutôt un résultat lié à l'objet : délai d'intervention, émissions du transport, fraîcheur des produits.", c.title.trim()));
        } else if let Some(word) = mentions(&text, PROXIMITY) {
            cx.push(Warning, "criteria.proximity", &field_of(&word), "L2152-7",
                format!("Le critère « {} » parle de « {word} » : la proximité ne peut être jugée qu'à travers un résultat lié à l'objet (délai d'intervention, émissions du transport, fraîcheur), jamais l'implantation de l'entreprise.", c.title.trim()));
        }
        if c.method.trim().is_empty() {
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
