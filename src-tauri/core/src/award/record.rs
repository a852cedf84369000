//! Recording what the buyer receives and decides about offers. Every
//! function checks everything before it changes the dossier: a refused
//! command leaves it as it was.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::ranking::{is_priced, lot_ranking};
use super::standing::is_late;
use super::OfferError;
use crate::french;
use crate::model::{
    Bidder, Dossier, LowPriceDecision, LowPriceInquiry, Offer, OfferPrice, OfferRound, OfferStatus,
    PriceSource, Score, VariantPolicy,
};
use crate::prices::FilledSchedule;

/// An offer as received, before any judgement.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOffer {
    pub lot: Option<u32>,
    pub bidder: Bidder,
    pub received_at: Option<NaiveDateTime>,
    pub variant: Option<String>,
    pub price: Option<OfferPrice>,
    pub documents: Vec<String>,
}

/// The price of an offer read from the firm's filled schedule file of
/// `lot`, refused unless it is this dossier's schedule, whole and priced.
pub fn schedule_file_price(
    dossier: &Dossier,
    lot: Option<u32>,
    file: &Path,
    variant: bool,
) -> Result<OfferPrice, OfferError> {
    let bytes = std::fs::read(file).map_err(|e| OfferError::Unreadable {
        file: file.display().to_string(),
        detail: e.to_string(),
    })?;
    schedule_price(&crate::prices::read_xlsx(dossier, lot, &bytes)?, variant)
}

/// Records an offer and returns its number. A late offer is recorded too:
/// it is irregular and never scored (see [`is_late`]).
pub fn add_offer(dossier: &mut Dossier, new: NewOffer) -> Result<u32, OfferError> {
    check_lot(dossier, new.lot)?;
    if new.bidder.name.trim().is_empty() {
        return Err(OfferError::EmptyBidder);
    }
    let siret = match &new.bidder.siret {
        Some(s) => Some(normalised_siret(s)?),
        None => None,
    };
    let variant = new
        .variant
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    if variant.is_some() && dossier.variants.policy == VariantPolicy::Forbidden {
        return Err(OfferError::VariantForbidden);
    }
    if let Some(p) = &new.price {
        check_amount(p.compared_cents)?;
    }
    let id = dossier.offers.iter().map(|o| o.id).max().unwrap_or(0) + 1;
    dossier.offers.push(Offer {
        id,
        lot: new.lot,
        bidder: Bidder {
            name: new.bidder.name.trim().to_string(),
            siret,
            ..new.bidder
        },
        received_at: new.received_at,
        variant,
        price: new.price,
        scores: Vec::new(),
        documents: new.documents,
        status: OfferStatus::Admitted,
        low_price: None,
        previous_rounds: Vec::new(),
    });
    Ok(id)
}

/// A price typed by the buyer, in cents excluding VAT.
pub fn typed_price(cents: i64) -> OfferPrice {
    OfferPrice {
        compared_cents: cents,
        pse_cents: Default::default(),
        source: PriceSource::Typed,
    }
}

/// The price of a filled schedule: what offers are compared on, or for a
/// variant the total of the variant sheet.
pub fn schedule_price(filled: &FilledSchedule, variant: bool) -> Result<OfferPrice, OfferError> {
    let compared_cents = if variant {
        if filled.variant.is_empty() {
            return Err(OfferError::NoVariantPriced);
        }
        filled.variant_ht_cents()
    } else {
        filled.compared_ht_cents
    };
    Ok(OfferPrice {
        compared_cents,
        pse_cents: filled.totals.pse_ht_cents.clone(),
        source: PriceSource::Schedule,
    })
}

/// Records the buyer's score on a sub-criterion (or a criterion without
/// any) with its justification; a new score on the same line replaces the old.
pub fn score_offer(
    dossier: &mut Dossier,
    offer_id: u32,
    scored_id: &str,
    points_hundredths: i64,
    justification: &str,
) -> Result<(), OfferError> {
    let offer = find(dossier, offer_id)?;
    if is_late(dossier, offer) {
        return Err(OfferError::Late(offer_id));
    }
    let (title, max) = scored_line(dossier, scored_id)?;
    if points_hundredths < 0 {
        return Err(OfferError::NegativePoints(french::decimal(
            points_hundredths,
        )));
    }
    if points_hundredths > i64::from(max) * 100 {
        return Err(OfferError::TooManyPoints {
            title,
            max: max.to_string(),
            found: french::decimal(points_hundredths),
        });
    }
    let justification = justification.trim();
    if justification.is_empty() {
        return Err(OfferError::NoJustification(title));
    }
    let offer = find_mut(dossier, offer_id)?;
    let score = Score {
        criterion_id: scored_id.to_string(),
        points_hundredths,
        justification: justification.to_string(),
    };
    match offer
        .scores
        .iter_mut()
        .find(|s| s.criterion_id == scored_id)
    {
        Some(old) => *old = score,
        None => offer.scores.push(score),
    }
    Ok(())
}

