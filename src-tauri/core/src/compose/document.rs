//! The intermediate document (IR): what every renderer (PDF, DOCX, HTML
//! preview) draws, so that all outputs say exactly the same thing.
//!
//! Text here is final: French typography (narrow no-break spaces, « »,
//! formatted amounts and dates) is applied while composing, never while
//! rendering.

use serde::Serialize;

/// A whole document, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub meta: Meta,
    /// Shown on the front page, before the table of contents.
    pub cover: Cover,
    /// Text of the running header on every page but the cover.
    pub running_header: String,
    pub blocks: Vec<Block>,
}

/// Document properties (PDF info dictionary, DOCX core properties).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub author: String,
    /// BCP 47 tag, always `fr-FR` for now.
    pub language: String,
    /// The dossier's uid, on the pieces that are filled in and read back
    /// (response frames), so a file of another dossier is recognised;
    /// empty on the others.
    pub identifier: String,
}

/// The front page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cover {
    /// The buyer, e.g. « Commune de Saint-Julien-des-Prés ».
    pub buyer: String,
    /// Small line above the title, e.g. « Dossier de consultation des entreprises ».
    pub kicker: String,
    /// The object of the purchase, in large type.
    pub title: String,
    /// Label / value pairs listed under the title (reference, procedure,
    /// deadline, contacts…).
    pub facts: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Block {
    /// Table of contents of the headings that follow (levels 1 and 2).
    TableOfContents,
    Heading(Heading),
    Paragraph(Paragraph),
    List(List),
    Table(Table),
    /// A framed area a bidder writes in (response frames, commitment part).
    AnswerField(AnswerField),
    /// A box to tick, with its label.
    Checkbox(Checkbox),
    /// A one-line box for a figure, with its unit beside it.
    Figure(FigureField),
    PageBreak,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 1 = article, 2 = sub-article, 3 = paragraph heading.
    pub level: u8,
    /// « 1 », « 1.2 », « 1.2.3 »; empty for unnumbered headings.
    pub number: String,
    pub text: String,
}

impl Heading {
    /// The heading as shown: « 1.2 Objet » or just the text.
    pub fn label(&self) -> String {
        if self.number.is_empty() {
            self.text.clone()
        } else {
            format!("{} {}", self.number, self.text)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub style: ParagraphStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ParagraphStyle {
    /// Justified body text.
    Body,
    /// A highlighted explanatory note (framed / shaded).
    Note,
    /// Smaller print (legal references, footnotes).
    Small,
}

/// A span of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct List {
    pub ordered: bool,
    /// Each item is one paragraph of runs.
    pub items: Vec<Vec<Run>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Column titles; the header row repeats on every page the table spans.
    pub header: Vec<String>,
    /// Relative column widths (any unit; renderers scale them to the text width).
    pub widths: Vec<u16>,
    /// Each row has one cell per column; each cell is a list of runs.
    pub rows: Vec<Vec<Vec<Run>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerField {
    /// Stable identifier, used as the form field name (PDF) / tag (DOCX).
    pub id: String,
    pub label: String,
    /// Grey text shown in the empty field.
    pub placeholder: String,
    /// Height of the field, in text lines.
    pub lines: u16,
}

/// A number the bidder writes, in `unit`: the PDF field accepts numbers
/// only (where the reader runs form scripts).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureField {
    pub id: String,
    pub label: String,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkbox {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

/// Options every renderer honours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// Draft exports carry a « PROJET » watermark on every page.
    pub draft: bool,
}

impl Document {
    /// Every heading, in order (table of contents, outline, tests).
    pub fn headings(&self) -> impl Iterator<Item = &Heading> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            _ => None,
        })
    }
}
