//! Table-driven: each rule on both sides of its effective date.
mod common;

use dce_core::model::{CriterionKind, Nature, VariantPolicy};
use dce_core::rules::{check, Finding, Severity};

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

fn weights_finding(d: &dce_core::model::Dossier) -> Finding {
    check(d, common::date("2026-11-30"))
        .into_iter()
        .find(|f| f.code == "criteria.weights_total")
        .expect("finding")
}

#[test]
fn weights_should_total_100_a_rule_of_formal_procedures_only() {
    let mut d = common::catering();
    d.criteria[0].weight_percent = 50;
    let w = weights_finding(&d);
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.message.contains("110\u{a0}%"), "{}", w.message);
    assert!(w.message.contains("retirez 10 points"), "{}", w.message);
    d.criteria[0].weight_percent = 39;
    let w1 = weights_finding(&d);
    assert!(
        w1.message.contains("ajoutez 1 point pour"),
        "{}",
        w1.message
    );
    assert!(
        w.message.contains("procédures formalisées"),
        "{}",
        w.message
    );
    assert!(!w.message.contains("obligatoire"), "{}", w.message);
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
    let mut d = common::ordinary_services();
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

mod procedure {
    use super::common;
    use dce_core::model::Nature;
    use dce_core::rules::{procedure_advice, ProcedureKind};

    fn kind(nature: Nature, euros: i64, date: &str) -> ProcedureKind {
        let mut d = common::ordinary_services();
        d.purchase.nature = nature;
        d.purchase.estimated_amount_cents = euros * 100;
        procedure_advice(&d, common::date(date)).kind
    }

    #[test]
    fn services_at_50_000_change_on_1_april_2026() {
        assert_eq!(
            kind(Nature::Services, 50_000, "2026-03-15"),
            ProcedureKind::MapaFreePublicity
        );
        assert_eq!(
            kind(Nature::Services, 50_000, "2026-04-15"),
            ProcedureKind::Dispense
        );
    }

    #[test]
    fn works_dispense_up_to_100_000() {
        assert_eq!(
            kind(Nature::Works, 99_999, "2026-11-30"),
            ProcedureKind::Dispense
        );
        assert_eq!(
            kind(Nature::Works, 100_000, "2026-11-30"),
            ProcedureKind::MapaFormalPublicity
        );
    }

    #[test]
    fn publicity_and_eu_thresholds() {
        assert_eq!(
            kind(Nature::Supplies, 89_999, "2026-11-30"),
            ProcedureKind::MapaFreePublicity
        );
        assert_eq!(
            kind(Nature::Supplies, 90_000, "2026-11-30"),
            ProcedureKind::MapaFormalPublicity
        );
        // 216 000 € from 2026, 221 000 € in 2024-2025.
        assert_eq!(
            kind(Nature::Supplies, 218_000, "2025-12-31"),
            ProcedureKind::MapaFormalPublicity
        );
        assert_eq!(
            kind(Nature::Supplies, 218_000, "2026-01-01"),
            ProcedureKind::Formal
        );
        assert_eq!(
            kind(Nature::Works, 5_404_000, "2026-06-01"),
            ProcedureKind::Formal
        );
        assert_eq!(
            kind(Nature::Works, 5_404_000, "2025-06-01"),
            ProcedureKind::MapaFormalPublicity
        );
    }

    /// Each case: nature, amount in euros, date, the procedure expected.
    fn assert_kinds(cases: &[(Nature, i64, &str, ProcedureKind)]) {
        for &(nature, euros, date, expected) in cases {
            assert_eq!(
                kind(nature, euros, date),
                expected,
                "{nature:?} at {euros} € on {date}"
            );
        }
    }

