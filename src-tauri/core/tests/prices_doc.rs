//! The price schedule as a document (BPU and DQE, DPGF) read back from its
//! PDF and DOCX, its place in the ZIP and the file names the DCE gives
//! bidders.
mod common;

use dce_core::compose::document::{Block, Document, Run, Table};
use dce_core::compose::{compose, Piece};
use dce_core::export::{self, ExportError, Format};
use dce_core::model::{
    Dossier, LinePricing, PriceChapter, PriceLine, PriceSchedule, PriceUnit, VariantPolicy,
};
use std::io::Read;

const NNBSP: char = '\u{202F}';

fn today() -> chrono::NaiveDate {
    common::date("2026-11-22")
}

fn prices(d: &Dossier, format: Format) -> Vec<u8> {
    export::render_piece(d, Piece::Prices, format, false, today()).unwrap()
}

fn cell_text(cell: &[Run]) -> String {
    cell.iter().map(|r| r.text.as_str()).collect()
}

/// The tables of `doc`, each with the heading it comes under.
fn tables(doc: &Document) -> Vec<(String, &Table)> {
    let mut heading = String::new();
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => heading = h.text.clone(),
            Block::Table(t) => out.push((heading.clone(), t)),
            _ => {}
        }
    }
    out
}

/// The rows of a table as text, cells joined by « | ».
fn rows(t: &Table) -> Vec<String> {
    t.rows
        .iter()
        .map(|r| r.iter().map(|c| cell_text(c)).collect::<Vec<_>>().join("|"))
        .collect()
}

fn headings(doc: &Document) -> Vec<String> {
    doc.headings().map(|h| h.label()).collect()
}

#[test]
fn the_catering_schedule_is_a_bpu_and_a_dqe_with_the_pse_apart() {
    let d = common::catering();
    let doc = compose(&d, Piece::Prices).unwrap();
    assert_eq!(
        doc.cover.kicker,
        "Bordereau des prix unitaires — Détail quantitatif estimatif"
    );
    assert!(doc
        .cover
        .facts
        .contains(&("Taux de TVA".into(), format!("5,5{NNBSP}%"))));
    let pse = "PSE n°\u{a0}1 — Goûter pour l’accueil périscolaire";
    assert_eq!(
        headings(&doc),
        [
            "1 Identification du candidat".to_string(),
            "2 Bordereau des prix unitaires".into(),
            "2.1 Solution de base".into(),
            format!("2.2 {pse}"),
            "3 Détail quantitatif estimatif".into(),
            "3.1 Solution de base".into(),
            format!("3.2 {pse}"),
            // Variants are allowed: the firm prices one in the « Variante » part.
            "4 Variante".into(),
        ]
    );
    let tables = tables(&doc);
    assert_eq!(
        tables.len(),
        5,
        "BPU and DQE, base and PSE each, and the variant"
    );
    let variant = rows(tables[4].1);
    assert_eq!(variant[0], "V1|||||");
    assert!(variant.last().unwrap().contains("Total TTC de la variante"));

    let (_, bpu) = &tables[0];
    assert_eq!(
        bpu.header,
        ["N°", "Désignation", "Unité", "Prix unitaire HT"]
    );
    let bpu_rows = rows(bpu);
    assert_eq!(bpu_rows[0], "1|Repas livrés en période scolaire||");
    assert!(bpu.rows[0][1][0].bold, "a chapter row is bold");
    assert!(
        bpu_rows[1].starts_with("1.1|Repas enfant de maternelle")
            && bpu_rows[1].ends_with("|repas|"),
        "{}",
        bpu_rows[1]
    );
    assert_eq!(
        bpu_rows.len(),
        5,
        "the chapter and its four lines: {bpu_rows:?}"
    );

    let (heading, pse_bpu) = &tables[1];
    assert_eq!(heading, pse);
    assert!(
        rows(pse_bpu)[1].starts_with("2.1|Goûter"),
        "{:?}",
        rows(pse_bpu)
    );

    let (_, dqe) = &tables[2];
    assert_eq!(
        dqe.header,
        [
            "N°",
            "Désignation",
            "Unité",
            "Quantité estimée",
            "Prix unitaire HT",
            "Montant HT"
        ]
    );
    let dqe_rows = rows(dqe);
    assert!(
        dqe_rows[1].ends_with(&format!("|repas|4{NNBSP}200||")),
        "{}",
        dqe_rows[1]
    );
    assert!(dqe_rows[2].ends_with(&format!("|6{NNBSP}300||")));
    assert_eq!(
        dqe_rows[dqe_rows.len() - 3..],
        [
            "|Total HT||||".to_string(),
            format!("|TVA (5,5{NNBSP}%)||||"),
            "|Total TTC||||".to_string(),
        ]
    );
    let (_, pse_dqe) = &tables[3];
    let pse_rows = rows(pse_dqe);
    assert!(
        pse_rows[1].ends_with(&format!("|u|3{NNBSP}500||")),
        "{pse_rows:?}"
    );
    assert_eq!(pse_rows[2], "|Total HT de la PSE n°\u{a0}1||||");
    assert_eq!(pse_rows[4], "|Total TTC de la PSE n°\u{a0}1||||");
    assert_eq!(dqe.widths, [6, 38, 9, 13, 17, 17], "room to write amounts");
}

