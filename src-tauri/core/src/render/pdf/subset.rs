//! TrueType subsetting that keeps glyph ids: the outlines of the glyphs a
//! document uses (and the components they are built from) stay, every
//! other glyph becomes empty. Content streams, /W and ToUnicode then use
//! the font's own glyph ids, with CIDToGIDMap /Identity, and the program
//! shrinks to what is drawn.
//!
//! Only `glyf` and `loca` are rebuilt (`loca` always in the long format,
//! so `head` gets its indexToLocFormat and checksum adjustment patched);
//! every other table is copied as it is.

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

struct Table<'a> {
    tag: [u8; 4],
    data: std::borrow::Cow<'a, [u8]>,
}

/// Glyph `gid`'s bytes in `glyf`, per `loca`.
fn glyph<'a>(glyf: &'a [u8], loca: &[u8], long: bool, gid: u16) -> Option<&'a [u8]> {
    let i = gid as usize;
    let (start, end) = if long {
        (
            u32_at(loca, i * 4)? as usize,
            u32_at(loca, i * 4 + 4)? as usize,
        )
    } else {
        (
            u16_at(loca, i * 2)? as usize * 2,
            u16_at(loca, i * 2 + 2)? as usize * 2,
        )
    };
    glyf.get(start..end.max(start))
}

/// Glyph ids a composite glyph is built from.
fn components(g: &[u8]) -> Vec<u16> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_2X2: u16 = 0x0080;
    let mut out = Vec::new();
    if g.len() < 10 || (u16_at(g, 0).unwrap_or(0) as i16) >= 0 {
        return out;
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) = (u16_at(g, at), u16_at(g, at + 2)) {
        out.push(gid);
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & HAVE_XY_SCALE != 0 {
            4
        } else if flags & HAVE_2X2 != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            break;
        }
    }
    out
}

/// The font with only the outlines of `used` (plus .notdef and the
/// components of composite glyphs). None if the font is not a TrueType
/// font this code understands; the caller then embeds it whole.
pub fn subset(font: &[u8], used: &[u16]) -> Option<Vec<u8>> {
    let num_tables = u16_at(font, 4)? as usize;
    let mut tables = Vec::with_capacity(num_tables);
    for i in 0..num_tables {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let offset = u32_at(font, rec + 8)? as usize;
        let len = u32_at(font, rec + 12)? as usize;
        tables.push(Table {
            tag,
            data: std::borrow::Cow::Borrowed(font.get(offset..offset.checked_add(len)?)?),
        });
    }
    let find = |tag: &[u8; 4]| tables.iter().position(|t| &t.tag == tag);
    let (head_i, glyf_i, loca_i, maxp_i) = (
        find(b"head")?,
        find(b"glyf")?,
        find(b"loca")?,
        find(b"maxp")?,
    );
    let long = u16_at(&tables[head_i].data, 50)? != 0;
    let num_glyphs = u16_at(&tables[maxp_i].data, 4)?;
    let glyf = &tables[glyf_i].data;
    let loca = &tables[loca_i].data;

    let mut keep = vec![false; num_glyphs as usize];
    let mut todo: Vec<u16> = used.to_vec();
    todo.push(0);
    while let Some(gid) = todo.pop() {
        match keep.get_mut(gid as usize) {
            Some(k) if !*k => *k = true,
            _ => continue,
        }
        todo.extend(components(glyph(glyf, loca, long, gid)?));
    }

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((num_glyphs as usize + 1) * 4);
    for gid in 0..num_glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if keep[gid as usize] {
            new_glyf.extend_from_slice(glyph(glyf, loca, long, gid)?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    let mut head = tables[head_i].data.to_vec();
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes());
    tables[glyf_i].data = new_glyf.into();
    tables[loca_i].data = new_loca.into();
    tables[head_i].data = head.into();
    tables.sort_by_key(|t| t.tag);

    // Offset table, table records, then the tables, each 4-byte aligned.
    let n = tables.len() as u16;
    let entry_selector = 15 - n.leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, search_range, entry_selector, n * 16 - search_range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for t in &tables {
        out.extend_from_slice(&t.tag);
        out.extend_from_slice(&checksum(&t.data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(t.data.len() as u32).to_be_bytes());
        offset += t.data.len().div_ceil(4) * 4;
    }
    let mut head_at = 0;
    for t in &tables {
        if &t.tag == b"head" {
            head_at = out.len();
        }
        out.extend_from_slice(&t.data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out.get_mut(head_at + 8..head_at + 12)?
        .copy_from_slice(&adjust.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::{Face, GlyphId};

    #[test]
    fn keeps_the_used_outlines_and_glyph_ids_only() {
        let font = super::super::fonts::face_bytes(super::super::fonts::FALLBACK);
        let face = Face::parse(font, 0).unwrap();
        let le = face.glyph_index('≤').unwrap();
        let ge = face.glyph_index('≥').unwrap();
        let out = subset(font, &[le.0]).unwrap();
        assert!(out.len() < font.len() / 4, "{} bytes", out.len());
        let sub = Face::parse(&out, 0).unwrap();
        assert_eq!(sub.number_of_glyphs(), face.number_of_glyphs());
        assert_eq!(sub.glyph_index('≤'), Some(le));
        assert!(sub.glyph_bounding_box(le).is_some(), "outline kept");
        assert!(sub.glyph_bounding_box(ge).is_none(), "outline dropped");
        assert_eq!(sub.glyph_hor_advance(ge), face.glyph_hor_advance(ge));
        assert_eq!(
            sub.glyph_bounding_box(GlyphId(0)),
            face.glyph_bounding_box(GlyphId(0)),
            ".notdef kept"
        );
        // The whole-font checksum comes out at the magic value.
        assert_eq!(checksum(&out), 0xB1B0_AFBA);
    }
}
