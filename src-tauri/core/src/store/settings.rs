//! Preferences kept in the database: small text values by key.

use super::{Store, StoreError};
use rusqlite::{params, OptionalExtension};

/// The name signed under the comments written on this computer.
pub const AUTHOR_NAME: &str = "author_name";

impl Store {
    /// The value stored under `key`, if any.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores `value` under `key`, replacing any previous value.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The reviewer's or author's name shown on comments, once given.
    pub fn author_name(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .setting(AUTHOR_NAME)?
            .filter(|name| !name.trim().is_empty()))
    }

    /// Remembers the name signed under comments (trimmed; never empty).
    /// Returns the name as stored.
    pub fn set_author_name(&mut self, name: &str) -> Result<String, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::EmptyAuthorName);
        }
        self.set_setting(AUTHOR_NAME, name)?;
        Ok(name.to_string())
    }
}
