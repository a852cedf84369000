//! Assisted sessions on paper: the review sheet for the adviser, and the
//! comments annex at the end of a draft. Both are read back from the files
//! (poppler's pdftotext, the DOCX's XML).
mod common;

use chrono::NaiveDateTime;
use dce_core::compose::{self, document::Block};
use dce_core::export::{self, Format};
use dce_core::model::Dossier;
use dce_core::rules::{self, Finding, Severity};
use dce_core::sections;
use dce_core::store::{Comment, StoredComment};
use std::io::Read;

fn today() -> chrono::NaiveDate {
    common::date("2026-11-22")
}

fn at(s: &str) -> NaiveDateTime {
    s.parse().expect("test date and time")
}

fn comment(
    id: i64,
    section: &str,
    field: Option<&str>,
    text: &str,
    resolved: bool,
) -> StoredComment {
    StoredComment {
        id,
        comment: Comment {
            section: section.into(),
            field: field.map(str::to_string),
            author: "Claire Vasseur".into(),
            created_at: at("2026-11-20T14:05:00"),
            text: text.into(),
            resolved,
        },
    }
}

/// An open comment on a criterion's weight, and a resolved one on the buyer.
fn comments() -> Vec<StoredComment> {
    vec![
        comment(
            1,
            "buyer",
            None,
            "Vérifier le SIRET avec le service comptable",
            true,
        ),
        comment(
            2,
            "criteria",
            Some("criteria[0].weight_percent"),
            "Le prix pèse trop peu pour un marché de denrées",
            false,
        ),
    ]
}

/// A dossier whose criteria weights do not add up (a warning) and whose
/// payment period is too long (blocking).
fn unbalanced() -> (Dossier, Vec<Finding>) {
    let mut d = common::catering();
    d.criteria[0].weight_percent = 10;
    d.execution.payment_period_days = 60;
    let findings = rules::check(&d, rules::judging_date(&d, today()));
    assert!(findings.iter().any(|f| f.severity == Severity::Blocking));
    (d, findings)
}

/// Text to search: line breaks, justification and hyphenation move spaces
/// and hyphens around, and typography turns ' into ’.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2011}' | '\u{ad}'))
        .map(|c| if c == '\'' { '’' } else { c })
        .collect()
}

fn assert_has(text: &str, expected: &str, what: &str) {
    assert!(
        normalise(text).contains(&normalise(expected)),
        "{what} lacks {expected:?}:\n{text}"
    );
}

fn docx_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip");
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn the_review_sheet_lists_findings_incomplete_steps_and_open_comments() {
    let (mut d, _) = unbalanced();
    // Two steps left plainly empty: core finds them.
    d.questions.clear();
    d.buyer.questions_contact.email.clear();
    let findings = rules::check(&d, rules::judging_date(&d, today()));
    let pdf = export::render_review(&d, &findings, &comments(), Format::Pdf, today()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = common::pdf_text(&pdf);
    for expected in [
        "Fiche de relecture",
        "Commune de Saint-Julien-des-Prés",
        "Fourniture et livraison de repas",
        "RS-01",
        "Date de la relecture",
        "22 novembre 2026",
        "Points à corriger",
        "Étapes incomplètes",
        "Commentaires ouverts",
        "Critères d’attribution",
        "Bloquant",
        // The open comment: author, French date, field, text.
        "Claire Vasseur",
        "20 novembre 2026 à 14 h 05",
        "Critère 1 — pondération (%)",
        "Le prix pèse trop peu pour un marché de denrées",
        "1 commentaire résolu, non repris ici",
    ] {
        assert_has(&text, expected, "the review PDF");
    }
    let blocking = findings
        .iter()
        .find(|f| f.severity == Severity::Blocking)
        .unwrap();
    assert_has(&text, &blocking.message, "the review PDF");
    assert_has(&text, &blocking.reference, "the review PDF");
    assert!(
        !normalise(&text).contains(&normalise("Vérifier le SIRET")),
        "a resolved comment is not on the sheet"
    );
    // Incomplete steps in the editor's order, whatever order they came in.
    let flat = normalise(&text);
    let steps_part = &flat[flat.rfind(&normalise("Étapes incomplètes")).unwrap()..];
    let buyer = steps_part.find("Acheteur").expect("Acheteur listed");
    let frames = steps_part
        .find(&normalise("Cadres de réponse"))
        .expect("frames listed");
    assert!(buyer < frames, "{steps_part}");
}

#[test]
fn the_review_groups_findings_by_step_in_the_editor_order() {
    let (d, findings) = unbalanced();
    let doc = compose::review(&d, &findings, &comments(), today()).unwrap();
    assert_eq!(doc.cover.kicker, "Fiche de relecture");
    let headings: Vec<String> = doc.headings().map(|h| h.text.clone()).collect();
    let level1: Vec<&str> = doc
        .headings()
        .filter(|h| h.level == 1)
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        level1,
        [
            "Synthèse",
            "Points à corriger",
            "Étapes incomplètes",
            "Commentaires ouverts"
        ]
    );
    // The step headings (level 2 under « Points à corriger ») follow the editor's order.
    let level2: Vec<&str> = doc
        .headings()
        .filter(|h| h.level == 2)
        .map(|h| h.text.as_str())
        .collect();
    let mut expected: Vec<&str> = findings
        .iter()
        .map(|f| sections::step_of_field(&f.field))
        .collect();
    expected.sort_by_key(|k| sections::step_rank(k));
    expected.dedup();
    let expected: Vec<&str> = expected
        .iter()
        .map(|k| sections::step_title(k).unwrap())
        .chain(["Critères d’attribution"]) // the open comment's step
        .collect();
    assert_eq!(level2, expected, "{headings:?}");
}

