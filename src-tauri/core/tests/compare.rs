//! Comparing two versions of a dossier: what changed, by step, in French.
mod common;

use dce_core::compare::{compare, Change, SectionDiff, SegmentKind};
use dce_core::model::{AwardCriterion, CriterionKind};

fn section<'a>(diff: &'a [SectionDiff], key: &str) -> &'a SectionDiff {
    diff.iter()
        .find(|s| s.section == key)
        .unwrap_or_else(|| panic!("no section {key} in {diff:#?}"))
}

fn change<'a>(diff: &'a [SectionDiff], path: &str) -> &'a Change {
    diff.iter()
        .flat_map(|s| &s.changes)
        .find(|c| c.path == path)
        .unwrap_or_else(|| panic!("no change at {path} in {diff:#?}"))
}

/// The text of the segments the left (before) or right (after) column shows.
fn spelt(c: &Change, without: SegmentKind) -> String {
    c.segments
        .iter()
        .filter(|s| s.kind != without)
        .map(|s| s.text.as_str())
        .collect()
}

#[test]
fn an_unchanged_dossier_has_no_differences() {
    let d = common::catering();
    assert!(compare(&d, &d.clone()).is_empty());
}

#[test]
fn the_file_identity_is_not_compared() {
    let before = common::catering();
    let mut after = before.clone();
    after.uid = "another-uid".into();
    after.schema_version += 1;
    assert!(compare(&before, &after).is_empty());
}

#[test]
fn a_changed_amount_shows_french_euros_in_the_purchase_step() {
    let before = common::catering();
    let mut after = before.clone();
    after.purchase.estimated_amount_cents = 13_550_050;
    let diff = compare(&before, &after);
    assert_eq!(diff.len(), 1, "{diff:#?}");
    let s = section(&diff, "purchase");
    assert_eq!(s.title, "Objet et contexte");
    let c = &s.changes[0];
    assert_eq!(c.path, "purchase.estimated_amount_cents");
    assert_eq!(c.label, "Montant estimé");
    assert_eq!(c.before.as_deref(), Some("120\u{202F}000\u{a0}€\u{a0}HT"));
    assert_eq!(c.after.as_deref(), Some("135\u{202F}500,50\u{a0}€\u{a0}HT"));
    assert_eq!(spelt(c, SegmentKind::Added), c.before.clone().unwrap());
    assert_eq!(spelt(c, SegmentKind::Removed), c.after.clone().unwrap());
}

#[test]
fn a_reworded_need_highlights_removed_and_added_words() {
    let before = common::catering();
    let mut after = before.clone();
    after.needs[1].function = "Garantir la sécurité sanitaire des repas jusqu'au service".into();
    let diff = compare(&before, &after);
    let c = change(&diff, "needs[1].function");
    assert_eq!(section(&diff, "need").changes.len(), 1);
    assert_eq!(c.label, "Besoin 2 — fonction");
    let removed: Vec<&str> = c
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Removed)
        .map(|s| s.text.as_str())
        .collect();
    let added: Vec<&str> = c
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Added)
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        removed.concat().contains("jusqu'à leur remise"),
        "{removed:?}"
    );
    assert_eq!(added.concat(), "jusqu'au service");
    assert!(c.segments[0].kind == SegmentKind::Same);
    assert!(c.segments[0]
        .text
        .starts_with("Garantir la sécurité sanitaire des repas"));
    assert_eq!(spelt(c, SegmentKind::Added), before.needs[1].function);
    assert_eq!(spelt(c, SegmentKind::Removed), after.needs[1].function);
}

#[test]
fn an_added_criterion_is_one_change_listing_its_fields() {
    let before = common::catering();
    let mut after = before.clone();
    after.criteria.push(AwardCriterion {
        id: "delai".into(),
        kind: CriterionKind::Delivery,
        title: "Délai de livraison".into(),
        weight_percent: 10,
        method: String::new(),
        subcriteria: vec![],
        price_formula: None,
    });
    let diff = compare(&before, &after);
    let s = section(&diff, "criteria");
    assert_eq!(s.changes.len(), 1, "{:#?}", s.changes);
    let c = &s.changes[0];
    assert_eq!(c.path, "criteria[3]");
    assert_eq!(c.label, "Critère 4");
    assert_eq!(c.before, None);
    let after_text = c.after.as_deref().unwrap();
    assert!(
        after_text.contains("Intitulé\u{a0}: Délai de livraison"),
        "{after_text}"
    );
    assert!(
        after_text.contains("Pondération (%)\u{a0}: 10"),
        "{after_text}"
    );
    assert!(
        after_text.contains("Type de critère\u{a0}: Délais"),
        "{after_text}"
    );
    assert!(
        !after_text.contains("delai"),
        "ids are not shown: {after_text}"
    );
    assert_eq!(c.segments.len(), 1);
    assert_eq!(c.segments[0].kind, SegmentKind::Added);
}

