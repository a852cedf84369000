//! Backup copies: listing them for the user and restoring one.
mod common;

use chrono::NaiveDateTime;
use dce_core::store::{backups_dir, BackupKind, Store, StoreError};
use std::path::{Path, PathBuf};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn objects(store: &Store) -> Vec<String> {
    store
        .list()
        .unwrap()
        .into_iter()
        .map(|s| s.object)
        .collect()
}

fn names(db: &Path) -> Vec<String> {
    Store::backups(db).into_iter().map(|b| b.name).collect()
}

/// A database with one dossier « Repas » and its copy of 22 November.
fn with_daily_copy(dir: &Path) -> (PathBuf, Store, i64) {
    let db = dir.join("dce.db");
    let mut store = Store::open(&db).unwrap();
    let mut d = common::catering();
    d.purchase.object = "Repas".into();
    let id = store.create(&d, at("2026-11-22 09:00")).unwrap();
    store.rolling_backup(&db, "2026-11-22", 7).unwrap();
    (db, store, id)
}

#[test]
fn backups_are_listed_newest_first_and_described_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store, _) = with_daily_copy(dir.path());
    store.rolling_backup(&db, "2026-11-23", 7).unwrap();
    store
        .backup_to(&backups_dir(&db).join("avant-migration-v1.db"))
        .unwrap();
    store
        .backup_to(&backups_dir(&db).join("avant-restauration-2026-11-23_101500.db"))
        .unwrap();
    std::fs::write(backups_dir(&db).join("notes.txt"), "pas une copie").unwrap();

    let list = Store::backups(&db);
    let described: Vec<(&str, BackupKind, &str)> = list
        .iter()
        .map(|b| (b.name.as_str(), b.kind, b.description.as_str()))
        .collect();
    assert_eq!(
        described,
        [
            (
                "avant-restauration-2026-11-23_101500.db",
                BackupKind::BeforeRestore,
                "Copie faite avant la restauration du 23\u{a0}novembre\u{a0}2026 à 10\u{a0}h\u{a0}15"
            ),
            (
                "avant-migration-v1.db",
                BackupKind::BeforeMigration,
                "Copie faite avant la mise à jour de l'application (base au format 1)"
            ),
            (
                "dce-2026-11-23.db",
                BackupKind::Daily,
                "Copie automatique du 23\u{a0}novembre\u{a0}2026"
            ),
            (
                "dce-2026-11-22.db",
                BackupKind::Daily,
                "Copie automatique du 22\u{a0}novembre\u{a0}2026"
            ),
        ]
    );
    assert!(list.iter().all(|b| b.size_bytes > 0));
    // The older listing used by the command line still works.
    assert_eq!(Store::list_backups(&db).len(), 4);
}

#[test]
fn restoring_brings_back_the_copy_and_keeps_the_replaced_state() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut store, id) = with_daily_copy(dir.path());
    let mut d = store.load(id).unwrap();
    d.purchase.object = "Repas modifiés après la copie".into();
    store.save(id, &d, at("2026-11-23 09:00")).unwrap();
    let mut other = common::catering();
    other.uid = "other".into();
    other.purchase.object = "Balayage".into();
    store.create(&other, at("2026-11-23 09:30")).unwrap();

    store
        .restore_backup(&db, "dce-2026-11-22.db", "2026-11-23_101500")
        .unwrap();
    assert_eq!(objects(&store), ["Repas"], "the copy's content is back");
    assert_eq!(store.revisions(id).unwrap().len(), 1);

    // The state it replaced is a backup in its turn, listed first.
    let listed = Store::backups(&db);
    assert_eq!(listed[0].name, "avant-restauration-2026-11-23_101500.db");
    assert_eq!(listed[0].kind, BackupKind::BeforeRestore);
    let safety = Store::open(&backups_dir(&db).join(&listed[0].name)).unwrap();
    assert_eq!(
        objects(&safety),
        ["Balayage", "Repas modifiés après la copie"]
    );
    drop(safety);

    // The store keeps working, and the restore is on disk.
    let mut more = common::catering();
    more.uid = "more".into();
    store.create(&more, at("2026-11-23 11:00")).unwrap();
    let mode: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "the restored database keeps its journal mode");
    drop(store);
    assert_eq!(Store::open(&db).unwrap().list().unwrap().len(), 2);
}

