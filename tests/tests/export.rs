//! Exports of the sample dossier, written to the export folder given on the
//! command line, are real PDF and DOCX files with the dossier's content.

use dce_e2e::{docx_text, file_head, pdf_text, zip_entry_text, Harness, SAMPLE_OBJECT};

#[tokio::test(flavor = "multi_thread")]
async fn pdf_export_writes_the_dossier() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    let pdf = harness.export(&app, "export-pdf", "pdf").await;
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

    let docx = harness.export(&app, "export-docx", "docx").await;
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
