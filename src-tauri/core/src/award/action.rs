//! One change to the offers, as the window and the command line ask for
//! it: amounts, points and times as the buyer typed them, read here so
//! both get the same French message for the same slip. Applied to the
//! dossier being edited; a refused action leaves it as it was.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{
    add_offer, decide_low_price, negotiate, record_low_price_answer,
    request_low_price_explanations, score_offer, set_status, typed_price, NewOffer,
};
use super::OfferError;
use crate::french::{decimal, NBSP};
use crate::model::{Bidder, Dossier, LowPriceDecision, OfferPrice, OfferStatus};
use crate::prices::parse_quantity;

/// The price of an offer or of a negotiation round: typed in euros, or read
/// from the firm's filled price schedule.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PriceEntry {
    /// Nothing known yet.
    None,
    /// Euros excluding VAT, as typed (« 12 500,50 »).
    Typed { amount: String },
    /// Read from the schedule (see `schedule_price`).
    Read { price: OfferPrice },
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum OfferAction {
    /// An offer received; `received_at` as « AAAA-MM-JJTHH:MM » (empty when
    /// unknown), `variant` empty for the base offer.
    Add {
        lot: Option<u32>,
        bidder: Bidder,
        received_at: String,
        variant: String,
        price: PriceEntry,
        documents: Vec<String>,
    },
    /// Points (« 12,5 ») on a sub-criterion, or a criterion without any.
    Score {
        offer: u32,
        scored_id: String,
        points: String,
        justification: String,
    },
    Status {
        offer: u32,
        status: OfferStatus,
    },
    /// The written request about a price that seems abnormally low, sent today.
    Request {
        offer: u32,
        #[ts(type = "string")]
        answer_by: NaiveDate,
        text: String,
    },
    /// The firm's answer to that request, received today.
    Answer {
        offer: u32,
        text: String,
    },
    Decide {
        offer: u32,
        decision: LowPriceDecision,
    },
    /// A negotiation round: the new price replaces the current one, which is kept.
    Negotiate {
        offer: u32,
        price: PriceEntry,
    },
}

/// The dossier with the change, and what was recorded, in French.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OfferOutcome {
    pub dossier: Dossier,
    pub message: String,
}

/// `action` applied to a copy of `dossier`.
pub fn applied(
    mut dossier: Dossier,
    action: OfferAction,
    today: NaiveDate,
) -> Result<OfferOutcome, OfferError> {
    let message = apply(&mut dossier, action, today)?;
    Ok(OfferOutcome { dossier, message })
}

/// Applies `action` and says in French what was recorded. `today` dates
/// the request and the answer about a low price.
pub fn apply(
    dossier: &mut Dossier,
    action: OfferAction,
    today: NaiveDate,
) -> Result<String, OfferError> {
    Ok(match action {
        OfferAction::Add {
            lot,
            bidder,
            received_at,
            variant,
            price,
            documents,
        } => {
            let new = NewOffer {
                lot,
                bidder,
                received_at: received_time(&received_at)?,
                variant: Some(variant).filter(|v| !v.trim().is_empty()),
                price: offer_price(price)?,
                documents: documents
                    .into_iter()
                    .map(|d| d.trim().to_string())
                    .filter(|d| !d.is_empty())
                    .collect(),
            };
            let id = add_offer(dossier, new)?;
            let late = dossier
                .offers
                .iter()
                .find(|o| o.id == id)
                .is_some_and(|o| super::is_late(dossier, o));
            if late {
                format!("Offre n°{NBSP}{id} enregistrée. Reçue après la date limite, elle est irrégulière et ne sera pas notée.")
            } else {
                format!("Offre n°{NBSP}{id} enregistrée.")
            }
        }
        OfferAction::Score {
            offer,
            scored_id,
            points,
            justification,
        } => {
            let points = hundredths(&points, "La note")?;
            score_offer(dossier, offer, &scored_id, points, &justification)?;
            format!(
                "Offre n°{NBSP}{offer}{NBSP}: {} points notés.",
                decimal(points)
            )
        }
        OfferAction::Status { offer, status } => {
            set_status(dossier, offer, status)?;
            format!("Offre n°{NBSP}{offer}{NBSP}: régularité enregistrée.")
        }
        OfferAction::Request {
            offer,
            answer_by,
            text,
        } => {
            if answer_by <= today {
                return Err(OfferError::AnswerByInThePast(crate::french::date(
                    answer_by,
                )));
            }
            request_low_price_explanations(dossier, offer, today, &text)?;
            format!("Offre n°{NBSP}{offer}{NBSP}: demande de précisions enregistrée.")
        }
        OfferAction::Answer { offer, text } => {
            record_low_price_answer(dossier, offer, today, &text)?;
            format!("Offre n°{NBSP}{offer}{NBSP}: réponse du candidat enregistrée.")
        }
        OfferAction::Decide { offer, decision } => {
            decide_low_price(dossier, offer, decision)?;
            format!("Offre n°{NBSP}{offer}{NBSP}: décision enregistrée.")
        }
        OfferAction::Negotiate { offer, price } => {
            let price = offer_price(price)?.ok_or(OfferError::NoNegotiatedPrice)?;
            negotiate(dossier, offer, price)?;
            format!("Offre n°{NBSP}{offer}{NBSP}: tour de négociation enregistré, le précédent est conservé.")
        }
    })
}

fn offer_price(entry: PriceEntry) -> Result<Option<OfferPrice>, OfferError> {
    match entry {
        PriceEntry::None => Ok(None),
        PriceEntry::Typed { amount } if amount.trim().is_empty() => Ok(None),
        PriceEntry::Typed { amount } => Ok(Some(typed_price(hundredths(&amount, "Le montant")?))),
        PriceEntry::Read { price } => Ok(Some(price)),
    }
}

/// Hundredths from « 12,5 », « 1 250,00 », « 12.5 »: at most two decimals, never negative.
pub fn hundredths(text: &str, what: &'static str) -> Result<i64, OfferError> {
    parse_quantity(text.trim())
        .filter(|t| t % 10 == 0)
        .map(|t| t / 10)
        .ok_or_else(|| OfferError::NotANumber {
            what,
            text: text.trim().to_string(),
        })
}

/// « AAAA-MM-JJTHH:MM » (what a date-and-time field gives, seconds
/// allowed), or nothing when left empty.
pub fn received_time(text: &str) -> Result<Option<NaiveDateTime>, OfferError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(Some)
        .ok_or_else(|| OfferError::BadDateTime(text.to_string()))
}
