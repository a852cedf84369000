//! Tables: IR data tables, the cover's fact table, and the single-cell
//! boxes that frame answer fields. Widths are absolute (dxa) with a fixed
//! layout, so Word and LibreOffice agree on them instead of auto-fitting.

use super::page::TEXT_W;
use super::styles::{BLUE, GREY_RULE, HEADER_FILL};
use super::text::{self, PPr, RPr};
use crate::compose::document::{Run, Table};

/// Rows whose text is longer than this may split across pages: a row that
/// cannot split and is taller than what is left of the page would push a
/// large blank gap (or, taller than a page, be clipped).
const CANT_SPLIT_MAX_CHARS: usize = 600;

/// Column widths in twips, proportional to `weights`, summing to `total`.
/// Missing or zero weights get the average of the others, so a malformed
/// `widths` still gives usable columns rather than zero-width ones.
pub fn column_widths(weights: &[u16], cols: usize, total: u32) -> Vec<u32> {
    if cols == 0 {
        return Vec::new();
    }
    let given: Vec<u64> = (0..cols)
        .map(|i| weights.get(i).copied().unwrap_or(0) as u64)
        .collect();
    let positive: Vec<u64> = given.iter().copied().filter(|w| *w > 0).collect();
    let fallback = if positive.is_empty() {
        1
    } else {
        (positive.iter().sum::<u64>() / positive.len() as u64).max(1)
    };
    let w: Vec<u64> = given
        .iter()
        .map(|g| if *g > 0 { *g } else { fallback })
        .collect();
    let sum: u64 = w.iter().sum();
    let mut out: Vec<u32> = w.iter().map(|x| (x * total as u64 / sum) as u32).collect();
    // Give the rounding remainder to the last column so the table is exactly
    // as wide as the text.
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total - used;
    }
    out
}

/// Columns of an IR table: the widest of its header and rows (short rows
/// are padded with empty cells).
pub fn column_count(t: &Table) -> usize {
    t.rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(t.header.len())
}

