//! Workshop copies: made during a training session, deleted together by
//! « Réinitialiser l'atelier », never touching the commune's own dossiers.
mod common;

use chrono::NaiveDateTime;
use dce_core::store::{Comment, ImportMode, ImportOutcome, Store};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn comment(text: &str) -> Comment {
    Comment {
        section: "criteria".into(),
        field: None,
        author: "Formatrice".into(),
        created_at: at("2026-11-23 10:00"),
        text: text.into(),
        resolved: false,
    }
}

fn with_uid(uid: &str) -> dce_core::model::Dossier {
    let mut d = common::catering();
    d.uid = uid.into();
    d
}

#[test]
fn reset_deletes_workshop_copies_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dce.db")).unwrap();

    // The commune's own dossier, with history and a comment.
    let mut own = with_uid("own");
    let own_id = store.create(&own, at("2026-11-22 09:00")).unwrap();
    own.purchase.object = "Repas livrés".into();
    store.save(own_id, &own, at("2026-11-22 09:05")).unwrap();
    store.set_checkpoint(own_id, "Avant l'atelier").unwrap();
    store.add_comment(own_id, &comment("À voir")).unwrap();
    let own_before = store.export_file(own_id).unwrap();

    // Two trainees' copies, edited and commented.
    let mut copies = vec![];
    for uid in ["w1", "w2"] {
        let mut d = with_uid(uid);
        let id = store
            .create_workshop_copy(&d, at("2026-11-23 14:00"))
            .unwrap();
        d.reference = format!("ATELIER-{uid}");
        store.save(id, &d, at("2026-11-23 14:10")).unwrap();
        store.add_comment(id, &comment("Bien vu")).unwrap();
        copies.push(id);
    }

    let list = store.list().unwrap();
    assert_eq!(list.len(), 3);
    for summary in &list {
        assert_eq!(
            summary.workshop,
            copies.contains(&summary.id),
            "{summary:?}"
        );
    }

    assert_eq!(store.reset_workshop().unwrap(), 2);
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, own_id);
    assert!(!list[0].workshop);
    assert_eq!(
        store.export_file(own_id).unwrap(),
        own_before,
        "the commune's dossier, its history and comments are untouched"
    );
    for id in copies {
        assert!(store.revisions(id).unwrap().is_empty(), "revisions cascade");
        assert!(store.comments(id).unwrap().is_empty(), "comments cascade");
    }
    assert_eq!(store.reset_workshop().unwrap(), 0, "nothing left to reset");
}

/// A store holding one workshop copy, its id and its exchange file.
fn workshop_copy_and_its_file() -> (Store, i64, dce_core::store::DceFile) {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_workshop_copy(&with_uid("w"), at("2026-11-23 14:00"))
        .unwrap();
    let file = store.export_file(id).unwrap();
    (store, id, file)
}

#[test]
fn imported_dossiers_are_never_workshop_copies() {
    let (mut store, id, file) = workshop_copy_and_its_file();
    // Opened as a second dossier beside the workshop copy.
    let outcome = store
        .import_file(
            &file,
            ImportMode::KeepBoth,
            || "imported".into(),
            at("2026-11-23 15:00"),
        )
        .unwrap();
    let ImportOutcome::Imported { id: imported } = outcome else {
        panic!("{outcome:?}")
    };
    let summary = |id| {
        store
            .list()
            .unwrap()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap()
    };
    assert!(summary(id).workshop);
    assert!(!summary(imported).workshop);

    assert_eq!(store.reset_workshop().unwrap(), 1);
    assert_eq!(store.load(imported).unwrap().uid, "imported");
}

#[test]
fn a_workshop_copy_replaced_by_an_import_is_kept_by_the_reset() {
    let (mut store, id, file) = workshop_copy_and_its_file();
    let outcome = store
        .import_file(
            &file,
            ImportMode::Replace,
            || unreachable!("replacing keeps the identity"),
            at("2026-11-23 15:00"),
        )
        .unwrap();
    assert_eq!(outcome, ImportOutcome::Imported { id });
    assert!(!store.list().unwrap()[0].workshop);
    assert_eq!(store.reset_workshop().unwrap(), 0);
}
