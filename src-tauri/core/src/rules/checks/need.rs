use super::{mentions, Ctx};
use crate::rules::Severity::*;

/// Words that name a product rather than a need.
const BRANDS: &[&str] = &[
    "®",
    "™",
    "de marque",
    "marque ",
    "ou équivalent",
    "ou similaire",
    "référence fabricant",
    "modèle ",
];

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    if d.needs.is_empty() {
        cx.push(Advice, "need.empty", "needs", "R2111-10",
            "Décrivez le besoin en fonctions (ce que la commune attend, sans nommer de solution) : les entreprises peuvent alors proposer la solution qui convient le mieux.");
    }
    for (i, n) in d.needs.iter().enumerate() {
        let text = format!("{} {} {}", n.function, n.appraisal_criterion, n.level);
        if let Some(word) = mentions(&text, BRANDS) {
            cx.push(Warning, "need.brand", &format!("needs[{i}]"), "R2111-7",
                format!("La fonction « {} » semble désigner un produit (« {} ») : décrivez le résultat attendu plutôt qu'une marque ou un modèle, interdits sauf exception justifiée.", n.function.trim(), word.trim()));
        }
        if n.function.trim().is_empty() || n.level.trim().is_empty() {
            cx.push(
                Warning,
                "need.incomplete",
                &format!("needs[{i}]"),
                "R2111-10",
                format!(
                    "La fonction n° {} est incomplète : indiquez la fonction et le niveau attendu.",
                    i + 1
                ),
            );
        }
    }
}
