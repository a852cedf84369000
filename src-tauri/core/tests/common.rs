//! Shared by the integration tests: a fresh dossier from the bundled sample.
#![allow(dead_code)] // each test file uses its own subset

use chrono::NaiveDate;
use dce_core::model::Dossier;
use dce_core::samples;

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// The school-catering sample, launched on 30 November 2026.
pub fn catering() -> Dossier {
    samples::find("restauration-scolaire")
        .expect("sample")
        .instantiate(date("2026-11-22"), "test-uid".into())
}

/// The village-hall sample (three lots), launched on 22 November 2026 like [`catering`].
pub fn village_hall() -> Dossier {
    samples::find("renovation-salle-des-fetes")
        .expect("sample")
        .instantiate(date("2026-11-22"), "u".into())
}

/// Runs the `dce` binary on the database `db`, whatever `DCE_DB` says.
pub fn dce(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dce"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DCE_DB")
        .output()
        .expect("run dce")
}

/// Runs a LibreOffice check script of `scripts/` with `args`; panics, with
/// its output, when it fails or when LibreOffice is absent (it then says « IGNORÉ »).
pub fn libreoffice_script(name: &str, args: &[&std::path::Path], what: &str) -> String {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts")
        .join(name);
    let out = std::process::Command::new("bash")
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} could not run: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "LibreOffice could not {what}:\n{stdout}{stderr}"
    );
    assert!(
        !stdout.starts_with("IGNORÉ"),
        "LibreOffice is needed by this test (Debian packages libreoffice-calc, libreoffice-writer and python3-uno):\n{stdout}"
    );
    stdout
}

/// The school-catering sample as ordinary services: a non-social CPV code
/// and no procedure chosen, so the rules' proposal decides.
pub fn ordinary_services() -> Dossier {
    let mut d = catering();
    d.purchase.cpv = "90911200-8".into();
    d.procedure.choice = None;
    d
}

/// The school-catering sample with the Egalim shares and the weekly
/// vegetarian menu stated only in its environmental execution conditions:
/// its imperative needs no longer state them, and the products need is
/// flexible and scored.
pub fn catering_shares_in_clauses_only() -> Dossier {
    let mut d = catering();
    d.needs[0].appraisal_criterion = "Respect des règles nutritionnelles".into();
    d.needs[0].level = "100 % des menus conformes".into();
    d.needs[2].level = "Au moins 50 %, dont 20 % de produits biologiques".into();
    d.needs[2].flexibility = dce_core::model::Flexibility::F1;
    d.needs[2].subcriterion_id = Some("env-produits".into());
    d
}

/// The text of a PDF, through poppler's pdftotext.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed by this test (Debian package poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// One XML part of a DOCX, e.g. `word/document.xml`.
pub fn docx_part(docx: &[u8], part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip");
    let mut s = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{part} in the DOCX"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The running text of a DOCX body: the XML without its tags, entities decoded.
pub fn docx_text(docx: &[u8]) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Text with its spaces, line breaks and hyphens taken out: the PDF breaks
/// and hyphenates the words of narrow table cells where it must.
pub fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{ad}'))
        .collect()
}
