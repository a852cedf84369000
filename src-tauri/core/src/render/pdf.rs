//! Document -> PDF.
//!
//! The layout writes each page's content stream itself (see `paint`);
//! lopdf assembles the document around them: pages, embedded fonts, the
//! nested outline, the form fields, /Lang and the document information.
//!
//! Layout runs twice when there is a table of contents: the first pass
//! finds the headings' pages, the second prints them (the contents take the
//! same room whatever the numbers, so positions do not move between passes).

mod acroform;
mod cover;
mod embed;
mod fonts;
mod furniture;
mod hyphen;
mod layout;
mod outline;
mod paint;
mod style;
mod subset;
mod table;
#[cfg(test)]
mod tests;
mod text;
mod toc;

use super::RenderError;
use crate::compose::document::{Block, Document, RenderOptions};
use fonts::Metrics;
use layout::{Engine, Laid};
use lopdf::{dictionary, Object, ObjectId, Stream};
use paint::FontIds;

/// Render the document as an A4 PDF (fonts embedded, outline, fillable
/// answer fields, « PROJET » watermark when `opts.draft`).
pub fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>, RenderError> {
    let metrics = Metrics::get().map_err(RenderError::pdf)?;
    let fonts = FontIds::new(metrics);

    let mut laid = lay_out(doc, metrics, &fonts);
    furniture::decorate(
        &mut laid.pages,
        &fonts,
        metrics,
        &doc.running_header,
        opts.draft,
    );

    let mut out = lopdf::Document::with_version("1.7");
    let used = laid.pages.iter().fold(0, |acc, p| acc | p.faces);
    let fallback: Vec<(u16, char)> = laid
        .pages
        .iter()
        .flat_map(|p| p.fallback.iter().copied())
        .collect();
    let font_dict = embed::fonts(&mut out, metrics, used, &fallback);
    // One resource dictionary shared by every page.
    let resources = out.add_object(dictionary! { "Font" => font_dict });
    let pages_id = out.new_object_id();
    let page_ids: Vec<ObjectId> = laid.pages.iter().map(|_| out.new_object_id()).collect();
    let media_box: Object = vec![
        0.into(),
        0.into(),
        Object::Real(style::PAGE_W),
        Object::Real(style::PAGE_H),
    ]
    .into();
    let mut deflater = Deflater::new();
    for (page, &id) in laid.pages.iter().zip(&page_ids) {
        let contents = out.add_object(deflater.stream(&page.content));
        let mut dict = dictionary! {
            "Type" => "Page",
            "Parent" => Object::Reference(pages_id),
            "MediaBox" => media_box.clone(),
            "Resources" => Object::Reference(resources),
            "Contents" => Object::Reference(contents),
        };
        if !page.links.is_empty() {
            let annots: Vec<Object> = page
                .links
                .iter()
                .filter_map(|l| link_annotation(l, &page_ids))
                .collect();
            dict.set("Annots", annots);
        }
        out.objects.insert(id, Object::Dictionary(dict));
    }
    out.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => page_ids.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
            "Count" => page_ids.len() as i64,
        }),
    );
    let catalog = out.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => Object::Reference(pages_id),
    });
    out.trailer.set("Root", Object::Reference(catalog));

    finish(&mut out, doc, &page_ids, &laid.headings, &laid.fields).map_err(RenderError::pdf)?;
    let mut bytes = Vec::with_capacity(laid.pages.iter().map(|p| p.content.len() / 3).sum());
    out.save_to(&mut bytes).map_err(RenderError::pdf)?;
    Ok(bytes)
}

/// A TOC entry's link: no border, no highlight, to an exact position.
fn link_annotation(l: &paint::Link, page_ids: &[ObjectId]) -> Option<Object> {
    let &target = page_ids.get(l.page)?;
    Some(Object::Dictionary(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => l.rect.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
        "Border" => vec![0.into(), 0.into(), 0.into()],
        "H" => "N",
        "A" => dictionary! {
            "S" => "GoTo",
            "D" => vec![
                Object::Reference(target),
                "XYZ".into(),
                Object::Real(0.0),
                Object::Real(l.top),
                Object::Null,
            ],
        },
    }))
}

