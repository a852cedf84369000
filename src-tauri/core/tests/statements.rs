//! The statements a MAPA DCE carries (LEGAL.md §§ 3 and 10) and its
//! commitment part, read back from every sample's final PDF (pdftotext) and
//! DOCX (document.xml).
mod common;

use dce_core::export::{self, Format};
use dce_core::model::{Ccag, Dossier, Nature};
use dce_core::rules::tribunals;

fn today() -> chrono::NaiveDate {
    common::date("2026-11-22")
}

/// Text with what line breaking, hyphenation and typography change taken
/// out: no spaces of any kind, no hyphens, typographic apostrophes.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}' | '\u{2011}'))
        .map(|c| if c == '\'' { '’' } else { c })
        .collect()
}

/// The PDF text without what each page repeats (running header, page
/// number), so that a sentence cut by a page break reads whole.
fn pdf_body(text: &str, d: &Dossier) -> String {
    let header = dce_core::compose::dce(d).unwrap().running_header;
    text.lines()
        .filter(|l| {
            let l = l.trim();
            l != header && !(l.starts_with("Page ") && l.contains(" / "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A document's text in both formats, normalised.
struct Exported {
    name: String,
    pdf: String,
    docx: String,
}

impl Exported {
    fn of(name: &str, d: &Dossier, formats: &[Format]) -> Exported {
        let text = |format: Format| {
            if !formats.contains(&format) {
                return None;
            }
            let bytes = export::render(d, format, true, today())
                .unwrap_or_else(|e| panic!("{name}: the final export is refused: {e}"));
            Some(match format {
                Format::Pdf => normalise(&pdf_body(&common::pdf_text(&bytes), d)),
                _ => normalise(&common::docx_text(&bytes)),
            })
        };
        Exported {
            name: name.into(),
            pdf: text(Format::Pdf).unwrap_or_default(),
            docx: text(Format::Docx).unwrap_or_default(),
        }
    }

    fn texts(&self) -> impl Iterator<Item = (&'static str, &String)> {
        [("PDF", &self.pdf), ("DOCX", &self.docx)]
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
    }

    fn has(&self, phrase: &str) {
        let wanted = normalise(phrase);
        for (format, text) in self.texts() {
            assert!(
                text.contains(&wanted),
                "{}: the {format} lacks {phrase:?}",
                self.name
            );
        }
    }

    fn lacks(&self, phrase: &str) {
        let unwanted = normalise(phrase);
        for (format, text) in self.texts() {
            assert!(
                !text.contains(&unwanted),
                "{}: the {format} should not say {phrase:?}",
                self.name
            );
        }
    }

    fn has_iff(&self, condition: bool, phrase: &str) {
        if condition {
            self.has(phrase)
        } else {
            self.lacks(phrase)
        }
    }
}

fn samples() -> Vec<(String, Dossier)> {
    dce_core::samples::all()
        .iter()
        .map(|s| {
            (
                s.name.to_string(),
                s.instantiate(today(), format!("uid-{}", s.name)),
            )
        })
        .collect()
}

fn ccag_short(c: Ccag) -> &'static str {
    match c {
        Ccag::Fcs => "CCAG-FCS",
        Ccag::Travaux => "CCAG-Travaux",
        Ccag::Pi => "CCAG-PI",
        Ccag::Tic => "CCAG-TIC",
        Ccag::Mi => "CCAG-MI",
        Ccag::Moe => "CCAG-MOE",
    }
}

#[test]
fn every_sample_carries_every_statement_in_pdf_and_docx() {
    for (name, d) in samples() {
        let doc = Exported::of(&name, &d, &[Format::Pdf, Format::Docx]);

        // Contractual documents, their precedence, the CCAG named.
        doc.has("Pièces contractuelles");
        doc.has("En cas de contradiction entre elles, elles prévalent dans l'ordre ci-dessous");
        doc.has("ses cadres de réponse complétés, qui tiennent lieu de mémoire technique");
        if let Some(ccag) = d.execution.ccag {
            doc.has(&format!(
                "({}) approuvé par l'arrêté du 30 mars 2021, sauf les dérogations",
                ccag_short(ccag)
            ));
        }
        // Negotiation: with whom, and award on the initial offers.
        let negotiation = &d.submission.negotiation;
        if negotiation.allowed {
            match negotiation.with_best {
                Some(n) if n > 1 => doc.has(&format!(
                    "négocier avec les {n} candidats les mieux classés"
                )),
                Some(_) => doc.has("négocier avec le candidat le mieux classé"),
                None => doc.has("négocier avec tous les candidats ayant remis une offre"),
            }
            doc.has("attribuer le marché sur la base des offres initiales, sans négocier");
        } else {
            doc.has("La commune ne négocie pas");
        }
        // No signature at submission.
        doc.has(
            "L'offre n'a pas à être signée lors de son dépôt : seul l'attributaire signe le marché",
        );
        doc.lacks("En signant ci-dessous");
        // What the winner produces, by when, and what if not.
        doc.has(&format!(
            "dans un délai de {} jours à compter de la demande de la commune (articles R2144-4 et R2144-7",
            d.submission.winner_documents_days
        ));
        doc.has("l'attestation de vigilance délivrée par l'URSSAF");
        doc.has("que le titulaire remet ensuite tous les six mois");
        doc.has("l'attestation de régularité fiscale");
        doc.has("un extrait Kbis");
        doc.has("son offre est rejetée et la commune demande les mêmes pièces au candidat classé immédiatement après");
        // Electronic invoicing and its routing.
        doc.has("Chorus Pro");
        doc.has(&format!(
            "identifiée par son numéro SIRET {}",
            d.buyer.siret
        ));
        // Subcontracting and direct payment.
        doc.has("loi n° 75-1334 du 31 décembre 1975");
        doc.has("600 € TTC est payé directement par la commune");
        // Groupements.
        doc.has("La commune n'impose aucune forme de groupement");
        doc.has("mandataire");
        // Insurance; ten-year liability for works only; GDPR only with personal data.
        doc.has("pour sa responsabilité civile");
        doc.has_iff(
            d.purchase.nature == Nature::Works,
            "responsabilité civile décennale",
        );
        doc.has_iff(
            d.execution.personal_data,
            "article 28 du règlement (UE) 2016/679",
        );
        // Backup copy, language and currency.
        doc.has("copie de sauvegarde");
        doc.has("rédigées en français");
        doc.has("Les prix sont exprimés en euros");
        // Questions calendar: the deadline is 30 December 2026 at noon.
        doc.has("au plus tard le 20 décembre 2026 à 12 h 00");
        doc.has("La commune y répond au plus tard le 24 décembre 2026 à 12 h 00");
        // Recourse: the tribunal of the commune's department and the remedies.
        let tribunal =
            tribunals::for_postcode(&d.buyer.address.postcode).expect("sample's tribunal");
        doc.has(&format!(
            "La juridiction compétente est le {}",
            tribunal.name
        ));
        doc.has(tribunal.address.as_deref().unwrap_or(&tribunal.seat));
        doc.has("Référé précontractuel (article L551-1 du code de justice administrative)");
        doc.has("jusqu'à la signature du marché");
        doc.has("Référé contractuel (articles L551-13");
        doc.has("Recours pour excès de pouvoir contre les actes détachables");
        doc.has("Département de Tarn-et-Garonne");
        doc.has(
            "dans un délai de deux mois à compter de l'accomplissement des mesures de publicité",
        );
        // Execution terms.
        if d.execution.advance.percent > 0 {
            doc.has("du montant initial, toutes taxes comprises");
            doc.has_iff(
                d.purchase.duration_months > 12,
                "douze fois ce montant divisé par la durée du marché en mois",
            );
            doc.has("(article R2191-8 du code de la commande publique)");
        }
        doc.has("qui court à compter de la date de réception de la demande de paiement");
        doc.has_iff(
            d.execution.retenue_garantie_percent > 0,
            "jamais sur l'avance",
        );
    }
}

#[test]
fn every_sample_has_a_complete_commitment_part() {
    for (name, d) in samples() {
        let doc = Exported::of(&name, &d, &[Format::Pdf, Format::Docx]);
        doc.has("Acte d'engagement");
        doc.has("Il ne la signe pas au dépôt de l'offre");
        doc.has("en groupement conjoint");
        doc.has(
            "Candidat ou, en cas de groupement, mandataire : raison sociale, numéro SIRET, adresse",
        );
        doc.has("chaque autre membre");
        doc.has("Personne habilitée à engager le candidat");
        for lot in &d.purchase.lots {
            doc.has(&format!("lot {} : {}", lot.number, lot.title));
        }
        doc.has_iff(
            d.variants.policy != dce_core::model::VariantPolicy::Forbidden,
            "une variante, décrite dans l'offre",
        );
        for (i, p) in d.pse.iter().enumerate() {
            doc.has(&format!("PSE n° {} : {}", i + 1, p.title));
        }
        doc.has("Prix proposé");
        doc.has("IBAN");
        doc.has_iff(
            d.execution.advance.percent > 0,
            "Le candidat renonce à l'avance prévue",
        );
        doc.has("formulaire DC4 ou document équivalent");
        doc.has("Signature de l'attributaire, au moment de l'attribution seulement");
        doc.has("Est acceptée la présente offre pour valoir acte d'engagement");
        doc.has(&format!(
            "Représentant de l'acheteur ({}) : {}",
            d.buyer.name, d.buyer.representative.name
        ));
    }
}

/// The samples all leave personal data out and half are works: the
/// conditional clauses are checked both ways on one sample of each kind.
#[test]
fn the_processor_clause_follows_the_personal_data_flag() {
    let mut d = dce_core::samples::find("materiel-informatique")
        .unwrap()
        .instantiate(today(), "u".into());
    for flag in [true, false] {
        d.execution.personal_data = flag;
        let doc = Exported::of("materiel-informatique", &d, &[Format::Docx]);
        for phrase in [
            "Protection des données personnelles",
            "article 28 du règlement (UE) 2016/679",
            "sur instruction écrite de la commune",
            "tenues à la confidentialité",
            "mesures de sécurité appropriées",
            "qu'avec l'autorisation écrite préalable de la commune",
            "lui restitue toutes les données ou les détruit",
        ] {
            doc.has_iff(flag, phrase);
        }
    }
}

#[test]
fn ten_year_liability_only_for_works() {
    let mut d = dce_core::samples::find("refection-voirie")
        .unwrap()
        .instantiate(today(), "u".into());
    for (nature, expected) in [(Nature::Works, true), (Nature::Services, false)] {
        d.purchase.nature = nature;
        let doc = Exported::of("refection-voirie", &d, &[Format::Docx]);
        doc.has_iff(expected, "article L241-1 du code des assurances");
        doc.has_iff(expected, "responsabilité civile décennale");
    }
}

#[test]
fn negotiation_as_the_dossier_sets_it() {
    let mut d = common::catering();
    d.submission.negotiation.with_best = None;
    let doc = Exported::of("all bidders", &d, &[Format::Docx]);
    doc.has("La commune peut négocier avec tous les candidats ayant remis une offre");
    doc.has("F2 : niveau négociable, dans les conditions de l'article « Négociation »");

    d.submission.negotiation.with_best = Some(1);
    Exported::of("best one", &d, &[Format::Docx])
        .has("négocier avec le candidat le mieux classé après");

    d.submission.negotiation.allowed = false;
    let doc = Exported::of("no negotiation", &d, &[Format::Docx]);
    doc.has("La commune ne négocie pas : le marché est attribué sur la base des offres initiales");
    doc.lacks("La commune peut négocier");
    doc.lacks("F2 : niveau négociable");
    doc.has("F2 : souplesse moyenne");
}

#[test]
fn invoicing_names_the_service_code_when_there_is_one() {
    let mut d = common::catering();
    d.execution.invoicing_service_code = "FINANCES-01".into();
    Exported::of("service code", &d, &[Format::Docx]).has("avec le code service FINANCES-01");
    d.execution.invoicing_service_code.clear();
    Exported::of("no service code", &d, &[Format::Docx]).lacks("code service");
}

#[test]
fn without_a_deadline_the_questions_calendar_is_in_days() {
    let mut d = common::catering();
    d.submission.deadline = None;
    let doc = dce_core::compose::dce(&d).unwrap();
    let text: String = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            dce_core::compose::document::Block::Paragraph(p) => {
                Some(p.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            }
            _ => None,
        })
        .collect();
    let text = normalise(&text);
    assert!(text.contains(&normalise(
        "au plus tard dix jours avant la date limite de remise des offres"
    )));
    assert!(text.contains(&normalise(
        "La commune y répond au plus tard six jours avant cette date"
    )));
}

#[test]
fn the_tribunal_follows_the_commune_and_a_missing_one_says_so() {
    let mut d = common::catering();
    d.buyer.address.postcode = "82000".into();
    Exported::of("Montauban", &d, &[Format::Docx]).has(
        "La juridiction compétente est le tribunal administratif de Toulouse, 68, rue Raymond-IV",
    );
    d.buyer.address.postcode = "97600".into();
    Exported::of("Mamoudzou", &d, &[Format::Docx]).has(
        "La juridiction compétente est le tribunal administratif de Mayotte, qui siège à Mamoudzou",
    );
    d.buyer.address.postcode = "9800".into();
    let doc = dce_core::compose::dce(&d).unwrap();
    let json = normalise(&serde_json::to_string(&doc).unwrap());
    assert!(json.contains(&normalise(
        "[à compléter] (le code postal de la mairie ne permet pas de le trouver"
    )));
}

#[test]
fn every_department_has_its_tribunal() {
    let departments = (1..=95)
        .filter(|n| *n != 20)
        .map(|n| format!("{n:02}"))
        .chain(["2A".to_string(), "2B".to_string()])
        .chain((971..=976).map(|n| n.to_string()));
    for code in departments {
        let t = tribunals::for_department(&code)
            .unwrap_or_else(|| panic!("no tribunal for department {code}"));
        assert!(
            t.name.starts_with("tribunal administratif d"),
            "{code}: {}",
            t.name
        );
    }
}
