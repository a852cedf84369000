//! Drawing primitives on one page, in top-down layout coordinates
//! (y measured from the top edge, as the layout thinks), written straight
//! into the page's PDF content stream in PDF's bottom-up space.
//!
//! The content is written as bytes while the layout runs rather than as a
//! list of operation objects serialized afterwards: building, converting
//! and formatting those objects (through printpdf, then lopdf) was more
//! than half of the export time, and their memory grew with the page
//! count faster than the caches did.

use super::fonts::{Glyph, Metrics, Style, FALLBACK};
use super::style::{Rgb, PAGE_H};
use super::text::Line;

/// The embedded faces as the painter sees them: glyph ids and widths come
/// from the same metrics the layout measured with.
#[derive(Clone, Copy)]
pub struct FontIds(pub &'static Metrics);

impl FontIds {
    pub fn new(m: &'static Metrics) -> Self {
        FontIds(m)
    }
}

/// A link from a rectangle of this page to a place in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// PDF rectangle: llx, lly, urx, ury.
    pub rect: [f32; 4],
    /// 0-based target page.
    pub page: usize,
    /// PDF y of the target position.
    pub top: f32,
}

/// A piece of a text object.
pub enum Item<'a> {
    Text(Style, &'a str),
    /// TJ adjustment in thousandths of an em; negative moves right.
    Kern(f32),
}

/// Where the writing of the TJ arrays of one text object stands.
#[derive(Default)]
struct Tj {
    /// Inside `[`…`]`, with the font set to `face` (at the text object's
    /// one size).
    open: bool,
    face: u8,
    /// Inside `(`…`)`.
    string: bool,
}

/// Graphics state already set in the stream, so that unchanged colours,
/// widths and fonts are not written again for every line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
    font: Option<(u8, f32)>,
}

/// One page: its content stream and its links.
#[derive(Debug, Default, Clone)]
pub struct Canvas {
    pub content: Vec<u8>,
    pub links: Vec<Link>,
    /// Faces this page draws with, as a bit mask by face index.
    pub faces: u32,
    /// Glyphs drawn from the fallback face, with the character each one
    /// stands for: the fallback font is subsetted to them.
    pub fallback: Vec<(u16, char)>,
    state: State,
}

