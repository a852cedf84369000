//! Revisions: named checkpoints, reading an old state, restoring it (as a
//! new revision, so that nothing is ever lost).

use super::{parse_stored, RevisionSummary, Store, StoreError};
use crate::model::Dossier;
use chrono::NaiveDateTime;
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Names the latest revision of a dossier, e.g. « Avant séance du 3 mars ».
    pub fn set_checkpoint(&mut self, dossier_id: i64, label: &str) -> Result<i64, StoreError> {
        let label = label.trim();
        if label.is_empty() {
            return Err(StoreError::EmptyLabel);
        }
        let rev: i64 = self
            .conn
            .query_row(
                "SELECT MAX(id) FROM revisions WHERE dossier_id = ?1",
                [dossier_id],
                |r| r.get::<_, Option<i64>>(0),
            )?
            .ok_or(StoreError::NotFound(dossier_id))?;
        self.conn.execute(
            "UPDATE revisions SET label = ?2, sealed = 1 WHERE id = ?1",
            params![rev, label],
        )?;
        Ok(rev)
    }

    /// Names the latest revision unless it already has a name: marks the
    /// state that left or arrived in an exchange file without overwriting a
    /// checkpoint the user chose.
    pub fn label_latest_if_unnamed(
        &mut self,
        dossier_id: i64,
        label: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE revisions SET label = ?2
             WHERE id = (SELECT MAX(id) FROM revisions WHERE dossier_id = ?1) AND label IS NULL",
            params![dossier_id, label],
        )?;
        // Named or not, the state that left or arrived stays whole.
        self.seal_latest(dossier_id)
    }

    /// The dossier as it was at a revision.
    pub fn load_revision(&self, revision_id: i64) -> Result<Dossier, StoreError> {
        let (dossier_id, json): (i64, String) = self
            .conn
            .query_row(
                "SELECT dossier_id, json FROM revisions WHERE id = ?1",
                [revision_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::RevisionNotFound(revision_id))?;
        parse_stored(dossier_id, &json)
    }

    /// Makes an old revision the current state; the restore is itself a
    /// new revision, so the state it replaced stays in the history.
    pub fn restore(
        &mut self,
        dossier_id: i64,
        revision_id: i64,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let owner: Option<i64> = self
            .conn
            .query_row(
                "SELECT dossier_id FROM revisions WHERE id = ?1",
                [revision_id],
                |r| r.get(0),
            )
            .optional()?;
        if owner != Some(dossier_id) {
            return Err(StoreError::RevisionNotFound(revision_id));
        }
        let old = self.load_revision(revision_id)?;
        // The restored state is a revision of its own, before and after the
        // edits around it.
        self.seal_latest(dossier_id)?;
        self.save(dossier_id, &old, now)?;
        self.seal_latest(dossier_id)
    }

    /// Every revision with its full dossier, oldest first (for the exchange file).
    pub fn history(&self, dossier_id: i64) -> Result<Vec<(RevisionSummary, Dossier)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, saved_at, label, json FROM revisions WHERE dossier_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([dossier_id], |r| {
            Ok((
                RevisionSummary {
                    id: r.get(0)?,
                    saved_at: r.get(1)?,
                    label: r.get(2)?,
                },
                r.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (summary, json) = row?;
            Ok((summary, parse_stored(dossier_id, &json)?))
        })
        .collect()
    }
}