/// The words of the catering schedule that its PDF and DOCX must show.
fn catering_says() -> Vec<String> {
    vec![
        "Bordereau des prix unitaires".into(),
        "Détail quantitatif estimatif".into(),
        "Repas enfant de maternelle (entrée, plat et garniture, produit laitier, dessert), livré en liaison froide".into(),
        "Pique-nique froid pour une sortie scolaire, livré la veille".into(),
        "1.4".into(),
        "2.1".into(),
        format!("4{NNBSP}200"),
        format!("3{NNBSP}500"),
        "Quantité estimée".into(),
        "PSE n°\u{a0}1 — Goûter pour l’accueil périscolaire".into(),
        "il n’a pas de valeur contractuelle".into(),
        format!("TVA (5,5{NNBSP}%)"),
        "Total TTC".into(),
        "Numéro SIRET".into(),
    ]
}

fn assert_says(what: &str, text: &str, expected: &[String]) {
    let squeezed = common::squeezed(text);
    for value in expected {
        assert!(
            squeezed.contains(&common::squeezed(value)),
            "the {what} lacks {value:?}:\n{text}"
        );
    }
}

#[test]
fn the_pdf_shows_the_lines_quantities_and_the_pse_after_the_base() {
    let d = common::catering();
    let text = common::pdf_text(&prices(&d, Format::Pdf));
    assert_says("PDF", &text, &catering_says());
    let squeezed = common::squeezed(&text);
    // The DQE row: the unit, then its estimated quantity.
    assert!(squeezed.contains("repas4200"), "{text}");
    let base = squeezed.find("Repasadulte").unwrap();
    let pse = squeezed.find("Goûter(produitcéréalier").unwrap();
    assert!(base < pse, "the PSE comes after the base offer");
}

#[test]
fn the_docx_says_the_same() {
    let d = common::catering();
    let text = common::docx_text(&prices(&d, Format::Docx));
    assert_says("DOCX", &text, &catering_says());
}

