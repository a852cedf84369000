//! The composed document (IR) of every bundled sample, both pieces, as
//! reviewed snapshots in tests/snapshots/. After a deliberate change of a
//! template or a sample: `INSTA_UPDATE=always cargo test -p dce-core --test snapshots`
//! and review the diff before committing.

use dce_core::compose::{compose, Piece};
use dce_core::samples;

#[test]
fn every_sample_composes_as_reviewed() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for sample in samples::all() {
        let dossier = sample.instantiate(today, "snapshot".into());
        for (piece, suffix) in [
            (Piece::Dce, "dce"),
            (Piece::ResponseFrames, "cadre-reponse"),
            (Piece::Notice, "avis"),
        ] {
            let doc = compose(&dossier, piece).unwrap();
            insta::assert_json_snapshot!(format!("{}-{suffix}", sample.name), doc);
        }
    }
}
