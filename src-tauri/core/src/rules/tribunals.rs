//! The tribunal administratif competent for a commune (CJA R221-3), from
//! templates/rules/tribunals.json: the recourse a DCE names depends on it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TribunalsData {
    /// Where the table comes from, for whoever edits the data file.
    #[allow(dead_code)]
    source: String,
    #[serde(rename = "_note")]
    #[allow(dead_code)]
    note: String,
    tribunals: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[allow(dead_code)]
    id: String,
    name: String,
    seat: String,
    address: String,
    address_to_check: bool,
    /// INSEE code of each department of its jurisdiction -> its name.
    departments: BTreeMap<String, String>,
}

/// A tribunal administratif as a document names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tribunal {
    /// « tribunal administratif de Limoges », as written inside a sentence.
    pub name: String,
    /// The city it sits in (Mamoudzou for the tribunal administratif de Mayotte).
    pub seat: String,
    /// The registry's postal address; none while it is not confirmed, so
    /// that a document never prints a guessed address.
    pub address: Option<String>,
}

const BUNDLED: &str = include_str!("../../../../templates/rules/tribunals.json");

fn data() -> TribunalsData {
    serde_json::from_str(BUNDLED).expect("templates/rules/tribunals.json is checked by the tests")
}

/// Saint-Barthélemy and Saint-Martin left Guadeloupe in 2007 and have their
/// own tribunals administratifs, but La Poste kept them under Guadeloupe's
/// 971 prefix: their postcode -> the collectivity's INSEE code.
const COLLECTIVITIES_IN_971: [(&str, &str); 2] = [("97133", "977"), ("97150", "978")];

/// The department of a French postcode: its first two digits, « 2A » or
/// « 2B » in Corsica (20000–20199 and 20200–20699), three digits overseas
/// (971 to 976, 977 Saint-Barthélemy, 978 Saint-Martin). A postcode names the
/// distributing office, which in a few border communes lies in the
/// neighbouring department: the buyer checks.
pub fn department(postcode: &str) -> Option<String> {
    let postcode = postcode.trim();
    if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some((_, code)) = COLLECTIVITIES_IN_971.iter().find(|(p, _)| *p == postcode) {
        return Some(code.to_string());
    }
    let code = match &postcode[..2] {
        "20" if postcode[2..3] < *"2" => "2A".to_string(),
        "20" => "2B".to_string(),
        "97" | "98" => postcode[..3].to_string(),
        two => two.to_string(),
    };
    Some(code)
}

/// The tribunal whose jurisdiction covers the department `code` (« 23 », « 2A », « 974 »).
pub fn for_department(code: &str) -> Option<Tribunal> {
    data()
        .tribunals
        .into_iter()
        .find(|t| t.departments.contains_key(code))
        .map(|t| Tribunal {
            name: t.name,
            seat: t.seat,
            address: (!t.address_to_check && !t.address.trim().is_empty()).then_some(t.address),
        })
}