#[test]
fn a_changed_criterion_is_found_by_its_id_even_when_moved() {
    let before = common::catering();
    let mut after = before.clone();
    after.criteria.swap(0, 1);
    after.criteria[1].weight_percent = 45; // « Prix », now second
    let diff = compare(&before, &after);
    let s = section(&diff, "criteria");
    let weight = change(&diff, "criteria[1].weight_percent");
    assert_eq!(weight.label, "Critère 2 — pondération (%)");
    assert_eq!(weight.before.as_deref(), Some("40"));
    assert_eq!(weight.after.as_deref(), Some("45"));
    let order = change(&diff, "criteria");
    assert_eq!(order.label, "Critères — ordre");
    assert!(order
        .after
        .as_deref()
        .unwrap()
        .starts_with("1. Valeur technique\n2. Prix"));
    assert_eq!(
        s.changes.len(),
        2,
        "no removal nor addition: {:#?}",
        s.changes
    );
}

#[test]
fn a_removed_list_item_is_one_removal() {
    let before = common::catering();
    let mut after = before.clone();
    let removed = after.submission.offer_documents.remove(1);
    after.pse.clear();
    let diff = compare(&before, &after);
    let submission = section(&diff, "submission");
    assert_eq!(submission.changes.len(), 1, "{:#?}", submission.changes);
    let c = &submission.changes[0];
    assert_eq!(c.path, "submission.offer_documents[1]");
    assert_eq!(c.label, "Pièce de l’offre 2");
    assert_eq!(c.before.as_deref(), Some(removed.as_str()));
    assert_eq!(c.after, None);
    assert_eq!(c.segments[0].kind, SegmentKind::Removed);

    let pse = change(&diff, "pse[0]");
    assert_eq!(section(&diff, "variants").changes.len(), 1);
    assert!(pse
        .before
        .as_deref()
        .unwrap()
        .contains("Chiffrage obligatoire\u{a0}: Non"));
    assert_eq!(pse.after, None);
}

#[test]
fn sections_come_in_the_order_of_the_editor() {
    let before = common::catering();
    let mut after = before.clone();
    after.submission.offer_validity_days += 30;
    after.buyer.address.city = "Saint-Julien".into();
    after.criteria[2].subcriteria[0].points += 1;
    after.purchase.lots.push(dce_core::model::Lot {
        number: 1,
        title: "Repas".into(),
        description: String::new(),
        estimated_amount_cents: 100_000,
    });
    after.purchase.launch_date = None;
    let diff = compare(&before, &after);
    let keys: Vec<&str> = diff.iter().map(|s| s.section.as_str()).collect();
    assert_eq!(
        keys,
        ["buyer", "purchase", "lots", "criteria", "submission"]
    );
    let titles: Vec<&str> = diff.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles[0], "Acheteur");
    assert_eq!(titles[4], "Candidature et remise des offres");
    assert_eq!(
        change(&diff, "buyer.address.city").label,
        "Adresse — commune"
    );
    let launch = change(&diff, "purchase.launch_date");
    assert!(launch.before.as_deref().unwrap().contains("2026"));
    assert_eq!(launch.after, None);
    assert_eq!(
        change(&diff, "criteria[2].subcriteria[0].points").label,
        "Critère 3 — sous-critère 1 — points"
    );
    assert!(change(&diff, "purchase.lots[0]")
        .after
        .as_deref()
        .unwrap()
        .contains("1\u{202F}000\u{a0}€\u{a0}HT"));
}

#[test]
fn the_diff_serialises_for_the_ui() {
    let before = common::catering();
    let mut after = before.clone();
    after.purchase.object.push_str(" bio");
    let json = serde_json::to_value(compare(&before, &after)).unwrap();
    let c = &json[0]["changes"][0];
    assert_eq!(json[0]["section"], "purchase");
    assert_eq!(c["path"], "purchase.object");
    assert_eq!(c["segments"][0]["kind"], "same");
    assert_eq!(c["segments"][1]["kind"], "added");
    assert_eq!(c["segments"][1]["text"], " bio");
}
