//! The editor's steps and which step a dossier field belongs to. This is
//! the single source of truth: the UI imports the generated
//! `ui/src/lib/sections.ts`, so the guided path, the comments, the review
//! sheet and the comparison of versions always agree on where a field lives.

/// One step of the guided path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Stable identifier, e.g. `criteria`; stored with comments.
    pub key: &'static str,
    /// French title shown in the editor, e.g. « Critères d’attribution ».
    pub title: &'static str,
}

/// Every step, in the order of the editor.
#[rustfmt::skip]
pub const STEPS: &[Step] = &[
    Step { key: "buyer", title: "Acheteur" },
    Step { key: "purchase", title: "Objet et contexte" },
    Step { key: "procedure", title: "Procédure" },
    Step { key: "lots", title: "Lots" },
    Step { key: "need", title: "Besoin fonctionnel" },
    Step { key: "variants", title: "Variantes et PSE" },
    Step { key: "criteria", title: "Critères d’attribution" },
    Step { key: "frames", title: "Cadres de réponse" },
    Step { key: "clauses", title: "Clauses sociales et environnementales" },
    Step { key: "execution", title: "Conditions d’exécution" },
    Step { key: "prices", title: "Bordereau des prix" },
    Step { key: "submission", title: "Candidature et remise des offres" },
    Step { key: "check", title: "Vérification" },
    Step { key: "export", title: "Export" },
];

/// The step of fields nothing more specific claims: the checks list them.
pub const FALLBACK_STEP: &str = "check";

/// Field path prefixes (as in `Finding.field`) and their step; the longest
/// matching prefix wins, so `purchase.lots[2].title` belongs to « Lots »
/// while `purchase.object` belongs to « Objet et contexte ».
pub const FIELD_PREFIXES: &[(&str, &str)] = &[
    ("buyer", "buyer"),
    ("reference", "purchase"),
    ("purchase", "purchase"),
    ("purchase.lots", "lots"),
    ("purchase.no_lots_reason", "lots"),
    ("procedure", "procedure"),
    ("needs", "need"),
    ("variants", "variants"),
    ("pse", "variants"),
    ("criteria", "criteria"),
    ("award", "criteria"),
    ("questions", "frames"),
    ("clauses", "clauses"),
    ("execution", "execution"),
    ("prices", "prices"),
    ("submission", "submission"),
];

/// Whether `path` is `prefix` or lies under it (`prefix.x`, `prefix[3]`);
/// `purchase.lotsX` is not under `purchase.lots`.
pub fn under_path(path: &str, prefix: &str) -> bool {
    match path.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with(['.', '[']),
        None => false,
    }
}

/// The key of the step where the field `path` is edited; `check`
/// (« Vérification ») when no step claims it.
pub fn step_of_field(path: &str) -> &'static str {
    FIELD_PREFIXES
        .iter()
        .filter(|(prefix, _)| under_path(path, prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map_or(FALLBACK_STEP, |(_, step)| step)
}

/// The French title of the step `key`, if it is one.
pub fn step_title(key: &str) -> Option<&'static str> {
    STEPS.iter().find(|s| s.key == key).map(|s| s.title)
}

/// The position of the step `key` in the editor; unknown keys sort last.
pub fn step_rank(key: &str) -> usize {
    STEPS
        .iter()
        .position(|s| s.key == key)
        .unwrap_or(STEPS.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        assert_eq!(step_of_field("purchase.object"), "purchase");
        assert_eq!(step_of_field("purchase.lots"), "lots");
        assert_eq!(step_of_field("purchase.lots[2].title"), "lots");
        assert_eq!(step_of_field("purchase.no_lots_reason"), "lots");
        assert_eq!(step_of_field("reference"), "purchase");
        assert_eq!(step_of_field("criteria[1].weight_percent"), "criteria");
        assert_eq!(step_of_field("pse[0].title"), "variants");
        assert_eq!(step_of_field("questions[3]"), "frames");
    }

    #[test]
    fn a_prefix_must_end_at_a_segment_boundary() {
        assert!(under_path("buyer.name", "buyer"));
        assert!(under_path("needs[0]", "needs"));
        assert!(!under_path("buyers", "buyer"));
        assert_eq!(step_of_field("purchase.lotsX"), "purchase");
    }

    #[test]
    fn unknown_fields_go_to_the_check_step() {
        assert_eq!(step_of_field(""), "check");
        assert_eq!(step_of_field("schema_version"), "check");
    }

    #[test]
    fn every_prefix_names_a_step_and_titles_are_found() {
        for (_, step) in FIELD_PREFIXES {
            assert!(step_title(step).is_some(), "{step}");
        }
        assert_eq!(step_title("criteria"), Some("Critères d’attribution"));
        assert_eq!(step_title("nope"), None);
        assert_eq!(step_rank("buyer"), 0);
        assert_eq!(step_rank("nope"), STEPS.len());
    }
}