/// Records that an offer is irregular or unacceptable, with the reason, or
/// admits it again (a regularised offer).
pub fn set_status(
    dossier: &mut Dossier,
    offer_id: u32,
    status: OfferStatus,
) -> Result<(), OfferError> {
    find(dossier, offer_id)?;
    let reason = match &status {
        OfferStatus::Irregular { reason } => Some(("irrégulière", reason)),
        OfferStatus::Unacceptable { reason } => Some(("inacceptable", reason)),
        OfferStatus::Admitted => None,
    };
    let status = match reason {
        Some((what, r)) if r.trim().is_empty() => return Err(OfferError::NoReason(what)),
        _ => trimmed_status(status),
    };
    find_mut(dossier, offer_id)?.status = status;
    Ok(())
}

fn trimmed_status(status: OfferStatus) -> OfferStatus {
    match status {
        OfferStatus::Irregular { reason } => OfferStatus::Irregular {
            reason: reason.trim().into(),
        },
        OfferStatus::Unacceptable { reason } => OfferStatus::Unacceptable {
            reason: reason.trim().into(),
        },
        OfferStatus::Admitted => OfferStatus::Admitted,
    }
}

/// Records the written request for explanations about the offer's price, as sent.
pub fn request_low_price_explanations(
    dossier: &mut Dossier,
    offer_id: u32,
    on: NaiveDate,
    request: &str,
) -> Result<(), OfferError> {
    let offer = find(dossier, offer_id)?;
    if let Some(l) = &offer.low_price {
        return Err(OfferError::LowPriceAlreadyRequested(
            offer_id,
            french::date(l.requested_on),
        ));
    }
    if request.trim().is_empty() {
        return Err(OfferError::EmptyText("le texte de la demande envoyée"));
    }
    find_mut(dossier, offer_id)?.low_price = Some(LowPriceInquiry {
        requested_on: on,
        request: request.trim().into(),
        answered_on: None,
        answer: String::new(),
        decision: None,
    });
    Ok(())
}

/// Records the bidder's explanations.
pub fn record_low_price_answer(
    dossier: &mut Dossier,
    offer_id: u32,
    on: NaiveDate,
    answer: &str,
) -> Result<(), OfferError> {
    inquiry(dossier, offer_id)?;
    if answer.trim().is_empty() {
        return Err(OfferError::EmptyText("ce que le candidat a répondu"));
    }
    let l = inquiry_mut(dossier, offer_id)?;
    l.answered_on = Some(on);
    l.answer = answer.trim().into();
    Ok(())
}

/// Records the buyer's decision after the request: the offer is kept, or
/// rejected (R2152-4). Only this decision can take an offer out for its price.
pub fn decide_low_price(
    dossier: &mut Dossier,
    offer_id: u32,
    decision: LowPriceDecision,
) -> Result<(), OfferError> {
    inquiry(dossier, offer_id)?;
    let decision = match decision {
        LowPriceDecision::Kept { reason } if !reason.trim().is_empty() => LowPriceDecision::Kept {
            reason: reason.trim().into(),
        },
        LowPriceDecision::Rejected { reason } if !reason.trim().is_empty() => {
            LowPriceDecision::Rejected {
                reason: reason.trim().into(),
            }
        }
        LowPriceDecision::Kept { .. } => return Err(OfferError::NoReason("maintenue")),
        LowPriceDecision::Rejected { .. } => return Err(OfferError::NoReason("rejetée")),
    };
    inquiry_mut(dossier, offer_id)?.decision = Some(decision);
    Ok(())
}

