//! The table of contents: a real `TOC` field, so Word and LibreOffice can
//! regenerate it, pre-filled with one entry per heading so it reads right
//! before any update.
//!
//! The `docPartGallery` "Table of Contents" wrapper matters: without it
//! LibreOffice shows the raw field code instead of an index. docx-rs writes
//! the content control; the gallery marker is added by `additions.rs`.
//!
//! Built from docx-rs's field, hyperlink and content-control elements rather
//! than its `TableOfContents`: that one nests a second control and puts a
//! `PAGEREF` with a made-up page number on every entry, which LibreOffice
//! would show as it is (see below).
//!
//! Page numbers: we cannot know them without laying out pages, and
//! LibreOffice shows the cached entries as they are (it neither evaluates
//! `PAGEREF` inside an index nor honours `updateFields`). So the cached
//! entries are titles only — a clean outline rather than dot leaders running
//! to nothing. Word rebuilds the field with page numbers on open
//! (`updateFields` in settings); in LibreOffice, Tools > Update > Update All.
//!
//! Borrowing the PDF layout's page numbers was tried and measured: the
//! DOCX paginates differently (Arial, 2 cm margins, 1.15 line spacing
//! against Noto Sans, 21-24 mm margins, 1.35 in the PDF), and converted by
//! LibreOffice 7.4 (Arial as Liberation Sans) only 68 % of 328 entries of
//! the bundled samples and the 40-page bench dossier landed on the PDF's
//! page, the rest one to three pages earlier, the gap growing with length.
//! A wrong number is worse than none, so the entries stay without.

use docx_rs::{
    FieldCharType, Hyperlink, HyperlinkType, InstrText, InstrToC, Paragraph, StructuredDataTag,
};

use super::page::TEXT_W;
use super::text::{self, PPr, RPr};

/// Shown above the entries.
const TITLE: &str = "Sommaire";

pub struct Entry<'a> {
    /// 1 or 2.
    pub level: u8,
    pub label: String,
    pub bookmark: &'a str,
}

/// Levels 1-2, as hyperlinks, page numbers hidden in web view, keeping the
/// outline levels of the heading styles: `TOC \o "1-2" \h \u \z`.
fn instruction() -> InstrText {
    InstrText::TOC(
        InstrToC::new()
            .heading_styles_range(1, 2)
            .hyperlink()
            .use_applied_paragraph_line_level()
            .hide_tab_and_page_numbers_in_webview(),
    )
}

pub fn toc(entries: &[Entry], page_break_before: bool) -> StructuredDataTag {
    let title = PPr {
        style: Some("TOCHeading"),
        page_break_before,
        ..Default::default()
    };
    let mut sdt =
        StructuredDataTag::new().add_paragraph(text::paragraph(&title, TITLE, RPr::default()));

    // The field starts in the first entry's paragraph (or the closing one
    // when there is no entry), as Word writes it.
    let mut started = false;
    for e in entries {
        let style = if e.level <= 1 { "TOC1" } else { "TOC2" };
        let p = PPr {
            style: Some(style),
            right_dot_tab: Some(TEXT_W),
            ..Default::default()
        }
        .paragraph();
        let link = Hyperlink::new(e.bookmark, HyperlinkType::Anchor)
            .add_run(text::run(&e.label, RPr::default()));
        sdt = sdt.add_paragraph(begin_once(p, &mut started).add_hyperlink(link));
    }

    // The field ends in its own paragraph, as Word writes it.
    let end = begin_once(PPr::style("TOC1").paragraph(), &mut started)
        .add_run(text::fld_char(FieldCharType::End));
    sdt.add_paragraph(end)
}

fn begin_once(p: Paragraph, started: &mut bool) -> Paragraph {
    if std::mem::replace(started, true) {
        return p;
    }
    p.add_run(text::fld_char(FieldCharType::Begin))
        .add_run(docx_rs::Run::new().add_instr_text(instruction()))
        .add_run(text::fld_char(FieldCharType::Separate))
}
