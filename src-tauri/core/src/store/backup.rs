//! Copies of the whole database made with SQLite's online backup: safe
//! while the app is open, and taken before every schema migration.

use super::{Store, StoreError};
use std::path::Path;

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
        self.conn
            .backup(rusqlite::MAIN_DB, &tmp, None)
            .map_err(|e| fail(&e))?;
        std::fs::rename(&tmp, dest).map_err(|e| fail(&e))
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
