//! Runs and paragraphs, built with docx-rs. Every piece of IR text passes
//! through [`clean`]: docx-rs escapes markup characters in text but passes
//! on the characters XML 1.0 forbids (most C0 controls), and a single one
//! makes Word refuse the whole file.

use std::borrow::Cow;

use docx_rs::{
    BreakType, FieldCharType, IndentLevel, InstrText, NumberingId, Paragraph, Run, RunFonts, Tab,
    TabLeaderType, TabValueType,
};

use crate::compose::document::Run as IrRun;

/// Properties of one paragraph; everything else comes from its style.
#[derive(Default)]
pub struct PPr<'a> {
    pub style: Option<&'a str>,
    pub page_break_before: bool,
    /// `(numId, ilvl)`.
    pub num: Option<(usize, usize)>,
    /// Right tab stop with dot leader at this position (twips).
    pub right_dot_tab: Option<usize>,
}

impl PPr<'_> {
    pub fn style(style: &str) -> PPr<'_> {
        PPr {
            style: Some(style),
            ..Default::default()
        }
    }

    /// An empty paragraph with these properties.
    pub fn paragraph(&self) -> Paragraph {
        let mut p = Paragraph::new();
        if let Some(s) = self.style {
            p = p.style(s);
        }
        if self.page_break_before {
            p = p.page_break_before(true);
        }
        if let Some((id, lvl)) = self.num {
            p = p.numbering(NumberingId::new(id), IndentLevel::new(lvl));
        }
        if let Some(pos) = self.right_dot_tab {
            p = p.add_tab(right_dot_tab(pos));
        }
        p
    }
}

/// The tab stop of TOC lines: right aligned at `pos`, dot leader.
pub fn right_dot_tab(pos: usize) -> Tab {
    Tab::new()
        .val(TabValueType::Right)
        .leader(TabLeaderType::Dot)
        .pos(pos)
}

/// Character formatting of one run.
#[derive(Default, Clone, Copy)]
pub struct RPr<'a> {
    pub style: Option<&'a str>,
    /// Font for every script (checkbox glyphs need a symbol font).
    pub font: Option<&'a str>,
    pub bold: bool,
    pub italic: bool,
}

impl RPr<'_> {
    fn apply(&self, mut r: Run) -> Run {
        if let Some(s) = self.style {
            r = r.style(s);
        }
        if let Some(f) = self.font {
            r = r.fonts(
                RunFonts::new()
                    .ascii(f)
                    .east_asia(f)
                    .hi_ansi(f)
                    .cs(f)
                    .hint("eastAsia"),
            );
        }
        if self.bold {
            r = r.bold();
        }
        if self.italic {
            r = r.italic();
        }
        r
    }
}

/// Text without the characters XML 1.0 forbids.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|c| is_xml_char(*c)).collect())
    }
}

/// XML 1.0 `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// One run per IR text: tabs become `w:tab`, line feeds `w:br`, so
/// multi-line IR text keeps its shape instead of collapsing into spaces.
pub fn run(text: &str, rpr: RPr) -> Run {
    let mut r = rpr.apply(Run::new());
    let text = clean(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.trim_end_matches('\r').split('\t').enumerate() {
            if j > 0 {
                r = r.add_tab();
            }
            if !piece.is_empty() {
                r = r.add_text(piece);
            }
        }
    }
    r
}

pub fn ir_runs(mut p: Paragraph, runs: &[IrRun]) -> Paragraph {
    for r in runs {
        p = p.add_run(run(
            &r.text,
            RPr {
                bold: r.bold,
                italic: r.italic,
                ..Default::default()
            },
        ));
    }
    p
}

/// A whole paragraph of plain text.
pub fn paragraph(ppr: &PPr, text: &str, rpr: RPr) -> Paragraph {
    let p = ppr.paragraph();
    if text.is_empty() {
        p
    } else {
        p.add_run(run(text, rpr))
    }
}

/// A whole paragraph of IR runs.
pub fn ir_paragraph(ppr: &PPr, runs: &[IrRun]) -> Paragraph {
    ir_runs(ppr.paragraph(), runs)
}

/// A complex field (`begin`, instruction, `separate`, cached result, `end`)
/// as sibling runs. The cached result is what readers show before they
/// update fields, so callers pass something sensible.
pub fn field(p: Paragraph, instr: InstrText, cached: &str) -> Paragraph {
    p.add_run(fld_char(FieldCharType::Begin))
        .add_run(Run::new().add_instr_text(instr))
        .add_run(fld_char(FieldCharType::Separate))
        .add_run(run(cached, RPr::default()))
        .add_run(fld_char(FieldCharType::End))
}

pub fn fld_char(kind: FieldCharType) -> Run {
    Run::new().add_field_char(kind, false)
}
