//! The on-screen preview and the exported PDF say the same thing: every
//! heading, paragraph and list item of the composed document is in both,
//! for every bundled sample.

mod common;

use dce_core::compose::document::{Block, Document, RenderOptions};
use dce_core::compose::{compose, Piece};
use dce_core::render;
use dce_core::samples;

/// Text to compare: PDF line breaks, justification and hyphenation move
/// spaces and hyphens around, so both are left out.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2011}' | '\u{ad}'))
        .collect()
}

fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The PDF's text without the running header and « Page X / Y », which
/// sit in the middle of whatever crosses a page break.
fn without_furniture(pdf: &str, doc: &Document) -> String {
    let pages = pdf.matches('\u{c}').count();
    let mut text = normalise(pdf);
    for page in (1..=pages).rev() {
        text = text.replace(&format!("Page{page}/{pages}"), "");
    }
    text.replace(&normalise(&doc.running_header), "")
}

/// The texts a reader must find: headings, paragraphs, list items.
fn texts(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.cover.title.clone()];
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => out.push(h.label()),
            Block::Paragraph(p) => out.push(p.runs.iter().map(|r| r.text.as_str()).collect()),
            Block::List(l) => out.extend(
                l.items
                    .iter()
                    .map(|i| i.iter().map(|r| r.text.as_str()).collect()),
            ),
            _ => {}
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

#[test]
fn preview_and_pdf_carry_every_text_of_every_sample() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for sample in samples::all() {
        let dossier = sample.instantiate(today, "preview".into());
        for piece in [Piece::Dce, Piece::ResponseFrames] {
            let doc = compose(&dossier, piece).unwrap();
            let html = normalise(&html_text(&render::html::render(&doc)));
            let pdf = without_furniture(
                &common::pdf_text(&render::pdf::render(&doc, RenderOptions::default()).unwrap()),
                &doc,
            );
            for text in texts(&doc) {
                let wanted = normalise(&text);
                assert!(
                    html.contains(&wanted),
                    "{} {piece:?}: the preview lacks {text:?}",
                    sample.name
                );
                assert!(
                    pdf.contains(&wanted),
                    "{} {piece:?}: the PDF lacks {text:?}",
                    sample.name
                );
            }
        }
    }
}
