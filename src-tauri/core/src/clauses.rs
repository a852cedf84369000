//! The clause library (templates/clauses): social and environmental
//! clauses and criteria, each with when to use it and why, searchable.

use crate::model::{CriterionKind, Nature, ReservedContract};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LibraryClause {
    pub id: String,
    pub kind: ClauseKind,
    pub title: String,
    /// The article it rests on, e.g. `L2112-2`.
    pub article: String,
    /// Purchases it suits; empty means every kind.
    pub natures: Vec<Nature>,
    pub when_to_use: String,
    pub explanation: String,
    /// The wording for the document; [bracketed] parts are to adapt.
    pub text: String,
    /// For a criterion: the kind of criterion it adds.
    pub criterion_kind: Option<CriterionKind>,
    /// For a reserved contract: which reservation it sets.
    pub reserved: Option<ReservedContract>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    SocialCondition,
    EnvironmentalCondition,
    Criterion,
    ReservedContract,
}

#[derive(Deserialize)]
struct LibraryFile {
    #[serde(rename = "_note")]
    _note: String,
    clauses: Vec<LibraryClause>,
}

const BUNDLED: &str = include_str!("../../../templates/clauses/clauses.json");

/// Every clause of the library, in the file's order.
pub fn all() -> Vec<LibraryClause> {
    let file: LibraryFile = serde_json::from_str(BUNDLED)
        .expect("templates/clauses/clauses.json is checked by the tests");
    file.clauses
}

/// Clauses matching every word of `query` (case and accents ignored) in
/// their title, use, explanation, text or article, and suited to `nature`
/// when given; clauses whose title matches come first.
pub fn search(query: &str, nature: Option<Nature>) -> Vec<LibraryClause> {
    let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    let mut found: Vec<(bool, LibraryClause)> = all()
        .into_iter()
        .filter(|c| nature.is_none_or(|n| c.natures.is_empty() || c.natures.contains(&n)))
        .filter_map(|c| {
            let haystack = fold(&format!(
                "{} {} {} {} {}",
                c.title, c.when_to_use, c.explanation, c.text, c.article
            ));
            words
                .iter()
                .all(|w| haystack.contains(w.as_str()))
                .then(|| {
                    let title = fold(&c.title);
                    (words.iter().all(|w| title.contains(w.as_str())), c)
                })
        })
        .collect();
    // Stable: within each group the library's order is kept.
    found.sort_by_key(|(in_title, _)| !in_title);
    found.into_iter().map(|(_, c)| c).collect()
}

/// Lower case without accents, so « equipement » finds « Équipements ».
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'œ' => 'o',
            '’' => '\'',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_parses_and_is_complete() {
        let clauses = all();
        assert!(clauses.len() >= 12);
        for kind in [
            ClauseKind::SocialCondition,
            ClauseKind::EnvironmentalCondition,
            ClauseKind::Criterion,
            ClauseKind::ReservedContract,
        ] {
            assert!(clauses.iter().any(|c| c.kind == kind), "{kind:?}");
        }
        for c in &clauses {
            assert!(
                !c.when_to_use.is_empty() && !c.explanation.is_empty() && !c.text.is_empty(),
                "{}",
                c.id
            );
        }
        let mut ids: Vec<_> = clauses.iter().map(|c| &c.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), clauses.len(), "unique ids");
    }

    #[test]
    fn search_ignores_accents_and_case_and_ranks_titles_first() {
        let found = search("INSERTION", None);
        assert!(found.len() >= 3);
        assert_eq!(found[0].id, "insertion-heures");
        assert!(search("dechets chantier", None)
            .iter()
            .any(|c| c.id == "dechets-chantier"));
        assert!(search("réservé", None)
            .iter()
            .all(|c| c.text.contains("réservé")
                || c.title.contains("réservé")
                || c.explanation.contains("réserv")));
        assert!(search("L2113-12", None)
            .iter()
            .any(|c| c.id == "reserve-ea-esat"));
        assert!(search("zzz introuvable", None).is_empty());
    }

    #[test]
    fn search_filters_by_nature() {
        let works = search("", Some(Nature::Works));
        assert!(works.iter().any(|c| c.id == "dechets-chantier"));
        assert!(
            !works.iter().any(|c| c.id == "emballages"),
            "packaging is for supplies"
        );
        assert!(
            works.iter().any(|c| c.id == "critere-innovation"),
            "clauses for every nature stay"
        );
    }
}
