//! The checks of issue 11 on real text and on real amounts: each rule on
//! both sides of its wording, threshold or date, with the field it names.
mod common;

use dce_core::model::{Ccag, CriterionKind, Derogation, Dossier, Flexibility, Lot};
use dce_core::rules::{check, Finding, Severity};

const DAY: &str = "2026-11-30";

fn findings(d: &Dossier, date: &str) -> Vec<Finding> {
    check(d, common::date(date))
}

/// The findings of `code`, as (severity, field).
fn of(d: &Dossier, date: &str, code: &str) -> Vec<(Severity, String)> {
    findings(d, date)
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| (f.severity, f.field))
        .collect()
}

fn one(d: &Dossier, date: &str, code: &str) -> Finding {
    let all = findings(d, date);
    let mut found = all.iter().filter(|f| f.code == code);
    let f = found
        .next()
        .unwrap_or_else(|| panic!("no {code} in {all:#?}"));
    assert!(found.next().is_none(), "several {code} in {all:#?}");
    f.clone()
}

fn lot(number: u32, euros: i64) -> Lot {
    Lot {
        number,
        title: format!("Lot {number}"),
        description: String::new(),
        estimated_amount_cents: euros * 100,
    }
}

mod criteria {
    use super::*;

    fn single(kind: CriterionKind) -> Dossier {
        let mut d = common::catering();
        d.criteria.truncate(1);
        d.criteria[0].kind = kind;
        d.criteria[0].weight_percent = 100;
        d.questions.clear();
        d
    }

    #[test]
    fn several_criteria_need_a_price_or_a_cost() {
        let mut d = common::catering();
        d.criteria[0].kind = CriterionKind::Technical;
        assert_eq!(
            of(&d, DAY, "criteria.no_price"),
            [(Severity::Blocking, "criteria".to_string())]
        );
        d.criteria[0].kind = CriterionKind::LifeCycleCost;
        assert_eq!(of(&d, DAY, "criteria.no_price"), []);
    }

    #[test]
    fn a_single_price_is_advice_before_21_august_2026_and_blocking_from_then() {
        let d = single(CriterionKind::Price);
        assert_eq!(
            of(&d, "2026-08-20", "criteria.price_only_standardised"),
            [(Severity::Advice, "criteria".to_string())]
        );
        assert_eq!(of(&d, "2026-08-20", "criteria.price_only"), []);
        assert_eq!(
            of(&d, "2026-08-21", "criteria.price_only"),
            [(Severity::Blocking, "criteria".to_string())]
        );
        assert_eq!(of(&d, "2026-08-21", "criteria.price_only_standardised"), []);
    }

    #[test]
    fn a_single_cost_is_always_allowed_a_single_technical_criterion_never() {
        let d = single(CriterionKind::LifeCycleCost);
        for date in ["2026-08-20", "2026-08-21"] {
            for code in [
                "criteria.price_only",
                "criteria.price_only_standardised",
                "criteria.single_not_cost",
            ] {
                assert_eq!(of(&d, date, code), [], "{code} on {date}");
            }
        }
        let d = single(CriterionKind::Technical);
        for date in ["2026-08-20", "2026-08-21"] {
            let f = one(&d, date, "criteria.single_not_cost");
            assert_eq!(
                (f.severity, f.reference.as_str()),
                (Severity::Blocking, "R2152-7")
            );
        }
    }

    #[test]
    fn the_price_is_scored_on_a_total_not_on_one_line() {
        let mut d = common::catering();
        for method in [
            "Note = 40 × prix le plus bas ÷ PRIX UNITAIRE du repas de l'offre.",
            "Le prix retenu est celui de la ligne 1 du Bordereau.",
        ] {
            d.criteria[0].method = method.into();
            assert_eq!(
                of(&d, DAY, "criteria.price_single_line"),
                [(Severity::Warning, "criteria[0].method".to_string())],
                "{method}"
            );
        }
        for method in [
            "Note = 40 × (montant le plus bas ÷ montant du détail quantitatif estimatif de l'offre), les prix unitaires du bordereau étant appliqués aux quantités du DQE.",
            "Note = 40 × prix global et forfaitaire le plus bas ÷ prix de l'offre.",
        ] {
            d.criteria[0].method = method.into();
            assert_eq!(of(&d, DAY, "criteria.price_single_line"), [], "{method}");
        }
        // Only a price criterion is concerned.
        d.criteria[1].method = "Prix unitaire des pièces détachées".into();
        assert_eq!(of(&d, DAY, "criteria.price_single_line"), []);
    }

