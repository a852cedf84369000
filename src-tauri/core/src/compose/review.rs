//! The review sheet (« fiche de relecture ») the department's adviser reads
//! before or during an assisted session: what the checks find, which steps
//! are still incomplete and the comments nobody has resolved yet, by step.

use super::document::{Cover, Document, Meta};
use super::template::{self, Template};
use super::{labels, markdown, ComposeError, MISSING};
use crate::fields::{field_label, is_known, normalise};
use crate::french::{self, typography};
use crate::model::Dossier;
use crate::progress;
use crate::rules::{Finding, Severity};
use crate::sections::{step_of_field, step_rank, step_title, STEPS};
use crate::store::StoredComment;
use chrono::NaiveDate;
use minijinja::value::{Serde, Value};
use serde::Serialize;
use ts_rs::TS;

/// The French name of the sheet, in the cover kicker and the document properties.
pub const REVIEW_TITLE: &str = "Fiche de relecture";

/// The review sheet of `dossier` on `today`, from `findings` as the checks
/// give them and the open ones among `comments`, as a document.
pub fn review(
    dossier: &Dossier,
    findings: &[Finding],
    comments: &[StoredComment],
    today: NaiveDate,
) -> Result<Document, ComposeError> {
    let sheet = review_sheet(dossier, findings, comments, today);
    let markdown = template::render(Template::Review, dossier, Value::from(Serde(&sheet)))?;
    Ok(Document {
        meta: Meta {
            title: dossier.purchase.object.clone(),
            subject: REVIEW_TITLE.into(),
            author: dossier.buyer.name.clone(),
            language: "fr-FR".into(),
            identifier: String::new(),
        },
        cover: cover(dossier, &sheet, today),
        running_header: labels::running_header(dossier),
        blocks: markdown::to_blocks(&markdown),
    })
}

/// What the adviser goes through, every text already in French: the sheet's
/// template reads it grouped by kind (`findings`, `incomplete`, `comments`),
/// the review window step by step (`summary`, `steps`).
#[derive(Debug, Serialize, TS)]
pub struct ReviewSheet {
    pub date: String,
    pub counts: Counts,
    /// The figures of the window's summary, « 2 points bloquants ».
    pub summary: Vec<SummaryItem>,
    pub findings: Vec<Group<FindingView>>,
    /// Titles of the incomplete steps.
    pub incomplete: Vec<String>,
    pub comments: Vec<Group<CommentView>>,
    /// The steps with something to see, in the editor's order.
    pub steps: Vec<ReviewStep>,
    /// Said when there is nothing to see at all; empty otherwise.
    pub clean: String,
}

#[derive(Debug, Serialize, TS)]
pub struct Counts {
    /// « 3 (1 point bloquant, 2 conseils) » or « aucun ».
    pub findings: String,
    pub incomplete: String,
    pub open_comments: String,
    /// « 1 commentaire résolu, non repris » or empty.
    pub resolved_comments: String,
}

#[derive(Debug, Serialize, TS)]
pub struct SummaryItem {
    #[ts(type = "number")]
    pub count: usize,
    /// What is counted, agreed with the count: « point bloquant », « points bloquants ».
    pub label: String,
}

