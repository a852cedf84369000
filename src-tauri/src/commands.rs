//! The commands the UI invokes. Each one calls core and turns its error
//! into the French message the UI shows; the log gets the full error.

use crate::dialogs::{self, Filter};
use crate::shutdown::Shutdown;
use crate::state::{AppState, PendingImport, Startup};
use chrono::{Datelike, Local};
use dce_core::clauses::{self, LibraryClause};
use dce_core::compare::{self, SectionDiff};
use dce_core::compose::{self, Piece, ReviewSheet};
use dce_core::export::{self, Format};
use dce_core::figures::{self, YearFigures};
use dce_core::model::{Dossier, Nature, PriceLine, Prices};
use dce_core::prices::{self, ScheduleEstimate, UnitChoice};
use dce_core::progress::{self, DraftCheck};
use dce_core::rules::{self, Finding, ProcedureAdvice};
use dce_core::samples::{self, SampleInfo};
use dce_core::store::{
    self, BackupInfo, DossierSummary, ImportMode, ImportOutcome, RecoveryOffer, RevisionSummary,
    Store, StoredComment, DAMAGED_STAMP_FORMAT, RESTORE_STAMP_FORMAT,
};
use std::path::Path;
use tauri::{AppHandle, Manager, State};

/// The exchange file in the save and open dialogs.
const DCE_FILTER: Filter<'static> = Filter {
    name: "Dossier DCE Unique",
    extension: store::EXCHANGE_EXTENSION,
};

pub(crate) type Reply<T> = Result<T, String>;

pub(crate) fn user_message(e: impl std::fmt::Display + std::fmt::Debug) -> String {
    eprintln!("dce-unique: {e:?}");
    e.to_string()
}

/// `Some` when the database could not be opened: the UI shows the
/// recovery screen with this offer instead of the dossiers.
#[tauri::command]
pub fn startup_problem(startup: State<'_, Startup>) -> Option<RecoveryOffer> {
    startup.damaged().clone()
}

/// Puts the backup `backup` (or, when `None`, a new database) in place of
/// the damaged one, kept aside, and opens the app on it.
#[tauri::command]
pub fn recover_database(
    app: AppHandle,
    startup: State<'_, Startup>,
    backup: Option<String>,
) -> Reply<()> {
    let mut damaged = startup.damaged();
    if damaged.is_none() {
        return Ok(());
    }
    let stamp = Local::now().format(DAMAGED_STAMP_FORMAT).to_string();
    let store = Store::replace_damaged(&startup.db_path, backup.as_deref(), &stamp)
        .map_err(user_message)?;
    app.manage(AppState::with_store(&startup.args, &startup.db_path, store));
    *damaged = None;
    Ok(())
}

/// The next file given on the command line (a `.dce` double-clicked in the
/// file manager) or handed over by a later launch, imported as « Ouvrir… »
/// does; `None` when there is none.
#[tauri::command]
pub fn take_file_to_open(
    state: State<'_, AppState>,
    startup: State<'_, Startup>,
) -> Reply<Option<ImportOutcome>> {
    let Some(path) = startup.files().pop_front() else {
        return Ok(None);
    };
    import_path(&state, &path).map(Some)
}

/// The UI received the close request and is saving (or asking the user).
#[tauri::command]
pub fn close_acknowledged(shutdown: State<'_, Shutdown>) {
    shutdown.acknowledged();
}

/// The user chose to stay after a failed save.
#[tauri::command]
pub fn cancel_close(shutdown: State<'_, Shutdown>) {
    shutdown.cancelled();
}

/// Everything is saved (or the user chose to discard): stop.
#[tauri::command]
pub fn quit_app(app: AppHandle) {
    app.exit(0);
}

#[tauri::command]
pub fn list_samples() -> Vec<SampleInfo> {
    samples::starting_points()
        .iter()
        .map(SampleInfo::from)
        .collect()
}

#[tauri::command]
pub fn list_dossiers(state: State<'_, AppState>) -> Reply<Vec<DossierSummary>> {
    state.store().list().map_err(user_message)
}

