//! Abnormally low offers (L2152-5/6, R2152-3/4): the alert at the threshold
//! the DCE states, and the written request for explanations it leads to.
//! Nothing here excludes an offer: only the buyer's recorded decision does.

use chrono::NaiveDate;

use crate::french::{self, money_ht, NBSP};
use crate::model::{Dossier, LowOfferReference, LowPriceDecision, Offer};
use crate::prices::{self, ScheduleTotals};

/// The amount the threshold applies to, and how the alert names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowReference {
    /// The amount is `sum ÷ count`: kept as a fraction so the comparison is exact.
    pub sum_cents: i64,
    pub count: i64,
    pub label: &'static str,
}

/// What the offer's amount is compared with: the average of the other
/// offers in competition (`others`), or the buyer's estimate of the lot.
pub fn reference(dossier: &Dossier, lot: Option<u32>, others: &[i64]) -> Option<LowReference> {
    match dossier.award.low_offer.reference {
        LowOfferReference::AverageOfOthers if others.is_empty() => None,
        LowOfferReference::AverageOfOthers => Some(LowReference {
            sum_cents: others.iter().sum(),
            count: others.len() as i64,
            label: "la moyenne des autres offres",
        }),
        LowOfferReference::Estimate => estimate_cents(dossier, lot).map(|cents| LowReference {
            sum_cents: cents,
            count: 1,
            label: "l’estimation de la commune",
        }),
    }
}

/// The buyer's estimate of a lot on the basis offers are compared on: the
/// estimate of its price schedule when she priced its lines, else the
/// estimated amount of the lot (or of the contract without lots).
pub fn estimate_cents(dossier: &Dossier, lot: Option<u32>) -> Option<i64> {
    if let Some(schedule) = prices::schedule_for(dossier, lot) {
        let e = prices::estimate(schedule);
        if e.base_cents > 0 {
            let totals = ScheduleTotals {
                base_ht_cents: e.base_cents,
                pse_ht_cents: e.pse_cents,
            };
            return Some(prices::compared_total_cents(dossier, &totals));
        }
    }
    let amount = match lot {
        Some(n) => {
            dossier
                .purchase
                .lots
                .iter()
                .find(|l| l.number == n)?
                .estimated_amount_cents
        }
        None => dossier.purchase.estimated_amount_cents,
    };
    (amount > 0).then_some(amount)
}

/// Whether `offer_cents` falls strictly below the reference lowered by the
/// DCE's percentage.
pub fn is_below(offer_cents: i64, percent_below: u32, r: &LowReference) -> bool {
    let kept = 100 - i128::from(percent_below.min(100));
    i128::from(offer_cents) * 100 * i128::from(r.count) < i128::from(r.sum_cents) * kept
}

/// The alert's French text, with where the exchange stands.
pub fn alert_message(
    dossier: &Dossier,
    offer: &Offer,
    price_cents: i64,
    r: &LowReference,
) -> String {
    let percent = dossier.award.low_offer.percent_below;
    let reference = money_ht((r.sum_cents + r.count / 2) / r.count);
    let mut text = format!(
        "Offre paraissant anormalement basse\u{a0}: {} est inférieur de plus de {percent}{NBSP}% à {} ({reference}).",
        money_ht(price_cents),
        r.label
    );
    match &offer.low_price {
        None => text.push_str(
            " Demandez par écrit au candidat de justifier son prix avant toute décision (articles L2152-5 et R2152-3 du code de la commande publique)\u{202f}; l’offre n’est pas écartée pour autant.",
        ),
        Some(inquiry) => {
            text.push_str(&format!(
                " Précisions demandées le {}",
                french::date(inquiry.requested_on)
            ));
            match inquiry.answered_on {
                Some(on) => text.push_str(&format!(", réponse reçue le {}", french::date(on))),
                None => text.push_str(", réponse attendue"),
            }
            match &inquiry.decision {
                None => text.push_str("\u{202f}; décision à prendre."),
                Some(LowPriceDecision::Kept { .. }) => {
                    text.push_str("\u{202f}; offre maintenue, le prix étant justifié.")
                }
                Some(LowPriceDecision::Rejected { .. }) => {
                    text.push_str("\u{202f}; offre rejetée (article R2152-4).")
                }
            }
        }
    }
    text
}

/// The written request for explanations, ready to send: the price, what
/// the bidder may explain (the list of R2152-3) and the date to answer by.
pub fn request_letter(dossier: &Dossier, offer: &Offer, answer_by: NaiveDate) -> String {
    let scope = match offer.lot {
        Some(n) => {
            let title = dossier
                .purchase
                .lots
                .iter()
                .find(|l| l.number == n)
                .map(|l| format!(" «\u{a0}{}\u{a0}»", l.title))
                .unwrap_or_default();
            format!(", lot n°{NBSP}{n}{title}")
        }
        None => String::new(),
    };
    let price = offer
        .price
        .as_ref()
        .map(|p| format!(" ({})", money_ht(p.compared_cents)))
        .unwrap_or_default();
    let what = match &offer.variant {
        Some(_) => "votre variante",
        None => "votre offre",
    };
    format!(
        "Objet\u{a0}: {object} (consultation n°{NBSP}{reference}{scope}) — demande de précisions sur le prix de {what}\n\n\
Madame, Monsieur,\n\n\
Le prix de {what}{price} paraît anormalement bas. Avant toute décision, et en application des articles L2152-5 et R2152-3 du code de la commande publique, la commune vous demande de le justifier par écrit, au plus tard le {answer_by}, en précisant notamment\u{a0}:\n\n\
- le mode de fabrication des produits, les modalités de la prestation des services ou le procédé de construction\u{202f};\n\
- les solutions techniques adoptées ou les conditions exceptionnellement favorables dont vous disposez pour exécuter le marché\u{202f};\n\
- l’originalité de votre offre\u{202f};\n\
- le respect des obligations applicables en matière d’environnement, sociale et du travail au lieu d’exécution des prestations, y compris pour la part que vous envisagez de sous-traiter\u{202f};\n\
- l’obtention éventuelle d’une aide d’État.\n\n\
Joignez les pièces qui appuient vos explications (devis de fournisseurs, sous-détails de prix, effectifs et temps passés). Si ces précisions ne justifient pas le bas niveau du prix, ou en l’absence de réponse dans ce délai, l’offre sera rejetée (article R2152-4).\n\n\
Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.\n\n\
{buyer}",
        object = dossier.purchase.object,
        reference = dossier.reference,
        answer_by = french::date(answer_by),
        buyer = dossier.buyer.name,
    )
}
