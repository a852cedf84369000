//! The environmental impact canvas in the response frames: every sample's
//! frame has numeric fields with their unit (PDF with a number format,
//! DOCX content controls), and a frame filled by script reads back.
mod common;

use chrono::NaiveDate;
use dce_core::canvas::{self, CanvasError, Figure, LineAnswer};
use dce_core::compose::document::Block;
use dce_core::compose::{compose, Piece};
use dce_core::model::{Dossier, Question};
use dce_core::samples;
use lopdf::Object;
use std::collections::HashMap;
use std::io::{Read, Write};

fn sample(name: &str) -> Dossier {
    samples::find(name).unwrap().instantiate(
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        format!("uid-{name}"),
    )
}

fn measured(d: &Dossier) -> Vec<&Question> {
    d.questions.iter().filter(|q| q.measure.is_some()).collect()
}

fn frames_pdf(d: &Dossier) -> Vec<u8> {
    let doc = compose(d, Piece::ResponseFrames).unwrap();
    dce_core::render::pdf::render(&doc, Default::default()).unwrap()
}

fn frames_docx(d: &Dossier) -> Vec<u8> {
    let doc = compose(d, Piece::ResponseFrames).unwrap();
    dce_core::render::docx::render(&doc, Default::default()).unwrap()
}

/// Every form field of a PDF by name, as lopdf reads it.
fn pdf_fields(doc: &lopdf::Document) -> HashMap<String, lopdf::ObjectId> {
    let form = doc.catalog().unwrap().get(b"AcroForm").unwrap();
    let form = match form {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        o => o.as_dict().unwrap(),
    };
    form.get(b"Fields")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let id = r.as_reference().unwrap();
            let d = doc.get_dictionary(id).unwrap();
            (lopdf::decode_text_string(d.get(b"T").unwrap()).unwrap(), id)
        })
        .collect()
}

fn javascript(doc: &lopdf::Document, aa: &lopdf::Dictionary, key: &[u8]) -> String {
    let action = match aa.get(key).unwrap() {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        o => o.as_dict().unwrap(),
    };
    assert_eq!(action.get(b"S").unwrap().as_name().unwrap(), b"JavaScript");
    lopdf::decode_text_string(action.get(b"JS").unwrap()).unwrap()
}

