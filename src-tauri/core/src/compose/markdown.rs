//! Markdown (as rendered from the template) -> IR blocks.
//!
//! Besides CommonMark (headings, paragraphs, **bold**, *italic*, lists,
//! tables, > notes), a paragraph that is exactly one directive becomes a
//! special block:
//! `[[toc]]`, `[[pagebreak]]`, `[[small]] text`,
//! `[[field:ID:LINES|Label|Placeholder]]`, `[[checkbox:ID|Label]]`,
//! `[[figure:ID|Label|Unit]]`.

use super::document::*;
use crate::french::typography;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let mut b = Builder::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        b.event(event);
    }
    b.blocks
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// Runs of the paragraph, list item, heading or cell being read.
    runs: Vec<Run>,
    pending_text: String,
    bold: u32,
    italic: u32,
    in_note: bool,
    heading_level: Option<u8>,
    counters: [u32; 3],
    list: Option<List>,
    table: Option<TableBuilder>,
}

#[derive(Default)]
struct TableBuilder {
    header: Vec<String>,
    rows: Vec<Vec<Vec<Run>>>,
    row: Vec<Vec<Run>>,
    in_head: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.heading_level = Some(level as u8),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::BlockQuote(_)) => self.in_note = true,
            Event::End(TagEnd::BlockQuote(_)) => self.in_note = false,
            Event::End(TagEnd::Paragraph) if self.list.is_none() && self.table.is_none() => {
                self.end_paragraph()
            }
            Event::Start(Tag::List(first)) => {
                self.list = Some(List {
                    ordered: first.is_some(),
                    items: vec![],
                })
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = self.list.take() {
                    self.blocks.push(Block::List(list));
                }
            }
            Event::End(TagEnd::Item) => {
                let runs = self.take_runs();
                if let Some(list) = &mut self.list {
                    list.items.push(runs);
                }
            }
            Event::End(TagEnd::Paragraph) => self.flush_text(),
            Event::Start(Tag::Table(_)) => self.table = Some(TableBuilder::default()),
            Event::Start(Tag::TableHead) => self.with_table(|t| t.in_head = true),
            Event::End(TagEnd::TableHead) => self.with_table(|t| t.in_head = false),
            Event::End(TagEnd::TableCell) => {
                let runs = self.take_runs();
                self.with_table(|t| {
                    if t.in_head {
                        t.header
                            .push(runs.iter().map(|r| r.text.as_str()).collect());
                    } else {
                        t.row.push(runs);
                    }
                });
            }
            Event::End(TagEnd::TableRow) => self.with_table(|t| {
                let row = std::mem::take(&mut t.row);
                t.rows.push(row);
            }),
            Event::End(TagEnd::Table) => {
                if let Some(t) = self.table.take() {
                    self.blocks.push(Block::Table(finish_table(t)));
                }
            }
            Event::Start(Tag::Strong) => self.style_change(|b| b.bold += 1),
            Event::End(TagEnd::Strong) => self.style_change(|b| b.bold -= 1),
            Event::Start(Tag::Emphasis) => self.style_change(|b| b.italic += 1),
            Event::End(TagEnd::Emphasis) => self.style_change(|b| b.italic -= 1),
            Event::Text(t) | Event::Code(t) => self.pending_text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => self.pending_text.push(' '),
            _ => {}
        }
    }

    fn with_table(&mut self, f: impl FnOnce(&mut TableBuilder)) {
        if let Some(t) = &mut self.table {
            f(t);
        }
    }

    fn style_change(&mut self, f: impl FnOnce(&mut Self)) {
        self.flush_text();
        f(self);
    }

    /// Text events arrive split at escapes: typography runs on the whole run.
    fn flush_text(&mut self) {
        if self.pending_text.is_empty() {
            return;
        }
        let text = typography(&std::mem::take(&mut self.pending_text));
        self.runs.push(Run {
            text,
            bold: self.bold > 0,
            italic: self.italic > 0,
        });
    }

    fn take_runs(&mut self) -> Vec<Run> {
        self.flush_text();
        trim_runs(std::mem::take(&mut self.runs))
    }

    fn end_heading(&mut self) {
        let runs = self.take_runs();
        let level = self.heading_level.take().unwrap_or(1).clamp(1, 3);
        let i = usize::from(level - 1);
        self.counters[i] += 1;
        for c in &mut self.counters[i + 1..] {
            *c = 0;
        }
        let number = self.counters[..=i]
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let text = runs.iter().map(|r| r.text.as_str()).collect();
        self.blocks.push(Block::Heading(Heading {
            level,
            number,
            text,
        }));
    }

    fn end_paragraph(&mut self) {
        let runs = self.take_runs();
        let plain: String = runs.iter().map(|r| r.text.as_str()).collect();
        if let Some(block) = directive(&plain) {
            self.blocks.push(block);
            return;
        }
        if let Some(rest) = plain.strip_prefix("[[small]]") {
            let text = rest.trim_start().to_string();
            self.blocks.push(Block::Paragraph(Paragraph {
                runs: vec![Run::plain(text)],
                style: ParagraphStyle::Small,
            }));
            return;
        }
        if runs.is_empty() {
            return;
        }
        let style = if self.in_note {
            ParagraphStyle::Note
        } else {
            ParagraphStyle::Body
        };
        self.blocks
            .push(Block::Paragraph(Paragraph { runs, style }));
    }
}