/// Deflates the page contents with one reused compressor: setting up a
/// new one for every page (its window and tables) cost as much as
/// compressing a short page. The default level is the usual trade-off;
/// the slowest one was a tenth of the export time for a few per cent of size.
struct Deflater(flate2::Compress);

impl Deflater {
    fn new() -> Self {
        Deflater(flate2::Compress::new(flate2::Compression::default(), true))
    }

    fn stream(&mut self, content: &[u8]) -> Stream {
        self.0.reset();
        let mut out = Vec::with_capacity(content.len() / 3 + 64);
        loop {
            let before = self.0.total_in() as usize;
            match self
                .0
                .compress_vec(&content[before..], &mut out, flate2::FlushCompress::Finish)
            {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => out.reserve(out.capacity().max(1024)),
                Err(_) => {
                    let mut s = Stream::new(dictionary! {}, content.to_vec());
                    s.allows_compression = false;
                    return s;
                }
            }
        }
        let mut s = Stream::new(dictionary! { "Filter" => "FlateDecode" }, out);
        s.allows_compression = false;
        s
    }
}

/// Lay out until the headings' pages stop moving (twice in practice; the
/// bound only guards against a pathological oscillation).
///
/// When the contents are followed by a page break, everything after them
/// is already final after the first pass (the contents take the same room
/// whatever the numbers): the second pass then lays out only up to the
/// contents' end and keeps the first pass's pages after it.
fn lay_out(doc: &Document, m: &'static Metrics, fonts: &FontIds) -> Laid {
    let breaker = text::Breaker::default();
    let mut laid = Engine::new(m, fonts, &breaker, None).run(doc);
    let Some(toc) = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::TableOfContents))
    else {
        return laid;
    };
    if matches!(doc.blocks.get(toc + 1), Some(Block::PageBreak)) {
        let head = Engine::new(m, fonts, &breaker, Some(&laid.headings)).run_until(doc, toc + 1);
        if head.toc_end.is_some() && head.toc_end == laid.toc_end {
            // The head ends with the contents' last page (an empty page
            // after them is dropped): the first pass's pages follow it.
            let kept = head.pages.len().min(laid.pages.len());
            let mut pages = head.pages;
            pages.extend(laid.pages.drain(kept..));
            laid.pages = pages;
            return laid;
        }
    }
    for _ in 0..3 {
        let next = Engine::new(m, fonts, &breaker, Some(&laid.headings)).run(doc);
        let stable = next.headings == laid.headings;
        laid = next;
        if stable {
            break;
        }
    }
    laid
}

fn finish(
    out: &mut lopdf::Document,
    doc: &Document,
    page_ids: &[ObjectId],
    headings: &[layout::HeadingMark],
    fields: &[layout::FieldMark],
) -> lopdf::Result<()> {
    // /Lang needs PDF 1.4, forms and outlines are older; 1.7 is what
    // every current reader expects (set in `render`).
    outline::add(out, page_ids, headings)?;
    acroform::add(out, page_ids, fields)?;

    let lang = if doc.meta.language.trim().is_empty() {
        "fr-FR"
    } else {
        doc.meta.language.trim()
    };
    let catalog = out.catalog_mut()?;
    catalog.set("Lang", Object::string_literal(lang));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );

    // No CreationDate/ModDate: core never reads the clock, and the same
    // dossier must always give the same file.
    let info = out.add_object(dictionary! {
        "Title" => outline::text_string(&doc.meta.title),
        "Author" => outline::text_string(&doc.meta.author),
        "Subject" => outline::text_string(&doc.meta.subject),
        "Creator" => outline::text_string("DCE Unique"),
        "Producer" => outline::text_string("DCE Unique (lopdf)"),
    });
    out.trailer.set("Info", Object::Reference(info));
    Ok(())
}