#[test]
fn a_lump_sum_schedule_gives_a_dpgf_with_quantities_as_an_indication() {
    let mut d = common::village_hall();
    d.variants.policy = VariantPolicy::Forbidden;
    let line = |id: &str, designation: &str, unit, quantity| PriceLine {
        id: id.into(),
        designation: designation.into(),
        unit,
        quantity_thousandths: quantity,
        // The commune's estimate, which no piece bidders receive may show.
        estimate_cents: Some(777_777),
    };
    d.prices.vat_rate_basis_points = 2000;
    d.prices.schedules = vec![PriceSchedule {
        lot: Some(3),
        chapters: vec![PriceChapter {
            id: "C1".into(),
            title: "Fenêtres".into(),
            pricing: LinePricing::LumpSum,
            pse: None,
            lines: vec![
                line(
                    "L1",
                    "Dépose des menuiseries existantes",
                    PriceUnit::Forfait,
                    Some(1_000),
                ),
                line(
                    "L2",
                    "Fenêtre bois double vitrage 120 × 135",
                    PriceUnit::U,
                    Some(12_500),
                ),
                line("L3", "Habillage intérieur", PriceUnit::Ml, None),
            ],
        }],
    }];
    let doc = compose(&d, Piece::Prices).unwrap();
    assert_eq!(
        doc.cover.kicker,
        "Décomposition du prix global et forfaitaire"
    );
    let lots = doc.cover.facts.iter().find(|(k, _)| k == "Lots").unwrap();
    assert!(
        lots.1.contains("Lot 3 — Menuiseries extérieures"),
        "{lots:?}"
    );
    let headings = headings(&doc);
    assert!(
        headings.contains(&"4 Lot 3 — Menuiseries extérieures".to_string()),
        "{headings:?}"
    );
    assert!(headings.contains(&"4.1 Décomposition du prix global et forfaitaire".to_string()));
    assert!(!headings
        .iter()
        .any(|h| h.contains("Bordereau des prix unitaires")));
    let tables = tables(&doc);
    assert_eq!(tables.len(), 1);
    let (_, dpgf) = &tables[0];
    assert_eq!(dpgf.header[3], "Quantité indicative");
    let dpgf_rows = rows(dpgf);
    assert_eq!(
        dpgf_rows[1],
        "1.1|Dépose des menuiseries existantes|forfait|1||"
    );
    assert!(dpgf_rows[2].ends_with("|u|12,5||"), "{}", dpgf_rows[2]);
    assert!(
        dpgf_rows[3].ends_with("|ml|[à compléter]||"),
        "{}",
        dpgf_rows[3]
    );
    assert_eq!(dpgf_rows[5], format!("|TVA (20{NNBSP}%)||||"));

    let text = common::pdf_text(&prices(&d, Format::Pdf));
    assert!(
        !common::squeezed(&text).contains("7777,77"),
        "the commune's estimate stays out of the piece"
    );
    assert_says(
        "DPGF",
        &text,
        &[
            "Les quantités sont données à titre indicatif".into(),
            "répond de celles sur lesquelles il établit son prix".into(),
            "Fenêtre bois double vitrage 120 × 135".into(),
        ],
    );
    // The lots without a schedule say it is still to be written.
    assert!(
        common::squeezed(&text).contains(&common::squeezed(
            "Le bordereau des prix de ce lot reste à établir\u{a0}: [à compléter]"
        )),
        "{text}"
    );

    // One lot alone: only its heading.
    let lot3 = export::render_lot_prices(&d, 3, Format::Docx, false, today()).unwrap();
    let text = common::docx_text(&lot3);
    assert!(text.contains("Lot 3 — Menuiseries extérieures"));
    assert!(!text.contains("Lot 1 — Isolation"), "{text}");
}

#[test]
fn a_lot_the_dossier_lacks_is_refused_with_the_list_of_its_lots() {
    let d = common::village_hall();
    let err = export::render_lot_prices(&d, 9, Format::Pdf, false, today()).unwrap_err();
    assert!(matches!(err, ExportError::NoSuchLot { lot: 9, .. }));
    assert_eq!(
        err.to_string(),
        "Le dossier n'a pas de lot n°\u{a0}9\u{202f}; ses lots sont\u{a0}: 1, 2, 3."
    );
    let err =
        export::render_lot_prices(&common::catering(), 1, Format::Pdf, false, today()).unwrap_err();
    assert!(
        err.to_string().starts_with("Ce marché n'est pas alloti"),
        "{err}"
    );
}

#[test]
fn the_zip_holds_the_price_schedule_in_pdf_and_docx() {
    let d = common::catering();
    let bytes = export::render_piece(&d, Piece::Dce, Format::Zip, false, today()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    for name in [
        "RS-01_Fourniture-et-livraison-de-repas_Prix.pdf",
        "RS-01_Fourniture-et-livraison-de-repas_Prix.docx",
    ] {
        assert!(names.contains(&name.to_string()), "{name} not in {names:?}");
    }
    assert_eq!(
        export::piece_file_name(&d, Piece::Prices, Format::Pdf),
        "RS-01_Fourniture-et-livraison-de-repas_Prix.pdf"
    );
    let mut pdf = Vec::new();
    zip.by_name("RS-01_Fourniture-et-livraison-de-repas_Prix.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    assert!(common::pdf_text(&pdf).contains("Détail quantitatif estimatif"));
}

#[test]
fn spreadsheets_are_named_per_lot() {
    assert_eq!(
        export::prices_xlsx_file_name(&common::catering(), None),
        "RS-01_Fourniture-et-livraison-de-repas_Prix.xlsx"
    );
    assert_eq!(
        export::prices_xlsx_file_name(&common::village_hall(), Some(2)),
        "SDF-01_Travaux-de-renovation-energetique_Prix-lot-2.xlsx"
    );
}

/// The DCE's running text, as composed.
fn dce_text(d: &Dossier) -> String {
    let doc = compose(d, Piece::Dce).unwrap();
    let mut text = String::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => text.extend(p.runs.iter().map(|r| r.text.as_str())),
            Block::List(l) => {
                for item in &l.items {
                    text.extend(item.iter().map(|r| r.text.as_str()));
                    text.push('\n');
                }
            }
            _ => {}
        }
        text.push('\n');
    }
    text
}

