//! The page-filling engine: walks the blocks top-down, decides page breaks
//! (keep-with-next, widows and orphans) and records where headings and form
//! fields landed, for the table of contents, the outline and the AcroForm.

use super::fonts::{Metrics, Style};
use super::paint::{Canvas, FontIds};
use super::style::*;
use super::text::{self, break_lines, Line};
use crate::compose::document::{
    AnswerField, Block, Checkbox, Document, FigureField, Heading, List, Paragraph, ParagraphStyle,
};

/// Side of a check box.
const CHECK_BOX: f32 = 9.0;

/// Grey text of an empty figure box.
const FIGURE_PLACEHOLDER: &str = "Nombre";

/// Where a heading was drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingMark {
    pub level: u8,
    pub label: String,
    /// 0-based page index (the cover is page 0).
    pub page: usize,
    /// PDF y (bottom-up) just above the heading, for /XYZ destinations.
    pub top: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text {
        multiline: bool,
    },
    /// A one-line field that takes a number (its unit is drawn beside it).
    Number,
    Check {
        checked: bool,
    },
}

/// A form field to create over a drawn box.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldMark {
    pub id: String,
    pub page: usize,
    /// PDF rectangle: llx, lly, urx, ury.
    pub rect: [f32; 4],
    pub kind: FieldKind,
    pub placeholder: String,
}

pub struct Laid {
    pub pages: Vec<Canvas>,
    pub headings: Vec<HeadingMark>,
    pub fields: Vec<FieldMark>,
    /// How many pages there were when the table of contents ended.
    pub toc_end: Option<usize>,
}

/// How a run of lines is set.
pub struct Flow {
    pub x: f32,
    pub width: f32,
    pub size: f32,
    pub color: super::style::Rgb,
    pub justify: bool,
    /// Shaded note box behind the lines: (box x, box width).
    pub note: Option<(f32, f32)>,
    /// Bullet or number drawn on the first line: (text, x).
    pub marker: Option<(String, f32)>,
}

const NOTE_PAD: f32 = 5.0;

/// Lines of a paragraph that must fit under a heading for `flow` to start
/// it on the same page: two, or three when the third would be a widow.
fn first_lines(total: usize) -> usize {
    if total == 3 {
        3
    } else {
        total.min(2)
    }
}

pub struct Engine<'a> {
    pub m: &'static Metrics,
    pub fonts: &'a FontIds,
    /// Hyphenation points found so far and scratch room, shared by the
    /// passes of one render.
    pub breaker: &'a text::Breaker,
    /// Heading positions from the previous pass: the table of contents
    /// needs page numbers before the pages exist.
    pub known: Option<&'a [HeadingMark]>,
    pub pages: Vec<Canvas>,
    pub y: f32,
    pub headings: Vec<HeadingMark>,
    pub fields: Vec<FieldMark>,
}

impl<'a> Engine<'a> {
    pub fn new(
        m: &'static Metrics,
        fonts: &'a FontIds,
        breaker: &'a text::Breaker,
        known: Option<&'a [HeadingMark]>,
    ) -> Self {
        Engine {
            m,
            fonts,
            breaker,
            known,
            pages: Vec::new(),
            y: BODY_TOP,
            headings: Vec::new(),
            fields: Vec::new(),
        }
    }

    pub fn run(self, doc: &Document) -> Laid {
        self.run_until(doc, doc.blocks.len())
    }

