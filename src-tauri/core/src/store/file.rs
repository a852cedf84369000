//! What the UI learns from « Ouvrir… » and « Enregistrer sous… ».

use super::{parse_file, DceFile, ImportError};
use crate::export::{self, Format};
use crate::model::Dossier;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why « Ouvrir… » could not read a file. Nothing is changed when this happens.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("Le fichier «\u{a0}{}\u{a0}» n'a pas pu être lu\u{a0}: vérifiez qu'il existe toujours et que vous avez le droit de le lire. ({detail})", path.display())]
    Read { path: PathBuf, detail: String },
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Reads a `.dce` file from disk: the full exchange file or a bare dossier.
/// Bytes that are not text, or not ours, give the French [`ImportError`];
/// a byte-order mark (added by some editors) is ignored.
pub fn read_file(path: &Path) -> Result<DceFile, OpenError> {
    let bytes = std::fs::read(path).map_err(|e| OpenError::Read {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(parse_file(text.strip_prefix('\u{feff}').unwrap_or(&text))?)
}

/// The extension of the exchange file.
pub const EXCHANGE_EXTENSION: &str = "dce";

/// The name « Enregistrer sous… » suggests: the exported document's name
/// with the `.dce` extension, e.g. `RS-01_Fourniture-de-repas_DCE.dce`.
pub fn exchange_file_name(dossier: &Dossier) -> String {
    Path::new(&export::file_name(dossier, Format::Pdf))
        .with_extension(EXCHANGE_EXTENSION)
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_names_what_is_wrong_in_french() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_file(&dir.path().join("absent.dce")).unwrap_err();
        assert!(matches!(missing, OpenError::Read { .. }));
        assert!(
            missing.to_string().contains("n'a pas pu être lu"),
            "{missing}"
        );

        let binary = dir.path().join("image.dce");
        std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0xff, 0xfe, 0]).unwrap();
        assert!(matches!(
            read_file(&binary),
            Err(OpenError::Import(ImportError::NotJson { .. }))
        ));

        let d = crate::samples::find("restauration-scolaire")
            .unwrap()
            .instantiate(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                "u".into(),
            );
        let with_bom = dir.path().join("bom.dce");
        std::fs::write(&with_bom, format!("\u{feff}{}", super::super::to_dce(&d))).unwrap();
        assert_eq!(read_file(&with_bom).unwrap().dossier, d);
    }

    #[test]
    fn exchange_file_name_is_the_document_name_in_dce() {
        let mut d = crate::samples::find("restauration-scolaire")
            .unwrap()
            .instantiate(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                "u".into(),
            );
        d.reference = "2026/07".into();
        d.purchase.object = "Éclairage public à LED".into();
        assert_eq!(
            exchange_file_name(&d),
            "2026-07_Eclairage-public-a-LED_DCE.dce"
        );
        d.reference.clear();
        d.purchase.object.clear();
        assert_eq!(exchange_file_name(&d), "DCE.dce");
    }
}