    #[test]
    fn weights_not_totalling_100_are_a_warning_in_a_mapa() {
        let mut d = common::catering();
        d.criteria[0].weight_percent = 45;
        let f = one(&d, DAY, "criteria.weights_total");
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.contains("105\u{a0}%"), "{}", f.message);
        assert!(!f.message.contains("obligatoire"), "{}", f.message);
    }
}

mod wording {
    use super::*;

    /// Writes a text into one field of the dossier.
    type SetText = fn(&mut Dossier, &str);

    #[test]
    fn local_preference_is_found_in_every_text_with_its_field() {
        let cases: &[(&str, SetText)] = &[
            ("purchase.context", |d, t| d.purchase.context = t.into()),
            ("purchase.lots[0].description", |d, t| {
                d.purchase.lots = vec![lot(1, 120_000)];
                d.purchase.lots[0].description = t.into();
            }),
            ("needs[2].level", |d, t| d.needs[2].level = t.into()),
            ("variants.minimum_requirements[1]", |d, t| {
                d.variants.minimum_requirements[1] = t.into()
            }),
            ("criteria[1].subcriteria[2].title", |d, t| {
                d.criteria[1].subcriteria[2].title = t.into()
            }),
            ("questions[4].prompt", |d, t| {
                d.questions[4].prompt = t.into()
            }),
            ("clauses.environmental_conditions[1].text", |d, t| {
                d.clauses.environmental_conditions[1].text = t.into()
            }),
            ("submission.candidature_documents[2]", |d, t| {
                d.submission.candidature_documents[2] = t.into()
            }),
            ("pse[0].description", |d, t| d.pse[0].description = t.into()),
            ("execution.penalties", |d, t| {
                d.execution.penalties = t.into()
            }),
        ];
        let wordings = [
            "Les entreprises implantées dans le département sont privilégiées.",
            "Fournisseur IMPLANTÉ sur la commune.",
            "Priorité aux artisans locaux.",
            "Le titulaire est une entreprise de proximité.",
            "Prestataire situé à moins de 30 km de la mairie.",
            "Produits Locaux uniquement.",
        ];
        for (field, set) in cases {
            for wording in wordings {
                let mut d = common::catering();
                set(&mut d, wording);
                let f = one(&d, DAY, "text.local_preference");
                assert_eq!(
                    (f.severity, f.field.as_str(), f.reference.as_str()),
                    (Severity::Blocking, *field, "L3"),
                    "{wording}"
                );
            }
        }
    }

    #[test]
    fn places_that_qualify_no_firm_are_left_alone() {
        let mut d = common::catering();
        d.purchase.context = "Le restaurant scolaire de la commune sert 80 repas. Le titulaire nettoie les locaux après le service et informe le secrétariat de la commune. En lien avec la Mission locale.".into();
        assert_eq!(of(&d, DAY, "text.local_preference"), []);
    }

    #[test]
    fn proximity_in_a_criterion_is_a_warning_unless_it_is_local_preference() {
        let mut d = common::catering();
        d.criteria[1].subcriteria[1].title = "Distance entre le dépôt et l'école".into();
        assert_eq!(
            of(&d, DAY, "criteria.proximity"),
            [(
                Severity::Warning,
                "criteria[1].subcriteria[1].title".to_string()
            )]
        );
        d.criteria[1].subcriteria[1].title = "Entreprises situées à moins de 20 km".into();
        assert_eq!(of(&d, DAY, "criteria.proximity"), []);
        assert_eq!(
            of(&d, DAY, "text.local_preference"),
            [(
                Severity::Blocking,
                "criteria[1].subcriteria[1].title".to_string()
            )]
        );
    }

