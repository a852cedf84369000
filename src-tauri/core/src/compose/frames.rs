//! The response frames as the template reads them: questions grouped by
//! frame, each with the name of the criterion it is scored under.

use crate::model::{Dossier, FrameKind};
use serde::Serialize;

#[derive(Serialize)]
pub struct FrameView {
    title: &'static str,
    intro: &'static str,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
pub struct QuestionView {
    id: String,
    prompt: String,
    evidence: String,
    max_words: Option<u32>,
    points: u32,
    /// « Valeur technique — Qualité gustative et variété des menus ».
    criterion: String,
    /// Height of the answer box, from the length limit.
    lines: u32,
    /// A quantified line of the impact canvas.
    measure: Option<MeasureView>,
    /// The canvas theme heading, on the first line of each theme.
    theme_heading: Option<&'static str>,
}

#[derive(Serialize)]
pub struct MeasureView {
    unit: String,
    explanation: String,
    /// « la valeur la plus basse est la meilleure ».
    direction: &'static str,
}

const FRAMES: [(FrameKind, &str, &str); 3] = [
    (FrameKind::Technical, "Cadre de réponse technique", "Décrivez comment vous exécuterez le marché : moyens, organisation, méthodes."),
    (FrameKind::Environmental, "Cadre de réponse environnemental", "Indiquez des engagements chiffrés et vérifiables : quantités, distances, parts de produits, fréquences."),
    (FrameKind::Social, "Cadre de réponse social", "Décrivez vos engagements en matière de formation, d'insertion et de conditions de travail pendant le marché."),
];

/// Frames with at least one question, in a fixed order.
/// Within a frame, the free-text questions come first, then the canvas
/// lines grouped by theme (in the order of the themes, each kept in the
/// dossier's order).
pub fn view(d: &Dossier) -> Vec<FrameView> {
    FRAMES
        .iter()
        .map(|(kind, title, intro)| {
            let mut qs: Vec<&crate::model::Question> =
                d.questions.iter().filter(|q| q.frame == *kind).collect();
            qs.sort_by_key(|q| q.measure.as_ref().map(|m| m.theme));
            let mut theme = None;
            let questions = qs
                .into_iter()
                .map(|q| {
                    let mut v = question(d, q);
                    let this = q.measure.as_ref().map(|m| m.theme);
                    if this.is_some() && this != theme {
                        v.theme_heading = this.map(|t| t.label());
                    }
                    theme = this;
                    v
                })
                .collect();
            FrameView {
                title,
                intro,
                questions,
            }
        })
        .filter(|f| !f.questions.is_empty())
        .collect()
}

fn question(d: &Dossier, q: &crate::model::Question) -> QuestionView {
    QuestionView {
        id: q.id.clone(),
        prompt: q.prompt.clone(),
        evidence: q.evidence.clone(),
        max_words: q.max_words,
        points: q.points,
        criterion: criterion_label(d, &q.criterion_id),
        // About 25 words a line; between 4 and 16 lines.
        lines: q.max_words.map_or(8, |w| (w / 25).clamp(4, 16)),
        measure: q.measure.as_ref().map(|m| MeasureView {
            unit: m.unit.clone(),
            explanation: m.explanation.clone(),
            direction: m.direction.label(),
        }),
        theme_heading: None,
    }
}

fn criterion_label(d: &Dossier, id: &str) -> String {
    for c in &d.criteria {
        if c.id == id {
            return c.title.clone();
        }
        if let Some(s) = c.subcriteria.iter().find(|s| s.id == id) {
            return format!("{} — {}", c.title, s.title);
        }
    }
    crate::compose::MISSING.to_string()
}
