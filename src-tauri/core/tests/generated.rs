//! The generated files committed in the repository (TypeScript bindings and
//! step list of the UI, JSON Schema of the .dce format) match the Rust types.
//! `DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated` rewrites them.

use std::path::PathBuf;

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn check(rel: &str, expected: String) {
    let path = repo_file(rel);
    if std::env::var_os("DCE_UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{rel} is out of date: run DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated"
    );
}

#[test]
fn typescript_bindings_are_up_to_date() {
    check("ui/src/lib/bindings.ts", dce_core::bindings::typescript());
}

#[test]
fn step_list_is_up_to_date() {
    check(
        "ui/src/lib/sections.ts",
        dce_core::bindings::sections_typescript(),
    );
}

#[test]
fn json_schema_is_up_to_date() {
    check(
        "templates/dossier.schema.json",
        dce_core::bindings::json_schema(),
    );
}
