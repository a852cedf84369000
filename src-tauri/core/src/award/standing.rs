//! Whether an offer competes in its lot's ranking, and if not why.

use crate::french;
use crate::model::{Dossier, LowPriceDecision, Offer, OfferStatus};

/// Received after the deadline the DCE states: recorded, never scored.
pub fn is_late(dossier: &Dossier, offer: &Offer) -> bool {
    matches!(
        (offer.received_at, dossier.submission.deadline),
        (Some(received), Some(deadline)) if received > deadline
    )
}

/// Why the offer is left out of the ranking, in French; `None` when it competes.
pub fn exclusion(dossier: &Dossier, offer: &Offer) -> Option<String> {
    if is_late(dossier, offer) {
        let when = offer.received_at.map(french::datetime).unwrap_or_default();
        return Some(format!("offre irrégulière, reçue hors délai (le {when})"));
    }
    match &offer.status {
        OfferStatus::Irregular { reason } => {
            return Some(format!("offre irrégulière\u{a0}: {reason}"))
        }
        OfferStatus::Unacceptable { reason } => {
            return Some(format!("offre inacceptable\u{a0}: {reason}"))
        }
        OfferStatus::Admitted => {}
    }
    match offer.low_price.as_ref().and_then(|l| l.decision.as_ref()) {
        Some(LowPriceDecision::Rejected { reason }) => Some(format!(
            "offre rejetée comme anormalement basse\u{a0}: {reason}"
        )),
        _ => None,
    }
}
