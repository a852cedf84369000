//! Comments, checkpoints, restore, the full exchange file and backups.
mod common;

use chrono::NaiveDateTime;
use dce_core::store::{parse_file, Comment, ImportMode, ImportOutcome, Store, StoreError};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn comment(text: &str, resolved: bool) -> Comment {
    Comment {
        section: "criteria".into(),
        field: Some("criteria[0]".into()),
        author: "M. Conseil (département)".into(),
        created_at: at("2026-11-23 10:00"),
        text: text.into(),
        resolved,
    }
}

/// A dossier with three revisions, a checkpoint and two comments.
fn reviewed(store: &mut Store) -> i64 {
    let mut d = common::catering();
    let id = store.create(&d, at("2026-11-22 09:00")).unwrap();
    d.purchase.object = "Repas livrés".into();
    store.save(id, &d, at("2026-11-22 09:10")).unwrap();
    store.set_checkpoint(id, "Avant séance du 3 mars").unwrap();
    d.execution.payment_period_days = 20;
    store.save(id, &d, at("2026-11-22 09:20")).unwrap();
    store
        .add_comment(id, &comment("Le prix pèse trop lourd ?", false))
        .unwrap();
    store
        .add_comment(id, &comment("Délai de paiement vu.", true))
        .unwrap();
    id
}

#[test]
fn checkpoint_and_restore_keep_everything() {
    let mut store = Store::open_in_memory().unwrap();
    let id = reviewed(&mut store);
    let revisions = store.revisions(id).unwrap();
    assert_eq!(revisions.len(), 3);
    let checkpoint = revisions
        .iter()
        .find(|r| r.label.as_deref() == Some("Avant séance du 3 mars"))
        .expect("named revision");
    store
        .restore(id, checkpoint.id, at("2026-11-22 10:00"))
        .unwrap();
    assert_eq!(
        store.load(id).unwrap().execution.payment_period_days,
        30,
        "restored state"
    );
    assert_eq!(
        store.revisions(id).unwrap().len(),
        4,
        "restoring is a new revision"
    );
    assert!(matches!(
        store.restore(id, 9999, at("2026-11-22 10:00")),
        Err(StoreError::RevisionNotFound(9999))
    ));
    assert!(matches!(
        store.set_checkpoint(id, "  "),
        Err(StoreError::EmptyLabel)
    ));
}

#[test]
fn comments_are_listed_and_resolved() {
    let mut store = Store::open_in_memory().unwrap();
    let id = reviewed(&mut store);
    let comments = store.comments(id).unwrap();
    assert_eq!(comments.len(), 2);
    store.set_comment_resolved(comments[0].id, true).unwrap();
    assert!(store
        .comments(id)
        .unwrap()
        .iter()
        .all(|c| c.comment.resolved));
    assert!(matches!(
        store.add_comment(id, &comment(" ", false)),
        Err(StoreError::EmptyComment)
    ));
    assert!(matches!(
        store.add_comment(777, &comment("x", false)),
        Err(StoreError::NotFound(777))
    ));
}

#[test]
fn exchange_file_round_trip_with_comments_and_history() {
    let mut a = Store::open_in_memory().unwrap();
    let id = reviewed(&mut a);
    let file = a.export_file(id).unwrap();
    let text = serde_json::to_string_pretty(&file).unwrap();

    let mut b = Store::open_in_memory().unwrap();
    let outcome = b
        .import_file(
            &parse_file(&text).unwrap(),
            ImportMode::Ask,
            || "other".into(),
            at("2026-11-24 08:00"),
        )
        .unwrap();
    let ImportOutcome::Imported { id: id_b } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(
        b.export_file(id_b).unwrap(),
        file,
        "identical dossier, comments and history on the other machine"
    );
}

