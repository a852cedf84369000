//! The analysis of a lot: every offer scored with the dossier's own
//! criteria, ranked, with the alerts the buyer must act on. This is what
//! the CLI, the UI and the analysis report read.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::low_offer;
use super::price_formula::formula_points_hundredths;
use super::standing::{exclusion, is_late};
use crate::french::typography;
use crate::model::{AwardCriterion, CriterionKind, Dossier, Offer, TieBreak};

/// The offers of one lot (or of the contract without lots), ranked first, then the others.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LotRanking {
    pub lot: Option<u32>,
    pub offers: Vec<RankedOffer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RankedOffer {
    pub id: u32,
    pub bidder: String,
    pub lot: Option<u32>,
    /// The variant's description; `None` for a base offer.
    pub variant: Option<String>,
    /// The amount compared, excluding VAT.
    #[ts(type = "number | null")]
    pub price_cents: Option<i64>,
    /// Criterion id → points, in hundredths, for every criterion scored so far.
    #[ts(type = "Record<string, number>")]
    pub scores_hundredths: BTreeMap<String, i64>,
    /// The sum of the scores, for an offer in competition.
    #[ts(type = "number | null")]
    pub total_hundredths: Option<i64>,
    /// From 1; offers tied after the DCE's tie-break share a rank. `None` when left out.
    pub rank: Option<u32>,
    /// Why the offer is left out of the ranking, in French.
    pub excluded: Option<String>,
    /// Each line the buyer scores by hand, with its justification and the
    /// frame questions whose answers it judges.
    pub lines: Vec<ScoreLine>,
    pub alerts: Vec<Alert>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ScoreLine {
    /// The criterion it counts under.
    pub criterion_id: String,
    /// The sub-criterion, or the criterion itself when it has none.
    pub scored_id: String,
    pub title: String,
    #[ts(type = "number")]
    pub max_hundredths: i64,
    #[ts(type = "number | null")]
    pub points_hundredths: Option<i64>,
    pub justification: String,
    /// The frame questions answered under it, by id.
    pub question_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Alert {
    pub kind: AlertKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// Below the DCE's threshold: ask for explanations (never an exclusion).
    AbnormallyLow,
    /// In competition without a price.
    NoPrice,
    /// A price or cost criterion without a formula: its score cannot be computed.
    NoPriceFormula,
    /// Lines not scored yet.
    IncompleteScores,
    /// Same total and same tie-break value as another offer.
    Tie,
}

/// Every lot of the dossier (in the order of its lots), with its offers
/// scored and ranked. A lot without offers is listed with none.
pub fn rankings(dossier: &Dossier) -> Vec<LotRanking> {
    let lots: Vec<Option<u32>> = if dossier.purchase.lots.is_empty() {
        vec![None]
    } else {
        dossier
            .purchase
            .lots
            .iter()
            .map(|l| Some(l.number))
            .collect()
    };
    lots.into_iter()
        .map(|lot| lot_ranking(dossier, lot))
        .collect()
}

/// One lot (`None` for a contract without lots).
pub fn lot_ranking(dossier: &Dossier, lot: Option<u32>) -> LotRanking {
    let offers: Vec<&Offer> = dossier.offers.iter().filter(|o| o.lot == lot).collect();
    let competing: Vec<&Offer> = offers
        .iter()
        .copied()
        .filter(|o| exclusion(dossier, o).is_none())
        .collect();
    let prices: Vec<i64> = competing.iter().filter_map(|o| price_of(o)).collect();
    let lowest = prices.iter().copied().min();
    let highest = prices.iter().copied().max();
    let mut ranked: Vec<RankedOffer> = offers
        .iter()
        .map(|o| {
            let excluded = exclusion(dossier, o);
            let in_competition = excluded.is_none();
            let mut alerts = Vec::new();
            let mut scores = BTreeMap::new();
            let mut lines = Vec::new();
            if !is_late(dossier, o) {
                for c in &dossier.criteria {
                    if is_priced(c) {
                        if !in_competition {
                            continue;
                        }
                        match (c.price_formula, price_of(o), lowest, highest) {
                            (None, ..) => alerts.push(Alert {
                                kind: AlertKind::NoPriceFormula,
                                message: format!("Le critère «\u{a0}{}\u{a0}» n’a pas de formule de notation\u{a0}: choisissez-la dans le dossier pour que sa note soit calculée.", typography(&c.title)),
                            }),
                            (Some(f), Some(price), Some(low), Some(high)) => {
                                if let Some(p) = formula_points_hundredths(f, c.weight_percent, low, high, price) {
                                    scores.insert(c.id.clone(), p);
                                }
                            }
                            _ => {}
                        }
                    } else {
                        let own = score_lines(dossier, c, o);
                        let entered: Vec<i64> = own.iter().filter_map(|l| l.points_hundredths).collect();
                        if !entered.is_empty() {
                            scores.insert(c.id.clone(), entered.iter().sum());
                        }
                        lines.extend(own);
                    }
                }
            }
            let price = price_of(o);
            if in_competition {
                if price.is_none() {
                    alerts.push(Alert {
                        kind: AlertKind::NoPrice,
                        message: "Aucun prix n’est enregistré pour cette offre\u{a0}: relisez son bordereau des prix ou saisissez son montant.".into(),
                    });
                }
                let missing: Vec<&str> = lines
                    .iter()
                    .filter(|l| l.points_hundredths.is_none())
                    .map(|l| l.title.as_str())
                    .collect();
                if !missing.is_empty() {
                    alerts.push(Alert {
                        kind: AlertKind::IncompleteScores,
                        message: format!(
                            "Notation incomplète\u{a0}: {} reste{} à noter.",
                            missing.iter().map(|t| format!("«\u{a0}{}\u{a0}»", typography(t))).collect::<Vec<_>>().join(", "),
                            if missing.len() > 1 { "nt" } else { "" }
                        ),
                    });
                }
            }
            // An offer rejected as abnormally low keeps its alert: it says what was decided.
            let rejected_low = o
                .low_price
                .as_ref()
                .is_some_and(|l| matches!(l.decision, Some(crate::model::LowPriceDecision::Rejected { .. })));
            if let (Some(price), true) = (price, in_competition || rejected_low) {
                let others: Vec<i64> = competing
                    .iter()
                    .filter(|c| c.id != o.id)
                    .filter_map(|c| price_of(c))
                    .collect();
                if let Some(r) = low_offer::reference(dossier, lot, &others) {
                    if low_offer::is_below(price, dossier.award.low_offer.percent_below, &r) {
                        alerts.push(Alert {
                            kind: AlertKind::AbnormallyLow,
                            message: low_offer::alert_message(dossier, o, price, &r),
                        });
                    }
                }
            }
            RankedOffer {
                id: o.id,
                bidder: o.bidder.name.clone(),
                lot: o.lot,
                variant: o.variant.clone(),
                price_cents: price,
                total_hundredths: in_competition.then(|| scores.values().sum()),
                scores_hundredths: scores,
                rank: None,
                excluded,
                lines,
                alerts,
            }
        })
        .collect();
    rank(dossier, &mut ranked);
    LotRanking {
        lot,
        offers: ranked,
    }
}

fn price_of(offer: &Offer) -> Option<i64> {
    offer.price.as_ref().map(|p| p.compared_cents)
}

/// Price and life-cycle cost criteria are computed from the offer's amount.
pub fn is_priced(c: &AwardCriterion) -> bool {
    matches!(c.kind, CriterionKind::Price | CriterionKind::LifeCycleCost)
}

/// The lines of a criterion the buyer scores by hand: its sub-criteria, or itself.
fn score_lines(dossier: &Dossier, c: &AwardCriterion, offer: &Offer) -> Vec<ScoreLine> {
    let targets: Vec<(&str, &str, u32)> = if c.subcriteria.is_empty() {
        vec![(&c.id, &c.title, c.weight_percent)]
    } else {
        c.subcriteria
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str(), s.points))
            .collect()
    };
    targets
        .into_iter()
        .map(|(id, title, points)| {
            let score = offer.scores.iter().find(|s| s.criterion_id == id);
            ScoreLine {
                criterion_id: c.id.clone(),
                scored_id: id.into(),
                title: title.into(),
                max_hundredths: i64::from(points) * 100,
                points_hundredths: score.map(|s| s.points_hundredths),
                justification: score.map(|s| s.justification.clone()).unwrap_or_default(),
                question_ids: dossier
                    .questions
                    .iter()
                    .filter(|q| q.criterion_id == id)
                    .map(|q| q.id.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Orders the offers in competition by total, then by the DCE's tie-break;
/// offers still equal share a rank and carry a tie alert. The others follow, by id.
fn rank(dossier: &Dossier, offers: &mut [RankedOffer]) {
    let tie_value = |o: &RankedOffer| -> i64 {
        match dossier.award.tie_break {
            // Lower is better: negated so that higher is better for both.
            TieBreak::LowerPrice => -o.price_cents.unwrap_or(i64::MAX),
            TieBreak::BetterQuality => dossier
                .criteria
                .iter()
                .filter(|c| !is_priced(c))
                .filter_map(|c| o.scores_hundredths.get(&c.id))
                .sum(),
        }
    };
    let key = |o: &RankedOffer| o.total_hundredths.map(|t| (t, tie_value(o)));
    offers.sort_by(|a, b| match (key(a), key(b)) {
        (Some(x), Some(y)) => y.cmp(&x).then(a.id.cmp(&b.id)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    });
    let keys: Vec<_> = offers.iter().map(key).collect();
    for i in 0..offers.len() {
        let Some(k) = keys[i] else { break };
        let first = keys.iter().position(|other| *other == Some(k)).unwrap_or(i);
        offers[i].rank = Some(first as u32 + 1);
        let tied: Vec<String> = (0..offers.len())
            .filter(|&j| j != i && keys[j] == Some(k))
            .map(|j| format!("n°\u{a0}{}", offers[j].id))
            .collect();
        if !tied.is_empty() {
            offers[i].alerts.push(Alert {
                kind: AlertKind::Tie,
                message: format!(
                    "Égalité avec l’offre {} que la règle de départage du dossier ne tranche pas\u{a0}: procédez au tirage au sort qu’il prévoit et consignez-en le résultat.",
                    tied.join(", ")
                ),
            });
        }
    }
}
