//! The `dce` command line contract that later work and checks rely on.

mod common;

use std::path::Path;
use std::process::Output;

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "dce failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn samples_new_list_show_import_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let samples = stdout(&common::dce(&db, &["samples"]));
    let names: Vec<&str> = samples
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(&names[..2], ["vierge", "restauration-scolaire"]);
    let first = names[1].to_string();

    let id = stdout(&common::dce(&db, &["new", "--sample", &first]));
    assert_eq!(id.trim(), "1", "the id alone on one line");
    let list = stdout(&common::dce(&db, &["list"]));
    assert!(
        list.starts_with("1\tRS-01\tFourniture et livraison de repas"),
        "{list}"
    );

    let shown = stdout(&common::dce(&db, &["show", "1"]));
    let file = dir.path().join("exchange.dce");
    std::fs::write(&file, &shown).unwrap();
    let other_db = dir.path().join("b.db");
    let id2 = stdout(&common::dce(&other_db, &["import", file.to_str().unwrap()]));
    assert_eq!(
        stdout(&common::dce(&other_db, &["show", id2.trim()])),
        shown,
        "same dossier on the other database"
    );
}

#[test]
fn check_json_gives_severity_message_reference_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    stdout(&common::dce(
        &db,
        &["new", "--sample", "restauration-scolaire"],
    ));
    let clean: serde_json::Value =
        serde_json::from_str(&stdout(&common::dce(&db, &["check", "1", "--json"]))).unwrap();
    assert_eq!(clean, serde_json::json!([]));

    // Make it faulty through the exchange format, as a user's file would be.
    let id = import_faulty_copy(&db, dir.path());
    let findings: serde_json::Value = serde_json::from_str(&stdout(&common::dce(
        &db,
        &["check", id.trim(), "--json", "--date", "2026-11-30"],
    )))
    .unwrap();
    let f = &findings[0];
    assert_eq!(f["severity"], "bloquant");
    assert_eq!(f["reference"], "R2192-10");
    assert_eq!(f["field"], "execution.payment_period_days");
    assert!(f["message"].as_str().unwrap().contains("60 jours"));
}

#[test]
fn errors_exit_non_zero_with_a_french_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let cases: [(&[&str], &str); 4] = [
        (&["show", "7"], "Le dossier n° 7 n'existe pas"),
        (
            &["new", "--sample", "piscine"],
            "il n'y a pas de dossier type « piscine »",
        ),
        (&["import", "/nonexistent/x.dce"], "impossible de lire"),
        (&["frobnicate"], "Commande incorrecte"),
    ];
    for (args, expected) in cases {
        let o = common::dce(&db, args);
        assert!(!o.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn schema_describes_the_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&stdout(&common::dce(&dir.path().join("a.db"), &["schema"]))).unwrap();
    assert_eq!(schema["title"], "Dossier");
    assert!(schema["properties"]["schema_version"].is_object());
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "criteria"));
}

#[test]
fn importing_an_existing_dossier_asks_then_keeps_both_or_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    stdout(&common::dce(
        &db,
        &["new", "--sample", "restauration-scolaire"],
    ));
    let file = dir.path().join("a.dce");
    stdout(&common::dce(
        &db,
        &["save", "1", "--out", file.to_str().unwrap()],
    ));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["format"], "dce-unique");
    assert_eq!(saved["revisions"].as_array().unwrap().len(), 1);

    let asked = common::dce(&db, &["import", file.to_str().unwrap()]);
    assert!(!asked.status.success());
    assert!(String::from_utf8_lossy(&asked.stderr)
        .contains("ce dossier existe déjà dans la base (n° 1"));
    assert_eq!(
        stdout(&common::dce(&db, &["list"])).lines().count(),
        1,
        "nothing imported"
    );

    assert_eq!(
        stdout(&common::dce(
            &db,
            &["import", "--keep-both", file.to_str().unwrap()]
        ))
        .trim(),
        "2"
    );
    assert_eq!(
        stdout(&common::dce(
            &db,
            &["import", "--replace", file.to_str().unwrap()]
        ))
        .trim(),
        "1"
    );
    assert_eq!(stdout(&common::dce(&db, &["list"])).lines().count(), 2);
}

