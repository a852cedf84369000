//! The review sheet (« fiche de relecture ») the department's adviser reads
//! before or during an assisted session: what the checks find, which steps
//! are still incomplete and the comments nobody has resolved yet, by step.

use super::document::{Cover, Document, Meta};
use super::template::{self, Template};
use super::{labels, markdown, ComposeError, MISSING};
use crate::fields::{field_label, is_known, normalise};
use crate::french::{self, typography};
use crate::model::Dossier;
use crate::rules::{Finding, Severity};
use crate::sections::{step_of_field, step_rank, step_title};
use crate::store::StoredComment;
use chrono::NaiveDate;
use minijinja::value::{Serde, Value};
use serde::Serialize;

/// The French name of the sheet, in the cover kicker and the document properties.
pub const REVIEW_TITLE: &str = "Fiche de relecture";

/// The review sheet of `dossier` on `today`: `findings` as the checks give
/// them, `incomplete_steps` as step keys (the UI judges what is plainly
/// empty), and the open ones among `comments`.
pub fn review(
    dossier: &Dossier,
    findings: &[Finding],
    comments: &[StoredComment],
    incomplete_steps: &[String],
    today: NaiveDate,
) -> Result<Document, ComposeError> {
    let view = ReviewView::new(findings, comments, incomplete_steps, today);
    let markdown = template::render(Template::Review, dossier, Value::from(Serde(&view)))?;
    Ok(Document {
        meta: Meta {
            title: dossier.purchase.object.clone(),
            subject: REVIEW_TITLE.into(),
            author: dossier.buyer.name.clone(),
            language: "fr-FR".into(),
        },
        cover: cover(dossier, &view, today),
        running_header: labels::running_header(dossier),
        blocks: markdown::to_blocks(&markdown),
    })
}

/// What the template reads, every text already in French.
#[derive(Serialize)]
struct ReviewView {
    date: String,
    counts: Counts,
    findings: Vec<Group<FindingView>>,
    incomplete: Vec<String>,
    comments: Vec<Group<CommentView>>,
}

#[derive(Serialize)]
struct Counts {
    /// « 3 (1 point bloquant, 2 conseils) » or « aucun ».
    findings: String,
    incomplete: String,
    open_comments: String,
    /// « 1 commentaire résolu, non repris » or empty.
    resolved_comments: String,
}

/// The items of one step.
#[derive(Serialize)]
struct Group<T> {
    title: String,
    items: Vec<T>,
}

#[derive(Serialize)]
struct FindingView {
    severity: &'static str,
    message: String,
    reference: String,
    /// Name of the field concerned, when it has one a person knows.
    field: Option<String>,
}

#[derive(Serialize)]
struct CommentView {
    author: String,
    date: String,
    field: Option<String>,
    /// The text, one paragraph a line.
    lines: Vec<String>,
}

impl ReviewView {
    fn new(
        findings: &[Finding],
        comments: &[StoredComment],
        incomplete_steps: &[String],
        today: NaiveDate,
    ) -> Self {
        let open: Vec<&StoredComment> = comments.iter().filter(|c| !c.comment.resolved).collect();
        let resolved = comments.len() - open.len();
        let incomplete = sorted_steps(incomplete_steps);
        ReviewView {
            date: french::date(today),
            counts: Counts {
                findings: findings_count(findings),
                incomplete: count_or_none(incomplete.len()),
                open_comments: count_or_none(open.len()),
                resolved_comments: match resolved {
                    0 => String::new(),
                    1 => "1 commentaire résolu, non repris ici".into(),
                    n => format!("{n} commentaires résolus, non repris ici"),
                },
            },
            findings: by_step(findings.iter().map(|f| (step_of_field(&f.field), f)))
                .into_iter()
                .map(|(title, mut items)| {
                    items.sort_by_key(|f| f.severity);
                    Group {
                        title,
                        items: items.into_iter().map(finding).collect(),
                    }
                })
                .collect(),
            incomplete: incomplete.into_iter().map(title_of).collect(),
            comments: by_step(open.into_iter().map(|c| (c.comment.section.as_str(), c)))
                .into_iter()
                .map(|(title, items)| Group {
                    title,
                    items: items.into_iter().map(comment).collect(),
                })
                .collect(),
        }
    }
}

/// Items grouped under the title of their step, steps in the editor's
/// order, items in their given order within a step.
fn by_step<'a, T>(items: impl Iterator<Item = (&'a str, T)>) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(&str, Vec<T>)> = Vec::new();
    for (step, item) in items {
        match groups.iter_mut().find(|(s, _)| *s == step) {
            Some((_, list)) => list.push(item),
            None => groups.push((step, vec![item])),
        }
    }
    groups.sort_by_key(|(step, _)| step_rank(step));
    groups
        .into_iter()
        .map(|(step, items)| (title_of(step), items))
        .collect()
}

fn sorted_steps(keys: &[String]) -> Vec<&str> {
    let mut keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    keys.sort_by_key(|k| step_rank(k));
    keys.dedup();
    keys
}

/// The step's title; a key from elsewhere is shown as it is rather than lost.
pub(crate) fn title_of(step: &str) -> String {
    step_title(step).map_or_else(|| step.to_string(), str::to_string)
}

/// The name of a field a person knows, none for a path nobody reads.
pub(crate) fn known_field(path: &str) -> Option<String> {
    is_known(&normalise(path)).then(|| field_label(path))
}

fn finding(f: &Finding) -> FindingView {
    FindingView {
        severity: severity_label(f.severity),
        message: f.message.clone(),
        reference: f.reference.clone(),
        field: known_field(&f.field),
    }
}

fn comment(c: &StoredComment) -> CommentView {
    CommentView {
        author: c.comment.author.clone(),
        date: french::datetime(c.comment.created_at),
        field: c
            .comment
            .field
            .as_deref()
            .map(|f| known_field(f).unwrap_or_else(|| f.to_string())),
        lines: lines(&c.comment.text),
    }
}

/// The paragraphs of a text typed in a box: one a line, blank lines dropped.
pub(crate) fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// « Bloquant », « Attention », « Conseil ».
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Blocking => "Bloquant",
        Severity::Warning => "Attention",
        Severity::Advice => "Conseil",
    }
}

fn count_or_none(n: usize) -> String {
    match n {
        0 => "aucun".into(),
        n => n.to_string(),
    }
}

/// « 3 (1 point bloquant, 2 conseils) ».
fn findings_count(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "aucun".into();
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let parts: Vec<String> = [
        (
            count(Severity::Blocking),
            "point bloquant",
            "points bloquants",
        ),
        (
            count(Severity::Warning),
            "point d’attention",
            "points d’attention",
        ),
        (count(Severity::Advice), "conseil", "conseils"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    format!("{} ({})", findings.len(), parts.join(", "))
}

fn cover(d: &Dossier, view: &ReviewView, today: NaiveDate) -> Cover {
    let or_missing = |s: &str| {
        if s.trim().is_empty() {
            MISSING.to_string()
        } else {
            typography(s)
        }
    };
    Cover {
        buyer: or_missing(&d.buyer.name),
        kicker: REVIEW_TITLE.into(),
        title: or_missing(&d.purchase.object),
        facts: vec![
            ("Référence".into(), or_missing(&d.reference)),
            ("Date de la relecture".into(), french::date(today)),
            ("Points à corriger".into(), view.counts.findings.clone()),
            ("Étapes incomplètes".into(), view.counts.incomplete.clone()),
            (
                "Commentaires ouverts".into(),
                view.counts.open_comments.clone(),
            ),
        ],
    }
}
