//! Document -> DOCX, through docx-rs.
//!
//! docx-rs builds the package: styles (`styles.rs`), numbering
//! (`numbering.rs`), the body's paragraphs, runs, tables, content controls
//! and TOC field (`body.rs` and the modules it calls), page setup, headers
//! and footers with PAGE / NUMPAGES (`page.rs`). `additions.rs` then adds
//! on its parts, as a structured XML transform, only what docx-rs 0.4
//! cannot express (typed content controls, repeated header rows, language,
//! settings, core properties, the TOC marker, the watermark), and
//! `package.rs` zips the parts again, deflated.
//!
//! Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/{core,app}.xml`,
//! and under `word/`: `document.xml`, `styles.xml`, `numbering.xml`,
//! `settings.xml`, `header1.xml` (all pages but the cover), `header2.xml`
//! (cover), `footer1.xml`, `footer2.xml`.

mod additions;
mod body;
mod fields;
mod numbering;
mod package;
mod page;
mod styles;
mod table;
mod text;
mod toc;
mod xml;

#[cfg(test)]
mod tests;

use super::RenderError;
use crate::compose::document::{Document, RenderOptions};

/// Renders `doc` as a `.docx` file (A4, French, Arial). Never panics on any
/// IR content.
pub fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>, RenderError> {
    let docx = styles::add_to(docx_rs::Docx::new());
    let docx = page::setup(docx, &doc.running_header);
    let (docx, plan) = body::add_to(docx, doc);
    let x = docx.build();

    let lang = &doc.meta.language;
    let document = additions::document(&x.document, &plan)?;
    let styles = additions::styles(&x.styles, lang)?;
    let settings = additions::settings(&x.settings, lang)?;
    let core = additions::core_properties(&x.doc_props.core, &doc.meta)?;
    let content_types = additions::drop_unused_parts(&x.content_type)?;
    let rels = additions::drop_unused_parts(&x.rels)?;
    let document_rels = additions::drop_unused_parts(&x.document_rels)?;
    let [header, header_first]: [Vec<u8>; 2] = x
        .headers
        .try_into()
        .map_err(|_| RenderError::docx("two headers"))?;
    let [footer, footer_first]: [Vec<u8>; 2] = x
        .footers
        .try_into()
        .map_err(|_| RenderError::docx("two footers"))?;
    let (header, header_first) = if opts.draft {
        (
            additions::watermark(&header, 1)?,
            additions::watermark(&header_first, 2)?,
        )
    } else {
        (additions::tidy(&header)?, additions::tidy(&header_first)?)
    };
    let numbering = additions::tidy(&x.numberings)?;
    let footer = additions::tidy(&footer)?;
    let footer_first = additions::tidy(&footer_first)?;
    package::zip(&[
        ("[Content_Types].xml", &content_types),
        ("_rels/.rels", &rels),
        ("docProps/core.xml", &core),
        ("docProps/app.xml", &x.doc_props.app),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", &document_rels),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
        ("word/settings.xml", &settings),
        ("word/header1.xml", &header),
        ("word/header2.xml", &header_first),
        ("word/footer1.xml", &footer),
        ("word/footer2.xml", &footer_first),
    ])
}
