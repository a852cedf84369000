// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod args;
mod commands;
mod dialogs;
mod state;

use tauri::Manager;

fn main() {
    let args = args::Args::parse(std::env::args().skip(1));
    tauri::Builder::default()
        .setup(move |app| {
            let state = state::AppState::open(&args)?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_samples,
            commands::list_dossiers,
            commands::create_dossier,
            commands::load_dossier,
            commands::save_dossier,
            commands::delete_dossier,
            commands::check_dossier,
            commands::check_draft,
            commands::procedure_advice,
            commands::preview,
            commands::search_clauses,
            commands::export_dossier,
            commands::export_review,
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
}
