//! The table of contents: a real `TOC` field, so Word and LibreOffice can
//! regenerate it, pre-filled with one entry per heading so it reads right
//! before any update.
//!
//! The `docPartGallery` "Table of Contents" wrapper matters: without it
//! LibreOffice shows the raw field code instead of an index.
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

use super::page::TEXT_W;
use super::text::{self, PPr, RPr};
use super::xml::esc;

/// Shown above the entries.
const TITLE: &str = "Sommaire";
/// Levels 1-2, as hyperlinks, page numbers hidden in web view, keeping the
/// outline levels of the heading styles.
const INSTRUCTION: &str = r#"TOC \o "1-2" \h \z \u"#;

pub struct Entry<'a> {
    /// 1 or 2.
    pub level: u8,
    pub label: String,
    pub bookmark: &'a str,
}

pub fn toc(out: &mut String, entries: &[Entry], page_break_before: bool) {
    out.push_str(concat!(
        "<w:sdt><w:sdtPr><w:docPartObj>",
        r#"<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>"#,
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
    ));
    let title = PPr {
        style: Some("TOCHeading"),
        page_break_before,
        ..Default::default()
    };
    text::paragraph(out, &title, TITLE, RPr::default());

    // The field starts in the first entry's paragraph (or the closing one
    // when there is no entry), as Word writes it.
    let mut started = false;
    for e in entries {
        let style = if e.level <= 1 { "TOC1" } else { "TOC2" };
        out.push_str("<w:p>");
        PPr {
            style: Some(style),
            right_dot_tab: Some(TEXT_W),
            ..Default::default()
        }
        .write(out);
        begin_once(out, &mut started);
        out.push_str(&format!(
            r#"<w:hyperlink w:anchor="{}" w:history="1">"#,
            esc(e.bookmark)
        ));
        text::run(out, &e.label, RPr::default());
        out.push_str("</w:hyperlink></w:p>");
    }

    // The field ends in its own paragraph, as Word writes it.
    out.push_str("<w:p>");
    PPr::style("TOC1").write(out);
    begin_once(out, &mut started);
    text::fld_char(out, "end", RPr::default());
    out.push_str("</w:p></w:sdtContent></w:sdt>");
}

fn begin_once(out: &mut String, started: &mut bool) {
    if std::mem::replace(started, true) {
        return;
    }
    text::fld_char(out, "begin", RPr::default());
    out.push_str(&format!(
        r#"<w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r>"#,
        esc(INSTRUCTION)
    ));
    text::fld_char(out, "separate", RPr::default());
}
