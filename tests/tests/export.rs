//! Exports of the sample dossier, written to the export folder given on the
//! command line, are real PDF and DOCX files with the dossier's content.

use std::path::PathBuf;

use dce_e2e::{
    docx_text, file_head, files_with_extension, pdf_text, zip_entry_text, Harness, Session,
    SAMPLE_OBJECT,
};

/// Clicks `button`, then waits until the export folder holds exactly one
/// `.ext` file and `export-result` names it. Returns that file.
async fn export(app: &Session, harness: &Harness, button: &str, ext: &str) -> PathBuf {
    assert!(
        files_with_extension(&harness.export_dir, ext).is_empty(),
        "the export folder should hold no .{ext} file before the export"
    );
    app.click(button).await;
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    loop {
        let files = files_with_extension(&harness.export_dir, ext);
        let result = match app.all("export-result").await.into_iter().next() {
            Some(el) => el.text().await.unwrap_or_default(),
            None => String::new(),
        };
        app.assert_no_error(&format!("after clicking {button}"))
            .await;
        if let [file] = files.as_slice() {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if result.contains(&name) {
                return file.clone();
            }
        }
        if std::time::Instant::now() > deadline {
            app.fail(&format!(
                "after clicking {button}: expected one .{ext} file in {} named by export-result; \
                 files: {files:?}, export-result says: {result:?}",
                harness.export_dir.display()
            ))
            .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pdf_export_writes_the_dossier() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    let pdf = export(&app, &harness, "export-pdf", "pdf").await;
    app.screenshot("export-pdf").await;
    let head = file_head(&pdf, 5);
    assert_eq!(
        head,
        b"%PDF-",
        "{} should start with %PDF-, starts with {head:?}",
        pdf.display()
    );
    let text = pdf_text(&pdf);
    assert!(
        text.contains(SAMPLE_OBJECT),
        "the text of the exported PDF should contain {SAMPLE_OBJECT:?}; pdftotext gives (start): {:?}",
        text.chars().take(600).collect::<String>()
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn docx_export_writes_the_dossier() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    let docx = export(&app, &harness, "export-docx", "docx").await;
    let head = file_head(&docx, 2);
    assert_eq!(
        head,
        b"PK",
        "{} should be a zip (start with PK), starts with {head:?}",
        docx.display()
    );
    let xml = zip_entry_text(&docx, "word/document.xml");
    let text = docx_text(&xml);
    assert!(
        text.contains(SAMPLE_OBJECT),
        "word/document.xml of the exported DOCX should contain {SAMPLE_OBJECT:?}; its text (start): {:?}",
        text.chars().take(600).collect::<String>()
    );
    app.quit().await;
}