    #[test]
    fn brands_and_trade_names_are_found_in_every_text() {
        for (wording, quoted) in [
            ("Nettoyeur haute pression type KÄRCHER", "KÄRCHER"),
            ("Postes de travail Dell Latitude", "Dell"),
            ("Imprimante hp", "hp"),
            ("Mini-pelle de marque reconnue", "de marque"),
            ("Tondeuse Marque Stihl", "Marque Stihl"),
            ("Four Rational® série 5", "Rational®"),
            ("Isolant Isover ou similaire", "Isover"),
            (
                "Donner la référence fabricant de chaque pièce",
                "référence fabricant",
            ),
        ] {
            let mut d = common::catering();
            d.clauses.environmental_conditions[1].text = wording.into();
            let f = one(&d, DAY, "text.brand");
            assert_eq!(
                (f.severity, f.field.as_str(), f.reference.as_str()),
                (
                    Severity::Warning,
                    "clauses.environmental_conditions[1].text",
                    "R2111-7"
                ),
                "{wording}"
            );
            assert!(
                f.message.contains(&format!("«\u{202f}{quoted}\u{202f}»")),
                "{}",
                f.message
            );
        }
        let mut d = common::catering();
        d.purchase.lots = vec![lot(1, 60_000), lot(2, 60_000)];
        d.purchase.lots[1].title = "Tracteur John Deere".into();
        assert_eq!(
            of(&d, DAY, "text.brand"),
            [(Severity::Warning, "purchase.lots[1].title".to_string())]
        );
    }

    #[test]
    fn ou_equivalent_after_the_brand_is_the_remedy_not_a_brand() {
        let mut d = common::catering();
        d.needs[3].level = "Contenants Tarkett ou équivalents".into();
        assert_eq!(of(&d, DAY, "text.brand"), []);
        assert_eq!(
            of(&d, DAY, "text.brand_equivalent"),
            [(Severity::Advice, "needs[3].level".to_string())]
        );
        // In another sentence, it remedies nothing.
        d.needs[3].level = "Contenants Tarkett. Ou équivalent.".into();
        assert_eq!(
            of(&d, DAY, "text.brand"),
            [(Severity::Warning, "needs[3].level".to_string())]
        );
        // Alone, it names no product.
        d.needs[3].level = "Contenants réemployables, inox ou équivalent".into();
        assert_eq!(of(&d, DAY, "text.brand"), []);
        assert_eq!(of(&d, DAY, "text.brand_equivalent"), []);
    }

    #[test]
    fn ordinary_words_are_no_brand() {
        let mut d = common::catering();
        d.purchase.context = "Une remarque : le modèle de convention est joint. Nettoyeur HPA. Marquage au sol. Le candidat indique la marque et le modèle proposés.".into();
        assert_eq!(of(&d, DAY, "text.brand"), []);
    }

    #[test]
    fn a_standard_needs_ou_equivalent_in_the_same_sentence() {
        let mut d = common::catering();
        d.needs[1].appraisal_criterion =
            "Températures mesurées selon la norme NF EN ISO 13485".into();
        let f = one(&d, DAY, "text.standard");
        assert_eq!(
            (f.severity, f.field.as_str(), f.reference.as_str()),
            (Severity::Warning, "needs[1].appraisal_criterion", "R2111-8")
        );
        assert!(f.message.contains("NF EN ISO 13485"), "{}", f.message);
        d.needs[1].appraisal_criterion =
            "Températures mesurées selon la norme NF EN ISO 13485 ou équivalente".into();
        assert_eq!(of(&d, DAY, "text.standard"), []);
        d.needs[1].appraisal_criterion = "Livraison en 2026, en 3 exemplaires".into();
        assert_eq!(of(&d, DAY, "text.standard"), []);
    }
}

mod egalim {
    use super::*;

    const CODES: [&str; 4] = [
        "clauses.egalim_sustainable",
        "clauses.egalim_organic",
        "clauses.egalim_meat_fish",
        "clauses.egalim_vegetarian",
    ];

    fn with_clause(text: &str) -> Dossier {
        let mut d = common::catering_shares_in_clauses_only();
        d.clauses.environmental_conditions[0].text = text.into();
        d
    }

