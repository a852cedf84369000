//! What every page carries besides its content: running header, « Page X
//! / Y » footer, and the draft watermark. Added once the page count is
//! known, after layout.

use super::fonts::{Metrics, Style};
use super::paint::{Canvas, FontIds};
use super::style::*;
use super::text;

const SIZE: f32 = 8.0;

pub fn decorate(
    pages: &mut [Canvas],
    fonts: &FontIds,
    m: &Metrics,
    running_header: &str,
    draft: bool,
) {
    let total = pages.len();
    // The same on every page: drawn and broken once.
    let watermark = draft.then(|| {
        let mut wm = Canvas::default();
        wm.diagonal_text(fonts, "PROJET", 110.0, WATERMARK, PAGE_W);
        wm
    });
    let header = text::break_title(
        text::words_of(running_header, Style::Regular),
        BODY_W,
        SIZE,
        m,
    );
    for (i, page) in pages.iter_mut().enumerate() {
        if let Some(wm) = &watermark {
            // Drawn first, so it lies behind the text.
            page.put_under(wm);
        }
        if i == 0 {
            continue; // the cover stands alone
        }
        if let Some(first) = header.first() {
            page.line(fonts, first, MARGIN_X, 14.0 * MM, SIZE, GREY, BODY_W, false);
        }
        page.hline(MARGIN_X, MARGIN_X + BODY_W, 15.8 * MM, RULE_GREY, 0.4);
        let footer = format!("Page {} / {}", i + 1, total);
        let w = m.width(Style::Regular, &footer, SIZE);
        page.text(
            fonts,
            Style::Regular,
            &footer,
            MARGIN_X + BODY_W - w,
            PAGE_H - 12.0 * MM,
            SIZE,
            GREY,
        );
    }
}