/// A new dossier from a starting point; a workshop copy when `workshop`.
#[tauri::command]
pub fn create_dossier(state: State<'_, AppState>, sample: String, workshop: bool) -> Reply<i64> {
    let s = samples::find(&sample)
        .ok_or_else(|| format!("Le dossier type « {sample} » n'existe pas."))?;
    let dossier = s.instantiate(Local::now().date_naive(), new_uid());
    let now = Local::now().naive_local();
    let mut store = state.store();
    if workshop {
        store.create_workshop_copy(&dossier, now)
    } else {
        store.create(&dossier, now)
    }
    .map_err(user_message)
}

/// « Réinitialiser l'atelier »: deletes every workshop copy; returns how many.
#[tauri::command]
pub fn reset_workshop(state: State<'_, AppState>) -> Reply<usize> {
    state.store().reset_workshop().map_err(user_message)
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

/// The impact canvas lines that fit the purchase and are not yet in the
/// dossier, as environmental questions (core: `canvas::proposed_questions`).
#[tauri::command]
pub fn canvas_questions(dossier: Dossier) -> Vec<dce_core::model::Question> {
    dce_core::canvas::proposed_questions(&dossier)
}

/// The procedure the dossier leads to, judged on its launch date (or today).
#[tauri::command]
pub fn procedure_advice(dossier: Dossier) -> ProcedureAdvice {
    rules::procedure_advice(
        &dossier,
        rules::judging_date(&dossier, Local::now().date_naive()),
    )
}

/// Findings on the dossier as it is on screen (saved or not yet), and the
/// state of each step they and the dossier give.
#[tauri::command]
pub fn check_draft(dossier: Dossier) -> DraftCheck {
    let findings = rules::check(
        &dossier,
        rules::judging_date(&dossier, Local::now().date_naive()),
    );
    DraftCheck {
        steps: progress::step_states(&dossier, &findings),
        findings,
    }
}

/// The review window's content: the same sheet as the exported PDF.
#[tauri::command]
pub fn review_sheet(state: State<'_, AppState>, id: i64) -> Reply<ReviewSheet> {
    let store = state.store();
    let dossier = store.load(id).map_err(user_message)?;
    let comments = store.comments(id).map_err(user_message)?;
    let today = Local::now().date_naive();
    let findings = rules::check(&dossier, rules::judging_date(&dossier, today));
    Ok(compose::review_sheet(&dossier, &findings, &comments, today))
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
/// The title of the dossier's notice, or (as the error) why its procedure publishes none.
#[tauri::command]
pub fn notice_title(dossier: Dossier) -> Reply<String> {
    compose::notice_title(&dossier)
        .map(String::from)
        .map_err(String::from)
}

/// The units a price line may use, as the list offers them.
#[tauri::command]
pub fn price_units() -> Vec<UnitChoice> {
    prices::unit_choices()
}

/// A fresh chapter (`C`) or line (`L`) id for the dossier's price schedule.
#[tauri::command]
pub fn next_price_id(prices: Prices, prefix: char) -> String {
    prices::next_id(&prices, prefix)
}

/// The lines of text pasted from a spreadsheet, with fresh ids.
#[tauri::command]
pub fn paste_price_lines(prices: Prices, text: String) -> Reply<Vec<PriceLine>> {
    prices::paste_lines(&prices, &text).map_err(user_message)
}

/// The commune's estimate of each schedule, shown beside the lines.
#[tauri::command]
pub fn price_estimates(prices: Prices) -> Vec<ScheduleEstimate> {
    prices.schedules.iter().map(prices::estimate).collect()
}

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
    with_comments: bool,
) -> Reply<Option<String>> {
    save_piece(
        &state,
        id,
        Piece::Dce,
        format,
        final_version,
        with_comments,
        None,
    )
}

/// Writes the notice (avis d'appel public à la concurrence) as PDF, DOCX or
/// plain text to paste into the buyer platform; `None` when cancelled.
#[tauri::command]
pub fn export_notice(
    state: State<'_, AppState>,
    id: i64,
    format: Format,
    final_version: bool,
) -> Reply<Option<String>> {
    save_piece(
        &state,
        id,
        Piece::Notice,
        format,
        final_version,
        false,
        None,
    )
}

/// Writes the price schedule: the spreadsheet bidders fill (XLSX, one per
/// lot: `lot` names it) or the schedule to read (PDF, DOCX); `None` when cancelled.
#[tauri::command]
pub fn export_prices(
    state: State<'_, AppState>,
    id: i64,
    format: Format,
    lot: Option<u32>,
    final_version: bool,
) -> Reply<Option<String>> {
    save_piece(&state, id, Piece::Prices, format, final_version, false, lot)
}

/// Asks where to save `piece` of dossier `id` (of its lot `lot` alone, for
/// the price schedule), renders it and writes it atomically; names the
/// latest version after the export.
fn save_piece(
    state: &AppState,
    id: i64,
    piece: Piece,
    format: Format,
    final_version: bool,
    with_comments: bool,
    lot: Option<u32>,
) -> Reply<Option<String>> {
    let dossier = state.store().load(id).map_err(user_message)?;
    let name = if format == Format::Xlsx {
        export::prices_xlsx_file_name(&dossier, lot)
    } else {
        export::piece_file_name(&dossier, piece, format)
    };
    let filter_name = format.extension().to_uppercase();
    let filter = Filter {
        name: &filter_name,
        extension: format.extension(),
    };
    let Some(path) = dialogs::save_path(
        state.export_dir.as_deref(),
        "Exporter le document",
        &name,
        filter,
    ) else {
        return Ok(None);
    };
    let today = Local::now().date_naive();
    let bytes = if let Some(lot) = lot {
        export::render_lot_prices(&dossier, lot, format, final_version, today)
    } else if with_comments && !final_version {
        let comments = state.store().comments(id).map_err(user_message)?;
        export::render_with_comments(&dossier, &comments, format, today)
    } else {
        export::render_piece(&dossier, piece, format, final_version, today)
    }
    .map_err(user_message)?;
    export::write_atomic(&path, &bytes).map_err(user_message)?;
    state
        .store()
        .label_latest_if_unnamed(
            id,
            &export::piece_revision_label(piece, format, final_version),
        )
        .map_err(user_message)?;
    Ok(Some(path.display().to_string()))
}

/// The « Bilan annuel » of `year`; without one, of the latest year with dossiers.
#[tauri::command]
pub fn year_figures(state: State<'_, AppState>, year: Option<i32>) -> Reply<YearFigures> {
    figures_of(&state, year)
}

fn figures_of(state: &AppState, year: Option<i32>) -> Reply<YearFigures> {
    let dossiers = state.store().all_dossiers().map_err(user_message)?;
    Ok(figures::year_figures(
        &dossiers,
        year,
        Local::now().date_naive().year(),
    ))
}

/// Writes the « Bilan annuel » of `year` as CSV for a spreadsheet; returns
/// where, or `None` when the user closed the save dialog.
#[tauri::command]
pub fn export_figures_csv(state: State<'_, AppState>, year: i32) -> Reply<Option<String>> {
    let Some(path) = dialogs::save_path(
        state.export_dir.as_deref(),
        "Exporter le bilan annuel",
        &figures::csv_file_name(year),
        Filter {
            name: "CSV",
            extension: "csv",
        },
    ) else {
        return Ok(None);
    };
    let f = figures_of(&state, Some(year))?;
    export::write_atomic(&path, figures::to_csv(&f).as_bytes()).map_err(user_message)?;
    Ok(Some(path.display().to_string()))
}

/// The adviser's review sheet as a PDF: findings, open comments and the
/// steps the UI found incomplete; returns where, or `None` when cancelled.
#[tauri::command]
pub fn export_review(state: State<'_, AppState>, id: i64) -> Reply<Option<String>> {
    let (dossier, comments) = {
        let store = state.store();
        let dossier = store.load(id).map_err(user_message)?;
        (dossier, store.comments(id).map_err(user_message)?)
    };
    let Some(path) = dialogs::save_path(
        state.export_dir.as_deref(),
        "Exporter la fiche de relecture",
        &export::review_file_name(&dossier),
        Filter {
            name: "PDF",
            extension: "pdf",
        },
    ) else {
        return Ok(None);
    };
    let today = Local::now().date_naive();
    let findings = rules::check(&dossier, rules::judging_date(&dossier, today));
    let bytes = export::render_review(&dossier, &findings, &comments, Format::Pdf, today)
        .map_err(user_message)?;
    export::write_atomic(&path, &bytes).map_err(user_message)?;
    Ok(Some(path.display().to_string()))
}

/// « Enregistrer sous… »: writes the dossier with its comments and history
/// as a `.dce` file; returns where, or `None` when the dialog was closed.
#[tauri::command]
pub fn save_as_file(state: State<'_, AppState>, id: i64) -> Reply<Option<String>> {
    let dossier = state.store().load(id).map_err(user_message)?;
    let Some(path) = dialogs::save_path(
        state.export_dir.as_deref(),
        "Enregistrer le dossier sous…",
        &store::exchange_file_name(&dossier),
        DCE_FILTER,
    ) else {
        return Ok(None);
    };
    // The state that left is named, so that once the file comes back
    // « Versions » compares against it by default.
    let file = {
        let mut store = state.store();
        store
            .label_latest_if_unnamed(id, &exchange_label("Enregistré sous", &path))
            .map_err(user_message)?;
        store.export_file(id).map_err(user_message)?
    };
    let text = serde_json::to_string_pretty(&file).map_err(user_message)?;
    export::write_atomic(&path, text.as_bytes()).map_err(user_message)?;
    Ok(Some(path.display().to_string()))
}

/// « Enregistré sous « RS-01_DCE.dce » »: the label of a revision that left or arrived in a file.
fn exchange_label(what: &str, path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    format!("{what} «\u{a0}{name}\u{a0}»")
}

/// Imports `file` and names the state it brought; the file waits for the
/// user's choice (and the error is returned) when the import did not happen.
fn import_and_label(
    state: &AppState,
    pending: PendingImport,
    mode: ImportMode,
) -> Reply<ImportOutcome> {
    let mut store = state.store();
    let outcome = match store.import_file(&pending.file, mode, new_uid, Local::now().naive_local())
    {
        Ok(outcome) => outcome,
        Err(e) => {
            // Nothing was imported (one transaction): the user may try again.
            *state.pending_import() = Some(pending);
            return Err(user_message(e));
        }
    };
    match outcome {
        ImportOutcome::Imported { id } => {
            let label = format!("Ouvert depuis «\u{a0}{}\u{a0}»", pending.name);
            store
                .label_latest_if_unnamed(id, &label)
                .map_err(user_message)?;
        }
        ImportOutcome::AlreadyExists { .. } => *state.pending_import() = Some(pending),
    }
    Ok(outcome)
}

/// « Ouvrir… »: imports a `.dce` file picked by the user. When a dossier
/// with the same identity exists, nothing changes: the file waits for
/// `resolve_import` or `cancel_import`. `None` when the dialog was closed.
#[tauri::command]
pub fn open_file(state: State<'_, AppState>) -> Reply<Option<ImportOutcome>> {
    let Some(path) =
        dialogs::open_path(state.export_dir.as_deref(), "Ouvrir un dossier", DCE_FILTER)
    else {
        return Ok(None);
    };
    import_path(&state, &path).map(Some)
}

/// Reads a `.dce` file and imports it, asking when its dossier exists.
fn import_path(state: &AppState, path: &Path) -> Reply<ImportOutcome> {
    let file = store::read_file(path).map_err(user_message)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_and_label(state, PendingImport { file, name }, ImportMode::Ask)
}

/// Imports the waiting file: `mode` is `keep_both` (a new dossier beside
/// the existing one) or `replace` (the existing one takes its content,
/// comments and history). Returns the dossier's id.
#[tauri::command]
pub fn resolve_import(state: State<'_, AppState>, mode: String) -> Reply<i64> {
    let mode = match mode.as_str() {
        "keep_both" => ImportMode::KeepBoth,
        "replace" => ImportMode::Replace,
        _ => {
            return Err(format!(
                "Choix inconnu «\u{a0}{mode}\u{a0}»\u{a0}: gardez les deux dossiers ou remplacez celui qui existe."
            ))
        }
    };
    let pending = state.pending_import().take().ok_or_else(|| {
        "Aucun dossier n'attend d'être ouvert\u{a0}: choisissez à nouveau le fichier avec «\u{a0}Ouvrir…\u{a0}».".to_string()
    })?;
    match import_and_label(&state, pending, mode)? {
        ImportOutcome::Imported { id } => Ok(id),
        // Only `ImportMode::Ask` reports an existing dossier: never here.
        ImportOutcome::AlreadyExists { .. } => Err(
            "Ce dossier existe déjà\u{a0}: gardez les deux dossiers ou remplacez celui qui existe."
                .to_string(),
        ),
    }
}

/// Forgets the file waiting after `open_file` reported an existing dossier.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    *state.pending_import() = None;
}