#[test]
fn an_existing_dossier_is_never_overwritten_silently() {
    let mut store = Store::open_in_memory().unwrap();
    let id = reviewed(&mut store);
    let mut file = store.export_file(id).unwrap();
    file.dossier.purchase.object = "Version de la conseillère".into();

    let before = store.export_file(id).unwrap();
    let asked = store
        .import_file(
            &file,
            ImportMode::Ask,
            || "new".into(),
            at("2026-11-24 08:00"),
        )
        .unwrap();
    assert_eq!(
        asked,
        ImportOutcome::AlreadyExists {
            existing_id: id,
            object: "Repas livrés".into()
        }
    );
    assert_eq!(
        store.export_file(id).unwrap(),
        before,
        "asking changes nothing"
    );

    let kept = store
        .import_file(
            &file,
            ImportMode::KeepBoth,
            || "new-uid".into(),
            at("2026-11-24 08:00"),
        )
        .unwrap();
    let ImportOutcome::Imported { id: copy } = kept else {
        panic!()
    };
    assert_ne!(copy, id);
    assert_eq!(store.load(copy).unwrap().uid, "new-uid");
    assert_eq!(
        store.export_file(id).unwrap(),
        before,
        "keeping both leaves the original alone"
    );

    let replaced = store
        .import_file(
            &file,
            ImportMode::Replace,
            || unreachable!(),
            at("2026-11-24 08:00"),
        )
        .unwrap();
    assert_eq!(replaced, ImportOutcome::Imported { id });
    assert_eq!(
        store.load(id).unwrap().purchase.object,
        "Version de la conseillère"
    );
}

#[test]
fn a_file_coming_back_merges_with_the_local_history() {
    // The secretary sends the dossier, goes on editing; the adviser comments,
    // resolves one comment and edits; the file comes back and replaces.
    let mut secretary = Store::open_in_memory().unwrap();
    let id = reviewed(&mut secretary);
    secretary
        .label_latest_if_unnamed(id, "Enregistré sous « RS-01.dce »")
        .unwrap();
    let sent = secretary.export_file(id).unwrap();
    let mut local = secretary.load(id).unwrap();
    local.purchase.duration_months = 24;
    secretary.save(id, &local, at("2026-11-23 09:00")).unwrap();

    let mut adviser = Store::open_in_memory().unwrap();
    let ImportOutcome::Imported { id: a } = adviser
        .import_file(
            &sent,
            ImportMode::Ask,
            || unreachable!(),
            at("2026-11-23 10:00"),
        )
        .unwrap()
    else {
        panic!()
    };
    let open = adviser.comments(a).unwrap()[0].id;
    adviser.set_comment_resolved(open, true).unwrap();
    adviser
        .add_comment(a, &comment("Critère environnemental à préciser.", false))
        .unwrap();
    let mut reviewed_state = adviser.load(a).unwrap();
    reviewed_state.purchase.object = "Repas livrés, relus".into();
    adviser
        .save(a, &reviewed_state, at("2026-11-23 11:00"))
        .unwrap();
    let back = adviser.export_file(a).unwrap();

    let outcome = secretary
        .import_file(
            &back,
            ImportMode::Replace,
            || unreachable!(),
            at("2026-11-23 12:00"),
        )
        .unwrap();
    assert_eq!(outcome, ImportOutcome::Imported { id });
    assert_eq!(
        secretary.load(id).unwrap(),
        reviewed_state,
        "the file's state is current"
    );

    let history = secretary.history(id).unwrap();
    assert_eq!(
        history.last().unwrap().1,
        reviewed_state,
        "the current state is the newest revision"
    );
    assert!(
        history
            .iter()
            .any(|(_, d)| d.purchase.duration_months == 24),
        "the edit made after sending is still in the history"
    );
    assert_eq!(
        history.len(),
        3 + 1 + 1,
        "three sent, one local, one from the adviser: none twice"
    );
    assert_eq!(
        history
            .iter()
            .filter(|(r, _)| r.label.as_deref() == Some("Enregistré sous « RS-01.dce »"))
            .count(),
        1
    );

    let comments = secretary.comments(id).unwrap();
    assert_eq!(comments.len(), 3, "no comment twice: {comments:?}");
    assert!(comments
        .iter()
        .all(|c| c.comment.resolved || c.comment.text.contains("environnemental")));
}

#[test]
fn only_an_unnamed_latest_revision_gets_the_exchange_label() {
    let mut store = Store::open_in_memory().unwrap();
    let id = reviewed(&mut store);
    store
        .label_latest_if_unnamed(id, "Enregistré sous « a.dce »")
        .unwrap();
    store
        .label_latest_if_unnamed(id, "Enregistré sous « b.dce »")
        .unwrap();
    let labels: Vec<_> = store
        .revisions(id)
        .unwrap()
        .into_iter()
        .filter_map(|r| r.label)
        .collect();
    assert_eq!(
        labels,
        ["Enregistré sous « a.dce »", "Avant séance du 3 mars"]
    );
}

