use crate::args::Args;
use chrono::Local;
use dce_core::samples;
use dce_core::store::{self, DceFile, Store};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// The sample a new user finds on first start.
const FIRST_START_SAMPLE: &str = "restauration-scolaire";

/// A file opened while its dossier already exists, waiting for the user's choice.
pub struct PendingImport {
    pub file: DceFile,
    /// The file's name, for the label of the revision it brings.
    pub name: String,
}

pub struct AppState {
    store: Mutex<Store>,
    /// Where the database is: its backups are beside it.
    pub db_path: PathBuf,
    /// The test hook replacing the file dialogs (see `dialogs`).
    pub export_dir: Option<PathBuf>,
    /// A file opened while a dossier with the same identity exists, kept
    /// until the user chooses to keep both or to replace.
    pending_import: Mutex<Option<PendingImport>>,
}

impl AppState {
    /// Opens the database (`--db`, then `DCE_DB`, then the user's data
    /// folder, the same one the `dce` command line uses) and seeds the
    /// sample dossier on the very first start.
    pub fn open(args: &Args) -> Result<AppState, Box<dyn std::error::Error>> {
        let path = store::resolve_db_path(args.db.clone(), std::env::var_os("DCE_DB"))
            .ok_or("no data folder for the database")?;
        let mut store = Store::open(&path)?;
        // One copy a day, the last seven kept: a bad day costs at most a day.
        if let Err(e) = store.rolling_backup(&path, &Local::now().format("%Y-%m-%d").to_string(), 7)
        {
            eprintln!("dce-unique: {e:?}");
        }
        if store.take_first_start()? {
            if let Some(sample) = samples::find(FIRST_START_SAMPLE) {
                let dossier =
                    sample.instantiate(Local::now().date_naive(), uuid::Uuid::new_v4().to_string());
                store.create(&dossier, Local::now().naive_local())?;
            }
        }
        Ok(AppState {
            store: Mutex::new(store),
            db_path: path,
            export_dir: args.export_dir.clone(),
            pending_import: Mutex::new(None),
        })
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves SQLite consistent (transactions): keep going.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn pending_import(&self) -> MutexGuard<'_, Option<PendingImport>> {
        self.pending_import
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }
}
