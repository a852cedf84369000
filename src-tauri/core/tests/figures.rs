//! « Bilan annuel »: the yearly figures of a database of several dossiers
//! from the samples, over two years, with a workshop copy left out. Every
//! share below is worked out by hand from the samples' amounts.

mod common;

use chrono::NaiveDateTime;
use common::date;
use dce_core::figures::{self, IndicatorKind, YearFigures};
use dce_core::model::{Dossier, ProcedureChoice};
use dce_core::samples;
use dce_core::store::Store;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time")
}

fn sample(name: &str, uid: &str) -> Dossier {
    samples::find(name)
        .expect("sample")
        .instantiate(date("2026-01-05"), uid.into())
}

/// 2025: the playground (78 000 € HT, by its launch date) and the road
/// works (145 000 €, by its offers deadline).
/// 2026: the village hall (262 000 €, 3 lots), the cleaning (112 000 €,
/// social clause and insertion), the snow clearing (45 000 €, 2 lots, its
/// environmental conditions removed), the IT equipment (38 000 €, 2 lots,
/// variants required, bought as an innovative purchase without an advance)
/// and the LED lighting (84 000 €, no date at all: created in 2026).
/// A workshop copy of the school catering, launched in 2026, never counts.
fn database() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let created = at("2026-06-01 10:00");

    let mut playground = sample("aire-de-jeux", "playground");
    playground.purchase.launch_date = Some(date("2025-05-05"));
    playground.submission.deadline = None;
    store.create(&playground, created).unwrap();

    let mut road = sample("refection-voirie", "road");
    road.purchase.launch_date = None;
    road.submission.deadline = Some(at("2025-09-15 12:00"));
    store.create(&road, created).unwrap();

    let mut hall = sample("renovation-salle-des-fetes", "hall");
    hall.purchase.launch_date = Some(date("2026-02-02"));
    store.create(&hall, created).unwrap();

    let mut cleaning = sample("nettoyage-batiments", "cleaning");
    cleaning.purchase.launch_date = Some(date("2026-03-02"));
    store.create(&cleaning, created).unwrap();

    let mut snow = sample("deneigement", "snow");
    snow.purchase.launch_date = Some(date("2026-09-07"));
    snow.clauses.environmental_conditions.clear();
    store.create(&snow, created).unwrap();

    let mut it = sample("materiel-informatique", "it");
    it.purchase.launch_date = Some(date("2026-04-06"));
    it.procedure.choice = Some(ProcedureChoice::Innovative);
    it.execution.advance.percent = 0;
    store.create(&it, created).unwrap();

    let mut lighting = sample("eclairage-public-led", "lighting");
    lighting.purchase.launch_date = None;
    lighting.submission.deadline = None;
    store.create(&lighting, at("2026-11-20 09:30")).unwrap();

    let catering = sample("restauration-scolaire", "workshop");
    store.create_workshop_copy(&catering, created).unwrap();
    store
}

fn figures_of(year: i32) -> YearFigures {
    let dossiers = database().all_dossiers().unwrap();
    figures::year_figures(&dossiers, Some(year), 2026)
}

/// (count, count share, amount in cents, amount share) of an indicator.
fn indicator(f: &YearFigures, kind: IndicatorKind) -> (u32, u32, i64, u32) {
    let i = f.indicators.iter().find(|i| i.kind == kind).unwrap();
    (i.count, i.count_share, i.amount_cents, i.amount_share)
}

#[test]
fn the_years_are_those_of_the_counted_dossiers_latest_first() {
    let dossiers = database().all_dossiers().unwrap();
    assert_eq!(dossiers.len(), 8, "the workshop copy is in the database");
    assert_eq!(figures::years(&dossiers), vec![2026, 2025]);
    let latest = figures::year_figures(&dossiers, None, 2030);
    assert_eq!(
        latest.year, 2026,
        "the latest year with dossiers by default"
    );
    let empty = figures::year_figures(&[], None, 2030);
    assert_eq!((empty.year, empty.consultations), (2030, 0));
    assert!(empty.years.is_empty());
    assert_eq!(empty.summary, "Aucune consultation comptée en 2030.");
    assert!(!empty.innovation_goal_reached);
}

#[test]
fn each_dossier_is_placed_by_launch_date_then_deadline_then_creation() {
    let f = figures_of(2025);
    // Playground by its launch date, road works by its deadline.
    assert_eq!(f.consultations, 2);
    assert_eq!(f.amount_cents, 7_800_000 + 14_500_000);
    let f = figures_of(2026);
    // The lighting has no date but its creation; the workshop copy is left out.
    assert_eq!(f.consultations, 5);
    assert_eq!(f.amount_cents, 54_100_000);
    assert_eq!(
        f.summary,
        "5 consultations en 2026, pour 541\u{202f}000\u{a0}€\u{a0}HT."
    );
}

