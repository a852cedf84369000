//! The offers window's commands: the analysis of the dossier being edited,
//! each change to its offers applied by core on that copy (the window then
//! saves it like any other edit, so a change is never lost or overwritten
//! by the autosave), and the firm's filled price schedule read through the
//! open dialog.

use crate::commands::{user_message, Reply};
use crate::dialogs::{self, Filter};
use crate::state::AppState;
use chrono::{Local, NaiveDate};
use dce_core::award::{self, LotRanking, OfferAction, OfferOutcome};
use dce_core::export::{self, AwardPiece, Format};
use dce_core::model::{Dossier, OfferPrice};
use tauri::State;

/// Every lot's offers, scored, ranked, with their alerts.
#[tauri::command]
pub fn offer_rankings(dossier: Dossier) -> Vec<LotRanking> {
    award::rankings(&dossier)
}

#[tauri::command]
pub fn apply_offer_action(dossier: Dossier, action: OfferAction) -> Reply<OfferOutcome> {
    award::applied(dossier, action, Local::now().date_naive()).map_err(user_message)
}

/// The written request for explanations about a low price, ready to send.
#[tauri::command]
pub fn low_price_letter(dossier: Dossier, offer: u32, answer_by: NaiveDate) -> Reply<String> {
    let o = dossier
        .offers
        .iter()
        .find(|o| o.id == offer)
        .ok_or_else(|| user_message(award::OfferError::UnknownOffer(offer)))?;
    Ok(award::request_letter(&dossier, o, answer_by))
}

/// The price of an offer read from the firm's filled schedule (totals
/// recomputed); `None` when the user closed the dialog.
#[tauri::command]
pub fn read_offer_schedule(
    state: State<'_, AppState>,
    dossier: Dossier,
    lot: Option<u32>,
    variant: bool,
) -> Reply<Option<OfferPrice>> {
    let Some(path) = dialogs::open_path(
        state.export_dir.as_deref(),
        "Lire le bordereau des prix rempli par l’entreprise",
        Filter {
            name: "Classeur XLSX",
            extension: "xlsx",
        },
    ) else {
        return Ok(None);
    };
    award::schedule_file_price(&dossier, lot, &path, variant)
        .map(Some)
        .map_err(user_message)
}

/// Writes an award document (report, letters, award letter, notice) of the
/// dossier as the offers window shows it; `None` when the dialog was closed.
#[tauri::command]
pub fn export_award(
    state: State<'_, AppState>,
    dossier: Dossier,
    piece: AwardPiece,
    format: Format,
) -> Reply<Option<String>> {
    let today = Local::now().date_naive();
    // Refused before the dialog opens when there is nothing to write.
    let bytes = export::render_award_piece(&dossier, piece, format, today).map_err(user_message)?;
    let extension = format.extension();
    let filter_name = extension.to_uppercase();
    let Some(path) = dialogs::save_path(
        state.export_dir.as_deref(),
        "Exporter le document d’attribution",
        &export::award_file_name(&dossier, piece, format),
        Filter {
            name: &filter_name,
            extension,
        },
    ) else {
        return Ok(None);
    };
    export::write_atomic(&path, &bytes).map_err(user_message)?;
    Ok(Some(path.display().to_string()))
}
