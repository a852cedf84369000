//! A dossier value as a person reads it: amounts in euros, dates in
//! French, Oui/Non, the labels of the choices, the title of the criterion a
//! question is scored under, and a whole item as one line per field.

use crate::compose::labels;
use crate::fields::{field_label_under, field_rank, normalise};
use crate::french::{self, NBSP};
use crate::model::{CriterionKind, Flexibility, FrameKind, ReservedContract, VariantPolicy};
use chrono::{NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A displayed value.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    /// Text as the user typed it (diffed word by word), not a formatted value.
    pub typed: bool,
}

impl Shown {
    fn formatted(text: impl Into<String>) -> Self {
        Shown {
            text: text.into(),
            typed: false,
        }
    }
}

/// The value `v` at `path` of the dossier `root`; none when it is empty.
pub fn shown(path: &str, v: &Value, root: &Value) -> Option<Shown> {
    match v {
        Value::Null => None,
        Value::Object(_) | Value::Array(_) => Some(Shown::formatted(summary(path, v, root))),
        _ => scalar(path, v, root),
    }
}

/// A whole item (or list), one « field : value » line per filled field,
/// e.g. for an added criterion. Ids are left out: nobody reads them.
fn summary(path: &str, v: &Value, root: &Value) -> String {
    let mut leaves = Vec::new();
    collect_leaves(path, v, &mut leaves);
    let lines: Vec<String> = leaves
        .iter()
        .filter_map(|(p, leaf)| {
            let text = scalar(p, leaf, root)?.text;
            let label = field_label_under(p, path);
            Some(if label.is_empty() {
                text
            } else {
                format!("{label}{NBSP}: {text}")
            })
        })
        .collect();
    if lines.is_empty() {
        "(vide)".into()
    } else {
        lines.join("\n")
    }
}

/// Every scalar under `v`, with its path, in the model's order of fields.
fn collect_leaves<'a>(path: &str, v: &'a Value, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(map) => {
            let norm = normalise(path);
            let mut keys: Vec<&String> = map.keys().filter(|k| *k != "id").collect();
            keys.sort_by_key(|k| (field_rank(&norm, k), k.to_string()));
            for k in keys {
                collect_leaves(&child(path, k), &map[k.as_str()], out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_leaves(&format!("{path}[{i}]"), item, out);
            }
        }
        _ => out.push((path.to_string(), v)),
    }
}

/// The path of the field `key` of the record at `path`.
pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn scalar(path: &str, v: &Value, root: &Value) -> Option<Shown> {
    let norm = normalise(path);
    let key = norm.rsplit('.').next().unwrap_or(&norm);
    match v {
        Value::Null => None,
        Value::Bool(b) => Some(Shown::formatted(if *b { "Oui" } else { "Non" })),
        Value::Number(n) => Some(Shown::formatted(match (n.as_i64(), n.as_u64()) {
            (Some(cents), _) if key.ends_with("_cents") && key.starts_with("estimated_amount") => {
                french::money_ht(cents)
            }
            (Some(cents), _) if key.ends_with("_cents") => french::money(cents),
            (_, Some(u)) => french::group_thousands(u),
            _ => n.to_string(),
        })),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(choice(&norm, v, root).map(Shown::formatted).unwrap_or_else(
            || Shown {
                text: s.clone(),
                typed: true,
            },
        )),
        Value::Object(_) | Value::Array(_) => None,
    }
}

/// The French wording of a value that is a choice, a date or a reference
/// to another part of the dossier; none for text the user typed.
fn choice(norm: &str, v: &Value, root: &Value) -> Option<String> {
    let s = v.as_str()?;
    match norm {
        "purchase.nature" => label(v, labels::nature).map(capitalise),
        "execution.ccag" => label(v, labels::ccag_short),
        "execution.price_form" => label(v, labels::price_form).map(capitalise),
        "needs[].flexibility" => label(v, flexibility),
        "variants.policy" => label(v, variant_policy),
        "criteria[].kind" => label(v, criterion_kind),
        "questions[].frame" => label(v, frame),
        "clauses.reserved" => label(v, reserved),
        "execution.price_clause.kind" => match s {
            "firm_with_actualisation" => Some("Prix ferme actualisable".into()),
            "revisable" => Some("Prix révisable".into()),
            _ => None,
        },
        "purchase.launch_date" => s.parse::<NaiveDate>().ok().map(french::date),
        "submission.deadline" => s.parse::<NaiveDateTime>().ok().map(french::datetime),
        "needs[].subcriterion_id" | "questions[].criterion_id" => criterion_title(root, s),
        _ => None,
    }
}

/// Maps a serialised enum value back to its type, then to its label.
fn label<T: DeserializeOwned>(v: &Value, f: fn(T) -> &'static str) -> Option<String> {
    serde_json::from_value(v.clone())
        .ok()
        .map(|t| f(t).to_string())
}

