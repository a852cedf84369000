//! Attribute values handed to docx-rs. docx-rs escapes text but copies
//! attribute values into the tag as they are, so any IR text that ends up
//! in an attribute (the alias of a content control) is escaped here, and
//! characters XML 1.0 forbids are dropped.

use super::text::clean;

/// Escapes `s` for use in a double-quoted attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
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