    /// Lays out the cover and the first `stop` blocks.
    pub fn run_until(mut self, doc: &Document, stop: usize) -> Laid {
        let mut toc_end = None;
        self.pages.push(Canvas::default());
        super::cover::draw(&mut self, &doc.cover);
        if !doc.blocks.is_empty() {
            self.new_page();
        }
        for (i, block) in doc.blocks.iter().enumerate().take(stop) {
            let next = doc.blocks.get(i + 1);
            match block {
                Block::TableOfContents => {
                    super::toc::draw(&mut self, &doc.blocks[i + 1..]);
                    toc_end = Some(self.pages.len());
                }
                Block::Heading(h) => self.heading(h, &doc.blocks[i + 1..]),
                Block::Paragraph(p) => {
                    if let Some(a) = Self::introduced_field(p, next) {
                        self.ensure(self.paragraph_height(p) + self.answer_height(a));
                    }
                    self.paragraph(p)
                }
                Block::List(l) => self.list(l),
                Block::Table(t) => {
                    // A note right after a table explains it: it follows the last row.
                    let keep = match next {
                        Some(Block::Paragraph(p)) if p.style == ParagraphStyle::Note => {
                            self.min_start(&doc.blocks[i + 1])
                        }
                        _ => 0.0,
                    };
                    super::table::draw(&mut self, t, keep)
                }
                Block::AnswerField(a) => {
                    let first_of_run =
                        i == 0 || !matches!(doc.blocks[i - 1], Block::AnswerField(_));
                    if first_of_run {
                        self.ensure(self.fields_run_height(&doc.blocks[i..]));
                    }
                    self.answer_field(a)
                }
                Block::Checkbox(c) => self.checkbox(c),
                Block::Figure(f) => {
                    self.ensure(self.figure_group_height(f, &doc.blocks[i + 1..]));
                    self.figure(f)
                }
                Block::PageBreak => {
                    if !self.at_top() {
                        self.new_page();
                    }
                }
            }
        }
        // A page break or the contents' own page break as the last block
        // leaves an empty page behind; nothing refers to it.
        while self.pages.len() > 1 && self.pages.last().is_some_and(|p| p.is_empty()) {
            self.pages.pop();
        }
        Laid {
            pages: self.pages,
            headings: self.headings,
            fields: self.fields,
            toc_end,
        }
    }

    // --- page state -------------------------------------------------------

    pub fn new_page(&mut self) {
        // Room for about as much as the last page held, and the running
        // header, footer and watermark added later: the content then grows
        // without being copied again and again.
        let hint = self.pages.last().map_or(0, |p| p.content.len()) + 32;
        self.pages.push(Canvas::with_capacity(hint));
        self.y = BODY_TOP;
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    pub fn canvas(&mut self) -> &mut Canvas {
        self.pages.last_mut().expect("the cover page always exists")
    }

    pub fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.01
    }

    pub fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Vertical space before a block; swallowed at the top of a page.
    pub fn space(&mut self, s: f32) {
        if !self.at_top() {
            self.y += s;
        }
    }

