//! The checks on the price schedule: each finding on a dossier crafted from
//! a sample, none on the samples themselves.
mod common;

use dce_core::fields::field_label;
use dce_core::model::{Dossier, LinePricing};
use dce_core::rules::{check, Finding, Severity};
use dce_core::samples;

fn sample(name: &str) -> Dossier {
    samples::find(name)
        .expect("sample")
        .instantiate(common::date("2026-11-22"), "test-uid".into())
}

fn findings(d: &Dossier) -> Vec<Finding> {
    check(
        d,
        d.purchase
            .launch_date
            .expect("the samples set a launch date"),
    )
}

/// Every finding of `code`.
fn of(d: &Dossier, code: &str) -> Vec<Finding> {
    findings(d).into_iter().filter(|f| f.code == code).collect()
}

/// The one finding of `code`.
fn one(d: &Dossier, code: &str) -> Finding {
    let found = of(d, code);
    assert_eq!(found.len(), 1, "one {code} expected: {found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn no_sample_has_a_price_finding() {
    for s in samples::all() {
        let d = sample(s.name);
        let prices: Vec<Finding> = findings(&d)
            .into_iter()
            .filter(|f| f.code.starts_with("prices."))
            .collect();
        assert!(prices.is_empty(), "{}: {prices:#?}", s.name);
        assert!(!d.prices.schedules.is_empty(), "{} has no schedule", s.name);
    }
}

#[test]
fn a_dossier_without_a_schedule_cannot_be_exported_as_final() {
    let mut d = common::catering();
    d.prices.schedules.clear();
    let f = one(&d, "prices.missing");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(f.field, "prices.schedules");
    assert_eq!(f.reference, "R2112-6");
    assert!(f.message.contains("bordereau des prix"), "{}", f.message);
    // A dossier with nothing written yet is asked for its object first.
    d.purchase.object.clear();
    assert!(of(&d, "prices.missing").is_empty());
}

#[test]
fn each_lot_has_exactly_one_schedule() {
    let mut d = sample("renovation-salle-des-fetes");
    d.prices.schedules.retain(|s| s.lot != Some(3));
    let f = one(&d, "prices.lot_missing");
    assert_eq!(f.severity, Severity::Blocking);
    assert!(f.message.contains("lot 3"), "{}", f.message);
    assert!(
        f.message.contains("Menuiseries extérieures"),
        "{}",
        f.message
    );

    let mut d = sample("renovation-salle-des-fetes");
    d.prices.schedules[2].lot = Some(7);
    let f = one(&d, "prices.unknown_lot");
    assert_eq!(f.field, "prices.schedules[2].lot");
    assert!(f.message.contains("lot 7"), "{}", f.message);
    assert_eq!(one(&d, "prices.lot_missing").severity, Severity::Blocking);

    let mut d = sample("renovation-salle-des-fetes");
    d.prices.schedules[2].lot = Some(1);
    let f = one(&d, "prices.duplicate_lot");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(f.field, "prices.schedules[2].lot");
    assert!(
        f.message.contains("Le lot 1 a deux bordereaux"),
        "{}",
        f.message
    );

    // A schedule for no lot in a dossier with lots, and the reverse.
    let mut d = sample("renovation-salle-des-fetes");
    d.prices.schedules[0].lot = None;
    assert!(one(&d, "prices.unknown_lot")
        .message
        .contains("n’est rattaché à aucun lot"));
    let mut d = common::catering();
    d.prices.schedules[0].lot = Some(1);
    assert!(one(&d, "prices.unknown_lot")
        .message
        .contains("n’est pas divisé en lots"));
}

#[test]
fn the_schedule_prices_the_way_the_price_form_says() {
    // Unit prices announced, a chapter priced as a lump sum.
    let mut d = common::catering();
    d.prices.schedules[0].chapters[1].pricing = LinePricing::LumpSum;
    let f = one(&d, "prices.form_mismatch");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(f.field, "prices.schedules[0].chapters[1].pricing");
    assert_eq!(f.reference, "R2112-6");
    assert!(
        f.message.contains("prix unitaires\u{202f}»"),
        "{}",
        f.message
    );
    assert!(f.message.contains("Goûter"), "{}", f.message);

    // A lump sum announced, a chapter of lot 2 at unit prices.
    let mut d = sample("renovation-salle-des-fetes");
    d.prices.schedules[1].chapters[0].pricing = LinePricing::Unit;
    let f = one(&d, "prices.form_mismatch");
    assert_eq!(f.field, "prices.schedules[1].chapters[0].pricing");
    assert!(f.message.contains("du lot 2"), "{}", f.message);

    // Mixed prices with a lump sum only.
    let mut d = sample("nettoyage-batiments");
    for c in &mut d.prices.schedules[0].chapters {
        c.pricing = LinePricing::LumpSum;
    }
    let f = one(&d, "prices.form_mixed_one_kind");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message.contains("partie à prix unitaires"),
        "{}",
        f.message
    );
    assert!(of(&d, "prices.form_mismatch").is_empty());
}

