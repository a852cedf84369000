mod common;

use chrono::NaiveDateTime;
use dce_core::store::{Store, StoreError};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

#[test]
fn a_saved_change_survives_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dce.db");
    let id = {
        let mut store = Store::open(&path).unwrap();
        let mut d = common::catering();
        let id = store.create(&d, at("2026-11-22 09:00")).unwrap();
        d.purchase.object = "Repas livrés".into();
        store.save(id, &d, at("2026-11-22 09:05")).unwrap();
        id
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load(id).unwrap().purchase.object, "Repas livrés");
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].object, "Repas livrés");
    assert_eq!(list[0].updated_at, at("2026-11-22 09:05"));
}

#[test]
fn changes_are_coalesced_and_unchanged_saves_write_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = common::catering();
    let id = store.create(&d, at("2026-11-22 09:00")).unwrap();
    store.save(id, &d, at("2026-11-22 09:01")).unwrap();
    assert_eq!(store.revisions(id).unwrap().len(), 1);
    d.reference = "2026-07".into();
    store.save(id, &d, at("2026-11-22 09:02")).unwrap();
    d.reference = "2026-08".into();
    store.save(id, &d, at("2026-11-22 09:03")).unwrap();
    let revisions = store.revisions(id).unwrap();
    assert_eq!(
        revisions.len(),
        2,
        "the creation, then the edits of a few minutes"
    );
    assert_eq!(
        revisions[0].saved_at,
        at("2026-11-22 09:03"),
        "newest first"
    );
    assert_eq!(
        store.load_revision(revisions[0].id).unwrap().reference,
        "2026-08"
    );
}

#[test]
fn missing_dossier_is_a_french_error() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store.load(42).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(42)));
    assert_eq!(
        err.to_string(),
        "Le dossier n° 42 n'existe pas (il a peut-être été supprimé)."
    );
    assert!(matches!(
        store.save(42, &common::catering(), at("2026-11-22 09:00")),
        Err(StoreError::NotFound(42))
    ));
    assert!(matches!(store.delete(42), Err(StoreError::NotFound(42))));
}

#[test]
fn deleting_removes_the_dossier_and_its_revisions() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create(&common::catering(), at("2026-11-22 09:00"))
        .unwrap();
    store.delete(id).unwrap();
    assert!(store.list().unwrap().is_empty());
    assert!(store.revisions(id).unwrap().is_empty());
}

#[test]
fn first_start_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dce.db");
    assert!(Store::open(&path).unwrap().take_first_start().unwrap());
    assert!(!Store::open(&path).unwrap().take_first_start().unwrap());
}

#[test]
fn unwritable_location_gives_a_french_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open(&file.join("dce.db"))
        .err()
        .expect("cannot open under a file");
    assert!(err.to_string().contains("n'a pas pu être ouverte"), "{err}");
}

#[test]
fn settings_are_kept_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dce.db");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.setting("author_name").unwrap(), None);
        store.set_setting("author_name", "Mme Martin").unwrap();
        store.set_setting("author_name", "M. Conseil").unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.setting("author_name").unwrap().as_deref(),
        Some("M. Conseil")
    );
    assert_eq!(store.author_name().unwrap().as_deref(), Some("M. Conseil"));
}

#[test]
fn the_author_name_is_trimmed_and_never_empty() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.author_name().unwrap(), None);
    let err = store.set_author_name(" \t ").unwrap_err();
    assert!(matches!(err, StoreError::EmptyAuthorName));
    assert!(
        err.to_string().starts_with("Le nom est vide\u{a0}:"),
        "{err}"
    );
    assert_eq!(
        store.set_author_name("  Mme Martin (mairie) ").unwrap(),
        "Mme Martin (mairie)"
    );
    assert_eq!(
        store
            .setting(dce_core::store::AUTHOR_NAME)
            .unwrap()
            .as_deref(),
        Some("Mme Martin (mairie)")
    );
}

#[test]
fn comments_are_signed_with_the_author_name() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create(&common::catering(), at("2026-11-22 09:00"))
        .unwrap();
    let err = store
        .add_signed_comment(
            id,
            "criteria",
            None,
            "Le prix pèse trop",
            at("2026-11-23 10:00"),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::NoAuthorName));
    assert!(
        err.to_string().starts_with("Indiquez d'abord votre nom"),
        "{err}"
    );
    assert!(store.comments(id).unwrap().is_empty());

    store.set_author_name("M. Conseil").unwrap();
    let comment_id = store
        .add_signed_comment(
            id,
            "criteria",
            Some("criteria[0]"),
            "Le prix pèse trop",
            at("2026-11-23 10:00"),
        )
        .unwrap();
    store
        .add_signed_comment(id, "execution", Some(" "), "Vu", at("2026-11-23 10:05"))
        .unwrap();
    let comments = store.comments(id).unwrap();
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].id, comment_id);
    assert_eq!(comments[0].comment.author, "M. Conseil");
    assert_eq!(comments[0].comment.field.as_deref(), Some("criteria[0]"));
    assert!(!comments[0].comment.resolved);
    assert_eq!(comments[1].comment.field, None, "a blank field is no field");
}
