//! The award documents, from the analysis of the offers: the analysis
//! report, a rejection letter to each bidder not kept, the award letter to
//! each winner and the award notice. All read one [`AwardView`], so that
//! what the report proposes is what the letters announce.

mod view;

use view::capitalised;

pub use view::{award_view, rank_label, AwardView, LotView, OfferView, STANDSTILL_DAYS};

use super::document::{Block, Cover, Document, Meta};
use super::template::{self, Template};
use super::{labels, markdown, statements, ComposeError, MISSING};
use crate::french::{typography, NBSP};
use crate::model::Dossier;
use chrono::NaiveDate;
use minijinja::value::{Serde, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const REPORT_TITLE: &str = "Rapport d’analyse des offres";
pub const REJECTION_TITLE: &str = "Lettre de rejet de l’offre";
pub const AWARD_LETTER_TITLE: &str = "Lettre d’attribution";
pub const AWARD_NOTICE_TITLE: &str = "Avis d’attribution";

/// The documents of the award, as the desktop shell and the CLI ask for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum AwardPiece {
    /// The analysis report of every lot, with the proposal of award.
    Report,
    /// The rejection letters: one to each bidder not kept, lot by lot.
    Letters,
    /// The award letter to the first-ranked bidder of each lot.
    AwardLetter,
    /// The award notice, to publish.
    AwardNotice,
}

/// One letter to one bidder.
#[derive(Debug, Clone)]
pub struct Letter {
    pub lot: Option<u32>,
    pub offer: u32,
    pub bidder: String,
    /// « Lot n° 1 — Isolation, offre n° 2 »: what the letter is about, for
    /// the list of letters bound together.
    pub about: String,
    pub document: Document,
}

/// The analysis report of every lot.
pub fn report(dossier: &Dossier, today: NaiveDate) -> Result<Document, ComposeError> {
    let (view, markdown) = whole(Template::AwardReport, dossier, today)?;
    let facts = vec![
        ("Référence".into(), or_missing(&dossier.reference)),
        ("Procédure".into(), view.procedure.clone()),
        ("Date du rapport".into(), view.date.clone()),
        (
            "État".into(),
            if view.pending.is_empty() {
                "analyse terminée, à signer".into()
            } else {
                "projet, analyse à compléter".into()
            },
        ),
    ];
    Ok(document(dossier, REPORT_TITLE, facts, &markdown))
}

/// A rejection letter to each bidder of a lot but the first-ranked one, lot
/// by lot; a lot without a ranked offer has none yet.
pub fn rejection_letters(dossier: &Dossier, today: NaiveDate) -> Result<Vec<Letter>, ComposeError> {
    letters(dossier, today, Template::Rejection, REJECTION_TITLE, false)
}

/// The award letter to the first-ranked bidder of each lot.
pub fn award_letters(dossier: &Dossier, today: NaiveDate) -> Result<Vec<Letter>, ComposeError> {
    letters(
        dossier,
        today,
        Template::AwardLetter,
        AWARD_LETTER_TITLE,
        true,
    )
}

/// The award notice: the winner of each lot, its amount and the recourse.
pub fn award_notice(dossier: &Dossier, today: NaiveDate) -> Result<Document, ComposeError> {
    let (view, markdown) = whole(Template::AwardNotice, dossier, today)?;
    let facts = vec![
        ("Référence".into(), or_missing(&dossier.reference)),
        ("Date d’attribution".into(), view.date.clone()),
    ];
    Ok(document(dossier, AWARD_NOTICE_TITLE, facts, &markdown))
}

