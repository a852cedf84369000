//! The styles, built with docx-rs. All the look lives here, in named
//! styles, so a buyer who edits the file in Word or LibreOffice finds
//! ordinary "Heading 1", "Normal"… styles (navigation pane, TOC, restyling
//! all work) instead of direct formatting on every paragraph. The default
//! language and the `w:default` flags are added by `additions.rs`.

use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, ParagraphProperty, RunFonts, RunProperty, Shading,
    ShdType, Style, StyleType, Tab, TableCellMargins, WidthType,
};

use super::page::TEXT_W;
use super::text::right_dot_tab;

/// Dark blue of titles and rules.
pub const BLUE: &str = "1F3A5F";
/// Thin rules and table borders.
pub const GREY_RULE: &str = "A6A6A6";
/// Header row of tables.
pub const HEADER_FILL: &str = "DCE6F0";

fn arial() -> RunFonts {
    RunFonts::new()
        .ascii("Arial")
        .east_asia("Arial")
        .hi_ansi("Arial")
        .cs("Arial")
}

fn spacing(before: Option<u32>, after: u32, line: Option<(i32, LineSpacingType)>) -> LineSpacing {
    let mut s = LineSpacing::new().after(after);
    if let Some(b) = before {
        s = s.before(b);
    }
    if let Some((l, rule)) = line {
        s = s.line(l).line_rule(rule);
    }
    s
}

const SINGLE: Option<(i32, LineSpacingType)> = Some((240, LineSpacingType::Auto));

fn para(id: &str, name: &str, ppr: ParagraphProperty, rpr: RunProperty) -> Style {
    let mut s = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal");
    s.paragraph_property = ppr;
    s.run_property = rpr;
    s
}

fn bottom_rule(size: usize, space: usize, color: &str) -> ParagraphBorders {
    ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(size)
            .space(space)
            .color(color),
    )
}

