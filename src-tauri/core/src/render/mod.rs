//! Document -> bytes of a file (or text). Renderers take the composed IR only: they
//! never look at the dossier, so every output says the same thing.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod txt;

use thiserror::Error;

/// A renderer could not produce its file. These are internal failures (a
/// bundled font unreadable, a library error), not something the user typed.
#[derive(Debug, Error)]
#[error("Le document {format} n'a pas pu être produit ; merci de signaler ce problème. ({detail})")]
pub struct RenderError {
    pub format: &'static str,
    /// English detail for the log.
    pub detail: String,
}

impl RenderError {
    pub fn pdf(detail: impl std::fmt::Display) -> Self {
        RenderError {
            format: "PDF",
            detail: detail.to_string(),
        }
    }
    pub fn docx(detail: impl std::fmt::Display) -> Self {
        RenderError {
            format: "DOCX",
            detail: detail.to_string(),
        }
    }
}