#[test]
fn a_bare_dossier_is_accepted_as_an_exchange_file() {
    let d = common::catering();
    let file = parse_file(&dce_core::store::to_dce(&d)).unwrap();
    assert_eq!(file.dossier, d);
    assert!(file.comments.is_empty() && file.revisions.is_empty());
}

#[test]
fn malformed_files_never_panic_nor_touch_the_database() {
    let mut store = Store::open_in_memory().unwrap();
    let id = reviewed(&mut store);
    let text = serde_json::to_string_pretty(&store.export_file(id).unwrap()).unwrap();
    let before = store.list().unwrap();
    let mut cuts: Vec<String> = (0..text.len())
        .step_by(97)
        .filter(|&n| text.is_char_boundary(n))
        .map(|n| text[..n].to_string())
        .collect();
    cuts.push(text.replace("\"format\": \"dce-unique\"", "\"format\": \"autre\""));
    cuts.push(text.replace("\"format_version\": 1", "\"format_version\": 7"));
    cuts.push(text.replace("\"resolved\": false", "\"resolved\": \"non\""));
    cuts.push(text.replace('{', "["));
    cuts.push("\u{feff}garbage \0 bytes".into());
    for bad in &cuts {
        match parse_file(bad) {
            Ok(file) => panic!(
                "accepted a malformed file of {} bytes: {:?}",
                bad.len(),
                file.dossier.reference
            ),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    assert_eq!(store.list().unwrap(), before);
}

#[test]
fn backups_roll_and_a_migration_is_preceded_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    let mut store = Store::open(&db).unwrap();
    reviewed(&mut store);
    for day in ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"] {
        store.rolling_backup(&db, day, 3).unwrap();
    }
    let copies = Store::list_backups(&db);
    let names: Vec<String> = copies
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "dce-2026-11-23.db",
            "dce-2026-11-22.db",
            "dce-2026-11-21.db"
        ]
    );
    let copy = Store::open(&copies[0]).unwrap();
    assert_eq!(
        copy.list().unwrap().len(),
        1,
        "a backup is a working database"
    );
    drop(copy);

    // A database of the first release (schema 1) is copied before it is migrated.
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TABLE comments; DROP INDEX dossiers_by_uid;
         ALTER TABLE dossiers DROP COLUMN workshop;
         ALTER TABLE revisions DROP COLUMN sealed; ALTER TABLE revisions DROP COLUMN started_at;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let migrated = Store::open(&db).unwrap();
    assert_eq!(
        migrated.list().unwrap().len(),
        1,
        "dossiers survive the migration"
    );
    let copy =
        rusqlite::Connection::open(dce_core::store::backups_dir(&db).join("avant-migration-v1.db"))
            .unwrap();
    let (version, dossiers): (i64, i64) = copy
        .query_row("SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM dossiers)", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(
        (version, dossiers),
        (1, 1),
        "the copy is the database as it was before the migration"
    );
}

#[test]
fn a_second_release_database_gains_workshop_copies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    let id = {
        let mut store = Store::open(&db).unwrap();
        reviewed(&mut store)
    };
    // Back to schema 2: no workshop column.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "ALTER TABLE dossiers DROP COLUMN workshop;
             ALTER TABLE revisions DROP COLUMN sealed; ALTER TABLE revisions DROP COLUMN started_at;
             PRAGMA user_version = 2;",
        )
        .unwrap();

    let mut store = Store::open(&db).unwrap();
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert!(
        !list[0].workshop,
        "existing dossiers are not workshop copies"
    );
    assert_eq!(store.comments(id).unwrap().len(), 2, "comments survive");
    assert_eq!(store.revisions(id).unwrap().len(), 3, "history survives");
    assert!(dce_core::store::backups_dir(&db)
        .join("avant-migration-v2.db")
        .exists());

    let mut d = common::catering();
    d.uid = "atelier".into();
    let copy = store
        .create_workshop_copy(&d, at("2026-11-23 14:00"))
        .unwrap();
    assert_eq!(store.reset_workshop().unwrap(), 1);
    assert!(store.load(copy).is_err());
    assert_eq!(store.list().unwrap().len(), 1);
}