#[test]
fn unit_prices_need_an_estimated_quantity_the_lump_sum_does_not() {
    let mut d = common::catering();
    d.prices.schedules[0].chapters[0].lines[1].quantity_thousandths = None;
    let f = one(&d, "prices.quantity_missing");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(
        f.field,
        "prices.schedules[0].chapters[0].lines[1].quantity_thousandths"
    );
    assert!(f.message.contains("ligne 1.2"), "{}", f.message);
    assert!(
        f.message.contains("Repas enfant d’élémentaire"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("détail quantitatif estimatif"),
        "{}",
        f.message
    );

    // A DPGF quantity is an indication: the bidder gives its own.
    let mut d = sample("aire-de-jeux");
    d.prices.schedules[0].chapters[0].lines[2].quantity_thousandths = None;
    assert!(of(&d, "prices.quantity_missing").is_empty());

    for q in [0, -1_000] {
        d.prices.schedules[0].chapters[0].lines[2].quantity_thousandths = Some(q);
        let f = one(&d, "prices.quantity_not_positive");
        assert_eq!(f.severity, Severity::Blocking);
        assert!(f.message.contains("ligne 1.3"), "{}", f.message);
    }
}

#[test]
fn every_chapter_has_lines_and_every_line_a_designation() {
    let mut d = common::catering();
    d.prices.schedules[0].chapters[0].lines[3].designation = "  ".into();
    let f = one(&d, "prices.line_designation");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(
        f.field,
        "prices.schedules[0].chapters[0].lines[3].designation"
    );
    assert!(f.message.contains("ligne 1.4"), "{}", f.message);

    d.prices.schedules[0].chapters[1].lines.clear();
    let f = one(&d, "prices.chapter_empty");
    assert_eq!(f.field, "prices.schedules[0].chapters[1].lines");
    assert!(f.message.contains("Goûter"), "{}", f.message);

    let mut d = sample("deneigement");
    d.prices.schedules[1].chapters.clear();
    let f = one(&d, "prices.schedule_empty");
    assert_eq!(f.field, "prices.schedules[1].chapters");
    assert!(f.message.contains("du lot 2"), "{}", f.message);
}

#[test]
fn a_pse_chapter_prices_a_pse_of_the_dossier_and_every_pse_is_priced() {
    let mut d = common::catering();
    d.prices.schedules[0].chapters[1].pse = Some(3);
    let f = one(&d, "prices.pse_unknown");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(f.field, "prices.schedules[0].chapters[1].pse");
    assert!(f.message.contains("n° 3"), "{}", f.message);
    // Its PSE 1, optional, is then priced nowhere.
    let f = one(&d, "prices.pse_not_priced");
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message.contains("Goûter pour l’accueil périscolaire"),
        "{}",
        f.message
    );

    // The playground's fence must be priced: offers are compared with it.
    let mut d = sample("aire-de-jeux");
    d.prices.schedules[0].chapters.retain(|c| c.pse.is_none());
    let f = one(&d, "prices.pse_not_priced");
    assert_eq!(f.severity, Severity::Blocking);
    assert!(f.message.contains("obligatoire"), "{}", f.message);

    // One lot pricing a PSE shared by two lots is enough.
    let mut d = sample("materiel-informatique");
    d.prices.schedules[1].chapters.retain(|c| c.pse.is_none());
    assert!(of(&d, "prices.pse_not_priced").is_empty());
}

