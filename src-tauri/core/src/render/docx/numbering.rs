//! `word/numbering.xml`: one bullet list definition shared by every bulleted
//! list, and one `w:num` per numbered list so each one restarts at 1 (with a
//! single shared `w:num`, the second list of the document would go on from
//! where the first stopped).

use super::xml::DECL;

const ABSTRACT_BULLET: u32 = 0;
const ABSTRACT_DECIMAL: u32 = 1;
/// Ids start at 2: some tools (docx-rs among them) reserve 1 for their own
/// default list, and a file merged with theirs must not collide.
const BULLET_NUM_ID: u32 = 2;

/// Hands out numbering ids while the body is written, then writes the part.
pub struct Numbering {
    ordered: Vec<u32>,
}

impl Numbering {
    pub fn new() -> Self {
        Numbering {
            ordered: Vec::new(),
        }
    }

    pub fn bullets(&self) -> u32 {
        BULLET_NUM_ID
    }

    /// A fresh numbering instance for one ordered list.
    pub fn new_ordered(&mut self) -> u32 {
        let id = BULLET_NUM_ID + 1 + self.ordered.len() as u32;
        self.ordered.push(id);
        id
    }

    pub fn xml(&self) -> String {
        let mut s = String::from(DECL);
        s.push_str(r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#);
        s.push_str(&abstract_num(ABSTRACT_BULLET, "bullet", "•"));
        s.push_str(&abstract_num(ABSTRACT_DECIMAL, "decimal", "%1."));
        s.push_str(&format!(
            r#"<w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_BULLET}"/></w:num>"#
        ));
        for id in &self.ordered {
            s.push_str(&format!(
                concat!(
                    r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abs}"/>"#,
                    r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#
                ),
                id = id,
                abs = ABSTRACT_DECIMAL
            ));
        }
        s.push_str("</w:numbering>");
        s
    }
}

/// The IR's lists are flat, so only level 0 is defined.
fn abstract_num(id: u32, format: &str, text: &str) -> String {
    format!(
        concat!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>"#,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/>"#,
            r#"<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>"#,
            r#"<w:pPr><w:tabs><w:tab w:val="num" w:pos="397"/></w:tabs><w:ind w:left="397" w:hanging="284"/></w:pPr>"#,
            r#"<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/></w:rPr>"#,
            "</w:lvl></w:abstractNum>"
        ),
        id = id,
        format = format,
        text = text
    )
}
