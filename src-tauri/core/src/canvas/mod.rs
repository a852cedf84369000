//! The environmental impact canvas (canevas d'analyse des impacts): lines
//! asking bidders for figures, not prose, so that a buyer without expertise
//! can compare offers.
//!
//! The lines come from a library per purchase type (`templates/canvas/*.json`,
//! bundled at build time: a trainer adds a file without touching code). A
//! line put into a dossier becomes a [`Question`] carrying a [`Measure`];
//! the frames render it as a figure box with its unit, a « non mesuré » box
//! and a justification box ([`read`] reads a filled frame back, [`compare`]
//! sets several offers side by side).

pub mod compare;
pub mod read;

pub use compare::{compare, LineComparison, OfferFigure};
pub use read::{read_docx, read_pdf, CanvasError, Figure, LineAnswer};

use crate::model::{Direction, Dossier, FrameKind, ImpactTheme, Measure, Question};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many lines are proposed at most: a small firm must be able to
/// answer (R2152-10 warns against overloading them).
pub const MAX_PROPOSED: usize = 10;

/// Length limit of the justification beside each figure, in words.
pub const JUSTIFICATION_WORDS: u32 = 80;

/// One line of a canvas library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CanvasLine {
    /// Stable identifier; the question id and the field names derive from it.
    pub id: String,
    pub theme: ImpactTheme,
    /// What is measured, as the frame's heading of the line.
    pub prompt: String,
    pub unit: String,
    pub direction: Direction,
    /// The sub-criterion of the matching sample the line is scored under.
    pub subcriterion: String,
    /// Evidence expected with the figure.
    pub evidence: String,
    /// One plain French sentence: what the figure says and why it matters.
    pub explanation: String,
    /// Proposed by default; other lines are offered on request.
    #[serde(default = "yes")]
    pub default: bool,
}

fn yes() -> bool {
    true
}

/// The canvas of one purchase type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Canvas {
    /// The file name, the same as the matching sample's (`restauration-scolaire`).
    pub purchase_type: String,
    pub title: String,
    /// CPV code beginnings the canvas fits; the longest match wins.
    pub cpv_prefixes: Vec<String>,
    pub lines: Vec<CanvasLine>,
}

const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/canvas_library.rs"));

/// Every bundled canvas, in file-name order.
pub fn library() -> Vec<Canvas> {
    BUNDLED
        .iter()
        .map(|(name, json)| {
            // Bundled files are checked by the tests: a parse failure is a build defect.
            serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("bundled canvas {name} is invalid: {e}"))
        })
        .collect()
}

/// The canvas of a purchase type (a sample's name).
pub fn canvas(purchase_type: &str) -> Option<Canvas> {
    library()
        .into_iter()
        .find(|c| c.purchase_type == purchase_type)
}

/// The canvas that fits the dossier's purchase: the one whose CPV prefix
/// matches the dossier's main CPV code on the most digits.
pub fn canvas_for(dossier: &Dossier) -> Option<Canvas> {
    let cpv: String = dossier
        .purchase
        .cpv
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if cpv.is_empty() {
        return None;
    }
    library()
        .into_iter()
        .filter_map(|c| {
            let best = c
                .cpv_prefixes
                .iter()
                .filter(|p| !p.is_empty() && cpv.starts_with(p.as_str()))
                .map(String::len)
                .max()?;
            Some((best, c))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, c)| c)
}

/// The lines core proposes for the dossier (the guided path): only when it
/// has an environmental criterion; the default lines of its purchase
/// type's canvas that are not yet among its questions, at most
/// [`MAX_PROPOSED`] counting the canvas lines already there.
pub fn proposed_lines(dossier: &Dossier) -> Vec<CanvasLine> {
    if !dossier.criteria.iter().any(|c| c.kind.is_environmental()) {
        return Vec::new();
    }
    let Some(canvas) = canvas_for(dossier) else {
        return Vec::new();
    };
    let present = dossier
        .questions
        .iter()
        .filter(|q| q.measure.is_some())
        .count();
    canvas
        .lines
        .into_iter()
        .filter(|l| l.default && !dossier.questions.iter().any(|q| q.id == l.id))
        .take(MAX_PROPOSED.saturating_sub(present))
        .collect()
}

/// The proposed lines as questions of this dossier, each scored under its
/// sub-criterion and worth no points until the buyer shares them out.
pub fn proposed_questions(dossier: &Dossier) -> Vec<Question> {
    proposed_lines(dossier)
        .iter()
        .filter_map(|l| criterion_for(dossier, l).map(|c| question(l, &c, 0)))
        .collect()
}

/// Where a line is scored in this dossier: its own sub-criterion when the
/// dossier has it, else the first environmental criterion (or its first
/// sub-criterion), else nothing.
pub fn criterion_for(dossier: &Dossier, line: &CanvasLine) -> Option<String> {
    let env = || {
        dossier
            .criteria
            .iter()
            .filter(|c| c.kind.is_environmental())
    };
    if env().any(|c| c.subcriteria.iter().any(|s| s.id == line.subcriterion)) {
        return Some(line.subcriterion.clone());
    }
    env().next().map(|c| {
        c.subcriteria
            .first()
            .map_or_else(|| c.id.clone(), |s| s.id.clone())
    })
}

