//! Word-level diff of two displayed values, with the `similar` crate.

use super::format::Shown;
use super::{Segment, SegmentKind};
use similar::{ChangeTag, TextDiff};

/// The segments from `before` to `after`. Text the user typed is diffed
/// word by word; a formatted value (amount, date, choice) is replaced
/// whole, since « 120 000 » → « 135 000 » reads better than a changed digit group.
pub fn segments(before: Option<&Shown>, after: Option<&Shown>) -> Vec<Segment> {
    match (before, after) {
        (Some(b), Some(a)) if b.typed && a.typed => word_diff(&b.text, &a.text),
        _ => {
            let mut out = Vec::new();
            if let Some(b) = before {
                push(&mut out, SegmentKind::Removed, &b.text);
            }
            if let Some(a) = after {
                push(&mut out, SegmentKind::Added, &a.text);
            }
            out
        }
    }
}

/// Word diff, then each run of changes between unchanged words shown as
/// one removed phrase and one added phrase: a space that happens to match
/// between two changed words would otherwise cut « jusqu’à leur remise » →
/// « jusqu’au service » into alternating scraps.
fn word_diff(before: &str, after: &str) -> Vec<Segment> {
    let diff = TextDiff::from_words(before, after);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for (i, (tag, text)) in tokens.iter().enumerate() {
        match tag {
            ChangeTag::Delete => removed.push_str(text),
            ChangeTag::Insert => added.push_str(text),
            ChangeTag::Equal => {
                let in_run = !removed.is_empty() || !added.is_empty();
                let run_goes_on = tokens
                    .get(i + 1)
                    .is_some_and(|(next, _)| *next != ChangeTag::Equal);
                if in_run && run_goes_on && text.trim().is_empty() {
                    removed.push_str(text);
                    added.push_str(text);
                } else {
                    flush(&mut out, &mut removed, &mut added);
                    push(&mut out, SegmentKind::Same, text);
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

fn flush(out: &mut Vec<Segment>, removed: &mut String, added: &mut String) {
    push(out, SegmentKind::Removed, &std::mem::take(removed));
    push(out, SegmentKind::Added, &std::mem::take(added));
}

/// Appends `text`, merged into the last segment when it is of the same kind.
fn push(out: &mut Vec<Segment>, kind: SegmentKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(Segment {
            kind,
            text: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Shown {
        Shown {
            text: s.into(),
            typed: true,
        }
    }

    fn spell(segments: &[Segment], skip: SegmentKind) -> String {
        segments
            .iter()
            .filter(|s| s.kind != skip)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn a_changed_word_is_removed_then_added() {
        let s = segments(
            Some(&typed("Livrer des repas chauds")),
            Some(&typed("Livrer des repas froids")),
        );
        assert_eq!(
            s,
            [
                Segment {
                    kind: SegmentKind::Same,
                    text: "Livrer des repas ".into()
                },
                Segment {
                    kind: SegmentKind::Removed,
                    text: "chauds".into()
                },
                Segment {
                    kind: SegmentKind::Added,
                    text: "froids".into()
                },
            ]
        );
    }

    #[test]
    fn the_segments_spell_both_versions() {
        let (b, a) = (
            "Assurer la tenue au chaud des repas jusqu’au service",
            "Assurer la tenue en température des repas livrés",
        );
        let s = segments(Some(&typed(b)), Some(&typed(a)));
        assert_eq!(spell(&s, SegmentKind::Added), b);
        assert_eq!(spell(&s, SegmentKind::Removed), a);
    }

    #[test]
    fn a_reworded_phrase_is_one_removal_and_one_addition() {
        let s = segments(
            Some(&typed("des repas jusqu’à leur remise")),
            Some(&typed("des repas jusqu’au service")),
        );
        let kinds: Vec<SegmentKind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [SegmentKind::Same, SegmentKind::Removed, SegmentKind::Added]
        );
        assert_eq!(s[1].text, "jusqu’à leur remise");
        assert_eq!(s[2].text, "jusqu’au service");
    }

    #[test]
    fn formatted_values_are_replaced_whole() {
        let shown = |t: &str| Shown {
            text: t.into(),
            typed: false,
        };
        let s = segments(Some(&shown("120 000 €")), Some(&shown("135 000 €")));
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "120 000 €");
        assert_eq!(s[1].kind, SegmentKind::Added);
        assert_eq!(
            segments(None, Some(&typed("x")))[0].kind,
            SegmentKind::Added
        );
    }
}