/// Comments of a dossier, oldest first.
#[tauri::command]
pub fn list_comments(state: State<'_, AppState>, id: i64) -> Reply<Vec<StoredComment>> {
    state.store().comments(id).map_err(user_message)
}

/// Adds a comment signed with the stored author name; returns its id.
#[tauri::command]
pub fn add_comment(
    state: State<'_, AppState>,
    id: i64,
    section: String,
    field: Option<String>,
    text: String,
) -> Reply<i64> {
    state
        .store()
        .add_signed_comment(
            id,
            &section,
            field.as_deref(),
            &text,
            Local::now().naive_local(),
        )
        .map_err(user_message)
}

#[tauri::command]
pub fn set_comment_resolved(
    state: State<'_, AppState>,
    comment_id: i64,
    resolved: bool,
) -> Reply<()> {
    state
        .store()
        .set_comment_resolved(comment_id, resolved)
        .map_err(user_message)
}

/// The name signed under comments written on this computer, once given.
#[tauri::command]
pub fn author_name(state: State<'_, AppState>) -> Reply<Option<String>> {
    state.store().author_name().map_err(user_message)
}

#[tauri::command]
pub fn set_author_name(state: State<'_, AppState>, name: String) -> Reply<()> {
    state
        .store()
        .set_author_name(&name)
        .map(|_| ())
        .map_err(user_message)
}