    /// Start a new page unless `h` still fits (or we are already at a top).
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > BODY_BOTTOM + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    pub fn lines<'w>(&self, words: Vec<text::Word<'w>>, width: f32, size: f32) -> Vec<Line<'w>> {
        break_lines(words, width, size, self.m, self.breaker)
    }

    /// Like `lines`, without hyphenation (titles, labels).
    pub fn title_lines<'w>(
        &self,
        words: Vec<text::Word<'w>>,
        width: f32,
        size: f32,
    ) -> Vec<Line<'w>> {
        text::break_title(words, width, size, self.m)
    }

    // --- flowing text -----------------------------------------------------

    /// Set lines at the cursor, across pages as needed: never a lone first
    /// line at a page bottom (orphan) nor a lone last line at a page top
    /// (widow) when the paragraph can avoid it.
    pub fn flow(&mut self, lines: &[Line], f: &Flow) {
        let lh = line_height(f.size);
        let pad = if f.note.is_some() { NOTE_PAD } else { 0.0 };
        let total = lines.len();
        let mut i = 0;
        while i < total {
            let avail = (((self.room() - 2.0 * pad) / lh) + 1e-3).floor().max(0.0) as usize;
            let left = total - i;
            let mut n = avail.min(left);
            if n < left {
                if left - n == 1 && n >= 2 {
                    n -= 1; // keep two lines together on the next page
                }
                if i == 0 && n == 1 && left >= 2 {
                    n = 0; // no orphan
                }
            }
            if n == 0 {
                if self.at_top() {
                    n = 1; // a page too short for a line: still advance
                } else {
                    self.new_page();
                    continue;
                }
            }
            let top = self.y;
            let h = n as f32 * lh + 2.0 * pad;
            if let Some((bx, bw)) = f.note {
                let c = self.canvas();
                c.fill_rect(bx, top, bw, h, NOTE_BG);
                c.fill_rect(bx, top, 2.5, h, NOTE_BAR);
            }
            for (k, line) in lines[i..i + n].iter().enumerate() {
                let baseline = top + pad + k as f32 * lh + baseline_offset(f.size, lh);
                if i + k == 0 {
                    if let Some((marker, mx)) = &f.marker {
                        let fonts = self.fonts;
                        self.canvas().text(
                            fonts,
                            Style::Regular,
                            marker,
                            *mx,
                            baseline,
                            f.size,
                            f.color,
                        );
                    }
                }
                let fonts = self.fonts;
                self.canvas().line(
                    fonts, line, f.x, baseline, f.size, f.color, f.width, f.justify,
                );
            }
            self.y = top + h;
            i += n;
            if i < total {
                self.new_page();
            }
        }
    }

    fn body_flow(&self, style: ParagraphStyle) -> Flow {
        match style {
            ParagraphStyle::Body => Flow {
                x: MARGIN_X,
                width: BODY_W,
                size: BODY_SIZE,
                color: TEXT,
                justify: true,
                note: None,
                marker: None,
            },
            ParagraphStyle::Small => Flow {
                x: MARGIN_X,
                width: BODY_W,
                size: SMALL_SIZE,
                color: GREY,
                justify: true,
                note: None,
                marker: None,
            },
            ParagraphStyle::Note => Flow {
                x: MARGIN_X + 12.0,
                width: BODY_W - 20.0,
                size: BODY_SIZE,
                color: TEXT,
                justify: true,
                note: Some((MARGIN_X, BODY_W)),
                marker: None,
            },
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let f = self.body_flow(p.style);
        let lines = self.lines(text::words(&p.runs, false, false), f.width, f.size);
        if lines.is_empty() {
            return;
        }
        if p.style == ParagraphStyle::Note {
            self.space(2.0);
        }
        self.flow(&lines, &f);
        self.y += if p.style == ParagraphStyle::Note {
            PARA_AFTER + 2.0
        } else {
            PARA_AFTER
        };
    }

    fn list(&mut self, l: &List) {
        let size = BODY_SIZE;
        let markers: Vec<String> = (0..l.items.len())
            .map(|k| {
                if l.ordered {
                    format!("{}.", k + 1)
                } else {
                    "•".to_string()
                }
            })
            .collect();
        let marker_w = markers
            .iter()
            .map(|s| self.m.width(Style::Regular, s, size))
            .fold(0.0, f32::max);
        let mx = MARGIN_X + 6.0;
        let tx = mx + marker_w + 6.0;
        for (item, marker) in l.items.iter().zip(markers) {
            let f = Flow {
                x: tx,
                width: MARGIN_X + BODY_W - tx,
                size,
                color: TEXT,
                justify: true,
                note: None,
                marker: Some((marker, mx)),
            };
            let lines = self.lines(text::words(item, false, false), f.width, size);
            if lines.is_empty() {
                continue;
            }
            self.flow(&lines, &f);
            self.y += 2.0;
        }
        self.y += PARA_AFTER - 2.0;
    }

    // --- headings ---------------------------------------------------------

    /// (size, style, colour, space before, space after) by level.
    fn heading_style(level: u8) -> (f32, Style, super::style::Rgb, f32, f32) {
        match level {
            0 | 1 => (14.0, Style::Bold, ACCENT, 16.0, 9.0),
            2 => (11.5, Style::Bold, ACCENT, 10.0, 4.0),
            _ => (10.0, Style::BoldItalic, TEXT, 6.0, 3.0),
        }
    }

    fn heading_lines<'w>(&self, label: &'w str, level: u8) -> Vec<Line<'w>> {
        let (size, style, ..) = Self::heading_style(level);
        self.title_lines(text::words_of(label, style), BODY_W, size)
    }

    fn heading_height(&self, h: &Heading) -> f32 {
        let (size, _, _, _, after) = Self::heading_style(h.level);
        self.heading_lines(&h.label(), h.level).len().max(1) as f32 * size * 1.25 + after
    }

    /// A title drawn like a heading (also used for « Sommaire »), returning
    /// the PDF y of its top for link destinations.
    pub fn title_block(&mut self, label: &str, level: u8, keep: f32) -> f32 {
        let (size, _, color, before, after) = Self::heading_style(level);
        let lines = self.heading_lines(label, level);
        let lh = size * 1.25;
        let h = lines.len().max(1) as f32 * lh + after;
        self.space(before);
        self.ensure(h + keep);
        let top = PAGE_H - self.y + 4.0;
        let words_color = color;
        for line in &lines {
            let baseline = self.y + baseline_offset(size, lh);
            let fonts = self.fonts;
            self.canvas().line(
                fonts,
                line,
                MARGIN_X,
                baseline,
                size,
                words_color,
                BODY_W,
                false,
            );
            self.y += lh;
        }
        if level <= 1 {
            let y = self.y + 2.0;
            self.canvas()
                .hline(MARGIN_X, MARGIN_X + BODY_W, y, ACCENT, 0.6);
        }
        self.y += after;
        top
    }

    /// The answer field a small note (« Critère : … — 15 points ») introduces:
    /// the note, its question and the box stay on one page.
    fn introduced_field<'b>(p: &Paragraph, next: Option<&'b Block>) -> Option<&'b AnswerField> {
        match next {
            Some(Block::AnswerField(a)) if p.style == ParagraphStyle::Small => Some(a),
            _ => None,
        }
    }

    fn paragraph_height(&self, p: &Paragraph) -> f32 {
        let f = self.body_flow(p.style);
        let n = self
            .lines(text::words(&p.runs, false, false), f.width, f.size)
            .len();
        n as f32 * line_height(f.size) + PARA_AFTER
    }

    /// Height that must follow a heading on its page: the start of the next
    /// block; a whole question (its note and answer box); or a short
    /// introduction together with the sub-heading after it and what that
    /// one needs, so that a section title never ends a page alone.
    fn keep_after(&self, rest: &[Block]) -> f32 {
        match rest {
            [Block::Paragraph(p), Block::AnswerField(a), ..]
                if p.style == ParagraphStyle::Small =>
            {
                self.paragraph_height(p) + self.answer_height(a)
            }
            [Block::Paragraph(p), Block::Heading(h), tail @ ..] if self.is_short(p) => {
                let (_, _, _, before, _) = Self::heading_style(h.level);
                self.paragraph_height(p) + before + self.heading_height(h) + self.keep_after(tail)
            }
            [Block::Paragraph(p), tail @ ..]
                if self.is_short(p) && matches!(tail.first(), Some(Block::AnswerField(_))) =>
            {
                self.paragraph_height(p) + self.fields_run_height(tail)
            }
            [Block::AnswerField(_), ..] => self.fields_run_height(rest),
            [Block::Paragraph(p), tail @ ..] if self.is_short(p) && Self::leads_to_figure(tail) => {
                self.paragraph_height(p) + self.keep_after(tail)
            }
            [Block::Figure(f), tail @ ..] => self.figure_group_height(f, tail),
            [Block::Heading(h), tail @ ..] => {
                let (_, _, _, before, _) = Self::heading_style(h.level);
                before + self.heading_height(h) + self.keep_after(tail)
            }
            [b, ..] => self.min_start(b),
            [] => 0.0,
        }
    }

    /// Height of the answer boxes that follow one another from the start of
    /// `rest` (the bidder's identification, a signature block): they stay on
    /// one page when they fit on one.
    fn fields_run_height(&self, rest: &[Block]) -> f32 {
        let run: f32 = rest
            .iter()
            .map_while(|b| match b {
                Block::AnswerField(a) => Some(self.answer_height(a)),
                _ => None,
            })
            .sum();
        run.min(BODY_BOTTOM - BODY_TOP)
    }

    /// An introduction of a few lines, kept with what it introduces.
    fn is_short(&self, p: &Paragraph) -> bool {
        let f = self.body_flow(p.style);
        self.lines(text::words(&p.runs, false, false), f.width, f.size)
            .len()
            <= 3
    }

    fn heading(&mut self, h: &Heading, rest: &[Block]) {
        let keep = self.keep_after(rest);
        let top = self.title_block(&h.label(), h.level, keep);
        self.headings.push(HeadingMark {
            level: h.level.clamp(1, 3),
            label: h.label(),
            page: self.page_index(),
            top,
        });
    }

    /// Height the start of a block needs on the same page as the heading
    /// before it: two lines of text, a table's header and first row, a
    /// whole answer field.
    fn min_start(&self, b: &Block) -> f32 {
        let body_lh = line_height(BODY_SIZE);
        match b {
            Block::Paragraph(p) => {
                let f = self.body_flow(p.style);
                let n = self
                    .lines(text::words(&p.runs, false, false), f.width, f.size)
                    .len();
                first_lines(n) as f32 * line_height(f.size)
                    + if f.note.is_some() {
                        2.0 * NOTE_PAD + 2.0
                    } else {
                        0.0
                    }
            }
            Block::List(l) => {
                let n = l
                    .items
                    .first()
                    .map(|i| {
                        self.lines(text::words(i, false, false), BODY_W - 20.0, BODY_SIZE)
                            .len()
                    })
                    .unwrap_or(0);
                first_lines(n) as f32 * body_lh
            }
            Block::Table(t) => super::table::min_start(self, t),
            Block::AnswerField(a) => self.answer_height(a),
            Block::Checkbox(_) => body_lh,
            Block::Figure(f) => self.figure_height(f),
            Block::Heading(h) => {
                let (_, _, _, before, _) = Self::heading_style(h.level);
                before + self.heading_height(h) + 2.0 * body_lh
            }
            Block::TableOfContents | Block::PageBreak => 0.0,
        }
    }

    // --- form parts -------------------------------------------------------

    /// Lines of an answer box, bounded so that one box fits on a page.
    fn answer_lines(a: &AnswerField) -> usize {
        (a.lines as usize).clamp(1, 40)
    }

    fn answer_height(&self, a: &AnswerField) -> f32 {
        let label = self
            .title_lines(text::words_of(&a.label, Style::Bold), BODY_W, BODY_SIZE)
            .len();
        label as f32 * line_height(BODY_SIZE)
            + 3.0
            + Self::answer_lines(a) as f32 * line_height(BODY_SIZE)
            + 8.0
    }

    /// A field's bold label, kept on the page of the box of height `box_h` below it.
    fn field_label(&mut self, label: &str, box_h: f32) {
        let lh = line_height(BODY_SIZE);
        let label = self.title_lines(text::words_of(label, Style::Bold), BODY_W, BODY_SIZE);
        self.space(2.0);
        self.ensure(label.len() as f32 * lh + 3.0 + box_h);
        let f = Flow {
            x: MARGIN_X,
            width: BODY_W,
            size: BODY_SIZE,
            color: TEXT,
            justify: false,
            note: None,
            marker: None,
        };
        self.flow(&label, &f);
        self.y += 3.0;
    }

    fn answer_field(&mut self, a: &AnswerField) {
        let lh = line_height(BODY_SIZE);
        let box_h = Self::answer_lines(a) as f32 * lh + 8.0;
        self.field_label(&a.label, box_h);
        if self.y + box_h > BODY_BOTTOM && !self.at_top() {
            self.new_page();
        }
        let top = self.y;
        self.canvas()
            .stroke_rect(MARGIN_X, top, BODY_W, box_h, RULE_GREY, 0.6);
        let ph_size = 9.0;
        let ph_lh = line_height(ph_size);
        let ph = self.lines(
            text::words_of(&a.placeholder, Style::Italic),
            BODY_W - 12.0,
            ph_size,
        );
        for (k, line) in ph.iter().enumerate() {
            let line_top = top + 4.0 + k as f32 * ph_lh;
            if line_top + ph_lh > top + box_h {
                break;
            }
            let fonts = self.fonts;
            self.canvas().line(
                fonts,
                line,
                MARGIN_X + 6.0,
                line_top + baseline_offset(ph_size, ph_lh),
                ph_size,
                LIGHT_GREY,
                BODY_W - 12.0,
                false,
            );
        }
        self.fields.push(FieldMark {
            id: a.id.clone(),
            page: self.page_index(),
            rect: [
                MARGIN_X,
                PAGE_H - top - box_h,
                MARGIN_X + BODY_W,
                PAGE_H - top,
            ],
            kind: FieldKind::Text {
                multiline: a.lines > 1,
            },
            placeholder: a.placeholder.clone(),
        });
        self.y = top + box_h + PARA_AFTER + 2.0;
    }

    /// Short paragraphs (an explanation, the criterion note) then a figure:
    /// they stay on the figure's page.
    fn leads_to_figure(rest: &[Block]) -> bool {
        match rest {
            [Block::Figure(_), ..] => true,
            [Block::Paragraph(_), tail @ ..] => Self::leads_to_figure(tail),
            _ => false,
        }
    }

    fn figure_height(&self, f: &FigureField) -> f32 {
        let lh = line_height(BODY_SIZE);
        let label = self
            .title_lines(text::words_of(&f.label, Style::Bold), BODY_W, BODY_SIZE)
            .len();
        2.0 + label as f32 * lh + 3.0 + lh + 8.0
    }

    /// A figure, the « non mesuré » box and the justification after it are
    /// one answer: they stay on one page.
    fn figure_group_height(&self, f: &FigureField, rest: &[Block]) -> f32 {
        let mut h = self.figure_height(f) + PARA_AFTER + 2.0;
        let mut rest = rest;
        if let [Block::Checkbox(c), tail @ ..] = rest {
            h += self.checkbox_height(c);
            rest = tail;
        }
        if let [Block::AnswerField(a), ..] = rest {
            h += self.answer_height(a);
        }
        h.min(BODY_BOTTOM - BODY_TOP)
    }

    /// Bold label, a one-line box for the number and the unit beside it.
    fn figure(&mut self, fig: &FigureField) {
        const BOX_W: f32 = 130.0;
        let lh = line_height(BODY_SIZE);
        let box_h = lh + 8.0;
        self.field_label(&fig.label, box_h);
        let top = self.y;
        self.canvas()
            .stroke_rect(MARGIN_X, top, BOX_W, box_h, RULE_GREY, 0.6);
        let fonts = self.fonts;
        let ph_size = 9.0;
        let ph = self.lines(
            text::words_of(FIGURE_PLACEHOLDER, Style::Italic),
            BOX_W - 12.0,
            ph_size,
        );
        if let Some(line) = ph.first() {
            self.canvas().line(
                fonts,
                line,
                MARGIN_X + 6.0,
                top + 4.0 + baseline_offset(ph_size, line_height(ph_size)),
                ph_size,
                LIGHT_GREY,
                BOX_W - 12.0,
                false,
            );
        }
        let unit_x = MARGIN_X + BOX_W + 6.0;
        let unit_w = MARGIN_X + BODY_W - unit_x;
        let unit = self.lines(text::words_of(&fig.unit, Style::Bold), unit_w, BODY_SIZE);
        if let Some(line) = unit.first() {
            self.canvas().line(
                fonts,
                line,
                unit_x,
                top + 4.0 + baseline_offset(BODY_SIZE, lh),
                BODY_SIZE,
                TEXT,
                unit_w,
                false,
            );
        }
        self.fields.push(FieldMark {
            id: fig.id.clone(),
            page: self.page_index(),
            rect: [
                MARGIN_X,
                PAGE_H - top - box_h,
                MARGIN_X + BOX_W,
                PAGE_H - top,
            ],
            kind: FieldKind::Number,
            placeholder: FIGURE_PLACEHOLDER.to_string(),
        });
        self.y = top + box_h + PARA_AFTER;
    }

    fn checkbox_height(&self, c: &Checkbox) -> f32 {
        let tx = MARGIN_X + CHECK_BOX + 7.0;
        let n = self
            .lines(
                text::words_of(&c.label, Style::Regular),
                MARGIN_X + BODY_W - tx,
                BODY_SIZE,
            )
            .len()
            .max(1);
        n as f32 * line_height(BODY_SIZE) + 3.0
    }

    fn checkbox(&mut self, c: &Checkbox) {
        const BOX: f32 = CHECK_BOX;
        let lh = line_height(BODY_SIZE);
        let tx = MARGIN_X + BOX + 7.0;
        let lines = self.lines(
            text::words_of(&c.label, Style::Regular),
            MARGIN_X + BODY_W - tx,
            BODY_SIZE,
        );
        let n = lines.len().max(1);
        // Keep a short label with its box; a very long one may flow on.
        self.ensure((n.min(4)) as f32 * lh);
        let top = self.y + (lh - BOX) / 2.0 + 0.3;
        let bx = MARGIN_X + 1.0;
        {
            let canvas = self.canvas();
            canvas.fill_rect(bx, top, BOX, BOX, WHITE);
            canvas.stroke_rect(bx, top, BOX, BOX, TEXT, 0.7);
            if c.checked {
                canvas.polyline(
                    &[
                        (bx + 1.8, top + 4.8),
                        (bx + 3.8, top + 7.0),
                        (bx + 7.4, top + 1.9),
                    ],
                    ACCENT,
                    1.3,
                );
            }
        }
        self.fields.push(FieldMark {
            id: c.id.clone(),
            page: self.page_index(),
            rect: [bx, PAGE_H - top - BOX, bx + BOX, PAGE_H - top],
            kind: FieldKind::Check { checked: c.checked },
            placeholder: String::new(),
        });
        if lines.is_empty() {
            self.y += lh;
        } else {
            let f = Flow {
                x: tx,
                width: MARGIN_X + BODY_W - tx,
                size: BODY_SIZE,
                color: TEXT,
                justify: false,
                note: None,
                marker: None,
            };
            self.flow(&lines, &f);
        }
        self.y += 3.0;
    }
}
