//! Document -> plain UTF-8 text, to paste into a web form (the buyer
//! platform, the BOAMP MAPA form) or a mail. Paragraphs are not wrapped:
//! the form that receives them does. Headings are in capitals or
//! underlined, tables are aligned « Libellé : valeur » lines, and no
//! Markdown mark is left.

use crate::compose::document::*;
use crate::french::NBSP;

/// The document as text: the cover's lines, then every block, one blank
/// line between blocks; a draft starts with a « PROJET » line.
pub fn render(doc: &Document, opts: RenderOptions) -> String {
    let mut parts: Vec<String> = Vec::new();
    if opts.draft {
        parts.push("PROJET — document non définitif, à ne pas publier".into());
    }
    parts.push(cover(&doc.cover));
    for block in &doc.blocks {
        if let Some(text) = block_text(block, doc) {
            parts.push(text);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn cover(c: &Cover) -> String {
    let mut lines = vec![c.buyer.clone(), c.kicker.to_uppercase(), String::new()];
    lines.extend(underlined(&c.title, '='));
    lines.push(String::new());
    lines.extend(aligned(
        c.facts.iter().map(|(l, v)| (l.as_str(), v.as_str())),
    ));
    lines.join("\n")
}

fn block_text(block: &Block, doc: &Document) -> Option<String> {
    let text = match block {
        Block::TableOfContents => {
            let mut lines = vec!["SOMMAIRE".to_string()];
            lines.extend(
                doc.headings()
                    .filter(|h| h.level <= 2)
                    .map(|h| format!("{}{}", "  ".repeat(usize::from(h.level - 1)), h.label())),
            );
            lines.join("\n")
        }
        Block::Heading(h) => match h.level {
            1 => underlined(&h.label().to_uppercase(), '=').join("\n"),
            2 => underlined(&h.label(), '-').join("\n"),
            _ => h.label(),
        },
        Block::Paragraph(p) => plain(&p.runs),
        Block::List(l) => l
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mark = if l.ordered {
                    format!("{}.", i + 1)
                } else {
                    "–".to_string()
                };
                format!("{mark} {}", plain(item))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table(t) => table(t),
        Block::AnswerField(f) => {
            if f.placeholder.is_empty() {
                format!("{}{NBSP}:", f.label)
            } else {
                format!("{}{NBSP}: ({})", f.label, f.placeholder)
            }
        }
        Block::Checkbox(c) => format!("{} {}", if c.checked { "☒" } else { "☐" }, c.label),
        Block::Figure(f) => format!("{}{NBSP}: ………… {}", f.label, f.unit),
        Block::PageBreak => return None,
    };
    Some(text)
}

/// A two-column table is a list of labels and values: one aligned line a
/// row. A wider one gives, for each row, one aligned line a column, headed
/// by the column's title; rows are separated by a blank line.
fn table(t: &Table) -> String {
    let cells = |row: &[Vec<Run>]| row.iter().map(|c| plain(c)).collect::<Vec<_>>();
    if t.header.len() == 2 {
        let rows: Vec<Vec<String>> = t.rows.iter().map(|r| cells(r)).collect();
        return aligned(rows.iter().map(|r| (at(r, 0), at(r, 1)))).join("\n");
    }
    t.rows
        .iter()
        .map(|row| {
            let values = cells(row);
            aligned(
                t.header
                    .iter()
                    .map(String::as_str)
                    .zip(values.iter().map(String::as_str)),
            )
            .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text of cell `i`, empty past the row's end.
fn at(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", String::as_str)
}

/// « Libellé : valeur » lines, the colons one under the other.
fn aligned<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let pairs: Vec<(&str, &str)> = pairs.collect();
    let width = pairs
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    pairs
        .iter()
        .map(|(label, value)| {
            let pad = " ".repeat(width - label.chars().count());
            format!("{label}{pad}{NBSP}: {value}")
                .trim_end()
                .to_string()
        })
        .collect()
}

fn underlined(text: &str, rule: char) -> Vec<String> {
    vec![
        text.to_string(),
        rule.to_string().repeat(text.chars().count()),
    ]
}

/// The runs' text, without their bold or italic.
fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: Meta {
                title: "t".into(),
                subject: "s".into(),
                author: "a".into(),
                language: "fr-FR".into(),
                identifier: String::new(),
            },
            cover: Cover {
                buyer: "Commune de Saint-Julien".into(),
                kicker: "Avis d’appel public à la concurrence".into(),
                title: "Réfection de la voirie".into(),
                facts: vec![
                    ("Référence".into(), "RV-01".into()),
                    ("Date limite".into(), "4 janvier 2027".into()),
                ],
            },
            running_header: "h".into(),
            blocks,
        }
    }

    fn cell(text: &str) -> Vec<Run> {
        vec![Run::bold(text)]
    }

    #[test]
    fn headings_are_in_capitals_or_underlined() {
        let h = |level, number: &str, text: &str| {
            Block::Heading(Heading {
                level,
                number: number.into(),
                text: text.into(),
            })
        };
        let text = render(
            &doc(vec![h(1, "1", "Procédure"), h(2, "1.1", "Critères")]),
            RenderOptions::default(),
        );
        assert!(
            text.contains("\n\n1 PROCÉDURE\n===========\n\n1.1 Critères\n------------\n"),
            "{text}"
        );
    }

    #[test]
    fn the_cover_gives_buyer_kind_title_and_aligned_facts() {
        let text = render(&doc(vec![]), RenderOptions::default());
        assert_eq!(
            text,
            "Commune de Saint-Julien\nAVIS D’APPEL PUBLIC À LA CONCURRENCE\n\n\
             Réfection de la voirie\n======================\n\n\
             Référence  \u{a0}: RV-01\nDate limite\u{a0}: 4 janvier 2027\n"
        );
    }

    #[test]
    fn tables_become_aligned_label_value_lines_without_markdown() {
        let two = Block::Table(Table {
            header: vec!["Critère".into(), "Pondération".into()],
            widths: vec![1, 1],
            rows: vec![
                vec![cell("Prix"), cell("40 %")],
                vec![cell("Valeur technique"), cell("60 %")],
            ],
        });
        let three = Block::Table(Table {
            header: vec!["Lot".into(), "Intitulé".into(), "Valeur estimée".into()],
            widths: vec![1, 1, 1],
            rows: vec![
                vec![cell("1"), cell("Isolation"), cell("118 000 € HT")],
                vec![cell("2"), cell("Chauffage"), vec![]],
            ],
        });
        let text = render(&doc(vec![two, three]), RenderOptions::default());
        assert!(
            text.contains("Prix            \u{a0}: 40 %\nValeur technique\u{a0}: 60 %\n\n"),
            "{text}"
        );
        assert!(
            !text.contains("Pondération"),
            "a label/value table has no header line"
        );
        assert!(
            text.contains(
                "Lot           \u{a0}: 1\nIntitulé      \u{a0}: Isolation\nValeur estimée\u{a0}: 118 000 € HT\n\n\
                 Lot           \u{a0}: 2\nIntitulé      \u{a0}: Chauffage\nValeur estimée\u{a0}:\n"
            ),
            "{text}"
        );
        for mark in ["|", "**", "#", "---"] {
            assert!(!text.contains(mark), "{mark:?} left in {text}");
        }
    }

    #[test]
    fn lists_fields_and_drafts() {
        let text = render(
            &doc(vec![
                Block::List(List {
                    ordered: false,
                    items: vec![cell("un"), cell("deux")],
                }),
                Block::List(List {
                    ordered: true,
                    items: vec![cell("premier")],
                }),
                Block::PageBreak,
                Block::AnswerField(AnswerField {
                    id: "prix".into(),
                    label: "Prix proposé".into(),
                    placeholder: "En euros HT".into(),
                    lines: 2,
                }),
                Block::Checkbox(Checkbox {
                    id: "c".into(),
                    label: "J’accepte".into(),
                    checked: false,
                }),
            ]),
            RenderOptions { draft: true },
        );
        assert!(text.starts_with("PROJET — "), "{text}");
        assert!(
            text.ends_with(
                "– un\n– deux\n\n1. premier\n\nPrix proposé\u{a0}: (En euros HT)\n\n☐ J’accepte\n"
            ),
            "{text}"
        );
    }
}