    #[test]
    fn works_dispense_history_before_2026() {
        use ProcedureKind::*;
        assert_kinds(&[
            // 40 000 € until the loi ASAP, then 100 000 € temporarily until 2025-12-31.
            (Nature::Works, 50_000, "2020-12-07", MapaFreePublicity),
            (Nature::Works, 50_000, "2020-12-08", Dispense),
            (Nature::Works, 99_999, "2025-12-31", Dispense),
            (Nature::Works, 100_000, "2025-12-31", MapaFormalPublicity),
            // EU thresholds of 2022-2023 (215 000 €) and 2020-2021 (214 000 €).
            (Nature::Services, 214_500, "2023-12-31", MapaFormalPublicity),
            (Nature::Services, 214_500, "2021-12-31", Formal),
        ]);
    }

    #[test]
    fn unknown_thresholds_fail_closed() {
        use ProcedureKind::*;
        // Past the last known EU threshold (2027-12-31), even a small or a
        // very large contract is never taken for a MAPA.
        assert_kinds(&[
            (Nature::Works, 5_404_000, "2027-12-31", Formal),
            (Nature::Works, 10_000, "2028-01-01", ThresholdsUnknown),
            (Nature::Works, 10_000_000, "2028-01-01", ThresholdsUnknown),
            (Nature::Services, 100_000, "2019-12-31", ThresholdsUnknown),
        ]);
        let mut d = common::catering();
        d.purchase.estimated_amount_cents = 1_000_000_000;
        let f = dce_core::rules::check(&d, common::date("2028-01-01"));
        let unknown = f
            .iter()
            .find(|f| f.code == "procedure.thresholds_unknown")
            .expect("a finding says the thresholds must be checked");
        assert_eq!(unknown.severity, dce_core::rules::Severity::Blocking);
        assert!(
            unknown.message.contains("1er\u{a0}janvier\u{a0}2028"),
            "{}",
            unknown.message
        );
        assert!(!f.iter().any(|f| f.code == "procedure.dispense"));
    }

    #[test]
    fn advice_names_amounts_and_duties_in_french() {
        let mut d = common::ordinary_services();
        d.purchase.estimated_amount_cents = 7_000_000;
        let a = procedure_advice(&d, common::date("2026-11-30"));
        assert_eq!(a.title, "Marché à procédure adaptée — publicité libre");
        assert!(
            a.summary.contains("70\u{202F}000\u{a0}€\u{a0}HT"),
            "{}",
            a.summary
        );
        assert!(a.buyer_profile_required);
        assert!(a
            .duties
            .iter()
            .any(|d| d.contains("profil d’acheteur") || d.contains("profil d'acheteur")));
        assert!(
            a.duties.iter().any(|d| d.contains("R2122-9-1")),
            "innovative purchase mentioned under 100 000 €"
        );
    }
}

#[test]
fn formal_procedures_are_refused_with_an_explanation() {
    let mut d = common::ordinary_services();
    d.purchase.estimated_amount_cents = 30_000_000;
    assert_eq!(
        has(&d, "2026-11-30", "procedure.formal"),
        Some(Severity::Blocking)
    );
}

#[test]
fn buyer_profile_address_required_from_60_000() {
    let mut d = common::catering();
    d.submission.platform_url.clear();
    assert_eq!(
        has(&d, "2026-11-30", "procedure.buyer_profile"),
        Some(Severity::Blocking)
    );
    d.purchase.estimated_amount_cents = 5_000_000;
    assert_eq!(has(&d, "2026-11-30", "procedure.buyer_profile"), None);
    // Before 1 April 2026 the publication threshold was 40 000 €.
    assert_eq!(
        has(&d, "2026-03-31", "procedure.buyer_profile"),
        Some(Severity::Blocking)
    );
}

#[test]
fn local_preference_is_blocking_and_proximity_a_warning() {
    let mut d = common::catering();
    d.criteria[1].title = "Entreprise locale".into();
    let f = check(&d, common::date("2026-11-30"));
    let local = f
        .iter()
        .find(|f| f.code == "text.local_preference")
        .expect("local preference found");
    assert_eq!(
        (local.severity, local.field.as_str()),
        (Severity::Blocking, "criteria[1].title"),
        "the finding points at the box holding the word"
    );
    let mut d = common::catering();
    d.criteria[1].method = "Proximité du dépôt".into();
    assert_eq!(
        has(&d, "2026-11-30", "criteria.proximity"),
        Some(Severity::Warning)
    );
}