/// Records a negotiation round: the new price replaces the current one,
/// which is kept with its scores as an earlier round; the scores carry
/// over until the buyer scores the lines the negotiation changed.
pub fn negotiate(
    dossier: &mut Dossier,
    offer_id: u32,
    price: OfferPrice,
) -> Result<(), OfferError> {
    if !dossier.submission.negotiation.allowed {
        return Err(OfferError::NegotiationNotAllowed);
    }
    let offer = find(dossier, offer_id)?;
    if is_late(dossier, offer) {
        return Err(OfferError::Late(offer_id));
    }
    check_amount(price.compared_cents)?;
    if let Some(best) = dossier.submission.negotiation.with_best {
        let rank = initial_rank(dossier, offer_id);
        if rank.is_none_or(|r| r > best) {
            return Err(OfferError::NotAmongTheBest {
                offer: offer_id,
                best,
            });
        }
    }
    let offer = find_mut(dossier, offer_id)?;
    offer.previous_rounds.push(OfferRound {
        price: offer.price.take(),
        scores: offer.scores.clone(),
    });
    offer.price = Some(price);
    Ok(())
}

/// The offer's rank on the initial offers (each offer as first received
/// and scored): the ranking the DCE's « best N » refers to.
fn initial_rank(dossier: &Dossier, offer_id: u32) -> Option<u32> {
    let mut initial = dossier.clone();
    let lot = find(dossier, offer_id).ok()?.lot;
    for o in &mut initial.offers {
        if let Some(first) = o.previous_rounds.first() {
            o.price = first.price.clone();
            o.scores = first.scores.clone();
        }
    }
    lot_ranking(&initial, lot)
        .offers
        .into_iter()
        .find(|o| o.id == offer_id)?
        .rank
}

fn find(dossier: &Dossier, id: u32) -> Result<&Offer, OfferError> {
    dossier
        .offers
        .iter()
        .find(|o| o.id == id)
        .ok_or(OfferError::UnknownOffer(id))
}

fn find_mut(dossier: &mut Dossier, id: u32) -> Result<&mut Offer, OfferError> {
    dossier
        .offers
        .iter_mut()
        .find(|o| o.id == id)
        .ok_or(OfferError::UnknownOffer(id))
}

fn inquiry(dossier: &Dossier, id: u32) -> Result<&LowPriceInquiry, OfferError> {
    find(dossier, id)?
        .low_price
        .as_ref()
        .ok_or(OfferError::NoLowPriceRequest(id))
}

fn inquiry_mut(dossier: &mut Dossier, id: u32) -> Result<&mut LowPriceInquiry, OfferError> {
    find_mut(dossier, id)?
        .low_price
        .as_mut()
        .ok_or(OfferError::NoLowPriceRequest(id))
}

fn check_lot(dossier: &Dossier, lot: Option<u32>) -> Result<(), OfferError> {
    let lots = &dossier.purchase.lots;
    let list = || {
        lots.iter()
            .map(|l| l.number.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match lot {
        None if lots.is_empty() => Ok(()),
        None => Err(OfferError::LotRequired { lots: list() }),
        Some(_) if lots.is_empty() => Err(OfferError::NoLots),
        Some(n) if lots.iter().any(|l| l.number == n) => Ok(()),
        Some(n) => Err(OfferError::UnknownLot {
            lot: n,
            lots: list(),
        }),
    }
}

fn check_amount(cents: i64) -> Result<(), OfferError> {
    if cents <= 0 {
        return Err(OfferError::BadAmount(french::money_ht(cents)));
    }
    Ok(())
}

/// A SIRET is 14 digits; the spaces people type between groups are dropped.
fn normalised_siret(s: &str) -> Result<String, OfferError> {
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 14 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(OfferError::BadSiret(s.trim().into()))
    }
}

/// The title and points of a line scored by hand.
fn scored_line(dossier: &Dossier, id: &str) -> Result<(String, u32), OfferError> {
    for c in &dossier.criteria {
        if let Some(s) = c.subcriteria.iter().find(|s| s.id == id) {
            return Ok((french::typography(&s.title), s.points));
        }
        if c.id == id {
            if is_priced(c) {
                return Err(OfferError::ComputedCriterion(french::typography(&c.title)));
            }
            if !c.subcriteria.is_empty() {
                let ids = c
                    .subcriteria
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>();
                return Err(OfferError::HasSubcriteria {
                    title: french::typography(&c.title),
                    ids: ids.join(", "),
                });
            }
            return Ok((french::typography(&c.title), c.weight_percent));
        }
    }
    let known: Vec<&str> = dossier
        .criteria
        .iter()
        .filter(|c| !is_priced(c))
        .flat_map(|c| {
            if c.subcriteria.is_empty() {
                vec![c.id.as_str()]
            } else {
                c.subcriteria.iter().map(|s| s.id.as_str()).collect()
            }
        })
        .collect();
    Err(OfferError::UnknownCriterion(id.into(), known.join(", ")))
}
