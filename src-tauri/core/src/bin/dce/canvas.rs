//! `dce canevas`: the figures of several filled environmental frames side
//! by side, line by line, the best value marked.

use dce_core::canvas::{self, Figure, LineAnswer};
use dce_core::store::Store;
use std::path::PathBuf;

/// Reads each filled frame (PDF or DOCX, named after the firm by its file
/// name) and prints the comparison, as text or JSON.
pub fn run(store: Store, id: i64, files: &[PathBuf], json: bool) -> Result<(), String> {
    let dossier = store.load(id).map_err(|e| e.to_string())?;
    let mut offers: Vec<(String, Vec<LineAnswer>)> = Vec::new();
    for file in files {
        let bytes = std::fs::read(file)
            .map_err(|e| format!("impossible de lire « {} » ({e})", file.display()))?;
        let is_docx = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        let answers = if is_docx {
            canvas::read_docx(&dossier, &bytes)
        } else {
            canvas::read_pdf(&dossier, &bytes)
        }
        .map_err(|e| format!("{} : {e}", file.display()))?;
        let name = file
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        offers.push((name, answers));
    }
    let lines = canvas::compare(&dossier, &offers);
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(&lines).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    for l in &lines {
        out!("{} ({})", l.prompt, l.unit);
        for o in &l.offers {
            let figure = match o.figure {
                Figure::Value(v) => dce_core::french::quantity((v * 1000.0).round() as i64),
                Figure::NotMeasured => "non mesuré".to_string(),
                Figure::Missing => "sans réponse".to_string(),
            };
            let best = if o.best { " — meilleure valeur" } else { "" };
            out!("  {}\u{a0}: {figure}{best}", o.offer);
        }
    }
    Ok(())
}
