//! Dossier + templates -> Document (the IR). The template
//! (templates/document/dce.md) is Markdown with Jinja; values from the
//! dossier are escaped so that what the user typed is printed as typed.

pub mod document;
mod labels;
mod markdown;
mod template;

use crate::model::Dossier;
use document::{Document, Meta};
use thiserror::Error;

/// The document template failed: a defect of the app, not of the dossier.
#[derive(Debug, Error)]
#[error("Le document n'a pas pu être composé ; merci de signaler ce problème. ({0})")]
pub struct ComposeError(#[from] minijinja::Error);

/// The single-document DCE of a dossier.
pub fn dce(dossier: &Dossier) -> Result<Document, ComposeError> {
    let markdown = template::render_dce(dossier)?;
    Ok(Document {
        meta: Meta {
            title: dossier.purchase.object.clone(),
            subject: "Dossier de consultation des entreprises".into(),
            author: dossier.buyer.name.clone(),
            language: "fr-FR".into(),
        },
        cover: labels::cover(dossier),
        running_header: labels::running_header(dossier),
        blocks: markdown::to_blocks(&markdown),
    })
}

/// Shown where a value the user has not given yet would be.
pub(crate) const MISSING: &str = "[à compléter]";
