//! No edit lost: typing then closing the window, or the system stopping the
//! app, keeps what was typed; a second launch hands its file to the first
//! window; a damaged database offers its latest backup.

use dce_e2e::app_process::{app_pid, close_window, signal, wait_for_app, wait_for_exit};
use dce_e2e::{files_with_extension, Harness, Session, SAMPLE_OBJECT};
use std::process::{Command, Stdio};
use std::time::Duration;

const STOP: Duration = Duration::from_secs(10);

/// Clicks the close button until the app reacts as `reacted` tells, as a
/// person clicks again when nothing happens: under Xvfb the X server now
/// and then drops the first message (the app then never hears of it).
async fn close_until(pid: i32, reacted: impl AsyncFn() -> bool) {
    for _ in 0..3 {
        close_window(pid);
        if reacted().await {
            return;
        }
    }
    panic!("the app did not react to three clicks on its close button");
}

/// Opens the first dossier of the list in the editor, on the buyer step.
async fn open_first(app: &Session) {
    app.click("dossier-item").await;
    app.wait_for("editor").await;
    app.click("step-buyer").await;
}

/// Types into « Nom de l'acheteur » then stops the app at once with `stop`,
/// several times; each restart finds the last text typed.
async fn type_then_stop(name: &str, stop: impl AsyncFn(i32)) {
    let h = Harness::new();
    let mut typed = String::new();
    for attempt in 1..=4 {
        let app = h.session().await;
        if !typed.is_empty() {
            open_first(&app).await;
            assert_eq!(
                app.value("field-buyer.name").await,
                typed,
                "{name}, attempt {attempt}: the text typed before stopping is there"
            );
        } else {
            open_first(&app).await;
        }
        typed = format!("Commune de Saint-Julien, essai {attempt}");
        app.type_into("field-buyer.name", &typed).await;
        let pid = wait_for_app(&h.db, STOP);
        stop(pid).await;
        assert!(
            wait_for_exit(pid, STOP),
            "{name}, attempt {attempt}: the app still runs {STOP:?} after being stopped"
        );
        // The app is gone: the WebDriver session ends with it.
        drop(app);
    }
    let app = h.session().await;
    open_first(&app).await;
    assert_eq!(app.value("field-buyer.name").await, typed);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_then_closing_the_window_loses_nothing() {
    type_then_stop("closing the window", async |pid| {
        close_until(pid, async || wait_for_exit(pid, Duration::from_secs(3))).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_then_sigterm_loses_nothing() {
    type_then_stop("SIGTERM", async |pid| signal(pid, libc::SIGTERM)).await;
}

/// A `.dce` file of the sample under another identity, as a colleague would send it.
async fn a_received_file(h: &Harness, object: &str) -> std::path::PathBuf {
    let app = h.open_sample().await;
    app.click("save-as").await;
    app.wait_text("session-info", "the written path", |t| t.contains(".dce"))
        .await;
    app.quit().await;
    let sent = files_with_extension(&h.export_dir, "dce").remove(0);
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sent).unwrap()).unwrap();
    file["dossier"]["uid"] = "dossier-recu-par-courriel".into();
    file["dossier"]["purchase"]["object"] = object.into();
    std::fs::remove_file(&sent).unwrap();
    let received = h.dir().join("Dossier reçu.dce");
    std::fs::write(&received, serde_json::to_string(&file).unwrap()).unwrap();
    received
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_given_at_launch_is_opened() {
    let h = Harness::new();
    let object = "Entretien des espaces verts, reçu par courriel";
    let file = a_received_file(&h, object).await;
    let app = h.launch(&[file.to_str().unwrap()], "editor").await;
    app.click("step-purchase").await;
    assert_eq!(app.value("field-purchase.object").await, object);
    app.assert_no_error("after opening the file given at launch")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_hands_its_file_to_the_first_window() {
    let h = Harness::new();
    let object = "Entretien des espaces verts, reçu par courriel";
    let file = a_received_file(&h, object).await;
    let app = h.session().await;
    let first = wait_for_app(&h.db, STOP);

    // As the file manager does on a double-click.
    let status = Command::new(h.app())
        .arg("--db")
        .arg(&h.db)
        .arg(&file)
        .stdin(Stdio::null())
        .status()
        .expect("second launch");
    assert!(
        status.success(),
        "the second launch ends once it handed over"
    );
    assert_eq!(app_pid(&h.db), Some(first), "one app on the database");

    app.wait_for("editor").await;
    app.click("step-purchase").await;
    assert_eq!(app.value("field-purchase.object").await, object);
    app.click("back-home").await;
    app.wait_count("dossier-item", 2).await;

    // A second hand-over of the same file: its dossier exists, the user decides.
    let status = Command::new(h.app())
        .arg("--db")
        .arg(&h.db)
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    app.wait_for("import-choice").await;
    app.click("import-cancel").await;
    app.wait_count("dossier-item", 2).await;
    app.assert_no_error("after the hand-overs").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_offers_its_latest_backup() {
    let h = Harness::new();
    // The first start makes the copy of the day.
    h.session().await.quit().await;
    let backups = dce_core_backups(&h);
    assert_eq!(backups.len(), 1, "the copy of the day: {backups:?}");
    // Damage after a clean close: no journal beside the file to mend it.
    for journal in ["dce.db-wal", "dce.db-shm"] {
        let _ = std::fs::remove_file(h.db.with_file_name(journal));
    }
    std::fs::write(&h.db, vec![0x2a; 32 * 1024]).unwrap();

    let app = h.launch(&[], "recovery").await;
    let problem = app.text("recovery-problem").await;
    assert!(problem.contains("endommagée"), "{problem}");
    let advice = app.text("recovery-advice").await;
    assert!(
        advice.contains("Copie automatique") || advice.contains("copie automatique"),
        "{advice}"
    );
    app.screenshot("recovery").await;
    app.click("recovery-restore").await;
    app.wait_for("home").await;
    let item = app.wait_for("dossier-item").await;
    assert!(item.text().await.unwrap().contains(SAMPLE_OBJECT));
    app.assert_no_error("after restoring the backup").await;
    app.quit().await;
    assert!(
        dce_core_backups(&h)
            .iter()
            .any(|n| n.starts_with("base-endommagee-")),
        "the damaged file is kept aside"
    );
}

fn dce_core_backups(h: &Harness) -> Vec<String> {
    std::fs::read_dir(h.db.parent().unwrap().join("sauvegardes"))
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_while_the_save_fails_asks_before_discarding() {
    let h = Harness::new();
    let app = h.session().await;
    open_first(&app).await;
    // The dossier disappears under the window (deleted from another
    // program): its saves fail from now on.
    rusqlite::Connection::open(&h.db)
        .unwrap()
        .execute("DELETE FROM dossiers", [])
        .unwrap();
    app.type_into("field-buyer.name", "Commune de Saint-Julien (à garder)")
        .await;
    let pid = wait_for_app(&h.db, STOP);
    let dialog_shown = async || {
        tokio::time::timeout(Duration::from_secs(3), app.wait_for("close-dialog"))
            .await
            .is_ok()
    };
    close_until(pid, dialog_shown).await;
    let error = app.text("close-dialog").await;
    assert!(
        error.contains("n'existe pas"),
        "the failed save's reason: {error}"
    );
    app.screenshot("close-dialog").await;

    app.click("close-stay").await;
    app.wait_count("close-dialog", 0).await;
    assert!(
        !wait_for_exit(pid, Duration::from_secs(4)),
        "the window stays open"
    );
    assert_eq!(
        app.value("field-buyer.name").await,
        "Commune de Saint-Julien (à garder)",
        "what was typed is still on screen"
    );

    close_until(pid, dialog_shown).await;
    // The app is gone before WebDriver answers the click: its error is expected.
    let discard = app.wait_for("close-discard").await;
    let _ = discard.click().await;
    assert!(wait_for_exit(pid, STOP), "discarding closes the app");
}
