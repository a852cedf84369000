//! Every bundled starting point must be a dossier a commune can use as it
//! is: no blocking finding on the day it is created, criteria that add up,
//! an environmental criterion, and a document that composes.

use chrono::NaiveDate;
use dce_core::compose::{compose, Piece};
use dce_core::model::{CriterionKind, Dossier, Flexibility};
use dce_core::rules::{self, ProcedureKind, Severity};
use dce_core::samples;

const NAMES: &[&str] = &[
    "restauration-scolaire",
    "refection-voirie",
    "renovation-salle-des-fetes",
    "eclairage-public-led",
    "nettoyage-batiments",
    "deneigement",
    "materiel-informatique",
    "aire-de-jeux",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Every sample, instantiated as the app does on 22 November 2026.
fn dossiers() -> Vec<(&'static str, Dossier)> {
    samples::all()
        .iter()
        .map(|s| (s.name, s.instantiate(today(), format!("uid-{}", s.name))))
        .collect()
}

#[test]
fn the_bundled_samples_are_all_there() {
    let names: Vec<&str> = samples::all().iter().map(|s| s.name).collect();
    assert!(names.len() >= 8, "only {} samples: {names:?}", names.len());
    for name in NAMES {
        assert!(names.contains(name), "sample {name} missing from {names:?}");
    }
}

#[test]
fn no_sample_has_a_blocking_finding() {
    for (name, d) in dossiers() {
        let launch = d
            .purchase
            .launch_date
            .expect("instantiate sets the launch date");
        let findings = rules::check(&d, launch);
        let blocking: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
            .collect();
        assert!(
            blocking.is_empty(),
            "sample {name} has blocking findings: {blocking:#?}\nall findings: {findings:#?}"
        );
    }
}

#[test]
fn criteria_total_100_with_an_environmental_one() {
    for (name, d) in dossiers() {
        let total: u32 = d.criteria.iter().map(|c| c.weight_percent).sum();
        assert_eq!(total, 100, "sample {name}: weights total {total}");
        assert!(
            d.criteria.iter().any(|c| matches!(
                c.kind,
                CriterionKind::Environmental | CriterionKind::LifeCycleCost
            )),
            "sample {name} has no environmental criterion"
        );
        assert!(
            d.criteria.len() >= 2,
            "sample {name}: a single criterion is not allowed"
        );
        for c in &d.criteria {
            assert!(
                !c.method.trim().is_empty(),
                "sample {name}: {} has no method",
                c.id
            );
            if !c.subcriteria.is_empty() {
                let points: u32 = c.subcriteria.iter().map(|s| s.points).sum();
                assert_eq!(
                    points, c.weight_percent,
                    "sample {name}: sub-criteria of {} total {points}",
                    c.id
                );
            }
        }
    }
}

#[test]
fn needs_and_questions_point_to_existing_criteria() {
    for (name, d) in dossiers() {
        let subs: Vec<&str> = d
            .criteria
            .iter()
            .flat_map(|c| c.subcriteria.iter().map(|s| s.id.as_str()))
            .collect();
        let ids: Vec<&str> = d
            .criteria
            .iter()
            .map(|c| c.id.as_str())
            .chain(subs.iter().copied())
            .collect();
        for n in &d.needs {
            match (n.flexibility, &n.subcriterion_id) {
                (Flexibility::F0, sub) => {
                    assert!(sub.is_none(), "sample {name}: F0 need {} is scored", n.id)
                }
                (_, Some(sub)) => assert!(
                    subs.contains(&sub.as_str()),
                    "sample {name}: need {} points to unknown sub-criterion {sub}",
                    n.id
                ),
                (_, None) => panic!("sample {name}: need {} has no sub-criterion", n.id),
            }
        }
        for q in &d.questions {
            assert!(
                ids.contains(&q.criterion_id.as_str()),
                "sample {name}: question {} points to unknown criterion {}",
                q.id,
                q.criterion_id
            );
        }
    }
}

#[test]
fn every_sample_composes() {
    for (name, d) in dossiers() {
        if let Err(e) = dce_core::compose::dce(&d) {
            panic!("sample {name} does not compose: {e}");
        }
        if let Err(e) = compose(&d, Piece::ResponseFrames) {
            panic!("the response frames of sample {name} do not compose: {e}");
        }
    }
}

#[test]
fn the_samples_illustrate_several_procedures() {
    let mut kinds: Vec<ProcedureKind> = Vec::new();
    for (_, d) in dossiers() {
        let kind = rules::procedure_advice(&d, d.purchase.launch_date.unwrap()).kind;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    for expected in [
        ProcedureKind::Dispense,
        ProcedureKind::MapaFreePublicity,
        ProcedureKind::MapaFormalPublicity,
    ] {
        assert!(kinds.contains(&expected), "no sample leads to {expected:?}");
    }
    assert!(
        !kinds.contains(&ProcedureKind::Formal),
        "a sample needs a formal procedure"
    );
}

#[test]
fn every_sample_exports_a_final_bundle() {
    for (name, d) in dossiers() {
        let zip = dce_core::export::render(&d, dce_core::export::Format::Zip, true, today())
            .unwrap_or_else(|e| panic!("{name}: the final export is refused: {e}"));
        let archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        let spreadsheets = d.purchase.lots.len().max(1);
        // PDF, DOCX and text of the notice, for a procedure that publishes one.
        let notice = if dce_core::compose::notice_title(&d).is_ok() {
            3
        } else {
            0
        };
        assert_eq!(
            archive.len(),
            6 + notice + spreadsheets,
            "{name}: DCE, response frames and price schedule in PDF and DOCX, the notice (if any) also in text, a spreadsheet per lot"
        );
    }
}
