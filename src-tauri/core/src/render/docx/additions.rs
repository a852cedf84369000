//! What docx-rs 0.4 cannot express, added on the parts it builds.
//!
//! Each part is streamed through quick-xml: events are copied as they are
//! (empty tags are written `<x/>`), and the additions are inserted as
//! elements at their place in the tree. Nothing here writes body content;
//! everything here exists because docx-rs has no API for it:
//!
//! - typed content controls: `w:tag`, `w:id`, `w:showingPlcHdr`, and
//!   `w:text` (plain text) or `w14:checkbox` in the `w:sdtPr` docx-rs wrote
//!   with the alias (see `fields.rs`);
//! - the TOC's `docPartGallery` marker, without which LibreOffice shows the
//!   raw field code;
//! - repeated table header rows (`w:tblHeader`);
//! - the document language (`w:lang` in the default run properties, the
//!   theme font language, French decimal and list separators) and
//!   `updateFields`, so Word refreshes the TOC and NUMPAGES on open;
//! - the `w:default` flag of the default styles: docx-rs always writes a
//!   bare `Normal` of its own before ours, which is dropped;
//! - core properties: title, subject, author, language (docx-rs keeps them
//!   private), and no creation date (the core never reads the clock; docx-rs
//!   would write 1970);
//! - the draft watermark, a VML shape in the headers;
//! - tidy output: empty tags as `<x/>`, no `w:type` on `w:gridCol` (not in
//!   the schema);
//! - deterministic output: docx-rs's `w14:paraId`s are left out;
//! - the package is cut to the parts the document uses: docx-rs lists empty
//!   comments, footnotes, font table and custom properties too.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use super::fields::CHECKBOX_FONT;
use super::text::clean;
use crate::compose::document::Meta;
use crate::render::RenderError;

/// A content control of the body, in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    TableOfContents,
    Text {
        tag: String,
        id: u32,
        placeholder: bool,
    },
    Checkbox {
        tag: String,
        id: u32,
        checked: bool,
    },
}

/// Where the body needs additions, recorded while docx-rs builds it.
#[derive(Debug, Default)]
pub struct Plan {
    /// One per `w:sdt` of `document.xml`, in order.
    pub controls: Vec<Control>,
    /// Indices, counted over every `w:tr` of the document in order, of the
    /// rows to repeat at the top of each page. Ascending.
    pub header_rows: Vec<usize>,
}

/// Parts docx-rs writes that this document never uses.
pub const UNUSED_PARTS: [&str; 5] = [
    "docProps/custom.xml",
    "word/fontTable.xml",
    "word/comments.xml",
    "word/commentsExtended.xml",
    "word/footnotes.xml",
];

type Out = Writer<Vec<u8>>;
type Io = std::io::Result<()>;

/// Streams `xml` through `edit`, which writes each event (or not) and may
/// add elements around it.
fn rewrite(
    xml: &[u8],
    mut edit: impl FnMut(Event<'_>, &mut Out) -> Io,
) -> Result<Vec<u8>, RenderError> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Writer::new(Vec::with_capacity(xml.len() + xml.len() / 8));
    loop {
        let event = reader.read_event().map_err(RenderError::docx)?;
        let event = match event {
            Event::Eof => break,
            Event::Start(e) if is(e.name().as_ref(), "w:p") => Event::Start(without_para_id(e)),
            // docx-rs writes `<x />`: written back as `<x/>`.
            Event::Empty(e) if is(e.name().as_ref(), "w:p") => Event::Empty(without_para_id(e)),
            Event::Empty(e) if is(e.name().as_ref(), "w:gridCol") => Event::Empty(grid_col(e)),
            Event::Empty(e) => Event::Empty(tight(e)),
            e => e,
        };
        edit(event, &mut out).map_err(RenderError::docx)?;
    }
    Ok(out.into_inner())
}