/// The items of the DCE list whose first item starts with `start`.
fn dce_list(d: &Dossier, start: &str) -> Vec<String> {
    let doc = compose(d, Piece::Dce).unwrap();
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::List(l) if cell_text(&l.items[0]).starts_with(start) => {
                Some(l.items.iter().map(|i| cell_text(i)).collect())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no list starting with {start:?} in the DCE"))
}

#[test]
fn the_dce_names_the_price_files_bidders_get_and_return() {
    let d = common::catering();
    let text = dce_text(&d);
    assert!(
        text.contains("Le candidat complète le fichier tableur, sans en modifier, en ajouter ni en supprimer de lignes, et le joint à son offre\u{a0}:"),
        "{text}"
    );
    let quoted = |name: String| format!("«{NNBSP}{name}{NNBSP}»");
    let xlsx = quoted(export::prices_xlsx_file_name(&d, None));
    assert_eq!(dce_list(&d, &xlsx), [format!("{xlsx}.")]);
    let pdf = quoted(export::piece_file_name(&d, Piece::Prices, Format::Pdf));
    let docx = quoted(export::piece_file_name(&d, Piece::Prices, Format::Docx));
    assert_eq!(
        dce_list(&d, &pdf),
        [format!("{pdf}{NNBSP};"), format!("{docx}.")]
    );

    let d = common::village_hall();
    let text = dce_text(&d);
    assert!(text.contains("en un fichier tableur par lot. Pour chaque lot auquel il répond"));
    let sheets = dce_list(&d, "lot 1\u{a0}:");
    let expected: Vec<String> = (1..=3)
        .map(|lot| {
            let name = quoted(export::prices_xlsx_file_name(&d, Some(lot)));
            let end = if lot == 3 { "." } else { "\u{202F};" };
            format!("lot {lot}\u{a0}: {name}{end}")
        })
        .collect();
    assert_eq!(sheets, expected);
    assert!(text.contains("en donnent la lecture et l’impression, pour tous les lots"));
}

fn stderr(o: &std::process::Output) -> String {
    assert!(!o.status.success(), "dce should have failed");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_command_line_exports_the_price_schedule_and_checks_the_lot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    for sample in ["restauration-scolaire", "renovation-salle-des-fetes"] {
        assert!(common::dce(&db, &["new", "--sample", sample])
            .status
            .success());
    }
    let pdf = dir.path().join("prix.pdf");
    let out = pdf.to_str().unwrap();
    let done = common::dce(
        &db,
        &[
            "export", "1", "--piece", "prix", "--format", "pdf", "--out", out,
        ],
    );
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = common::pdf_text(&std::fs::read(&pdf).unwrap());
    assert_says("exported PDF", &text, &catering_says());

    let docx = dir.path().join("lot2.docx");
    let out = docx.to_str().unwrap();
    let done = common::dce(
        &db,
        &[
            "export", "2", "--piece", "prix", "--format", "docx", "--lot", "2", "--out", out,
        ],
    );
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = common::docx_text(&std::fs::read(&docx).unwrap());
    assert!(
        text.contains("Lot 2 — Production de chaleur et ventilation"),
        "{text}"
    );
    assert!(!text.contains("Lot 3 —"), "{text}");

    let missing = dir.path().join("none.pdf");
    let out = missing.to_str().unwrap();
    let err = stderr(&common::dce(
        &db,
        &[
            "export", "2", "--piece", "prix", "--format", "pdf", "--lot", "7", "--out", out,
        ],
    ));
    assert!(
        err.contains(
            "Erreur : Le dossier n'a pas de lot n°\u{a0}7\u{202f}; ses lots sont\u{a0}: 1, 2, 3."
        ),
        "{err}"
    );
    let err = stderr(&common::dce(
        &db,
        &[
            "export", "1", "--piece", "prix", "--format", "pdf", "--lot", "1", "--out", out,
        ],
    ));
    assert!(err.contains("Ce marché n'est pas alloti"), "{err}");
    let err = stderr(&common::dce(
        &db,
        &[
            "export", "2", "--piece", "avis", "--format", "pdf", "--lot", "1", "--out", out,
        ],
    ));
    assert!(
        err.contains("--lot ne vaut que pour le bordereau des prix"),
        "{err}"
    );
    assert!(!missing.exists(), "nothing written when refused");
}
