//! Fillable parts: answer fields and checkboxes, as typed content controls
//! (`w:sdt`). Tag and alias are the IR field id, so a buyer's tooling can
//! read the answers back out of a returned file.
//!
//! The controls are run-level (inside a paragraph): Word handles both
//! levels, LibreOffice only inline ones. What LibreOffice 7.4 makes of them
//! (`scripts/check-frames-libreoffice` fills a frame in, saves and reopens
//! it): a plain-text control becomes an input field, filled through the
//! dialog a click opens, and is saved back to DOCX as a plain-text control
//! that keeps its alias but not its tag (hence both carry the id); line
//! breaks inside an answer are lost when 7.4 saves to DOCX (ODT keeps
//! them). The checkbox becomes a checkbox content control. The other
//! markups tried fare worse with 7.4: in a rich-text control the typed
//! answer stays flagged as placeholder and the ids are dropped on saving;
//! legacy form fields (FORMTEXT) suit LibreOffice but are not Word's
//! content controls.

use super::table;
use super::text::{self, PPr, RPr};
use super::xml::esc;
use crate::compose::document::{AnswerField, Checkbox};

/// Word's own glyphs and font for checkbox content controls.
const CHECKED: char = '\u{2612}';
const UNCHECKED: char = '\u{2610}';
const CHECKBOX_FONT: &str = "MS Gothic";

/// Character style of placeholder text (grey). Not Word's "Placeholder
/// Text": LibreOffice maps that name onto its own built-in style and drops
/// the colour.
pub const PLACEHOLDER_STYLE: &str = "AnswerHint";

/// Height of one text line of `FieldText` (10 pt at 1.15 line spacing), in twips.
const LINE_H: u32 = 265;
/// Up to this many lines the box stays on one page; larger boxes may split
/// rather than leave most of a page blank before them.
const MAX_UNSPLIT_LINES: u32 = 20;

/// Bold label, then a framed box `lines` high holding a plain-text control
/// that shows the placeholder in grey until the bidder types.
pub fn answer_field(out: &mut String, f: &AnswerField, sdt_id: u32, page_break_before: bool) {
    if !f.label.is_empty() || page_break_before {
        let ppr = PPr {
            style: Some("FieldLabel"),
            page_break_before,
            ..Default::default()
        };
        text::paragraph(out, &ppr, &f.label, RPr::default());
    }
    let lines = u32::from(f.lines.max(1));
    // Capped just under a page of text: a fixed-height row taller than the
    // page cannot be laid out sensibly by either Word or LibreOffice.
    let height = lines
        .saturating_mul(LINE_H)
        .saturating_add(2 * 57)
        .min(13_600);
    table::open_box(out, height, lines <= MAX_UNSPLIT_LINES);
    out.push_str("<w:p>");
    PPr::style("FieldText").write(out);
    let id = esc(&f.id);
    out.push_str(&format!(
        r#"<w:sdt><w:sdtPr><w:alias w:val="{id}"/><w:tag w:val="{id}"/><w:id w:val="{sdt_id}"/>"#
    ));
    if !f.placeholder.is_empty() {
        out.push_str("<w:showingPlcHdr/>");
    }
    out.push_str(r#"<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent>"#);
    if f.placeholder.is_empty() {
        // An empty control still needs a run for Word to place the caret in.
        out.push_str("<w:r><w:t></w:t></w:r>");
    } else {
        let rpr = RPr {
            style: Some(PLACEHOLDER_STYLE),
            ..Default::default()
        };
        text::run(out, &f.placeholder, rpr);
    }
    out.push_str("</w:sdtContent></w:sdt></w:p>");
    table::close_box(out);
    table::gap_after_table(out);
}

/// A `w14:checkbox` control (Word 2010+; LibreOffice 7.4 reads it as a
/// checkbox content control), followed by the label after a tab so wrapped
/// lines align.
pub fn checkbox(out: &mut String, c: &Checkbox, sdt_id: u32, page_break_before: bool) {
    out.push_str("<w:p>");
    PPr {
        style: Some("CheckboxItem"),
        page_break_before,
        ..Default::default()
    }
    .write(out);
    let id = esc(&c.id);
    let (glyph, val) = if c.checked {
        (CHECKED, 1)
    } else {
        (UNCHECKED, 0)
    };
    out.push_str(&format!(
        concat!(
            r#"<w:sdt><w:sdtPr><w:alias w:val="{id}"/><w:tag w:val="{id}"/><w:id w:val="{sdt_id}"/>"#,
            r#"<w14:checkbox><w14:checked w14:val="{val}"/>"#,
            r#"<w14:checkedState w14:val="2612" w14:font="{font}"/>"#,
            r#"<w14:uncheckedState w14:val="2610" w14:font="{font}"/>"#,
            "</w14:checkbox></w:sdtPr><w:sdtContent>"
        ),
        id = id,
        sdt_id = sdt_id,
        val = val,
        font = CHECKBOX_FONT
    ));
    text::run(
        out,
        &glyph.to_string(),
        RPr {
            font: Some(CHECKBOX_FONT),
            ..Default::default()
        },
    );
    out.push_str("</w:sdtContent></w:sdt>");
    out.push_str("<w:r><w:tab/></w:r>");
    if !c.label.is_empty() {
        text::run(out, &c.label, RPr::default());
    }
    out.push_str("</w:p>");
}
