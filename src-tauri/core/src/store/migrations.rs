//! Schema history. Never edit a released migration: append a new one.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[M<'static>] = &[
    M::up(
        "CREATE TABLE dossiers (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
        json TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        label TEXT
    );
    CREATE INDEX revisions_by_dossier ON revisions(dossier_id);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    ),
    M::up(
        "CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        field TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX comments_by_dossier ON comments(dossier_id);
    CREATE UNIQUE INDEX dossiers_by_uid ON dossiers(uid);",
    ),
    // v3: workshop copies, made for a training session and deleted together
    // by « Réinitialiser l'atelier ».
    M::up("ALTER TABLE dossiers ADD COLUMN workshop INTEGER NOT NULL DEFAULT 0;"),
    // v4: autosaves are coalesced. An open revision (sealed = 0) takes the
    // saves that follow it for a few minutes; named versions, imports,
    // exports and restores are sealed and never rewritten. The history
    // written before, one revision per pause in typing, is thinned the same
    // way: in each five-minute slot of a dossier only the last unnamed
    // revision stays, besides the first (its creation) and the named ones.
    M::up(
        "ALTER TABLE revisions ADD COLUMN sealed INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE revisions ADD COLUMN started_at TEXT;
    DELETE FROM revisions WHERE id IN (
        SELECT id FROM (
            SELECT id, label,
                ROW_NUMBER() OVER (PARTITION BY dossier_id ORDER BY id) AS nth,
                LEAD(CAST(strftime('%s', saved_at) AS INTEGER) / 300)
                    OVER (PARTITION BY dossier_id ORDER BY id) AS next_slot,
                CAST(strftime('%s', saved_at) AS INTEGER) / 300 AS slot
            FROM revisions)
        WHERE label IS NULL AND nth > 1 AND next_slot = slot);",
    ),
];

/// The first schema version with coalesced revisions: opening an older
/// database thins its history, and the space it frees is given back.
pub const COALESCED_REVISIONS: usize = 4;

/// The schema version a database reaches once migrated.
pub const LATEST: usize = MIGRATIONS.len();

/// The schema version of an open database (0 when new).
pub fn current(conn: &Connection) -> Result<usize, rusqlite::Error> {
    conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map(|v| v as usize)
}

pub fn apply(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    Migrations::from_slice(MIGRATIONS).to_latest(conn)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(
            rusqlite_migration::Migrations::from_slice(super::MIGRATIONS)
                .validate()
                .is_ok()
        );
    }
}
