//! Page geometry and the header/footer parts, built with docx-rs.
//!
//! The cover page gets its own (empty) header and footer through
//! `w:titlePg`; in draft mode both headers carry the watermark (added by
//! `additions.rs`: docx-rs has no VML shapes), because a watermark lives in
//! a header and the first page would otherwise show none.

use docx_rs::{Docx, Footer, Header, InstrText, PageMargin};

use super::text::{self, PPr, RPr};

/// A4 portrait, in twips (1/20 pt).
pub const PAGE_W: usize = 11906;
pub const PAGE_H: usize = 16838;
/// 2 cm on every side.
pub const MARGIN: usize = 1134;
/// Header and footer sit 1 cm from the page edge.
pub const HEADER_DIST: usize = 567;
/// Width available to text and tables (A4 minus margins): 17 cm.
pub const TEXT_W: usize = PAGE_W - 2 * MARGIN;

/// Page size, margins, and the four header/footer parts: `header1.xml`
/// (every page but the cover), `header2.xml` (cover), and the same for
/// footers.
pub fn setup(docx: Docx, running_header: &str) -> Docx {
    let m = MARGIN as i32;
    let d = HEADER_DIST as i32;
    docx.page_size(PAGE_W as u32, PAGE_H as u32)
        .page_margin(
            PageMargin::new()
                .top(m)
                .right(m)
                .bottom(m)
                .left(m)
                .header(d)
                .footer(d)
                .gutter(0),
        )
        .header(Header::new().add_paragraph(header(running_header)))
        .first_header(Header::new().add_paragraph(PPr::style("HeaderEmpty").paragraph()))
        .footer(Footer::new().add_paragraph(footer()))
        .first_footer(Footer::new().add_paragraph(PPr::style("HeaderEmpty").paragraph()))
}

/// Header of every page but the cover: the running header in small grey.
fn header(running: &str) -> docx_rs::Paragraph {
    // Without text, the style's bottom rule would float alone on the page.
    let style = if running.trim().is_empty() {
        "HeaderEmpty"
    } else {
        "Header"
    };
    text::paragraph(&PPr::style(style), running, RPr::default())
}

/// « Page X / Y », right aligned. The cached values are placeholders that
/// every reader recomputes while laying out the page.
fn footer() -> docx_rs::Paragraph {
    let p = PPr::style("Footer")
        .paragraph()
        .add_run(text::run("Page ", RPr::default()));
    let p = text::field(p, InstrText::Unsupported(" PAGE ".into()), "1");
    let p = p.add_run(text::run(" / ", RPr::default()));
    text::field(p, InstrText::Unsupported(" NUMPAGES ".into()), "1")
}
