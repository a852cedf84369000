//! `dce figures`: the « Bilan annuel » of the database, for the council's report.

use chrono::Datelike;
use dce_core::export;
use dce_core::figures::{self, YearFigures};
use dce_core::store::Store;
use std::path::Path;

/// Prints the figures of `year` (the latest year with dossiers when none is
/// given) as text or JSON, and writes them as CSV to `csv` when asked.
pub fn run(store: Store, year: Option<i32>, json: bool, csv: Option<&Path>) -> Result<(), String> {
    let dossiers = store.all_dossiers().map_err(|e| e.to_string())?;
    let f = figures::year_figures(&dossiers, year, super::today().year());
    if let Some(path) = csv {
        export::write_atomic(path, figures::to_csv(&f).as_bytes()).map_err(|e| e.to_string())?;
    }
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(&f).map_err(|e| e.to_string())?
        );
    } else {
        for line in report(&f) {
            out!("{line}");
        }
    }
    if let Some(path) = csv {
        out!("{}", path.display());
    }
    Ok(())
}

/// The figures as the secretary reads them, one line each.
fn report(f: &YearFigures) -> Vec<String> {
    let mut lines = vec![f.title.clone(), f.summary.clone()];
    for i in &f.indicators {
        lines.push(format!(
            "{}\u{a0}: {} ({} du nombre), {} ({} du montant)",
            i.label, i.count_text, i.count_share_text, i.amount_text, i.amount_share_text
        ));
    }
    lines.push(f.innovation_goal.clone());
    lines.push(f.counting_rule.clone());
    lines
}
