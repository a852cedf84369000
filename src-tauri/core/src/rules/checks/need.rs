use super::{contains_stem, Ctx};
use crate::rules::Severity::*;

/// Word stems that show a need takes sustainable development into account.
const SUSTAINABLE: &[&str] = &[
    "environnement",
    "énergi",
    "déchet",
    "carbone",
    "recycl",
    "réemploi",
    "réemploy",
    "réutilis",
    "durable",
    "émission",
    "consomm",
    "biolog",
    "emballage",
    "insertion",
    "social",
    "sociaux",
    "biosourc",
    "bruit",
    "pollu",
];

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    let sustainable = d.needs.iter().any(|n| {
        contains_stem(
            &format!("{} {} {}", n.function, n.appraisal_criterion, n.level),
            SUSTAINABLE,
        )
    });
    if cx.data.applies("sustainable_specifications", cx.date) && !d.needs.is_empty() && !sustainable
    {
        cx.push(Advice, "need.sustainable", "needs", "L2111-2",
            "Les spécifications techniques doivent prendre en compte le développement durable : ajoutez au besoin fonctionnel au moins une fonction sur l'environnement ou le social (consommation d'énergie, déchets, emballages, insertion…).");
    }
    if d.needs.is_empty() {
        cx.push(Advice, "need.empty", "needs", "R2111-10",
            "Décrivez le besoin en fonctions (ce que la commune attend, sans nommer de solution) : les entreprises peuvent alors proposer la solution qui convient le mieux.");
    }
    for (i, n) in d.needs.iter().enumerate() {
        if n.function.trim().is_empty() || n.level.trim().is_empty() {
            cx.push(
                Warning,
                "need.incomplete",
                &format!(
                    "needs[{i}].{}",
                    if n.function.trim().is_empty() {
                        "function"
                    } else {
                        "level"
                    }
                ),
                "R2111-10",
                format!(
                    "La fonction n° {} est incomplète : indiquez la fonction et le niveau attendu.",
                    i + 1
                ),
            );
        }
    }
}
