//! Two states of a dossier side by side, for the « comparer deux versions »
//! view: what changed, grouped by the editor's steps, each change named in
//! French and its values written as a person reads them, with a word-level
//! diff to highlight what was removed and what was added.
//!
//! Both dossiers are walked as JSON, so a new model field is compared
//! without touching this module (it shows under its raw name until
//! `crate::fields` names it). Lists whose items carry an `id` (needs,
//! criteria, sub-criteria, questions) are matched by it; other lists are
//! aligned on identical items, and the items left between two identical
//! ones are paired by position. See `walk` for the paths this gives.

mod format;
mod walk;
mod words;

use crate::model::Dossier;
use crate::sections::{step_of_field, STEPS};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The changes of one step of the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SectionDiff {
    /// Step key, as in `crate::sections::STEPS`, e.g. `criteria`.
    pub section: String,
    /// French title of the step, e.g. « Critères d’attribution ».
    pub title: String,
    pub changes: Vec<Change>,
}

/// One field (or one list item) that differs between the two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Change {
    /// Path of the field, in the syntax of `Finding.field`, e.g.
    /// `criteria[1].weight_percent`. Indices are those of the later version,
    /// except for a removed item, which keeps its index in the earlier one.
    pub path: String,
    /// French name of the field, e.g. « Critère 2 — pondération (%) ».
    pub label: String,
    /// The value before, as a person reads it; none when the field was empty
    /// or the item did not exist. A whole item is one line per field.
    pub before: Option<String>,
    /// The value after; none when the field is now empty or the item was removed.
    pub after: Option<String>,
    /// Word-level diff from `before` to `after`: `same` and `removed`
    /// segments spell `before`, `same` and `added` ones spell `after`.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// In both versions.
    Same,
    /// Only in the earlier version.
    Removed,
    /// Only in the later version.
    Added,
}

/// What changed from `before` to `after`, by step in the editor's order;
/// steps without changes are left out. `schema_version` and `uid` are not
/// compared: they identify the file, not its content.
pub fn compare(before: &Dossier, after: &Dossier) -> Vec<SectionDiff> {
    let before = content(before);
    let after = content(after);
    let changes = walk::changes(&before, &after);
    let mut sections: Vec<SectionDiff> = STEPS
        .iter()
        .map(|s| SectionDiff {
            section: s.key.into(),
            title: s.title.into(),
            changes: Vec::new(),
        })
        .collect();
    for change in changes {
        let step = step_of_field(&change.path);
        if let Some(s) = sections.iter_mut().find(|s| s.section == step) {
            s.changes.push(change);
        }
    }
    sections.retain(|s| !s.changes.is_empty());
    sections
}

/// The dossier as JSON, without what identifies the file.
fn content(d: &Dossier) -> serde_json::Value {
    // Serialising the model cannot fail: every map key is a string.
    let mut v = serde_json::to_value(d).unwrap_or_default();
    if let Some(map) = v.as_object_mut() {
        map.remove("schema_version");
        map.remove("uid");
    }
    v
}
