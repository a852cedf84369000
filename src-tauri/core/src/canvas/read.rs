//! Reading a filled frame back: each measured line's figure (or « non
//! mesuré ») and justification, from the PDF form fields or the DOCX
//! content controls.
//!
//! The frame names its dossier: the PDF document information carries
//! [`PDF_DOSSIER_KEY`], the DOCX core properties a `dc:identifier`, both set
//! to the dossier's uid when the frame is exported. A file of another
//! dossier is refused, and so is a figure that is not a number.

use super::{figure_field, justification_field, not_measured_field};
use crate::model::{Dossier, Question};
use lopdf::{Dictionary, Object};
use quick_xml::events::Event;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;
use thiserror::Error;
use ts_rs::TS;

/// The key of the PDF document information that holds the dossier's uid.
pub const PDF_DOSSIER_KEY: &str = "DceUniqueDossier";

/// What a bidder answered on one line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Figure {
    Value(f64),
    /// The firm said it cannot measure the line (« non mesuré »).
    NotMeasured,
    /// Left empty.
    Missing,
}

/// One measured line of a filled frame.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LineAnswer {
    pub question_id: String,
    pub figure: Figure,
    pub justification: String,
}

/// Why a filled frame is refused; each message says what to do.
#[derive(Debug, Error, PartialEq)]
pub enum CanvasError {
    #[error("Ce fichier n’est pas un PDF lisible\u{a0}: demandez à l’entreprise le cadre de réponse enregistré au format PDF. ({detail})")]
    NotPdf { detail: String },
    #[error("Ce fichier n’est pas un document Word (DOCX) lisible\u{a0}: demandez à l’entreprise le cadre de réponse enregistré au format DOCX. ({detail})")]
    NotDocx { detail: String },
    #[error("Le dossier ne contient aucune ligne chiffrée du canevas environnemental\u{a0}: ajoutez-en au cadre environnemental avant de lire les réponses.")]
    NoMeasuredLine,
    #[error("Ce fichier n’est pas un cadre de réponse produit par DCE Unique (il ne dit pas à quel dossier il appartient)\u{a0}: demandez à l’entreprise de remplir le cadre fourni dans le dossier de consultation.")]
    NotOurFrame,
    #[error("Ce cadre de réponse a été produit pour un autre dossier\u{a0}: vérifiez que vous l’avez rangé dans la bonne consultation, ou demandez à l’entreprise de remplir le cadre fourni dans ce dossier de consultation.")]
    WrongDossier,
    #[error("«\u{a0}{line}\u{a0}»\u{a0}: «\u{a0}{found}\u{a0}» n’est pas un nombre (écrivez un nombre seul, par exemple 12,5, ou cochez «\u{a0}non mesuré\u{a0}»).")]
    NotANumber { line: String, found: String },
    #[error("«\u{a0}{line}\u{a0}»\u{a0}: une valeur est donnée ({found}) et la case «\u{a0}non mesuré\u{a0}» est cochée\u{202f}; demandez à l’entreprise laquelle des deux réponses vaut.")]
    Contradiction { line: String, found: String },
}

/// Text fields by name, and check boxes by name (ticked or not).
#[derive(Default)]
struct Filled {
    identifier: Option<String>,
    text: HashMap<String, String>,
    checked: HashMap<String, bool>,
}

/// The measured lines of a filled PDF frame of `dossier`.
pub fn read_pdf(dossier: &Dossier, bytes: &[u8]) -> Result<Vec<LineAnswer>, CanvasError> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| CanvasError::NotPdf {
        detail: e.to_string(),
    })?;
    let mut filled = Filled {
        identifier: pdf_identifier(&doc),
        ..Default::default()
    };
    if let Some(fields) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|f| resolve_dict(&doc, f))
        .and_then(|f| f.get(b"Fields").ok())
        .and_then(|f| resolve(&doc, f).as_array().ok())
    {
        for f in fields {
            pdf_field(&doc, f, None, &mut filled, 0);
        }
    }
    answers(dossier, filled)
}

fn resolve<'a>(doc: &'a lopdf::Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn resolve_dict<'a>(doc: &'a lopdf::Document, o: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, o).as_dict().ok()
}

fn pdf_identifier(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = resolve_dict(doc, info)?;
    lopdf::decode_text_string(info.get(PDF_DOSSIER_KEY.as_bytes()).ok()?).ok()
}

