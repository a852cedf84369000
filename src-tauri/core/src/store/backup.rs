//! Copies of the whole database made with SQLite's online backup: safe
//! while the app is open, and taken before every schema migration.

use super::{backups_dir, migrations, Store, StoreError};
use crate::french;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How the shell stamps the copy made before a restore, e.g. « 2026-11-23_101500 ».
pub const RESTORE_STAMP_FORMAT: &str = "%Y-%m-%d_%H%M%S";

/// Why a backup copy was made (read from its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The copy of the day, made when the app starts (`dce-2026-11-22.db`).
    Daily,
    /// Made before the database was brought up to a new schema (`avant-migration-v1.db`).
    BeforeMigration,
    /// The state replaced by a restore (`avant-restauration-2026-11-23_101500.db`).
    BeforeRestore,
    /// Any other `.db` file put in the backups folder.
    Other,
}

/// One backup copy, as the restore screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    /// The file name: what `restore_backup` takes.
    pub name: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub kind: BackupKind,
    /// In French for the user, e.g. « Copie automatique du 22 novembre 2026 ».
    pub description: String,
}

impl BackupInfo {
    fn from_file(name: String, size_bytes: u64) -> BackupInfo {
        let stem = name.strip_suffix(".db").unwrap_or(&name);
        let (kind, description) = if let Some(day) = stem.strip_prefix("dce-") {
            let description = match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                Ok(d) => format!("Copie automatique du {}", french::date(d)),
                Err(_) => "Copie automatique".to_string(),
            };
            (BackupKind::Daily, description)
        } else if let Some(version) = stem.strip_prefix("avant-migration-v") {
            (
                BackupKind::BeforeMigration,
                format!(
                    "Copie faite avant la mise à jour de l'application (base au format {version})"
                ),
            )
        } else if let Some(stamp) = stem.strip_prefix("avant-restauration-") {
            let description = match NaiveDateTime::parse_from_str(stamp, RESTORE_STAMP_FORMAT) {
                Ok(at) => format!(
                    "Copie faite avant la restauration du {}",
                    french::datetime(at)
                ),
                Err(_) => "Copie faite avant une restauration".to_string(),
            };
            (BackupKind::BeforeRestore, description)
        } else {
            (BackupKind::Other, format!("Copie «\u{a0}{stem}\u{a0}»"))
        };
        BackupInfo {
            name,
            size_bytes,
            kind,
            description,
        }
    }
}

impl Store {
    /// Writes a consistent copy of the database to `dest` (replaced if present).
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        let fail = |e: &dyn std::fmt::Display| StoreError::Backup {
            path: dest.to_path_buf(),
            detail: e.to_string(),
        };
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
        }
        let tmp = dest.with_extension("tmp");
        let _ = std::fs::remove_file(&tmp);
        // A copy cut short (a full disk) must not stay beside the good ones.
        let written = self
            .conn
            .backup(rusqlite::MAIN_DB, &tmp, None)
            .map_err(|e| fail(&e))
            .and_then(|()| std::fs::rename(&tmp, dest).map_err(|e| fail(&e)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }
}

impl Store {
    /// A rolling copy named after `stamp` (e.g. the day, « 2026-11-22 ») in
    /// the backups folder beside `db_path`; only the `keep` newest copies
    /// stay. Returns the copy's path.
    pub fn rolling_backup(
        &self,
        db_path: &Path,
        stamp: &str,
        keep: usize,
    ) -> Result<std::path::PathBuf, StoreError> {
        let dir = super::backups_dir(db_path);
        let dest = dir.join(format!("dce-{stamp}.db"));
        self.backup_to(&dest)?;
        let mut copies: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| StoreError::Backup {
                path: dir.clone(),
                detail: e.to_string(),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("dce-") && n.ends_with(".db"))
            })
            .collect();
        // Stamps sort like dates: the oldest copies come first.
        copies.sort();
        for old in copies.iter().take(copies.len().saturating_sub(keep)) {
            let _ = std::fs::remove_file(old);
        }
        Ok(dest)
    }

    /// Backup copies beside `db_path`, newest first.
    pub fn list_backups(db_path: &Path) -> Vec<std::path::PathBuf> {
        let mut copies: Vec<_> = std::fs::read_dir(super::backups_dir(db_path))
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "db"))
                    .collect()
            })
            .unwrap_or_default();
        copies.sort();
        copies.reverse();
        copies
    }
}

