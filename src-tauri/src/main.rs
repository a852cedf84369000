// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod args;
mod commands;
mod dialogs;
mod offers;
mod shutdown;
mod single_instance;
mod state;

use dce_core::store::{self, Store, StoreError};
use single_instance::{Claim, Handover};
use state::{AppState, Startup};
use std::process::ExitCode;
use std::sync::Mutex;
use tauri::{Emitter, Manager, WindowEvent};

/// Sent to the UI when a later launch handed over a file to open.
pub const FILES_EVENT: &str = "dce://files-to-open";

fn main() -> ExitCode {
    let args = args::Args::parse(std::env::args().skip(1));
    let Some(db_path) = store::resolve_db_path(args.db.clone(), std::env::var_os("DCE_DB")) else {
        eprintln!("dce-unique: no data folder for the database; pass --db FILE");
        return ExitCode::FAILURE;
    };
    let files = single_instance::absolute(&args.files);
    let listener = match single_instance::claim(
        &db_path,
        &Handover {
            files: files.clone(),
        },
    ) {
        Ok(Claim::First(listener)) => Some(listener),
        Ok(Claim::HandedOver) => return ExitCode::SUCCESS,
        // Better a second window than none: SQLite still keeps each write whole.
        Err(e) => {
            eprintln!("dce-unique: single-instance check failed, going on: {e}");
            None
        }
    };
    let startup = Startup {
        args,
        db_path,
        damaged: Mutex::new(None),
        files: Mutex::new(files.into()),
    };
    tauri::Builder::default()
        .setup(move |app| {
            match AppState::open(&startup.args, &startup.db_path) {
                Ok(state) => {
                    app.manage(state);
                }
                Err(e @ StoreError::Damaged { .. }) => {
                    eprintln!("dce-unique: {e:?}");
                    *startup.damaged() = Some(Store::recovery_offer(&startup.db_path, &e));
                }
                Err(e) => return Err(e.into()),
            }
            app.manage(startup);
            app.manage(shutdown::Shutdown::default());
            if let Some(listener) = listener {
                let handle = app.handle().clone();
                single_instance::serve(listener, move |handover| {
                    handle.state::<Startup>().files().extend(handover.files);
                    if let Some(window) = handle.get_webview_window("main") {
                        let _ = window.unminimize();
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                    let _ = handle.emit(FILES_EVENT, ());
                });
            }
            shutdown::watch_signals(app.handle().clone())?;
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                shutdown::on_close_requested(window, api);
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup_problem,
            commands::recover_database,
            commands::take_file_to_open,
            commands::close_acknowledged,
            commands::cancel_close,
            commands::quit_app,
            commands::list_samples,
            commands::list_dossiers,
            commands::create_dossier,
            commands::load_dossier,
            commands::save_dossier,
            commands::delete_dossier,
            commands::check_dossier,
            commands::check_draft,
            commands::review_sheet,
            commands::procedure_advice,
            commands::canvas_questions,
            commands::preview,
            commands::search_clauses,
            commands::notice_title,
            commands::price_units,
            commands::next_price_id,
            commands::paste_price_lines,
            commands::price_estimates,
            commands::export_dossier,
            commands::export_notice,
            commands::export_prices,
            commands::export_review,
            commands::year_figures,
            commands::export_figures_csv,
            offers::offer_rankings,
            offers::apply_offer_action,
            offers::low_price_letter,
            offers::read_offer_schedule,
            offers::export_award,
            commands::compare_revisions,
            commands::reset_workshop,
            commands::save_as_file,
            commands::open_file,
            commands::resolve_import,
            commands::cancel_import,
            commands::list_comments,
            commands::add_comment,
            commands::set_comment_resolved,
            commands::author_name,
            commands::set_author_name,
            commands::list_revisions,
            commands::set_checkpoint,
            commands::restore_revision,
            commands::list_backups,
            commands::restore_backup,
        ])
        .run(tauri::generate_context!())
        .expect("the DCE Unique window could not start");
    ExitCode::SUCCESS
}