/// « Valeur technique — Qualité des menus » for the id of a sub-criterion.
fn criterion_title(root: &Value, id: &str) -> Option<String> {
    for c in root.get("criteria")?.as_array()? {
        let title = c.get("title").and_then(Value::as_str).unwrap_or_default();
        if c.get("id").and_then(Value::as_str) == Some(id) {
            return Some(title.to_string());
        }
        let subs = c.get("subcriteria").and_then(Value::as_array);
        for s in subs.into_iter().flatten() {
            if s.get("id").and_then(Value::as_str) == Some(id) {
                let sub = s.get("title").and_then(Value::as_str).unwrap_or_default();
                return Some(format!("{title} — {sub}"));
            }
        }
    }
    None
}

fn capitalise(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

// The labels of the editor's choices (ui/src/components/steps).

fn flexibility(f: Flexibility) -> &'static str {
    match f {
        Flexibility::F0 => "F0 impératif",
        Flexibility::F1 => "F1 peu négociable",
        Flexibility::F2 => "F2 négociable",
        Flexibility::F3 => "F3 indicatif",
    }
}

fn variant_policy(p: VariantPolicy) -> &'static str {
    match p {
        VariantPolicy::Forbidden => "Interdites",
        VariantPolicy::Allowed => "Autorisées",
        VariantPolicy::Required => "Exigées",
    }
}

fn criterion_kind(k: CriterionKind) -> &'static str {
    match k {
        CriterionKind::Price => "Prix",
        CriterionKind::LifeCycleCost => "Coût du cycle de vie",
        CriterionKind::Technical => "Valeur technique",
        CriterionKind::Environmental => "Performance environnementale",
        CriterionKind::Social => "Insertion et aspects sociaux",
        CriterionKind::Innovation => "Caractère innovant",
        CriterionKind::Delivery => "Délais",
        CriterionKind::Other => "Autre",
    }
}

fn frame(f: FrameKind) -> &'static str {
    match f {
        FrameKind::Technical => "Cadre technique",
        FrameKind::Environmental => "Cadre environnemental",
        FrameKind::Social => "Cadre social",
    }
}

fn reserved(r: ReservedContract) -> &'static str {
    match r {
        ReservedContract::DisabledWorkers => {
            "Réservé aux entreprises adaptées et ESAT (article L2113-12)"
        }
        ReservedContract::Insertion => {
            "Réservé aux structures d’insertion (SIAE, article L2113-13)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(path: &str, v: Value) -> Option<String> {
        shown(path, &v, &Value::Null).map(|s| s.text)
    }

    #[test]
    fn values_are_written_in_french() {
        assert_eq!(
            text("purchase.estimated_amount_cents", json!(12_000_000)).unwrap(),
            "120\u{202F}000\u{a0}€\u{a0}HT"
        );
        assert_eq!(
            text("submission.minimum_turnover_cents", json!(5_000_000)).unwrap(),
            "50\u{202F}000\u{a0}€"
        );
        assert_eq!(
            text("purchase.launch_date", json!("2026-12-01")).unwrap(),
            "1er\u{a0}décembre\u{a0}2026"
        );
        assert_eq!(
            text("pse[0].pricing_compulsory", json!(true)).unwrap(),
            "Oui"
        );
        assert_eq!(
            text("criteria[2].kind", json!("life_cycle_cost")).unwrap(),
            "Coût du cycle de vie"
        );
        assert_eq!(text("purchase.nature", json!("works")).unwrap(), "Travaux");
        assert_eq!(text("execution.ccag", json!("fcs")).unwrap(), "CCAG-FCS");
        assert_eq!(text("purchase.context", json!("  ")), None);
        assert_eq!(text("purchase.launch_date", Value::Null), None);
    }

    #[test]
    fn an_item_is_one_line_per_field_without_its_id() {
        let item = json!({"id": "c3", "kind": "price", "title": "Prix", "weight_percent": 40,
                          "method": "", "subcriteria": []});
        assert_eq!(
            text("criteria[2]", item).unwrap(),
            "Type de critère\u{a0}: Prix\nIntitulé\u{a0}: Prix\nPondération (%)\u{a0}: 40"
        );
    }

    #[test]
    fn criterion_ids_show_their_titles() {
        let root = json!({"criteria": [{"id": "c1", "title": "Valeur technique",
            "subcriteria": [{"id": "s1", "title": "Menus"}]}]});
        let t = |id: &str| {
            shown("questions[0].criterion_id", &json!(id), &root)
                .unwrap()
                .text
        };
        assert_eq!(t("c1"), "Valeur technique");
        assert_eq!(t("s1"), "Valeur technique — Menus");
        assert_eq!(t("zz"), "zz");
    }
}
