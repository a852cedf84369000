//! The notice (avis d'appel public à la concurrence) read back from each of
//! its files: the PDF's text, the DOCX's XML and the plain text say who
//! buys what, under which code, until when, how offers are judged and, for
//! a dossier in lots, each lot with its amount.
mod common;

use dce_core::compose::Piece;
use dce_core::export::{self, ExportError, Format};
use dce_core::french::{self, typography};
use dce_core::model::Dossier;
use std::io::Read;

fn today() -> chrono::NaiveDate {
    common::date("2026-11-22")
}

fn notice(d: &Dossier, format: Format) -> Vec<u8> {
    export::render_piece(d, Piece::Notice, format, false, today()).unwrap()
}

/// What the notice must say about `d`, as printed (French typography).
fn expected(d: &Dossier) -> Vec<String> {
    let mut values = vec![
        typography(&d.buyer.name),
        d.buyer.siret.clone(),
        typography(&d.purchase.object),
        d.purchase.cpv.clone(),
        french::datetime(d.submission.deadline.unwrap()),
        d.buyer.buyer_profile_url.clone(),
        d.buyer.questions_contact.email.clone(),
        dce_core::rules::tribunals::for_postcode(&d.buyer.address.postcode)
            .expect("the samples' communes have a tribunal")
            .name,
        french::date(d.purchase.launch_date.unwrap()),
    ];
    for c in &d.criteria {
        values.push(typography(&c.title));
        values.push(format!("{} %", c.weight_percent));
    }
    for lot in &d.purchase.lots {
        values.push(typography(&lot.title));
        values.push(french::money_ht(lot.estimated_amount_cents));
    }
    values
}

fn assert_says_all(what: &str, text: &str, d: &Dossier) {
    let text = common::squeezed(text);
    for value in expected(d) {
        assert!(
            text.contains(&common::squeezed(&value)),
            "the notice's {what} lacks {value:?}"
        );
    }
}

/// The value on the « label : value » line of `label` in `txt`.
fn field(txt: &str, label: &str) -> String {
    let line = txt
        .lines()
        .find(|l| l.starts_with(label) && l.contains("\u{a0}: "))
        .unwrap_or_else(|| panic!("no line {label:?} in\n{txt}"));
    line.split_once("\u{a0}: ").unwrap().1.to_string()
}

#[test]
fn the_pdf_docx_and_text_say_buyer_object_cpv_deadline_criteria_and_lots() {
    for d in [common::village_hall(), common::catering()] {
        let pdf = notice(&d, Format::Pdf);
        assert_says_all("PDF", &common::pdf_text(&pdf), &d);
        assert_says_all("DOCX", &common::docx_text(&notice(&d, Format::Docx)), &d);
        let txt = String::from_utf8(notice(&d, Format::Txt)).unwrap();
        assert_says_all("text", &txt, &d);
    }
}

/// The text, as pasted field by field into the BOAMP MAPA form: sections
/// in the form's order, one « Libellé : valeur » line a field.
#[test]
fn the_text_has_the_sections_of_the_boamp_form_and_a_line_a_field() {
    let d = common::village_hall();
    let txt = String::from_utf8(notice(&d, Format::Txt)).unwrap();
    let sections: Vec<&str> = txt
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.to_uppercase() == *l)
        .collect();
    assert_eq!(
        sections,
        [
            "1 IDENTIFICATION DE L’ACHETEUR",
            "2 COMMUNICATION",
            "3 PROCÉDURE",
            "4 IDENTIFICATION DU MARCHÉ",
            "5 LOTS",
            "6 INFORMATIONS COMPLÉMENTAIRES",
        ]
    );
    let field = |label| field(&txt, label);
    assert_eq!(field("Code CPV principal"), "45321000-3");
    assert_eq!(field("Type de marché"), "Travaux");
    assert_eq!(field("Marché alloti"), "Oui, en 3 lots");
    assert_eq!(field("Valeur estimée"), "262\u{202f}000\u{a0}€\u{a0}HT");
    assert_eq!(field("Prix"), "40\u{202f}%");
    assert_eq!(
        field("Date et heure limites de réception des offres"),
        french::datetime(d.submission.deadline.unwrap())
    );
    assert_eq!(
        field("Type de procédure"),
        "Marché à procédure adaptée (articles L2123-1 et R2123-1 1° du code de la commande publique)"
    );
    for mark in ["|", "**", "# ", "\\"] {
        assert!(!txt.contains(mark), "Markdown {mark:?} left in\n{txt}");
    }
}