/// Saved states of a dossier, newest first.
#[tauri::command]
pub fn list_revisions(state: State<'_, AppState>, id: i64) -> Reply<Vec<RevisionSummary>> {
    state.store().revisions(id).map_err(user_message)
}

/// Names the latest saved state; returns the revision's id.
#[tauri::command]
pub fn set_checkpoint(state: State<'_, AppState>, id: i64, label: String) -> Reply<i64> {
    state
        .store()
        .set_checkpoint(id, &label)
        .map_err(user_message)
}

/// What changed between two saved states, step by step.
#[tauri::command]
pub fn compare_revisions(
    state: State<'_, AppState>,
    before: i64,
    after: i64,
) -> Reply<Vec<SectionDiff>> {
    let store = state.store();
    let old = store.load_revision(before).map_err(user_message)?;
    let new = store.load_revision(after).map_err(user_message)?;
    Ok(compare::compare(&old, &new))
}

/// Makes an old state the current one (itself a new revision: nothing is lost).
#[tauri::command]
pub fn restore_revision(state: State<'_, AppState>, id: i64, revision_id: i64) -> Reply<()> {
    state
        .store()
        .restore(id, revision_id, Local::now().naive_local())
        .map_err(user_message)
}

/// Backup copies of the database, newest first.
#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Vec<BackupInfo> {
    store::Store::backups(&state.db_path)
}

/// Replaces the whole database with a backup copy (`name` from
/// `list_backups`); the replaced state is kept as a backup in its turn.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, name: String) -> Reply<()> {
    let stamp = Local::now().format(RESTORE_STAMP_FORMAT).to_string();
    state
        .store()
        .restore_backup(&state.db_path, &name, &stamp)
        .map_err(user_message)?;
    // A waiting file was judged against the replaced dossiers.
    *state.pending_import() = None;
    Ok(())
}

fn new_uid() -> String {
    uuid::Uuid::new_v4().to_string()
}
