//! The comments annex of a draft: at the very end of the DCE, every review
//! comment (open ones first, resolved ones marked « résolu »), so that the
//! secretary and the adviser can work on paper. Only drafts carry it: the
//! version to publish never shows the review.
//!
//! Built as IR directly rather than from a template: its heading must stay
//! unnumbered after the DCE's numbered articles, which Markdown cannot say.

use super::document::{Block, Heading, Paragraph, ParagraphStyle, Run};
use super::review::{known_field, lines, title_of};
use crate::french::{self, typography};
use crate::sections::step_rank;
use crate::store::StoredComment;
use chrono::NaiveDate;

pub const ANNEX_TITLE: &str = "Annexe — Commentaires de relecture";

/// The blocks of the annex of `comments` as they stand on `today`, to put
/// after the last block of the DCE; empty when there is no comment.
pub fn comments_annex(comments: &[StoredComment], today: NaiveDate) -> Vec<Block> {
    if comments.is_empty() {
        return Vec::new();
    }
    let mut ordered: Vec<&StoredComment> = comments.iter().collect();
    // Open first, then by step, then oldest first; stable for equal dates.
    ordered.sort_by_key(|c| {
        (
            c.comment.resolved,
            step_rank(&c.comment.section),
            c.comment.created_at,
        )
    });
    let open = comments.iter().filter(|c| !c.comment.resolved).count();
    let mut blocks = vec![
        Block::PageBreak,
        Block::Heading(Heading {
            level: 1,
            number: String::new(),
            text: ANNEX_TITLE.into(),
        }),
        Block::Paragraph(Paragraph {
            runs: vec![Run::plain(typography(&format!(
                "Commentaires au {} : {}, {}. Cette annexe n’accompagne que le projet ; elle ne figure pas dans la version à publier.",
                french::date(today),
                plural(open, "ouvert", "ouverts"),
                plural(comments.len() - open, "résolu", "résolus"),
            )))],
            style: ParagraphStyle::Note,
        }),
    ];
    for c in ordered {
        blocks.extend(comment(c));
    }
    blocks
}

/// « Critères d’attribution — Critère 2 — pondération (%) », then « Marie
/// Martin, le 22 novembre 2026 à 14 h 05 — résolu », then the text.
fn comment(c: &StoredComment) -> Vec<Block> {
    let c = &c.comment;
    let mut place = title_of(&c.section);
    if let Some(field) = &c.field {
        place.push_str(" — ");
        place.push_str(&known_field(field).unwrap_or_else(|| field.clone()));
    }
    let mut runs = vec![
        Run::bold(place),
        Run::plain(format!(
            " — {}, le {}",
            typography(&c.author),
            french::datetime(c.created_at)
        )),
    ];
    if c.resolved {
        runs.push(Run {
            text: " — résolu".into(),
            bold: false,
            italic: true,
        });
    }
    let mut blocks = vec![Block::Paragraph(Paragraph {
        runs,
        style: ParagraphStyle::Body,
    })];
    blocks.extend(lines(&c.text).into_iter().map(|line| {
        Block::Paragraph(Paragraph {
            runs: vec![Run::plain(typography(&line))],
            style: ParagraphStyle::Body,
        })
    }));
    blocks
}

fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("aucun {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}