#[test]
fn the_review_window_reads_the_same_sheet_step_by_step() {
    let (d, findings) = unbalanced();
    let sheet = compose::review_sheet(&d, &findings, &comments(), today());
    let criteria = sheet
        .steps
        .iter()
        .find(|s| s.key == "criteria")
        .expect("the criteria step has something to see");
    assert_eq!(criteria.heading, "7. Critères d’attribution");
    assert!(
        criteria.incomplete,
        "weights that do not add up to 100 leave the step incomplete"
    );
    assert_eq!(criteria.comments.len(), 1, "only the open comment");
    assert_eq!(
        criteria.comments[0].date,
        "20\u{a0}novembre\u{a0}2026 à 14\u{a0}h\u{a0}05"
    );
    assert!(criteria.findings.iter().any(|f| f.severity == "Attention"));
    let keys: Vec<&str> = sheet.steps.iter().map(|s| s.key).collect();
    let mut sorted = keys.clone();
    sorted.sort_by_key(|k| sections::step_rank(k));
    assert_eq!(keys, sorted, "steps in the editor's order");
    let summary: Vec<(usize, &str)> = sheet
        .summary
        .iter()
        .map(|i| (i.count, i.label.as_str()))
        .collect();
    let blocking = findings
        .iter()
        .filter(|f| f.severity == Severity::Blocking)
        .count();
    assert_eq!(summary[0].0, blocking);
    assert_eq!(summary[3], (1, "commentaire ouvert"));
    assert_eq!(summary[4], (1, "étape à compléter"));
    assert!(sheet.clean.is_empty());

    let clean = compose::review_sheet(&common::catering(), &[], &[], today());
    assert!(clean.steps.is_empty());
    assert!(clean.clean.starts_with("Rien à revoir"), "{}", clean.clean);
    assert_eq!(
        (clean.summary[1].count, clean.summary[1].label.as_str()),
        (0, "point d’attention")
    );
}

#[test]
fn the_review_sheet_exports_as_docx_too() {
    let (d, findings) = unbalanced();
    let docx = export::render_review(&d, &findings, &comments(), Format::Docx, today()).unwrap();
    let xml = docx_xml(&docx);
    assert_has(
        &xml,
        "Le prix pèse trop peu pour un marché de denrées",
        "the review DOCX",
    );
    assert!(matches!(
        export::render_review(&d, &findings, &comments(), Format::Txt, today()),
        Err(export::ExportError::ReviewFormat)
    ));
}

#[test]
fn an_empty_review_says_so() {
    let d = common::catering();
    let pdf = export::render_review(&d, &[], &[], Format::Pdf, today()).unwrap();
    let text = common::pdf_text(&pdf);
    for expected in [
        "Aucun point à corriger",
        "Toutes les étapes sont complètes.",
        "Aucun commentaire ouvert.",
    ] {
        assert_has(&text, expected, "the empty review PDF");
    }
}

