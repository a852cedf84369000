//! The house style: page geometry, type sizes and colours, in one place so
//! the layout code reads as decisions about structure, not about numbers.

/// A4 portrait, in PDF points.
pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;

pub const MM: f32 = 72.0 / 25.4;

pub const MARGIN_X: f32 = 21.0 * MM;
/// Top of the body text area, measured from the top edge (leaves room for
/// the running header).
pub const BODY_TOP: f32 = 24.0 * MM;
/// Bottom of the body text area, measured from the top edge (leaves room
/// for the footer).
pub const BODY_BOTTOM: f32 = PAGE_H - 22.0 * MM;
pub const BODY_W: f32 = PAGE_W - 2.0 * MARGIN_X;

pub const BODY_SIZE: f32 = 10.0;
pub const SMALL_SIZE: f32 = 8.5;
pub const LINE_FACTOR: f32 = 1.35;
pub const PARA_AFTER: f32 = 6.0;

pub const TABLE_SIZE: f32 = 9.0;
pub const TABLE_LINE_FACTOR: f32 = 1.3;
pub const CELL_PAD_X: f32 = 4.0;
pub const CELL_PAD_Y: f32 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

const fn hex(v: u32) -> Rgb {
    Rgb(
        ((v >> 16) & 0xff) as f32 / 255.0,
        ((v >> 8) & 0xff) as f32 / 255.0,
        (v & 0xff) as f32 / 255.0,
    )
}

pub const TEXT: Rgb = hex(0x1A1A1A);
pub const ACCENT: Rgb = hex(0x1F3A5F);
pub const GREY: Rgb = hex(0x6B6B6B);
pub const LIGHT_GREY: Rgb = hex(0xA8A8A8);
pub const RULE_GREY: Rgb = hex(0x9A9A9A);
pub const NOTE_BG: Rgb = hex(0xEAF1F8);
pub const NOTE_BAR: Rgb = hex(0x4A78A8);
pub const HEADER_BG: Rgb = hex(0xE6ECF3);
pub const FACTS_BG: Rgb = hex(0xF4F6F9);
pub const WATERMARK: Rgb = Rgb(0.85, 0.85, 0.85);
pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// Typographic line height for a font size.
pub fn line_height(size: f32) -> f32 {
    size * LINE_FACTOR
}

/// Distance from the top of a line box to its baseline: centres the
/// glyphs' usual extent (cap height above, descenders below) in the box.
pub fn baseline_offset(size: f32, lh: f32) -> f32 {
    (lh - size) / 2.0 + size * 0.78
}
