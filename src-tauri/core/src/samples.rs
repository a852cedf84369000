//! Bundled starting points (templates/purchases): complete dossiers a
//! commune copies and adapts.

use crate::model::Dossier;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One bundled starting point.
pub struct Sample {
    pub name: &'static str,
    pub title: String,
    pub description: String,
    dossier: Dossier,
}

/// What the UI lists of a sample.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SampleInfo {
    pub name: String,
    pub title: String,
    pub description: String,
    /// The blank dossier rather than a complete sample.
    pub blank: bool,
}

impl From<&Sample> for SampleInfo {
    fn from(s: &Sample) -> Self {
        SampleInfo {
            name: s.name.into(),
            title: s.title.clone(),
            description: s.description.clone(),
            blank: s.name == BLANK,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleFile {
    title: String,
    description: String,
    dossier: Dossier,
}

const BUNDLED: &[(&str, &str)] = &[
    (
        "restauration-scolaire",
        include_str!("../../../templates/purchases/restauration-scolaire.json"),
    ),
    (
        "refection-voirie",
        include_str!("../../../templates/purchases/refection-voirie.json"),
    ),
    (
        "renovation-salle-des-fetes",
        include_str!("../../../templates/purchases/renovation-salle-des-fetes.json"),
    ),
    (
        "eclairage-public-led",
        include_str!("../../../templates/purchases/eclairage-public-led.json"),
    ),
    (
        "nettoyage-batiments",
        include_str!("../../../templates/purchases/nettoyage-batiments.json"),
    ),
    (
        "deneigement",
        include_str!("../../../templates/purchases/deneigement.json"),
    ),
    (
        "materiel-informatique",
        include_str!("../../../templates/purchases/materiel-informatique.json"),
    ),
    (
        "aire-de-jeux",
        include_str!("../../../templates/purchases/aire-de-jeux.json"),
    ),
];

/// The name of the blank starting point.
pub const BLANK: &str = "vierge";

/// Every bundled sample (complete dossiers), in a stable order.
pub fn all() -> Vec<Sample> {
    BUNDLED
        .iter()
        .map(|(name, json)| load(name, json))
        .collect()
}

/// The blank dossier: every step to fill, the SME-friendly execution terms
/// already chosen. Not a sample: it has findings until it is filled in.
pub fn blank() -> Sample {
    load(
        BLANK,
        include_str!("../../../templates/dossier-vierge.json"),
    )
}

/// What « Nouveau dossier » offers: the blank dossier, then the samples.
pub fn starting_points() -> Vec<Sample> {
    std::iter::once(blank()).chain(all()).collect()
}

pub fn find(name: &str) -> Option<Sample> {
    starting_points().into_iter().find(|s| s.name == name)
}

fn load(name: &'static str, json: &str) -> Sample {
    // Bundled files are checked by the tests: a parse failure is a build defect.
    let file: SampleFile = serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("bundled starting point {name} is invalid: {e}"));
    Sample {
        name,
        title: file.title,
        description: file.description,
        dossier: file.dossier,
    }
}

impl Sample {
    /// A fresh dossier from this sample: a new identity, a launch date one
    /// week after `today` (a Monday) and a deadline 30 days later at noon,
    /// so that a new dossier is consistent on the day it is created.
    pub fn instantiate(&self, today: NaiveDate, uid: String) -> Dossier {
        let mut d = self.dossier.clone();
        d.uid = uid;
        let launch = next_monday(today + Duration::days(7));
        d.purchase.launch_date = Some(launch);
        d.submission.deadline = (launch + Duration::days(30)).and_hms_opt(12, 0, 0);
        d
    }
}

fn next_monday(from: NaiveDate) -> NaiveDate {
    let days = (7 - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(days as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_parses_and_has_a_title() {
        let samples = all();
        assert!(!samples.is_empty());
        for s in samples {
            assert!(!s.title.is_empty(), "{}", s.name);
            assert!(!s.description.is_empty(), "{}", s.name);
        }
    }

    #[test]
    fn the_blank_dossier_comes_first_and_is_empty() {
        let points = starting_points();
        assert_eq!(points[0].name, BLANK);
        assert_eq!(points.len(), all().len() + 1);
        let d = find(BLANK)
            .unwrap()
            .instantiate(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), "u".into());
        assert!(d.buyer.name.is_empty() && d.purchase.object.is_empty());
        assert!(d.needs.is_empty() && d.criteria.is_empty() && d.questions.is_empty());
        assert_eq!(
            d.execution.advance.percent, 5,
            "SME-friendly terms pre-selected"
        );
        assert_eq!(d.execution.payment_period_days, 30);
        assert!(
            d.purchase.launch_date.is_some(),
            "dates set as for a sample"
        );
    }

    #[test]
    fn instantiation_dates_follow_today() {
        let s = find("restauration-scolaire").unwrap();
        let d = s.instantiate(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), "u1".into());
        assert_eq!(d.uid, "u1");
        // 22 Nov 2026 is a Sunday: +7 days = Sunday 29, next Monday = 30 Nov.
        assert_eq!(
            d.purchase.launch_date,
            NaiveDate::from_ymd_opt(2026, 11, 30)
        );
        assert_eq!(
            d.submission.deadline,
            NaiveDate::from_ymd_opt(2026, 12, 30)
                .unwrap()
                .and_hms_opt(12, 0, 0)
        );
        assert_eq!(
            next_monday(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()).day(),
            30
        );
    }
}
