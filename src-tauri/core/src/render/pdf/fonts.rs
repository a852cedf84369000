//! The four bundled Noto Sans faces: bytes for embedding, metrics for
//! measuring. Measuring uses the very same files that get embedded, so
//! computed line widths match what the reader draws.

use std::sync::OnceLock;
use ttf_parser::{Face, GlyphId};

static REGULAR: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-Italic.ttf");
static BOLD_ITALIC: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-BoldItalic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    pub const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    pub fn new(bold: bool, italic: bool) -> Style {
        match (bold, italic) {
            (false, false) => Style::Regular,
            (true, false) => Style::Bold,
            (false, true) => Style::Italic,
            (true, true) => Style::BoldItalic,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn postscript_name(self) -> &'static str {
        match self {
            Style::Regular => "NotoSans-Regular",
            Style::Bold => "NotoSans-Bold",
            Style::Italic => "NotoSans-Italic",
            Style::BoldItalic => "NotoSans-BoldItalic",
        }
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
            Style::Italic => ITALIC,
            Style::BoldItalic => BOLD_ITALIC,
        }
    }
}

/// Characters below this code point have their advance precomputed: all of
/// Latin-1, the French ligatures and the punctuation the documents use.
const TABLE_END: usize = 0x2200;

/// Advance widths of the four faces, in em.
pub struct Metrics {
    faces: Vec<Face<'static>>,
    /// Advances in em by style and code point, below `TABLE_END`: layout
    /// measures every character, and the cmap lookup was a fifth of the time.
    table: Vec<Vec<f32>>,
}

impl Metrics {
    /// Parsed once per process: the fonts are compiled in and never change.
    pub fn get() -> Result<&'static Metrics, String> {
        static METRICS: OnceLock<Result<Metrics, String>> = OnceLock::new();
        METRICS
            .get_or_init(|| {
                let faces = Style::ALL
                    .iter()
                    .map(|s| Face::parse(s.bytes(), 0).map_err(|e| format!("font {s:?}: {e}")))
                    .collect::<Result<Vec<_>, _>>()?;
                let table = faces
                    .iter()
                    .map(|face| {
                        (0..TABLE_END as u32)
                            .map(|cp| char::from_u32(cp).map_or(0.0, |c| face_advance(face, c)))
                            .collect()
                    })
                    .collect();
                Ok(Metrics { faces, table })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn face(&self, style: Style) -> &Face<'static> {
        &self.faces[style.index()]
    }

    /// Advance of one character in em. A character the subset lacks is
    /// drawn as .notdef by the reader, so it is measured as .notdef too.
    pub fn advance(&self, style: Style, c: char) -> f32 {
        match self.table[style.index()].get(c as usize) {
            Some(&em) => em,
            None => face_advance(self.face(style), c),
        }
    }

    /// Width of a string in em.
    pub fn width_em(&self, style: Style, text: &str) -> f32 {
        text.chars().map(|c| self.advance(style, c)).sum()
    }

    pub fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        self.width_em(style, text) * size
    }

    /// Reverse lookup, for tests that read glyph ids back out of content streams.
    #[cfg(test)]
    pub fn char_for_glyph(&self, style: Style, gid: u16) -> Option<char> {
        let face = self.face(style);
        let mut found = None;
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables {
                if !sub.is_unicode() {
                    continue;
                }
                sub.codepoints(|cp| {
                    if found.is_none() && sub.glyph_index(cp) == Some(GlyphId(gid)) {
                        found = char::from_u32(cp);
                    }
                });
            }
        }
        found
    }
}

fn face_advance(face: &Face<'_>, c: char) -> f32 {
    let gid = face.glyph_index(c).unwrap_or(GlyphId(0));
    face.glyph_hor_advance(gid).unwrap_or(0) as f32 / face.units_per_em() as f32
}