fn directive(plain: &str) -> Option<Block> {
    let inner = plain.strip_prefix("[[")?.strip_suffix("]]")?;
    let (head, rest) = inner.split_once('|').unwrap_or((inner, ""));
    let mut parts = head.split(':');
    match parts.next()? {
        "toc" => Some(Block::TableOfContents),
        "pagebreak" => Some(Block::PageBreak),
        "field" => {
            let id = parts.next()?.to_string();
            let lines = parts.next().and_then(|l| l.parse().ok()).unwrap_or(3);
            let (label, placeholder) = rest.split_once('|').unwrap_or((rest, ""));
            Some(Block::AnswerField(AnswerField {
                id,
                label: label.into(),
                placeholder: placeholder.into(),
                lines,
            }))
        }
        "figure" => {
            let (label, unit) = rest.split_once('|').unwrap_or((rest, ""));
            Some(Block::Figure(FigureField {
                id: parts.next()?.to_string(),
                label: label.into(),
                unit: unit.into(),
            }))
        }
        "checkbox" => Some(Block::Checkbox(Checkbox {
            id: parts.next()?.to_string(),
            label: rest.into(),
            checked: false,
        })),
        _ => None,
    }
}

/// Removes the spaces Markdown leaves at the edges of a paragraph.
fn trim_runs(mut runs: Vec<Run>) -> Vec<Run> {
    if let Some(first) = runs.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = runs.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    runs.retain(|r| !r.text.is_empty());
    runs
}

/// About how many characters of table text fit across the text width.
const TABLE_BUDGET: usize = 100;

