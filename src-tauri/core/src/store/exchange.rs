//! The `.dce` exchange file: the dossier as JSON, with its schema version.

use crate::model::{Dossier, SCHEMA_VERSION};
use thiserror::Error;

/// Why a file could not be read as a dossier. Nothing is changed when this happens.
#[derive(Debug, Error, PartialEq)]
pub enum ImportError {
    #[error("Le fichier est vide : choisissez un fichier .dce enregistré par DCE Unique.")]
    Empty,
    #[error("Ce fichier n'est pas un dossier DCE Unique (ce n'est pas du JSON lisible, ligne {line}, colonne {column}). Vérifiez que vous avez choisi le bon fichier.")]
    NotJson { line: usize, column: usize },
    #[error("Le fichier est incomplet (coupé ligne {line}) : il a sans doute été mal copié ou mal téléchargé. Demandez à nouveau le fichier à son auteur.")]
    Truncated { line: usize },
    #[error("Ce fichier JSON n'est pas un dossier DCE Unique (il ne contient pas de « schema_version »).")]
    Foreign,
    #[error("Ce dossier a été enregistré par une version plus récente de DCE Unique (format {found}, cette version lit jusqu'au format {supported}). Mettez l'application à jour.")]
    TooNew { found: u64, supported: u32 },
    #[error("Le dossier contient une valeur incorrecte au champ « {field} » : corrigez-la ou demandez à nouveau le fichier. (Détail : {detail})")]
    InvalidField { field: String, detail: String },
}

/// Reads a `.dce` file's content. Checks, in order: something is there, it is
/// JSON, it is ours, its version is one we read, every field is valid.
pub fn parse_dce(text: &str) -> Result<Dossier, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated { line: e.line() }
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    let version = value
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .ok_or(ImportError::Foreign)?;
    if version > SCHEMA_VERSION as u64 {
        return Err(ImportError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| ImportError::InvalidField {
        field: e.path().to_string(),
        detail: e.inner().to_string(),
    })
}

/// The dossier as a `.dce` file's content (pretty JSON, stable field order).
pub fn to_dce(dossier: &Dossier) -> String {
    serde_json::to_string_pretty(dossier).expect("a dossier always serialises")
}