#[test]
fn restoring_twice_in_the_same_second_keeps_both_safety_copies() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut store, _) = with_daily_copy(dir.path());
    for _ in 0..2 {
        store
            .restore_backup(&db, "dce-2026-11-22.db", "2026-11-23_101500")
            .unwrap();
    }
    let names = names(&db);
    assert!(names.contains(&"avant-restauration-2026-11-23_101500.db".to_string()));
    assert!(names.contains(&"avant-restauration-2026-11-23_101500-2.db".to_string()));
}

#[test]
fn a_file_that_is_not_a_database_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut store, _) = with_daily_copy(dir.path());
    std::fs::write(
        backups_dir(&db).join("x.db"),
        "ceci n'est pas une base SQLite, seulement du texte ".repeat(200),
    )
    .unwrap();
    // A valid SQLite database that is not ours is refused too.
    rusqlite::Connection::open(backups_dir(&db).join("autre.db"))
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = names(&db);

    for name in ["x.db", "autre.db"] {
        let err = store
            .restore_backup(&db, name, "2026-11-23_101500")
            .unwrap_err();
        assert!(matches!(err, StoreError::InvalidBackup { .. }), "{err:?}");
        let message = err.to_string();
        assert!(
            message.starts_with(&format!(
                "La sauvegarde «\u{a0}{name}\u{a0}» n'est pas une base DCE Unique lisible"
            )),
            "{message}"
        );
        assert!(message.contains("vos dossiers actuels sont intacts"));
    }
    assert_eq!(objects(&store), ["Repas"], "current data intact");
    assert_eq!(names(&db), before, "no safety copy for a refused restore");
}

#[test]
fn only_a_listed_backup_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut store, _) = with_daily_copy(dir.path());
    std::fs::create_dir_all(backups_dir(&db).join("sous-dossier.db")).unwrap();
    for name in [
        "../dce.db",
        "..\\dce.db",
        "sauvegardes/dce-2026-11-22.db",
        "/etc/passwd",
        "dce.db",
        "dce-2026-11-21.db",
        "sous-dossier.db",
        "",
    ] {
        let err = store
            .restore_backup(&db, name, "2026-11-23_101500")
            .unwrap_err();
        assert!(
            matches!(err, StoreError::BackupNotFound(_)),
            "{name}: {err:?}"
        );
        assert!(
            err.to_string().starts_with("Cette sauvegarde n'existe pas"),
            "{err}"
        );
    }
    assert_eq!(objects(&store), ["Repas"]);
    assert_eq!(names(&db), ["dce-2026-11-22.db"]);
}

#[test]
fn an_old_backup_is_brought_up_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut store, _) = with_daily_copy(dir.path());
    // Make the copy a database of the second release (schema 2).
    let copy = backups_dir(&db).join("dce-2026-11-22.db");
    rusqlite::Connection::open(&copy)
        .unwrap()
        .execute_batch(
            "ALTER TABLE dossiers DROP COLUMN workshop;
             ALTER TABLE revisions DROP COLUMN sealed; ALTER TABLE revisions DROP COLUMN started_at;
             PRAGMA user_version = 2;",
        )
        .unwrap();

    store
        .restore_backup(&db, "dce-2026-11-22.db", "2026-11-23_101500")
        .unwrap();
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert!(!list[0].workshop);
    let mut copy = common::catering();
    copy.uid = "atelier".into();
    let id = store
        .create_workshop_copy(&copy, at("2026-11-23 11:00"))
        .unwrap();
    assert!(store
        .list()
        .unwrap()
        .iter()
        .any(|s| s.id == id && s.workshop));
}

#[test]
fn a_backup_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut store, _) = with_daily_copy(dir.path());
    let copy = backups_dir(&db).join("dce-2026-11-22.db");
    rusqlite::Connection::open(&copy)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let err = store
        .restore_backup(&db, "dce-2026-11-22.db", "2026-11-23_101500")
        .unwrap_err();
    assert!(
        matches!(err, StoreError::BackupTooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("plus récente"), "{err}");
    assert_eq!(names(&db), ["dce-2026-11-22.db"]);
}