#[test]
fn a_draft_pdf_ends_with_the_comments_annex() {
    let d = common::catering();
    let pdf = export::render_with_comments(&d, &comments(), Format::Pdf, today()).unwrap();
    let text = common::pdf_text(&pdf);
    for expected in [
        "Annexe — Commentaires de relecture",
        "Le prix pèse trop peu pour un marché de denrées",
        "Vérifier le SIRET avec le service comptable",
        "Critères d’attribution — Critère 1 — pondération (%)",
        "Claire Vasseur, le 20 novembre 2026 à 14 h 05",
        "résolu",
        "1 ouvert, 1 résolu",
    ] {
        assert_has(&text, expected, "the draft PDF");
    }
    let flat = normalise(&text);
    let annex = flat
        .rfind(&normalise("Annexe — Commentaires de relecture"))
        .unwrap();
    let open = flat.rfind(&normalise("Le prix pèse trop peu")).unwrap();
    let resolved = flat.rfind(&normalise("Vérifier le SIRET")).unwrap();
    assert!(
        annex < open && open < resolved,
        "open comments first, after the annex heading"
    );
    // The very end: nothing of the DCE comes after the annex.
    let last_article = flat.rfind(&normalise("Dérogations au CCAG")).unwrap();
    assert!(last_article < annex);
}

#[test]
fn a_draft_docx_ends_with_the_comments_annex_and_keeps_the_watermark() {
    let d = common::catering();
    let docx = export::render_with_comments(&d, &comments(), Format::Docx, today()).unwrap();
    let xml = docx_xml(&docx);
    let annex = xml
        .find("Annexe — Commentaires de relecture")
        .expect("annex heading");
    let text = xml
        .find("Le prix pèse trop peu pour un marché de denrées")
        .expect("comment text");
    assert!(annex < text);
    assert!(xml.contains("Vérifier le SIRET avec le service comptable"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/header"))
        .map(String::from)
        .collect();
    let headers: String = names
        .iter()
        .map(|n| {
            let mut s = String::new();
            zip.by_name(n).unwrap().read_to_string(&mut s).unwrap();
            s
        })
        .collect();
    assert!(headers.contains("PROJET"), "a draft keeps its watermark");
}

#[test]
fn without_comments_there_is_no_annex() {
    let d = common::catering();
    let with = export::render_with_comments(&d, &[], Format::Pdf, today()).unwrap();
    let plain = export::render(&d, Format::Pdf, false, today()).unwrap();
    let text = common::pdf_text(&with);
    assert!(!text.contains("Commentaires de relecture"));
    assert_eq!(
        text,
        common::pdf_text(&plain),
        "the same draft as without comments"
    );
    let docx = export::render_with_comments(&d, &[], Format::Docx, today()).unwrap();
    assert!(!docx_xml(&docx).contains("Commentaires de relecture"));
    assert!(compose::comments_annex(&[], today()).is_empty());
}

#[test]
fn the_annex_is_one_unnumbered_heading_after_a_page_break() {
    let blocks = compose::comments_annex(&comments(), today());
    assert_eq!(blocks[0], Block::PageBreak);
    let Block::Heading(h) = &blocks[1] else {
        panic!("{blocks:?}")
    };
    assert_eq!((h.level, h.number.as_str()), (1, ""));
    assert_eq!(h.text, compose::ANNEX_TITLE);
    let headings = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading(_)))
        .count();
    assert_eq!(headings, 1);
}

#[test]
fn in_the_zip_bundle_only_the_dce_carries_the_annex() {
    let d = common::catering();
    let bytes = export::render_with_comments(&d, &comments(), Format::Zip, today()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.ends_with(".pdf"))
        .map(String::from)
        .collect();
    assert_eq!(
        names.len(),
        4,
        "the DCE, the response frames, the notice and the price schedule"
    );
    for name in names {
        let mut pdf = Vec::new();
        zip.by_name(&name).unwrap().read_to_end(&mut pdf).unwrap();
        let has_annex = common::pdf_text(&pdf).contains("Commentaires de relecture");
        assert_eq!(has_annex, name.ends_with("_DCE.pdf"), "{name}");
    }
}
