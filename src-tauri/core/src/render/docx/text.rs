//! Paragraph and run markup. Word validates element order inside `w:pPr`
//! and `w:rPr` against the schema (LibreOffice does not), so both are built
//! by one function each that writes children in schema order.

use super::xml::esc;
use crate::compose::document::Run;

/// Properties of one paragraph; everything else comes from its style.
#[derive(Default)]
pub struct PPr<'a> {
    pub style: Option<&'a str>,
    pub keep_next: bool,
    pub page_break_before: bool,
    /// `(numId, ilvl)`.
    pub num: Option<(u32, u8)>,
    /// Right tab stop with dot leader at this position (twips).
    pub right_dot_tab: Option<u32>,
    pub align: Option<&'static str>,
}

impl PPr<'_> {
    pub fn style(style: &str) -> PPr<'_> {
        PPr {
            style: Some(style),
            ..Default::default()
        }
    }

    pub fn write(&self, out: &mut String) {
        if self.style.is_none()
            && !self.keep_next
            && !self.page_break_before
            && self.num.is_none()
            && self.right_dot_tab.is_none()
            && self.align.is_none()
        {
            return;
        }
        out.push_str("<w:pPr>");
        if let Some(s) = self.style {
            out.push_str(&format!(r#"<w:pStyle w:val="{}"/>"#, esc(s)));
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            out.push_str("<w:pageBreakBefore/>");
        }
        if let Some((id, lvl)) = self.num {
            out.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#
            ));
        }
        if let Some(pos) = self.right_dot_tab {
            out.push_str(&format!(
                r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{pos}"/></w:tabs>"#
            ));
        }
        if let Some(a) = self.align {
            out.push_str(&format!(r#"<w:jc w:val="{a}"/>"#));
        }
        out.push_str("</w:pPr>");
    }
}

/// Character formatting of one run.
#[derive(Default, Clone, Copy)]
pub struct RPr<'a> {
    pub style: Option<&'a str>,
    /// Font for every script (checkbox glyphs need a symbol font).
    pub font: Option<&'a str>,
    pub bold: bool,
    pub italic: bool,
}

impl RPr<'_> {
    pub fn write(&self, out: &mut String) {
        if self.style.is_none() && self.font.is_none() && !self.bold && !self.italic {
            return;
        }
        out.push_str("<w:rPr>");
        if let Some(s) = self.style {
            out.push_str(&format!(r#"<w:rStyle w:val="{}"/>"#, esc(s)));
        }
        if let Some(f) = self.font {
            let f = esc(f);
            out.push_str(&format!(
                r#"<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}" w:hint="eastAsia"/>"#
            ));
        }
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        out.push_str("</w:rPr>");
    }
}

/// One `w:r` per line segment: tabs become `w:tab`, line feeds `w:br`, so
/// multi-line IR text keeps its shape instead of collapsing into spaces.
pub fn run(out: &mut String, text: &str, rpr: RPr) {
    out.push_str("<w:r>");
    rpr.write(out);
    let mut first_line = true;
    for line in text.split('\n') {
        if !first_line {
            out.push_str("<w:br/>");
        }
        first_line = false;
        let mut first_cell = true;
        for piece in line.trim_end_matches('\r').split('\t') {
            if !first_cell {
                out.push_str("<w:tab/>");
            }
            first_cell = false;
            if !piece.is_empty() {
                out.push_str(&format!(
                    r#"<w:t xml:space="preserve">{}</w:t>"#,
                    esc(piece)
                ));
            }
        }
    }
    out.push_str("</w:r>");
}

pub fn ir_runs(out: &mut String, runs: &[Run]) {
    for r in runs {
        run(
            out,
            &r.text,
            RPr {
                bold: r.bold,
                italic: r.italic,
                ..Default::default()
            },
        );
    }
}

/// A whole paragraph of plain text.
pub fn paragraph(out: &mut String, ppr: &PPr, text: &str, rpr: RPr) {
    out.push_str("<w:p>");
    ppr.write(out);
    if !text.is_empty() {
        run(out, text, rpr);
    }
    out.push_str("</w:p>");
}

/// A whole paragraph of IR runs.
pub fn ir_paragraph(out: &mut String, ppr: &PPr, runs: &[Run]) {
    out.push_str("<w:p>");
    ppr.write(out);
    ir_runs(out, runs);
    out.push_str("</w:p>");
}

/// A complex field (`begin`, instruction, `separate`, cached result, `end`)
/// as sibling runs. The cached result is what readers show before they
/// update fields, so callers pass something sensible.
pub fn field(out: &mut String, instr: &str, cached: &str, rpr: RPr) {
    fld_char(out, "begin", rpr);
    out.push_str("<w:r>");
    rpr.write(out);
    out.push_str(&format!(
        r#"<w:instrText xml:space="preserve"> {} </w:instrText></w:r>"#,
        esc(instr)
    ));
    fld_char(out, "separate", rpr);
    run(out, cached, rpr);
    fld_char(out, "end", rpr);
}

pub fn fld_char(out: &mut String, kind: &str, rpr: RPr) {
    out.push_str("<w:r>");
    rpr.write(out);
    out.push_str(&format!(r#"<w:fldChar w:fldCharType="{kind}"/></w:r>"#));
}
