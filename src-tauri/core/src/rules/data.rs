//! Thresholds and obligations with their effective dates
//! (templates/rules/rules.json): a change of the law is a change of data.

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct RulesData {
    #[serde(rename = "_note")]
    #[allow(dead_code)]
    note: String,
    social_services_cpv_prefixes: CpvFamilies,
    thresholds: Vec<Threshold>,
    obligations: Vec<Obligation>,
}

/// CPV families recognised by their first digits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CpvFamilies {
    #[allow(dead_code)]
    article: String,
    #[allow(dead_code)]
    note: String,
    prefixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Threshold {
    id: String,
    value_cents: i64,
    from: NaiveDate,
    to: Option<NaiveDate>,
    /// The source, for whoever edits the data file.
    #[allow(dead_code)]
    article: String,
    /// False for values LEGAL.md flags as unconfirmed: checks built on them give advice only.
    confirmed: bool,
    #[allow(dead_code)]
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Obligation {
    id: String,
    from: NaiveDate,
    #[allow(dead_code)]
    article: String,
}

const BUNDLED: &str = include_str!("../../../../templates/rules/rules.json");

impl RulesData {
    pub fn bundled() -> RulesData {
        serde_json::from_str(BUNDLED).expect("templates/rules/rules.json is checked by the tests")
    }

    /// The value of a threshold in force on `date`, if any.
    pub fn threshold(&self, id: &str, date: NaiveDate) -> Option<i64> {
        self.find(id, date).map(|t| t.value_cents)
    }

    /// Whether the threshold in force on `date` is confirmed law; an
    /// unconfirmed one may only ever produce advice.
    pub fn confirmed(&self, id: &str, date: NaiveDate) -> bool {
        self.find(id, date).is_some_and(|t| t.confirmed)
    }

    fn find(&self, id: &str, date: NaiveDate) -> Option<&Threshold> {
        self.thresholds
            .iter()
            .find(|t| t.id == id && t.from <= date && t.to.is_none_or(|to| date <= to))
    }

    /// Whether the CPV code names social or other specific services (R2123-1 3°).
    pub fn is_social_services(&self, cpv: &str) -> bool {
        let cpv = cpv.trim();
        self.social_services_cpv_prefixes
            .prefixes
            .iter()
            .any(|p| cpv.starts_with(p.as_str()))
    }

    /// Whether an obligation applies to a consultation launched on `date`.
    pub fn applies(&self, id: &str, date: NaiveDate) -> bool {
        self.obligations
            .iter()
            .any(|o| o.id == id && o.from <= date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dispense_threshold_changes_on_first_april_2026() {
        let data = RulesData::bundled();
        assert_eq!(
            data.threshold("dispense_supplies_services", d("2026-03-31")),
            Some(4_000_000)
        );
        assert_eq!(
            data.threshold("dispense_supplies_services", d("2026-04-01")),
            Some(6_000_000)
        );
    }

    #[test]
    fn climate_law_applies_from_21_august_2026() {
        let data = RulesData::bundled();
        assert!(!data.applies("environmental_criterion", d("2026-08-20")));
        assert!(data.applies("environmental_criterion", d("2026-08-21")));
    }

    #[test]
    fn catering_is_a_social_service_and_cleaning_is_not() {
        let data = RulesData::bundled();
        assert!(data.is_social_services("55524000-9"));
        assert!(data.is_social_services(" 85311000-2"));
        assert!(!data.is_social_services("90911200-8"));
        assert!(!data.is_social_services(""));
    }

    #[test]
    fn unknown_threshold_is_none() {
        assert_eq!(
            RulesData::bundled().threshold("nope", d("2026-08-21")),
            None
        );
    }
}
