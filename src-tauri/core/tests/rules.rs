//! Table-driven: each rule on both sides of its effective date.
mod common;

use dce_core::model::{CriterionKind, Nature, VariantPolicy};
use dce_core::rules::{check, Severity};

fn codes(d: &dce_core::model::Dossier, date: &str) -> Vec<(String, Severity)> {
    check(d, common::date(date))
        .into_iter()
        .map(|f| (f.code, f.severity))
        .collect()
}

fn has(d: &dce_core::model::Dossier, date: &str, code: &str) -> Option<Severity> {
    codes(d, date)
        .into_iter()
        .find(|(c, _)| c == code)
        .map(|(_, s)| s)
}

#[test]
fn the_sample_is_clean() {
    assert_eq!(codes(&common::catering(), "2026-11-30"), vec![]);
}

#[test]
fn weights_must_total_100() {
    let mut d = common::catering();
    d.criteria[0].weight_percent = 50;
    let f = check(&d, common::date("2026-11-30"));
    let w = f
        .iter()
        .find(|f| f.code == "criteria.weights_total")
        .expect("finding");
    assert_eq!(w.severity, Severity::Blocking);
    assert!(w.message.contains("110 %"), "{}", w.message);
    assert_eq!(w.reference, "R2152-12");
}

#[test]
fn price_only_is_refused_from_21_august_2026() {
    let mut d = common::catering();
    d.criteria.truncate(1);
    d.criteria[0].weight_percent = 100;
    assert_eq!(has(&d, "2026-08-20", "criteria.price_only"), None);
    assert_eq!(
        has(&d, "2026-08-21", "criteria.price_only"),
        Some(Severity::Blocking)
    );
    assert_eq!(has(&d, "2026-08-20", "criteria.no_environmental"), None);
    assert_eq!(
        has(&d, "2026-08-21", "criteria.no_environmental"),
        Some(Severity::Blocking)
    );
}

#[test]
fn under_the_dispense_the_environmental_criterion_is_advice() {
    let mut d = common::catering();
    d.criteria
        .retain(|c| c.kind != CriterionKind::Environmental);
    d.criteria[0].weight_percent = 65;
    d.purchase.estimated_amount_cents = 5_000_000; // 50 000 € of services
                                                   // From 1 April 2026 the services dispense threshold is 60 000 €.
    assert_eq!(
        has(&d, "2026-11-30", "criteria.no_environmental"),
        Some(Severity::Advice)
    );
    d.purchase.nature = Nature::Works;
    assert_eq!(
        has(&d, "2026-11-30", "criteria.no_environmental"),
        Some(Severity::Advice)
    );
    d.purchase.estimated_amount_cents = 15_000_000;
    assert_eq!(
        has(&d, "2026-11-30", "criteria.no_environmental"),
        Some(Severity::Blocking)
    );
}

#[test]
fn variants_need_minimum_requirements() {
    let mut d = common::catering();
    d.variants.minimum_requirements = vec!["  ".into()];
    assert_eq!(
        has(&d, "2026-11-30", "variants.minimum_requirements"),
        Some(Severity::Blocking)
    );
    d.variants.policy = VariantPolicy::Forbidden;
    assert_eq!(has(&d, "2026-11-30", "variants.minimum_requirements"), None);
}

#[test]
fn a_single_contract_needs_its_reason() {
    let mut d = common::catering();
    d.purchase.no_lots_reason.clear();
    assert_eq!(
        has(&d, "2026-11-30", "lots.no_reason"),
        Some(Severity::Blocking)
    );
}

#[test]
fn advance_payment_and_guarantee_limits() {
    let mut d = common::catering();
    d.execution.advance.percent = 0;
    d.execution.payment_period_days = 45;
    d.execution.retenue_garantie_percent = 10;
    let found = codes(&d, "2026-11-30");
    for code in [
        "execution.advance",
        "execution.payment_period",
        "execution.retenue_garantie",
    ] {
        assert!(
            found
                .iter()
                .any(|(c, s)| c == code && *s == Severity::Blocking),
            "{code} in {found:?}"
        );
    }
    // No advance is compulsory for two months or less.
    d.purchase.duration_months = 2;
    assert_eq!(has(&d, "2026-11-30", "execution.advance"), None);
}

#[test]
fn environmental_execution_condition_from_21_august_2026() {
    let mut d = common::catering();
    d.clauses.environmental_conditions.clear();
    assert_eq!(
        has(&d, "2026-08-20", "clauses.environmental_condition"),
        None
    );
    assert_eq!(
        has(&d, "2026-08-21", "clauses.environmental_condition"),
        Some(Severity::Blocking)
    );
}

#[test]
fn deadline_must_follow_the_launch() {
    let mut d = common::catering();
    d.submission.deadline = common::date("2026-11-29").and_hms_opt(12, 0, 0);
    assert_eq!(
        has(&d, "2026-11-30", "submission.deadline_before_launch"),
        Some(Severity::Blocking)
    );
    d.submission.deadline = None;
    assert_eq!(
        has(&d, "2026-11-30", "submission.deadline_missing"),
        Some(Severity::Blocking)
    );
}

#[test]
fn findings_come_most_severe_first() {
    let mut d = common::catering();
    d.criteria
        .retain(|c| c.kind != CriterionKind::Environmental);
    d.criteria[0].weight_percent = 65;
    d.purchase.estimated_amount_cents = 5_000_000;
    d.execution.payment_period_days = 60;
    let severities: Vec<Severity> = check(&d, common::date("2026-11-30"))
        .iter()
        .map(|f| f.severity)
        .collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(severities.first(), Some(&Severity::Blocking));
}
