//! Numbering: one bullet list definition shared by every bulleted list, and
//! one `w:num` per numbered list so each one restarts at 1 (with a single
//! shared `w:num`, the second list of the document would go on from where
//! the first stopped).

use docx_rs::{
    AbstractNumbering, Docx, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering,
    RunFonts, SpecialIndentType, Start, Tab, TabValueType,
};

/// docx-rs always writes its own default list as abstract numbering 1 and
/// numbering 1: ours start at 2 so they never collide.
const ABSTRACT_BULLET: usize = 2;
const ABSTRACT_DECIMAL: usize = 3;
const BULLET_NUM_ID: usize = 2;

/// Hands out numbering ids while the body is written, then adds the
/// definitions.
pub struct Numberings {
    ordered: usize,
}

impl Numberings {
    pub fn new() -> Self {
        Numberings { ordered: 0 }
    }

    pub fn bullets(&self) -> usize {
        BULLET_NUM_ID
    }

    /// A fresh numbering instance for one ordered list.
    pub fn new_ordered(&mut self) -> usize {
        self.ordered += 1;
        BULLET_NUM_ID + self.ordered
    }

    pub fn add_to(&self, docx: Docx) -> Docx {
        let mut docx = docx
            .add_abstract_numbering(abstract_num(ABSTRACT_BULLET, "bullet", "•"))
            .add_abstract_numbering(abstract_num(ABSTRACT_DECIMAL, "decimal", "%1."))
            .add_numbering(Numbering::new(BULLET_NUM_ID, ABSTRACT_BULLET));
        for id in BULLET_NUM_ID + 1..=BULLET_NUM_ID + self.ordered {
            docx = docx.add_numbering(
                Numbering::new(id, ABSTRACT_DECIMAL).add_override(LevelOverride::new(0).start(1)),
            );
        }
        docx
    }
}

/// The IR's lists are flat, so only level 0 is defined.
fn abstract_num(id: usize, format: &str, text: &str) -> AbstractNumbering {
    let mut level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(Some(397), Some(SpecialIndentType::Hanging(284)), None, None)
    .fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"));
    level.paragraph_property = level
        .paragraph_property
        .add_tab(Tab::new().val(TabValueType::Num).pos(397));
    AbstractNumbering::new(id).add_level(level)
}
