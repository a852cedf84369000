//! The document body: the cover, then every IR block in order, added to a
//! docx-rs `Docx`. Alongside, the [`Plan`] records where `additions.rs`
//! must add what docx-rs cannot express.

use docx_rs::{Docx, Paragraph, Table};

use super::additions::{Control, Plan};
use super::fields;
use super::numbering::Numberings;
use super::table;
use super::text::{self, PPr, RPr};
use super::toc;
use crate::compose::document::{
    Block, Cover, Document, Heading, List, Paragraph as IrParagraph, ParagraphStyle,
};

/// Adds the cover and the blocks of `doc`, then the numbering definitions.
pub fn add_to(docx: Docx, doc: &Document) -> (Docx, Plan) {
    let mut w = Writer {
        docx,
        plan: Plan::default(),
        rows: 0,
        numbering: Numberings::new(),
        next_id: 1,
        // The cover always ends its page.
        pending_break: true,
        after_cover: true,
        bookmarks: heading_bookmarks(doc),
        heading_index: 0,
    };
    w.cover(&doc.cover);
    for block in &doc.blocks {
        w.block(block, doc);
    }
    let docx = w.numbering.add_to(w.docx);
    (docx, w.plan)
}

/// One bookmark per heading (by position), the target of its TOC entry.
/// Word hides bookmarks named `_Toc…` from the user's bookmark list.
fn heading_bookmarks(doc: &Document) -> Vec<String> {
    (0..doc.headings().count())
        .map(|i| format!("_Toc{}", 100_000_000 + i))
        .collect()
}

struct Writer {
    docx: Docx,
    plan: Plan,
    /// Table rows written so far, to place repeated header rows.
    rows: usize,
    numbering: Numberings,
    /// Shared by content controls (`w:id`) and bookmarks, which both need
    /// ids unique in the document.
    next_id: u32,
    /// An IR page break becomes `pageBreakBefore` on the next paragraph:
    /// a paragraph holding only `w:br` would leave an empty line at the top
    /// of the new page. A break at the very end is dropped (blank page).
    pending_break: bool,
    /// Nothing but the cover written yet: a leading IR page break repeats
    /// the cover's own and must not produce a blank page.
    after_cover: bool,
    bookmarks: Vec<String>,
    heading_index: usize,
}

impl Writer {
    fn id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn take_break(&mut self) -> bool {
        std::mem::take(&mut self.pending_break)
    }

    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn push_table(&mut self, t: Table, header_row: bool) {
        if header_row {
            self.plan.header_rows.push(self.rows);
        }
        self.rows += t.rows.len();
        self.docx = std::mem::take(&mut self.docx).add_table(t);
    }

    /// For blocks that start with a table, which cannot carry the break.
    fn flush_break(&mut self) {
        if self.take_break() {
            let p = PPr::style("TableGap")
                .paragraph()
                .add_run(docx_rs::Run::new().add_break(docx_rs::BreakType::Page));
            self.push(p);
        }
    }

    fn cover(&mut self, c: &Cover) {
        self.push(text::paragraph(
            &PPr::style("CoverBuyer"),
            &c.buyer,
            RPr::default(),
        ));
        self.push(text::paragraph(
            &PPr::style("CoverKicker"),
            &c.kicker,
            RPr::default(),
        ));
        self.push(text::paragraph(
            &PPr::style("CoverTitle"),
            &c.title,
            RPr::default(),
        ));
        if let Some(t) = table::facts_table(&c.facts) {
            self.push_table(t, false);
            self.push(table::gap_after_table());
        }
    }

    fn block(&mut self, block: &Block, doc: &Document) {
        let after_cover = std::mem::take(&mut self.after_cover);
        match block {
            Block::TableOfContents => {
                let brk = self.take_break();
                let entries: Vec<toc::Entry> = doc
                    .headings()
                    .zip(&self.bookmarks)
                    .filter(|(h, _)| h.level <= 2)
                    .map(|(h, b)| toc::Entry {
                        level: h.level.max(1),
                        label: h.label(),
                        bookmark: b,
                    })
                    .collect();
                let sdt = toc::toc(&entries, brk);
                self.plan.controls.push(Control::TableOfContents);
                self.docx = std::mem::take(&mut self.docx).add_structured_data_tag(sdt);
            }
            Block::Heading(h) => self.heading(h),
            Block::Paragraph(p) => self.paragraph(p),
            Block::List(l) => self.list(l),
            Block::Table(t) => {
                // A table without columns draws nothing and keeps the break.
                if let Some(dt) = table::data_table(t) {
                    self.flush_break();
                    self.push_table(dt.table, dt.header_row);
                    self.push(table::gap_after_table());
                }
            }
            Block::AnswerField(f) => {
                let id = self.id();
                let brk = self.take_break();
                let (blocks, control) = fields::answer_field(f, id, brk);
                if let Some(label) = blocks.label {
                    self.push(label);
                }
                self.plan.controls.push(control);
                self.push_table(blocks.frame, false);
                self.push(blocks.gap);
            }
            Block::Figure(f) => {
                let id = self.id();
                let brk = self.take_break();
                let (blocks, control) = fields::figure_field(f, id, brk);
                if let Some(label) = blocks.label {
                    self.push(label);
                }
                self.plan.controls.push(control);
                self.push_table(blocks.frame, false);
                self.push(blocks.gap);
            }
            Block::Checkbox(c) => {
                let id = self.id();
                let brk = self.take_break();
                let (p, control) = fields::checkbox(c, id, brk);
                self.plan.controls.push(control);
                self.push(p);
            }
            Block::PageBreak => {
                // Two breaks in a row ask for an empty page: materialise the
                // first one as an empty paragraph on its own page.
                if self.pending_break && !after_cover {
                    let ppr = PPr {
                        page_break_before: true,
                        ..Default::default()
                    };
                    self.push(ppr.paragraph());
                }
                self.pending_break = true;
            }
        }
    }

    fn heading(&mut self, h: &Heading) {
        let style = match h.level {
            0 | 1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        let id = self.id() as usize;
        let bookmark = self
            .bookmarks
            .get(self.heading_index)
            .cloned()
            .unwrap_or_default();
        self.heading_index += 1;
        let p = PPr {
            style: Some(style),
            page_break_before: self.take_break(),
            ..Default::default()
        }
        .paragraph()
        .add_bookmark_start(id, bookmark)
        .add_run(text::run(&h.label(), RPr::default()))
        .add_bookmark_end(id);
        self.push(p);
    }

    fn paragraph(&mut self, p: &IrParagraph) {
        let style = match p.style {
            ParagraphStyle::Body => None,
            ParagraphStyle::Note => Some("Note"),
            ParagraphStyle::Small => Some("Small"),
        };
        let ppr = PPr {
            style,
            page_break_before: self.take_break(),
            ..Default::default()
        };
        self.push(text::ir_paragraph(&ppr, &p.runs));
    }

    fn list(&mut self, l: &List) {
        if l.items.is_empty() {
            return;
        }
        let num = if l.ordered {
            self.numbering.new_ordered()
        } else {
            self.numbering.bullets()
        };
        for item in &l.items {
            let ppr = PPr {
                style: Some("ListParagraph"),
                page_break_before: self.take_break(),
                num: Some((num, 0)),
                ..Default::default()
            };
            self.push(text::ir_paragraph(&ppr, item));
        }
    }
}