#[test]
fn the_shares_of_2026_match_the_dossiers() {
    let f = figures_of(2026);
    // Total 541 000 €. Shares in basis points, rounded to the nearest.
    assert_eq!(
        indicator(&f, IndicatorKind::EnvironmentalCriterion),
        (5, 10_000, 54_100_000, 10_000)
    );
    // All but the snow clearing: 496 000 / 541 000 = 91,68 %.
    assert_eq!(
        indicator(&f, IndicatorKind::EnvironmentalCondition),
        (4, 8_000, 49_600_000, 9_168)
    );
    // The cleaning alone: 112 000 / 541 000 = 20,70 %.
    assert_eq!(
        indicator(&f, IndicatorKind::SocialClause),
        (1, 2_000, 11_200_000, 2_070)
    );
    // The IT equipment: 38 000 / 541 000 = 7,02 %.
    assert_eq!(
        indicator(&f, IndicatorKind::Innovative),
        (1, 2_000, 3_800_000, 702)
    );
    // Hall and lighting allow variants, the IT equipment requires them:
    // 384 000 / 541 000 = 70,98 %.
    assert_eq!(
        indicator(&f, IndicatorKind::Variants),
        (3, 6_000, 38_400_000, 7_098)
    );
    // All but the IT equipment: 503 000 / 541 000 = 92,98 %.
    assert_eq!(
        indicator(&f, IndicatorKind::Advance),
        (4, 8_000, 50_300_000, 9_298)
    );
    // Hall, snow clearing, IT equipment: 345 000 / 541 000 = 63,77 %.
    assert_eq!(
        indicator(&f, IndicatorKind::Lots),
        (3, 6_000, 34_500_000, 6_377)
    );
    let lots = f
        .indicators
        .iter()
        .find(|i| i.kind == IndicatorKind::Lots)
        .unwrap();
    assert_eq!(lots.count_share_text, "60\u{a0}%");
    assert_eq!(lots.amount_share_text, "63,8\u{a0}%");
    assert_eq!(lots.amount_text, "345\u{202f}000\u{a0}€\u{a0}HT");
}

#[test]
fn the_innovative_share_is_compared_with_the_two_percent_goal() {
    let f = figures_of(2026);
    assert!(f.innovation_goal_reached, "7 % of the amount reaches 2 %");
    assert!(
        f.innovation_goal.contains("objectif atteint"),
        "{}",
        f.innovation_goal
    );
    assert!(f.innovation_goal.starts_with(
        "Objectif du département\u{a0}: 2\u{a0}% du montant des achats consacrés à l’achat innovant."
    ));
    assert!(
        f.innovation_goal.contains("pas une obligation du code"),
        "a policy goal, not a legal duty: {}",
        f.innovation_goal
    );
    let f = figures_of(2025);
    assert!(!f.innovation_goal_reached);
    assert!(
        f.innovation_goal
            .contains("représentent 0\u{a0}% du montant"),
        "{}",
        f.innovation_goal
    );
    assert!(f.innovation_goal.contains("objectif non atteint"));
}

#[test]
fn the_csv_opens_in_a_french_spreadsheet() {
    let csv = figures::to_csv(&figures_of(2026));
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a byte order mark");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2 + IndicatorKind::ALL.len());
    assert_eq!(
        lines[0],
        "Indicateur;Nombre de consultations;Part du nombre (%);Montant estimé HT (€);Part du montant (%)"
    );
    assert_eq!(
        lines[1],
        "Ensemble des consultations 2026;5;100,00;541000,00;100,00"
    );
    assert!(lines.contains(&"Achat innovant;1;20,00;38000,00;7,02"));
    assert!(lines.contains(&"Condition d’exécution environnementale;4;80,00;496000,00;91,68"));
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn the_command_line_prints_the_figures_as_text_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    drop(database_at(&db));
    let out = common::dce(&db, &["figures", "--year", "2026"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Bilan annuel 2026\n5 consultations en 2026"),
        "{text}"
    );
    assert!(
        text.contains("Achat innovant\u{a0}: 1 (20\u{a0}% du nombre), 38\u{202f}000\u{a0}€\u{a0}HT (7\u{a0}% du montant)"),
        "{text}"
    );

    let csv = dir.path().join("bilan.csv");
    let out = common::dce(
        &db,
        &[
            "figures",
            "--year",
            "2025",
            "--json",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json_end = stdout.rfind('}').unwrap() + 1;
    let json: serde_json::Value = serde_json::from_str(&stdout[..json_end]).unwrap();
    assert_eq!(json["year"], 2025);
    assert_eq!(json["consultations"], 2);
    assert_eq!(json["amount_cents"], 22_300_000);
    assert_eq!(json["years"], serde_json::json!([2026, 2025]));
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.contains("Ensemble des consultations 2025;2;100,00;223000,00;100,00"));
}

/// The same database as [`database`], in a file the `dce` binary opens.
fn database_at(path: &std::path::Path) -> Store {
    let mut file = Store::open(path).unwrap();
    for s in database().all_dossiers().unwrap() {
        if s.workshop {
            file.create_workshop_copy(&s.dossier, s.created_at).unwrap();
        } else {
            file.create(&s.dossier, s.created_at).unwrap();
        }
    }
    file
}
