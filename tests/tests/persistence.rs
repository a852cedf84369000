//! A change typed in the editor is saved automatically and is still there
//! after the app is closed and started again on the same database.

use dce_e2e::Harness;

const SAMPLE_OBJECT: &str = "Fourniture et livraison de repas";
const NEW_OBJECT: &str = "Repas livrés à l'école Jules-Ferry";

#[tokio::test(flavor = "multi_thread")]
async fn edited_object_survives_a_restart() {
    let harness = Harness::new();

    // First start on a fresh database: the sample dossier is there.
    let app = harness.session().await;
    let items = app.wait_for_all("dossier-item", 1).await;
    let mut texts = Vec::new();
    for item in &items {
        texts.push(item.text().await.unwrap_or_default());
    }
    assert!(
        texts.iter().any(|t| t.contains(SAMPLE_OBJECT)),
        "on a fresh database the home should list the sample dossier ({SAMPLE_OBJECT:?}); \
         the dossier items say: {texts:?}"
    );
    app.screenshot("home").await;

    // New dossier from the school-catering sample: the editor opens.
    app.click("new-dossier").await;
    app.click("sample-restauration-scolaire").await;
    app.wait_for("editor").await;
    app.assert_no_error("after creating a dossier from the sample")
        .await;

    app.type_into("field-purchase.object", NEW_OBJECT).await;
    app.wait_saved().await;
    app.screenshot("editor-saved").await;
    app.assert_no_error("after the autosave").await;
    app.quit().await;

    // Second start on the same database: the change is there.
    let app = harness.session().await;
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    let item = loop {
        let mut found = None;
        let mut texts = Vec::new();
        for item in app.all("dossier-item").await {
            let text = item.text().await.unwrap_or_default();
            if text.contains(NEW_OBJECT) && found.is_none() {
                found = Some(item);
            }
            texts.push(text);
        }
        if let Some(item) = found {
            break item;
        }
        if std::time::Instant::now() > deadline {
            app.fail(&format!(
                "after a restart the home should list a dossier whose text contains {NEW_OBJECT:?}; \
                 the dossier items say: {texts:?}"
            ))
            .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    item.click().await.expect("clicking the saved dossier");
    app.wait_for("editor").await;
    let value = app.value("field-purchase.object").await;
    assert_eq!(
        value, NEW_OBJECT,
        "after a restart the object field of the saved dossier should hold the typed text"
    );
    app.quit().await;
}
