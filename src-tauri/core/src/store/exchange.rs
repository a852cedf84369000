//! The `.dce` exchange file: the dossier as JSON, with its schema version.

use super::{Comment, Store};
use crate::model::{Dossier, SCHEMA_VERSION};
use chrono::NaiveDateTime;
use rusqlite::{params, OptionalExtension};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

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
    dossier_from_value(parse_json(text)?)
}

fn parse_json(text: &str) -> Result<serde_json::Value, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated { line: e.line() }
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })
}

fn dossier_from_value(value: serde_json::Value) -> Result<Dossier, ImportError> {
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
    deserialize(value)
}

fn deserialize<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ImportError> {
    serde_path_to_error::deserialize(value).map_err(|e| ImportError::InvalidField {
        field: e.path().to_string(),
        detail: e.inner().to_string(),
    })
}

/// The dossier as a `.dce` file's content (pretty JSON, stable field order).
pub fn to_dce(dossier: &Dossier) -> String {
    serde_json::to_string_pretty(dossier).expect("a dossier always serialises")
}

/// What « Enregistrer sous… » writes: the dossier with its comments and its
/// history, so an adviser on another machine sees exactly what the
/// secretary sees. « Ouvrir… » also accepts a bare dossier (`dce show`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DceFile {
    /// Always « dce-unique »: tells our files from other JSON.
    pub format: String,
    pub format_version: u32,
    pub dossier: Dossier,
    pub comments: Vec<Comment>,
    /// Every saved state, oldest first.
    pub revisions: Vec<RevisionRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisionRecord {
    pub saved_at: NaiveDateTime,
    pub label: Option<String>,
    pub dossier: Dossier,
}

pub const FILE_FORMAT: &str = "dce-unique";
pub const FILE_FORMAT_VERSION: u32 = 1;

/// When the imported dossier is already in the database (same identity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Refuse and report the existing dossier, so the user can choose.
    Ask,
    /// Import as a new dossier with a new identity; the existing one is untouched.
    KeepBoth,
    /// Replace the existing dossier's content, comments and history.
    Replace,
}

/// What an import did; the UI reads it after « Ouvrir… ».
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportOutcome {
    Imported {
        #[ts(type = "number")]
        id: i64,
    },
    /// Nothing was changed: a dossier with the same identity exists.
    AlreadyExists {
        #[ts(type = "number")]
        existing_id: i64,
        object: String,
    },
}

/// Reads a `.dce` file: the full exchange file, or a bare dossier.
pub fn parse_file(text: &str) -> Result<DceFile, ImportError> {
    let value = parse_json(text)?;
    if value.get("format").is_some() {
        if value.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
            return Err(ImportError::Foreign);
        }
        let version = value
            .get("format_version")
            .and_then(|v| v.as_u64())
            .ok_or(ImportError::Foreign)?;
        if version > FILE_FORMAT_VERSION as u64 {
            return Err(ImportError::TooNew {
                found: version,
                supported: FILE_FORMAT_VERSION,
            });
        }
        return deserialize(value);
    }
    let dossier = dossier_from_value(value)?;
    Ok(DceFile {
        format: FILE_FORMAT.into(),
        format_version: FILE_FORMAT_VERSION,
        dossier,
        comments: vec![],
        revisions: vec![],
    })
}

impl Store {
    /// The dossier with its comments and history, as « Enregistrer sous… » writes it.
    pub fn export_file(&self, id: i64) -> Result<DceFile, super::StoreError> {
        let dossier = self.load(id)?;
        let comments = self.comments(id)?.into_iter().map(|c| c.comment).collect();
        let revisions = self
            .history(id)?
            .into_iter()
            .map(|(r, dossier)| RevisionRecord {
                saved_at: r.saved_at,
                label: r.label,
                dossier,
            })
            .collect();
        Ok(DceFile {
            format: FILE_FORMAT.into(),
            format_version: FILE_FORMAT_VERSION,
            dossier,
            comments,
            revisions,
        })
    }

    /// Imports an exchange file in one transaction: either all of it lands, or nothing.
    pub fn import_file(
        &mut self,
        file: &DceFile,
        mode: ImportMode,
        new_uid: impl FnOnce() -> String,
        now: NaiveDateTime,
    ) -> Result<ImportOutcome, super::StoreError> {
        let existing = self.find_by_uid(&file.dossier.uid)?;
        let mut dossier = file.dossier.clone();
        let tx = self.conn.transaction()?;
        let id = match (existing, mode) {
            (Some(existing_id), ImportMode::Ask) => {
                let object = super::parse_stored(
                    existing_id,
                    &tx.query_row(
                        "SELECT json FROM dossiers WHERE id = ?1",
                        [existing_id],
                        |r| r.get::<_, String>(0),
                    )?,
                )?
                .purchase
                .object;
                return Ok(ImportOutcome::AlreadyExists {
                    existing_id,
                    object,
                });
            }
            (Some(existing_id), ImportMode::Replace) => {
                // The file's state becomes the current one; the local history
                // and comments stay beside the file's (merged below), so work
                // done here after sending the file is never lost.
                tx.execute(
                    // A replaced workshop copy becomes a real dossier: the next
                    // workshop reset must not take the imported work away.
                    "UPDATE dossiers SET json = ?2, updated_at = ?3, workshop = 0 WHERE id = ?1",
                    params![existing_id, serde_json::to_string(&dossier)?, now],
                )?;
                existing_id
            }
            (found, _) => {
                if found.is_some() || dossier.uid.trim().is_empty() {
                    dossier.uid = new_uid();
                }
                tx.execute("INSERT INTO dossiers (uid, json, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)", params![dossier.uid, serde_json::to_string(&dossier)?, now])?;
                tx.last_insert_rowid()
            }
        };
        // Revisions and comments the database already has (a file sent
        // earlier and now coming back) are not added twice.
        for r in &file.revisions {
            let mut state = r.dossier.clone();
            state.uid = dossier.uid.clone();
            tx.execute(
                "INSERT INTO revisions (dossier_id, json, saved_at, label)
                 SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM revisions
                   WHERE dossier_id = ?1 AND json = ?2 AND saved_at = ?3)",
                params![id, serde_json::to_string(&state)?, r.saved_at, r.label],
            )?;
        }
        // The current state is always the newest revision, even for a bare dossier.
        let current = serde_json::to_string(&dossier)?;
        let newest: Option<String> = tx
            .query_row(
                "SELECT json FROM revisions WHERE dossier_id = ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if newest.as_deref() != Some(current.as_str()) {
            tx.execute(
                "INSERT INTO revisions (dossier_id, json, saved_at) VALUES (?1, ?2, ?3)",
                params![id, current, now],
            )?;
        }
        for c in &file.comments {
            super::comments::merge_comment(&tx, id, c)?;
        }
        tx.commit()?;
        Ok(ImportOutcome::Imported { id })
    }
}
