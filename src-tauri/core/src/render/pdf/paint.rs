//! Drawing primitives on one page, in top-down layout coordinates
//! (y measured from the top edge, as the layout thinks), translated here to
//! PDF's bottom-up space and printpdf operations.
//!
//! printpdf encodes the text (glyph lookup in the face, subsetting,
//! ToUnicode); the painter only chooses the face of each run of
//! characters, with the same metrics the layout measured with.

use super::fonts::{Metrics, Style, FACES};
use super::style::{Rgb, PAGE_H};
use super::text::Line;
use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, FontId, HighlightingMode, Line as PLine,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, TextItem, TextMatrix,
};

/// The faces as the painter sees them: the metrics the layout measures
/// with, and the printpdf id each face is registered under.
///
/// The ids are fixed six-letter names rather than printpdf's random ones:
/// they become the font resource names and the subset tags, and the same
/// dossier must give the same bytes. Subsets of one file get different
/// tags, as PDF 32000-1, 9.6.4 asks.
pub struct FontIds {
    pub metrics: &'static Metrics,
    pub ids: [FontId; FACES],
}

impl FontIds {
    pub fn new(m: &'static Metrics) -> Self {
        FontIds {
            metrics: m,
            ids: ["DCEFAA", "DCEFAB", "DCEFAC", "DCEFAD", "DCEFAE"].map(|t| FontId(t.to_string())),
        }
    }

    fn handle(&self, face: u8) -> PdfFontHandle {
        PdfFontHandle::External(self.ids[face as usize].clone())
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

impl Link {
    /// A TOC entry's link: no border, no highlight, to an exact position.
    pub fn annotation(&self) -> Op {
        let [llx, lly, urx, ury] = self.rect;
        Op::LinkAnnotation {
            link: LinkAnnotation::new(
                Rect {
                    x: Pt(llx),
                    y: Pt(lly),
                    width: Pt(urx - llx),
                    height: Pt(ury - lly),
                    mode: None,
                    winding_order: None,
                },
                Actions::go_to(Destination::Xyz {
                    page: self.page + 1,
                    left: Some(0.0),
                    top: Some(self.top),
                    zoom: None,
                }),
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                Some(HighlightingMode::None),
            ),
        }
    }
}

/// A piece of a text object.
pub enum Item<'a> {
    Text(Style, &'a str),
    /// Adjustment in thousandths of an em; negative moves right.
    Kern(f32),
}

/// Graphics state already set on the page, so that unchanged colours,
/// widths and fonts are not set again for every line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
    font: Option<(u8, f32)>,
}

/// One page: its printpdf operations and its links.
#[derive(Debug, Default, Clone)]
pub struct Canvas {
    pub content: Vec<Op>,
    pub links: Vec<Link>,
    state: State,
}

/// The text operation being built: runs of one face, with kerns between.
struct Show {
    face: Option<u8>,
    items: Vec<TextItem>,
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(c.0, c.1, c.2, None))
}

fn pt(x: f32, y_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_H - y_top),
    }
}