#[test]
fn ids_are_unique_within_the_dossier() {
    let mut d = sample("deneigement");
    d.prices.schedules[1].chapters[0].lines[2].id = "L1".into();
    let f = one(&d, "prices.duplicate_id");
    assert_eq!(f.severity, Severity::Blocking);
    assert_eq!(f.field, "prices.schedules[1].chapters[0].lines[2]");
    assert!(f.message.contains("«\u{202f}L1\u{202f}»"), "{}", f.message);
    assert!(f.message.contains("ligne 1.1"), "{}", f.message);
    assert!(f.message.contains("ligne 1.3"), "{}", f.message);

    let mut d = common::catering();
    d.prices.schedules[0].chapters[1].id = "C1".into();
    assert_eq!(
        one(&d, "prices.duplicate_id").field,
        "prices.schedules[0].chapters[1]"
    );
}

#[test]
fn the_price_criterion_says_which_total_it_scores() {
    let mut d = common::catering();
    d.criteria[0].method = "Note = 40 × (prix le plus bas ÷ prix de l'offre).".into();
    let f = one(&d, "prices.criterion_basis");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.field, "criteria[0].method");
    assert_eq!(f.reference, "R2152-11");
    assert!(
        f.message.contains("détail quantitatif estimatif"),
        "{}",
        f.message
    );
    assert!(!f.message.contains("forfaitaire"), "{}", f.message);

    // Mixed prices: the method names both totals; this one names the DQE only.
    let mut d = sample("nettoyage-batiments");
    let i = d
        .criteria
        .iter()
        .position(|c| c.id == "prix")
        .expect("price criterion");
    d.criteria[i].method = "Note = 40 × (montant le plus bas ÷ montant de l'offre), le montant étant celui du détail quantitatif estimatif.".into();
    let f = one(&d, "prices.criterion_basis");
    assert_eq!(f.field, format!("criteria[{i}].method"));
    assert!(
        f.message.contains("prix global et forfaitaire"),
        "{}",
        f.message
    );
    assert!(!f.message.contains("(DQE)"), "{}", f.message);

    // A life-cycle cost is computed on the schedule's total too.
    let mut d = sample("eclairage-public-led");
    let i = d
        .criteria
        .iter()
        .position(|c| c.kind == dce_core::model::CriterionKind::LifeCycleCost)
        .expect("cost criterion");
    d.criteria[i].method = "Coût global = prix de l'offre + électricité sur 20 ans.".into();
    assert_eq!(
        one(&d, "prices.criterion_basis").field,
        format!("criteria[{i}].method")
    );
}

#[test]
fn the_vat_rate_is_a_french_one() {
    let mut d = common::catering();
    for rate in [0, 210, 550, 1000, 2000] {
        d.prices.vat_rate_basis_points = rate;
        assert!(of(&d, "prices.vat_rate").is_empty(), "{rate}");
    }
    d.prices.vat_rate_basis_points = 1960;
    let f = one(&d, "prices.vat_rate");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.field, "prices.vat_rate_basis_points");
    assert!(f.message.contains("19,6\u{a0}%"), "{}", f.message);
}

#[test]
fn a_brand_in_a_line_is_found_like_in_any_other_text() {
    let mut d = sample("materiel-informatique");
    d.prices.schedules[0].chapters[0].lines[1].designation = "Écran Samsung 24 pouces".into();
    let f = one(&d, "text.brand");
    assert_eq!(
        f.field,
        "prices.schedules[0].chapters[0].lines[1].designation"
    );
}

#[test]
fn every_price_finding_names_a_field_the_editor_knows() {
    let mut d = sample("renovation-salle-des-fetes");
    let s = &mut d.prices.schedules[1];
    s.chapters[0].pricing = LinePricing::Unit;
    s.chapters[1].pse = Some(9);
    s.chapters[1].lines[0].designation.clear();
    s.chapters[1].lines[1].quantity_thousandths = Some(0);
    s.chapters[2].lines[0].id = "L1".into();
    d.prices.vat_rate_basis_points = 1;
    let found: Vec<Finding> = findings(&d)
        .into_iter()
        .filter(|f| f.code.starts_with("prices."))
        .collect();
    assert!(found.len() >= 6, "{found:#?}");
    for f in found {
        assert_ne!(field_label(&f.field), f.field, "{} has no label", f.field);
    }
    assert_eq!(
        field_label("prices.schedules[1].chapters[0].lines[2].quantity_thousandths"),
        "Bordereau des prix — bordereau 2 — chapitre 1 — ligne 3 — quantité estimée"
    );
}
