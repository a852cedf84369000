//! `word/document.xml`: the cover, then every IR block in order.

use super::fields;
use super::numbering::Numbering;
use super::page;
use super::table;
use super::text::{self, PPr, RPr};
use super::toc;
use super::xml::{esc, DECL, WORD_NS};
use crate::compose::document::{Block, Cover, Document, Heading, List, Paragraph, ParagraphStyle};

/// What `render` needs besides the document part itself.
pub struct Body {
    pub xml: String,
    pub numbering: Numbering,
}

pub fn document_xml(doc: &Document) -> Body {
    let mut w = Writer {
        out: String::with_capacity(4096 + doc.blocks.len() * 400),
        numbering: Numbering::new(),
        next_id: 1,
        // The cover always ends its page.
        pending_break: true,
        after_cover: true,
        bookmarks: heading_bookmarks(doc),
        heading_index: 0,
    };
    w.out.push_str(DECL);
    w.out.push_str(&format!("<w:document {WORD_NS}><w:body>"));
    cover(&mut w.out, &doc.cover);
    for block in &doc.blocks {
        w.block(block, doc);
    }
    page::section_properties(&mut w.out);
    w.out.push_str("</w:body></w:document>");
    Body {
        xml: w.out,
        numbering: w.numbering,
    }
}

/// One bookmark per heading (by position), the target of its TOC entry.
/// Word hides bookmarks named `_Toc…` from the user's bookmark list.
fn heading_bookmarks(doc: &Document) -> Vec<String> {
    (0..doc.headings().count())
        .map(|i| format!("_Toc{}", 100_000_000 + i))
        .collect()
}

fn cover(out: &mut String, c: &Cover) {
    text::paragraph(out, &PPr::style("CoverBuyer"), &c.buyer, RPr::default());
    text::paragraph(out, &PPr::style("CoverKicker"), &c.kicker, RPr::default());
    text::paragraph(out, &PPr::style("CoverTitle"), &c.title, RPr::default());
    table::facts_table(out, &c.facts);
    if !c.facts.is_empty() {
        table::gap_after_table(out);
    }
}

struct Writer {
    out: String,
    numbering: Numbering,
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

    /// For blocks that start with a table, which cannot carry the break.
    fn flush_break(&mut self) {
        if self.take_break() {
            self.out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>"#);
        }
    }

    fn block(&mut self, block: &Block, doc: &Document) {
        let after_cover = std::mem::take(&mut self.after_cover);
        match block {
            Block::TableOfContents => {
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
                let brk = std::mem::take(&mut self.pending_break);
                toc::toc(&mut self.out, &entries, brk);
            }
            Block::Heading(h) => self.heading(h),
            Block::Paragraph(p) => self.paragraph(p),
            Block::List(l) => self.list(l),
            Block::Table(t) => {
                // A table without columns draws nothing and keeps the break.
                if table::column_count(t) > 0 {
                    self.flush_break();
                    table::data_table(&mut self.out, t);
                    table::gap_after_table(&mut self.out);
                }
            }
            Block::AnswerField(f) => {
                let id = self.id();
                let brk = self.take_break();
                fields::answer_field(&mut self.out, f, id, brk);
            }
            Block::Checkbox(c) => {
                let id = self.id();
                let brk = self.take_break();
                fields::checkbox(&mut self.out, c, id, brk);
            }
            Block::PageBreak => {
                // Two breaks in a row ask for an empty page: materialise the
                // first one as an empty paragraph on its own page.
                if self.pending_break && !after_cover {
                    let ppr = PPr {
                        page_break_before: true,
                        ..Default::default()
                    };
                    text::paragraph(&mut self.out, &ppr, "", RPr::default());
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
        let id = self.id();
        let bookmark = self
            .bookmarks
            .get(self.heading_index)
            .cloned()
            .unwrap_or_default();
        self.heading_index += 1;
        let out = &mut self.out;
        out.push_str("<w:p>");
        PPr {
            style: Some(style),
            page_break_before: std::mem::take(&mut self.pending_break),
            ..Default::default()
        }
        .write(out);
        out.push_str(&format!(
            r#"<w:bookmarkStart w:id="{id}" w:name="{}"/>"#,
            esc(&bookmark)
        ));
        text::run(out, &h.label(), RPr::default());
        out.push_str(&format!(r#"<w:bookmarkEnd w:id="{id}"/>"#));
        out.push_str("</w:p>");
    }

    fn paragraph(&mut self, p: &Paragraph) {
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
        text::ir_paragraph(&mut self.out, &ppr, &p.runs);
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
            text::ir_paragraph(&mut self.out, &ppr, item);
        }
    }
}