/// The tribunal competent for a commune with this postcode, if the table knows it.
pub fn for_postcode(postcode: &str) -> Option<Tribunal> {
    department(postcode).and_then(|code| for_department(&code))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every department: 01 to 95 (no 20), 2A and 2B, 971 to 976, and the
    /// collectivities of Saint-Barthélemy (977) and Saint-Martin (978).
    fn every_department() -> Vec<String> {
        (1..=95)
            .filter(|n| *n != 20)
            .map(|n| format!("{n:02}"))
            .chain(["2A".to_string(), "2B".to_string()])
            .chain((971..=978).map(|n| n.to_string()))
            .collect()
    }

    #[test]
    fn every_department_has_exactly_one_tribunal() {
        let data = data();
        for code in every_department() {
            let n = data
                .tribunals
                .iter()
                .filter(|t| t.departments.contains_key(&code))
                .count();
            assert_eq!(n, 1, "department {code} is covered by {n} tribunals");
        }
        let listed: usize = data.tribunals.iter().map(|t| t.departments.len()).sum();
        assert_eq!(
            listed,
            every_department().len(),
            "a code that is no department"
        );
    }

    #[test]
    fn confirmed_addresses_carry_a_postcode_and_the_seat() {
        for t in data().tribunals {
            assert!(t.name.starts_with("tribunal administratif d"), "{}", t.name);
            if !t.address_to_check {
                let has_postcode = t
                    .address
                    .split_whitespace()
                    .any(|w| w.len() == 5 && w.bytes().all(|b| b.is_ascii_digit()));
                assert!(has_postcode, "{}: {}", t.name, t.address);
                assert!(t.address.contains(&t.seat), "{}: {}", t.name, t.address);
            }
        }
    }

    #[test]
    fn the_jurisdictions_that_surprise() {
        let name = |code: &str| for_department(code).map(|t| t.name);
        for (code, tribunal) in [
            ("82", "tribunal administratif de Toulouse"),
            ("31", "tribunal administratif de Toulouse"),
            ("69", "tribunal administratif de Lyon"),
            ("75", "tribunal administratif de Paris"),
            ("92", "tribunal administratif de Cergy-Pontoise"),
            ("93", "tribunal administratif de Montreuil"),
            ("94", "tribunal administratif de Melun"),
            ("91", "tribunal administratif de Versailles"),
            ("84", "tribunal administratif de Nîmes"),
            ("83", "tribunal administratif de Toulon"),
            ("57", "tribunal administratif de Strasbourg"),
            ("23", "tribunal administratif de Limoges"),
            ("976", "tribunal administratif de Mayotte"),
            ("971", "tribunal administratif de la Guadeloupe"),
            ("972", "tribunal administratif de la Martinique"),
            ("973", "tribunal administratif de la Guyane"),
            ("974", "tribunal administratif de La Réunion"),
            ("977", "tribunal administratif de Saint-Barthélemy"),
            ("978", "tribunal administratif de Saint-Martin"),
        ] {
            assert_eq!(name(code).as_deref(), Some(tribunal), "department {code}");
        }
        let seat = |code: &str| for_department(code).unwrap().seat;
        assert_eq!(seat("976"), "Mamoudzou");
        assert_eq!(seat("972"), "Schœlcher", "R221-1 since décret n° 2015-1444");
        assert_eq!(seat("977"), "Basse-Terre");
        assert_eq!(seat("978"), "Basse-Terre");
    }

    #[test]
    fn saint_barthelemy_and_saint_martin_are_not_guadeloupe() {
        assert_eq!(department("97133").as_deref(), Some("977"));
        assert_eq!(department(" 97150 ").as_deref(), Some("978"));
        for guadeloupe in ["97100", "97110", "97130", "97134", "97140", "97160"] {
            assert_eq!(
                department(guadeloupe).as_deref(),
                Some("971"),
                "{guadeloupe}"
            );
        }
        let saint_martin = for_postcode("97150").unwrap();
        assert_eq!(saint_martin.name, "tribunal administratif de Saint-Martin");
        assert_eq!(saint_martin.seat, "Basse-Terre");
        assert_eq!(saint_martin.address, None, "no address confirmed");
        assert_eq!(
            for_postcode("97133").unwrap().name,
            "tribunal administratif de Saint-Barthélemy"
        );
        assert_eq!(
            for_postcode("97130").unwrap().name,
            "tribunal administratif de la Guadeloupe"
        );
    }

    #[test]
    fn departments_from_postcodes() {
        for (postcode, code) in [
            ("23100", Some("23")),
            ("01000", Some("01")),
            ("20000", Some("2A")),
            ("20190", Some("2A")),
            ("20200", Some("2B")),
            ("20600", Some("2B")),
            ("97100", Some("971")),
            ("97600", Some("976")),
            (" 75004 ", Some("75")),
            ("7500", None),
            ("2A000", None),
            ("", None),
        ] {
            assert_eq!(department(postcode).as_deref(), code, "{postcode:?}");
        }
        assert_eq!(
            for_postcode("69001").unwrap().address.as_deref(),
            Some("Palais des juridictions administratives, 184, rue Duguesclin, 69433\u{a0}Lyon Cedex 03")
        );
        let limoges = for_postcode("23100").unwrap();
        assert_eq!(
            (limoges.seat.as_str(), limoges.address),
            ("Limoges", None),
            "no page confirmed the registry's address"
        );
        assert_eq!(
            for_postcode("98000"),
            None,
            "Monaco has no tribunal administratif"
        );
        assert_eq!(
            for_postcode("97200").unwrap().address,
            None,
            "address to check"
        );
    }
}
