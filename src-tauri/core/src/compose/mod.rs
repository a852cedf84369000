//! Dossier + templates -> Document (the IR). The templates
//! (templates/document/*.md) are Markdown with Jinja; values from the
//! dossier are escaped so that what the user typed is printed as typed.

mod annex;
pub mod award;
pub mod document;
pub mod file_names;
mod frames;
pub(crate) mod labels;
mod markdown;
mod prices;
pub mod review;
mod statements;
mod template;

pub use annex::{comments_annex, ANNEX_TITLE};
pub use prices::prices_document;
pub use review::{review, review_sheet, severity_label, ReviewSheet, REVIEW_TITLE};

use crate::model::{Dossier, ProcedureChoice};
use document::{Document, Meta};
use minijinja::value::Value;
use template::Template;
use thiserror::Error;

/// The document template failed: a defect of the app, not of the dossier.
#[derive(Debug, Error)]
#[error("Le document n'a pas pu être composé ; merci de signaler ce problème. ({0})")]
pub struct ComposeError(#[from] minijinja::Error);

/// The pieces the app produces from a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The single-document DCE: consultation rules, commitment, clauses.
    Dce,
    /// The response frames bidders fill in and return with their offer.
    ResponseFrames,
    /// The notice (avis d'appel public à la concurrence), in the order of
    /// the BOAMP MAPA form, to paste into the buyer platform or the BOAMP.
    Notice,
    /// The price schedule (BPU and DQE, DPGF) of every lot, to read and
    /// print; bidders fill its spreadsheet.
    Prices,
}

impl Piece {
    /// The French name, in the cover kicker and the document properties.
    pub fn title(self) -> &'static str {
        match self {
            Piece::Dce => "Dossier de consultation des entreprises — document unique",
            Piece::ResponseFrames => {
                "Cadre de réponse — à compléter par le candidat et à joindre à l'offre"
            }
            Piece::Notice => crate::rules::CALL_FOR_COMPETITION,
            Piece::Prices => "Bordereau des prix",
        }
    }
}

/// One piece of a dossier, as a document ready to render.
pub fn compose(dossier: &Dossier, piece: Piece) -> Result<Document, ComposeError> {
    let markdown = match piece {
        Piece::Prices => return prices_document(dossier, None),
        Piece::Dce => template::render(
            Template::Dce,
            dossier,
            minijinja::context! {
                procedure => procedure_view(procedure_used(dossier)),
                price_files => Value::from(minijinja::value::Serde(file_names::price_files(dossier))),
                direction_labels => direction_labels(),
                ..statements::values(dossier)
            },
        )?,
        Piece::ResponseFrames => template::render(
            Template::ResponseFrames,
            dossier,
            minijinja::context! { frames => Value::from(minijinja::value::Serde(frames::view(dossier))) },
        )?,
        Piece::Notice => template::render(
            Template::Notice,
            dossier,
            minijinja::context! { procedure => procedure_view(procedure_used(dossier)), ..statements::values(dossier) },
        )?,
    };
    let title = match piece {
        Piece::Notice => notice_title(dossier).unwrap_or(piece.title()),
        _ => piece.title(),
    };
    Ok(Document {
        meta: Meta {
            title: dossier.purchase.object.clone(),
            subject: title.into(),
            author: dossier.buyer.name.clone(),
            language: "fr-FR".into(),
            identifier: if piece == Piece::ResponseFrames {
                dossier.uid.clone()
            } else {
                String::new()
            },
        },
        cover: labels::cover(dossier, title, procedure_used(dossier)),
        running_header: labels::running_header(dossier),
        blocks: markdown::to_blocks(&markdown),
    })
}

/// The title of the dossier's notice, or why its procedure publishes none.
pub fn notice_title(dossier: &Dossier) -> Result<&'static str, &'static str> {
    procedure_used(dossier).notice_title(&dossier.procedure.publicity)
}

/// The procedure the document names: the buyer's choice, else the one the
/// rules propose at the launch date, else (no date yet, or a dossier outside
/// the app) the adapted procedure of its kind of purchase.
fn procedure_used(dossier: &Dossier) -> ProcedureChoice {
    let data = crate::rules::RulesData::bundled();
    let proposed = dossier
        .purchase
        .launch_date
        .and_then(|date| crate::rules::procedure_advice(dossier, date).used);
    dossier.procedure.choice.or(proposed).unwrap_or(
        if dossier.purchase.nature != crate::model::Nature::Works
            && data.is_social_services(&dossier.purchase.cpv)
        {
            ProcedureChoice::MapaSocialServices
        } else {
            ProcedureChoice::Mapa
        },
    )
}

/// How a canvas line is compared, by the direction's serialised name.
fn direction_labels() -> Value {
    use crate::model::Direction;
    let labels: std::collections::BTreeMap<String, &str> =
        [Direction::LowerIsBetter, Direction::HigherIsBetter]
            .into_iter()
            .map(|d| {
                let key = serde_json::to_value(d)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                (key, d.label())
            })
            .collect();
    Value::from(minijinja::value::Serde(labels))
}

/// What the templates say about the procedure used.
fn procedure_view(procedure: ProcedureChoice) -> Value {
    minijinja::context! {
        used => Value::from(minijinja::value::Serde(procedure)),
        title => procedure.title(),
        legal_basis => procedure.legal_basis(),
        notice => procedure.publishes_notice(),
    }
}

/// The single-document DCE of a dossier.
pub fn dce(dossier: &Dossier) -> Result<Document, ComposeError> {
    compose(dossier, Piece::Dce)
}

/// Shown where a value the user has not given yet would be.
pub(crate) const MISSING: &str = "[à compléter]";