    fn egalim_codes(d: &Dossier, date: &str) -> Vec<String> {
        findings(d, date)
            .into_iter()
            .filter(|f| f.code.starts_with("clauses.egalim"))
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn the_sample_clause_meets_every_share() {
        assert_eq!(egalim_codes(&common::catering(), DAY), Vec::<String>::new());
    }

    #[test]
    fn each_share_is_read_at_its_floor() {
        let clause = |sustainable: u32, organic: u32| {
            with_clause(&format!("Le titulaire sert au moins {sustainable} % de produits durables et de qualité, dont {organic} % de produits BIOLOGIQUES, et 60 % de viandes et poissons de qualité. Un menu végétarien est proposé chaque semaine."))
        };
        assert_eq!(egalim_codes(&clause(50, 20), DAY), Vec::<String>::new());
        let low = clause(49, 20);
        let f = one(&low, DAY, "clauses.egalim_sustainable");
        assert_eq!(
            (f.severity, f.field.as_str(), f.reference.as_str()),
            (
                Severity::Blocking,
                "clauses.environmental_conditions",
                "L230-5-1 du code rural"
            )
        );
        assert!(
            f.message.contains("49\u{a0}%") && f.message.contains("50\u{a0}%"),
            "{}",
            f.message
        );
        assert_eq!(
            egalim_codes(&clause(50, 19), DAY),
            ["clauses.egalim_organic"]
        );
    }

    #[test]
    fn the_weekly_vegetarian_menu_is_read() {
        let base = "Au moins 50 % de produits durables et de qualité, dont 20 % bio, et 60 % de viandes et poissons de qualité.";
        let d = with_clause(base);
        let f = one(&d, DAY, "clauses.egalim_vegetarian");
        assert_eq!(
            (f.severity, f.reference.as_str()),
            (Severity::Blocking, "L230-5-6 du code rural")
        );
        let d = with_clause(&format!("{base} Un menu VÉGÉTARIEN hebdomadaire."));
        assert_eq!(egalim_codes(&d, DAY), Vec::<String>::new());
        // A vegetarian menu once a month is not enough.
        let d = with_clause(&format!("{base} Un menu végétarien par mois."));
        assert_eq!(egalim_codes(&d, DAY), ["clauses.egalim_vegetarian"]);
    }

    #[test]
    fn a_share_binds_in_an_imperative_need_not_in_a_flexible_one() {
        let mut d = with_clause(
            "Un menu végétarien par semaine. Au moins 60 % de viandes et poissons de qualité.",
        );
        // Need n3 of the sample carries « Au moins 50 %, dont 20 % de produits biologiques », as F1.
        assert_eq!(d.needs[2].flexibility, Flexibility::F1);
        assert_eq!(
            egalim_codes(&d, DAY),
            ["clauses.egalim_sustainable", "clauses.egalim_organic"]
        );
        d.needs[2].flexibility = Flexibility::F0;
        d.needs[2].subcriterion_id = None;
        assert_eq!(egalim_codes(&d, DAY), Vec::<String>::new());
    }

    #[test]
    fn meat_and_fish_from_2024_egalim_from_2022() {
        let d = with_clause("Au moins 50 % de produits durables et de qualité, dont 20 % bio. Un menu végétarien par semaine.");
        assert_eq!(egalim_codes(&d, "2023-12-31"), Vec::<String>::new());
        assert_eq!(
            of(&d, "2024-01-01", "clauses.egalim_meat_fish"),
            [(
                Severity::Warning,
                "clauses.environmental_conditions".to_string()
            )]
        );
        let mut d = common::catering_shares_in_clauses_only();
        d.clauses.environmental_conditions.clear();
        d.purchase.launch_date = Some(common::date("2021-12-01"));
        assert_eq!(egalim_codes(&d, "2021-12-31"), Vec::<String>::new());
        assert_eq!(
            egalim_codes(&d, "2022-01-01"),
            [
                "clauses.egalim_sustainable",
                "clauses.egalim_organic",
                "clauses.egalim_vegetarian"
            ]
        );
    }

    #[test]
    fn no_egalim_finding_outside_school_catering() {
        let mut d = common::catering();
        d.clauses.environmental_conditions.clear();
        d.purchase.cpv = "55521100-9".into(); // portage de repas à domicile
        d.purchase.object = "Portage de repas à domicile et restauration".into();
        let found = egalim_codes(&d, DAY);
        assert!(
            CODES.iter().all(|c| !found.contains(&c.to_string())),
            "{found:?}"
        );
    }
}

mod amounts {
    use super::*;