/// The question a line becomes in a dossier, scored under `criterion_id`.
pub fn question(line: &CanvasLine, criterion_id: &str, points: u32) -> Question {
    Question {
        id: line.id.clone(),
        frame: FrameKind::Environmental,
        criterion_id: criterion_id.into(),
        prompt: line.prompt.clone(),
        evidence: line.evidence.clone(),
        max_words: Some(JUSTIFICATION_WORDS),
        points,
        measure: Some(Measure {
            unit: line.unit.clone(),
            direction: line.direction,
            theme: line.theme,
            explanation: line.explanation.clone(),
        }),
    }
}

/// Field names of a measured question in the frames (PDF field names, DOCX
/// tags): the figure, the « non mesuré » box, the justification.
pub fn figure_field(question_id: &str) -> String {
    question_id.to_string()
}
pub fn not_measured_field(question_id: &str) -> String {
    format!("{question_id}-non-mesure")
}
pub fn justification_field(question_id: &str) -> String {
    format!("{question_id}-justification")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;
    use chrono::NaiveDate;

    fn sample(name: &str) -> Dossier {
        samples::find(name)
            .unwrap()
            .instantiate(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), "u".into())
    }

    #[test]
    fn every_canvas_fits_its_sample() {
        let lib = library();
        assert_eq!(lib.len(), 8, "one canvas per sample");
        for c in lib {
            let d = sample(&c.purchase_type);
            assert_eq!(
                canvas_for(&d).map(|k| k.purchase_type),
                Some(c.purchase_type.clone()),
                "the CPV of {} finds its canvas",
                c.purchase_type
            );
            let defaults = c.lines.iter().filter(|l| l.default).count();
            assert!(
                (1..=MAX_PROPOSED).contains(&defaults),
                "{}: {defaults} lines by default",
                c.purchase_type
            );
            let mut ids = std::collections::HashSet::new();
            for l in &c.lines {
                let at = format!("{} / {}", c.purchase_type, l.id);
                assert!(ids.insert(l.id.clone()), "{at}: id twice");
                assert!(!l.unit.trim().is_empty(), "{at}: no unit");
                assert!(!l.prompt.trim().is_empty(), "{at}: no prompt");
                assert!(!l.evidence.trim().is_empty(), "{at}: no evidence");
                // One plain sentence: a capital, one final period, not a paragraph.
                let e = l.explanation.trim();
                assert!(e.ends_with('.'), "{at}: the explanation is a sentence");
                assert_eq!(e.matches(". ").count(), 0, "{at}: one sentence only");
                assert!(e.chars().next().is_some_and(char::is_uppercase), "{at}");
                assert!(e.split_whitespace().count() <= 40, "{at}: plain and short");
                assert!(
                    d.criteria
                        .iter()
                        .filter(|k| k.kind.is_environmental())
                        .flat_map(|k| &k.subcriteria)
                        .any(|s| s.id == l.subcriterion),
                    "{at}: sub-criterion {} is not an environmental one of the sample",
                    l.subcriterion
                );
            }
        }
    }

    #[test]
    fn every_sample_uses_its_canvas_as_environmental_frame() {
        for c in library() {
            let d = sample(&c.purchase_type);
            let env: Vec<&Question> = d
                .questions
                .iter()
                .filter(|q| q.frame == FrameKind::Environmental)
                .collect();
            let defaults: Vec<&CanvasLine> = c.lines.iter().filter(|l| l.default).collect();
            assert_eq!(env.len(), defaults.len(), "{}", c.purchase_type);
            for (q, l) in env.iter().zip(&defaults) {
                let mut expected = question(l, &l.subcriterion, q.points);
                expected.criterion_id = q.criterion_id.clone();
                assert_eq!(
                    **q, expected,
                    "{}: sample question {}",
                    c.purchase_type, q.id
                );
            }
            // The lines' points add up to their sub-criteria's.
            for k in d.criteria.iter().filter(|k| k.kind.is_environmental()) {
                for s in &k.subcriteria {
                    let sum: u32 = env
                        .iter()
                        .filter(|q| q.criterion_id == s.id)
                        .map(|q| q.points)
                        .sum();
                    assert_eq!(sum, s.points, "{}: {}", c.purchase_type, s.id);
                }
            }
            assert!(
                proposed_lines(&d).is_empty(),
                "{}: every default line is already there",
                c.purchase_type
            );
        }
    }

    #[test]
    fn proposes_the_missing_lines_of_the_purchase_type_only() {
        let mut d = sample("restauration-scolaire");
        d.questions
            .retain(|q| q.id != "rs-co2-livraisons" && q.id != "rs-produits-bio");
        let ids: Vec<String> = proposed_lines(&d).into_iter().map(|l| l.id).collect();
        assert_eq!(ids, ["rs-produits-bio", "rs-co2-livraisons"]);
        let line = canvas("restauration-scolaire")
            .unwrap()
            .lines
            .into_iter()
            .find(|l| l.id == "rs-co2-livraisons")
            .unwrap();
        assert_eq!(criterion_for(&d, &line).as_deref(), Some("env-transport"));

        // No environmental criterion: nothing proposed.
        d.criteria.retain(|c| !c.kind.is_environmental());
        assert!(proposed_lines(&d).is_empty());
        assert_eq!(criterion_for(&d, &line), None);

        // Without its questions, a dossier gets at most ten lines.
        let mut d = sample("materiel-informatique");
        d.questions.clear();
        let n = proposed_lines(&d).len();
        assert!((1..=MAX_PROPOSED).contains(&n), "{n}");
        d.purchase.cpv = "99999999-9".into();
        assert!(proposed_lines(&d).is_empty(), "unknown purchase type");
    }
}
