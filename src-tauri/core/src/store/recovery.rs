//! A database that cannot be read: what the user is offered, and putting
//! the latest good backup in its place. The damaged file is never deleted:
//! it is moved into the backups folder under a name the restore list does
//! not show, so that nothing can be made worse.

use super::backup::check_backup;
use super::{backups_dir, BackupInfo, Store, StoreError};
use rusqlite::{Connection, ErrorCode};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How the shell stamps the damaged file it moves aside, e.g. « 2026-12-02_153000 ».
pub const DAMAGED_STAMP_FORMAT: &str = "%Y-%m-%d_%H%M%S";

/// What the start screen shows when the database cannot be opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecoveryOffer {
    /// What happened, in French.
    pub problem: String,
    /// The newest backup that passes the checks, if any.
    pub backup: Option<BackupInfo>,
    /// What the buttons do, in French.
    pub advice: String,
}

/// Damage reported by SQLite itself becomes [`StoreError::Damaged`]; any
/// other failure (rights, a missing folder) stays an opening error.
pub(super) fn classify_open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        _ => StoreError::Open {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
    }
}

/// SQLite's quick check: fast enough for every start on a commune's database.
pub(super) fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let mut stmt = conn
        .prepare("PRAGMA quick_check")
        .map_err(|e| classify_open_error(path, e))?;
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| classify_open_error(path, e))?;
    if lines.len() == 1 && lines[0] == "ok" {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: path.to_path_buf(),
            detail: lines.join("; "),
        })
    }
}

impl Store {
    /// What to offer when opening `db_path` failed with `error`.
    pub fn recovery_offer(db_path: &Path, error: &StoreError) -> RecoveryOffer {
        let backup = Self::latest_good_backup(db_path);
        let advice = match &backup {
            Some(b) => format!(
                "«\u{a0}Restaurer la sauvegarde\u{a0}» remet vos dossiers dans l'état de la copie la plus récente\u{a0}: {}. Les modifications faites depuis cette copie sont perdues. Le fichier endommagé n'est pas effacé\u{a0}: il est rangé dans le dossier «\u{a0}sauvegardes\u{a0}», pour qu'un informaticien puisse tenter d'en tirer davantage.",
                lowercase_first(&b.description)
            ),
            None => "Aucune sauvegarde lisible n'a été trouvée. «\u{a0}Repartir d'une base neuve\u{a0}» ouvre l'application avec le seul dossier d'exemple\u{a0}; le fichier endommagé n'est pas effacé\u{a0}: il est rangé dans le dossier «\u{a0}sauvegardes\u{a0}». Si vous avez envoyé un dossier par courriel (fichier .dce), vous pourrez l'ouvrir à nouveau.".to_string(),
        };
        RecoveryOffer {
            problem: error.to_string(),
            backup,
            advice,
        }
    }

    /// The newest backup beside `db_path` that this version can restore.
    fn latest_good_backup(db_path: &Path) -> Option<BackupInfo> {
        let dir = backups_dir(db_path);
        Self::backups(db_path)
            .into_iter()
            .find(|b| check_backup(&dir.join(&b.name), &b.name).is_ok())
    }

    /// Moves the damaged database at `db_path` aside (stamped `stamp`), puts
    /// the backup `backup_name` in its place, or nothing when `None` (a new,
    /// empty database), and opens it.
    pub fn replace_damaged(
        db_path: &Path,
        backup_name: Option<&str>,
        stamp: &str,
    ) -> Result<Store, StoreError> {
        let dir = backups_dir(db_path);
        let source = backup_name
            .map(|name| Self::checked_backup(db_path, name))
            .transpose()?;
        let fail = |e: std::io::Error| StoreError::Backup {
            path: db_path.to_path_buf(),
            detail: e.to_string(),
        };
        std::fs::create_dir_all(&dir).map_err(fail)?;
        // The journal files belong to the damaged file: they go with it.
        for suffix in ["", "-wal", "-shm"] {
            let file = with_suffix(db_path, suffix);
            if file.exists() {
                let aside = dir.join(format!("base-endommagee-{stamp}.sqlite{suffix}"));
                std::fs::rename(&file, &aside).map_err(fail)?;
            }
        }
        if let Some(source) = source {
            let tmp = with_suffix(db_path, ".restauration");
            std::fs::copy(&source, &tmp).map_err(fail)?;
            std::fs::rename(&tmp, db_path).map_err(fail)?;
        }
        Store::open(db_path)
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
