//! The state of each step: what colours the editor's dots and fills the
//! review sheet's « étapes à compléter ».

mod common;

use dce_core::progress::{incomplete_steps, step_states, StepStatus};
use dce_core::rules::{Finding, Severity};
use dce_core::samples;

fn finding(field: &str, severity: Severity) -> Finding {
    Finding {
        severity,
        code: "x".into(),
        message: String::new(),
        reference: String::new(),
        field: field.into(),
    }
}

fn status(key: &str, d: &dce_core::model::Dossier, findings: &[Finding]) -> StepStatus {
    step_states(d, findings)
        .into_iter()
        .find(|s| s.key == key)
        .expect("step")
        .status
}

#[test]
fn a_complete_sample_has_no_incomplete_step() {
    assert_eq!(incomplete_steps(&common::catering()), Vec::<&str>::new());
}

#[test]
fn the_blank_dossier_lists_its_empty_steps_in_the_editor_order() {
    let d = samples::blank().instantiate(common::date("2026-11-22"), "u".into());
    let steps = incomplete_steps(&d);
    for key in ["buyer", "need", "criteria", "frames", "prices"] {
        assert!(
            steps.contains(&key),
            "{key} should be incomplete: {steps:?}"
        );
    }
    let order: Vec<usize> = steps
        .iter()
        .map(|k| dce_core::sections::step_rank(k))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
}

#[test]
fn each_emptiness_marks_its_step() {
    let mut d = common::catering();
    d.purchase.launch_date = None;
    d.criteria[0].weight_percent += 5;
    d.submission.platform_url = " ".into();
    d.purchase.no_lots_reason.clear();
    assert_eq!(
        incomplete_steps(&d),
        vec!["purchase", "lots", "criteria", "submission"]
    );
}

#[test]
fn findings_mark_their_step_to_correct_but_advice_never_does() {
    let d = common::catering();
    assert_eq!(status("buyer", &d, &[]), StepStatus::Complete);
    assert_eq!(
        status("buyer", &d, &[finding("buyer.siret", Severity::Warning)]),
        StepStatus::Problems
    );
    assert_eq!(
        status("buyer", &d, &[finding("buyer.siret", Severity::Advice)]),
        StepStatus::Complete
    );
    assert_eq!(
        status("check", &d, &[finding("buyer.siret", Severity::Blocking)]),
        StepStatus::Problems
    );
    assert_eq!(status("check", &d, &[]), StepStatus::Complete);
    assert_eq!(status("export", &d, &[]), StepStatus::Neutral);
}

#[test]
fn the_procedure_step_is_neutral_unless_a_finding_concerns_it() {
    let mut d = common::catering();
    d.purchase.object.clear();
    assert_eq!(
        status(
            "procedure",
            &d,
            &[finding("purchase.object", Severity::Blocking)]
        ),
        StepStatus::Neutral
    );
    assert_eq!(status("purchase", &d, &[]), StepStatus::Incomplete);
    assert_eq!(
        status(
            "procedure",
            &d,
            &[finding("procedure.sourcing", Severity::Blocking)]
        ),
        StepStatus::Problems
    );
}

#[test]
fn every_state_has_its_french_label() {
    let states = step_states(&common::catering(), &[]);
    assert_eq!(states.len(), dce_core::sections::STEPS.len());
    let buyer = &states[0];
    assert_eq!(
        (buyer.key, buyer.title, buyer.label),
        ("buyer", "Acheteur", "complète")
    );
    assert_eq!(StepStatus::Incomplete.label(), "à compléter");
    assert_eq!(StepStatus::Problems.label(), "points à corriger");
}