/// A field and its kids (a filler may split a field into a parent holding
/// the name and value and widgets without a name).
fn pdf_field(
    doc: &lopdf::Document,
    f: &Object,
    parent: Option<&str>,
    out: &mut Filled,
    depth: u32,
) {
    let Some(d) = resolve_dict(doc, f) else {
        return;
    };
    if depth > 8 {
        return;
    }
    let own = d
        .get(b"T")
        .ok()
        .and_then(|t| lopdf::decode_text_string(resolve(doc, t)).ok());
    let name = own.as_deref().or(parent);
    if let Some(name) = name {
        match d.get(b"V").map(|v| resolve(doc, v)) {
            Ok(Object::Name(n)) => {
                out.checked.insert(name.to_string(), n.as_slice() != b"Off");
            }
            Ok(v @ Object::String(..)) => {
                if let Ok(s) = lopdf::decode_text_string(v) {
                    out.text.insert(name.to_string(), s);
                }
            }
            _ => {}
        }
    }
    if let Ok(kids) = d.get(b"Kids").map(|k| resolve(doc, k)) {
        if let Ok(kids) = kids.as_array() {
            for k in kids {
                pdf_field(doc, k, name, out, depth + 1);
            }
        }
    }
}

/// The measured lines of a filled DOCX frame of `dossier`.
pub fn read_docx(dossier: &Dossier, bytes: &[u8]) -> Result<Vec<LineAnswer>, CanvasError> {
    let not_docx = |e: &dyn std::fmt::Display| CanvasError::NotDocx {
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_docx(&e))?;
    let mut part = |name: &str| -> Result<Option<String>, CanvasError> {
        let Ok(mut f) = zip.by_name(name) else {
            return Ok(None);
        };
        let mut s = String::new();
        f.read_to_string(&mut s).map_err(|e| not_docx(&e))?;
        Ok(Some(s))
    };
    let document =
        part("word/document.xml")?.ok_or_else(|| not_docx(&"word/document.xml manque"))?;
    let core = part("docProps/core.xml")?.unwrap_or_default();
    let mut filled = docx_controls(&document).map_err(|e| not_docx(&e))?;
    filled.identifier = docx_identifier(&core);
    answers(dossier, filled)
}

fn docx_identifier(core: &str) -> Option<String> {
    let mut r = quick_xml::Reader::from_str(core);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.name().as_ref() == b"dc:identifier" => inside = true,
            Event::Text(t) if inside => text.push_str(&t.decode().ok()?),
            Event::End(e) if e.name().as_ref() == b"dc:identifier" => return Some(text),
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn attr(e: &quick_xml::events::BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw).map_or(raw.clone(), |v| v.into_owned())
        })
}

