//! Embedding the faces: one Type0 font per face, Identity-H encoded (the
//! content streams carry glyph ids), with its TrueType program, widths and
//! a ToUnicode map so that copying and searching give the real text.
//!
//! The bundled faces are already subsets, embedded whole: their objects do
//! not depend on the document, so they are built and compressed once per
//! process and only copied into each PDF.

use super::fonts::{self, Metrics, FALLBACK};
use super::paint::font_resource;
use lopdf::{dictionary, Dictionary, Document, Object, Stream};
use std::sync::OnceLock;
use ttf_parser::{Face, GlyphId};

/// A face's objects, ready to add to any document.
pub struct Embedded {
    /// PostScript name with its subset tag.
    pub base_font: String,
    pub widths: Vec<Object>,
    pub descriptor: Dictionary,
    /// Compressed TrueType program and its uncompressed length.
    pub program: (Vec<u8>, usize),
    /// Compressed ToUnicode CMap.
    pub to_unicode: Vec<u8>,
}

pub fn deflate(data: &[u8]) -> Vec<u8> {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;
    let mut e = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::default());
    // Writing into a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Six capital letters naming a subset (PDF 32000-1, 9.6.4), derived from
/// the glyphs it holds so that the same subset always gets the same tag.
pub fn subset_tag(seed: &[u8]) -> String {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in seed {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

/// Widths in thousandths of an em, as /W runs of consecutive glyph ids.
pub fn widths(face: &Face<'_>, gids: &[u16]) -> Vec<Object> {
    let upem = face.units_per_em() as f32;
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut start = 0u16;
    let mut prev: Option<u16> = None;
    for &gid in gids {
        let w = face.glyph_hor_advance(GlyphId(gid)).unwrap_or(0) as f32 * 1000.0 / upem;
        if prev.is_some_and(|p| p + 1 == gid) {
            run.push(Object::Integer(w.round() as i64));
        } else {
            if !run.is_empty() {
                out.push(Object::Integer(start as i64));
                out.push(Object::Array(std::mem::take(&mut run)));
            }
            start = gid;
            run.push(Object::Integer(w.round() as i64));
        }
        prev = Some(gid);
    }
    if !run.is_empty() {
        out.push(Object::Integer(start as i64));
        out.push(Object::Array(run));
    }
    out
}

/// A ToUnicode CMap for (glyph id, character) pairs sorted by glyph id.
pub fn to_unicode(pairs: &[(u16, char)]) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // At most 100 entries per block (PDF 32000-1, 9.10.3).
    for chunk in pairs.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for &(gid, c) in chunk {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{gid:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

/// The font descriptor's metrics, in thousandths of an em.
pub fn descriptor(face: &Face<'_>) -> Dictionary {
    let k = 1000.0 / face.units_per_em() as f32;
    let s = |v: i16| Object::Integer((v as f32 * k).round() as i64);
    let bbox = face.global_bounding_box();
    let italic = face.is_italic() || face.italic_angle() != 0.0;
    // Nonsymbolic (32), plus Italic (64).
    let flags = 32 | if italic { 64 } else { 0 };
    // No stem width in a TrueType font: the usual estimate from the weight.
    let stem_v = 10 + 220 * (face.weight().to_number() as i64 - 50).pow(2) / 900i64.pow(2);
    dictionary! {
        "Type" => "FontDescriptor",
        "Flags" => flags,
        "FontBBox" => vec![s(bbox.x_min), s(bbox.y_min), s(bbox.x_max), s(bbox.y_max)],
        "ItalicAngle" => Object::Real(face.italic_angle()),
        "Ascent" => s(face.ascender()),
        "Descent" => s(face.descender()),
        "CapHeight" => s(face.capital_height().unwrap_or(face.ascender())),
        "StemV" => stem_v.max(50),
    }
}

/// The bundled faces' objects, built once.
fn bundled(m: &'static Metrics) -> &'static [Embedded] {
    static CACHE: OnceLock<Vec<Embedded>> = OnceLock::new();
    CACHE.get_or_init(|| {
        (0..FALLBACK)
            .map(|i| {
                let face = m.face(i);
                let bytes = fonts::face_bytes(i);
                let pairs: Vec<(u16, char)> = {
                    let mut v: Vec<(u16, char)> = fonts::mapped(face)
                        .into_iter()
                        .filter_map(|(cp, gid)| char::from_u32(cp).map(|c| (gid, c)))
                        .collect();
                    // One character per glyph: the lowest code point.
                    v.sort_unstable();
                    v.dedup_by_key(|&mut (gid, _)| gid);
                    v
                };
                let gids: Vec<u16> = (0..face.number_of_glyphs()).collect();
                Embedded {
                    base_font: format!("{}+{}", subset_tag(bytes), fonts::face_name(i)),
                    widths: widths(face, &gids),
                    descriptor: descriptor(face),
                    program: (deflate(bytes), bytes.len()),
                    to_unicode: deflate(&to_unicode(&pairs)),
                }
            })
            .collect()
    })
}

fn compressed_stream(dict: Dictionary, content: Vec<u8>) -> Stream {
    let mut dict = dict;
    dict.set("Filter", "FlateDecode");
    let mut s = Stream::new(dict, content);
    s.allows_compression = false;
    s
}

/// Adds one face's objects and returns the Type0 font's reference.
pub fn add(doc: &mut Document, e: &Embedded) -> Object {
    let program = doc.add_object(compressed_stream(
        dictionary! { "Length1" => e.program.1 as i64 },
        e.program.0.clone(),
    ));
    let mut descriptor = e.descriptor.clone();
    descriptor.set("FontName", Object::Name(e.base_font.clone().into_bytes()));
    descriptor.set("FontFile2", Object::Reference(program));
    let descriptor = doc.add_object(descriptor);
    let to_unicode = doc.add_object(compressed_stream(Dictionary::new(), e.to_unicode.clone()));
    let cid_font = dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(e.base_font.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => Object::Reference(descriptor),
        "CIDToGIDMap" => "Identity",
        "W" => e.widths.clone(),
    };
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(e.base_font.clone().into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font.into()],
        "ToUnicode" => Object::Reference(to_unicode),
    });
    Object::Reference(font)
}

/// The fallback face cut down to the glyphs this document draws with it
/// (`glyphs`: glyph id and the character it stands for).
fn fallback(m: &'static Metrics, glyphs: &[(u16, char)]) -> Embedded {
    let face = m.face(FALLBACK);
    let bytes = fonts::face_bytes(FALLBACK);
    let mut pairs = glyphs.to_vec();
    pairs.sort_unstable();
    pairs.dedup_by_key(|&mut (gid, _)| gid);
    let gids: Vec<u16> = pairs.iter().map(|&(gid, _)| gid).collect();
    let program = super::subset::subset(bytes, &gids).unwrap_or_else(|| bytes.to_vec());
    let seed: Vec<u8> = gids.iter().flat_map(|g| g.to_be_bytes()).collect();
    Embedded {
        base_font: format!("{}+{}", subset_tag(&seed), fonts::face_name(FALLBACK)),
        widths: widths(face, &gids),
        descriptor: descriptor(face),
        program: (deflate(&program), program.len()),
        to_unicode: deflate(&to_unicode(&pairs)),
    }
}

/// The /Font resource dictionary: the faces the pages use (`used` is a
/// bit mask by face index; `fallback_glyphs` what the fallback face draws).
pub fn fonts(
    doc: &mut Document,
    m: &'static Metrics,
    used: u32,
    fallback_glyphs: &[(u16, char)],
) -> Dictionary {
    let mut d = Dictionary::new();
    for (i, e) in bundled(m).iter().enumerate() {
        if used & (1 << i) == 0 {
            continue;
        }
        let r = add(doc, e);
        d.set(font_resource(i as u8).to_vec(), r);
    }
    if used & (1 << FALLBACK) != 0 && !fallback_glyphs.is_empty() {
        let r = add(doc, &fallback(m, fallback_glyphs));
        d.set(font_resource(FALLBACK as u8).to_vec(), r);
    }
    d
}