#[test]
fn without_lots_or_criteria_the_notice_says_so() {
    let mut d = common::catering();
    d.criteria.clear();
    let txt = String::from_utf8(notice(&d, Format::Txt)).unwrap();
    assert_eq!(field(&txt, "Marché alloti"), "Non");
    assert!(!txt.contains("LOTS\n"), "{txt}");
    assert!(
        txt.contains(
            "3.1 Critères d’attribution\n--------------------------\n\nVoir le document de consultation."
        ),
        "{txt}"
    );
}

#[test]
fn a_dispense_publishes_a_notice_only_of_its_own_will() {
    let mut d = common::catering();
    d.procedure.choice = None;
    d.purchase.estimated_amount_cents = 2_000_000;
    assert!(
        !d.procedure.publicity.is_empty(),
        "the sample ticks its channels"
    );
    let txt = String::from_utf8(notice(&d, Format::Txt)).unwrap();
    assert!(txt.contains("AVIS DE CONSULTATION"), "{txt}");
    assert!(!txt.to_lowercase().contains("appel public"), "{txt}");
    assert!(
        field(&txt, "Type de procédure").starts_with(&typography(
            "Achat dispensé de publicité et de mise en concurrence préalables (article R2122-8 du code de la commande publique) ; la commune publie le présent avis à titre facultatif"
        )),
        "{txt}"
    );

    d.procedure.publicity.clear();
    let refused = export::render_piece(&d, Piece::Notice, Format::Pdf, false, today())
        .unwrap_err()
        .to_string();
    assert!(
        refused.starts_with(
            "Cet achat est dispensé de publicité (article R2122-8) : aucun avis n'est à publier."
        ),
        "{refused}"
    );
    assert!(
        !zip_names(&d).iter().any(|n| n.contains("_Avis.")),
        "no notice in the archive"
    );
}

#[test]
fn an_innovative_purchase_publishes_no_notice() {
    let mut d = common::catering();
    d.purchase.estimated_amount_cents = 9_000_000;
    d.procedure.choice = Some(dce_core::model::ProcedureChoice::Innovative);
    let refused = export::render_piece(&d, Piece::Notice, Format::Txt, false, today())
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("(article R2122-9-1) ne publie pas d'avis"),
        "{refused}"
    );
    let names = zip_names(&d);
    assert!(!names.iter().any(|n| n.contains("_Avis.")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("_DCE.pdf")), "{names:?}");
}

fn zip_names(d: &Dossier) -> Vec<String> {
    let zip = export::render(d, Format::Zip, false, today()).unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    archive.file_names().map(String::from).collect()
}

#[test]
fn a_final_notice_is_refused_while_a_blocking_finding_remains() {
    let mut d = common::catering();
    d.execution.payment_period_days = 60;
    let refused = export::render_piece(&d, Piece::Notice, Format::Txt, true, today());
    assert!(
        matches!(refused, Err(ExportError::Blocked(_))),
        "{refused:?}"
    );
    let final_text = export::render_piece(
        &common::catering(),
        Piece::Notice,
        Format::Txt,
        true,
        today(),
    )
    .unwrap();
    assert!(!String::from_utf8(final_text).unwrap().contains("PROJET"));
    assert!(String::from_utf8(notice(&d, Format::Txt))
        .unwrap()
        .starts_with("PROJET"));
}

#[test]
fn only_the_whole_dossier_makes_a_zip() {
    for piece in [Piece::Notice, Piece::ResponseFrames] {
        let err = export::render_piece(&common::catering(), piece, Format::Zip, false, today())
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("L'archive ZIP réunit toutes les pièces du dossier"),
            "{err}"
        );
    }
}

#[test]
fn the_zip_holds_the_notice_text_ready_to_paste() {
    let d = common::village_hall();
    let bytes = export::render(&d, Format::Zip, false, today()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let name = export::piece_file_name(&d, Piece::Notice, Format::Txt);
    assert_eq!(name, "SDF-01_Travaux-de-renovation-energetique_Avis.txt");
    let mut txt = String::new();
    zip.by_name(&name)
        .unwrap()
        .read_to_string(&mut txt)
        .unwrap();
    assert_says_all("text in the ZIP", &txt, &d);
}
