//! Document -> PDF.
//!
//! printpdf draws the pages and embeds the fonts; lopdf then adds what
//! printpdf cannot express: the nested outline, the form fields, /Lang and
//! the document information.
//!
//! Layout runs twice when there is a table of contents: the first pass
//! finds the headings' pages, the second prints them (the contents take the
//! same room whatever the numbers, so positions do not move between passes).

mod acroform;
mod cover;
mod fonts;
mod furniture;
mod hyphen;
mod layout;
mod outline;
mod paint;
mod style;
mod table;
#[cfg(test)]
mod tests;
mod text;
mod toc;

use super::RenderError;
use crate::compose::document::{Block, Document, RenderOptions};
use fonts::{Metrics, Style};
use layout::{Engine, Laid};
use lopdf::{dictionary, Object};
use paint::FontIds;
use printpdf::{Mm, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

/// Render the document as an A4 PDF (fonts embedded, outline, fillable
/// answer fields, « PROJET » watermark when `opts.draft`).
pub fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>, RenderError> {
    let metrics = Metrics::get().map_err(RenderError::pdf)?;
    let mut pdf = PdfDocument::new(&doc.meta.title);
    let mut ids = Vec::with_capacity(4);
    for style in Style::ALL {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(style.bytes(), 0, &mut warnings)
            .ok_or_else(|| RenderError::pdf(format!("bundled font {style:?} unreadable")))?;
        ids.push(pdf.add_font(&parsed));
    }
    let fonts = FontIds(ids.try_into().map_err(|_| RenderError::pdf("font ids"))?);

    let mut laid = lay_out(doc, metrics, &fonts);
    furniture::decorate(
        &mut laid.pages,
        &fonts,
        metrics,
        &doc.running_header,
        opts.draft,
    );

    let pages = laid
        .pages
        .into_iter()
        .map(|c| PdfPage::new(Mm(210.0), Mm(297.0), c.ops))
        .collect();
    pdf.with_pages(pages);

    let save = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut out = pdf.to_lopdf_document(&save, &mut warnings);
    finish(&mut out, doc, &laid.headings, &laid.fields).map_err(RenderError::pdf)?;
    name_fonts(&mut out, &fonts);
    // printpdf's own /Info dictionary is now unreferenced.
    out.prune_objects();
    compress_streams(&mut out);
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(RenderError::pdf)?;
    Ok(bytes)
}

/// Deflates every stream not yet compressed. lopdf's own `compress` uses
/// the slowest level, which was a tenth of the export time for a few per
/// cent of size; the default level is the usual trade-off.
fn compress_streams(out: &mut lopdf::Document) {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;
    for object in out.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(compressed) = encoder.finish() {
            if compressed.len() < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
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
    let mut laid = Engine::new(m, fonts, None).run(doc);
    let Some(toc) = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::TableOfContents))
    else {
        return laid;
    };
    if matches!(doc.blocks.get(toc + 1), Some(Block::PageBreak)) {
        let head = Engine::new(m, fonts, Some(&laid.headings)).run_until(doc, toc + 1);
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
        let next = Engine::new(m, fonts, Some(&laid.headings)).run(doc);
        let stable = next.headings == laid.headings;
        laid = next;
        if stable {
            break;
        }
    }
    laid
}

/// printpdf names embedded fonts after their random resource ids; readers
/// and preflight tools show the real PostScript names instead.
fn name_fonts(out: &mut lopdf::Document, fonts: &FontIds) {
    let names: std::collections::HashMap<Vec<u8>, &str> = Style::ALL
        .iter()
        .map(|s| {
            (
                fonts.0[s.index()].0.clone().into_bytes(),
                s.postscript_name(),
            )
        })
        .collect();
    let rename = |d: &mut lopdf::Dictionary, key: &[u8]| {
        let new = match d.get(key).and_then(Object::as_name) {
            Ok(old) => names.get(old).copied(),
            Err(_) => None,
        };
        if let Some(n) = new {
            d.set(key, Object::Name(n.as_bytes().to_vec()));
        }
    };
    for obj in out.objects.values_mut() {
        let Ok(d) = obj.as_dict_mut() else { continue };
        rename(d, b"BaseFont");
        rename(d, b"FontName");
        if let Ok(Object::Array(descendants)) = d.get_mut(b"DescendantFonts") {
            for desc in descendants.iter_mut() {
                if let Ok(dd) = desc.as_dict_mut() {
                    rename(dd, b"BaseFont");
                }
            }
        }
    }
}

fn finish(
    out: &mut lopdf::Document,
    doc: &Document,
    headings: &[layout::HeadingMark],
    fields: &[layout::FieldMark],
) -> lopdf::Result<()> {
    // /Lang needs PDF 1.4, forms and outlines are older; 1.7 is what
    // every current reader expects.
    out.version = "1.7".to_string();
    let page_ids: Vec<lopdf::ObjectId> = out.get_pages().into_values().collect();
    outline::add(out, &page_ids, headings)?;
    acroform::add(out, &page_ids, fields)?;

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
        "Producer" => outline::text_string("DCE Unique (printpdf, lopdf)"),
    });
    out.trailer.set("Info", Object::Reference(info));
    Ok(())
}
