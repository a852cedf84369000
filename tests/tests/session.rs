//! Assisted sessions and workshops in the real window: comments and the
//! review sheet, versions compared and restored, the `.dce` exchange file,
//! workshop copies and their reset, backups brought back.

use dce_e2e::thirtyfour::prelude::*;
use dce_e2e::{files_with_extension, pdf_text, Harness, Session, SAMPLE_OBJECT};

const COMMENT: &str = "Préciser le nombre de repas servis par jour en période scolaire.";

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Opens the comments panel and writes `text` on the current step, giving
/// the author's name first when the app asks for it.
async fn add_comment(app: &Session, text: &str) {
    app.click("comments-open").await;
    app.wait_for("comments").await;
    if !app.all("comment-author").await.is_empty() {
        app.type_into("comment-author", "Anne Martin").await;
        app.click("comment-author-save").await;
    }
    app.type_into("comment-text", text).await;
    app.click("comment-add").await;
    app.wait_text("comment", "the new comment", |t| t.contains(text))
        .await;
    app.assert_no_error("after adding a comment").await;
}

/// The element `data-testid="child"` inside the `data-testid="row"` element whose text contains `needle`.
async fn in_row(app: &Session, row: &str, needle: &str, child: &str) -> WebElement {
    // The list may still show its previous content for a moment: poll it.
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    while std::time::Instant::now() < deadline {
        for el in app.wait_for_all(row, 1).await {
            if el.text().await.unwrap_or_default().contains(needle) {
                return el
                    .find(By::Css(format!("[data-testid=\"{child}\"]")))
                    .await
                    .unwrap_or_else(|e| {
                        panic!("no {child} in the {row} row saying {needle:?}: {e}")
                    });
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.fail(&format!("no {row} row contains {needle:?}")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn comments_counts_review_sheet_and_annex() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    add_comment(&app, COMMENT).await;
    app.wait_text_eq("comments-count", "1").await;
    app.wait_text_eq("step-comments-buyer", "1").await;
    app.screenshot("comments-panel").await;
    app.click("comments-close").await;

    // The review lists the open comment; its sheet is a PDF that says it too.
    app.click("review-open").await;
    app.wait_text("review-comment", "the comment", |t| t.contains(COMMENT))
        .await;
    app.screenshot("review").await;
    app.click("review-export").await;
    app.wait_for("review-export-result").await;
    let sheets = files_with_extension(&harness.export_dir, "pdf");
    assert_eq!(sheets.len(), 1, "one review sheet: {sheets:?}");
    let sheet = flat(&pdf_text(&sheets[0]));
    assert!(
        sheet.contains(COMMENT),
        "the review sheet shows the open comment: {sheet}"
    );
    std::fs::remove_file(&sheets[0]).unwrap();
    app.click("review-close").await;

    // Resolved: no longer counted as open, still kept.
    app.click("comments-open").await;
    app.click("comment-resolved").await;
    app.wait_count("step-comments-buyer", 0).await;
    app.wait_count("comments-count", 0).await;
    app.click("comments-close").await;

    // A draft can carry the comments as an annex for review on paper.
    app.click("step-export").await;
    app.click("with-comments").await;
    let pdf = harness.export(&app, "export-pdf", "pdf").await;
    let text = flat(&pdf_text(&pdf));
    assert!(
        text.contains("Commentaires de relecture"),
        "annex title in the draft"
    );
    assert!(text.contains(COMMENT), "annex carries the comment");
}

#[tokio::test(flavor = "multi_thread")]
async fn versions_are_named_compared_and_restored() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    app.click("step-purchase").await;
    app.type_into(
        "field-purchase.object",
        "Repas livrés à l'école Jules-Ferry",
    )
    .await;
    app.wait_saved().await;

    app.click("versions-open").await;
    app.type_into("checkpoint-label", "Avant séance du 3 mars")
        .await;
    app.click("checkpoint-save").await;
    app.wait_text("revision-label", "the checkpoint", |t| {
        t.contains("Avant séance du 3 mars")
    })
    .await;
    app.click("versions-close").await;

    app.type_into(
        "field-purchase.object",
        "Repas bio livrés à l'école Jules-Ferry",
    )
    .await;
    app.wait_saved().await;

    // By default the newest state is compared with the checkpoint.
    app.click("versions-open").await;
    app.wait_for_all("revision", 2).await;
    app.click("compare").await;
    app.wait_for("compare-view").await;
    let section = app.text("compare-section").await;
    assert!(
        section.contains("Objet et contexte"),
        "the change is under its step: {section:?}"
    );
    let after = app.text("compare-after").await;
    assert!(
        after.contains("bio"),
        "the new word is shown on the right: {after:?}"
    );
    let before = app.text("compare-before").await;
    assert!(
        !before.contains("bio") && before.contains("Jules-Ferry"),
        "left side: {before:?}"
    );
    let added = app
        .driver()
        .find_all(By::Css("[data-testid=\"compare-after\"] ins"))
        .await
        .unwrap_or_default();
    let mut highlighted = Vec::new();
    for el in added {
        highlighted.push(el.text().await.unwrap_or_default());
    }
    assert!(
        highlighted.iter().any(|t| t.contains("bio")),
        "« bio » is highlighted: {highlighted:?}"
    );
    app.screenshot("compare").await;
    app.click("compare-view-close").await;

    // Restoring the checkpoint brings its object back, as a new version.
    let before_restore = app.all("revision").await.len();
    in_row(&app, "revision", "Avant séance du 3 mars", "restore")
        .await
        .click()
        .await
        .unwrap();
    app.click("restore-confirm").await;
    app.wait_for("session-info").await;
    app.click("versions-close").await;
    assert_eq!(
        app.value("field-purchase.object").await,
        "Repas livrés à l'école Jules-Ferry"
    );
    app.click("versions-open").await;
    app.wait_count("revision", before_restore + 1).await;
    app.assert_no_error("after restoring").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exchange_file_goes_out_and_comes_back() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    add_comment(&app, COMMENT).await;
    app.click("comments-close").await;

    app.click("save-as").await;
    app.wait_text("session-info", "the written path", |t| t.contains(".dce"))
        .await;
    let files = files_with_extension(&harness.export_dir, "dce");
    assert_eq!(files.len(), 1, "one .dce file: {files:?}");
    app.click("back-home").await;
    app.wait_count("dossier-item", 1).await;

    // The same dossier again: the app asks, « Garder les deux » adds a copy.
    app.click("open-file").await;
    app.wait_for("import-choice").await;
    app.screenshot("import-choice").await;
    app.click("import-keep-both").await;
    app.wait_for("editor").await;
    app.wait_text_eq("comments-count", "1").await;
    app.click("back-home").await;
    app.wait_count("dossier-item", 2).await;

    // « Annuler » changes nothing.
    app.click("open-file").await;
    app.click("import-cancel").await;
    app.wait_for("home-info").await;
    app.wait_count("dossier-item", 2).await;

    // A truncated file is refused with a French message; nothing changes.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        harness.export_dir.join("abime.dce"),
        &text[..text.len() / 2],
    )
    .unwrap();
    app.click("open-file").await;
    let error = app.text("error").await;
    assert!(
        error.contains("Le fichier est incomplet"),
        "a French message naming the problem: {error:?}"
    );
    app.wait_count("dossier-item", 2).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn workshop_copies_are_reset_and_nothing_else() {
    let harness = Harness::new();
    let app = harness.session().await;
    app.wait_count("dossier-item", 1).await;

    for sample in ["workshop-restauration-scolaire", "workshop-aire-de-jeux"] {
        app.click("workshop-open").await;
        app.click(sample).await;
        app.wait_for("editor").await;
        app.click("back-home").await;
    }
    app.wait_count("dossier-item", 3).await;
    let marked = app
        .driver()
        .find_all(By::Css(
            "[data-testid=\"dossier-item\"][data-workshop=\"true\"]",
        ))
        .await
        .unwrap_or_default();
    assert_eq!(marked.len(), 2, "two workshop copies are marked");

    // The projector view: large text, explanations on demand.
    marked[0].click().await.unwrap();
    app.wait_for("editor").await;
    app.click("step-purchase").await;
    app.click("presentation-toggle").await;
    let help = app
        .driver()
        .find(By::Css(".form .help"))
        .await
        .expect("a help text in the step");
    assert!(
        !help.is_displayed().await.unwrap(),
        "explanations hidden in presentation"
    );
    app.click("explanations-toggle").await;
    assert!(
        help.is_displayed().await.unwrap(),
        "explanations shown on demand"
    );
    app.screenshot("presentation").await;
    app.click("presentation-toggle").await;
    app.click("back-home").await;

    app.click("workshop-open").await;
    app.click("workshop-reset").await;
    app.click("workshop-reset-confirm").await;
    app.wait_text("home-info", "two copies removed", |t| {
        t.contains("2 copies")
    })
    .await;
    let left = app.wait_count("dossier-item", 1).await;
    let text = left[0].text().await.unwrap_or_default();
    assert!(
        text.contains(SAMPLE_OBJECT),
        "the user's own dossier stays: {text:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_restored_from_the_menu() {
    let harness = Harness::new();
    // First start: the daily copy is taken before the sample is added.
    let app = harness.session().await;
    app.wait_count("dossier-item", 1).await;

    app.click("backups-open").await;
    app.wait_for("backup").await;
    app.screenshot("backups").await;
    app.click("backup-restore").await;
    app.click("backup-restore-confirm").await;
    app.wait_for("home-info").await;
    app.wait_count("dossier-item", 0).await;

    // The state before the restore was kept: bring it back.
    app.click("backups-open").await;
    in_row(&app, "backup", "restauration", "backup-restore")
        .await
        .click()
        .await
        .unwrap();
    app.click("backup-restore-confirm").await;
    let items = app.wait_count("dossier-item", 1).await;
    assert!(items[0]
        .text()
        .await
        .unwrap_or_default()
        .contains(SAMPLE_OBJECT));
    app.assert_no_error("after restoring backups").await;
}

/// The secretary's machine and the adviser's are two databases: the `.dce`
/// file goes to the adviser, who comments and edits, and comes back; the
/// secretary replaces her copy and sees exactly what changed.
#[tokio::test(flavor = "multi_thread")]
async fn two_machines_pass_a_dossier_back_and_forth() {
    let secretary = Harness::new();
    let adviser = Harness::new();
    let reviewed_object = "Repas livrés en liaison froide, relus par le Département";

    let app = secretary.open_sample().await;
    app.click("save-as").await;
    app.wait_text("session-info", "the written path", |t| t.contains(".dce"))
        .await;
    let sent = files_with_extension(&secretary.export_dir, "dce").remove(0);
    let name = sent.file_name().unwrap().to_owned();
    app.quit().await;

    std::fs::copy(&sent, adviser.export_dir.join(&name)).unwrap();
    let app = adviser.session().await;
    app.click("open-file").await;
    app.wait_for("editor").await;
    add_comment(&app, COMMENT).await;
    app.click("comments-close").await;
    app.click("step-purchase").await;
    app.type_into("field-purchase.object", reviewed_object)
        .await;
    app.wait_saved().await;
    app.click("save-as").await;
    app.wait_for("session-info").await;
    app.quit().await;

    // Named after the new object: the file that came back is the other one.
    let back = files_with_extension(&adviser.export_dir, "dce")
        .into_iter()
        .find(|f| f.file_name().unwrap() != name)
        .expect("the adviser's file");
    std::fs::copy(&back, secretary.export_dir.join(back.file_name().unwrap())).unwrap();
    let app = secretary.session().await;
    app.click("open-file").await;
    app.click("import-replace").await;
    app.wait_for("editor").await;
    app.wait_text_eq("comments-count", "1").await;
    app.click("step-purchase").await;
    assert_eq!(app.value("field-purchase.object").await, reviewed_object);

    // By default « Versions » compares the state she sent with the one that came back.
    app.click("versions-open").await;
    app.click("compare").await;
    let sections = app.wait_for_all("compare-section", 1).await;
    assert_eq!(sections.len(), 1, "only the adviser's change");
    let after = app.text("compare-after").await;
    assert!(
        after.contains("relus par le Département"),
        "the adviser's words: {after:?}"
    );
    app.screenshot("two-machines-compare").await;
    app.assert_no_error("after the round trip").await;
}
