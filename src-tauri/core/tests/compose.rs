mod common;

use dce_core::compose::{self, document::Block};

fn text_of(doc: &dce_core::compose::document::Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => out.push_str(&h.label()),
            Block::Paragraph(p) => p.runs.iter().for_each(|r| out.push_str(&r.text)),
            Block::List(l) => l.items.iter().flatten().for_each(|r| out.push_str(&r.text)),
            Block::Table(t) => {
                out.push_str(&t.header.join(" "));
                t.rows
                    .iter()
                    .flatten()
                    .flatten()
                    .for_each(|r| out.push_str(&r.text));
            }
            Block::AnswerField(f) => out.push_str(&f.label),
            Block::Checkbox(c) => out.push_str(&c.label),
            Block::Figure(f) => out.push_str(&format!("{} {}", f.label, f.unit)),
            Block::TableOfContents | Block::PageBreak => {}
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_articles_come_in_order_and_the_ccag_derogations_last() {
    let doc = compose::dce(&common::catering()).unwrap();
    let articles: Vec<String> = doc
        .headings()
        .filter(|h| h.level == 1)
        .map(|h| h.label())
        .collect();
    assert_eq!(
        articles,
        [
            "1 Présentation de la consultation",
            "2 Variantes et prestations supplémentaires",
            "3 Critères d’attribution",
            "4 Candidature et remise des offres",
            "5 Négociation, attribution et recours",
            "6 Cadres de réponse",
            "7 Acte d’engagement",
            "8 Conditions d’exécution",
            "9 Expression fonctionnelle du besoin",
            "10 Dérogations au CCAG-FCS",
        ]
    );
    assert!(doc.headings().any(|h| h.label() == "1.2 Objet du marché"));
}

#[test]
fn what_the_user_entered_is_in_the_document() {
    let d = common::catering();
    let doc = compose::dce(&d).unwrap();
    let text = text_of(&doc);
    for expected in [
        "Commune de Saint-Julien-des-Prés",
        "120\u{202F}000\u{a0}€\u{a0}HT",
        "36 mois",
        "Garantir la sécurité sanitaire des repas jusqu’à leur remise",
        "Souplesse F0\u{a0}: le niveau est impératif",
        "Performance environnementale",
        "25 %",
        "30\u{a0}décembre\u{a0}2026 à 12\u{a0}h\u{a0}00",
        "Pénalités de retard de livraison fixées par service",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    assert_eq!(doc.cover.buyer, "Commune de Saint-Julien-des-Prés");
    assert!(doc
        .running_header
        .starts_with("RS-01 — Fourniture et livraison"));
}

#[test]
fn typed_markdown_characters_are_printed_as_typed() {
    let mut d = common::catering();
    d.purchase.object = "Lot #2 : *urgent* [bâtiment_A] 3 - 2 > 0".into();
    d.purchase.context = "# pas un titre\n\n- pas une liste".into();
    let doc = compose::dce(&d).unwrap();
    let text = text_of(&doc);
    assert!(
        text.contains("Lot #2\u{a0}: *urgent* [bâtiment_A] 3 - 2 > 0"),
        "{text}"
    );
    assert!(text.contains("# pas un titre"));
    assert!(text.contains("- pas une liste"));
    assert_eq!(
        doc.headings().filter(|h| h.text == "pas un titre").count(),
        0
    );
}

#[test]
fn missing_values_are_marked_to_complete() {
    let mut d = common::catering();
    d.purchase.object.clear();
    d.submission.deadline = None;
    d.execution.penalties.clear();
    let doc = compose::dce(&d).unwrap();
    assert_eq!(doc.cover.title, "[à compléter]");
    assert!(text_of(&doc).matches("[à compléter]").count() >= 3);
}

#[test]
fn variants_forbidden_say_so() {
    let mut d = common::catering();
    d.variants.policy = dce_core::model::VariantPolicy::Forbidden;
    let text = text_of(&compose::dce(&d).unwrap());
    assert!(text.contains("Les variantes ne sont pas autorisées"));
    assert!(!text.contains("Exigences minimales que toute variante respecte"));
}