#[test]
fn a_damaged_database_is_recovered_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    stdout(&common::dce(
        &db,
        &["new", "--sample", "restauration-scolaire"],
    ));
    let backups = dir.path().join("sauvegardes");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::copy(&db, backups.join("dce-2026-12-01.db")).unwrap();
    std::fs::write(&db, vec![0x17; 16384]).unwrap();

    let failed = common::dce(&db, &["list"]);
    assert!(!failed.status.success());
    let message = String::from_utf8_lossy(&failed.stderr);
    assert!(
        message.contains("endommagée") && message.contains("dce recover"),
        "{message}"
    );

    let offer = stdout(&common::dce(&db, &["recover"]));
    assert!(
        offer.contains("dce recover --backup dce-2026-12-01.db"),
        "{offer}"
    );
    assert!(
        !common::dce(&db, &["list"]).status.success(),
        "only showing the offer changes nothing"
    );
    stdout(&common::dce(
        &db,
        &["recover", "--backup", "dce-2026-12-01.db"],
    ));
    assert!(stdout(&common::dce(&db, &["list"])).starts_with("1\tRS-01"));
    assert!(stdout(&common::dce(&db, &["recover"])).contains("rien à réparer"));
}

#[test]
fn export_writes_the_piece_asked_in_the_format_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    stdout(&common::dce(
        &db,
        &["new", "--sample", "renovation-salle-des-fetes"],
    ));
    let notice = dir.path().join("avis.txt");
    let args = ["export", "1", "--piece", "avis", "--format", "txt", "--out"];
    let written = stdout(&common::dce(
        &db,
        &[&args[..], &[notice.to_str().unwrap()]].concat(),
    ));
    assert_eq!(written.trim(), notice.to_str().unwrap());
    let text = std::fs::read_to_string(&notice).unwrap();
    assert!(text.starts_with("PROJET"), "a draft unless --final: {text}");
    for expected in [
        "AVIS D’APPEL PUBLIC À LA CONCURRENCE",
        "5 LOTS",
        "Intitulé      \u{a0}: Menuiseries extérieures",
        "Code CPV principal        \u{a0}: 45321000-3",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }

    // Without --piece, the document unique.
    let dce_text = dir.path().join("dce.txt");
    stdout(&common::dce(
        &db,
        &[
            "export",
            "1",
            "--format",
            "txt",
            "--out",
            dce_text.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(&dce_text).unwrap();
    assert!(
        text.contains("1 PRÉSENTATION DE LA CONSULTATION\n"),
        "{text}"
    );

    let refused = common::dce(
        &db,
        &[
            "export", "1", "--piece", "cadre", "--format", "zip", "--out", "x.zip",
        ],
    );
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("Erreur : L'archive ZIP réunit toutes les pièces du dossier"),
        "{err}"
    );
    assert!(!std::path::Path::new("x.zip").exists());
}

#[test]
fn a_final_notice_is_refused_while_a_blocking_finding_remains() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    stdout(&common::dce(
        &db,
        &["new", "--sample", "restauration-scolaire"],
    ));
    let id = import_faulty_copy(&db, dir.path());
    let out = dir.path().join("avis.pdf");
    let export = |id: &str| {
        common::dce(
            &db,
            &[
                "export",
                id,
                "--piece",
                "avis",
                "--format",
                "pdf",
                "--final",
                "--out",
                out.to_str().unwrap(),
            ],
        )
    };
    let refused = export(id.trim());
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("La version à publier est refusée"), "{err}");
    assert!(err.contains("R2192-10"), "{err}");
    assert!(!out.exists(), "nothing written");
    stdout(&export("1"));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

/// Imports a copy of dossier 1 with a 60-day payment period (a blocking
/// fault), through the exchange format as a user's file would be; its id.
fn import_faulty_copy(db: &Path, dir: &Path) -> String {
    let shown = stdout(&common::dce(db, &["show", "1"]))
        .replace("\"payment_period_days\": 30", "\"payment_period_days\": 60");
    let file = dir.join("faulty.dce");
    std::fs::write(&file, shown).unwrap();
    stdout(&common::dce(
        db,
        &["import", "--keep-both", file.to_str().unwrap()],
    ))
}

#[test]
fn the_review_sheet_is_exported_from_the_command_line_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    stdout(&common::dce(&db, &["new", "--sample", "vierge"]));
    let review = |format: &str, out: &str| {
        common::dce(
            &db,
            &[
                "export",
                "1",
                "--piece",
                "relecture",
                "--format",
                format,
                "--out",
                out,
            ],
        )
    };
    let pdf = dir.path().join("relecture.pdf");
    let written = stdout(&review("pdf", pdf.to_str().unwrap()));
    assert_eq!(written.trim(), pdf.to_str().unwrap());
    let text = common::squeezed(&common::pdf_text(&std::fs::read(&pdf).unwrap()));
    for expected in [
        "Fiche de relecture",
        "Étapes incomplètes",
        "Acheteur",
        "Bordereau des prix",
    ] {
        assert!(
            text.contains(&common::squeezed(expected)),
            "{expected:?} not in {text}"
        );
    }
    let refused = review("txt", "r.txt");
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("La fiche de relecture s'exporte en PDF ou en DOCX."),
        "{err}"
    );
}