    fn no_advance() -> Dossier {
        let mut d = common::catering(); // 120 000 € HT over 36 months
        d.execution.advance.percent = 0;
        d
    }

    #[test]
    fn the_advance_test_applies_to_each_lot() {
        let mut d = no_advance();
        assert_eq!(
            of(&d, DAY, "execution.advance"),
            [(Severity::Blocking, "execution.advance.percent".to_string())]
        );
        // Three lots of 40 000 €: no contract over 50 000 €.
        d.purchase.lots = vec![lot(1, 40_000), lot(2, 40_000), lot(3, 40_000)];
        assert_eq!(of(&d, DAY, "execution.advance"), []);
        // Exactly 50 000 € is not over it; 50 000,01 € is.
        d.purchase.lots = vec![lot(1, 50_000), lot(2, 70_000)];
        let f = one(&d, DAY, "execution.advance");
        assert!(
            f.message.contains("lot 2") && !f.message.contains("lot 1"),
            "{}",
            f.message
        );
        assert!(f.message.contains("refuser"), "{}", f.message);
        d.purchase.lots = vec![lot(1, 50_000), lot(2, 50_000), lot(3, 20_000)];
        assert_eq!(of(&d, DAY, "execution.advance"), []);
        d.purchase.lots[0].estimated_amount_cents += 1;
        assert_eq!(of(&d, DAY, "execution.advance").len(), 1);
        // Two months or less: no advance due, even on a large lot.
        d.purchase.duration_months = 2;
        assert_eq!(of(&d, DAY, "execution.advance"), []);
    }

    #[test]
    fn the_turnover_cap_applies_to_each_lot_as_a_warning() {
        let mut d = common::catering();
        d.purchase.lots = vec![lot(1, 100_000), lot(2, 20_000)];
        d.submission.minimum_turnover_cents = Some(3_000_000); // 30 000 € = 1.5 × lot 2
        assert_eq!(of(&d, DAY, "submission.minimum_turnover"), []);
        d.submission.minimum_turnover_cents = Some(10_000_000);
        let f = one(&d, DAY, "submission.minimum_turnover");
        assert_eq!(
            (f.severity, f.field.as_str(), f.reference.as_str()),
            (
                Severity::Warning,
                "submission.minimum_turnover_cents",
                "R2142-7"
            )
        );
        assert!(
            f.message.contains("lot 2") && f.message.contains("30\u{202f}000"),
            "{}",
            f.message
        );
    }
}

mod deadline {
    use super::*;

    #[test]
    fn without_a_launch_date_the_deadline_is_compared_with_today() {
        let mut d = common::catering();
        d.purchase.launch_date = None;
        d.submission.deadline = common::date("2026-12-30").and_hms_opt(12, 0, 0);
        let f = one(&d, "2026-12-30", "submission.deadline_before_launch");
        assert_eq!(
            (f.severity, f.reference.as_str()),
            (Severity::Blocking, "R2151-1")
        );
        assert!(f.message.contains("aujourd’hui"), "{}", f.message);
        assert_eq!(
            of(&d, "2026-12-29", "submission.deadline_before_launch"),
            []
        );
        assert_eq!(
            of(&d, "2026-12-29", "submission.deadline_short"),
            [(Severity::Advice, "submission.deadline".to_string())]
        );
        assert_eq!(of(&d, "2026-12-01", "submission.deadline_short"), []);
    }

    #[test]
    fn with_a_launch_date_the_launch_counts() {
        let d = common::catering(); // launched 2026-11-30, deadline 2026-12-30
        assert_eq!(
            of(&d, "2026-12-30", "submission.deadline_before_launch"),
            []
        );
        let mut d = d;
        d.submission.deadline = None;
        assert_eq!(
            one(&d, DAY, "submission.deadline_missing").reference,
            "R2151-1"
        );
    }
}

mod ccag {
    use super::*;

