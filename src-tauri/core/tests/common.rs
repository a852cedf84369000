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
