//! Page geometry, the section properties and the header/footer parts.
//!
//! The cover page gets its own (empty) header and footer through
//! `w:titlePg`; in draft mode both headers carry the watermark, because a
//! watermark lives in a header and the first page would otherwise show none.

use super::text::{self, PPr, RPr};
use super::xml::{esc, DECL, WORD_NS};

/// A4 portrait, in twips (1/20 pt).
pub const PAGE_W: u32 = 11906;
pub const PAGE_H: u32 = 16838;
/// 2 cm left and right, 2 cm top, 2 cm bottom.
pub const MARGIN_X: u32 = 1134;
pub const MARGIN_TOP: u32 = 1134;
pub const MARGIN_BOTTOM: u32 = 1134;
/// Header and footer sit 1 cm from the page edge.
pub const HEADER_DIST: u32 = 567;
/// Width available to text and tables (A4 minus margins): 17 cm.
pub const TEXT_W: u32 = PAGE_W - 2 * MARGIN_X;

/// Relationship ids of the four header/footer parts (see `package.rs`).
pub const REL_HEADER: &str = "rIdHeaderDefault";
pub const REL_HEADER_FIRST: &str = "rIdHeaderFirst";
pub const REL_FOOTER: &str = "rIdFooterDefault";
pub const REL_FOOTER_FIRST: &str = "rIdFooterFirst";

/// The body's final `w:sectPr`.
pub fn section_properties(out: &mut String) {
    out.push_str(&format!(
        concat!(
            "<w:sectPr>",
            r#"<w:headerReference w:type="default" r:id="{hd}"/>"#,
            r#"<w:headerReference w:type="first" r:id="{hf}"/>"#,
            r#"<w:footerReference w:type="default" r:id="{fd}"/>"#,
            r#"<w:footerReference w:type="first" r:id="{ff}"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#,
            r#"<w:pgMar w:top="{t}" w:right="{x}" w:bottom="{b}" w:left="{x}" w:header="{d}" w:footer="{d}" w:gutter="0"/>"#,
            r#"<w:cols w:space="708"/>"#,
            "<w:titlePg/>",
            "</w:sectPr>"
        ),
        hd = REL_HEADER,
        hf = REL_HEADER_FIRST,
        fd = REL_FOOTER,
        ff = REL_FOOTER_FIRST,
        w = PAGE_W,
        h = PAGE_H,
        t = MARGIN_TOP,
        b = MARGIN_BOTTOM,
        x = MARGIN_X,
        d = HEADER_DIST,
    ));
}

/// Header of every page but the cover: the running header in small grey.
pub fn header(running: &str, draft: bool) -> String {
    let mut p = String::new();
    p.push_str("<w:p>");
    // Without text, the style's bottom rule would float alone on the page.
    let style = if running.trim().is_empty() {
        "HeaderEmpty"
    } else {
        "Header"
    };
    PPr::style(style).write(&mut p);
    if draft {
        watermark(&mut p, 1);
    }
    if !running.is_empty() {
        text::run(&mut p, running, RPr::default());
    }
    p.push_str("</w:p>");
    part("hdr", &p)
}

/// Header of the cover: nothing, or only the watermark.
pub fn header_first(draft: bool) -> String {
    let mut p = String::from("<w:p>");
    PPr::style("HeaderEmpty").write(&mut p);
    if draft {
        watermark(&mut p, 2);
    }
    p.push_str("</w:p>");
    part("hdr", &p)
}

/// « Page X / Y », right aligned. The cached values are placeholders that
/// every reader recomputes while laying out the page.
pub fn footer() -> String {
    let mut p = String::from("<w:p>");
    PPr::style("Footer").write(&mut p);
    text::run(&mut p, "Page ", RPr::default());
    text::field(&mut p, "PAGE", "1", RPr::default());
    text::run(&mut p, " / ", RPr::default());
    text::field(&mut p, "NUMPAGES", "1", RPr::default());
    p.push_str("</w:p>");
    part("ftr", &p)
}

pub fn footer_first() -> String {
    let mut p = String::from("<w:p>");
    PPr::style("HeaderEmpty").write(&mut p);
    p.push_str("</w:p>");
    part("ftr", &p)
}

fn part(root: &str, body: &str) -> String {
    format!("{DECL}<w:{root} {WORD_NS}>{body}</w:{root}>")
}

/// The text watermark exactly as Word writes it (shape type 136, "PowerPlus
/// WaterMark" id): Word lists it under Design > Watermark, and LibreOffice
/// recognises the same markup as its own watermark.
fn watermark(out: &mut String, n: u32) {
    out.push_str(&format!(
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
        text = esc(WATERMARK),
    ));
}

const WATERMARK: &str = "PROJET";
