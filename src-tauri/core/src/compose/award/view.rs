//! The analysis of the offers as the award documents read it: every value
//! already worded in French, computed once from the ranking so that the
//! report, the letters and the notice cannot disagree.

use crate::award::{self, AlertKind, LotRanking, RankedOffer};
use crate::compose::statements::criterion_method;
use crate::compose::{labels, procedure_used, MISSING};
use crate::french::{self, money_ht, typography, NBSP};
use crate::model::{Dossier, LowPriceDecision, Offer, TieBreak};
use chrono::NaiveDate;
use serde::Serialize;

/// The commune signs no contract before this many days after sending the
/// letters to the bidders not kept (the standstill of R2182-1, applied to a
/// MAPA too so that a référé précontractuel stays possible).
pub const STANDSTILL_DAYS: i64 = 11;

#[derive(Debug, Serialize)]
pub struct AwardView {
    /// The day the documents are written: « 3 décembre 2026 ».
    pub date: String,
    pub procedure: String,
    pub launch_date: String,
    pub deadline: String,
    /// « Avis publié sur le profil d’acheteur de la commune », one a channel.
    pub publicity: Vec<String>,
    pub criteria: Vec<CriterionView>,
    pub tie_break: String,
    pub low_offer_rule: String,
    /// What is still to do before the analysis is final; empty when it is.
    pub pending: Vec<String>,
    pub lots: Vec<LotView>,
    /// « 14 décembre 2026 »: no contract is signed before.
    pub signature_not_before: String,
    pub representative: String,
}

