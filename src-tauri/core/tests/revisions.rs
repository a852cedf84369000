//! Autosaves coalesced into revisions, the old history thinned on
//! migration, and a damaged database replaced by its latest backup.
mod common;

use chrono::{Duration, NaiveDateTime};
use dce_core::model::Dossier;
use dce_core::store::{backups_dir, Store, StoreError, REVISION_WINDOW};
use std::path::Path;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

fn edited(d: &mut Dossier, n: usize) {
    d.purchase.object = format!("Repas livrés, édition {n}");
}

/// One edit a second for an hour, as a secretary typing.
fn an_hour_of_typing(store: &mut Store, id: i64, d: &mut Dossier, start: NaiveDateTime) {
    for n in 0..3600 {
        edited(d, n);
        store
            .save(id, d, start + Duration::seconds(n as i64))
            .unwrap();
    }
}

#[test]
fn an_hour_of_typing_makes_a_revision_per_window() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = common::catering();
    let start = at("2026-12-02 09:00:00");
    let id = store.create(&d, start).unwrap();
    an_hour_of_typing(&mut store, id, &mut d, start + Duration::seconds(1));

    let revisions = store.revisions(id).unwrap();
    // The creation, then one revision per five minutes of editing.
    assert_eq!(revisions.len(), 1 + 12, "{revisions:#?}");
    assert_eq!(
        store.load_revision(revisions[0].id).unwrap(),
        store.load(id).unwrap(),
        "the newest revision is the current state"
    );
    let created = revisions.last().unwrap();
    assert_eq!(created.saved_at, start);
    assert_eq!(
        store.load_revision(created.id).unwrap().purchase.object,
        common::catering().purchase.object,
        "the starting point stays a state of its own"
    );
}

#[test]
fn the_window_closes_after_five_minutes() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = common::catering();
    let start = at("2026-12-02 09:00:00");
    let id = store.create(&d, start).unwrap();
    edited(&mut d, 1);
    store.save(id, &d, start + Duration::seconds(10)).unwrap();
    edited(&mut d, 2);
    let last_in_window = start + Duration::seconds(10) + REVISION_WINDOW - Duration::seconds(1);
    store.save(id, &d, last_in_window).unwrap();
    assert_eq!(store.revisions(id).unwrap().len(), 2);
    assert_eq!(store.revisions(id).unwrap()[0].saved_at, last_in_window);
    edited(&mut d, 3);
    store
        .save(id, &d, start + Duration::seconds(10) + REVISION_WINDOW)
        .unwrap();
    assert_eq!(store.revisions(id).unwrap().len(), 3, "a new window");
}

#[test]
fn a_clock_set_back_starts_a_new_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = common::catering();
    let id = store.create(&d, at("2026-12-02 09:00:00")).unwrap();
    edited(&mut d, 1);
    store.save(id, &d, at("2026-12-02 09:01:00")).unwrap();
    edited(&mut d, 2);
    store.save(id, &d, at("2026-12-02 08:30:00")).unwrap();
    let revisions = store.revisions(id).unwrap();
    assert_eq!(revisions.len(), 3);
    assert_eq!(
        store
            .load_revision(revisions[1].id)
            .unwrap()
            .purchase
            .object,
        "Repas livrés, édition 1",
        "the state before the clock change is kept"
    );
}

#[test]
fn named_versions_exports_and_restores_stay_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = common::catering();
    let t = at("2026-12-02 09:00:00");
    let id = store.create(&d, t).unwrap();
    edited(&mut d, 1);
    store.save(id, &d, t + Duration::seconds(5)).unwrap();
    let named = store.set_checkpoint(id, "Avant séance").unwrap();
    edited(&mut d, 2);
    store.save(id, &d, t + Duration::seconds(10)).unwrap();
    assert_eq!(
        store.load_revision(named).unwrap().purchase.object,
        "Repas livrés, édition 1",
        "an edit after naming a version does not change it"
    );

    // An export seals the state it printed.
    store.seal_latest(id).unwrap();
    let exported = store.revisions(id).unwrap()[0].id;
    edited(&mut d, 3);
    store.save(id, &d, t + Duration::seconds(15)).unwrap();
    assert_eq!(
        store.load_revision(exported).unwrap().purchase.object,
        "Repas livrés, édition 2"
    );

    // A restore is a revision of its own, and so is the state it replaced.
    store.restore(id, named, t + Duration::seconds(20)).unwrap();
    edited(&mut d, 4);
    store.save(id, &d, t + Duration::seconds(25)).unwrap();
    let objects: Vec<String> = store
        .revisions(id)
        .unwrap()
        .iter()
        .map(|r| store.load_revision(r.id).unwrap().purchase.object)
        .collect();
    assert_eq!(
        objects[..4],
        [
            "Repas livrés, édition 4",
            "Repas livrés, édition 1",
            "Repas livrés, édition 3",
            "Repas livrés, édition 2"
        ]
    );
}

/// Shapes a database like the ones written before coalescing: schema 3,
/// one revision per pause in typing.
fn old_database(db: &Path) -> (i64, i64) {
    let mut store = Store::open(db).unwrap();
    let mut d = common::catering();
    let start = at("2026-11-20 14:00:00");
    let id = store.create(&d, start).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut named = 0;
    // 30 minutes of work, a save every 10 seconds, each its own revision.
    for n in 1..=180 {
        edited(&mut d, n);
        let json = serde_json::to_string(&d).unwrap();
        let label = (n == 90).then_some("Avant séance");
        conn.execute(
            "INSERT INTO revisions (dossier_id, json, saved_at, label) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, json, start + Duration::seconds(10 * n as i64), label],
        )
        .unwrap();
        if label.is_some() {
            named = conn.last_insert_rowid();
        }
        conn.execute(
            "UPDATE dossiers SET json = ?2 WHERE id = ?1",
            rusqlite::params![id, json],
        )
        .unwrap();
    }
    conn.execute_batch(
        "ALTER TABLE revisions DROP COLUMN sealed; ALTER TABLE revisions DROP COLUMN started_at;
         PRAGMA user_version = 3;",
    )
    .unwrap();
    (id, named)
}

