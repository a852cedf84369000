//! Values the DCE's statements need beyond the dossier itself: the
//! competent tribunal, the questions calendar, the social-vigilance duty.

use crate::award::{formula_wording, is_priced};
use crate::french;
use crate::model::{AwardCriterion, Dossier};
use crate::rules::tribunals::{self, Tribunal};
use chrono::{Duration, NaiveDateTime};
use minijinja::value::{Serde, Value};
use serde::Serialize;

/// Questions are taken until 10 days before the deadline and answered
/// until 6 days before: R2132-6 binds only formal procedures, but it is
/// the safe practice in a MAPA too.
const QUESTIONS_DAYS_BEFORE: i64 = 10;
const ANSWERS_DAYS_BEFORE: i64 = 6;

/// From this amount (euro cents HT) of a contract, the buyer checks the
/// contractor's URSSAF vigilance attestation every six months until the
/// end of the contract (code du travail, L8222-1 and D8222-1).
const VIGILANCE_FROM_CENTS: i64 = 500_000;

#[derive(Serialize)]
struct Statements {
    /// Competent for the buyer's commune; none when its postcode is not in the table.
    tribunal: Option<Tribunal>,
    /// « 20 décembre 2026 à 12 h 00 »; none without a deadline.
    questions_until: Option<String>,
    answers_until: Option<String>,
    /// Whether every contract (each lot, or the whole) reaches the vigilance amount.
    vigilance_every_six_months: bool,
    /// How each criterion is scored, in the order of the criteria.
    criteria_methods: Vec<String>,
}

/// The values added to the DCE template's context.
pub fn values(dossier: &Dossier) -> Value {
    let deadline = dossier.submission.deadline;
    let before =
        |days: i64| deadline.map(|d: NaiveDateTime| french::datetime(d - Duration::days(days)));
    let lots = &dossier.purchase.lots;
    let smallest_contract = if lots.is_empty() {
        dossier.purchase.estimated_amount_cents
    } else {
        lots.iter()
            .map(|l| l.estimated_amount_cents)
            .min()
            .unwrap_or_default()
    };
    Value::from(Serde(Statements {
        tribunal: tribunals::for_postcode(&dossier.buyer.address.postcode),
        questions_until: before(QUESTIONS_DAYS_BEFORE),
        answers_until: before(ANSWERS_DAYS_BEFORE),
        vigilance_every_six_months: smallest_contract >= VIGILANCE_FROM_CENTS,
        criteria_methods: dossier.criteria.iter().map(criterion_method).collect(),
    }))
}

/// A criterion's scoring method as bidders read it: for a price or cost
/// criterion with a formula, the formula worded from its data, then what
/// the buyer wrote about the amount scored.
pub(super) fn criterion_method(c: &AwardCriterion) -> String {
    match c.price_formula {
        Some(f) if is_priced(c) => {
            let formula = formula_wording(f, c.kind, c.weight_percent);
            match c.method.trim() {
                "" => formula,
                method => format!("{method} {formula}"),
            }
        }
        _ => c.method.clone(),
    }
}
