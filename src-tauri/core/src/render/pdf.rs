//! Document -> PDF.
//!
//! printpdf writes the PDF: the pages from the operations the layout
//! draws (see `paint`), the fonts with its own subsetting, the link
//! annotations and the document information. lopdf then adds, on
//! printpdf's output, only what printpdf cannot express: the nested
//! outline, the form fields, /Lang, and a /ID derived from the content so
//! that the same dossier gives the same bytes.
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
use fonts::Metrics;
use layout::{Engine, Laid};
use lopdf::{dictionary, Object, ObjectId};
use paint::{FontIds, Link};
use printpdf::{PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Pt, Rect};

/// Render the document as an A4 PDF (fonts embedded, outline, fillable
/// answer fields, « PROJET » watermark when `opts.draft`).
pub fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>, RenderError> {
    let metrics = Metrics::get().map_err(RenderError::pdf)?;
    let parsed = fonts::parsed().map_err(RenderError::pdf)?;
    let fonts = FontIds::new(metrics);

    let mut laid = lay_out(doc, metrics, &fonts);
    furniture::decorate(
        &mut laid.pages,
        &fonts,
        metrics,
        &doc.running_header,
        opts.draft,
    );

    let mut pdf = PdfDocument::new(&doc.meta.title);
    // Under the ids the pages name (see `FontIds`); printpdf embeds only
    // the faces the pages use, each cut down to the glyphs drawn with it.
    for (id, face) in fonts.ids.iter().zip(parsed) {
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(face.clone()));
    }
    let info = &mut pdf.metadata.info;
    info.author = doc.meta.author.clone();
    info.subject = doc.meta.subject.clone();
    info.creator = "DCE Unique".into();
    info.producer = "DCE Unique (printpdf)".into();

    let a4 = || Rect::from_wh(Pt(style::PAGE_W), Pt(style::PAGE_H));
    let pages = laid
        .pages
        .into_iter()
        .map(|page| {
            let mut ops = page.content;
            ops.extend(page.links.iter().map(Link::annotation));
            PdfPage {
                media_box: a4(),
                trim_box: a4(),
                crop_box: a4(),
                ops,
            }
        })
        .collect();
    pdf.with_pages(pages);

    let save = PdfSaveOptions {
        // Streams are compressed below, after the additions.
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    // printpdf's warnings are about input it repairs or skips (a font it
    // could not subset is embedded whole): the file is still right.
    let mut warnings = Vec::new();
    let mut out = pdf.to_lopdf_document(&save, &mut warnings);
    finish(&mut out, doc, &laid.headings, &laid.fields).map_err(RenderError::pdf)?;
    compress_streams(&mut out);
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(RenderError::pdf)?;
    Ok(bytes)
}

/// Streams shorter than this stay as they are: the small appearance
/// streams of the form fields gain nothing, and resetting the compressor
/// (it clears its tables) costs more than compressing a short page.
const COMPRESS_FROM: usize = 1024;

/// Deflates the streams printpdf left uncompressed with one reused
/// compressor at level 2 (zlib-rs's fast matcher). The page contents are
/// glyph ids in hexadecimal, as printpdf writes them: the default level
/// spent a seventh of the export on them for a file 15 % smaller, and
/// lopdf's own `compress` uses the slowest level.
fn compress_streams(out: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::new(2), true);
    for object in out.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression
            || stream.dict.has(b"Filter")
            || stream.content.len() < COMPRESS_FROM
        {
            continue;
        }
        z.reset();
        let content = &stream.content;
        let mut packed = Vec::with_capacity(content.len() / 3 + 64);
        let done = loop {
            let before = z.total_in() as usize;
            match z.compress_vec(
                &content[before..],
                &mut packed,
                flate2::FlushCompress::Finish,
            ) {
                Ok(flate2::Status::StreamEnd) => break true,
                Ok(_) => packed.reserve(packed.capacity().max(1024)),
                Err(_) => break false,
            }
        };
        if done && packed.len() < content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
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
    headings: &[layout::HeadingMark],
    fields: &[layout::FieldMark],
) -> lopdf::Result<()> {
    // /Lang needs PDF 1.4, forms and outlines are older; 1.7 is what
    // every current reader expects (printpdf writes 1.3).
    out.version = "1.7".into();
    let page_ids: Vec<ObjectId> = out.get_pages().into_values().collect();
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

    // printpdf writes every key of the document information, dated at
    // the epoch when no date is given: core never reads the clock, so the
    // dates go, with the keys left empty.
    let info = out.trailer.get(b"Info").and_then(Object::as_reference)?;
    let info = out.get_dictionary_mut(info)?;
    info.remove(b"CreationDate");
    info.remove(b"ModDate");
    let empty: Vec<Vec<u8>> = info
        .iter()
        .filter(|(_, v)| matches!(v, Object::String(s, _) if s.is_empty() || s == &[0xFE, 0xFF]))
        .map(|(k, _)| k.clone())
        .collect();
    for key in empty {
        info.remove(&key);
    }
    // The dossier a filled frame belongs to (canvas::read).
    if !doc.meta.identifier.is_empty() {
        info.set(
            crate::canvas::read::PDF_DOSSIER_KEY,
            outline::text_string(&doc.meta.identifier),
        );
    }

    // printpdf's /ID is random; this one is a digest of what the file
    // holds, so the same dossier gives the same bytes.
    let id = Object::String(document_id(out), lopdf::StringFormat::Hexadecimal);
    out.trailer.set("ID", vec![id.clone(), id]);
    Ok(())
}

/// 16 bytes digested from every stream and string of the document, in
/// object order: two multiply-rotate lanes over 8-byte words, stable across
/// runs and platforms (unlike the std hasher) and cheap on the half
/// megabyte of page content.
fn document_id(out: &lopdf::Document) -> Vec<u8> {
    const K: [u64; 2] = [0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f];
    let mut h = [0x243f_6a88_85a3_08d3u64, 0x1319_8a2e_0370_7344u64];
    let mut eat = |bytes: &[u8]| {
        let words = bytes.chunks_exact(8);
        let tail = words.remainder();
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        let len = (bytes.len() as u64).to_le_bytes();
        for w in words
            .map(|w| w.try_into().unwrap_or([0; 8]))
            .chain([last, len])
        {
            let w = u64::from_le_bytes(w);
            for (v, k) in h.iter_mut().zip(K) {
                *v = (*v ^ w).wrapping_mul(k).rotate_left(29);
            }
        }
    };
    for object in out.objects.values() {
        match object {
            Object::Stream(s) => eat(&s.content),
            Object::Dictionary(d) => {
                for (_, v) in d.iter() {
                    if let Object::String(s, _) = v {
                        eat(s);
                    }
                }
            }
            _ => {}
        }
    }
    h.iter().flat_map(|v| v.to_be_bytes()).collect()
}