#[test]
fn an_old_history_is_thinned_and_still_compares_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    let (id, named) = old_database(&db);
    let size_before = std::fs::metadata(&db).unwrap().len();

    let mut store = Store::open(&db).unwrap();
    let revisions = store.revisions(id).unwrap();
    // The last of each of the seven five-minute slots (14:00 to 14:30),
    // the creation and the named version.
    assert_eq!(revisions.len(), 9, "{revisions:#?}");
    assert!(
        revisions.iter().any(|r| r.id == named),
        "named versions stay"
    );
    assert_eq!(
        store.load_revision(revisions[0].id).unwrap(),
        store.load(id).unwrap(),
        "the last state stays"
    );
    assert!(
        std::fs::metadata(&db).unwrap().len() < size_before,
        "the freed space goes back to the disk"
    );
    assert!(backups_dir(&db).join("avant-migration-v3.db").exists());

    let before = store.load_revision(named).unwrap();
    let after = store.load(id).unwrap();
    assert_eq!(dce_core::compare::compare(&before, &after).len(), 1);
    store.restore(id, named, at("2026-12-02 10:00:00")).unwrap();
    assert_eq!(
        store.load(id).unwrap().purchase.object,
        before.purchase.object
    );

    // Old revisions are sealed: a new edit starts its own revision.
    let count = store.revisions(id).unwrap().len();
    let mut d = store.load(id).unwrap();
    edited(&mut d, 999);
    store.save(id, &d, at("2026-12-02 10:00:01")).unwrap();
    assert_eq!(store.revisions(id).unwrap().len(), count + 1);
}

fn damaged_error(db: &Path) -> StoreError {
    match Store::open(db) {
        Err(e @ StoreError::Damaged { .. }) => e,
        Err(e) => panic!("expected a damaged database, got {e:?}"),
        Ok(_) => panic!("a damaged database was opened"),
    }
}

fn object_in(db: &Path) -> String {
    let store = Store::open(db).unwrap();
    let list = store.list().unwrap();
    list[0].object.clone()
}

#[test]
fn a_damaged_database_is_replaced_by_the_latest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    {
        let mut store = Store::open(&db).unwrap();
        let mut d = common::catering();
        let id = store.create(&d, at("2026-12-01 09:00:00")).unwrap();
        edited(&mut d, 1);
        store.save(id, &d, at("2026-12-01 09:00:01")).unwrap();
        store.rolling_backup(&db, "2026-12-01", 7).unwrap();
        edited(&mut d, 2);
        store.save(id, &d, at("2026-12-02 09:00:01")).unwrap();
    }
    // A newer copy that is itself unreadable must be passed over.
    let newer_bad = backups_dir(&db).join("dce-2026-12-02.db");
    std::fs::write(&newer_bad, b"not a database at all").unwrap();
    // The file is overwritten in its middle, as a failing disk would.
    let mut bytes = std::fs::read(&db).unwrap();
    let half = bytes.len() / 2;
    bytes.truncate(half.max(4096));
    for b in bytes.iter_mut().skip(100) {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();

    let error = damaged_error(&db);
    assert!(error.to_string().contains("endommagée"), "{error}");
    let offer = Store::recovery_offer(&db, &error);
    let backup = offer.backup.clone().expect("a backup is offered");
    assert_eq!(backup.name, "dce-2026-12-01.db", "the newest good copy");
    assert!(offer.advice.contains("décembre"), "{}", offer.advice);

    let store = Store::replace_damaged(&db, Some(&backup.name), "2026-12-02_100000").unwrap();
    drop(store);
    assert_eq!(object_in(&db), "Repas livrés, édition 1");
    let aside = backups_dir(&db).join("base-endommagee-2026-12-02_100000.sqlite");
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        bytes,
        "the damaged file is kept"
    );
    assert!(
        !Store::backups(&db)
            .iter()
            .any(|b| b.name.contains("endommagee")),
        "the damaged file is not offered as a backup"
    );
}

#[test]
fn without_a_backup_the_user_starts_from_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    std::fs::write(&db, vec![0x42; 8192]).unwrap();
    let error = damaged_error(&db);
    let offer = Store::recovery_offer(&db, &error);
    assert!(offer.backup.is_none());
    assert!(offer.advice.contains("base neuve"), "{}", offer.advice);
    assert!(matches!(
        Store::replace_damaged(&db, Some("../dce.db"), "x"),
        Err(StoreError::BackupNotFound(_))
    ));
    let mut store = Store::replace_damaged(&db, None, "2026-12-02_100000").unwrap();
    assert!(store.list().unwrap().is_empty());
    assert!(store.take_first_start().unwrap(), "a new database");
    assert!(backups_dir(&db)
        .join("base-endommagee-2026-12-02_100000.sqlite")
        .exists());
}

#[test]
fn a_folder_without_rights_is_not_called_damaged() {
    let dir = tempfile::tempdir().unwrap();
    // A database path under a regular file: not damage, an opening error.
    let file = dir.path().join("fichier");
    std::fs::write(&file, b"x").unwrap();
    assert!(matches!(
        Store::open(&file.join("dce.db")),
        Err(StoreError::Open { .. })
    ));
}
