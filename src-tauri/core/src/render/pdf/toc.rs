//! The table of contents: level-1 and level-2 headings that follow it,
//! dot leaders, right-aligned page numbers, each entry a link.
//!
//! Page numbers come from the previous layout pass. Entries wrap in a
//! column of fixed width whatever the numbers are, so the contents take the
//! same room in every pass and the second pass's positions are final.

use super::fonts::Style;
use super::layout::Engine;
use super::paint::{Item, Link};
use super::style::*;
use super::text;
use crate::compose::document::Block;

const NUMBER_COL: f32 = 30.0;
const DOT_PITCH: f32 = 4.5;
/// Leaders stop this far from the right edge, leaving room for three digits.
const LEADER_END: f32 = 20.0;

pub fn draw(e: &mut Engine, following: &[Block]) {
    e.title_block("Sommaire", 1, 3.0 * line_height(BODY_SIZE));
    let first_index = e.headings.len();
    let mut index = first_index;
    let size = BODY_SIZE;
    let lh = line_height(size);
    for block in following {
        let Block::Heading(h) = block else { continue };
        let this = index;
        index += 1;
        if h.level > 2 {
            continue;
        }
        let (style, indent, before) = if h.level <= 1 {
            (Style::Bold, 0.0, 4.0)
        } else {
            (Style::Regular, 14.0, 0.0)
        };
        let x = MARGIN_X + indent;
        let width = BODY_W - indent - NUMBER_COL - 8.0;
        let label = h.label();
        let lines = e.title_lines(text::words_of(&label, style), width, size);
        if lines.is_empty() {
            continue;
        }
        e.space(before);
        e.ensure(lines.len() as f32 * lh);
        let top = e.y;
        let target = e.known.and_then(|k| k.get(this));
        let number = target.map(|t| (t.page + 1).to_string()).unwrap_or_default();
        let (fonts, m) = (e.fonts, e.m);
        for (k, line) in lines.iter().enumerate() {
            let baseline = e.y + baseline_offset(size, lh);
            e.canvas()
                .line(fonts, line, x, baseline, size, TEXT, width, false);
            if k + 1 == lines.len() {
                let right = MARGIN_X + BODY_W;
                let num_w = m.width(style, &number, size);
                e.canvas()
                    .text(fonts, style, &number, right - num_w, baseline, size, TEXT);
                leaders(
                    e,
                    x + line.natural_width + 4.0,
                    right - (num_w + 5.0).max(LEADER_END),
                    baseline,
                    size,
                );
            }
            e.y += lh;
        }
        if let Some(t) = target {
            let bottom = PAGE_H - e.y;
            e.canvas().link(Link {
                rect: [MARGIN_X, bottom, MARGIN_X + BODY_W, PAGE_H - top],
                page: t.page,
                top: t.top,
            });
        }
    }
    e.y += PARA_AFTER;
    if !e.at_top() {
        // The contents stand on their own pages, as in any printed dossier.
        e.new_page();
    }
}

/// Dots on a fixed grid so that leaders of successive entries line up.
fn leaders(e: &mut Engine, from: f32, to: f32, baseline: f32, size: f32) {
    let grid0 = MARGIN_X;
    let start = grid0 + ((from - grid0) / DOT_PITCH).ceil() * DOT_PITCH;
    if to - start < DOT_PITCH {
        return;
    }
    let count = ((to - start) / DOT_PITCH).floor() as usize;
    let dot = e.m.width(Style::Regular, ".", size);
    let kern = -(DOT_PITCH - dot) * 1000.0 / size;
    let mut items = Vec::with_capacity(count * 2);
    for i in 0..count {
        items.push(Item::Text(Style::Regular, "."));
        if i + 1 < count {
            items.push(Item::Kern(kern));
        }
    }
    let fonts = e.fonts;
    e.canvas()
        .text_items(fonts, start, baseline, size, GREY, &items);
}
