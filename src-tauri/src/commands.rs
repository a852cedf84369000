//! The commands the UI invokes. Each one calls core and turns its error
//! into the French message the UI shows; the log gets the full error.

use crate::state::AppState;
use chrono::Local;
use dce_core::clauses::{self, LibraryClause};
use dce_core::compose::{self, Piece};
use dce_core::export::{self, Format};
use dce_core::model::{Dossier, Nature};
use dce_core::rules::{self, Finding, ProcedureAdvice};
use dce_core::samples::{self, SampleInfo};
use dce_core::store::DossierSummary;
use std::path::PathBuf;
use tauri::State;

type Reply<T> = Result<T, String>;

fn user_message(e: impl std::fmt::Display + std::fmt::Debug) -> String {
    eprintln!("dce-unique: {e:?}");
    e.to_string()
}

#[tauri::command]
pub fn list_samples() -> Vec<SampleInfo> {
    samples::all().iter().map(SampleInfo::from).collect()
}

#[tauri::command]
pub fn list_dossiers(state: State<'_, AppState>) -> Reply<Vec<DossierSummary>> {
    state.store().list().map_err(user_message)
}

#[tauri::command]
pub fn create_dossier(state: State<'_, AppState>, sample: String) -> Reply<i64> {
    let s = samples::find(&sample)
        .ok_or_else(|| format!("Le dossier type « {sample} » n'existe pas."))?;
    let dossier = s.instantiate(Local::now().date_naive(), uuid::Uuid::new_v4().to_string());
    state
        .store()
        .create(&dossier, Local::now().naive_local())
        .map_err(user_message)
}

#[tauri::command]
pub fn load_dossier(state: State<'_, AppState>, id: i64) -> Reply<Dossier> {
    state.store().load(id).map_err(user_message)
}

#[tauri::command]
pub fn save_dossier(state: State<'_, AppState>, id: i64, dossier: Dossier) -> Reply<()> {
    state
        .store()
        .save(id, &dossier, Local::now().naive_local())
        .map_err(user_message)
}

#[tauri::command]
pub fn delete_dossier(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.store().delete(id).map_err(user_message)
}

#[tauri::command]
pub fn check_dossier(state: State<'_, AppState>, id: i64) -> Reply<Vec<Finding>> {
    let dossier = state.store().load(id).map_err(user_message)?;
    Ok(rules::check(
        &dossier,
        rules::judging_date(&dossier, Local::now().date_naive()),
    ))
}

/// The procedure the dossier leads to, judged on its launch date (or today).
#[tauri::command]
pub fn procedure_advice(dossier: Dossier) -> ProcedureAdvice {
    rules::procedure_advice(
        &dossier,
        rules::judging_date(&dossier, Local::now().date_naive()),
    )
}

/// Findings on the dossier as it is on screen (saved or not yet).
#[tauri::command]
pub fn check_draft(dossier: Dossier) -> Vec<Finding> {
    rules::check(
        &dossier,
        rules::judging_date(&dossier, Local::now().date_naive()),
    )
}

/// The document as HTML for the live preview, from the dossier on screen.
#[tauri::command]
pub fn preview(dossier: Dossier, frames: bool) -> Reply<String> {
    let piece = if frames {
        Piece::ResponseFrames
    } else {
        Piece::Dce
    };
    let doc = compose::compose(&dossier, piece).map_err(user_message)?;
    Ok(dce_core::render::html::render(&doc))
}

/// Clauses of the library matching `query`, suited to `nature` when given.
#[tauri::command]
pub fn search_clauses(query: String, nature: Option<Nature>) -> Vec<LibraryClause> {
    clauses::search(&query, nature)
}

/// Writes the document and returns where, or `None` when the user closed
/// the save dialog. Runs on the main thread (sync command): GTK dialogs need it.
#[tauri::command]
pub fn export_dossier(
    state: State<'_, AppState>,
    id: i64,
    format: Format,
    final_version: bool,
) -> Reply<Option<String>> {
    let dossier = state.store().load(id).map_err(user_message)?;
    let file_name = export::file_name(&dossier, format);
    let path: Option<PathBuf> = match &state.export_dir {
        Some(dir) => Some(dir.join(&file_name)),
        None => rfd::FileDialog::new()
            .set_title("Exporter le document")
            .set_file_name(&file_name)
            .add_filter(format.extension().to_uppercase(), &[format.extension()])
            .save_file(),
    };
    let Some(path) = path else { return Ok(None) };
    let bytes = export::render(&dossier, format, final_version, Local::now().date_naive())
        .map_err(user_message)?;
    export::write_atomic(&path, &bytes).map_err(user_message)?;
    Ok(Some(path.display().to_string()))
}