/// An IR table. Writes nothing when there is no column at all.
pub fn data_table(out: &mut String, t: &Table) {
    let cols = column_count(t);
    if cols == 0 {
        return;
    }
    let widths = column_widths(&t.widths, cols, TEXT_W);
    let border = format!(r#"w:val="single" w:sz="4" w:space="0" w:color="{GREY_RULE}""#);
    open_table(
        out,
        &widths,
        &format!(
        "<w:top {b}/><w:left {b}/><w:bottom {b}/><w:right {b}/><w:insideH {b}/><w:insideV {b}/>",
        b = border
    ),
        PAD_TEXT,
    );

    // Shown when it has text, and always for a table without rows: Word
    // rejects a `w:tbl` with no `w:tr`.
    if t.header.iter().any(|h| !h.trim().is_empty()) || t.rows.is_empty() {
        // Repeated on each page; kept with the first data row (keepNext in
        // TableHeading) so it never stands alone at the foot of a page.
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (i, w) in widths.iter().enumerate() {
            let label = t.header.get(i).map(String::as_str).unwrap_or("");
            open_cell(out, *w, Some(HEADER_FILL));
            text::paragraph(out, &PPr::style("TableHeading"), label, RPr::default());
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }

    for row in &t.rows {
        let chars: usize = row.iter().flatten().map(|r| r.text.len()).sum();
        out.push_str("<w:tr>");
        if chars <= CANT_SPLIT_MAX_CHARS {
            out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        for (i, w) in widths.iter().enumerate() {
            open_cell(out, *w, None);
            let runs: &[Run] = row.get(i).map(Vec::as_slice).unwrap_or(&[]);
            text::ir_paragraph(out, &PPr::style("TableText"), runs);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// The cover's facts: label / value, framed by two blue rules.
pub fn facts_table(out: &mut String, facts: &[(String, String)]) {
    if facts.is_empty() {
        return;
    }
    let widths = column_widths(&[35, 65], 2, TEXT_W);
    let rule = format!(r#"w:val="single" w:sz="8" w:space="0" w:color="{BLUE}""#);
    let thin = format!(r#"w:val="single" w:sz="4" w:space="0" w:color="{GREY_RULE}""#);
    open_table(
        out,
        &widths,
        &format!(
            r#"<w:top {rule}/><w:left w:val="nil"/><w:bottom {rule}/><w:right w:val="nil"/><w:insideH {thin}/><w:insideV w:val="nil"/>"#
        ),
        PAD_TEXT,
    );
    for (label, value) in facts {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        open_cell(out, widths[0], None);
        text::paragraph(out, &PPr::style("CoverFactLabel"), label, RPr::default());
        out.push_str("</w:tc>");
        open_cell(out, widths[1], None);
        text::paragraph(out, &PPr::style("CoverFact"), value, RPr::default());
        out.push_str("</w:tc></w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// A framed single cell at least `height` twips high, whose content the
/// caller writes (then calls [`close_box`]).
pub fn open_box(out: &mut String, height: u32, cant_split: bool) {
    let b = r#"w:val="single" w:sz="6" w:space="0" w:color="7F7F7F""#;
    open_table(
        out,
        &[TEXT_W],
        &format!(
        "<w:top {b}/><w:left {b}/><w:bottom {b}/><w:right {b}/><w:insideH {b}/><w:insideV {b}/>"
    ),
        PAD_BOX,
    );
    out.push_str("<w:tr><w:trPr>");
    if cant_split {
        out.push_str("<w:cantSplit/>");
    }
    out.push_str(&format!(
        r#"<w:trHeight w:val="{height}" w:hRule="atLeast"/></w:trPr>"#
    ));
    open_cell(out, TEXT_W, None);
}

pub fn close_box(out: &mut String) {
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// Adjacent tables merge into one in Word, and a table needs air below it:
/// a small fixed-height paragraph solves both.
pub fn gap_after_table(out: &mut String) {
    text::paragraph(out, &PPr::style("TableGap"), "", RPr::default());
}

/// Cell padding in twips: `(top and bottom, left and right)`.
const PAD_TEXT: (u32, u32) = (0, 85);
/// Answer boxes get more air so typed text does not touch the frame.
const PAD_BOX: (u32, u32) = (57, 113);

fn open_table(out: &mut String, widths: &[u32], borders: &str, (pad_v, pad_h): (u32, u32)) {
    let total: u32 = widths.iter().sum();
    out.push_str(&format!(
        concat!(
            "<w:tbl><w:tblPr>",
            r#"<w:tblW w:w="{total}" w:type="dxa"/>"#,
            r#"<w:tblBorders>{borders}</w:tblBorders>"#,
            r#"<w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblCellMar><w:top w:w="{pad_v}" w:type="dxa"/><w:left w:w="{pad_h}" w:type="dxa"/>"#,
            r#"<w:bottom w:w="{pad_v}" w:type="dxa"/><w:right w:w="{pad_h}" w:type="dxa"/></w:tblCellMar>"#,
            r#"<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#,
            "</w:tblPr><w:tblGrid>"
        ),
        total = total,
        borders = borders,
        pad_v = pad_v,
        pad_h = pad_h,
    ));
    for w in widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    out.push_str("</w:tblGrid>");
}

fn open_cell(out: &mut String, width: u32, fill: Option<&str>) {
    out.push_str(&format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
    ));
    if let Some(f) = fill {
        out.push_str(&format!(
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{f}"/>"#
        ));
    }
    out.push_str("</w:tcPr>");
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn widths_are_proportional_and_fill_the_text_width() {
        let w = column_widths(&[1, 3], 2, 9638);
        assert_eq!(w.iter().sum::<u32>(), 9638);
        assert_eq!(w[0], 2409);
        // Missing and zero weights fall back to the average of the others.
        assert_eq!(column_widths(&[2, 0], 3, 900), vec![300, 300, 300]);
        assert_eq!(column_widths(&[], 1, 900), vec![900]);
        assert!(column_widths(&[5], 0, 900).is_empty());
    }
}
