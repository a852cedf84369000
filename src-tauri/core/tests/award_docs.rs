//! The award documents of a judged consultation: the analysis report, the
//! rejection letters, the award letter and the award notice, each rendered
//! to PDF and DOCX and read back; the refusals when there is nothing to
//! report; `dce export --piece rapport` on the command line.

mod common;

use std::collections::BTreeMap;

use dce_core::award::{self, NewOffer};
use dce_core::export::{self, AwardPiece, ExportError, Format};
use dce_core::model::{Dossier, LowPriceDecision, OfferStatus};

use common::{bidder, lot1_offer as offer};

/// Scores the six sub-criteria of the village hall (hundredths), each with
/// a justification naming the bidder.
fn score(d: &mut Dossier, id: u32, who: &str, points: [i64; 6]) {
    for (sub, p) in common::VILLAGE_HALL_SUBS.iter().zip(points) {
        let why = format!("Réponse de {who} sur {sub} : comparée au cadre de réponse.");
        award::score_offer(d, id, sub, p, &why).unwrap();
    }
}

const TODAY: &str = "2026-12-21";

/// The village hall, lot 1: three offers scored as in `tests/offers.rs`
/// (Thermibat first with 94,56, Isolation Dupont 85,00, Éco-Façades
/// 80,50), and a fourth received late. Thermibat priced a PSE at
/// 4 321,00 € HT, a detail of its price no other bidder may read.
fn judged() -> Dossier {
    let mut d = common::village_hall();
    let a = offer(&mut d, "Isolation Dupont", 100_000);
    let b = offer(&mut d, "Thermibat", 112_500);
    let c = offer(&mut d, "Éco-Façades", 125_000);
    score(&mut d, a, "Dupont", [1200, 800, 450, 1050, 700, 300]);
    score(&mut d, b, "Thermibat", [1500, 900, 500, 1500, 1000, 500]);
    score(&mut d, c, "Éco-Façades", [1350, 700, 350, 1200, 850, 400]);
    let pse = &mut d.offers[1].price.as_mut().unwrap().pse_cents;
    *pse = BTreeMap::from([(1, 432_100)]);
    let deadline = d.submission.deadline.unwrap();
    award::add_offer(
        &mut d,
        NewOffer {
            lot: Some(1),
            bidder: bidder("Retard & Fils"),
            received_at: Some(deadline + chrono::Duration::minutes(5)),
            variant: None,
            price: Some(award::typed_price(9_000_000)),
            documents: vec![],
        },
    )
    .unwrap();
    d
}

fn render(d: &Dossier, piece: AwardPiece, format: Format) -> Vec<u8> {
    export::render_award_piece(d, piece, format, common::date(TODAY))
        .unwrap_or_else(|e| panic!("{piece:?} {format:?}: {e}"))
}

/// The text of `piece` as PDF and as DOCX, squeezed (no spaces, no hyphens).
fn texts(d: &Dossier, piece: AwardPiece) -> [(String, String); 2] {
    let pdf = common::pdf_text(&render(d, piece, Format::Pdf));
    let docx = common::docx_text(&render(d, piece, Format::Docx));
    [
        ("PDF".to_string(), common::squeezed(&pdf)),
        ("DOCX".to_string(), common::squeezed(&docx)),
    ]
}

fn has(text: &(String, String), expected: &str) -> bool {
    text.1.contains(&common::squeezed(expected))
}

#[track_caller]
fn contains_all(texts: &[(String, String)], expected: &[&str]) {
    for t in texts {
        for e in expected {
            assert!(has(t, e), "{} lacks {e:?}:\n{}", t.0, t.1);
        }
    }
}

#[track_caller]
fn contains_none(texts: &[(String, String)], unexpected: &[&str]) {
    for t in texts {
        for e in unexpected {
            assert!(!has(t, e), "{} has {e:?}:\n{}", t.0, t.1);
        }
    }
}

#[test]
fn the_report_gives_the_method_the_justified_scores_the_ranking_and_the_proposal() {
    let d = judged();
    let report = texts(&d, AwardPiece::Report);
    contains_all(
        &report,
        &[
            "Rapport d’analyse des offres",
            "La méthode de jugement",
            // The price formula as the DCE words it, the weights.
            "Prix (40 %)",
            // The totals to the hundredth, the ranks.
            "94,56",
            "85,00",
            "80,50",
            "35,56",
            "1re",
            "2e",
            "3e",
            // A justification, as the buyer wrote it.
            "Réponse de Thermibat sur tech-methode : comparée au cadre de réponse.",
            // The late offer, with its reason, not ranked.
            "Retard & Fils",
            "hors délai",
            "non classée",
            "Proposition d’attribution",
            "attribution proposée à Thermibat",
            "112 500 € HT",
        ],
    );
    contains_none(&report, &["PROJET", "Projet — l’analyse"]);
    // Lots without offers are said so, with no award proposed.
    contains_all(
        &report,
        &["aucune offre reçue, pas d’attribution proposée (lot infructueux)"],
    );
}

