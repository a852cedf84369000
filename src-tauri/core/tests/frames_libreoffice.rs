//! The response frame DOCX opened, filled in, saved and read back by
//! LibreOffice, through `scripts/check-frames-libreoffice`.
//!
//! Ignored by default: it starts LibreOffice (about 5 s). Run it with
//!     cargo test -p dce-core --test frames_libreoffice -- --ignored
//! Run by hand, it must check: without LibreOffice (or its Python module)
//! it fails and says what to install.
mod common;

use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "starts LibreOffice (about 5 s); run with -- --ignored"]
fn response_frames_can_be_filled_in_libreoffice() {
    let d = common::catering();
    let doc = dce_core::compose::compose(&d, dce_core::compose::Piece::ResponseFrames).unwrap();
    let docx = dce_core::render::docx::render(&doc, Default::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cadre.docx");
    std::fs::write(&path, docx).unwrap();

    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/check-frames-libreoffice");
    let out = Command::new("bash")
        .arg(&script)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{} could not run: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "LibreOffice could not fill the response frame:\n{stdout}{stderr}"
    );
    assert!(
        !stdout.starts_with("IGNORÉ"),
        "LibreOffice is needed by this test (Debian packages libreoffice-writer and python3-uno):\n{stdout}"
    );
    // Every question's zone, the identity zones and the signature.
    let zones = d.questions.len() + 4;
    assert!(
        stdout.contains(&format!("{zones} réponse(s)")),
        "expected {zones} filled zones:\n{stdout}"
    );
}