// Drawing calls take positions, size and colour as plain numbers, the way
// the layout computes them; bundling them in a struct would only move the noise.
#[allow(clippy::too_many_arguments)]
impl Canvas {
    pub fn with_capacity(ops: usize) -> Canvas {
        Canvas {
            content: Vec::with_capacity(ops),
            ..Canvas::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && self.links.is_empty()
    }

    /// Puts `under`'s drawing before this page's (so it lies behind).
    /// `under` must leave the graphics state as it found it (see
    /// `diagonal_text`).
    pub fn put_under(&mut self, under: &Canvas) {
        self.content.splice(0..0, under.content.iter().cloned());
        self.links.extend(under.links.iter().cloned());
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.state.fill != Some(c) {
            self.content.push(Op::SetFillColor { col: color(c) });
            self.state.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgb, thickness: f32) {
        if self.state.stroke != Some(c) {
            self.content.push(Op::SetOutlineColor { col: color(c) });
            self.state.stroke = Some(c);
        }
        if self.state.width != Some(thickness) {
            self.content
                .push(Op::SetOutlineThickness { pt: Pt(thickness) });
            self.state.width = Some(thickness);
        }
    }

    fn set_font(&mut self, fonts: &FontIds, face: u8, size: f32) {
        if self.state.font != Some((face, size)) {
            self.content.push(Op::SetFont {
                font: fonts.handle(face),
                size: Pt(size),
            });
            self.state.font = Some((face, size));
        }
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, mode: PaintMode) {
        self.content.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - top - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, c: Rgb) {
        self.set_fill(c);
        self.rect(x, top, w, h, PaintMode::Fill);
    }

    pub fn stroke_rect(&mut self, x: f32, top: f32, w: f32, h: f32, c: Rgb, thickness: f32) {
        self.set_stroke(c, thickness);
        self.rect(x, top, w, h, PaintMode::Stroke);
    }

    pub fn polyline(&mut self, points: &[(f32, f32)], c: Rgb, thickness: f32) {
        if points.len() < 2 {
            return;
        }
        self.set_stroke(c, thickness);
        self.content.push(Op::DrawLine {
            line: PLine {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: pt(x, y),
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        });
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, c: Rgb, thickness: f32) {
        self.polyline(&[(x1, y), (x2, y)], c, thickness);
    }

    pub fn link(&mut self, link: Link) {
        self.links.push(link);
    }

    /// Ends the text operation being built, if it holds anything.
    fn flush(&mut self, show: &mut Show) {
        if !show.items.is_empty() {
            let items = std::mem::take(&mut show.items);
            self.content.push(Op::ShowText { items });
        }
    }

    /// Text in the current text section, switching faces where the
    /// style's face lacks a character and the fallback face has it.
    fn show_text(&mut self, fonts: &FontIds, show: &mut Show, size: f32, style: Style, text: &str) {
        let m = fonts.metrics;
        let mut start = 0;
        for (i, c) in text.char_indices() {
            let face = m.glyph(style, c).face;
            if show.face != Some(face) {
                self.push_run(show, &text[start..i]);
                start = i;
                self.flush(show);
                self.set_font(fonts, face, size);
                show.face = Some(face);
            }
        }
        self.push_run(show, &text[start..]);
    }

    /// Appends text of the current face, merged with the text before it
    /// when nothing separates them.
    fn push_run(&mut self, show: &mut Show, run: &str) {
        if run.is_empty() {
            return;
        }
        match show.items.last_mut() {
            Some(TextItem::Text(t)) => t.push_str(run),
            _ => show.items.push(TextItem::Text(run.to_string())),
        }
    }

    fn kern(show: &mut Show, k: f32) {
        // A leading kern moves nothing visible.
        if !show.items.is_empty() {
            show.items.push(TextItem::Offset(k));
        }
    }

    /// Opens a text section at (x, baseline): one section per call,
    /// because the cursor move is relative inside a section.
    fn begin_text(&mut self, x: f32, baseline: f32, c: Rgb) -> Show {
        self.set_fill(c);
        self.content.push(Op::StartTextSection);
        self.content.push(Op::SetTextCursor {
            pos: pt(x, baseline),
        });
        Show {
            face: None,
            items: Vec::new(),
        }
    }

    fn end_text(&mut self, mut show: Show) {
        self.flush(&mut show);
        self.content.push(Op::EndTextSection);
    }

    /// Show text items starting at (x, baseline).
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
        let mut show = self.begin_text(x, baseline, c);
        for item in items {
            match *item {
                Item::Kern(k) => Self::kern(&mut show, k),
                Item::Text(style, text) => self.show_text(fonts, &mut show, size, style, text),
            }
        }
        self.end_text(show);
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
    /// every word through text offsets: word spacing would be ignored,
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
        let kern = -extra * 1000.0 / size;
        let mut show = self.begin_text(x, baseline, c);
        for (i, word) in line.words.iter().enumerate() {
            for frag in word.frags() {
                self.show_text(fonts, &mut show, size, frag.style, &frag.text);
            }
            if i < gaps {
                self.show_text(fonts, &mut show, size, word.trailing_style(), " ");
                if extra > 0.0 {
                    Self::kern(&mut show, kern);
                }
            }
        }
        self.end_text(show);
    }

    /// Big diagonal text across the page centre (the draft watermark),
    /// saving and restoring the graphics state so that it leaves the page's
    /// state as it found it.
    pub fn diagonal_text(&mut self, fonts: &FontIds, s: &str, size: f32, c: Rgb, page_w: f32) {
        let angle = 45f32.to_radians();
        let (sin, cos) = angle.sin_cos();
        let w = fonts.metrics.width(Style::Bold, s, size);
        let cap = size * 0.714;
        let (cx, cy) = (page_w / 2.0, PAGE_H / 2.0);
        // Start point so that the text's centre lands on the page centre.
        let x = cx - (w / 2.0) * cos + (cap / 2.0) * sin;
        let y = cy - (w / 2.0) * sin - (cap / 2.0) * cos;
        let saved = self.state;
        self.content.push(Op::SaveGraphicsState);
        self.set_fill(c);
        self.content.push(Op::StartTextSection);
        self.content.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
        });
        let mut show = Show {
            face: None,
            items: Vec::new(),
        };
        self.show_text(fonts, &mut show, size, Style::Bold, s);
        self.end_text(show);
        self.content.push(Op::RestoreGraphicsState);
        self.state = saved;
    }
}
