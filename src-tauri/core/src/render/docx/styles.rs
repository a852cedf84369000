//! `word/styles.xml`. All the look lives here, in named styles, so a buyer
//! who edits the file in Word or LibreOffice finds ordinary "Heading 1",
//! "Normal"… styles (navigation pane, TOC, restyling all work) instead of
//! direct formatting on every paragraph.

use super::page::TEXT_W;
use super::xml::{lang_tag, DECL};

/// Dark blue of titles and rules.
pub const BLUE: &str = "1F3A5F";
/// Thin rules and table borders.
pub const GREY_RULE: &str = "A6A6A6";
/// Header row of tables.
pub const HEADER_FILL: &str = "DCE6F0";

pub fn styles_xml(language: &str) -> String {
    let lang = lang_tag(language);
    let mut s = String::with_capacity(8 * 1024);
    s.push_str(DECL);
    s.push_str(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    // Defaults: Arial everywhere (Word has it; LibreOffice maps it to the
    // metric-compatible Liberation Sans), French for spelling/hyphenation.
    s.push_str(&format!(
        concat!(
            "<w:docDefaults><w:rPrDefault><w:rPr>",
            r#"<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>"#,
            r#"<w:sz w:val="20"/><w:szCs w:val="20"/>"#,
            r#"<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>"#,
            "</w:rPr></w:rPrDefault>",
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#,
            "</w:docDefaults>"
        ),
        lang = lang
    ));

    para(
        &mut s,
        "Normal",
        "Normal",
        None,
        true,
        r#"<w:widowControl/><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/>"#,
        // Repeats the defaults so tools that read only the style see them.
        r#"<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/>"#,
    );

    let keep = "<w:keepNext/><w:keepLines/>";
    para(
        &mut s,
        "Heading1",
        "heading 1",
        Some("Normal"),
        false,
        &format!(
            concat!(
                "{keep}",
                r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="2" w:color="{blue}"/></w:pBdr>"#,
                r#"<w:spacing w:before="360" w:after="160" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>"#
            ),
            keep = keep,
            blue = BLUE
        ),
        &format!(
            r#"<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="28"/><w:szCs w:val="28"/>"#
        ),
    );
    para(
        &mut s,
        "Heading2",
        "heading 2",
        Some("Normal"),
        false,
        &format!(
            concat!(
                "{keep}",
                r#"<w:spacing w:before="240" w:after="100" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/>"#
            ),
            keep = keep
        ),
        &format!(
            r#"<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="23"/><w:szCs w:val="23"/>"#
        ),
    );
    para(
        &mut s,
        "Heading3",
        "heading 3",
        Some("Normal"),
        false,
        &format!(
            concat!(
                "{keep}",
                r#"<w:spacing w:before="180" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/>"#
            ),
            keep = keep
        ),
        r#"<w:b/><w:bCs/><w:i/><w:iCs/>"#,
    );

    // Note: a shaded block with a blue rule on its left, like a callout.
    para(
        &mut s,
        "Note",
        "Note",
        Some("Normal"),
        false,
        &format!(
            concat!(
                r#"<w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="{blue}"/></w:pBdr>"#,
                r#"<w:shd w:val="clear" w:color="auto" w:fill="EAF1F8"/>"#,
                r#"<w:spacing w:before="120" w:after="180"/><w:ind w:left="170" w:right="113"/>"#
            ),
            blue = BLUE
        ),
        r#"<w:sz w:val="19"/><w:szCs w:val="19"/>"#,
    );
    // A small note introduces what follows (« Critère : … — 15 points »
    // above an answer box): it stays on the same page.
    para(
        &mut s,
        "Small",
        "Small",
        Some("Normal"),
        false,
        "<w:keepNext/>",
        r#"<w:color w:val="595959"/><w:sz w:val="17"/><w:szCs w:val="17"/>"#,
    );

    para(
        &mut s,
        "ListParagraph",
        "List Paragraph",
        Some("Normal"),
        false,
        r#"<w:spacing w:after="60"/>"#,
        "",
    );

    // Tables: tighter text, left aligned (justified narrow columns gape).
    para(
        &mut s,
        "TableText",
        "Table Text",
        Some("Normal"),
        false,
        r#"<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
        r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    );
    para(
        &mut s,
        "TableHeading",
        "Table Heading",
        Some("TableText"),
        false,
        "<w:keepNext/>",
        "<w:b/><w:bCs/>",
    );

    // Forms.
    para(
        &mut s,
        "FieldLabel",
        "Field Label",
        Some("Normal"),
        false,
        r#"<w:keepNext/><w:spacing w:before="160" w:after="60"/><w:jc w:val="left"/>"#,
        "<w:b/><w:bCs/>",
    );
    para(
        &mut s,
        "FieldText",
        "Field Text",
        Some("Normal"),
        false,
        r#"<w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/>"#,
        "",
    );
    para(
        &mut s,
        "CheckboxItem",
        "Checkbox Item",
        Some("Normal"),
        false,
        r#"<w:tabs><w:tab w:val="left" w:pos="397"/></w:tabs><w:spacing w:after="80"/><w:ind w:left="397" w:hanging="397"/><w:jc w:val="left"/>"#,
        "",
    );
    character(
        &mut s,
        super::fields::PLACEHOLDER_STYLE,
        "Answer Hint",
        r#"<w:color w:val="808080"/>"#,
    );

    // Cover page.
    para(
        &mut s,
        "CoverBuyer",
        "Cover Buyer",
        Some("Normal"),
        false,
        r#"<w:spacing w:after="0"/><w:jc w:val="left"/>"#,
        &format!(
            r#"<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="26"/><w:szCs w:val="26"/>"#
        ),
    );
    para(
        &mut s,
        "CoverKicker",
        "Cover Kicker",
        Some("Normal"),
        false,
        r#"<w:spacing w:before="3600" w:after="120"/><w:jc w:val="left"/>"#,
        r#"<w:caps/><w:color w:val="595959"/><w:spacing w:val="10"/><w:sz w:val="22"/><w:szCs w:val="22"/>"#,
    );
    para(
        &mut s,
        "CoverTitle",
        "Cover Title",
        Some("Normal"),
        false,
        r#"<w:spacing w:after="480" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
        &format!(
            r#"<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="44"/><w:szCs w:val="44"/>"#
        ),
    );
    para(
        &mut s,
        "CoverFactLabel",
        "Cover Fact Label",
        Some("Normal"),
        false,
        r#"<w:spacing w:before="80" w:after="80" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
        r#"<w:b/><w:bCs/><w:color w:val="595959"/>"#,
    );
    para(
        &mut s,
        "CoverFact",
        "Cover Fact",
        Some("Normal"),
        false,
        r#"<w:spacing w:before="80" w:after="80" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
        "",
    );
    // Air below tables; fixed height so it reads as spacing, not a blank line.
    para(
        &mut s,
        "TableGap",
        "Table Gap",
        Some("Normal"),
        false,
        r#"<w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>"#,
        r#"<w:sz w:val="8"/><w:szCs w:val="8"/>"#,
    );

    // Page furniture.
    para(
        &mut s,
        "Header",
        "header",
        Some("Normal"),
        false,
        &format!(
            concat!(
                r#"<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{rule}"/></w:pBdr>"#,
                r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#
            ),
            rule = GREY_RULE
        ),
        r#"<w:color w:val="808080"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#,
    );
    para(
        &mut s,
        "HeaderEmpty",
        "Header Empty",
        Some("Normal"),
        false,
        r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>"#,
        r#"<w:sz w:val="16"/><w:szCs w:val="16"/>"#,
    );
    para(
        &mut s,
        "Footer",
        "footer",
        Some("Normal"),
        false,
        r#"<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>"#,
        r#"<w:color w:val="808080"/><w:sz w:val="16"/><w:szCs w:val="16"/>"#,
    );

    // Table of contents: Word's own style ids, so "Update table" keeps them.
    para(
        &mut s,
        "TOCHeading",
        "TOC Heading",
        Some("Normal"),
        false,
        r#"<w:keepNext/><w:spacing w:before="0" w:after="240"/><w:jc w:val="left"/>"#,
        &format!(
            r#"<w:b/><w:bCs/><w:color w:val="{BLUE}"/><w:sz w:val="28"/><w:szCs w:val="28"/>"#
        ),
    );
    let toc_tab =
        format!(r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>"#);
    para(
        &mut s,
        "TOC1",
        "toc 1",
        Some("Normal"),
        false,
        &format!(r#"{toc_tab}<w:spacing w:before="120" w:after="40"/><w:jc w:val="left"/>"#),
        "<w:b/><w:bCs/>",
    );
    para(
        &mut s,
        "TOC2",
        "toc 2",
        Some("Normal"),
        false,
        &format!(r#"{toc_tab}<w:spacing w:after="40"/><w:ind w:left="284"/><w:jc w:val="left"/>"#),
        "",
    );

    s.push_str(concat!(
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#,
        r#"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>"#,
        r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>"#,
        r#"<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>"#,
        r#"</w:tblCellMar></w:tblPr></w:style>"#,
        r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>"#,
        r#"<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
    ));
    s.push_str("</w:styles>");
    s
}

/// One paragraph style. `ppr`/`rpr` are the children of `w:pPr`/`w:rPr`,
/// already in schema order.
fn para(
    s: &mut String,
    id: &str,
    name: &str,
    based_on: Option<&str>,
    default: bool,
    ppr: &str,
    rpr: &str,
) {
    let default = if default { r#" w:default="1""# } else { "" };
    s.push_str(&format!(
        r#"<w:style w:type="paragraph"{default} w:styleId="{id}"><w:name w:val="{name}"/>"#
    ));
    if let Some(b) = based_on {
        s.push_str(&format!(
            r#"<w:basedOn w:val="{b}"/><w:next w:val="Normal"/>"#
        ));
    }
    s.push_str("<w:qFormat/>");
    if !ppr.is_empty() {
        s.push_str(&format!("<w:pPr>{ppr}</w:pPr>"));
    }
    if !rpr.is_empty() {
        s.push_str(&format!("<w:rPr>{rpr}</w:rPr>"));
    }
    s.push_str("</w:style>");
}

fn character(s: &mut String, id: &str, name: &str, rpr: &str) {
    s.push_str(&format!(
        r#"<w:style w:type="character" w:styleId="{id}"><w:name w:val="{name}"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr>{rpr}</w:rPr></w:style>"#
    ));
}