#[test]
fn each_bidder_not_kept_gets_a_letter_without_the_winner_price_details() {
    let d = judged();
    let letters = texts(&d, AwardPiece::Letters);
    contains_all(
        &letters,
        &[
            "Lettres de rejet des offres",
            "À l’attention de Isolation Dupont",
            "À l’attention de Éco-Façades",
            "À l’attention de Retard & Fils",
            // Their scores and rank, the winner's.
            "classée 2e",
            "classée 3e",
            "85,00 points sur 100",
            "80,50 points sur 100",
            "attribué à Thermibat",
            "94,56",
            // The late offer is told why.
            "hors délai",
            // The standstill and the recourse.
            "ne signera pas le marché avant le 1er janvier 2027",
            "Référé précontractuel",
            "Référé contractuel",
            "Tarn-et-Garonne",
            "deux mois",
        ],
    );
    // No letter to the winner, and nothing of its price but the total.
    contains_none(
        &letters,
        &["À l’attention de Thermibat", "4 321", "prix unitaire"],
    );
    // The closing is a paragraph of its own, not the end of the recourse list.
    let xml = common::docx_part(
        &render(&d, AwardPiece::Letters, Format::Docx),
        "word/document.xml",
    );
    let closings: Vec<&str> = xml
        .split("</w:p>")
        .filter(|p| p.contains("Nous vous remercions"))
        .collect();
    assert_eq!(closings.len(), 3, "one closing a letter");
    for p in closings {
        assert!(!p.contains("358994"), "closing glued to the list: {p}");
    }
    // The list of letters names each bidder and what the letter is about.
    contains_all(
        &letters[..1],
        &["Isolation Dupont Lot n° 1 — Isolation thermique des murs et des combles, offre n° 1"],
    );
    // One letter per bidder: in the archive, each as PDF and DOCX.
    let zip = render(&d, AwardPiece::Letters, Format::Zip);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut names: Vec<String> = archive.file_names().map(String::from).collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("Rejet-lot-1-offre-1-Isolation-Dupont.pdf")),
        "{names:?}"
    );
    let mut pdf = Vec::new();
    std::io::Read::read_to_end(
        &mut archive
            .by_name(
                names
                    .iter()
                    .find(|n| n.contains("offre-3") && n.ends_with(".pdf"))
                    .unwrap(),
            )
            .unwrap(),
        &mut pdf,
    )
    .unwrap();
    let one = common::squeezed(&common::pdf_text(&pdf));
    assert!(one.contains(&common::squeezed("Éco-Façades")));
    assert!(
        !one.contains(&common::squeezed("Isolation Dupont")),
        "{one}"
    );
    // The late offer has no scores to compare: the winner's alone.
    let late = names
        .iter()
        .find(|n| n.contains("offre-4") && n.ends_with(".docx"))
        .unwrap();
    let mut docx = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name(late).unwrap(), &mut docx).unwrap();
    let late = common::squeezed(&common::docx_text(&docx));
    assert!(late.contains("CritèreOffreretenue"), "{late}");
    assert!(!late.contains("CritèreVotreoffre"), "{late}");
}

#[test]
fn the_winner_is_told_what_to_produce_and_by_when() {
    let d = judged();
    let letter = texts(&d, AwardPiece::AwardLetter);
    let days = format!("{} jours", d.submission.winner_documents_days);
    contains_all(
        &letter,
        &[
            "Lettre d’attribution",
            "À l’attention de Thermibat",
            "112 500 € HT",
            "94,56 points sur 100",
            &days,
            "R2144-4",
            "attestation de vigilance",
            "attestation de régularité fiscale",
            "Kbis",
            "acte d’engagement",
        ],
    );
    contains_none(&letter, &["Isolation Dupont", "Éco-Façades"]);
}

#[test]
fn the_award_notice_names_the_winner_and_the_amount() {
    let d = judged();
    let notice = texts(&d, AwardPiece::AwardNotice);
    contains_all(
        &notice,
        &[
            "Avis d’attribution",
            "Nombre d’offres reçues : 4",
            "Attributaire : Thermibat",
            "112 500 € HT",
            "Recours",
        ],
    );
    let txt = String::from_utf8(render(&d, AwardPiece::AwardNotice, Format::Txt)).unwrap();
    assert!(txt.contains("Thermibat"), "{txt}");
}

