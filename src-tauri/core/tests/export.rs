//! Export a sample and read the files back: the PDF's text and fonts
//! (poppler's pdftotext/pdffonts), the DOCX's XML.
mod common;

use dce_core::compose::Piece;
use dce_core::export::{self, ExportError, Format};
use std::io::Read;
use std::process::Command;

fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool)
        .args(extra)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed by this test (Debian package poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn today() -> chrono::NaiveDate {
    common::date("2026-11-22")
}

#[test]
fn pdf_carries_the_articles_with_accents_and_embedded_fonts() {
    let d = common::catering();
    let pdf = export::render(&d, Format::Pdf, false, today()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = poppler("pdftotext", &pdf, &["-layout"]);
    for expected in [
        "Commune de Saint-Julien-des-Prés",
        "Fourniture et livraison de repas",
        "Présentation de la consultation",
        "Expression fonctionnelle du besoin",
        "Critères d’attribution",
        "Performance environnementale",
        "Conditions d’exécution",
        "Dérogations au CCAG-FCS",
    ] {
        assert!(text.contains(expected), "PDF text lacks {expected:?}");
    }
    let fonts = poppler("pdffonts", &pdf, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {fonts}");
    for row in rows {
        assert!(row.contains("NotoSans"), "unexpected font: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // Columns: name type encoding emb sub uni object ID
        assert!(
            cols.iter().rev().nth(4) == Some(&"yes"),
            "font not embedded: {row}"
        );
    }
}

#[test]
fn docx_has_real_heading_styles_and_the_content() {
    let d = common::catering();
    let docx = export::render(&d, Format::Docx, false, today()).unwrap();
    assert!(docx.starts_with(b"PK"));
    let xml = common::docx_part(&docx, "word/document.xml");
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1"/>"#),
        "no Heading1 paragraph"
    );
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading2"/>"#),
        "no Heading2 paragraph"
    );
    for expected in [
        "Présentation de la consultation",
        "Expression fonctionnelle du besoin",
        "Fourniture et livraison de repas",
        "Performance environnementale",
    ] {
        assert!(xml.contains(expected), "document.xml lacks {expected:?}");
    }
    let styles = common::docx_part(&docx, "word/styles.xml");
    assert!(
        styles.contains("heading 1"),
        "styles.xml lacks the Word heading 1 style"
    );
}

// pdftotext skips diagonal text: the PDF watermark is checked by the
// renderer's own tests, which decode the glyphs.
#[test]
fn only_drafts_carry_the_watermark() {
    let d = common::catering();
    let header_parts = |docx: &[u8]| -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let names: Vec<String> = zip
            .file_names()
            .filter(|n| n.starts_with("word/"))
            .map(String::from)
            .collect();
        names
            .iter()
            .map(|n| {
                let mut s = String::new();
                let _ = zip.by_name(n).unwrap().read_to_string(&mut s);
                s
            })
            .collect()
    };
    let draft = export::render(&d, Format::Docx, false, today()).unwrap();
    assert!(header_parts(&draft).contains("PROJET"));
    let final_version = export::render(&d, Format::Docx, true, today()).unwrap();
    assert!(!header_parts(&final_version).contains("PROJET"));
}

#[test]
fn the_same_dossier_gives_the_same_pdf_text() {
    // The same dossier gives the same file, byte for byte (no random ids,
    // no clock, no hash-map order), and so the same text.
    let d = common::catering();
    let a = export::render(&d, Format::Pdf, true, today()).unwrap();
    let b = export::render(&d, Format::Pdf, true, today()).unwrap();
    assert!(a == b, "two renders of one dossier differ");
    assert_eq!(
        poppler("pdftotext", &a, &["-layout"]),
        poppler("pdftotext", &b, &["-layout"])
    );
    assert!(
        !poppler("pdfinfo", &a, &[]).contains("CreationDate"),
        "no clock-dependent metadata"
    );
}

#[test]
fn zip_bundle_holds_every_piece_named_from_the_reference() {
    let d = common::catering();
    let bytes = export::render(&d, Format::Zip, true, today()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut names: Vec<String> = zip.file_names().map(String::from).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "RS-01_Fourniture-et-livraison-de-repas_Avis.docx",
            "RS-01_Fourniture-et-livraison-de-repas_Avis.pdf",
            "RS-01_Fourniture-et-livraison-de-repas_Avis.txt",
            "RS-01_Fourniture-et-livraison-de-repas_Cadre-de-reponse.docx",
            "RS-01_Fourniture-et-livraison-de-repas_Cadre-de-reponse.pdf",
            "RS-01_Fourniture-et-livraison-de-repas_DCE.docx",
            "RS-01_Fourniture-et-livraison-de-repas_DCE.pdf",
            "RS-01_Fourniture-et-livraison-de-repas_Prix.docx",
            "RS-01_Fourniture-et-livraison-de-repas_Prix.pdf",
            "RS-01_Fourniture-et-livraison-de-repas_Prix.xlsx",
        ]
    );
    // The spreadsheet in the ZIP is the commune's, and reads back.
    let mut xlsx = Vec::new();
    zip.by_name("RS-01_Fourniture-et-livraison-de-repas_Prix.xlsx")
        .unwrap()
        .read_to_end(&mut xlsx)
        .unwrap();
    assert!(
        matches!(
            dce_core::prices::read_xlsx(&d, None, &xlsx),
            Err(dce_core::prices::PriceError::Empty { .. })
        ),
        "an unfilled schedule is refused for its first empty price"
    );
    let mut frames_pdf = Vec::new();
    zip.by_name("RS-01_Fourniture-et-livraison-de-repas_Cadre-de-reponse.pdf")
        .unwrap()
        .read_to_end(&mut frames_pdf)
        .unwrap();
    let text = poppler("pdftotext", &frames_pdf, &["-layout"]);
    for expected in [
        "Cadre de réponse technique",
        "Cadre de réponse environnemental",
        "Cadre de réponse social",
        "Valeur technique — Qualité gustative et variété des menus",
        "15 points",
    ] {
        assert!(text.contains(expected), "frames PDF lacks {expected:?}");
    }
    let info = poppler("pdfinfo", &frames_pdf, &[]);
    assert!(
        info.contains("Form:            AcroForm"),
        "the frames PDF is fillable: {info}"
    );
}

