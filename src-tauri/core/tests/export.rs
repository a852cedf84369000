//! Export a sample and read the files back: the PDF's text and fonts
//! (poppler's pdftotext/pdffonts), the DOCX's XML.
mod common;

use dce_core::export::{self, ExportError, Format};
use std::io::Read;
use std::process::Command;

fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool)
        .args(extra)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed by this test (Debian package poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn docx_part(docx: &[u8], part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip");
    let mut s = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{part} in the DOCX"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn today() -> chrono::NaiveDate {
    common::date("2026-11-22")
}

#[test]
fn pdf_carries_the_articles_with_accents_and_embedded_fonts() {
    let d = common::catering();
    let pdf = export::render(&d, Format::Pdf, false, today()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = poppler("pdftotext", &pdf, &["-layout"]);
    for expected in [
        "Commune de Saint-Julien-des-Prés",
        "Fourniture et livraison de repas",
        "Présentation de la consultation",
        "Expression fonctionnelle du besoin",
        "Critères d’attribution",
        "Performance environnementale",
        "Conditions d’exécution",
        "Dérogations au CCAG-FCS",
        "PROJET",
    ] {
        assert!(text.contains(expected), "PDF text lacks {expected:?}");
    }
    let fonts = poppler("pdffonts", &pdf, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {fonts}");
    for row in rows {
        assert!(row.contains("NotoSans"), "unexpected font: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // Columns: name type encoding emb sub uni object ID
        assert!(
            cols.iter().rev().nth(4) == Some(&"yes"),
            "font not embedded: {row}"
        );
    }
}

#[test]
fn docx_has_real_heading_styles_and_the_content() {
    let d = common::catering();
    let docx = export::render(&d, Format::Docx, false, today()).unwrap();
    assert!(docx.starts_with(b"PK"));
    let xml = docx_part(&docx, "word/document.xml");
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1"/>"#),
        "no Heading1 paragraph"
    );
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading2"/>"#),
        "no Heading2 paragraph"
    );
    for expected in [
        "Présentation de la consultation",
        "Expression fonctionnelle du besoin",
        "Fourniture et livraison de repas",
        "Performance environnementale",
    ] {
        assert!(xml.contains(expected), "document.xml lacks {expected:?}");
    }
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(
        styles.contains("heading 1"),
        "styles.xml lacks the Word heading 1 style"
    );
}

#[test]
fn final_version_has_no_watermark() {
    let d = common::catering();
    let pdf = export::render(&d, Format::Pdf, true, today()).unwrap();
    assert!(!poppler("pdftotext", &pdf, &[]).contains("PROJET"));
    let docx = export::render(&d, Format::Docx, true, today()).unwrap();
    assert!(!docx_part(&docx, "word/document.xml").contains("PROJET"));
}

#[test]
fn final_version_is_refused_while_a_blocking_finding_remains() {
    let mut d = common::catering();
    d.criteria[0].weight_percent = 10;
    match export::render(&d, Format::Pdf, true, today()) {
        Err(ExportError::Blocked(findings)) => {
            assert!(findings.iter().any(|f| f.code == "criteria.weights_total"));
        }
        Err(other) => panic!("expected a refusal, got {other}"),
        Ok(_) => panic!("a final version with a blocking finding must be refused"),
    }
    let msg = export::render(&d, Format::Docx, true, today())
        .err()
        .unwrap()
        .to_string();
    assert!(
        msg.starts_with("La version à publier est refusée tant que 1 point(s) bloquant(s)"),
        "{msg}"
    );
    assert!(msg.contains("70 %"), "{msg}");
    // A draft is always allowed.
    assert!(export::render(&d, Format::Pdf, false, today()).is_ok());
}
