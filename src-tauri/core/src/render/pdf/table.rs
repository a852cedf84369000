//! Tables: proportional columns, wrapped cells, thin borders, a shaded
//! bold header row that repeats on every page the table spans. A row that
//! does not fit is moved to the next page; a row taller than a page is cut
//! between lines.

use super::fonts::{Metrics, Style};
use super::layout::Engine;
use super::style::*;
use super::text::{self, Line};
use crate::compose::document::{Run, Table};

/// Columns and the wrapped header. Body rows are wrapped one at a time as
/// they are drawn, so a table of thousands of rows never holds all its
/// lines at once.
struct Grid<'t> {
    xs: Vec<f32>,
    ws: Vec<f32>,
    header: Option<Vec<Vec<Line<'t>>>>,
}

impl Grid<'_> {
    fn row<'r>(
        &self,
        m: &Metrics,
        breaker: &text::Breaker,
        r: &'r [Vec<Run>],
    ) -> Vec<Vec<Line<'r>>> {
        (0..self.xs.len())
            .map(|i| match r.get(i) {
                Some(runs) => text::break_lines(
                    text::words(runs, false, false),
                    (self.ws[i] - 2.0 * CELL_PAD_X).max(1.0),
                    TABLE_SIZE,
                    m,
                    breaker,
                ),
                None => Vec::new(),
            })
            .collect()
    }
}

fn lh() -> f32 {
    TABLE_SIZE * TABLE_LINE_FACTOR
}

fn row_height(cells: &[Vec<Line>]) -> f32 {
    cells.iter().map(|c| c.len()).max().unwrap_or(0).max(1) as f32 * lh() + 2.0 * CELL_PAD_Y
}

fn grid<'t>(e: &Engine, t: &'t Table) -> Grid<'t> {
    let ncols = t
        .header
        .len()
        .max(t.rows.iter().map(|r| r.len()).max().unwrap_or(0))
        .max(1);
    let weights: Vec<f32> = (0..ncols)
        .map(|i| t.widths.get(i).copied().filter(|&w| w > 0).unwrap_or(1) as f32)
        .collect();
    let sum: f32 = weights.iter().sum();
    let ws: Vec<f32> = weights.iter().map(|w| BODY_W * w / sum).collect();
    let mut xs = Vec::with_capacity(ncols);
    let mut x = MARGIN_X;
    for w in &ws {
        xs.push(x);
        x += w;
    }
    let inner = |i: usize| (ws[i] - 2.0 * CELL_PAD_X).max(1.0);
    let header = if t.header.iter().any(|h| !h.trim().is_empty()) {
        Some(
            (0..ncols)
                .map(|i| {
                    let s = t.header.get(i).map(String::as_str).unwrap_or("");
                    e.lines(text::words_of(s, Style::Bold), inner(i), TABLE_SIZE)
                })
                .collect(),
        )
    } else {
        None
    };
    Grid { xs, ws, header }
}

/// Room the header and the start of the first row need. Only those are
/// wrapped: wrapping a whole long table here (once for the heading's
/// keep-with-next, once more before drawing) tripled the layout work of
/// the big tables that make up most of a long dossier.
pub fn min_start(e: &Engine, t: &Table) -> f32 {
    let g = grid(e, t);
    let first = t.rows.first().map(|r| g.row(e.m, e.breaker, r));
    min_start_of(&g, first.as_deref())
}

fn min_start_of(g: &Grid, first: Option<&[Vec<Line>]>) -> f32 {
    let head = g.header.as_deref().map(row_height).unwrap_or(0.0);
    let first = first.map(row_height).unwrap_or(0.0);
    head + first.min(2.0 * lh() + 2.0 * CELL_PAD_Y)
}

/// Draw the lines `from..to` of every cell of a row as one band.
fn band(e: &mut Engine, g: &Grid, cells: &[Vec<Line>], from: usize, to: usize, header: bool) {
    let n = to - from;
    let h = n.max(1) as f32 * lh() + 2.0 * CELL_PAD_Y;
    let top = e.y;
    let fonts = e.fonts;
    for (i, cell) in cells.iter().enumerate() {
        let c = e.canvas();
        if header {
            c.fill_rect(g.xs[i], top, g.ws[i], h, HEADER_BG);
        }
        let end = to.min(cell.len());
        for (k, line) in cell.iter().enumerate().take(end).skip(from) {
            let baseline =
                top + CELL_PAD_Y + (k - from) as f32 * lh() + baseline_offset(TABLE_SIZE, lh());
            c.line(
                fonts,
                line,
                g.xs[i] + CELL_PAD_X,
                baseline,
                TABLE_SIZE,
                TEXT,
                g.ws[i] - 2.0 * CELL_PAD_X,
                false,
            );
        }
        c.stroke_rect(g.xs[i], top, g.ws[i], h, RULE_GREY, 0.5);
    }
    e.y = top + h;
}

fn header(e: &mut Engine, g: &Grid) {
    if let Some(h) = &g.header {
        let n = h.iter().map(|c| c.len()).max().unwrap_or(1);
        band(e, g, h, 0, n, true);
    }
}

/// Draws the table; `keep_after` is the height of what must follow its last
/// row on the same page (a note explaining the table).
pub fn draw(e: &mut Engine, t: &Table, keep_after: f32) {
    let g = grid(e, t);
    if g.header.is_none() && t.rows.is_empty() {
        return;
    }
    let (m, breaker) = (e.m, e.breaker);
    let mut rows = t.rows.iter().map(|r| g.row(m, breaker, r)).peekable();
    e.space(4.0);
    e.ensure(min_start_of(&g, rows.peek().map(Vec::as_slice)));
    header(e, &g);
    let head_h = g.header.as_deref().map(row_height).unwrap_or(0.0);
    let lh = lh();
    let last = t.rows.len().saturating_sub(1);
    for (index, cells) in rows.enumerate() {
        let cells = &cells;
        let total = cells.iter().map(|c| c.len()).max().unwrap_or(0).max(1);
        // Not for a lone row: moving it would leave the header behind.
        let after = if index == last && index > 0 {
            keep_after
        } else {
            0.0
        };
        let mut from = 0;
        while from < total {
            let fresh = e.y <= BODY_TOP + head_h + 0.01;
            let need = (total - from) as f32 * lh + 2.0 * CELL_PAD_Y + after;
            if e.y + need <= BODY_BOTTOM + 0.01 {
                band(e, &g, cells, from, total, false);
                break;
            }
            // Move an unsplit row that would fit on a fresh page; cut only
            // rows taller than a page (or already cut).
            let fits_fresh = need <= BODY_BOTTOM - BODY_TOP - head_h;
            let k = ((e.room() - 2.0 * CELL_PAD_Y) / lh + 1e-3).floor().max(0.0) as usize;
            if (from == 0 && fits_fresh && !fresh) || (k == 0 && !fresh) {
                e.new_page();
                header(e, &g);
                continue;
            }
            let k = k.clamp(1, total - from);
            band(e, &g, cells, from, from + k, false);
            from += k;
            if from < total {
                e.new_page();
                header(e, &g);
            }
        }
    }
    e.y += PARA_AFTER + 2.0;
}
