//! Drawing primitives on one page, in top-down layout coordinates
//! (y measured from the top edge, as the layout thinks), translated here to
//! PDF's bottom-up space and printpdf operations.

use super::fonts::{Metrics, Style};
use super::style::{Rgb, PAGE_H};
use super::text::Line;
use printpdf::{
    Color, FontId, Line as PLine, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    TextItem, TextMatrix,
};

/// printpdf handles of the four embedded faces.
#[derive(Debug, Clone)]
pub struct FontIds(pub [FontId; 4]);

impl FontIds {
    fn handle(&self, s: Style) -> PdfFontHandle {
        PdfFontHandle::External(self.0[s.index()].clone())
    }
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

/// The operations of one page.
#[derive(Debug, Default, Clone)]
pub struct Canvas {
    pub ops: Vec<Op>,
}

// Drawing calls take positions, size and colour as plain numbers, the way
// the layout computes them; bundling them in a struct would only move the noise.
#[allow(clippy::too_many_arguments)]
impl Canvas {
    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, mode: PaintMode) {
        self.ops.push(Op::DrawRectangle {
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
        self.ops.push(Op::SetFillColor { col: color(c) });
        self.rect(x, top, w, h, PaintMode::Fill);
    }

    pub fn stroke_rect(&mut self, x: f32, top: f32, w: f32, h: f32, c: Rgb, thickness: f32) {
        self.ops.push(Op::SetOutlineColor { col: color(c) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.rect(x, top, w, h, PaintMode::Stroke);
    }

    pub fn polyline(&mut self, points: &[(f32, f32)], c: Rgb, thickness: f32) {
        self.ops.push(Op::SetOutlineColor { col: color(c) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
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

    /// Show text items starting at (x, baseline); one text object per call
    /// because the cursor move (Td) is relative inside a text object.
    pub fn text_items(
        &mut self,
        fonts: &FontIds,
        x: f32,
        baseline: f32,
        size: f32,
        c: Rgb,
        groups: Vec<(Style, Vec<TextItem>)>,
    ) {
        if groups.is_empty() {
            return;
        }
        self.ops.push(Op::SetFillColor { col: color(c) });
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetTextCursor {
            pos: pt(x, baseline),
        });
        for (style, items) in groups {
            self.ops.push(Op::SetFont {
                font: fonts.handle(style),
                size: Pt(size),
            });
            self.ops.push(Op::ShowText { items });
        }
        self.ops.push(Op::EndTextSection);
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
        if !s.is_empty() {
            self.text_items(
                fonts,
                x,
                baseline,
                size,
                c,
                vec![(style, vec![TextItem::Text(s.to_string())])],
            );
        }
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
        let mut groups: Vec<(Style, Vec<TextItem>)> = Vec::new();
        let mut push = |style: Style, item: TextItem| match groups.last_mut() {
            Some((s, items)) if *s == style => items.push(item),
            _ => groups.push((style, vec![item])),
        };
        for (i, word) in line.words.iter().enumerate() {
            for frag in &word.frags {
                push(frag.style, TextItem::Text(frag.text.clone()));
            }
            if i < gaps {
                push(word.trailing_style(), TextItem::Text(" ".into()));
                if extra > 0.0 {
                    push(
                        word.trailing_style(),
                        TextItem::Offset(-extra * 1000.0 / size),
                    );
                }
            }
        }
        self.text_items(fonts, x, baseline, size, c, groups);
    }

    /// Big diagonal text across the page centre (the draft watermark).
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
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetFillColor { col: color(c) });
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont {
            font: fonts.handle(Style::Bold),
            size: Pt(size),
        });
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(s.to_string())],
        });
        self.ops.push(Op::EndTextSection);
        self.ops.push(Op::RestoreGraphicsState);
    }
}