/// The items of one step.
#[derive(Debug, Serialize, TS)]
pub struct Group<T> {
    pub title: String,
    pub items: Vec<T>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FindingView {
    pub level: Severity,
    /// « Bloquant », « Attention », « Conseil ».
    pub severity: &'static str,
    pub message: String,
    pub reference: String,
    /// Name of the field concerned, when it has one a person knows.
    pub field: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CommentView {
    #[ts(type = "number")]
    pub id: i64,
    pub author: String,
    /// « 3 mars 2026 à 14 h 05 ».
    pub date: String,
    pub field: Option<String>,
    /// The text, one paragraph a line.
    pub lines: Vec<String>,
}

/// One step of the review window.
#[derive(Debug, Serialize, TS)]
pub struct ReviewStep {
    pub key: &'static str,
    /// « 7. Critères d’attribution ».
    pub heading: String,
    pub incomplete: bool,
    pub findings: Vec<FindingView>,
    pub comments: Vec<CommentView>,
}

/// The review sheet's content for `dossier` on `today`: the incomplete
/// steps are judged here, with the editor's rule.
pub fn review_sheet(
    dossier: &Dossier,
    findings: &[Finding],
    comments: &[StoredComment],
    today: NaiveDate,
) -> ReviewSheet {
    let open: Vec<&StoredComment> = comments.iter().filter(|c| !c.comment.resolved).collect();
    let resolved = comments.len() - open.len();
    let incomplete = progress::incomplete_steps(dossier);
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| (step_rank(step_of_field(&f.field)), f.severity));
    let steps: Vec<ReviewStep> = STEPS
        .iter()
        .enumerate()
        .map(|(i, s)| ReviewStep {
            key: s.key,
            heading: format!("{}. {}", i + 1, s.title),
            incomplete: incomplete.contains(&s.key),
            findings: sorted
                .iter()
                .filter(|f| step_of_field(&f.field) == s.key)
                .map(|f| finding(f))
                .collect(),
            comments: open
                .iter()
                .filter(|c| c.comment.section == s.key)
                .map(|c| comment(c))
                .collect(),
        })
        .filter(|s| s.incomplete || !s.findings.is_empty() || !s.comments.is_empty())
        .collect();
    let mut summary = severity_items(findings);
    summary.push(counted(
        open.len(),
        "commentaire ouvert",
        "commentaires ouverts",
    ));
    summary.push(counted(
        incomplete.len(),
        "étape à compléter",
        "étapes à compléter",
    ));
    ReviewSheet {
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
        summary,
        findings: by_step(sorted.iter().map(|f| (step_of_field(&f.field), *f)))
            .into_iter()
            .map(|(title, items)| Group {
                title,
                items: items.into_iter().map(finding).collect(),
            })
            .collect(),
        incomplete: incomplete.iter().map(|k| title_of(k)).collect(),
        comments: by_step(open.iter().map(|c| (c.comment.section.as_str(), *c)))
            .into_iter()
            .map(|(title, items)| Group {
                title,
                items: items.into_iter().map(comment).collect(),
            })
            .collect(),
        clean: if steps.is_empty() {
            typography("Rien à revoir : aucun point à corriger, aucun commentaire ouvert, toutes les étapes sont complètes.")
        } else {
            String::new()
        },
        steps,
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
        level: f.severity,
        severity: severity_label(f.severity),
        message: f.message.clone(),
        reference: f.reference.clone(),
        field: known_field(&f.field),
    }
}

fn comment(c: &StoredComment) -> CommentView {
    CommentView {
        id: c.id,
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

/// `count` with what it counts, singular up to one: « 0 conseil », « 2 conseils ».
fn counted(count: usize, one: &str, many: &str) -> SummaryItem {
    SummaryItem {
        count,
        label: if count > 1 { many } else { one }.into(),
    }
}

/// The findings counted by severity, most severe first.
fn severity_items(findings: &[Finding]) -> Vec<SummaryItem> {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    vec![
        counted(
            count(Severity::Blocking),
            "point bloquant",
            "points bloquants",
        ),
        counted(
            count(Severity::Warning),
            "point d’attention",
            "points d’attention",
        ),
        counted(count(Severity::Advice), "conseil", "conseils"),
    ]
}

/// « 3 (1 point bloquant, 2 conseils) ».
fn findings_count(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "aucun".into();
    }
    let parts: Vec<String> = severity_items(findings)
        .into_iter()
        .filter(|i| i.count > 0)
        .map(|i| format!("{} {}", i.count, i.label))
        .collect();
    format!("{} ({})", findings.len(), parts.join(", "))
}

fn cover(d: &Dossier, view: &ReviewSheet, today: NaiveDate) -> Cover {
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
