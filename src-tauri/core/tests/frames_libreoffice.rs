//! The response frame DOCX opened, filled in, saved and read back by
//! LibreOffice, through `scripts/check-frames-libreoffice`.
//!
//! Ignored by default: it starts LibreOffice (about 5 s). Run it with
//!     cargo test -p dce-core --test frames_libreoffice -- --ignored
//! Run by hand, it must check: without LibreOffice (or its Python module)
//! it fails and says what to install.
mod common;

#[test]
#[ignore = "starts LibreOffice (about 5 s); run with -- --ignored"]
fn response_frames_can_be_filled_in_libreoffice() {
    let d = common::catering();
    let doc = dce_core::compose::compose(&d, dce_core::compose::Piece::ResponseFrames).unwrap();
    let docx = dce_core::render::docx::render(&doc, Default::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cadre.docx");
    std::fs::write(&path, docx).unwrap();

    let stdout = common::libreoffice_script(
        "check-frames-libreoffice",
        &[&path],
        "fill the response frame",
    );
    // Every question's zone, the identity zones and the signature.
    let zones = d.questions.len() + 4;
    assert!(
        stdout.contains(&format!("{zones} réponse(s)")),
        "expected {zones} filled zones:\n{stdout}"
    );
}