#[test]
fn the_documents_follow_french_typography() {
    let d = judged();
    for piece in [
        AwardPiece::Report,
        AwardPiece::Letters,
        AwardPiece::AwardLetter,
        AwardPiece::AwardNotice,
    ] {
        let docx = common::docx_text(&render(&d, piece, Format::Docx));
        let pdf = common::pdf_text(&render(&d, piece, Format::Pdf));
        french_typography(&format!("{piece:?} DOCX"), &docx, true);
        // pdftotext gives back a no-break space as a plain one.
        french_typography(&format!("{piece:?} PDF"), &pdf, false);
    }
    let txt = String::from_utf8(render(&d, AwardPiece::AwardNotice, Format::Txt)).unwrap();
    french_typography("avis txt", &txt, true);
}

/// A no-break space (any space unless `no_break_kept`) before « : ; ! ? »
/// and inside « », curly apostrophes, no English word of the data model.
#[track_caller]
fn french_typography(what: &str, text: &str, no_break_kept: bool) {
    let chars: Vec<char> = text.chars().collect();
    let around = |i: usize| -> String {
        chars[i.saturating_sub(50)..(i + 10).min(chars.len())]
            .iter()
            .collect()
    };
    let no_break = |c: Option<&char>| match c {
        Some('\u{a0}' | '\u{202f}') => true,
        Some(c) => !no_break_kept && c.is_whitespace(),
        None => false,
    };
    for (i, c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        match c {
            ':' | ';' | '!' | '?' | '»' => {
                assert!(
                    no_break(before),
                    "{what}: no no-break space before {c:?} in {:?}",
                    around(i)
                )
            }
            '«' => assert!(
                no_break(chars.get(i + 1)),
                "{what}: no no-break space after « in {:?}",
                around(i)
            ),
            _ => {}
        }
    }
    assert!(!text.contains('"'), "{what}: straight quotes");
    assert!(!text.contains('\''), "{what}: straight apostrophe");
    for english in [
        "None",
        "Some(",
        "true",
        "false",
        "Late",
        "Irregular",
        "Admitted",
    ] {
        assert!(!text.contains(english), "{what} has {english:?}");
    }
}

#[test]
fn the_analysis_report_keeps_the_low_price_exchange_and_the_first_round() {
    let mut d = judged();
    // Isolation Dupont: asked, answered, kept; Thermibat negotiated.
    award::request_low_price_explanations(
        &mut d,
        1,
        common::date("2026-12-10"),
        "Justifiez le prix des isolants.",
    )
    .unwrap();
    award::record_low_price_answer(
        &mut d,
        1,
        common::date("2026-12-15"),
        "Stock acheté avant la hausse.",
    )
    .unwrap();
    award::decide_low_price(
        &mut d,
        1,
        LowPriceDecision::Kept {
            reason: "stock justifié par facture".into(),
        },
    )
    .unwrap();
    award::negotiate(&mut d, 2, award::typed_price(10_800_000)).unwrap();
    let report = texts(&d, AwardPiece::Report);
    contains_all(
        &report,
        &[
            "Demande de précisions sur le prix envoyée le 10 décembre 2026",
            "Justifiez le prix des isolants.",
            "Réponse du candidat reçue le 15 décembre 2026",
            "Stock acheté avant la hausse.",
            "offre maintenue, le prix étant justifié : stock justifié par facture",
            "Négociation (l’offre initiale est conservée)",
            "Offre initiale : 112 500 € HT",
            "Offre finale : 108 000 € HT",
        ],
    );
}

#[test]
fn an_offer_left_out_is_told_its_reason() {
    let mut d = judged();
    award::set_status(
        &mut d,
        3,
        OfferStatus::Irregular {
            reason: "cadre de réponse technique absent".into(),
        },
    )
    .unwrap();
    let letters = texts(&d, AwardPiece::Letters);
    contains_all(
        &letters,
        &[
            "cadre de réponse technique absent",
            "n’a donc pas été classée",
        ],
    );
}