/// docx-rs numbers paragraphs (`w14:paraId`, optional) from a per-thread
/// counter it never restarts, so the same IR would give other bytes on
/// each export: the ids are left out.
fn without_para_id(e: BytesStart<'_>) -> BytesStart<'static> {
    let mut p = BytesStart::new("w:p");
    p.extend_attributes(
        e.attributes()
            .flatten()
            .filter(|a| a.key.as_ref() != b"w14:paraId"),
    );
    p.into_owned()
}

/// docx-rs gives `w:gridCol` a `w:type` the schema does not define (its
/// width is always in twips).
fn grid_col(e: BytesStart<'_>) -> BytesStart<'static> {
    let mut g = BytesStart::new("w:gridCol");
    g.extend_attributes(
        e.attributes()
            .flatten()
            .filter(|a| a.key.as_ref() != b"w:type"),
    );
    g.into_owned()
}

fn tight(e: BytesStart<'_>) -> BytesStart<'_> {
    let raw: &[u8] = &e;
    if raw.last().is_some_and(u8::is_ascii_whitespace) {
        let trimmed = raw.trim_ascii_end();
        let name_len = e.name().as_ref().len();
        BytesStart::from_content(String::from_utf8_lossy(trimmed).into_owned(), name_len)
    } else {
        e
    }
}

fn is(e: &[u8], name: &str) -> bool {
    e == name.as_bytes()
}

fn val(out: &mut Out, name: &str, value: &str) -> Io {
    out.create_element(name)
        .with_attribute(("w:val", value))
        .write_empty()
        .map(|_| ())
}

fn flag(out: &mut Out, name: &str) -> Io {
    out.create_element(name).write_empty().map(|_| ())
}

/// A part with nothing to add, written back tidy (see [`rewrite`]).
pub fn tidy(xml: &[u8]) -> Result<Vec<u8>, RenderError> {
    rewrite(xml, |event, out| out.write_event(event))
}

/// Content-control types and tags, TOC marker, repeated header rows.
pub fn document(xml: &[u8], plan: &Plan) -> Result<Vec<u8>, RenderError> {
    let mut controls = plan.controls.iter();
    let mut header_rows = plan.header_rows.iter().peekable();
    let mut pending: Option<&Control> = None;
    let (mut row, mut in_header_row) = (0usize, false);
    rewrite(xml, |event, out| {
        match &event {
            Event::Start(e) if is(e.name().as_ref(), "w:sdtPr") => pending = controls.next(),
            Event::End(e) if is(e.name().as_ref(), "w:sdtPr") => {
                if let Some(c) = pending.take() {
                    control(out, c)?;
                }
            }
            Event::Start(e) if is(e.name().as_ref(), "w:tr") => {
                in_header_row = header_rows.next_if_eq(&&row).is_some();
                row += 1;
            }
            Event::Empty(e) if in_header_row && is(e.name().as_ref(), "w:trPr") => {
                in_header_row = false;
                return out
                    .create_element("w:trPr")
                    .write_inner_content(|out| flag(out, "w:tblHeader"))
                    .map(|_| ());
            }
            Event::End(e) if in_header_row && is(e.name().as_ref(), "w:trPr") => {
                in_header_row = false;
                flag(out, "w:tblHeader")?;
            }
            _ => {}
        }
        out.write_event(event)
    })
}

/// The end of a `w:sdtPr` whose alias docx-rs wrote: tag, id, type.
fn control(out: &mut Out, c: &Control) -> Io {
    match c {
        Control::TableOfContents => out
            .create_element("w:docPartObj")
            .write_inner_content(|out| {
                val(out, "w:docPartGallery", "Table of Contents")?;
                flag(out, "w:docPartUnique")
            })
            .map(|_| ()),
        Control::Text {
            tag,
            id,
            placeholder,
        } => {
            val(out, "w:tag", &clean(tag))?;
            val(out, "w:id", &id.to_string())?;
            if *placeholder {
                flag(out, "w:showingPlcHdr")?;
            }
            out.create_element("w:text")
                .with_attribute(("w:multiLine", "1"))
                .write_empty()
                .map(|_| ())
        }
        Control::Checkbox { tag, id, checked } => {
            val(out, "w:tag", &clean(tag))?;
            val(out, "w:id", &id.to_string())?;
            out.create_element("w14:checkbox")
                .write_inner_content(|out| {
                    out.create_element("w14:checked")
                        .with_attribute(("w14:val", if *checked { "1" } else { "0" }))
                        .write_empty()?;
                    for (name, glyph) in
                        [("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")]
                    {
                        out.create_element(name)
                            .with_attribute(("w14:val", glyph))
                            .with_attribute(("w14:font", CHECKBOX_FONT))
                            .write_empty()?;
                    }
                    Ok(())
                })
                .map(|_| ())
        }
    }
}

/// Styles that Word applies where none is named.
const DEFAULT_STYLES: [&str; 2] = ["Normal", "TableNormal"];

/// The default language, and the default styles flagged as such (docx-rs's
/// own bare `Normal`, written before ours, is dropped).
pub fn styles(xml: &[u8], language: &str) -> Result<Vec<u8>, RenderError> {
    let lang = lang_tag(language);
    let (mut seen_normal, mut skipping, mut depth) = (false, false, 0usize);
    let mut in_rpr_default = false;
    rewrite(xml, |event, out| {
        if skipping {
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => skipping = false,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            return Ok(());
        }
        match event {
            Event::Start(e) if is(e.name().as_ref(), "w:style") => {
                let id = attr(&e, "w:styleId");
                if id.as_deref() == Some("Normal") && !std::mem::replace(&mut seen_normal, true) {
                    (skipping, depth) = (true, 0);
                    return Ok(());
                }
                if id.is_some_and(|id| DEFAULT_STYLES.contains(&id.as_ref())) {
                    return out.write_event(Event::Start(with_default(&e)));
                }
                out.write_event(Event::Start(e))
            }
            Event::Start(e) if is(e.name().as_ref(), "w:rPrDefault") => {
                in_rpr_default = true;
                out.write_event(Event::Start(e))
            }
            Event::End(e) if in_rpr_default && is(e.name().as_ref(), "w:rPr") => {
                in_rpr_default = false;
                out.create_element("w:lang")
                    .with_attribute(("w:val", lang.as_ref()))
                    .with_attribute(("w:eastAsia", lang.as_ref()))
                    .with_attribute(("w:bidi", "ar-SA"))
                    .write_empty()?;
                out.write_event(Event::End(e))
            }
            e => out.write_event(e),
        }
    })
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// `e` with `w:default="1"` after its `w:type`, where Word writes it.
fn with_default(e: &BytesStart<'_>) -> BytesStart<'static> {
    let mut s = BytesStart::new(String::from_utf8_lossy(e.name().as_ref()).into_owned());
    for a in e.attributes().flatten() {
        let is_type = a.key.as_ref() == b"w:type";
        s.push_attribute(a);
        if is_type {
            s.push_attribute(("w:default", "1"));
        }
    }
    s
}

/// `updateFields`, and the French settings of the document language.
pub fn settings(xml: &[u8], language: &str) -> Result<Vec<u8>, RenderError> {
    let lang = lang_tag(language);
    rewrite(xml, |event, out| {
        match &event {
            Event::Start(e) | Event::Empty(e) if is(e.name().as_ref(), "w:compat") => {
                val(out, "w:hyphenationZone", "425")?;
                val(out, "w:updateFields", "true")?;
            }
            Event::End(e) if is(e.name().as_ref(), "w:settings") => {
                val(out, "w:themeFontLang", &lang)?;
                val(out, "w:decimalSymbol", ",")?;
                val(out, "w:listSeparator", ";")?;
            }
            _ => {}
        }
        out.write_event(event)
    })
}

/// Title, subject, author and language, shown in File > Properties; no
/// dates, so the same IR gives the same bytes.
pub fn core_properties(xml: &[u8], meta: &Meta) -> Result<Vec<u8>, RenderError> {
    let author = clean(&meta.author);
    let mut skip_depth = 0usize;
    let mut replacing = false;
    rewrite(xml, |event, out| {
        if skip_depth > 0 {
            match &event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            return Ok(());
        }
        if replacing {
            match &event {
                Event::End(_) => replacing = false,
                _ => return Ok(()),
            }
        }
        match &event {
            Event::Start(e)
                if matches!(e.name().as_ref(), b"dcterms:created" | b"dcterms:modified") =>
            {
                skip_depth = 1;
                return Ok(());
            }
            Event::Start(e)
                if matches!(e.name().as_ref(), b"dc:creator" | b"cp:lastModifiedBy") =>
            {
                out.write_event(event.borrow())?;
                replacing = true;
                return out.write_event(Event::Text(BytesText::new(&author)));
            }
            Event::End(e) if is(e.name().as_ref(), "cp:coreProperties") => {
                for (name, text) in [
                    ("dc:title", clean(&meta.title)),
                    ("dc:subject", clean(&meta.subject)),
                    (
                        "dc:language",
                        Cow::Owned(lang_tag(&meta.language).into_owned()),
                    ),
                ] {
                    out.create_element(name)
                        .write_text_content(BytesText::new(&text))?;
                }
                // The dossier a filled frame belongs to (canvas::read).
                if !meta.identifier.is_empty() {
                    out.create_element("dc:identifier")
                        .write_text_content(BytesText::new(&clean(&meta.identifier)))?;
                }
            }
            _ => {}
        }
        out.write_event(event)
    })
}

/// The draft watermark, in the header's first paragraph. `n` tells the
/// shapes of the two headers apart.
pub fn watermark(xml: &[u8], n: u32) -> Result<Vec<u8>, RenderError> {
    let shape = watermark_xml(n);
    let mut done = false;
    rewrite(xml, |event, out| {
        let after_ppr = !done && matches!(&event, Event::End(e) if is(e.name().as_ref(), "w:pPr"));
        out.write_event(event)?;
        if after_ppr {
            done = true;
            let mut reader = Reader::from_str(&shape);
            loop {
                match reader.read_event().map_err(std::io::Error::other)? {
                    Event::Eof => break,
                    e => out.write_event(e)?,
                }
            }
        }
        Ok(())
    })
}

/// Keeps only the content types and relationships of the parts written.
pub fn drop_unused_parts(xml: &[u8]) -> Result<Vec<u8>, RenderError> {
    rewrite(xml, |event, out| {
        if let Event::Empty(e) = &event {
            let target = attr(e, "PartName").or_else(|| attr(e, "Target"));
            if target.is_some_and(|t| {
                let t = t.trim_start_matches('/');
                UNUSED_PARTS
                    .iter()
                    .any(|p| t == *p || p.strip_prefix("word/") == Some(t))
            }) {
                return Ok(());
            }
        }
        out.write_event(event)
    })
}

/// The `w:val` of a `w:lang`: a BCP 47 tag, `fr-FR` when the IR leaves it
/// empty (the composer always sets it, but an empty attribute would make
/// Word fall back to the system language silently).
fn lang_tag(tag: &str) -> Cow<'_, str> {
    let t = tag.trim();
    if t.is_empty() {
        Cow::Borrowed("fr-FR")
    } else {
        clean(t)
    }
}

const WATERMARK: &str = "PROJET";

/// The text watermark exactly as Word writes it (shape type 136, "PowerPlus
/// WaterMark" id): Word lists it under Design > Watermark, and LibreOffice
/// recognises the same markup as its own watermark.
fn watermark_xml(n: u32) -> String {
    format!(
        concat!(
            "<w:r><w:rPr><w:noProof/></w:rPr><w:pict>",
            r#"<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">"#,
            "<v:formulas>",
            r##"<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>"##,
            r#"<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>"#,
            r#"<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>"#,
            r#"<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>"#,
            r#"<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>"#,
            "</v:formulas>",
            r#"<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>"#,
            r#"<v:textpath on="t" fitshape="t"/>"#,
            r##"<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>"##,
            r#"<o:lock v:ext="edit" text="t" shapetype="t"/>"#,
            "</v:shapetype>",
            r##"<v:shape id="PowerPlusWaterMarkObject{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" "##,
            r#"style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:153pt;rotation:315;z-index:-251657216;"#,
            r#"mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" "#,
            r##"o:allowincell="f" fillcolor="#c8c8c8" stroked="f">"##,
            r#"<v:fill opacity=".5"/>"#,
            r#"<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="{text}"/>"#,
            r#"<w10:wrap anchorx="margin" anchory="margin"/>"#,
            "</v:shape></w:pict></w:r>"
        ),
        n = n,
        spid = 2048 + n,
        text = WATERMARK,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn controls_get_their_type_tag_and_id_in_order() {
        let xml = concat!(
            "<w:body><w:sdt><w:sdtPr><w:rPr /></w:sdtPr></w:sdt>",
            r#"<w:sdt><w:sdtPr><w:rPr /><w:alias w:val="a" /></w:sdtPr></w:sdt>"#,
            r#"<w:sdt><w:sdtPr><w:rPr /><w:alias w:val="b" /></w:sdtPr></w:sdt></w:body>"#
        );
        let plan = Plan {
            controls: vec![
                Control::TableOfContents,
                Control::Text {
                    tag: "a&b".into(),
                    id: 7,
                    placeholder: true,
                },
                Control::Checkbox {
                    tag: "b".into(),
                    id: 8,
                    checked: true,
                },
            ],
            header_rows: vec![],
        };
        let out = s(document(xml.as_bytes(), &plan).unwrap());
        assert!(out.contains(concat!(
            "<w:sdtPr><w:rPr/><w:docPartObj>",
            r#"<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>"#
        )));
        assert!(out.contains(concat!(
            r#"<w:alias w:val="a"/><w:tag w:val="a&amp;b"/><w:id w:val="7"/>"#,
            r#"<w:showingPlcHdr/><w:text w:multiLine="1"/></w:sdtPr>"#
        )));
        assert!(out.contains(concat!(
            r#"<w:alias w:val="b"/><w:tag w:val="b"/><w:id w:val="8"/><w14:checkbox>"#,
            r#"<w14:checked w14:val="1"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>"#,
            r#"<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>"#
        )));
    }

    #[test]
    fn only_the_planned_rows_repeat_as_header() {
        let xml = concat!(
            "<w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl>",
            "<w:tbl><w:tr><w:trPr /></w:tr></w:tbl>"
        );
        let plan = Plan {
            controls: vec![],
            header_rows: vec![0, 2],
        };
        let out = s(document(xml.as_bytes(), &plan).unwrap());
        assert_eq!(
            out,
            concat!(
                "<w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr><w:tr><w:trPr/></w:tr></w:tbl>",
                "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr></w:tbl>"
            )
        );
    }

    #[test]
    fn styles_get_the_language_and_one_default_normal() {
        let xml = concat!(
            "<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"20\" /></w:rPr></w:rPrDefault></w:docDefaults>",
            r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:pPr><w:jc w:val="both" /></w:pPr></w:style>"#,
            r#"<w:style w:type="table" w:styleId="TableNormal"><w:name w:val="Normal Table" /></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note" /></w:style></w:styles>"#
        );
        let out = s(styles(xml.as_bytes(), "").unwrap());
        assert!(out.contains(
            r#"<w:sz w:val="20"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/></w:rPr>"#
        ));
        assert_eq!(out.matches(r#"w:styleId="Normal""#).count(), 1);
        assert!(out.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/>"#));
        assert!(out.contains(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal">"#));
        assert!(out.contains(r#"<w:style w:type="paragraph" w:styleId="Note">"#));
    }

    #[test]
    fn settings_update_fields_and_speak_french() {
        let xml = "<w:settings><w:zoom w:percent=\"100\" /><w:compat /></w:settings>";
        let out = s(settings(xml.as_bytes(), "fr-FR").unwrap());
        assert_eq!(
            out,
            concat!(
                r#"<w:settings><w:zoom w:percent="100"/><w:hyphenationZone w:val="425"/>"#,
                r#"<w:updateFields w:val="true"/><w:compat/><w:themeFontLang w:val="fr-FR"/>"#,
                r#"<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>"#
            )
        );
    }

    #[test]
    fn core_properties_carry_the_metadata_and_no_date() {
        let xml = concat!(
            r#"<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:created>"#,
            "<dc:creator>unknown</dc:creator><cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:modified>"#,
            "<cp:revision>1</cp:revision></cp:coreProperties>"
        );
        let meta = Meta {
            title: "RC <1>".into(),
            subject: "L'objet".into(),
            author: "Commune\u{1}".into(),
            language: "fr-FR".into(),
            identifier: String::new(),
        };
        let out = s(core_properties(xml.as_bytes(), &meta).unwrap());
        assert_eq!(
            out,
            concat!(
                "<cp:coreProperties><dc:creator>Commune</dc:creator><cp:lastModifiedBy>Commune</cp:lastModifiedBy>",
                "<cp:revision>1</cp:revision><dc:title>RC &lt;1&gt;</dc:title>",
                "<dc:subject>L&apos;objet</dc:subject><dc:language>fr-FR</dc:language></cp:coreProperties>"
            )
        );
    }

    #[test]
    fn watermark_goes_after_the_first_paragraph_properties() {
        let xml = r#"<w:hdr><w:p w14:paraId="00000009"><w:pPr><w:pStyle w:val="Header" /></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:hdr>"#;
        let out = s(watermark(xml.as_bytes(), 2).unwrap());
        assert!(out.starts_with(
            r#"<w:hdr><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>"#
        ));
        assert!(out.contains(r#"id="PowerPlusWaterMarkObject2" o:spid="_x0000_s2050""#));
        assert!(out.contains(r#"string="PROJET""#));
        assert!(out.ends_with("</w:pict></w:r><w:r><w:t>x</w:t></w:r></w:p></w:hdr>"));
    }

    #[test]
    fn unused_parts_are_not_listed() {
        let types = concat!(
            r#"<Types><Default Extension="xml" ContentType="application/xml" />"#,
            r#"<Override PartName="/word/fontTable.xml" ContentType="x" />"#,
            r#"<Override PartName="/word/document.xml" ContentType="y" /></Types>"#
        );
        assert_eq!(
            s(drop_unused_parts(types.as_bytes()).unwrap()),
            r#"<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="y"/></Types>"#
        );
        let rels = concat!(
            r#"<Relationships><Relationship Id="rId4" Type="t" Target="docProps/custom.xml" />"#,
            r#"<Relationship Id="rId5" Type="t" Target="commentsExtended.xml" />"#,
            r#"<Relationship Id="rId1" Type="t" Target="styles.xml" /></Relationships>"#
        );
        assert_eq!(
            s(drop_unused_parts(rels.as_bytes()).unwrap()),
            r#"<Relationships><Relationship Id="rId1" Type="t" Target="styles.xml"/></Relationships>"#
        );
    }

    #[test]
    fn tidy_drops_para_ids_and_grid_col_types() {
        let xml = r#"<w:tbl><w:tblGrid><w:gridCol w:w="10" w:type="dxa" /></w:tblGrid><w:p w14:paraId="0000000A" /></w:tbl>"#;
        assert_eq!(
            s(tidy(xml.as_bytes()).unwrap()),
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="10"/></w:tblGrid><w:p/></w:tbl>"#
        );
    }
}
