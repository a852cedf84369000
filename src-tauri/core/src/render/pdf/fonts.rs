//! The four bundled Noto Sans faces and a fallback face for the symbols
//! they lack: parsed by printpdf for embedding, metrics for measuring and
//! for choosing the face of each character. Measuring uses the very same
//! files that get embedded, so computed line widths match what the reader
//! draws.
//!
//! The Noto subset covers French text; mathematical signs (≤ ≥ ≈ −),
//! arrows, Greek letters, Latin Extended-A names (Łódź, Dvořák) and a few
//! symbols come from a DejaVu Sans subset, character by character, in
//! every style (DejaVu's regular face: a bold ≤ is rare enough).

use printpdf::ParsedFont;
use std::sync::OnceLock;
use ttf_parser::{Face, GlyphId};

static REGULAR: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-Italic.ttf");
static BOLD_ITALIC: &[u8] = include_bytes!("../../../../../assets/fonts/NotoSans-BoldItalic.ttf");
static SYMBOLS: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans-Symbols.ttf");

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

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Style::Regular => REGULAR,
            Style::Bold => BOLD,
            Style::Italic => ITALIC,
            Style::BoldItalic => BOLD_ITALIC,
        }
    }
}

/// Number of faces; a face index below 4 is a `Style` index.
pub const FACES: usize = 5;
/// Face index of the fallback face.
pub const FALLBACK: usize = 4;

/// How one character is drawn: which face, how wide (em). printpdf finds
/// the glyph in that face itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub face: u8,
    pub advance: f32,
}

impl Glyph {
    fn new(face: u8, face_data: &Face<'_>, gid: GlyphId) -> Glyph {
        Glyph {
            face,
            advance: advance_of(face_data, gid),
        }
    }
}

/// Characters below this code point have their glyph precomputed: all of
/// Latin-1, the French ligatures, the punctuation the documents use and
/// the mathematical operators.
const TABLE_END: usize = 0x2300;

/// Glyph ids and advance widths of the faces.
pub struct Metrics {
    faces: Vec<Face<'static>>,
    /// Glyphs by style and code point, below `TABLE_END` (at
    /// `style * TABLE_END + code point`): layout measures and painting
    /// encodes every character, and the cmap lookup was a fifth of the
    /// layout time.
    table: Vec<Glyph>,
}

impl Metrics {
    /// Parsed once per process: the fonts are compiled in and never change.
    pub fn get() -> Result<&'static Metrics, String> {
        static METRICS: OnceLock<Result<Metrics, String>> = OnceLock::new();
        METRICS
            .get_or_init(|| {
                let faces = (0..FACES)
                    .map(|i| {
                        Face::parse(face_bytes(i), 0).map_err(|e| format!("font face {i}: {e}"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                let fallback = fallback_table(&faces[FALLBACK]);
                let table = Style::ALL
                    .iter()
                    .flat_map(|&s| build_table(&faces, &fallback, s))
                    .collect();
                Ok(Metrics { faces, table })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The glyph that draws `c` in `style`: from the style's face, else
    /// from the fallback face; a character both lack is drawn (and so
    /// measured) as the style's .notdef.
    #[inline]
    pub fn glyph(&self, style: Style, c: char) -> Glyph {
        let i = c as usize;
        if i < TABLE_END {
            self.table[style.index() * TABLE_END + i]
        } else {
            lookup(&self.faces, style, c)
        }
    }

    /// Advance of one character in em.
    #[inline]
    pub fn advance(&self, style: Style, c: char) -> f32 {
        self.glyph(style, c).advance
    }

    /// Width of a string in em.
    #[inline]
    pub fn width_em(&self, style: Style, text: &str) -> f32 {
        text.chars().map(|c| self.advance(style, c)).sum()
    }

    #[inline]
    pub fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        self.width_em(style, text) * size
    }
}

/// The faces as printpdf parsed them, once per process: parsing is most of
/// what adding a font to a document costs, and each document only takes a
/// copy.
pub fn parsed() -> Result<&'static [ParsedFont], String> {
    static PARSED: OnceLock<Result<Vec<ParsedFont>, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            (0..FACES)
                .map(|i| {
                    let mut warnings = Vec::new();
                    ParsedFont::from_bytes(face_bytes(i), 0, &mut warnings)
                        .ok_or_else(|| format!("font face {i} unreadable: {warnings:?}"))
                })
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// Bytes of a face, by face index.
pub fn face_bytes(index: usize) -> &'static [u8] {
    match Style::ALL.get(index) {
        Some(s) => s.bytes(),
        None => SYMBOLS,
    }
}

fn advance_of(face: &Face<'_>, gid: GlyphId) -> f32 {
    face.glyph_hor_advance(gid).unwrap_or(0) as f32 / face.units_per_em() as f32
}

#[cold]
#[inline(never)]
fn lookup(faces: &[Face<'static>], style: Style, c: char) -> Glyph {
    let main = &faces[style.index()];
    let (face, gid) = match main.glyph_index(c) {
        Some(g) => (style.index(), g),
        None => match faces[FALLBACK].glyph_index(c) {
            Some(g) => (FALLBACK, g),
            None => (style.index(), GlyphId(0)),
        },
    };
    Glyph::new(face as u8, &faces[face], gid)
}

/// Every (code point, glyph) pair a face's Unicode cmap maps.
pub fn mapped(face: &Face<'_>) -> Vec<(u32, u16)> {
    let mut out = Vec::new();
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables {
            if !sub.is_unicode() {
                continue;
            }
            sub.codepoints(|cp| {
                if let Some(g) = sub.glyph_index(cp) {
                    out.push((cp, g.0));
                }
            });
        }
    }
    out.sort_unstable();
    out.dedup_by_key(|&mut (cp, _)| cp);
    out
}

/// The table of one style, filled from the cmap's own entries rather than
/// by looking every code point up (a few hundred entries instead of ~9000
/// lookups: the first export of a session pays for this).
fn build_table(faces: &[Face<'static>], fallback: &[Option<Glyph>], style: Style) -> Vec<Glyph> {
    let main = &faces[style.index()];
    let notdef = Glyph::new(style.index() as u8, main, GlyphId(0));
    let mut table: Vec<Glyph> = fallback.iter().map(|g| g.unwrap_or(notdef)).collect();
    for (cp, gid) in mapped(main) {
        if let Some(slot) = table.get_mut(cp as usize) {
            *slot = Glyph::new(style.index() as u8, main, GlyphId(gid));
        }
    }
    table
}

/// The fallback face's glyphs below `TABLE_END`, shared by the styles.
fn fallback_table(face: &Face<'static>) -> Vec<Option<Glyph>> {
    let mut table = vec![None; TABLE_END];
    for (cp, gid) in mapped(face) {
        if let Some(slot) = table.get_mut(cp as usize) {
            *slot = Some(Glyph::new(FALLBACK as u8, face, GlyphId(gid)));
        }
    }
    table
}
