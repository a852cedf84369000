mod common;

use dce_core::store::{parse_dce, to_dce, ImportError};

#[test]
fn show_then_import_gives_the_same_dossier() {
    let d = common::catering();
    assert_eq!(parse_dce(&to_dce(&d)).unwrap(), d);
}

#[test]
fn each_kind_of_bad_file_is_named() {
    let good = to_dce(&common::catering());
    assert_eq!(parse_dce("  \n"), Err(ImportError::Empty));
    assert!(matches!(
        parse_dce("%PDF-1.7 binary"),
        Err(ImportError::NotJson { line: 1, .. })
    ));
    assert!(matches!(
        parse_dce(&good[..good.len() / 2]),
        Err(ImportError::Truncated { .. })
    ));
    assert_eq!(
        parse_dce(r#"{"name": "autre logiciel"}"#),
        Err(ImportError::Foreign)
    );
    assert_eq!(parse_dce("[1, 2]"), Err(ImportError::Foreign));
    let newer = good.replacen("\"schema_version\": 1", "\"schema_version\": 99", 1);
    assert_eq!(
        parse_dce(&newer),
        Err(ImportError::TooNew {
            found: 99,
            supported: 1
        })
    );
}

#[test]
fn an_invalid_field_is_named_by_its_path() {
    let bad = to_dce(&common::catering()).replacen(
        "\"duration_months\": 36",
        "\"duration_months\": \"trois ans\"",
        1,
    );
    match parse_dce(&bad) {
        Err(ImportError::InvalidField { field, .. }) => {
            assert_eq!(field, "purchase.duration_months")
        }
        other => panic!("expected an invalid field, got {other:?}"),
    }
    let msg = parse_dce(&bad).unwrap_err().to_string();
    assert!(
        msg.starts_with(
            "Le dossier contient une valeur incorrecte au champ « purchase.duration_months »"
        ),
        "{msg}"
    );
}

#[test]
fn unknown_fields_are_refused_rather_than_silently_dropped() {
    let bad = to_dce(&common::catering()).replacen(
        "\"reference\":",
        "\"surprise\": 1,\n  \"reference\":",
        1,
    );
    assert!(matches!(
        parse_dce(&bad),
        Err(ImportError::InvalidField { .. })
    ));
}
