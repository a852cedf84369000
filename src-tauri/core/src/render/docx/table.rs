//! Tables: IR data tables, the cover's fact table, and the single-cell
//! boxes that frame answer fields. Widths are absolute (dxa) with a fixed
//! layout, so Word and LibreOffice agree on them instead of auto-fitting.
//! The repeated header row (`w:tblHeader`) is one of the additions docx-rs
//! cannot express: [`DataTable::header_row`] tells `additions.rs` where.

use docx_rs::{
    BorderType, HeightRule, Paragraph, Shading, ShdType, Table as DocxTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};

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
pub fn column_widths(weights: &[u16], cols: usize, total: usize) -> Vec<usize> {
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
    let mut out: Vec<usize> = w
        .iter()
        .map(|x| (x * total as u64 / sum) as usize)
        .collect();
    // Give the rounding remainder to the last column so the table is exactly
    // as wide as the text.
    let used: usize = out.iter().sum();
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

/// An IR table as docx-rs builds it, and whether its first row is a
/// header row to repeat on each page.
pub struct DataTable {
    pub table: DocxTable,
    pub header_row: bool,
}

/// An IR table; `None` when there is no column at all.
pub fn data_table(t: &Table) -> Option<DataTable> {
    let cols = column_count(t);
    if cols == 0 {
        return None;
    }
    let widths = column_widths(&t.widths, cols, TEXT_W);
    let grey = |pos| border(pos, BorderType::Single, 4, GREY_RULE);
    let borders = [
        grey(TableBorderPosition::Top),
        grey(TableBorderPosition::Left),
        grey(TableBorderPosition::Bottom),
        grey(TableBorderPosition::Right),
        grey(TableBorderPosition::InsideH),
        grey(TableBorderPosition::InsideV),
    ];
    let mut rows = Vec::with_capacity(t.rows.len() + 1);

    // Shown when it has text, and always for a table without rows: Word
    // rejects a `w:tbl` with no `w:tr`.
    let header_row = t.header.iter().any(|h| !h.trim().is_empty()) || t.rows.is_empty();
    if header_row {
        // Repeated on each page; kept with the first data row (keepNext in
        // TableHeading) so it never stands alone at the foot of a page.
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let label = t.header.get(i).map(String::as_str).unwrap_or("");
                cell(*w, Some(HEADER_FILL)).add_paragraph(text::paragraph(
                    &PPr::style("TableHeading"),
                    label,
                    RPr::default(),
                ))
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }

    for row in &t.rows {
        let chars: usize = row.iter().flatten().map(|r| r.text.len()).sum();
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let runs: &[Run] = row.get(i).map(Vec::as_slice).unwrap_or(&[]);
                cell(*w, None).add_paragraph(text::ir_paragraph(&PPr::style("TableText"), runs))
            })
            .collect();
        let r = TableRow::new(cells);
        rows.push(if chars <= CANT_SPLIT_MAX_CHARS {
            r.cant_split()
        } else {
            r
        });
    }
    Some(DataTable {
        table: table(rows, &widths, borders, PAD_TEXT),
        header_row,
    })
}

/// The cover's facts: label / value, framed by two blue rules.
pub fn facts_table(facts: &[(String, String)]) -> Option<DocxTable> {
    if facts.is_empty() {
        return None;
    }
    let widths = column_widths(&[35, 65], 2, TEXT_W);
    let borders = [
        border(TableBorderPosition::Top, BorderType::Single, 8, BLUE),
        border(TableBorderPosition::Left, BorderType::Nil, 0, "auto"),
        border(TableBorderPosition::Bottom, BorderType::Single, 8, BLUE),
        border(TableBorderPosition::Right, BorderType::Nil, 0, "auto"),
        border(
            TableBorderPosition::InsideH,
            BorderType::Single,
            4,
            GREY_RULE,
        ),
        border(TableBorderPosition::InsideV, BorderType::Nil, 0, "auto"),
    ];
    let rows = facts
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                cell(widths[0], None).add_paragraph(text::paragraph(
                    &PPr::style("CoverFactLabel"),
                    label,
                    RPr::default(),
                )),
                cell(widths[1], None).add_paragraph(text::paragraph(
                    &PPr::style("CoverFact"),
                    value,
                    RPr::default(),
                )),
            ])
            .cant_split()
        })
        .collect();
    Some(table(rows, &widths, borders, PAD_TEXT))
}

/// A framed single cell at least `height` twips high, holding `content`.
pub fn answer_box(content: Paragraph, height: u32, cant_split: bool) -> DocxTable {
    let frame = |pos| border(pos, BorderType::Single, 6, "7F7F7F");
    let borders = [
        frame(TableBorderPosition::Top),
        frame(TableBorderPosition::Left),
        frame(TableBorderPosition::Bottom),
        frame(TableBorderPosition::Right),
        frame(TableBorderPosition::InsideH),
        frame(TableBorderPosition::InsideV),
    ];
    let mut row = TableRow::new(vec![cell(TEXT_W, None).add_paragraph(content)])
        .row_height(height as f32)
        .height_rule(HeightRule::AtLeast);
    if cant_split {
        row = row.cant_split();
    }
    table(vec![row], &[TEXT_W], borders, PAD_BOX)
}

/// Adjacent tables merge into one in Word, and a table needs air below it:
/// a small fixed-height paragraph solves both.
pub fn gap_after_table() -> Paragraph {
    PPr::style("TableGap").paragraph()
}

/// Cell padding in twips: `(top and bottom, left and right)`.
const PAD_TEXT: (usize, usize) = (0, 85);
/// Answer boxes get more air so typed text does not touch the frame.
const PAD_BOX: (usize, usize) = (57, 113);

fn border(pos: TableBorderPosition, kind: BorderType, size: usize, color: &str) -> TableBorder {
    TableBorder::new(pos)
        .border_type(kind)
        .size(size)
        .color(color)
}

fn table(
    rows: Vec<TableRow>,
    widths: &[usize],
    borders: [TableBorder; 6],
    (pad_v, pad_h): (usize, usize),
) -> DocxTable {
    let total: usize = widths.iter().sum();
    let borders = borders
        .into_iter()
        .fold(TableBorders::with_empty(), TableBorders::set);
    DocxTable::new(rows)
        .set_grid(widths.to_vec())
        .width(total, WidthType::Dxa)
        .set_borders(borders)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(pad_v, pad_h, pad_v, pad_h))
}

fn cell(width: usize, fill: Option<&str>) -> TableCell {
    let c = TableCell::new().width(width, WidthType::Dxa);
    match fill {
        Some(f) => c.shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(f),
        ),
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn widths_are_proportional_and_fill_the_text_width() {
        let w = column_widths(&[1, 3], 2, 9638);
        assert_eq!(w.iter().sum::<usize>(), 9638);
        assert_eq!(w[0], 2409);
        // Missing and zero weights fall back to the average of the others.
        assert_eq!(column_widths(&[2, 0], 3, 900), vec![300, 300, 300]);
        assert_eq!(column_widths(&[], 1, 900), vec![900]);
        assert!(column_widths(&[5], 0, 900).is_empty());
    }
}
