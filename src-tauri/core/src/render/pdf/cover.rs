//! The front page: buyer, kicker, title, then the key facts in a light
//! frame. Drawn on page 0, which gets no running header or footer.

use super::fonts::Style;
use super::layout::Engine;
use super::style::*;
use super::text;
use crate::compose::document::Cover;

pub fn draw(e: &mut Engine, cover: &Cover) {
    let fonts = e.fonts;
    // A discreet band along the top edge, the only colour on the page.
    e.canvas().fill_rect(0.0, 0.0, PAGE_W, 9.0 * MM, ACCENT);

    let mut y = 30.0 * MM;
    let buyer = e.title_lines(text::words_of(&cover.buyer, Style::Bold), BODY_W, 13.0);
    for line in &buyer {
        e.canvas()
            .line(fonts, line, MARGIN_X, y + 13.0, 13.0, ACCENT, BODY_W, false);
        y += 17.0;
    }

    y = y.max(85.0 * MM);
    let kicker = e.title_lines(text::words_of(&cover.kicker, Style::Regular), BODY_W, 11.5);
    for line in &kicker {
        e.canvas()
            .line(fonts, line, MARGIN_X, y + 11.5, 11.5, GREY, BODY_W, false);
        y += 15.5;
    }
    y += 8.0;

    let title_size = 22.0;
    let title = e.title_lines(
        text::words_of(&cover.title, Style::Bold),
        BODY_W,
        title_size,
    );
    for line in &title {
        e.canvas().line(
            fonts,
            line,
            MARGIN_X,
            y + title_size,
            title_size,
            TEXT,
            BODY_W,
            false,
        );
        y += title_size * 1.22;
    }
    y += 12.0;
    e.canvas().fill_rect(MARGIN_X, y, 40.0 * MM, 2.0, ACCENT);
    y += 18.0 * MM;

    facts(e, &cover.facts, y);
}

/// Two columns (label / value) in a framed, lightly shaded box. Facts that
/// would run past the bottom margin are left out rather than spilling.
fn facts(e: &mut Engine, facts: &[(String, String)], top: f32) {
    if facts.is_empty() {
        return;
    }
    let fonts = e.fonts;
    let pad = 10.0;
    let label_w = BODY_W * 0.34;
    let value_x = MARGIN_X + pad + label_w + 8.0;
    let value_w = MARGIN_X + BODY_W - pad - value_x;
    let size = 9.5;
    let lh = line_height(size);
    let bottom_limit = PAGE_H - 20.0 * MM;
    let mut rows = Vec::new();
    let mut h = pad * 2.0;
    for (label, value) in facts {
        let l = e.title_lines(text::words_of(label, Style::Bold), label_w, size);
        let v = e.title_lines(text::words_of(value, Style::Regular), value_w, size);
        let rh = l.len().max(v.len()).max(1) as f32 * lh + 5.0;
        if top + h + rh > bottom_limit {
            break;
        }
        h += rh;
        rows.push((l, v, rh));
    }
    let h = h - 5.0;
    e.canvas().fill_rect(MARGIN_X, top, BODY_W, h, FACTS_BG);
    e.canvas()
        .stroke_rect(MARGIN_X, top, BODY_W, h, RULE_GREY, 0.5);
    let mut y = top + pad;
    for (l, v, rh) in rows {
        for (k, line) in l.iter().enumerate() {
            let b = y + k as f32 * lh + baseline_offset(size, lh);
            e.canvas()
                .line(fonts, line, MARGIN_X + pad, b, size, ACCENT, label_w, false);
        }
        for (k, line) in v.iter().enumerate() {
            let b = y + k as f32 * lh + baseline_offset(size, lh);
            e.canvas()
                .line(fonts, line, value_x, b, size, TEXT, value_w, false);
        }
        y += rh;
    }
}
