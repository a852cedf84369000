//! Document -> DOCX (WordprocessingML written directly, then zipped).
//!
//! Why not through docx-rs: nearly everything this file must carry is
//! outside what docx-rs 0.4 models — typed content controls with tags and
//! placeholders, `w14:checkbox`, the TOC's `docPartGallery` wrapper,
//! repeating header rows, `updateFields`, core properties, the default
//! language, the VML watermark, deflate compression. Patching its output
//! text for each of those would be more code than writing the parts, and
//! more fragile. Writing the parts ourselves also keeps elements in schema
//! order, which Word checks and LibreOffice does not.
//!
//! Layout of the package: `[Content_Types].xml`, `_rels/.rels`,
//! `docProps/{core,app}.xml`, and under `word/`: `document.xml`,
//! `styles.xml`, `numbering.xml`, `settings.xml`, `header1.xml` (all pages
//! but the cover), `header2.xml` (cover), `footer1.xml`, `footer2.xml`.

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
/// IR content; errors only come from the zip writer.
pub fn render(doc: &Document, opts: RenderOptions) -> Result<Vec<u8>, RenderError> {
    let body = body::document_xml(doc);
    let styles = styles::styles_xml(&doc.meta.language);
    let numbering = body.numbering.xml();
    let settings = package::settings_xml(&doc.meta.language);
    let header = page::header(&doc.running_header, opts.draft);
    let header_first = page::header_first(opts.draft);
    let footer = page::footer();
    let footer_first = page::footer_first();
    let document_rels = package::document_rels();
    let core = package::core_xml(&doc.meta);
    let app = package::app_xml();
    package::zip(&[
        ("[Content_Types].xml", package::CONTENT_TYPES),
        ("_rels/.rels", package::ROOT_RELS),
        ("docProps/core.xml", &core),
        ("docProps/app.xml", &app),
        ("word/document.xml", &body.xml),
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