#[test]
fn response_frames_docx_has_a_fillable_field_per_question() {
    let d = common::catering();
    let doc = dce_core::compose::compose(&d, dce_core::compose::Piece::ResponseFrames).unwrap();
    let docx = dce_core::render::docx::render(&doc, Default::default()).unwrap();
    let xml = common::docx_part(&docx, "word/document.xml");
    for q in &d.questions {
        assert!(
            xml.contains(&format!(r#"<w:tag w:val="{}"/>"#, q.id)),
            "no content control tagged {}",
            q.id
        );
    }
    assert!(xml.contains("w14:checkbox"), "the commitment checkbox");
    assert_eq!(
        doc.cover.kicker,
        "Cadre de réponse — à compléter par le candidat et à joindre à l'offre"
    );
}

/// A bidder reads a question and answers below it: in every sample's
/// response frames, each question's note (« Critère : … ») and its answer
/// box (for a canvas line: the figure, « non mesuré » and the
/// justification) are on the same page, and no page ends on a frame's title.
#[test]
fn every_question_stays_on_one_page_with_its_answer_box() {
    for sample in dce_core::samples::all() {
        let d = sample.instantiate(today(), "u".into());
        let doc = dce_core::compose::compose(&d, dce_core::compose::Piece::ResponseFrames).unwrap();
        let pdf = dce_core::render::pdf::render(&doc, Default::default()).unwrap();
        let text = poppler("pdftotext", &pdf, &[]);
        for (n, page) in text.split('\u{c}').enumerate() {
            // A canvas line's answer is its figure and its justification.
            assert_eq!(
                page.matches("Critère :").count(),
                page.matches("Réponse du candidat").count()
                    + page.matches("Justification et mode de calcul").count(),
                "{}, page {}: a question is cut from its answer box:\n{page}",
                sample.name,
                n + 1
            );
            let last = page
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty() && !l.starts_with("Page ") && !l.contains("PROJET"))
                .unwrap_or_default();
            assert!(
                !last.contains("Cadre de réponse"),
                "{}, page {} ends on a frame title: {last:?}",
                sample.name,
                n + 1
            );
        }
    }
}

/// The commitment part is filled in and signed in blocks that never break
/// across pages: in every sample's DCE, the bidder's identification, the
/// winner's signature with its heading, and the buyer's acceptance with its
/// heading and text each stay on one page.
#[test]
fn the_signature_blocks_are_never_split() {
    for sample in dce_core::samples::all() {
        let d = sample.instantiate(today(), "u".into());
        let pdf = export::render(&d, Format::Pdf, false, today()).unwrap();
        let text = poppler("pdftotext", &pdf, &[]);
        for (anchor, parts) in [
            (
                "Candidat ou, en cas de groupement, mandataire",
                &[
                    "Personne habilitée à engager le candidat",
                    "chaque autre membre",
                ][..],
            ),
            (
                "Signature de l’attributaire",
                &[
                    "Engagement et signature",
                    "Ne pas signer au dépôt de l’offre",
                ][..],
            ),
            (
                "Est acceptée la présente offre",
                &[
                    "7.7 Acceptation de l’offre par l’acheteur",
                    "signature du représentant de l’acheteur",
                ][..],
            ),
        ] {
            let page = text
                .split('\u{c}')
                .find(|p| p.contains(anchor))
                .unwrap_or_else(|| panic!("{}: no {anchor:?}", sample.name));
            for part in parts {
                assert!(
                    page.contains(part),
                    "{}: {part:?} is not on the page of {anchor:?}",
                    sample.name
                );
            }
        }
    }
}

/// The note under the functional-need table (« Souplesse F0 : … ») never
/// opens a page alone: it follows the table's last row. The table grows one
/// need at a time so that its end meets the page bottom in some of them.
#[test]
fn the_note_under_a_table_follows_its_last_row() {
    let mut d = common::catering();
    let extra = d.needs[0].clone();
    for k in 0..16 {
        let pdf = export::render(&d, Format::Pdf, false, today()).unwrap();
        let text = poppler("pdftotext", &pdf, &[]);
        for (n, page) in text.split('\u{c}').enumerate() {
            // The running header comes first, then the body.
            let first_body_line = page.lines().map(str::trim).filter(|l| !l.is_empty()).nth(1);
            assert!(
                !first_body_line.is_some_and(|l| l.starts_with("Souplesse F0")),
                "with {k} more needs, page {}: the need table's note opens the page alone",
                n + 1
            );
        }
        let mut need = extra.clone();
        need.id = format!("extra-{k}");
        d.needs.push(need);
    }
}

#[test]
fn a_launch_date_in_the_past_does_not_escape_the_climate_law() {
    // Launched « in May » but exported for publication in December: price
    // alone was still allowed in May, not when the notice goes out.
    let mut d = common::catering();
    d.purchase.launch_date = Some(common::date("2026-05-04"));
    d.criteria.truncate(1);
    d.criteria[0].kind = dce_core::model::CriterionKind::Price;
    d.criteria[0].weight_percent = 100;
    d.criteria[0].subcriteria.clear();
    d.questions.clear();
    let on_launch = dce_core::rules::check(&d, common::date("2026-05-04"));
    assert!(!on_launch.iter().any(|f| f.code == "criteria.price_only"));
    match export::render(&d, Format::Pdf, true, common::date("2026-12-02")) {
        Err(ExportError::Blocked(findings)) => {
            assert!(
                findings.iter().any(|f| f.code == "criteria.price_only"),
                "{findings:?}"
            );
        }
        Err(other) => panic!("expected a refusal, got {other}"),
        Ok(_) => panic!("judged on the launch date instead of today"),
    }
}

#[test]
fn final_version_is_refused_while_a_blocking_finding_remains() {
    let mut d = common::catering();
    d.execution.payment_period_days = 60;
    match export::render(&d, Format::Pdf, true, today()) {
        Err(ExportError::Blocked(findings)) => {
            assert!(findings
                .iter()
                .any(|f| f.code == "execution.payment_period"));
        }
        Err(other) => panic!("expected a refusal, got {other}"),
        Ok(_) => panic!("a final version with a blocking finding must be refused"),
    }
    let msg = export::render(&d, Format::Docx, true, today())
        .err()
        .unwrap()
        .to_string();
    assert!(
        msg.starts_with("La version à publier est refusée tant que 1 point(s) bloquant(s)"),
        "{msg}"
    );
    assert!(msg.contains("60 jours"), "{msg}");
    // A draft is always allowed.
    assert!(export::render(&d, Format::Pdf, false, today()).is_ok());
}

#[test]
fn the_spreadsheet_is_the_price_schedules_one_per_lot() {
    let catering = common::catering();
    let xlsx = export::render_piece(&catering, Piece::Prices, Format::Xlsx, true, today()).unwrap();
    assert!(
        dce_core::prices::read_xlsx(&catering, None, &xlsx).is_err(),
        "unfilled, it is refused"
    );
    assert!(xlsx.starts_with(b"PK"), "an XLSX is a zip");
    let other = export::render_piece(&catering, Piece::Notice, Format::Xlsx, false, today())
        .unwrap_err()
        .to_string();
    assert!(
        other.starts_with("Seul le bordereau des prix s'exporte en tableur"),
        "{other}"
    );

    let hall = dce_core::samples::find("renovation-salle-des-fetes")
        .unwrap()
        .instantiate(today(), "hall".into());
    let needed = export::render_piece(&hall, Piece::Prices, Format::Xlsx, false, today())
        .unwrap_err()
        .to_string();
    assert!(
        needed.contains("Choisissez le lot à exporter (lots\u{a0}: 1, 2, 3)"),
        "{needed}"
    );
    let lot2 = export::render_lot_prices(&hall, 2, Format::Xlsx, false, today()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(lot2)).unwrap();
    let mut strings = String::new();
    zip.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut strings)
        .unwrap();
    assert!(
        strings.contains("Décomposition du prix global et forfaitaire"),
        "lot 2 is a DPGF"
    );
    assert_eq!(
        export::prices_xlsx_file_name(&hall, Some(2)),
        "SDF-01_Travaux-de-renovation-energetique_Prix-lot-2.xlsx"
    );
}