/// Column widths, in characters of the text width: each column first gets
/// its longest word (« Souplesse » must never be cut), then the rest of the
/// width is shared in proportion to how much more each column holds.
fn finish_table(t: TableBuilder) -> Table {
    let columns = t.header.len();
    let (mins, naturals): (Vec<usize>, Vec<usize>) = (0..columns)
        .map(|c| {
            let cells: Vec<String> = t
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.iter().map(|r| r.text.as_str()).collect())
                .chain(std::iter::once(t.header[c].clone()))
                .collect();
            // No-break spaces glue « 118 000 € HT » into one word, as in the renderers.
            let longest_word = cells
                .iter()
                .flat_map(|s| s.split([' ', '\n']))
                .map(|w| w.chars().count())
                .max();
            let min = longest_word.unwrap_or(0).max(4) + 3;
            let natural = cells
                .iter()
                .map(|s| s.chars().count() + 2)
                .max()
                .unwrap_or(0)
                .max(min);
            (min, natural)
        })
        .unzip();
    let wanted: usize = naturals.iter().sum();
    let floor: usize = mins.iter().sum();
    let widths = if wanted <= TABLE_BUDGET || floor >= TABLE_BUDGET {
        if wanted <= TABLE_BUDGET {
            naturals
        } else {
            mins
        }
    } else {
        let spare = TABLE_BUDGET - floor;
        let demand = wanted - floor;
        mins.iter()
            .zip(&naturals)
            .map(|(min, natural)| min + spare * (natural - min) / demand)
            .collect()
    };
    let widths = widths.into_iter().map(|w| w as u16).collect();
    let rows = t.rows.into_iter().map(|mut row| {
        row.resize(columns, Vec::new());
        row
    });
    Table {
        header: t.header,
        widths,
        rows: rows.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_numbered_by_level() {
        let blocks = to_blocks("# A\n\n## B\n\n## C\n\n### D\n\n# E\n\n## F\n");
        let numbers: Vec<String> = blocks
            .iter()
            .filter_map(|b| {
                if let Block::Heading(h) = b {
                    Some(h.label())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(
            numbers,
            ["1 A", "1.1 B", "1.2 C", "1.2.1 D", "2 E", "2.1 F"]
        );
    }

    #[test]
    fn bold_and_italic_make_runs() {
        let blocks = to_blocks("Le **titulaire** est *tenu* de livrer.");
        let Block::Paragraph(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(p.runs.len(), 5);
        assert!(p.runs[1].bold && p.runs[1].text == "titulaire");
        assert!(p.runs[3].italic);
    }

    #[test]
    fn directives_become_blocks() {
        let blocks = to_blocks("[[toc]]\n\n[[pagebreak]]\n\n[[field:prix:2|Prix proposé|En euros HT]]\n\n[[checkbox:ok|J'accepte]]\n");
        assert_eq!(blocks[0], Block::TableOfContents);
        assert_eq!(blocks[1], Block::PageBreak);
        assert_eq!(
            blocks[2],
            Block::AnswerField(AnswerField {
                id: "prix".into(),
                label: "Prix proposé".into(),
                placeholder: "En euros HT".into(),
                lines: 2
            })
        );
        assert!(matches!(&blocks[3], Block::Checkbox(c) if c.id == "ok" && c.label == "J’accepte"));
    }

    #[test]
    fn tables_keep_header_and_cells() {
        let blocks = to_blocks(
            "| Critère | Poids |\n|---|---|\n| Prix | 40 % |\n| Valeur technique | 60 % |\n",
        );
        let Block::Table(t) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(t.header, ["Critère", "Poids"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1][0][0].text, "Valeur technique");
        assert_eq!(t.widths.len(), 2);
    }

    #[test]
    fn an_amount_is_one_word_for_column_widths() {
        let blocks =
            to_blocks("| Lot | Montant |\n|---|---|\n| 1 | 118\u{202F}000\u{a0}€\u{a0}HT |\n");
        let Block::Table(t) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        // « 118 000 € HT » is 12 characters: its column is at least that wide.
        assert!(t.widths[1] >= 12 + 3, "{:?}", t.widths);
    }

    #[test]
    fn notes_lists_and_escapes() {
        let md = format!(
            "> Attention : {}\n\n- un\n- deux\n",
            super::super::template::escape_markdown("3 * 2 = #6 [lot]")
        );
        let blocks = to_blocks(&md);
        let Block::Paragraph(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(p.style, ParagraphStyle::Note);
        let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "Attention\u{a0}: 3 * 2 = #6 [lot]");
        assert!(matches!(&blocks[1], Block::List(l) if l.items.len() == 2 && !l.ordered));
    }
}
