//! SQLite storage: dossiers, every save kept as a revision.

mod backup;
mod comments;
mod error;
mod exchange;
mod file;
mod history;
mod migrations;
mod paths;
mod recovery;
mod settings;

pub use backup::{BackupInfo, BackupKind, RESTORE_STAMP_FORMAT};
pub use comments::{Comment, StoredComment};
pub use error::StoreError;
pub use exchange::{
    parse_dce, parse_file, to_dce, DceFile, ImportError, ImportMode, ImportOutcome, RevisionRecord,
};
pub use file::{exchange_file_name, read_file, OpenError, EXCHANGE_EXTENSION};
pub use paths::{default_db_path, resolve_db_path};
pub use recovery::{RecoveryOffer, DAMAGED_STAMP_FORMAT};
pub use settings::AUTHOR_NAME;

use crate::model::Dossier;
use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// One line of the dossier list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct DossierSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    pub object: String,
    pub buyer: String,
    #[ts(type = "string")]
    pub updated_at: NaiveDateTime,
    /// A workshop copy: deleted by « Réinitialiser l'atelier ».
    pub workshop: bool,
}

/// A dossier as the database holds it, with what only the database knows:
/// when it was created, and whether it is a workshop copy.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDossier {
    pub id: i64,
    pub dossier: Dossier,
    pub created_at: NaiveDateTime,
    pub workshop: bool,
}

/// One saved state of a dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct RevisionSummary {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "string")]
    pub saved_at: NaiveDateTime,
    pub label: Option<String>,
}