    fn derogation(article: &str, subject: &str) -> Derogation {
        Derogation {
            ccag_article: article.into(),
            document_article: "Pénalités".into(),
            subject: subject.into(),
        }
    }

    #[test]
    fn without_a_ccag_the_document_states_reception_penalties_and_termination() {
        let mut d = common::catering();
        assert_eq!(of(&d, DAY, "execution.no_ccag"), []);
        d.execution.ccag = None;
        d.execution.ccag_derogations.clear();
        let f = one(&d, DAY, "execution.no_ccag");
        assert_eq!(
            (f.severity, f.field.as_str()),
            (Severity::Warning, "execution.ccag")
        );
        for word in ["réception", "pénalités", "résiliation"] {
            assert!(f.message.contains(word), "{}", f.message);
        }
        assert_eq!(of(&d, DAY, "execution.penalty_exemption"), []);
    }

    #[test]
    fn small_penalties_under_the_ccag_fcs_need_the_exemption_waived() {
        let mut d = common::catering();
        // The sample waives the exemption; these tests start without that derogation.
        d.execution
            .ccag_derogations
            .retain(|x| x.ccag_article != "14.1.3");
        d.execution.penalties = "Retard : 50 € par jour calendaire.".into();
        let f = one(&d, DAY, "execution.penalty_exemption");
        assert_eq!(
            (f.severity, f.field.as_str(), f.reference.as_str()),
            (
                Severity::Warning,
                "execution.ccag_derogations",
                "CCAG-FCS art. 14.1.3"
            )
        );
        assert!(
            f.message.contains("1\u{202f}000\u{a0}€\u{a0}HT"),
            "{}",
            f.message
        );
        // The edge: 1 000 € a day is still swallowed by the exemption, 1 500 € is not.
        d.execution.penalties = "Retard : 1 000 € par jour.".into();
        assert_eq!(of(&d, DAY, "execution.penalty_exemption").len(), 1);
        d.execution.penalties = "Retard : 1 500 € par jour.".into();
        assert_eq!(of(&d, DAY, "execution.penalty_exemption"), []);
        d.execution.penalties = "Pénalités selon l'article 14.1.1 du CCAG.".into();
        assert_eq!(of(&d, DAY, "execution.penalty_exemption"), []);
        // Waiving 14.1.3 removes the finding.
        d.execution.penalties = "Retard : 50 € par jour calendaire.".into();
        d.execution.ccag_derogations.push(derogation(
            "14.1.3",
            "Les pénalités s'appliquent dès le premier euro.",
        ));
        assert_eq!(of(&d, DAY, "execution.penalty_exemption"), []);
    }

    #[test]
    fn other_ccags_get_advice_to_check_their_article() {
        let mut d = common::catering();
        // The sample waives the exemption; these tests start without that derogation.
        d.execution
            .ccag_derogations
            .retain(|x| x.ccag_article != "14.1.3");
        d.execution.ccag = Some(Ccag::Travaux);
        let f = one(&d, DAY, "execution.penalty_exemption");
        assert_eq!(
            (f.severity, f.reference.as_str()),
            (Severity::Advice, "CCAG-Travaux")
        );
        d.execution.ccag_derogations[0].subject =
            "Exonération de l'article 19.2.3 supprimée : les pénalités s'appliquent dès 1 €".into();
        assert_eq!(of(&d, DAY, "execution.penalty_exemption"), []);
    }
}

#[test]
fn corrected_references() {
    let mut d = common::catering();
    d.execution.advance.guarantee_required = true;
    d.buyer.siret = "123".into();
    let all = findings(&d, DAY);
    let reference = |code: &str| {
        all.iter()
            .find(|f| f.code == code)
            .unwrap()
            .reference
            .clone()
    };
    assert_eq!(reference("execution.advance_guarantee"), "R2191-8");
    let siret = reference("buyer.siret");
    assert!(
        !siret.starts_with('R') && !siret.starts_with('L'),
        "{siret}"
    );
}
