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

/// The notice, in plain text to paste into the buyer platform, names the
/// buyer, the object, the procedure used and the competent tribunal.
#[tokio::test(flavor = "multi_thread")]
async fn the_notice_is_exported_as_text_to_paste() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    app.click("step-export").await;
    app.wait_text_eq("notice-heading", "Avis d’appel public à la concurrence")
        .await;
    let txt = harness.export(&app, "export-notice-txt", "txt").await;
    let text = std::fs::read_to_string(&txt).expect("the notice is UTF-8 text");
    assert!(
        txt.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with("_Avis.txt"),
        "{}",
        txt.display()
    );
    for expected in [
        "AVIS D’APPEL PUBLIC À LA CONCURRENCE",
        SAMPLE_OBJECT,
        "R2123-1 3°",
        "tribunal administratif de",
    ] {
        assert!(
            text.contains(expected),
            "the notice should say {expected:?}:\n{text}"
        );
    }
    assert!(!text.contains("**"), "no Markdown left:\n{text}");
    app.quit().await;
}
