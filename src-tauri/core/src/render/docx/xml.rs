//! Text that goes into the XML parts. Every piece of IR text passes through
//! here, so user input can never break the markup: `& < > " '` are escaped
//! and characters XML 1.0 forbids (most C0 controls) are dropped rather than
//! written, since a single one makes Word refuse the whole file.

pub const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Namespaces of the main document, headers and footers. `w14` (checkbox
/// content controls) is marked ignorable so pre-2010 readers skip it, and
/// `v`/`o`/`w10` carry the VML watermark.
pub const WORD_NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"mc:Ignorable="w14""#,
);

/// Escapes `s` for use in element content or in a double-quoted attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML 1.0 `Char` production; tab and newline are legal but callers turn
/// them into `<w:tab/>` / `<w:br/>` before they get here.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// The `w:val` of a run's `w:lang`: a BCP 47 tag, `fr-FR` when the IR
/// leaves it empty (the composer always sets it, but an empty attribute
/// would make Word fall back to the system language silently).
pub fn lang_tag(tag: &str) -> String {
    let t = tag.trim();
    if t.is_empty() {
        "fr-FR".to_string()
    } else {
        esc(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            esc(r#"a&b<c>"d"'e'"#),
            "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;"
        );
        assert_eq!(esc("x\u{0}\u{1}\u{b}y"), "xy");
        assert_eq!(esc("é « » \u{202f}"), "é « » \u{202f}");
    }
}