#[test]
fn nothing_to_report_is_refused_in_french() {
    let d = common::village_hall();
    let today = common::date(TODAY);
    for piece in [
        AwardPiece::Report,
        AwardPiece::Letters,
        AwardPiece::AwardLetter,
        AwardPiece::AwardNotice,
    ] {
        let e = export::render_award_piece(&d, piece, Format::Pdf, today).unwrap_err();
        assert!(matches!(e, ExportError::NoOffers), "{e:?}");
        let msg = e.to_string();
        assert!(msg.contains("aucune offre enregistrée"), "{msg}");
        assert!(msg.contains("enregistrez les offres reçues"), "{msg}");
    }
    // Offers, none scored: no lot has a first-ranked offer yet... the
    // report is a draft, the letters wait.
    let mut d = common::village_hall();
    award::add_offer(
        &mut d,
        NewOffer {
            lot: Some(1),
            bidder: bidder("Seule"),
            received_at: None,
            variant: None,
            price: None,
            documents: vec![],
        },
    )
    .unwrap();
    award::set_status(
        &mut d,
        1,
        OfferStatus::Unacceptable {
            reason: "prix au-delà des crédits budgétaires".into(),
        },
    )
    .unwrap();
    let e = export::render_award_piece(&d, AwardPiece::Letters, Format::Pdf, today).unwrap_err();
    assert!(matches!(e, ExportError::NoRanking), "{e:?}");
    assert!(e.to_string().contains("terminez la notation"), "{e}");
    assert!(export::render_award_piece(&d, AwardPiece::Report, Format::Pdf, today).is_ok());
    // A format a piece does not have.
    let e =
        export::render_award_piece(&judged(), AwardPiece::Report, Format::Xlsx, today).unwrap_err();
    assert!(
        e.to_string().contains("s’exporte en PDF ou en DOCX")
            || e.to_string().contains("s'exporte en PDF ou en DOCX"),
        "{e}"
    );
}

#[test]
fn an_incomplete_analysis_is_a_draft_that_says_what_remains() {
    let mut d = judged();
    // Éco-Façades' last line is taken back: not scored yet.
    d.offers[2]
        .scores
        .retain(|s| s.criterion_id != "env-dechets");
    let report = texts(&d, AwardPiece::Report);
    contains_all(&report, &["l’analyse n’est pas terminée", "Éco-Façades"]);
}

#[test]
fn the_report_is_exported_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let run = |args: &[&str]| common::dce(&db, args);
    let id = String::from_utf8(run(&["new", "--sample", "renovation-salle-des-fetes"]).stdout)
        .unwrap()
        .trim()
        .to_string();
    let out = dir.path().join("rapport.pdf");
    let export = |piece: &str, format: &str, out: &std::path::Path| {
        run(&[
            "export",
            &id,
            "--piece",
            piece,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ])
    };
    // No offer yet: refused, in French, nothing written.
    let refused = export("rapport", "pdf", &out);
    assert!(!refused.status.success());
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(stderr.contains("aucune offre enregistrée"), "{stderr}");
    assert!(!out.exists());
    for (name, amount) in [("Isolation Dupont", "100000"), ("Thermibat", "112500")] {
        let o = run(&[
            "offer", "add", &id, "--bidder", name, "--lot", "1", "--amount", amount,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let written = export("rapport", "pdf", &out);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let text = common::squeezed(&common::pdf_text(&std::fs::read(&out).unwrap()));
    for expected in [
        "Rapport d’analyse des offres",
        "Thermibat",
        "Isolation Dupont",
    ] {
        assert!(
            text.contains(&common::squeezed(expected)),
            "{expected}: {text}"
        );
    }
    // Not scored yet: the letters are a draft, one file per letter in the archive.
    let zip = dir.path().join("lettres.zip");
    let o = export("lettres", "zip", &zip);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    assert_eq!(archive.len(), 2, "one letter, as PDF and DOCX");
    // A format the piece does not have: refused, in French.
    let o = export("rapport", "xlsx", &dir.path().join("r.xlsx"));
    assert!(!o.status.success());
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("PDF ou en DOCX"));
    // The DCE still exports.
    let dce = dir.path().join("dce.pdf");
    assert!(export("dce", "pdf", &dce).status.success());
}

#[test]
fn a_bidder_with_a_base_offer_and_a_variant_gets_one_letter_naming_both() {
    let mut d = judged();
    d.variants.policy = dce_core::model::VariantPolicy::Allowed;
    let received = d.offers[0].received_at;
    let variant = award::add_offer(
        &mut d,
        NewOffer {
            lot: Some(1),
            bidder: common::bidder("Isolation Dupont"),
            received_at: received,
            variant: Some("laine de bois".into()),
            price: Some(award::typed_price(13_000_000)),
            documents: vec![],
        },
    )
    .unwrap();
    score(&mut d, variant, "Dupont", [1000, 500, 300, 900, 600, 200]);
    let letters =
        export::render_award_piece(&d, AwardPiece::Letters, Format::Zip, common::date(TODAY))
            .unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(letters)).unwrap();
    assert_eq!(archive.len(), 6, "three bidders not kept, one letter each");
    let text = texts(&d, AwardPiece::Letters);
    contains_all(
        &text,
        &[
            "Votre autre offre n° 5, Isolation Dupont (variante : laine de bois), n’est pas retenue non plus : elle est classée",
            "Lot n° 1 — Isolation thermique des murs et des combles, offres n° 1 et 5",
        ],
    );
}
