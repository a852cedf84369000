use crate::args::Args;
use chrono::Local;
use dce_core::samples;
use dce_core::store::{DceFile, RecoveryOffer, Store, StoreError};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
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
    /// Opens the database and seeds the sample dossier on the very first start.
    pub fn open(args: &Args, db_path: &Path) -> Result<AppState, StoreError> {
        Ok(Self::with_store(args, db_path, Store::open(db_path)?))
    }

    /// The app on an opened database: the copy of the day, the first-start sample.
    pub fn with_store(args: &Args, db_path: &Path, mut store: Store) -> AppState {
        // One copy a day, the last seven kept: a bad day costs at most a day.
        if let Err(e) =
            store.rolling_backup(db_path, &Local::now().format("%Y-%m-%d").to_string(), 7)
        {
            eprintln!("dce-unique: {e:?}");
        }
        match store.take_first_start() {
            Ok(true) => {
                if let Some(sample) = samples::find(FIRST_START_SAMPLE) {
                    let dossier = sample
                        .instantiate(Local::now().date_naive(), uuid::Uuid::new_v4().to_string());
                    if let Err(e) = store.create(&dossier, Local::now().naive_local()) {
                        eprintln!("dce-unique: the first-start sample was not created: {e:?}");
                    }
                }
            }
            Ok(false) => {}
            Err(e) => eprintln!("dce-unique: {e:?}"),
        }
        AppState {
            store: Mutex::new(store),
            db_path: db_path.to_path_buf(),
            export_dir: args.export_dir.clone(),
            pending_import: Mutex::new(None),
        }
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

/// What the app knows before its database is open, managed from the start:
/// the files it was asked to open, and the offer when the database is damaged.
pub struct Startup {
    pub args: Args,
    pub db_path: PathBuf,
    /// `Some` while the database could not be opened: the UI shows the
    /// recovery screen instead of the dossiers.
    pub damaged: Mutex<Option<RecoveryOffer>>,
    /// Files given on the command line or handed over by a later launch,
    /// opened by the UI one at a time.
    pub files: Mutex<VecDeque<PathBuf>>,
}

impl Startup {
    pub fn damaged(&self) -> MutexGuard<'_, Option<RecoveryOffer>> {
        self.damaged.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn files(&self) -> MutexGuard<'_, VecDeque<PathBuf>> {
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }
}