#[test]
fn a_need_naming_a_brand_is_flagged() {
    let mut d = common::catering();
    d.needs[0].level = "Four Rational® série 5".into();
    assert_eq!(has(&d, "2026-11-30", "text.brand"), Some(Severity::Warning));
    let f = check(&d, common::date("2026-11-30"));
    let brand = f.iter().find(|f| f.code == "text.brand").unwrap();
    assert_eq!(
        brand.field, "needs[0].level",
        "the finding points at the level box"
    );
}

#[test]
fn findings_point_at_the_box_to_fix() {
    let mut d = common::catering();
    d.criteria[0].weight_percent += 5;
    d.criteria[1].method.clear();
    d.needs[1].function.clear();
    d.questions[0].criterion_id = "inconnu".into();
    let f = check(&d, common::date("2026-11-30"));
    let field = |code: &str| f.iter().find(|f| f.code == code).map(|f| f.field.clone());
    assert_eq!(
        field("criteria.weights_total").as_deref(),
        Some("criteria[0].weight_percent")
    );
    assert_eq!(
        field("criteria.method").as_deref(),
        Some("criteria[1].method")
    );
    assert_eq!(
        field("need.incomplete").as_deref(),
        Some("needs[1].function")
    );
    assert_eq!(
        field("questions.criterion").as_deref(),
        Some("questions[0].criterion_id")
    );
}

#[test]
fn firm_prices_over_three_months_ask_about_revision() {
    let mut d = common::catering();
    d.execution.price_clause = dce_core::model::PriceClause::FirmWithActualisation {
        index: "TP01".into(),
    };
    assert_eq!(
        has(&d, "2026-11-30", "execution.price_revision"),
        Some(Severity::Warning)
    );
    d.purchase.duration_months = 3;
    assert_eq!(has(&d, "2026-11-30", "execution.price_revision"), None);
}

#[test]
fn derogations_must_cite_the_ccag_article() {
    let mut d = common::catering();
    d.execution.ccag_derogations[0].ccag_article.clear();
    assert_eq!(
        has(&d, "2026-11-30", "execution.derogation_article"),
        Some(Severity::Blocking)
    );
    d.execution.ccag = None;
    assert_eq!(
        has(&d, "2026-11-30", "execution.derogations_without_ccag"),
        Some(Severity::Warning)
    );
}

#[test]
fn school_catering_needs_the_egalim_shares() {
    let mut d = common::catering_shares_in_clauses_only();
    d.clauses.environmental_conditions.remove(0);
    for code in [
        "clauses.egalim_sustainable",
        "clauses.egalim_organic",
        "clauses.egalim_vegetarian",
    ] {
        assert_eq!(
            has(&d, "2026-11-30", code),
            Some(Severity::Blocking),
            "{code}"
        );
    }
    assert_eq!(
        has(&d, "2026-11-30", "clauses.egalim_meat_fish"),
        Some(Severity::Warning)
    );
}

#[test]
fn social_condition_above_eu_thresholds_from_21_august_2026() {
    let mut d = common::catering();
    d.purchase.estimated_amount_cents = 25_000_000;
    assert_eq!(has(&d, "2026-08-20", "clauses.social_condition"), None);
    assert_eq!(
        has(&d, "2026-08-21", "clauses.social_condition"),
        Some(Severity::Warning)
    );
}

#[test]
fn a_short_deadline_is_advice_only_because_the_law_sets_none() {
    let mut d = common::catering();
    let launch = d.purchase.launch_date.unwrap();
    d.submission.deadline = (launch + chrono::Duration::days(10)).and_hms_opt(12, 0, 0);
    assert_eq!(
        has(&d, "2026-11-30", "submission.deadline_short"),
        Some(Severity::Advice)
    );
}

