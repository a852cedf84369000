//! Fillable parts: answer fields and checkboxes, as typed content controls
//! (`w:sdt`). Tag and alias are the IR field id, so a buyer's tooling can
//! read the answers back out of a returned file. docx-rs writes the control
//! with its alias and content; its type, tag, id and placeholder state are
//! what `additions.rs` adds (docx-rs has no API for them).
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

use docx_rs::{Paragraph, StructuredDataTag, Table};

use super::additions::Control;
use super::table;
use super::text::{self, PPr, RPr};
use super::xml::esc;
use crate::compose::document::{AnswerField, Checkbox, FigureField};

/// Word's own glyphs and font for checkbox content controls.
const CHECKED: char = '\u{2612}';
const UNCHECKED: char = '\u{2610}';
pub const CHECKBOX_FONT: &str = "MS Gothic";

/// Character style of placeholder text (grey). Not Word's "Placeholder
/// Text": LibreOffice maps that name onto its own built-in style and drops
/// the colour.
pub const PLACEHOLDER_STYLE: &str = "AnswerHint";

/// Height of one text line of `FieldText` (10 pt at 1.15 line spacing), in twips.
const LINE_H: u32 = 265;
/// Up to this many lines the box stays on one page; larger boxes may split
/// rather than leave most of a page blank before them.
const MAX_UNSPLIT_LINES: u32 = 20;

/// What an answer field becomes, in order.
pub struct AnswerBlocks {
    pub label: Option<Paragraph>,
    pub frame: Table,
    pub gap: Paragraph,
}

/// Bold label, then a framed box `lines` high holding a plain-text control
/// that shows the placeholder in grey until the bidder types.
pub fn answer_field(
    f: &AnswerField,
    sdt_id: u32,
    page_break_before: bool,
) -> (AnswerBlocks, Control) {
    let label = (!f.label.is_empty() || page_break_before).then(|| {
        let ppr = PPr {
            style: Some("FieldLabel"),
            page_break_before,
            ..Default::default()
        };
        text::paragraph(&ppr, &f.label, RPr::default())
    });
    let lines = u32::from(f.lines.max(1));
    // Capped just under a page of text: a fixed-height row taller than the
    // page cannot be laid out sensibly by either Word or LibreOffice.
    let height = lines
        .saturating_mul(LINE_H)
        .saturating_add(2 * 57)
        .min(13_600);
    let content = if f.placeholder.is_empty() {
        // An empty control still needs a run for Word to place the caret in.
        docx_rs::Run::new().add_text("")
    } else {
        text::run(
            &f.placeholder,
            RPr {
                style: Some(PLACEHOLDER_STYLE),
                ..Default::default()
            },
        )
    };
    let sdt = StructuredDataTag::new().alias(esc(&f.id)).add_run(content);
    let p = PPr::style("FieldText")
        .paragraph()
        .add_structured_data_tag(sdt);
    let frame = table::answer_box(p, height, lines <= MAX_UNSPLIT_LINES);
    let control = Control::Text {
        tag: f.id.clone(),
        id: sdt_id,
        placeholder: !f.placeholder.is_empty(),
    };
    (
        AnswerBlocks {
            label,
            frame,
            gap: table::gap_after_table(),
        },
        control,
    )
}

/// A figure: bold label, then a one-line box holding a plain-text control
/// (grey « Nombre » until the bidder types) and the unit after it.
pub fn figure_field(
    f: &FigureField,
    sdt_id: u32,
    page_break_before: bool,
) -> (AnswerBlocks, Control) {
    let label = (!f.label.is_empty() || page_break_before).then(|| {
        let ppr = PPr {
            style: Some("FieldLabel"),
            page_break_before,
            ..Default::default()
        };
        text::paragraph(&ppr, &f.label, RPr::default())
    });
    let content = text::run(
        FIGURE_PLACEHOLDER,
        RPr {
            style: Some(PLACEHOLDER_STYLE),
            ..Default::default()
        },
    );
    let sdt = StructuredDataTag::new().alias(esc(&f.id)).add_run(content);
    let mut p = PPr::style("FieldText")
        .paragraph()
        .add_structured_data_tag(sdt);
    if !f.unit.is_empty() {
        p = p.add_run(text::run(
            &format!("\u{a0}\u{a0}{}", f.unit),
            RPr {
                bold: true,
                ..Default::default()
            },
        ));
    }
    let frame = table::answer_box(p, LINE_H + 2 * 57, true);
    let control = Control::Text {
        tag: f.id.clone(),
        id: sdt_id,
        placeholder: true,
    };
    (
        AnswerBlocks {
            label,
            frame,
            gap: table::gap_after_table(),
        },
        control,
    )
}

/// Grey text of an empty figure box.
pub const FIGURE_PLACEHOLDER: &str = "Nombre";

/// A `w14:checkbox` control (Word 2010+; LibreOffice 7.4 reads it as a
/// checkbox content control), followed by the label after a tab so wrapped
/// lines align.
pub fn checkbox(c: &Checkbox, sdt_id: u32, page_break_before: bool) -> (Paragraph, Control) {
    let glyph = if c.checked { CHECKED } else { UNCHECKED };
    let sdt = StructuredDataTag::new()
        .alias(esc(&c.id))
        .add_run(text::run(
            &glyph.to_string(),
            RPr {
                font: Some(CHECKBOX_FONT),
                ..Default::default()
            },
        ));
    let mut p = PPr {
        style: Some("CheckboxItem"),
        page_break_before,
        ..Default::default()
    }
    .paragraph()
    .add_structured_data_tag(sdt)
    .add_run(docx_rs::Run::new().add_tab());
    if !c.label.is_empty() {
        p = p.add_run(text::run(&c.label, RPr::default()));
    }
    let control = Control::Checkbox {
        tag: c.id.clone(),
        id: sdt_id,
        checked: c.checked,
    };
    (p, control)
}
