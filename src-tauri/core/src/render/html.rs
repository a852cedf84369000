//! Document -> HTML fragment for the on-screen preview. Same IR as the
//! PDF and DOCX, so the preview says what the exports will say. Every text
//! is escaped: the fragment is safe to insert into the page.

use crate::compose::document::*;
use std::fmt::Write;

/// The document as an HTML fragment (no <html>/<body>): cover, headings
/// with their numbers, paragraphs, lists, tables, fields. Classes start
/// with `doc-` so the UI can style them.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    cover(&mut out, &doc.cover);
    for block in &doc.blocks {
        block_html(&mut out, block, doc);
    }
    out
}

fn cover(out: &mut String, c: &Cover) {
    let _ = write!(
        out,
        r#"<section class="doc-cover"><p class="doc-buyer">{}</p><p class="doc-kicker">{}</p><h1 class="doc-title">{}</h1><dl class="doc-facts">"#,
        esc(&c.buyer),
        esc(&c.kicker),
        esc(&c.title)
    );
    for (label, value) in &c.facts {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
    }
    out.push_str("</dl></section>");
}

fn block_html(out: &mut String, block: &Block, doc: &Document) {
    match block {
        Block::TableOfContents => {
            out.push_str(r#"<nav class="doc-toc"><p class="doc-toc-title">Sommaire</p><ul>"#);
            for h in doc.headings().filter(|h| h.level <= 2) {
                let _ = write!(
                    out,
                    r#"<li class="doc-toc-{}">{}</li>"#,
                    h.level,
                    esc(&h.label())
                );
            }
            out.push_str("</ul></nav>");
        }
        Block::Heading(h) => {
            let level = h.level.clamp(1, 3) + 1;
            let _ = write!(
                out,
                r#"<h{level} class="doc-h{}">{}</h{level}>"#,
                h.level,
                esc(&h.label())
            );
        }
        Block::Paragraph(p) => {
            let class = match p.style {
                ParagraphStyle::Body => "doc-p",
                ParagraphStyle::Note => "doc-note",
                ParagraphStyle::Small => "doc-small",
            };
            let _ = write!(out, r#"<p class="{class}">{}</p>"#, runs(&p.runs));
        }
        Block::List(l) => {
            let tag = if l.ordered { "ol" } else { "ul" };
            let _ = write!(out, r#"<{tag} class="doc-list">"#);
            for item in &l.items {
                let _ = write!(out, "<li>{}</li>", runs(item));
            }
            let _ = write!(out, "</{tag}>");
        }
        Block::Table(t) => {
            out.push_str(r#"<table class="doc-table"><thead><tr>"#);
            for h in &t.header {
                let _ = write!(out, "<th>{}</th>", esc(h));
            }
            out.push_str("</tr></thead><tbody>");
            for row in &t.rows {
                out.push_str("<tr>");
                for cell in row {
                    let _ = write!(out, "<td>{}</td>", runs(cell));
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table>");
        }
        Block::AnswerField(f) => {
            let _ = write!(
                out,
                r#"<div class="doc-field"><p class="doc-field-label">{}</p><div class="doc-field-box" style="min-height:{}em">{}</div></div>"#,
                esc(&f.label),
                f.lines.max(1) * 3 / 2,
                esc(&f.placeholder)
            );
        }
        Block::Checkbox(c) => {
            let _ = write!(
                out,
                r#"<p class="doc-checkbox"><span class="doc-box">{}</span> {}</p>"#,
                if c.checked { "☒" } else { "☐" },
                esc(&c.label)
            );
        }
        Block::Figure(f) => {
            let _ = write!(
                out,
                r#"<div class="doc-field doc-figure"><p class="doc-field-label">{}</p><p><span class="doc-field-box doc-figure-box">&nbsp;</span> {}</p></div>"#,
                esc(&f.label),
                esc(&f.unit)
            );
        }
        Block::PageBreak => out.push_str(r#"<hr class="doc-pagebreak">"#),
    }
}

fn runs(runs: &[Run]) -> String {
    let mut out = String::new();
    for r in runs {
        let text = esc(&r.text);
        match (r.bold, r.italic) {
            (true, true) => {
                let _ = write!(out, "<strong><em>{text}</em></strong>");
            }
            (true, false) => {
                let _ = write!(out, "<strong>{text}</strong>");
            }
            (false, true) => {
                let _ = write!(out, "<em>{text}</em>");
            }
            (false, false) => out.push_str(&text),
        }
    }
    out
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: Meta {
                title: "t".into(),
                subject: "s".into(),
                author: "a".into(),
                language: "fr-FR".into(),
                identifier: String::new(),
            },
            cover: Cover {
                buyer: "Commune".into(),
                kicker: "k".into(),
                title: "Objet <b>".into(),
                facts: vec![("Réf".into(), "A&B".into())],
            },
            running_header: "h".into(),
            blocks,
        }
    }

    #[test]
    fn everything_the_user_typed_is_escaped() {
        let html = render(&doc(vec![Block::Paragraph(Paragraph {
            runs: vec![Run::plain("<script>alert(1)</script>")],
            style: ParagraphStyle::Body,
        })]));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("Objet &lt;b&gt;") && html.contains("A&amp;B"));
    }

    #[test]
    fn headings_carry_their_numbers_and_the_toc_lists_them() {
        let h = |level, number: &str, text: &str| {
            Block::Heading(Heading {
                level,
                number: number.into(),
                text: text.into(),
            })
        };
        let html = render(&doc(vec![
            Block::TableOfContents,
            h(1, "1", "Objet"),
            h(2, "1.1", "Acheteur"),
            h(3, "1.1.1", "Détail"),
        ]));
        assert!(html.contains(r#"<h2 class="doc-h1">1 Objet</h2>"#));
        assert!(html.contains(r#"<li class="doc-toc-2">1.1 Acheteur</li>"#));
        assert!(
            !html.contains(r#"doc-toc-3"#),
            "the table of contents stops at level 2"
        );
    }
}