impl Store {
    /// The backup copies beside `db_path` with what the user needs to pick
    /// one, newest first (by modification time, then by name).
    pub fn backups(db_path: &Path) -> Vec<BackupInfo> {
        let Ok(dir) = std::fs::read_dir(backups_dir(db_path)) else {
            return vec![];
        };
        let mut copies: Vec<_> = dir
            .filter_map(|e| e.ok())
            .filter(|e| {
                Path::new(&e.file_name())
                    .extension()
                    .is_some_and(|x| x == "db")
            })
            .filter_map(|e| {
                let meta = e.metadata().ok().filter(|m| m.is_file())?;
                let name = e.file_name().into_string().ok()?;
                Some((meta.modified().ok(), name, meta.len()))
            })
            .collect();
        copies.sort_by(|a, b| (&b.0, &b.1).cmp(&(&a.0, &a.1)));
        copies
            .into_iter()
            .map(|(_, name, size)| BackupInfo::from_file(name, size))
            .collect()
    }

    /// Replaces the whole database with the backup `backup_name` (a name
    /// from [`Store::backups`]). The backup is checked first: a file that is
    /// not a DCE Unique database changes nothing. The current state is then
    /// copied to `avant-restauration-{stamp}.db`, so a restore can itself be
    /// undone, and an older backup is brought up to the current schema.
    pub fn restore_backup(
        &mut self,
        db_path: &Path,
        backup_name: &str,
        stamp: &str,
    ) -> Result<(), StoreError> {
        let source = Self::checked_backup(db_path, backup_name)?;
        let dir = backups_dir(db_path);

        let safety = unused_path(&dir, &format!("avant-restauration-{stamp}"));
        self.backup_to(&safety)?;
        let fail = |e: &dyn std::fmt::Display| StoreError::Restore {
            safety_copy: safety
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            detail: e.to_string(),
        };
        self.conn
            .restore(
                rusqlite::MAIN_DB,
                &source,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|e| fail(&e))?;
        migrations::apply(&mut self.conn).map_err(|e| fail(&e))
    }
}

impl Store {
    /// The path of the backup `name`, once it is known to be one of the
    /// listed copies (no path from elsewhere) and a database this version
    /// can restore.
    pub(super) fn checked_backup(db_path: &Path, name: &str) -> Result<PathBuf, StoreError> {
        let listed =
            !name.contains(['/', '\\']) && Self::backups(db_path).iter().any(|b| b.name == name);
        if !listed {
            return Err(StoreError::BackupNotFound(name.to_string()));
        }
        let source = backups_dir(db_path).join(name);
        check_backup(&source, name)?;
        Ok(source)
    }
}

/// Refuses a file that is not a DCE Unique database this version can read.
pub(super) fn check_backup(path: &Path, name: &str) -> Result<(), StoreError> {
    let invalid = |detail: String| StoreError::InvalidBackup {
        name: name.to_string(),
        detail,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| invalid(e.to_string()))?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| invalid(e.to_string()))?;
    if check != "ok" {
        return Err(invalid(check));
    }
    let version = migrations::current(&conn).map_err(|e| invalid(e.to_string()))?;
    if version > migrations::LATEST {
        return Err(StoreError::BackupTooNew {
            name: name.to_string(),
            found: version,
            supported: migrations::LATEST,
        });
    }
    let has_dossiers: bool = conn
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossiers')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| invalid(e.to_string()))?;
    if version == 0 || !has_dossiers {
        return Err(invalid(format!(
            "schema version {version}, no dossiers table"
        )));
    }
    Ok(())
}

/// `dir/{stem}.db`, or `dir/{stem}-2.db`, `-3`… when taken (two restores in
/// the same second must not overwrite the first safety copy).
fn unused_path(dir: &Path, stem: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.db"));
        n += 1;
    }
    path
}
