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
}

impl From<&Sample> for SampleInfo {
    fn from(s: &Sample) -> Self {
        SampleInfo {
            name: s.name.into(),
            title: s.title.clone(),
            description: s.description.clone(),
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

/// Every bundled sample, in a stable order.
pub fn all() -> Vec<Sample> {
    BUNDLED
        .iter()
        .map(|(name, json)| {
            // Bundled files are checked by the tests: a parse failure is a build defect.
            let file: SampleFile = serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("bundled sample {name} is invalid: {e}"));
            Sample {
                name,
                title: file.title,
                description: file.description,
                dossier: file.dossier,
            }
        })
        .collect()
}

pub fn find(name: &str) -> Option<Sample> {
    all().into_iter().find(|s| s.name == name)
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
