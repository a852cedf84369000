//! The walk over both dossiers as JSON, down to the values that differ.
//!
//! Paths: a field of a record is `record.field`; an item of a list is
//! `list[i]`, with `i` its index in the later version (in the earlier one
//! for a removed item). An added or removed item is one change whose value
//! lists its fields; a changed item gives one change per changed field.

use super::format::{child, shown, Shown};
use super::{words, Change};
use crate::fields::{field_label, field_rank, normalise};
use serde_json::{Map, Value};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::ops::Range;

/// Every change from `before` to `after`, in the model's order.
pub fn changes(before: &Value, after: &Value) -> Vec<Change> {
    let mut w = Walker {
        roots: [before, after],
        out: Vec::new(),
    };
    w.walk("", Some(before), Some(after));
    w.out
}

struct Walker<'a> {
    /// The whole dossiers, for values that refer to another part (criterion ids).
    roots: [&'a Value; 2],
    out: Vec<Change>,
}

impl Walker<'_> {
    fn walk(&mut self, path: &str, before: Option<&Value>, after: Option<&Value>) {
        if before == after {
            return;
        }
        match (before, after) {
            (Some(Value::Object(b)), Some(Value::Object(a))) => self.record(path, b, a),
            (Some(Value::Array(b)), Some(Value::Array(a))) => self.list(path, b, a),
            _ => self.leaf(path, before, after),
        }
    }

    /// Fields of a record, in the model's order; ids are never shown.
    fn record(&mut self, path: &str, before: &Map<String, Value>, after: &Map<String, Value>) {
        let norm = normalise(path);
        let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
        keys.sort_by_key(|k| (field_rank(&norm, k), k.to_string()));
        keys.dedup();
        for key in keys.into_iter().filter(|k| *k != "id") {
            self.walk(&child(path, key), before.get(key), after.get(key));
        }
    }

    fn list(&mut self, path: &str, before: &[Value], after: &[Value]) {
        if before.iter().chain(after).all(|v| id(v).is_some()) {
            self.list_by_id(path, before, after);
        } else {
            self.list_by_position(path, before, after);
        }
    }

    /// Items with an id are the same item whatever their place: a moved
    /// criterion is not a removed one and an added one.
    fn list_by_id(&mut self, path: &str, before: &[Value], after: &[Value]) {
        let before_ids: Vec<&str> = before.iter().filter_map(id).collect();
        let after_ids: Vec<&str> = after.iter().filter_map(id).collect();
        for (j, a) in after.iter().enumerate() {
            let earlier = before.iter().find(|b| id(b) == id(a));
            self.walk(&format!("{path}[{j}]"), earlier, Some(a));
        }
        for (i, b) in before.iter().enumerate() {
            if !after_ids.contains(&id(b).unwrap_or_default()) {
                self.leaf(&format!("{path}[{i}]"), Some(b), None);
            }
        }
        let kept_before: Vec<&str> = before_ids
            .iter()
            .copied()
            .filter(|i| after_ids.contains(i))
            .collect();
        let kept_after: Vec<&str> = after_ids
            .iter()
            .copied()
            .filter(|i| before_ids.contains(i))
            .collect();
        if kept_before != kept_after {
            self.reorder(path, before, after);
        }
    }

    /// Items without an id: identical items anchor the alignment (so a
    /// removed line is one removal, not a shift of every line after it);
    /// the items replaced between two anchors are paired by position.
    fn list_by_position(&mut self, path: &str, before: &[Value], after: &[Value]) {
        let keys = |items: &[Value]| items.iter().map(Value::to_string).collect::<Vec<_>>();
        let ops = capture_diff_slices(Algorithm::Myers, &keys(before), &keys(after));
        for op in ops {
            let (old, new) = (op.old_range(), op.new_range());
            match op {
                DiffOp::Equal { .. } => {}
                DiffOp::Delete { .. } => self.removed(path, before, old),
                DiffOp::Insert { .. } => self.added(path, after, new),
                DiffOp::Replace { .. } => {
                    let paired = old.len().min(new.len());
                    for (k, (b, a)) in before[old.clone()]
                        .iter()
                        .zip(&after[new.clone()])
                        .enumerate()
                    {
                        self.walk(&format!("{path}[{}]", new.start + k), Some(b), Some(a));
                    }
                    self.removed(path, before, old.start + paired..old.end);
                    self.added(path, after, new.start + paired..new.end);
                }
            }
        }
    }

    fn removed(&mut self, path: &str, before: &[Value], range: Range<usize>) {
        for i in range {
            self.leaf(&format!("{path}[{i}]"), before.get(i), None);
        }
    }

    fn added(&mut self, path: &str, after: &[Value], range: Range<usize>) {
        for j in range {
            self.leaf(&format!("{path}[{j}]"), None, after.get(j));
        }
    }

    /// The order of the items kept in a list changed (criteria moved up or down).
    fn reorder(&mut self, path: &str, before: &[Value], after: &[Value]) {
        let order = |items: &[Value]| {
            items
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{}. {}", i + 1, name(v)))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let before = Shown {
            text: order(before),
            typed: false,
        };
        let after = Shown {
            text: order(after),
            typed: false,
        };
        self.out.push(Change {
            path: path.to_string(),
            label: format!("{} — ordre", field_label(path)),
            segments: words::segments(Some(&before), Some(&after)),
            before: Some(before.text),
            after: Some(after.text),
        });
    }

    /// A value that differs and is not walked further.
    fn leaf(&mut self, path: &str, before: Option<&Value>, after: Option<&Value>) {
        let before = before.and_then(|v| shown(path, v, self.roots[0]));
        let after = after.and_then(|v| shown(path, v, self.roots[1]));
        // An empty text and no value read the same.
        if before == after {
            return;
        }
        self.out.push(Change {
            path: path.to_string(),
            label: field_label(path),
            segments: words::segments(before.as_ref(), after.as_ref()),
            before: before.map(|s| s.text),
            after: after.map(|s| s.text),
        });
    }
}

fn id(v: &Value) -> Option<&str> {
    v.get("id")?.as_str()
}

/// What a person calls an item: its title, function or question.
fn name(v: &Value) -> String {
    ["title", "function", "prompt"]
        .iter()
        .find_map(|k| {
            v.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
        })
        .or_else(|| id(v))
        .unwrap_or_default()
        .to_string()
}