/// Adds the document defaults and every style.
pub fn add_to(docx: Docx) -> Docx {
    let pp = ParagraphProperty::new;
    let rp = RunProperty::new;
    let left = AlignmentType::Left;
    // Defaults: Arial everywhere (Word has it; LibreOffice maps it to the
    // metric-compatible Liberation Sans).
    let mut docx = docx
        .default_fonts(arial())
        .default_size(20)
        .default_line_spacing(spacing(None, 120, Some((276, LineSpacingType::Auto))));

    let mut normal = Style::new("Normal", StyleType::Paragraph).name("Normal");
    normal.paragraph_property = pp()
        .widow_control(true)
        .line_spacing(spacing(None, 120, Some((276, LineSpacingType::Auto))))
        .align(AlignmentType::Both);
    // Repeats the defaults so tools that read only the style see them.
    normal.run_property = rp().fonts(arial()).size(20);

    let keep = |p: ParagraphProperty| p.keep_next(true).keep_lines(true);
    let bold_blue = |size| rp().bold().color(BLUE).size(size);
    let styles = vec![
        normal,
        para(
            "Heading1",
            "heading 1",
            keep(pp())
                .set_borders(bottom_rule(8, 2, BLUE))
                .line_spacing(spacing(Some(360), 160, SINGLE))
                .align(left)
                .outline_lvl(0),
            bold_blue(28),
        ),
        para(
            "Heading2",
            "heading 2",
            keep(pp())
                .line_spacing(spacing(Some(240), 100, SINGLE))
                .align(left)
                .outline_lvl(1),
            bold_blue(23),
        ),
        para(
            "Heading3",
            "heading 3",
            keep(pp())
                .line_spacing(spacing(Some(180), 80, None))
                .align(left)
                .outline_lvl(2),
            rp().bold().italic(),
        ),
        // Note: a shaded block with a blue rule on its left, like a callout.
        para(
            "Note",
            "Note",
            pp().set_borders(
                ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Left)
                        .val(BorderType::Single)
                        .size(18)
                        .space(6)
                        .color(BLUE),
                ),
            )
            .shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill("EAF1F8"),
            )
            .line_spacing(spacing(Some(120), 180, None))
            .indent(Some(170), None, Some(113), None),
            rp().size(19),
        ),
        // A small note introduces what follows (« Critère : … — 15 points »
        // above an answer box): it stays on the same page.
        para(
            "Small",
            "Small",
            pp().keep_next(true),
            rp().color("595959").size(17),
        ),
        para(
            "ListParagraph",
            "List Paragraph",
            pp().line_spacing(spacing(None, 60, None)),
            rp(),
        ),
        // Tables: tighter text, left aligned (justified narrow columns gape).
        para(
            "TableText",
            "Table Text",
            pp().line_spacing(spacing(Some(40), 40, SINGLE)).align(left),
            rp().size(18),
        ),
        para(
            "TableHeading",
            "Table Heading",
            pp().keep_next(true),
            rp().bold(),
        )
        .based_on("TableText"),
        // Forms.
        para(
            "FieldLabel",
            "Field Label",
            pp().keep_next(true)
                .line_spacing(spacing(Some(160), 60, None))
                .align(left),
            rp().bold(),
        ),
        para(
            "FieldText",
            "Field Text",
            pp().line_spacing(spacing(Some(40), 40, None)).align(left),
            rp(),
        ),
        para(
            "CheckboxItem",
            "Checkbox Item",
            pp().add_tab(Tab::new().val(docx_rs::TabValueType::Left).pos(397))
                .line_spacing(spacing(None, 80, None))
                .indent(
                    Some(397),
                    Some(docx_rs::SpecialIndentType::Hanging(397)),
                    None,
                    None,
                )
                .align(left),
            rp(),
        ),
        {
            let mut s = Style::new(super::fields::PLACEHOLDER_STYLE, StyleType::Character)
                .name("Answer Hint")
                .q_format(false)
                .ui_priority(99)
                .semi_hidden();
            s.run_property = rp().color("808080");
            s
        },
        // Cover page.
        para(
            "CoverBuyer",
            "Cover Buyer",
            pp().line_spacing(spacing(None, 0, None)).align(left),
            bold_blue(26),
        ),
        para(
            "CoverKicker",
            "Cover Kicker",
            pp().line_spacing(spacing(Some(3600), 120, None))
                .align(left),
            rp().caps().color("595959").spacing(10).size(22),
        ),
        para(
            "CoverTitle",
            "Cover Title",
            pp().line_spacing(spacing(None, 480, SINGLE)).align(left),
            bold_blue(44),
        ),
        para(
            "CoverFactLabel",
            "Cover Fact Label",
            pp().line_spacing(spacing(Some(80), 80, SINGLE)).align(left),
            rp().bold().color("595959"),
        ),
        para(
            "CoverFact",
            "Cover Fact",
            pp().line_spacing(spacing(Some(80), 80, SINGLE)).align(left),
            rp(),
        ),
        // Air below tables; fixed height so it reads as spacing, not a blank line.
        para(
            "TableGap",
            "Table Gap",
            pp().line_spacing(spacing(Some(0), 0, Some((160, LineSpacingType::Exact)))),
            rp().size(8),
        ),
        // Page furniture.
        para(
            "Header",
            "header",
            pp().set_borders(bottom_rule(4, 4, GREY_RULE))
                .line_spacing(spacing(None, 0, SINGLE))
                .align(left),
            rp().color("808080").size(16),
        ),
        para(
            "HeaderEmpty",
            "Header Empty",
            pp().line_spacing(spacing(None, 0, SINGLE)),
            rp().size(16),
        ),
        para(
            "Footer",
            "footer",
            pp().line_spacing(spacing(None, 0, SINGLE))
                .align(AlignmentType::Right),
            rp().color("808080").size(16),
        ),
        // Table of contents: Word's own style ids, so "Update table" keeps them.
        para(
            "TOCHeading",
            "TOC Heading",
            pp().keep_next(true)
                .line_spacing(spacing(Some(0), 240, None))
                .align(left),
            bold_blue(28),
        ),
        para(
            "TOC1",
            "toc 1",
            pp().add_tab(right_dot_tab(TEXT_W))
                .line_spacing(spacing(Some(120), 40, None))
                .align(left),
            rp().bold(),
        ),
        para(
            "TOC2",
            "toc 2",
            pp().add_tab(right_dot_tab(TEXT_W))
                .line_spacing(spacing(None, 40, None))
                .indent(Some(284), None, None, None)
                .align(left),
            rp(),
        ),
        Style::new("TableNormal", StyleType::Table)
            .name("Normal Table")
            .q_format(false)
            .ui_priority(99)
            .semi_hidden()
            .unhide_when_used()
            .table_indent(0)
            .margins(
                TableCellMargins::new()
                    .margin_top(0, WidthType::Dxa)
                    .margin_left(108, WidthType::Dxa)
                    .margin_bottom(0, WidthType::Dxa)
                    .margin_right(108, WidthType::Dxa),
            ),
    ];
    for s in styles {
        docx = docx.add_style(s);
    }
    docx
}