/// How long an autosaved revision keeps taking the saves that follow it:
/// « Versions » then shows one state per few minutes of editing, and the
/// database grows with the work, not with the keystrokes.
pub const REVISION_WINDOW: Duration = Duration::minutes(5);

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. A file SQLite cannot read, or whose pages fail
    /// the quick check, is [`StoreError::Damaged`]: the caller offers the
    /// latest backup ([`Store::recovery_offer`]) instead of failing.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        let damaged = |e: rusqlite::Error| recovery::classify_open_error(path, e);
        // WAL keeps readers and the autosave writer from blocking each other;
        // with synchronous = NORMAL a commit survives the app being killed
        // (the WAL is in the OS's hands), and costs no fsync per keystroke.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(damaged)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(damaged)?;
        recovery::quick_check(&conn, path)?;
        let version = migrations::current(&conn)?;
        if version > 0 && version < migrations::LATEST {
            // A failed migration must never cost the user their dossiers.
            let store = Store { conn };
            store.backup_to(&backups_dir(path).join(format!("avant-migration-v{version}.db")))?;
            let store = Self::prepare(store.conn)?;
            if version < migrations::COALESCED_REVISIONS {
                // The thinned history's pages go back to the disk.
                store
                    .conn
                    .execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
            }
            return Ok(store);
        }
        Self::prepare(conn)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations::apply(&mut conn)?;
        Ok(Store { conn })
    }

    /// Stores a new dossier and its first revision; returns its id.
    pub fn create(&mut self, dossier: &Dossier, now: NaiveDateTime) -> Result<i64, StoreError> {
        self.insert_new(dossier, now, false)
    }

    /// Stores a new workshop copy: a dossier made during a training session,
    /// deleted with the others by [`Store::reset_workshop`].
    pub fn create_workshop_copy(
        &mut self,
        dossier: &Dossier,
        now: NaiveDateTime,
    ) -> Result<i64, StoreError> {
        self.insert_new(dossier, now, true)
    }

    fn insert_new(
        &mut self,
        dossier: &Dossier,
        now: NaiveDateTime,
        workshop: bool,
    ) -> Result<i64, StoreError> {
        let json = serde_json::to_string(dossier)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO dossiers (uid, json, created_at, updated_at, workshop)
             VALUES (?1, ?2, ?3, ?3, ?4)",
            params![dossier.uid, json, now, workshop],
        )?;
        let id = tx.last_insert_rowid();
        // The starting point stays a state of its own in « Versions ».
        insert_revision(&tx, id, &json, now, true)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn list(&self) -> Result<Vec<DossierSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, json, updated_at, workshop FROM dossiers
             ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, NaiveDateTime>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (id, json, updated_at, workshop) = row?;
            let d = parse_stored(id, &json)?;
            Ok(DossierSummary {
                id,
                reference: d.reference,
                object: d.purchase.object,
                buyer: d.buyer.name,
                updated_at,
                workshop,
            })
        })
        .collect()
    }

    /// Every dossier of the database, oldest first (the yearly figures read them all).
    pub fn all_dossiers(&self) -> Result<Vec<StoredDossier>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, json, created_at, workshop FROM dossiers ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, NaiveDateTime>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (id, json, created_at, workshop) = row?;
            Ok(StoredDossier {
                id,
                dossier: parse_stored(id, &json)?,
                created_at,
                workshop,
            })
        })
        .collect()
    }

    pub fn load(&self, id: i64) -> Result<Dossier, StoreError> {
        let json: String = self
            .conn
            .query_row("SELECT json FROM dossiers WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NotFound(id))?;
        parse_stored(id, &json)
    }

    /// Saves a new state of the dossier. Saving an unchanged dossier writes
    /// nothing (autosave fires often). The state goes into the dossier's
    /// open revision when it was started less than [`REVISION_WINDOW`]
    /// ago, else into a new one: one revision per few minutes of editing.
    pub fn save(
        &mut self,
        id: i64,
        dossier: &Dossier,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(dossier)?;
        let tx = self.conn.transaction()?;
        let current: Option<String> = tx
            .query_row("SELECT json FROM dossiers WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match current {
            None => return Err(StoreError::NotFound(id)),
            Some(current) if current == json => return Ok(()),
            Some(_) => {}
        }
        tx.execute(
            "UPDATE dossiers SET json = ?2, uid = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, json, dossier.uid, now],
        )?;
        // Only the newest revision may take the save: one written after an
        // open revision (an import merging its history) closes it.
        let open: Option<(i64, NaiveDateTime)> = tx
            .query_row(
                "SELECT id, CASE WHEN sealed = 0 THEN started_at END FROM revisions
                 WHERE dossier_id = ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get::<_, Option<NaiveDateTime>>(1)?)),
            )
            .optional()?
            .and_then(|(rev, started)| Some((rev, started?)));
        match open {
            Some((rev, started)) if now >= started && now - started < REVISION_WINDOW => {
                tx.execute(
                    "UPDATE revisions SET json = ?2, saved_at = ?3 WHERE id = ?1",
                    params![rev, json, now],
                )?;
            }
            _ => insert_revision(&tx, id, &json, now, false)?,
        }
        tx.commit()?;
        Ok(())
    }

    /// Closes the dossier's open revision: the next save starts a new one.
    /// Called for the states worth keeping whole (an export, an import, a
    /// restore, a named version).
    pub fn seal_latest(&mut self, id: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE revisions SET sealed = 1 WHERE dossier_id = ?1 AND sealed = 0",
            [id],
        )?;
        Ok(())
    }

    /// Fails with `NotFound` unless the dossier exists.
    fn require(&self, id: i64) -> Result<(), StoreError> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM dossiers WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::NotFound(id))
        }
    }

    /// The dossier with this stable identity, if the database has it.
    pub fn find_by_uid(&self, uid: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT id FROM dossiers WHERE uid = ?1", [uid], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn delete(&mut self, id: i64) -> Result<(), StoreError> {
        match self
            .conn
            .execute("DELETE FROM dossiers WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::NotFound(id)),
            _ => Ok(()),
        }
    }

    /// « Réinitialiser l'atelier »: deletes every workshop copy with its
    /// revisions and comments (foreign keys cascade), and nothing else.
    /// Returns how many dossiers were deleted.
    pub fn reset_workshop(&mut self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .execute("DELETE FROM dossiers WHERE workshop = 1", [])?)
    }

    /// Revisions of a dossier, newest first.
    pub fn revisions(&self, id: i64) -> Result<Vec<RevisionSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, saved_at, label FROM revisions WHERE dossier_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(RevisionSummary {
                id: r.get(0)?,
                saved_at: r.get(1)?,
                label: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// True the first time it is called on a database, false ever after:
    /// the app seeds a sample dossier once, and never again even if the
    /// user deletes every dossier.
    pub fn take_first_start(&mut self) -> Result<bool, StoreError> {
        let inserted = self.conn.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES ('seeded', '1')",
            [],
        )?;
        Ok(inserted == 1)
    }
}

/// Where the database's backups go: a `sauvegardes` folder beside it.
pub fn backups_dir(db_path: &Path) -> std::path::PathBuf {
    db_path
        .parent()
        .unwrap_or(Path::new("."))
        .join("sauvegardes")
}

/// Adds a revision; an unsealed one takes the saves of the next few minutes.
fn insert_revision(
    tx: &rusqlite::Transaction<'_>,
    dossier_id: i64,
    json: &str,
    now: NaiveDateTime,
    sealed: bool,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO revisions (dossier_id, json, saved_at, sealed, started_at)
         VALUES (?1, ?2, ?3, ?4, ?3)",
        params![dossier_id, json, now, sealed],
    )?;
    Ok(())
}

fn parse_stored(id: i64, json: &str) -> Result<Dossier, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        id,
        detail: e.to_string(),
    })
}