/// Every content control of the body: its tag (or alias, which LibreOffice
/// keeps when it drops the tag), its text unless it still shows the
/// placeholder, and its check box state.
fn docx_controls(xml: &str) -> Result<Filled, quick_xml::Error> {
    #[derive(Default)]
    struct Sdt {
        tag: Option<String>,
        alias: Option<String>,
        placeholder: bool,
        checkbox: Option<bool>,
        text: String,
        in_content: bool,
    }
    let mut out = Filled::default();
    let mut r = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Sdt> = Vec::new();
    let mut in_text = false;
    loop {
        let ev = r.read_event()?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.name();
                match name.as_ref() {
                    b"w:sdt" if !empty => stack.push(Sdt::default()),
                    b"w:sdtContent" if !empty => {
                        if let Some(s) = stack.last_mut() {
                            s.in_content = true;
                        }
                    }
                    b"w:tag" => {
                        if let Some(s) = stack.last_mut() {
                            s.tag = attr(e, b"w:val");
                        }
                    }
                    b"w:alias" => {
                        if let Some(s) = stack.last_mut() {
                            s.alias = attr(e, b"w:val");
                        }
                    }
                    b"w:showingPlcHdr" => {
                        if let Some(s) = stack.last_mut() {
                            s.placeholder =
                                attr(e, b"w:val").is_none_or(|v| v != "0" && v != "false");
                        }
                    }
                    b"w14:checked" => {
                        if let Some(s) = stack.last_mut() {
                            s.checkbox =
                                Some(attr(e, b"w14:val").is_some_and(|v| v == "1" || v == "true"));
                        }
                    }
                    b"w:t" if !empty => in_text = true,
                    b"w:tab" | b"w:br" => {
                        if let Some(s) = stack.last_mut().filter(|s| s.in_content) {
                            s.text.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                if let Some(s) = stack.last_mut().filter(|s| s.in_content) {
                    s.text
                        .push_str(&t.decode().map_err(quick_xml::Error::from)?);
                }
            }
            Event::GeneralRef(g) if in_text => {
                if let Some(s) = stack.last_mut().filter(|s| s.in_content) {
                    let name = String::from_utf8_lossy(&g).into_owned();
                    let c = match name.as_str() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => g.resolve_char_ref().ok().flatten(),
                    };
                    if let Some(c) = c {
                        s.text.push(c);
                    }
                }
            }
            Event::End(ref e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:sdtContent" => {
                    if let Some(s) = stack.last_mut() {
                        s.in_content = false;
                    }
                }
                b"w:sdt" => {
                    if let Some(s) = stack.pop() {
                        if let Some(name) = s.tag.or(s.alias) {
                            match s.checkbox {
                                Some(c) => {
                                    out.checked.insert(name, c);
                                }
                                None => {
                                    let text = if s.placeholder { String::new() } else { s.text };
                                    out.text.insert(name, text);
                                }
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn answers(dossier: &Dossier, filled: Filled) -> Result<Vec<LineAnswer>, CanvasError> {
    let measured: Vec<&Question> = dossier
        .questions
        .iter()
        .filter(|q| q.measure.is_some())
        .collect();
    if measured.is_empty() {
        return Err(CanvasError::NoMeasuredLine);
    }
    match filled.identifier.as_deref().map(str::trim) {
        None | Some("") => return Err(CanvasError::NotOurFrame),
        Some(uid) if uid != dossier.uid => return Err(CanvasError::WrongDossier),
        Some(_) => {}
    }
    measured
        .into_iter()
        .map(|q| {
            let unit = q.measure.as_ref().map_or("", |m| m.unit.as_str());
            let raw = filled
                .text
                .get(&figure_field(&q.id))
                .map_or("", String::as_str);
            let ticked = filled
                .checked
                .get(&not_measured_field(&q.id))
                .copied()
                .unwrap_or(false);
            let figure = match parse_figure(raw, unit) {
                Some(Ok(Figure::Value(v))) if ticked => {
                    return Err(CanvasError::Contradiction {
                        line: q.prompt.clone(),
                        found: crate::french::quantity((v * 1000.0).round() as i64),
                    })
                }
                Some(Ok(f)) => f,
                Some(Err(())) => {
                    return Err(CanvasError::NotANumber {
                        line: q.prompt.clone(),
                        found: raw.trim().to_string(),
                    })
                }
                None if ticked => Figure::NotMeasured,
                None => Figure::Missing,
            };
            Ok(LineAnswer {
                question_id: q.id.clone(),
                figure,
                justification: filled
                    .text
                    .get(&justification_field(&q.id))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// A figure as a firm types it: « 12,5 », « 1 234 », « 12.5 », « 35 % »
/// (the line's unit may follow), or « non mesuré ». None when empty.
pub fn parse_figure(raw: &str, unit: &str) -> Option<Result<Figure, ()>> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let folded: String = s.to_lowercase().replace('é', "e");
    if folded.split_whitespace().collect::<Vec<_>>() == ["non", "mesure"] {
        return Some(Ok(Figure::NotMeasured));
    }
    let mut s = s;
    let unit = unit.trim();
    if !unit.is_empty() && s.to_lowercase().ends_with(&unit.to_lowercase()) {
        s = s[..s.len() - unit.len()].trim_end();
    }
    let mut n: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if n.contains(',') {
        n = n.replace('.', "").replace(',', ".");
    }
    let well_formed = !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && n.chars().any(|c| c.is_ascii_digit());
    match n.parse::<f64>() {
        Ok(v) if well_formed && v.is_finite() => Some(Ok(Figure::Value(v))),
        _ => Some(Err(())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str, unit: &str) -> Option<Result<Figure, ()>> {
        parse_figure(s, unit)
    }

    #[test]
    fn figures_are_read_the_way_firms_type_them() {
        let v = |x| Some(Ok(Figure::Value(x)));
        assert_eq!(value("12,5", "km"), v(12.5));
        assert_eq!(value(" 1 234 ", "km"), v(1234.0));
        assert_eq!(value("1\u{202f}234,50", "km"), v(1234.5));
        assert_eq!(value("12.5", "km"), v(12.5));
        assert_eq!(value("35 %", "%"), v(35.0));
        assert_eq!(value("8 kWh par an", "kWh par an"), v(8.0));
        assert_eq!(value("Non mesuré", "%"), Some(Ok(Figure::NotMeasured)));
        assert_eq!(value("non mesure", "%"), Some(Ok(Figure::NotMeasured)));
        assert_eq!(value("", "%"), None);
        for bad in ["douze", "12 km environ", "inf", "NaN", "-", "1,2,3", "0x10"] {
            assert_eq!(value(bad, "%"), Some(Err(())), "{bad}");
        }
    }
}
