//! Fillable fields over the drawn answer boxes and check boxes, written
//! with lopdf.
//!
//! The page content already draws each box, its placeholder and its tick,
//! so the printed blank form looks right in any reader. The widgets add:
//! a text field with a white background (so typed text hides the grey
//! placeholder) and an empty normal appearance (so the placeholder shows
//! while the field is empty); a check box with explicit /Yes and /Off
//! appearances that match the drawn square.

use super::layout::{FieldKind, FieldMark};
use super::outline::text_string;
use super::style::ACCENT;
use lopdf::{dictionary, Document, Object, ObjectId, Stream};
use std::collections::HashSet;

/// Field flags (PDF 32000-1, table 228).
const FF_MULTILINE: i64 = 1 << 12;
/// Annotation flag « Print ».
const F_PRINT: i64 = 4;

/// A field's partial name may not contain a period (it separates the
/// levels of a qualified name) and must be unique in the form.
fn field_name(id: &str, used: &mut HashSet<String>) -> String {
    let base: String = id.chars().map(|c| if c == '.' { '_' } else { c }).collect();
    let base = if base.is_empty() {
        "champ".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

fn appearance(doc: &mut Document, w: f32, h: f32, content: String) -> ObjectId {
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)],
        "Resources" => dictionary! {},
    };
    doc.add_object(Stream::new(dict, content.into_bytes()))
}

fn check_appearance(doc: &mut Document, w: f32, h: f32, checked: bool) -> ObjectId {
    let mut s = format!(
        "1 g 0 0 {w} {h} re f 0.102 G 0.7 w 0.35 0.35 {} {} re S",
        w - 0.7,
        h - 0.7
    );
    if checked {
        // Same tick as the page content (layout::checkbox), box-relative.
        s.push_str(&format!(
            " {} {} {} RG 1.3 w 1 J 1 j 1.8 {} m 3.8 {} l 7.4 {} l S",
            ACCENT.0,
            ACCENT.1,
            ACCENT.2,
            h - 4.8,
            h - 7.0,
            h - 1.9
        ));
    }
    appearance(doc, w, h, s)
}

/// AFNumber_Format(decimals, separator style 3 = « 1234,56 », negative
/// style, currency style, currency, currency before): the Acrobat forms API
/// every form-filling reader implements.
pub const NUMBER_FORMAT: &str = "AFNumber_Format(2, 3, 0, 0, \"\", true);";
pub const NUMBER_KEYSTROKE: &str = "AFNumber_Keystroke(2, 3, 0, 0, \"\", true);";

fn javascript(js: &str) -> lopdf::Dictionary {
    dictionary! { "S" => "JavaScript", "JS" => Object::string_literal(js) }
}

pub fn add(doc: &mut Document, page_ids: &[ObjectId], fields: &[FieldMark]) -> lopdf::Result<()> {
    if fields.is_empty() {
        return Ok(());
    }
    let helv = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let zadb = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "ZapfDingbats",
    });
    let mut used = HashSet::new();
    let mut refs = Vec::new();
    for f in fields {
        let Some(&page) = page_ids.get(f.page) else {
            continue;
        };
        let [x1, y1, x2, y2] = f.rect;
        let (w, h) = (x2 - x1, y2 - y1);
        let rect = vec![
            Object::Real(x1),
            Object::Real(y1),
            Object::Real(x2),
            Object::Real(y2),
        ];
        let mut d = dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "T" => text_string(&field_name(&f.id, &mut used)),
            "Rect" => rect,
            "P" => Object::Reference(page),
            "F" => F_PRINT,
        };
        match f.kind {
            FieldKind::Text { multiline } => {
                let ap = appearance(doc, w, h, "/Tx BMC EMC".into());
                d.set("FT", "Tx");
                d.set("Ff", if multiline { FF_MULTILINE } else { 0 });
                d.set("V", text_string(""));
                d.set("DA", Object::string_literal("/Helv 10 Tf 0 g"));
                d.set("MK", dictionary! { "BG" => vec![Object::Real(1.0)] });
                if !f.placeholder.is_empty() {
                    d.set("TU", text_string(&f.placeholder));
                }
                d.set("AP", dictionary! { "N" => Object::Reference(ap) });
            }
            FieldKind::Number => {
                let ap = appearance(doc, w, h, "/Tx BMC EMC".into());
                d.set("FT", "Tx");
                d.set("Ff", 0);
                d.set("V", text_string(""));
                d.set("DA", Object::string_literal("/Helv 10 Tf 0 g"));
                d.set("MK", dictionary! { "BG" => vec![Object::Real(1.0)] });
                d.set("TU", text_string(&f.placeholder));
                d.set("AP", dictionary! { "N" => Object::Reference(ap) });
                // Acrobat's number format: typed text must be a number,
                // shown with a decimal comma and no thousands separator.
                d.set(
                    "AA",
                    dictionary! {
                        "F" => javascript(NUMBER_FORMAT),
                        "K" => javascript(NUMBER_KEYSTROKE),
                    },
                );
            }
            FieldKind::Check { checked } => {
                let on = check_appearance(doc, w, h, true);
                let off = check_appearance(doc, w, h, false);
                let state = if checked { "Yes" } else { "Off" };
                d.set("FT", "Btn");
                d.set("V", state);
                d.set("AS", state);
                d.set("DA", Object::string_literal("/ZaDb 0 Tf 0 g"));
                d.set("MK", dictionary! { "BG" => vec![Object::Real(1.0)], "CA" => Object::string_literal("4") });
                d.set("AP", dictionary! { "N" => dictionary! { "Yes" => Object::Reference(on), "Off" => Object::Reference(off) } });
            }
        }
        let id = doc.add_object(d);
        refs.push(Object::Reference(id));
        let page_dict = doc.get_object_mut(page)?.as_dict_mut()?;
        match page_dict.get_mut(b"Annots") {
            Ok(Object::Array(a)) => a.push(Object::Reference(id)),
            _ => page_dict.set("Annots", vec![Object::Reference(id)]),
        }
    }
    let form = dictionary! {
        "Fields" => refs,
        "DA" => Object::string_literal("/Helv 10 Tf 0 g"),
        "DR" => dictionary! { "Font" => dictionary! { "Helv" => Object::Reference(helv), "ZaDb" => Object::Reference(zadb) } },
    };
    doc.catalog_mut()?.set("AcroForm", form);
    Ok(())
}