/// Several letters as one document to print: a cover listing them, then
/// each from a new page, their own covers left out.
pub fn bound(dossier: &Dossier, title: &str, letters: &[Letter]) -> Document {
    let facts = letters
        .iter()
        .map(|l| (l.bidder.clone(), l.about.clone()))
        .collect();
    let mut blocks = Vec::new();
    for doc in letters.iter().map(|l| &l.document) {
        if !blocks.is_empty() {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(doc.blocks.iter().cloned());
    }
    Document {
        blocks,
        ..document(dossier, title, facts, "")
    }
}

/// The letters of `template`, in each lot that has a first-ranked offer:
/// to its winner (`to_winner`), or one to every other bidder, about its
/// best offer and naming its others (a base offer and a variant). The
/// winner's own other offers, and an offer tied first with the winner,
/// get no rejection (the tie is settled first).
fn letters(
    dossier: &Dossier,
    today: NaiveDate,
    template: Template,
    title: &str,
    to_winner: bool,
) -> Result<Vec<Letter>, ComposeError> {
    let view = award_view(dossier, today);
    let mut out = Vec::new();
    for lot in &view.lots {
        let Some(winner) = lot.winner else { continue };
        let chosen = |(i, o): &(usize, &OfferView)| {
            if to_winner {
                *i == winner
            } else {
                *i != winner && o.rank != lot.offers[winner].rank
            }
        };
        let mut written: Vec<&str> = vec![lot.offers[winner].bidder.as_str()];
        for (_, offer) in lot.offers.iter().enumerate().filter(chosen) {
            if !to_winner {
                // Ranked first, an offer comes before the bidder's others.
                if written.contains(&offer.bidder.as_str()) {
                    continue;
                }
                written.push(&offer.bidder);
            }
            let others: Vec<&OfferView> = lot
                .offers
                .iter()
                .filter(|o| !to_winner && o.id != offer.id && o.bidder == offer.bidder)
                .collect();
            let extra = minijinja::context! {
                lot => Value::from(Serde(lot)),
                offer => Value::from(Serde(offer)),
                others => Value::from(Serde(&others)),
                winner => Value::from(Serde(&lot.offers[winner])),
            };
            let markdown = render(template, dossier, &view, extra)?;
            let mut facts = vec![("Destinataire".into(), offer.name.clone())];
            if !lot.label.is_empty() {
                facts.push(("Lot".into(), lot.label.clone()));
            }
            facts.push(("Date".into(), view.date.clone()));
            let numbers = std::iter::once(offer)
                .chain(others.iter().copied())
                .map(|o| o.id.to_string())
                .collect::<Vec<_>>()
                .join(" et ");
            let offers = if others.is_empty() { "offre" } else { "offres" };
            let about = if lot.label.is_empty() {
                format!("{offers} n°{NBSP}{numbers}")
            } else {
                format!("{}, {offers} n°{NBSP}{numbers}", lot.label)
            };
            let about = capitalised(&about);
            out.push(Letter {
                lot: lot.number,
                offer: offer.id,
                bidder: offer.bidder.clone(),
                about,
                document: document(dossier, title, facts, &markdown),
            });
        }
    }
    Ok(out)
}

/// `template` for the whole consultation, with the view it read.
fn whole(
    template: Template,
    dossier: &Dossier,
    today: NaiveDate,
) -> Result<(AwardView, String), ComposeError> {
    let view = award_view(dossier, today);
    let markdown = render(template, dossier, &view, minijinja::context! {})?;
    Ok((view, markdown))
}

fn render(
    template: Template,
    dossier: &Dossier,
    view: &AwardView,
    extra: Value,
) -> Result<String, ComposeError> {
    Ok(template::render(
        template,
        dossier,
        minijinja::value::merge_maps([
            statements::values(dossier),
            extra,
            minijinja::context! { view => Value::from(Serde(view)) },
        ]),
    )?)
}

fn document(
    dossier: &Dossier,
    kicker: &str,
    facts: Vec<(String, String)>,
    markdown: &str,
) -> Document {
    Document {
        meta: Meta {
            title: dossier.purchase.object.clone(),
            subject: kicker.into(),
            author: dossier.buyer.name.clone(),
            language: "fr-FR".into(),
            identifier: String::new(),
        },
        cover: Cover {
            buyer: or_missing(&dossier.buyer.name),
            kicker: kicker.into(),
            title: or_missing(&dossier.purchase.object),
            facts,
        },
        running_header: labels::running_header(dossier),
        blocks: markdown::to_blocks(markdown),
    }
}

fn or_missing(s: &str) -> String {
    if s.trim().is_empty() {
        MISSING.to_string()
    } else {
        typography(s)
    }
}
