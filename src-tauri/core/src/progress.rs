//! How far each step of the guided path is: complete, still plainly empty,
//! or concerned by a finding to correct. The editor's step dots, the review
//! window and the review sheet all read this, so they always agree.

use crate::model::{Dossier, VariantPolicy};
use crate::rules::{Finding, Severity};
use crate::sections::{step_of_field, STEPS};
use serde::Serialize;
use ts_rs::TS;

/// The state of one step, as the dot beside it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Complete,
    /// Something a person can see is empty.
    Incomplete,
    /// A blocking or warning finding concerns one of its fields.
    Problems,
    /// Nothing to judge (the export step, or the procedure with no finding).
    Neutral,
}

impl StepStatus {
    /// The French words read beside the dot (by screen readers too).
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Complete => "complète",
            StepStatus::Incomplete => "à compléter",
            StepStatus::Problems => "points à corriger",
            StepStatus::Neutral => "",
        }
    }
}

/// One step with its state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StepState {
    pub key: &'static str,
    pub title: &'static str,
    pub status: StepStatus,
    /// `status` in French; empty when neutral.
    pub label: &'static str,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Whether the step `key` still lacks something a person can see is empty.
fn incomplete(key: &str, d: &Dossier) -> bool {
    match key {
        "buyer" => {
            blank(&d.buyer.name)
                || blank(&d.buyer.siret)
                || blank(&d.buyer.address.city)
                || blank(&d.buyer.representative.name)
                || blank(&d.buyer.questions_contact.email)
        }
        "purchase" => {
            blank(&d.purchase.object)
                || d.purchase.estimated_amount_cents <= 0
                || d.purchase.duration_months == 0
                || d.purchase.launch_date.is_none()
        }
        "lots" => d.purchase.lots.is_empty() && blank(&d.purchase.no_lots_reason),
        "need" => d.needs.is_empty(),
        "variants" => {
            d.variants.policy != VariantPolicy::Forbidden
                && d.variants.minimum_requirements.is_empty()
        }
        "criteria" => {
            d.criteria.is_empty() || d.criteria.iter().map(|c| c.weight_percent).sum::<u32>() != 100
        }
        "frames" => d.questions.is_empty(),
        "clauses" => d.clauses.environmental_conditions.is_empty(),
        "execution" => d.execution.payment_period_days == 0,
        "prices" => d.prices.schedules.is_empty(),
        "submission" => d.submission.deadline.is_none() || blank(&d.submission.platform_url),
        _ => false,
    }
}

/// The keys of the steps where something is still plainly empty, in the
/// editor's order.
pub fn incomplete_steps(d: &Dossier) -> Vec<&'static str> {
    STEPS
        .iter()
        .map(|s| s.key)
        .filter(|k| incomplete(k, d))
        .collect()
}

/// Every step with its state. Advice never marks a step to correct; the
/// procedure step has nothing to fill (the rules propose one when none is
/// chosen), so it is neutral unless a finding concerns it.
pub fn step_states(d: &Dossier, findings: &[Finding]) -> Vec<StepState> {
    let serious: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity != Severity::Advice)
        .collect();
    STEPS
        .iter()
        .map(|s| {
            let status = match s.key {
                "export" => StepStatus::Neutral,
                "check" if serious.is_empty() => StepStatus::Complete,
                "check" => StepStatus::Problems,
                key if serious.iter().any(|f| step_of_field(&f.field) == key) => {
                    StepStatus::Problems
                }
                "procedure" => StepStatus::Neutral,
                key if incomplete(key, d) => StepStatus::Incomplete,
                _ => StepStatus::Complete,
            };
            StepState {
                key: s.key,
                title: s.title,
                status,
                label: status.label(),
            }
        })
        .collect()
}

/// What the editor learns from the dossier on screen each time it changes:
/// the findings, and the state of each step they and the dossier give.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftCheck {
    pub findings: Vec<Finding>,
    pub steps: Vec<StepState>,
}