#[test]
fn no_guarantee_for_an_advance_up_to_30_percent() {
    let mut d = common::catering();
    d.execution.advance.guarantee_required = true;
    assert_eq!(
        has(&d, "2026-11-30", "execution.advance_guarantee"),
        Some(Severity::Blocking)
    );
}

#[test]
fn minimum_turnover_is_capped_at_1_5_times_from_2026_a_warning() {
    let mut d = common::catering(); // 120 000 € HT
    d.submission.minimum_turnover_cents = Some(18_000_000);
    assert_eq!(
        has(&d, "2026-11-30", "submission.minimum_turnover"),
        None,
        "exactly 1.5 times is allowed"
    );
    d.submission.minimum_turnover_cents = Some(20_000_000);
    let f = check(&d, common::date("2026-11-30"));
    let t = f
        .iter()
        .find(|f| f.code == "submission.minimum_turnover")
        .expect("finding");
    // Duly justified exceptions exist: a warning, never blocking.
    assert_eq!(t.severity, Severity::Warning);
    assert!(
        t.message.contains("1,5 fois") && t.message.contains("180\u{202F}000"),
        "{}",
        t.message
    );
    // Before 2026 the ceiling was 2 times: 200 000 € is within it, 240 000 € too, not 240 001 €.
    assert_eq!(has(&d, "2025-12-31", "submission.minimum_turnover"), None);
    d.submission.minimum_turnover_cents = Some(24_000_000);
    assert_eq!(has(&d, "2025-12-31", "submission.minimum_turnover"), None);
    d.submission.minimum_turnover_cents = Some(24_000_100);
    assert_eq!(
        has(&d, "2025-12-31", "submission.minimum_turnover"),
        Some(Severity::Warning)
    );
}

#[test]
fn interim_payments_need_a_rhythm_monthly_for_works() {
    let mut d = common::catering();
    d.execution.interim_payments.clear();
    assert_eq!(
        has(&d, "2026-11-30", "execution.interim_payments"),
        Some(Severity::Warning)
    );
    d.execution.interim_payments = "À chaque étape achevée.".into();
    assert_eq!(
        has(&d, "2026-11-30", "execution.interim_payments_monthly"),
        None,
        "services"
    );
    d.purchase.nature = Nature::Works;
    assert_eq!(
        has(&d, "2026-11-30", "execution.interim_payments_monthly"),
        Some(Severity::Advice)
    );
}

#[test]
fn sustainable_specifications_from_21_august_2026() {
    let mut d = common::catering();
    d.needs
        .retain(|n| n.flexibility == dce_core::model::Flexibility::F0);
    d.needs
        .iter_mut()
        .for_each(|n| n.function = "Servir des repas chauds".into());
    d.needs
        .iter_mut()
        .for_each(|n| n.appraisal_criterion = "Température".into());
    d.needs.iter_mut().for_each(|n| n.level = "63 °C".into());
    assert_eq!(has(&d, "2026-08-20", "need.sustainable"), None);
    assert_eq!(
        has(&d, "2026-08-21", "need.sustainable"),
        Some(Severity::Advice)
    );
    d.needs[0].level = "Contenants réemployables".into();
    assert_eq!(has(&d, "2026-08-21", "need.sustainable"), None);
}

#[test]
fn essential_data_duty_is_listed_from_40_000() {
    let mut d = common::catering();
    let duty = |d: &dce_core::model::Dossier| {
        dce_core::rules::procedure_advice(d, common::date("2026-11-30"))
            .duties
            .iter()
            .any(|x| x.contains("R2196-1"))
    };
    assert!(duty(&d));
    d.purchase.estimated_amount_cents = 3_900_000;
    assert!(!duty(&d));
}