#[derive(Debug, Serialize)]
pub struct CriterionView {
    pub id: String,
    pub title: String,
    pub weight: u32,
    pub method: String,
    /// « Méthodologie (15 points) ».
    pub subcriteria: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct LotView {
    /// `None` for a contract without lots.
    pub number: Option<u32>,
    /// « Lot n° 1 — Isolation » or empty for a contract without lots.
    pub label: String,
    /// « au lot n° 1 » or « à la consultation », as a sentence continues.
    pub scope: String,
    pub received: usize,
    pub offers: Vec<OfferView>,
    /// Index in `offers` of the first-ranked offer, the one proposed.
    pub winner: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct OfferView {
    pub id: u32,
    /// « Isolation Dupont », with the variant when it is one.
    pub name: String,
    pub bidder: String,
    pub siret: String,
    pub group: String,
    pub received: String,
    pub price: String,
    /// « Admise » or why it is left out.
    pub standing: String,
    pub excluded: bool,
    /// « 1re », « 2e »; empty when left out.
    pub rank: String,
    pub total: String,
    /// One per criterion of the dossier, in its order; « — » when not scored.
    pub scores: Vec<String>,
    pub lines: Vec<LineView>,
    pub alerts: Vec<String>,
    pub low_price: Option<LowPriceView>,
    pub rounds: Vec<RoundView>,
}

#[derive(Debug, Serialize)]
pub struct LineView {
    pub title: String,
    /// « 12,00 / 15 », or « non noté / 15 ».
    pub points: String,
    pub justification: String,
}

#[derive(Debug, Serialize)]
pub struct LowPriceView {
    pub requested_on: String,
    pub request: Vec<String>,
    pub answered_on: String,
    pub answer: Vec<String>,
    pub decision: String,
}

#[derive(Debug, Serialize)]
pub struct RoundView {
    /// « Offre initiale », « 2e tour ».
    pub label: String,
    pub price: String,
    pub scores: Vec<String>,
}

/// The analysis of `dossier` on `today`.
pub fn award_view(dossier: &Dossier, today: NaiveDate) -> AwardView {
    let rankings = award::rankings(dossier);
    AwardView {
        date: french::date(today),
        procedure: procedure_used(dossier).title().to_string(),
        launch_date: dossier
            .purchase
            .launch_date
            .map(french::date)
            .unwrap_or_else(|| MISSING.into()),
        deadline: dossier
            .submission
            .deadline
            .map(french::datetime)
            .unwrap_or_else(|| MISSING.into()),
        publicity: dossier
            .procedure
            .publicity
            .iter()
            .map(|c| format!("Avis publié {}", labels::notice_channel(*c)))
            .chain(
                Some(dossier.submission.notice_publication.trim())
                    .filter(|s| !s.is_empty())
                    .map(typography),
            )
            .collect(),
        criteria: dossier
            .criteria
            .iter()
            .map(|c| CriterionView {
                id: c.id.clone(),
                title: typography(&c.title),
                weight: c.weight_percent,
                method: typography(&criterion_method(c)),
                subcriteria: c
                    .subcriteria
                    .iter()
                    .map(|s| format!("{} ({})", typography(&s.title), points_word(s.points)))
                    .collect(),
            })
            .collect(),
        tie_break: match dossier.award.tie_break {
            TieBreak::LowerPrice => "l’offre au prix le plus bas est classée la première",
            TieBreak::BetterQuality => {
                "l’offre la mieux notée sur les critères autres que le prix ou le coût est classée la première"
            }
        }
        .into(),
        low_offer_rule: format!(
            "une offre inférieure de plus de {}{NBSP}% à {} fait l’objet d’une demande de précisions écrite avant toute décision (articles L2152-5 et R2152-3 du code de la commande publique)",
            dossier.award.low_offer.percent_below,
            match dossier.award.low_offer.reference {
                crate::model::LowOfferReference::AverageOfOthers => "la moyenne des autres offres",
                crate::model::LowOfferReference::Estimate => "l’estimation de la commune",
            }
        ),
        pending: pending(dossier, &rankings),
        lots: rankings.iter().map(|r| lot_view(dossier, r)).collect(),
        signature_not_before: french::date(today + chrono::Duration::days(STANDSTILL_DAYS)),
        representative: [
            dossier.buyer.representative.name.trim(),
            dossier.buyer.representative.title.trim(),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| typography(s))
        .collect::<Vec<_>>()
        .join(", "),
    }
}

/// What keeps the analysis a draft: scores, prices or formulas missing, a
/// low-price exchange without decision, a tie the rules leave open.
fn pending(dossier: &Dossier, rankings: &[LotRanking]) -> Vec<String> {
    let mut items = Vec::new();
    for r in rankings {
        for o in &r.offers {
            let offer = find(dossier, o.id);
            let undecided_low = offer
                .low_price
                .as_ref()
                .is_none_or(|l| l.decision.is_none());
            for a in &o.alerts {
                let open = match a.kind {
                    AlertKind::AbnormallyLow => undecided_low,
                    AlertKind::NoPrice
                    | AlertKind::NoPriceFormula
                    | AlertKind::IncompleteScores
                    | AlertKind::Tie => true,
                };
                if open {
                    items.push(format!("{} — {}", offer_place(dossier, o), a.message));
                }
            }
        }
    }
    items
}

/// « Lot n° 1, offre n° 2 (Thermibat) ».
fn offer_place(dossier: &Dossier, o: &RankedOffer) -> String {
    let bidder = typography(&o.bidder);
    match o.lot {
        Some(n) if !dossier.purchase.lots.is_empty() => {
            format!("Lot n°{NBSP}{n}, offre n°{NBSP}{} ({bidder})", o.id)
        }
        _ => format!("Offre n°{NBSP}{} ({bidder})", o.id),
    }
}

fn find(dossier: &Dossier, id: u32) -> &Offer {
    dossier
        .offers
        .iter()
        .find(|o| o.id == id)
        .expect("a ranked offer is an offer of the dossier")
}

fn lot_view(dossier: &Dossier, r: &LotRanking) -> LotView {
    let lot = r
        .lot
        .and_then(|n| dossier.purchase.lots.iter().find(|l| l.number == n));
    let offers: Vec<OfferView> = r.offers.iter().map(|o| offer_view(dossier, o)).collect();
    LotView {
        number: r.lot,
        label: lot
            .map(|l| format!("Lot n°{NBSP}{} — {}", l.number, typography(&l.title)))
            .unwrap_or_default(),
        scope: lot
            .map(|l| format!("au lot n°{NBSP}{}", l.number))
            .unwrap_or_else(|| "à la consultation".into()),
        received: r.offers.len(),
        winner: r.offers.iter().position(|o| o.rank == Some(1)),
        offers,
    }
}

fn offer_view(dossier: &Dossier, o: &RankedOffer) -> OfferView {
    let offer = find(dossier, o.id);
    let bidder = &offer.bidder;
    OfferView {
        id: o.id,
        name: match &o.variant {
            Some(v) => format!(
                "{} (variante\u{a0}: {})",
                typography(&o.bidder),
                typography(v)
            ),
            None => typography(&o.bidder),
        },
        bidder: typography(&bidder.name),
        siret: bidder.siret.clone().unwrap_or_default(),
        group: if bidder.group {
            let members = bidder.group_members.join(", ");
            if members.is_empty() {
                "groupement d’entreprises".into()
            } else {
                typography(&format!("groupement avec {members}"))
            }
        } else {
            String::new()
        },
        received: offer
            .received_at
            .map(french::datetime)
            .unwrap_or_else(|| MISSING.into()),
        price: o.price_cents.map(money_ht).unwrap_or_else(|| "—".into()),
        standing: o
            .excluded
            .as_deref()
            .map(|e| typography(&capitalised(e)))
            .unwrap_or_else(|| "Admise".into()),
        excluded: o.excluded.is_some(),
        rank: o.rank.map(rank_label).unwrap_or_default(),
        total: o
            .total_hundredths
            .map(french::points)
            .unwrap_or_else(|| "—".into()),
        scores: dossier
            .criteria
            .iter()
            .map(|c| {
                o.scores_hundredths
                    .get(&c.id)
                    .map_or_else(|| "—".into(), |p| french::points(*p))
            })
            .collect(),
        lines: o
            .lines
            .iter()
            .map(|l| LineView {
                title: typography(&l.title),
                points: format!(
                    "{} / {}",
                    l.points_hundredths
                        .map_or_else(|| "non noté".into(), french::points),
                    french::decimal(l.max_hundredths)
                ),
                justification: typography(&l.justification),
            })
            .collect(),
        alerts: o.alerts.iter().map(|a| a.message.clone()).collect(),
        low_price: offer.low_price.as_ref().map(|l| LowPriceView {
            requested_on: french::date(l.requested_on),
            request: super::super::review::lines(&l.request)
                .iter()
                .map(|s| typography(s))
                .collect(),
            answered_on: l.answered_on.map(french::date).unwrap_or_default(),
            answer: super::super::review::lines(&l.answer)
                .iter()
                .map(|s| typography(s))
                .collect(),
            decision: match &l.decision {
                None => "à prendre".into(),
                Some(LowPriceDecision::Kept { reason }) => typography(&format!(
                    "offre maintenue, le prix étant justifié\u{a0}: {reason}"
                )),
                Some(LowPriceDecision::Rejected { reason }) => {
                    typography(&format!("offre rejetée (article R2152-4)\u{a0}: {reason}"))
                }
            },
        }),
        rounds: rounds(dossier, offer),
    }
}

/// The rounds before a negotiation, the first one kept as « Offre initiale ».
fn rounds(dossier: &Dossier, offer: &Offer) -> Vec<RoundView> {
    offer
        .previous_rounds
        .iter()
        .enumerate()
        .map(|(i, round)| RoundView {
            label: if i == 0 {
                "Offre initiale".into()
            } else {
                format!("{}e tour", i + 1)
            },
            price: round
                .price
                .as_ref()
                .map_or_else(|| "—".into(), |p| money_ht(p.compared_cents)),
            scores: round
                .scores
                .iter()
                .map(|s| {
                    format!(
                        "«\u{a0}{}\u{a0}»\u{a0}: {}",
                        typography(&scored_title(dossier, &s.criterion_id)),
                        french::points(s.points_hundredths)
                    )
                })
                .collect(),
        })
        .collect()
}

/// The title of a criterion or sub-criterion, its id when it is gone.
fn scored_title(dossier: &Dossier, id: &str) -> String {
    dossier
        .criteria
        .iter()
        .flat_map(|c| {
            std::iter::once((c.id.as_str(), c.title.as_str())).chain(
                c.subcriteria
                    .iter()
                    .map(|s| (s.id.as_str(), s.title.as_str())),
            )
        })
        .find(|(i, _)| *i == id)
        .map_or_else(|| id.to_string(), |(_, t)| t.to_string())
}

/// An offer's place: « 1re », « 2e ».
pub fn rank_label(rank: u32) -> String {
    match rank {
        1 => "1re".into(),
        n => format!("{n}e"),
    }
}

/// « 1 point », « 15 points ».
fn points_word(n: u32) -> String {
    if n > 1 {
        format!("{n}{NBSP}points")
    } else {
        format!("{n}{NBSP}point")
    }
}

/// `s` with its first letter in capitals.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