#[test]
fn every_sample_with_an_environmental_criterion_has_a_quantified_frame() {
    for s in samples::all() {
        let d = sample(s.name);
        if !d.criteria.iter().any(|c| c.kind.is_environmental()) {
            continue;
        }
        let lines = measured(&d);
        assert!(
            (1..=canvas::MAX_PROPOSED).contains(&lines.len()),
            "{}: {} canvas lines",
            s.name,
            lines.len()
        );

        // The document: a figure box with the line's unit.
        let doc = compose(&d, Piece::ResponseFrames).unwrap();
        for q in &lines {
            let unit = &q.measure.as_ref().unwrap().unit;
            assert!(
                doc.blocks
                    .iter()
                    .any(|b| matches!(b, Block::Figure(f) if f.id == q.id && &f.unit == unit)),
                "{}: no figure box for {}",
                s.name,
                q.id
            );
        }

        // PDF: a number field per line, the « non mesuré » box, the justification.
        let pdf = frames_pdf(&d);
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let fields = pdf_fields(&doc);
        for q in &lines {
            let at = format!("{} / {}", s.name, q.id);
            let f = doc
                .get_dictionary(fields[&q.id])
                .unwrap_or_else(|_| panic!("{at}"));
            assert_eq!(f.get(b"FT").unwrap().as_name().unwrap(), b"Tx", "{at}");
            let aa = f.get(b"AA").unwrap().as_dict().unwrap();
            assert!(
                javascript(&doc, aa, b"F").starts_with("AFNumber_Format(2, 3,"),
                "{at}"
            );
            assert!(
                javascript(&doc, aa, b"K").starts_with("AFNumber_Keystroke(2, 3,"),
                "{at}"
            );
            let nm = doc
                .get_dictionary(fields[&format!("{}-non-mesure", q.id)])
                .unwrap();
            assert_eq!(nm.get(b"FT").unwrap().as_name().unwrap(), b"Btn", "{at}");
            let j = doc
                .get_dictionary(fields[&format!("{}-justification", q.id)])
                .unwrap();
            assert_eq!(j.get(b"FT").unwrap().as_name().unwrap(), b"Tx", "{at}");
            assert!(
                j.get(b"AA").is_err(),
                "{at}: the justification is free text"
            );
        }
        let text = common::squeezed(&common::pdf_text(&pdf));
        assert!(
            text.contains(&common::squeezed("Valeur chiffrée")),
            "{}",
            s.name
        );
        for q in &lines {
            let unit = common::squeezed(&q.measure.as_ref().unwrap().unit);
            assert!(text.contains(&unit), "{}: unit {unit} not printed", s.name);
        }

        // DOCX: the matching content controls, the unit beside the figure.
        let docx = frames_docx(&d);
        let xml = common::docx_part(&docx, "word/document.xml");
        for q in &lines {
            for tag in [
                q.id.clone(),
                format!("{}-non-mesure", q.id),
                format!("{}-justification", q.id),
            ] {
                assert!(
                    xml.contains(&format!(r#"<w:tag w:val="{tag}"/>"#)),
                    "{}: no content control {tag}",
                    s.name
                );
            }
        }
        let body = common::docx_text(&docx);
        for q in &lines {
            let unit = &q.measure.as_ref().unwrap().unit;
            assert!(
                body.contains(&format!("\u{a0}\u{a0}{unit}")),
                "{}: {unit}",
                s.name
            );
        }
        let core = common::docx_part(&docx, "docProps/core.xml");
        assert!(core.contains(&format!("<dc:identifier>{}</dc:identifier>", d.uid)));
    }
}

/// Sets text fields (`V`) and ticks check boxes (`V` and `AS` to /Yes) as a
/// PDF reader does when a firm fills the form.
fn fill_pdf(pdf: &[u8], text: &[(&str, &str)], ticked: &[&str]) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    let fields = pdf_fields(&doc);
    for (name, value) in text {
        let f = doc.get_dictionary_mut(fields[*name]).unwrap();
        f.set("V", lopdf::text_string(value));
    }
    for name in ticked {
        let f = doc.get_dictionary_mut(fields[*name]).unwrap();
        f.set("V", Object::Name(b"Yes".to_vec()));
        f.set("AS", Object::Name(b"Yes".to_vec()));
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Writes into the content controls as Word does: the typed text replaces
/// the placeholder run, `showingPlcHdr` goes; a ticked box gets its flag
/// and glyph.
fn fill_docx(docx: &[u8], text: &[(&str, &str)], ticked: &[&str]) -> Vec<u8> {
    let mut xml = common::docx_part(docx, "word/document.xml");
    for (tag, value) in text {
        let at = xml.find(&format!(r#"<w:tag w:val="{tag}"/>"#)).unwrap();
        let start = at + xml[at..].find("<w:sdtContent>").unwrap();
        let end = start + xml[start..].find("</w:sdtContent>").unwrap();
        let content = format!(
            "<w:sdtContent><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            value.replace('&', "&amp;").replace('<', "&lt;")
        );
        xml.replace_range(start..end, &content);
        let pr = &xml[at..start];
        if let Some(p) = pr.find("<w:showingPlcHdr/>") {
            xml.replace_range(at + p..at + p + "<w:showingPlcHdr/>".len(), "");
        }
    }
    for tag in ticked {
        let at = xml.find(&format!(r#"<w:tag w:val="{tag}"/>"#)).unwrap();
        let unchecked = r#"<w14:checked w14:val="0"/>"#;
        let p = at + xml[at..].find(unchecked).unwrap();
        xml.replace_range(p..p + unchecked.len(), r#"<w14:checked w14:val="1"/>"#);
        let g = at + xml[at..].find('\u{2610}').unwrap();
        xml.replace_range(g..g + '\u{2610}'.len_utf8(), "\u{2612}");
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        if name == "word/document.xml" {
            out.write_all(xml.as_bytes()).unwrap();
        } else {
            out.write_all(&bytes).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

fn by_id(answers: &[LineAnswer]) -> HashMap<&str, &LineAnswer> {
    answers
        .iter()
        .map(|a| (a.question_id.as_str(), a))
        .collect()
}

/// What a firm answers on the catering canvas: a figure with a comma, one
/// typed with its unit, one « non mesuré » ticked, one typed, one left empty.
const TEXT: &[(&str, &str)] = &[
    ("rs-produits-durables", "62,5"),
    (
        "rs-produits-durables-justification",
        "Relevé des achats 2025 : 62,5 % en valeur.",
    ),
    ("rs-produits-bio", "28 %"),
    ("rs-km-livraison", "1 234"),
    ("rs-emballages-jetables", "non mesuré"),
    (
        "rs-emballages-jetables-justification",
        "Nous commençons les pesées en janvier.",
    ),
];
const TICKED: &[&str] = &["rs-co2-livraisons-non-mesure"];

fn check_catering_answers(answers: &[LineAnswer]) {
    let a = by_id(answers);
    assert_eq!(answers.len(), 6, "one answer per canvas line");
    assert_eq!(a["rs-produits-durables"].figure, Figure::Value(62.5));
    assert_eq!(
        a["rs-produits-durables"].justification,
        "Relevé des achats 2025 : 62,5 % en valeur."
    );
    assert_eq!(a["rs-produits-bio"].figure, Figure::Value(28.0));
    assert_eq!(a["rs-km-livraison"].figure, Figure::Value(1234.0));
    assert_eq!(a["rs-co2-livraisons"].figure, Figure::NotMeasured);
    assert_eq!(a["rs-emballages-jetables"].figure, Figure::NotMeasured);
    assert_eq!(
        a["rs-emballages-jetables"].justification,
        "Nous commençons les pesées en janvier."
    );
    assert_eq!(a["rs-contenants-reemploi"].figure, Figure::Missing);
    assert_eq!(a["rs-contenants-reemploi"].justification, "");
}

#[test]
fn a_filled_pdf_frame_reads_back() {
    let d = sample("restauration-scolaire");
    let blank = frames_pdf(&d);
    let answers = canvas::read_pdf(&d, &fill_pdf(&blank, TEXT, TICKED)).unwrap();
    check_catering_answers(&answers);

    // An empty frame reads back as nothing answered.
    let empty = canvas::read_pdf(&d, &blank).unwrap();
    assert!(empty.iter().all(|a| a.figure == Figure::Missing));

    let err =
        canvas::read_pdf(&d, &fill_pdf(&blank, &[("rs-km-livraison", "douze")], &[])).unwrap_err();
    assert_eq!(
        err,
        CanvasError::NotANumber {
            line: "Distance parcourue par livraison, aller et retour depuis la cuisine".into(),
            found: "douze".into()
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("«\u{a0}douze\u{a0}» n’est pas un nombre"),
        "{message}"
    );
    assert!(message.contains("par exemple 12,5"), "{message}");

    let both = fill_pdf(
        &blank,
        &[("rs-km-livraison", "12")],
        &["rs-km-livraison-non-mesure"],
    );
    assert!(matches!(
        canvas::read_pdf(&d, &both),
        Err(CanvasError::Contradiction { .. })
    ));
}

#[test]
fn a_filled_docx_frame_reads_back() {
    let d = sample("restauration-scolaire");
    let blank = frames_docx(&d);
    let answers = canvas::read_docx(&d, &fill_docx(&blank, TEXT, TICKED)).unwrap();
    check_catering_answers(&answers);

    let empty = canvas::read_docx(&d, &blank).unwrap();
    assert!(
        empty
            .iter()
            .all(|a| a.figure == Figure::Missing && a.justification.is_empty()),
        "the grey placeholders are not answers: {empty:?}"
    );

    let err = canvas::read_docx(&d, &fill_docx(&blank, &[("rs-produits-bio", "douze")], &[]))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("«\u{a0}Part des produits issus de l'agriculture biologique"),
        "{err}"
    );
    assert!(matches!(err, CanvasError::NotANumber { found, .. } if found == "douze"));
}

#[test]
fn a_frame_of_another_dossier_is_refused() {
    let d = sample("restauration-scolaire");
    let mut other = d.clone();
    other.uid = "uid-another-commune".into();
    let pdf = fill_pdf(&frames_pdf(&other), TEXT, TICKED);
    let err = canvas::read_pdf(&d, &pdf).unwrap_err();
    assert_eq!(err, CanvasError::WrongDossier);
    assert!(
        err.to_string().contains("produit pour un autre dossier"),
        "{err}"
    );
    let docx = frames_docx(&other);
    assert_eq!(canvas::read_docx(&d, &docx), Err(CanvasError::WrongDossier));

    // A PDF that is no frame of ours (the DCE itself) says so.
    let dce = compose(&d, Piece::Dce).unwrap();
    let dce = dce_core::render::pdf::render(&dce, Default::default()).unwrap();
    assert_eq!(canvas::read_pdf(&d, &dce), Err(CanvasError::NotOurFrame));
    assert!(matches!(
        canvas::read_pdf(&d, b"pas un PDF"),
        Err(CanvasError::NotPdf { .. })
    ));
    assert!(matches!(
        canvas::read_docx(&d, b"pas un DOCX"),
        Err(CanvasError::NotDocx { .. })
    ));
}

#[test]
fn two_read_back_offers_compare_line_by_line() {
    let d = sample("restauration-scolaire");
    let blank = frames_pdf(&d);
    let a = canvas::read_pdf(&d, &fill_pdf(&blank, TEXT, TICKED)).unwrap();
    let b = canvas::read_docx(
        &d,
        &fill_docx(
            &frames_docx(&d),
            &[
                ("rs-produits-durables", "55"),
                ("rs-km-livraison", "18,4"),
                ("rs-co2-livraisons", "640"),
            ],
            &[],
        ),
    )
    .unwrap();
    let rows = canvas::compare(&d, &[("Cuisine A".into(), a), ("Traiteur B".into(), b)]);
    assert_eq!(rows.len(), 6);
    let row = |id: &str| rows.iter().find(|r| r.question_id == id).unwrap();
    let best = |id: &str| row(id).offers.iter().map(|o| o.best).collect::<Vec<_>>();
    assert_eq!(
        best("rs-produits-durables"),
        [true, false],
        "62,5 % beats 55 %"
    );
    assert_eq!(
        best("rs-km-livraison"),
        [false, true],
        "18,4 km beats 1 234 km"
    );
    assert_eq!(
        best("rs-co2-livraisons"),
        [false, true],
        "non mesuré is never best"
    );
    assert_eq!(row("rs-km-livraison").offers[1].offer, "Traiteur B");
    assert_eq!(row("rs-km-livraison").unit, "km par livraison");
}

#[test]
fn the_command_line_compares_the_filled_frames_of_two_firms() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    let created = common::dce(&db, &["new", "--sample", "restauration-scolaire"]);
    let id = String::from_utf8(created.stdout)
        .unwrap()
        .trim()
        .to_string();
    let shown = common::dce(&db, &["show", &id]);
    let d: Dossier = serde_json::from_slice(&shown.stdout).unwrap();
    let a = dir.path().join("Cuisine A.pdf");
    std::fs::write(&a, fill_pdf(&frames_pdf(&d), TEXT, TICKED)).unwrap();
    let b = dir.path().join("Traiteur B.docx");
    let b_filled = fill_docx(&frames_docx(&d), &[("rs-km-livraison", "18,4")], &[]);
    std::fs::write(&b, b_filled).unwrap();

    let out = common::dce(
        &db,
        &["canevas", &id, a.to_str().unwrap(), b.to_str().unwrap()],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains(
            "Distance parcourue par livraison, aller et retour depuis la cuisine (km par livraison)\n  Cuisine A\u{a0}: 1\u{202f}234\n  Traiteur B\u{a0}: 18,4 — meilleure valeur\n"
        ),
        "{text}"
    );
    assert!(text.contains("  Cuisine A\u{a0}: non mesuré\n"), "{text}");
    assert!(
        text.contains("  Traiteur B\u{a0}: sans réponse\n"),
        "{text}"
    );

    // The frame of another dossier is refused, in French, naming the file.
    let other = dir.path().join("Autre.pdf");
    std::fs::write(&other, frames_pdf(&sample("restauration-scolaire"))).unwrap();
    let out = common::dce(&db, &["canevas", &id, other.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(
        err.contains("Autre.pdf") && err.contains("dossier"),
        "{err}"
    );
}
