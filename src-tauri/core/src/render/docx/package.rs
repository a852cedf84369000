//! The OPC package around the parts: content types, relationships,
//! document properties, settings, and the deflated zip.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::page::{REL_FOOTER, REL_FOOTER_FIRST, REL_HEADER, REL_HEADER_FIRST};
use super::xml::{esc, lang_tag, DECL};
use crate::compose::document::Meta;
use crate::render::RenderError;

pub const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>"
);

pub const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

pub fn document_rels() -> String {
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        concat!(
            "{decl}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rIdStyles" Type="{r}/styles" Target="styles.xml"/>"#,
            r#"<Relationship Id="rIdNumbering" Type="{r}/numbering" Target="numbering.xml"/>"#,
            r#"<Relationship Id="rIdSettings" Type="{r}/settings" Target="settings.xml"/>"#,
            r#"<Relationship Id="{hd}" Type="{r}/header" Target="header1.xml"/>"#,
            r#"<Relationship Id="{hf}" Type="{r}/header" Target="header2.xml"/>"#,
            r#"<Relationship Id="{fd}" Type="{r}/footer" Target="footer1.xml"/>"#,
            r#"<Relationship Id="{ff}" Type="{r}/footer" Target="footer2.xml"/>"#,
            "</Relationships>"
        ),
        decl = DECL,
        r = R,
        hd = REL_HEADER,
        hf = REL_HEADER_FIRST,
        fd = REL_FOOTER,
        ff = REL_FOOTER_FIRST,
    )
}

/// Title, subject, author and language, shown in File > Properties. No
/// dates: the core never reads the clock, and the same IR must give the
/// same bytes.
pub fn core_xml(meta: &Meta) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<dc:language>{lang}</dc:language>",
            "</cp:coreProperties>"
        ),
        decl = DECL,
        title = esc(&meta.title),
        subject = esc(&meta.subject),
        author = esc(&meta.author),
        lang = lang_tag(&meta.language),
    )
}

pub fn app_xml() -> String {
    format!(
        concat!(
            "{}",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>DCE Unique</Application></Properties>"
        ),
        DECL
    )
}

/// `updateFields` makes Word refresh the TOC page numbers and the
/// NUMPAGES of the footer when the file is opened (it asks first).
/// French decimal and list separators for any field the buyer adds.
pub fn settings_xml(language: &str) -> String {
    format!(
        concat!(
            "{decl}",
            r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:zoom w:percent="100"/>"#,
            r#"<w:defaultTabStop w:val="708"/>"#,
            r#"<w:hyphenationZone w:val="425"/>"#,
            r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
            r#"<w:updateFields w:val="true"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="{lang}"/>"#,
            r#"<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>"#,
            "</w:settings>"
        ),
        decl = DECL,
        lang = lang_tag(language),
    )
}

/// Zips the parts, deflated (the XML shrinks about tenfold). Content types
/// first: some readers sniff the package by its first entry.
pub fn zip(parts: &[(&str, &str)]) -> Result<Vec<u8>, RenderError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).map_err(RenderError::docx)?;
        zip.write_all(content.as_bytes())
            .map_err(RenderError::docx)?;
    }
    Ok(zip.finish().map_err(RenderError::docx)?.into_inner())
}
