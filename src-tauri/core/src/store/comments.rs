//! Comments on a dossier, per section and optionally per field: what an
//! adviser writes during a review, resolved by the secretary.

use super::{Store, StoreError};
use chrono::NaiveDateTime;
use rusqlite::params;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Step of the dossier the comment is about, e.g. `criteria`.
    pub section: String,
    /// Field path when the comment is about one field, e.g. `execution.payment_period_days`.
    pub field: Option<String>,
    pub author: String,
    #[ts(type = "string")]
    pub created_at: NaiveDateTime,
    pub text: String,
    pub resolved: bool,
}

/// A comment as stored, with its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredComment {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub comment: Comment,
}

impl Store {
    pub fn add_comment(&mut self, dossier_id: i64, c: &Comment) -> Result<i64, StoreError> {
        self.require(dossier_id)?;
        if c.text.trim().is_empty() {
            return Err(StoreError::EmptyComment);
        }
        insert_comment(&self.conn, dossier_id, c)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Adds a comment signed with the name given on this computer
    /// ([`Store::author_name`]); refuses until a name is given.
    pub fn add_signed_comment(
        &mut self,
        dossier_id: i64,
        section: &str,
        field: Option<&str>,
        text: &str,
        now: NaiveDateTime,
    ) -> Result<i64, StoreError> {
        let author = self.author_name()?.ok_or(StoreError::NoAuthorName)?;
        self.add_comment(
            dossier_id,
            &Comment {
                section: section.to_string(),
                field: field
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .map(str::to_string),
                author,
                created_at: now,
                text: text.to_string(),
                resolved: false,
            },
        )
    }

    /// Comments of a dossier, oldest first.
    pub fn comments(&self, dossier_id: i64) -> Result<Vec<StoredComment>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, section, field, author, created_at, text, resolved FROM comments
             WHERE dossier_id = ?1 ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([dossier_id], |r| {
            Ok(StoredComment {
                id: r.get(0)?,
                comment: Comment {
                    section: r.get(1)?,
                    field: r.get(2)?,
                    author: r.get(3)?,
                    created_at: r.get(4)?,
                    text: r.get(5)?,
                    resolved: r.get(6)?,
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn set_comment_resolved(
        &mut self,
        comment_id: i64,
        resolved: bool,
    ) -> Result<(), StoreError> {
        match self.conn.execute(
            "UPDATE comments SET resolved = ?2 WHERE id = ?1",
            params![comment_id, resolved],
        )? {
            0 => Err(StoreError::CommentNotFound(comment_id)),
            _ => Ok(()),
        }
    }
}

/// Stores `c` on the dossier `dossier_id` (also inside an import's transaction).
pub(super) fn insert_comment(
    conn: &rusqlite::Connection,
    dossier_id: i64,
    c: &Comment,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO comments (dossier_id, section, field, author, created_at, text, resolved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        comment_params(&dossier_id, c).as_slice(),
    )?;
    Ok(())
}

/// An imported comment: one already here (same step, field, author, time
/// and text) takes the file's resolved state; another one is added.
pub(super) fn merge_comment(
    conn: &rusqlite::Connection,
    dossier_id: i64,
    c: &Comment,
) -> rusqlite::Result<()> {
    let updated = conn.execute(
        "UPDATE comments SET resolved = ?7 WHERE dossier_id = ?1 AND section = ?2
           AND field IS ?3 AND author = ?4 AND created_at = ?5 AND text = ?6",
        comment_params(&dossier_id, c).as_slice(),
    )?;
    if updated == 0 {
        insert_comment(conn, dossier_id, c)?;
    }
    Ok(())
}

/// ?1 to ?7 of the statements above.
fn comment_params<'a>(dossier_id: &'a i64, c: &'a Comment) -> [&'a dyn rusqlite::ToSql; 7] {
    [
        dossier_id,
        &c.section,
        &c.field,
        &c.author,
        &c.created_at,
        &c.text,
        &c.resolved,
    ]
}