/// Writes a number with at most three decimals (a thousandth of a point
/// or of an em is far below what any device shows), without trailing zeros.
pub fn num(out: &mut Vec<u8>, v: f32) {
    let scaled = round_half_away(v as f64 * 1000.0);
    let a = scaled.unsigned_abs();
    let (int, mut frac) = (a / 1000, a % 1000);
    let mut frac_digits = 0;
    if frac != 0 {
        frac_digits = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            frac_digits -= 1;
        }
    }
    let mut int_digits = 1;
    while int_digits < 20 && int >= 10u64.pow(int_digits as u32) {
        int_digits += 1;
    }
    // Written into a buffer of fixed size, which is appended whole and
    // then cut to length: copying a slice of variable length would call
    // `memcpy`, which costs more than these few bytes.
    let mut buf = [0u8; 24];
    let mut n = 0;
    if scaled < 0 {
        buf[0] = b'-';
        n = 1;
    }
    let mut rest = int;
    for k in (0..int_digits).rev() {
        buf[n + k] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    n += int_digits;
    if frac_digits > 0 {
        buf[n] = b'.';
        for k in (0..frac_digits).rev() {
            buf[n + 1 + k] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        n += 1 + frac_digits;
    }
    let len = out.len();
    out.extend_from_slice(&buf);
    out.truncate(len + n);
}

/// `x.round() as i64` for the values `num` meets (an `f32` times 1000),
/// without the call to the C library's `round` that `f64::round` is on
/// x86-64 without SSE 4.1. Adding ±0.5 is exact for them: such an `x` has
/// at most 31 significant bits (24 from the `f32`, 7 from 1000), so the sum
/// fits the 53 bits of an `f64` unless |x| < 2⁻²³, where it rounds to about
/// ±0.5 and truncates to 0 as the rounding does. The conversion truncates
/// toward zero. (`numbers_are_rounded_as_f64_round_does` checks it.)
fn round_half_away(x: f64) -> i64 {
    (x + 0.5f64.copysign(x)) as i64
}

/// PDF resource name of a face.
pub fn font_resource(face: u8) -> [u8; 2] {
    [b'F', b'1' + face]
}

// Drawing calls take positions, size and colour as plain numbers, the way
// the layout computes them; bundling them in a struct would only move the noise.
#[allow(clippy::too_many_arguments)]
impl Canvas {
    pub fn with_capacity(bytes: usize) -> Canvas {
        Canvas {
            content: Vec::with_capacity(bytes),
            ..Canvas::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && self.links.is_empty()
    }

    /// Puts `under`'s drawing before this page's (so it lies behind), with
    /// the fonts it uses. `under` must leave the graphics state as it found
    /// it (see `diagonal_text`).
    pub fn put_under(&mut self, under: &Canvas) {
        self.content.splice(0..0, under.content.iter().copied());
        self.faces |= under.faces;
        for &g in &under.fallback {
            if !self.fallback.contains(&g) {
                self.fallback.push(g);
            }
        }
        self.links.extend(under.links.iter().cloned());
    }

    fn nums(&mut self, vs: &[f32]) {
        for &v in vs {
            num(&mut self.content, v);
            self.content.push(b' ');
        }
    }

    fn op(&mut self, op: &str) {
        self.content.extend_from_slice(op.as_bytes());
        self.content.push(b'\n');
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.state.fill != Some(c) {
            self.nums(&[c.0, c.1, c.2]);
            self.op("rg");
            self.state.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgb, thickness: f32) {
        if self.state.stroke != Some(c) {
            self.nums(&[c.0, c.1, c.2]);
            self.op("RG");
            self.state.stroke = Some(c);
        }
        if self.state.width != Some(thickness) {
            self.nums(&[thickness]);
            self.op("w");
            self.state.width = Some(thickness);
        }
    }

    fn set_font(&mut self, face: u8, size: f32) {
        if self.state.font != Some((face, size)) {
            self.content.push(b'/');
            self.content.extend_from_slice(&font_resource(face));
            self.content.push(b' ');
            self.nums(&[size]);
            self.op("Tf");
            self.state.font = Some((face, size));
            self.faces |= 1 << face;
        }
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, paint: &str) {
        self.nums(&[x, PAGE_H - top - h, w, h]);
        self.op("re");
        self.op(paint);
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, c: Rgb) {
        self.set_fill(c);
        self.rect(x, top, w, h, "f");
    }

    pub fn stroke_rect(&mut self, x: f32, top: f32, w: f32, h: f32, c: Rgb, thickness: f32) {
        self.set_stroke(c, thickness);
        self.rect(x, top, w, h, "S");
    }

    pub fn polyline(&mut self, points: &[(f32, f32)], c: Rgb, thickness: f32) {
        if points.len() < 2 {
            return;
        }
        self.set_stroke(c, thickness);
        for (i, &(x, y)) in points.iter().enumerate() {
            self.nums(&[x, PAGE_H - y]);
            self.op(if i == 0 { "m" } else { "l" });
        }
        self.op("S");
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, c: Rgb, thickness: f32) {
        self.polyline(&[(x1, y), (x2, y)], c, thickness);
    }

    pub fn link(&mut self, link: Link) {
        self.links.push(link);
    }

    /// The TJ arrays of `items`, switching fonts where the face changes.
    /// Expects an open text object.
    fn show(&mut self, fonts: &FontIds, size: f32, items: &[Item]) {
        let mut tj = Tj::default();
        for item in items {
            match *item {
                Item::Kern(k) => {
                    let mut buf = Vec::new();
                    num(&mut buf, k);
                    self.tj_kern(&mut tj, &buf);
                }
                Item::Text(style, text) => self.tj_text(&mut tj, fonts.0, size, style, text),
            }
        }
        self.tj_end(&tj);
    }

    /// A kern (`formatted` by `num`) in the TJ array being written.
    fn tj_kern(&mut self, tj: &mut Tj, formatted: &[u8]) {
        if !tj.open {
            return; // a leading kern moves nothing visible
        }
        if tj.string {
            self.content.push(b')');
            tj.string = false;
        } else {
            self.content.push(b' '); // after a number
        }
        self.content.extend_from_slice(formatted);
    }

    /// Text in the TJ array being written, opening a new array where the
    /// face changes.
    ///
    /// Glyph ids go in literal strings, two raw bytes each: half the bytes
    /// of hexadecimal, so half the stream to compress.
    fn tj_text(&mut self, tj: &mut Tj, m: &Metrics, size: f32, style: Style, text: &str) {
        self.content.reserve(2 * text.len() + 2);
        for c in text.chars() {
            self.tj_glyph(tj, size, m.glyph(style, c), c);
        }
    }

    /// One glyph (drawing `c`) in the TJ array being written.
    #[inline(always)]
    fn tj_glyph(&mut self, tj: &mut Tj, size: f32, g: Glyph, c: char) {
        if tj.string && tj.face == g.face && g.plain && g.face as usize != FALLBACK {
            // The usual case: same face, inside a string, two raw bytes.
            self.content.extend_from_slice(&g.gid.to_be_bytes());
            return;
        }
        if !tj.open || tj.face != g.face {
            if tj.open {
                if tj.string {
                    self.content.push(b')');
                    tj.string = false;
                }
                self.op("]TJ");
            }
            self.set_font(g.face, size);
            self.content.push(b'[');
            tj.open = true;
            tj.face = g.face;
        }
        if !tj.string {
            self.content.push(b'(');
            tj.string = true;
        }
        if g.face as usize == FALLBACK && !self.fallback.contains(&(g.gid, c)) {
            self.fallback.push((g.gid, c));
        }
        for b in g.gid.to_be_bytes() {
            match b {
                // Delimiters and the escape character are escaped; a raw
                // CR would be read as LF.
                b'(' | b')' | b'\\' => self.content.extend_from_slice(&[b'\\', b]),
                b'\r' => self.content.extend_from_slice(b"\\r"),
                _ => self.content.push(b),
            }
        }
    }

    /// Closes the TJ array being written, if any.
    fn tj_end(&mut self, tj: &Tj) {
        if tj.open {
            if tj.string {
                self.content.push(b')');
            }
            self.op("]TJ");
        }
    }

    /// Show text items starting at (x, baseline); one text object per call
    /// because the cursor move (Td) is relative inside a text object.
    pub fn text_items(
        &mut self,
        fonts: &FontIds,
        x: f32,
        baseline: f32,
        size: f32,
        c: Rgb,
        items: &[Item],
    ) {
        if !items
            .iter()
            .any(|i| matches!(i, Item::Text(_, t) if !t.is_empty()))
        {
            return;
        }
        self.set_fill(c);
        self.op("BT");
        self.nums(&[x, PAGE_H - baseline]);
        self.op("Td");
        self.show(fonts, size, items);
        self.op("ET");
    }

    pub fn text(
        &mut self,
        fonts: &FontIds,
        style: Style,
        s: &str,
        x: f32,
        baseline: f32,
        size: f32,
        c: Rgb,
    ) {
        self.text_items(fonts, x, baseline, size, c, &[Item::Text(style, s)]);
    }

    /// Draw a laid-out line. Justification adds the same extra space after
    /// every word through TJ offsets: the Tw operator would be ignored,
    /// since Identity-H fonts have no single-byte space code.
    pub fn line(
        &mut self,
        fonts: &FontIds,
        line: &Line,
        x: f32,
        baseline: f32,
        size: f32,
        c: Rgb,
        width: f32,
        justify: bool,
    ) {
        let gaps = line.words.len().saturating_sub(1);
        let extra = if justify && line.justify && gaps > 0 {
            ((width - line.natural_width) / gaps as f32).max(0.0)
        } else {
            0.0
        };
        let visible = gaps > 0
            || line
                .words
                .iter()
                .any(|w| w.frags().iter().any(|f| !f.text.is_empty()));
        if !visible {
            return;
        }
        // The same kern follows every space: formatted once.
        let mut kern = Vec::new();
        if extra > 0.0 {
            num(&mut kern, -extra * 1000.0 / size);
        }
        self.set_fill(c);
        self.op("BT");
        self.nums(&[x, PAGE_H - baseline]);
        self.op("Td");
        let mut tj = Tj::default();
        for (i, word) in line.words.iter().enumerate() {
            for frag in word.frags() {
                self.tj_text(&mut tj, fonts.0, size, frag.style, &frag.text);
            }
            if i < gaps {
                let space = fonts.0.glyph(word.trailing_style(), ' ');
                self.tj_glyph(&mut tj, size, space, ' ');
                if !kern.is_empty() {
                    self.tj_kern(&mut tj, &kern);
                }
            }
        }
        self.tj_end(&tj);
        self.op("ET");
    }

    /// Big diagonal text across the page centre (the draft watermark),
    /// inside q/Q so that it leaves the page's state as it found it.
    pub fn diagonal_text(
        &mut self,
        fonts: &FontIds,
        m: &Metrics,
        s: &str,
        size: f32,
        c: Rgb,
        page_w: f32,
    ) {
        let angle = 45f32.to_radians();
        let (sin, cos) = angle.sin_cos();
        let w = m.width(Style::Bold, s, size);
        let cap = size * 0.714;
        let (cx, cy) = (page_w / 2.0, PAGE_H / 2.0);
        // Start point so that the text's centre lands on the page centre.
        let x = cx - (w / 2.0) * cos + (cap / 2.0) * sin;
        let y = cy - (w / 2.0) * sin - (cap / 2.0) * cos;
        let saved = self.state;
        self.op("q");
        self.set_fill(c);
        self.op("BT");
        self.nums(&[cos, sin, -sin, cos, x, y]);
        self.op("Tm");
        self.show(fonts, size, &[Item::Text(Style::Bold, s)]);
        self.op("ET");
        self.op("Q");
        self.state = saved;
    }
}
