//! The offers window's actions, as typed in its fields: amounts, points and
//! times in French, confirmations in French, and a refused action that
//! leaves the dossier exactly as it was.

mod common;

use chrono::NaiveDate;
use dce_core::award::{self, OfferAction, OfferError, PriceEntry};
use dce_core::model::{Bidder, Dossier, LowPriceDecision, OfferStatus};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn add(name: &str, amount: &str, received_at: &str) -> OfferAction {
    OfferAction::Add {
        lot: Some(1),
        bidder: Bidder {
            name: name.into(),
            siret: None,
            group: false,
            group_members: vec![],
        },
        received_at: received_at.into(),
        variant: String::new(),
        price: PriceEntry::Typed {
            amount: amount.into(),
        },
        documents: vec!["Acte d’engagement".into(), "  ".into()],
    }
}

/// « AAAA-MM-JJTHH:MM », one hour before the sample's deadline.
fn in_time(d: &Dossier) -> String {
    (d.submission.deadline.unwrap() - chrono::Duration::hours(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn refused(d: &Dossier, action: OfferAction) -> OfferError {
    let before = d.clone();
    let mut after = d.clone();
    let e = award::apply(&mut after, action, today()).unwrap_err();
    assert_eq!(after, before, "a refused action changed the dossier");
    e
}

#[test]
fn an_offer_typed_in_french_is_recorded_with_its_price_and_documents() {
    let mut d = common::village_hall();
    let when = in_time(&d);
    let out = award::applied(d.clone(), add("Thermibat", "112 500,50", &when), today()).unwrap();
    assert_eq!(out.message, "Offre n°\u{a0}1 enregistrée.");
    let o = &out.dossier.offers[0];
    assert_eq!(o.price.as_ref().unwrap().compared_cents, 11_250_050);
    assert_eq!(
        o.documents,
        ["Acte d’engagement"],
        "blank documents dropped"
    );
    assert_eq!(
        o.received_at.unwrap().format("%Y-%m-%dT%H:%M").to_string(),
        when
    );
    // An offer whose price and time are not known yet.
    d = out.dossier;
    let out = award::applied(d.clone(), add("Éco-Façades", "", ""), today()).unwrap();
    assert!(out.dossier.offers[1].price.is_none());
    assert!(out.dossier.offers[1].received_at.is_none());
}

#[test]
fn a_late_offer_is_announced_as_irregular() {
    let d = common::village_hall();
    let late = (d.submission.deadline.unwrap() + chrono::Duration::minutes(5))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let out = award::applied(d, add("Retardataire", "90000", &late), today()).unwrap();
    assert!(
        out.message.contains("après la date limite") && out.message.contains("ne sera pas notée"),
        "{}",
        out.message
    );
}

#[test]
fn bad_amounts_times_and_points_are_refused_in_french_and_change_nothing() {
    let mut d = common::village_hall();
    let when = in_time(&d);
    award::apply(&mut d, add("Thermibat", "112500", &when), today()).unwrap();

    let e = refused(&d, add("Dupont", "douze mille", &when));
    assert_eq!(
        e,
        OfferError::NotANumber {
            what: "Le montant",
            text: "douze mille".into()
        }
    );
    assert!(
        e.to_string()
            .starts_with("Le montant «\u{a0}douze mille\u{a0}»"),
        "{e}"
    );
    assert!(matches!(
        refused(&d, add("Dupont", "100,555", &when)),
        OfferError::NotANumber { .. }
    ));
    let e = refused(&d, add("Dupont", "100000", "lundi matin"));
    assert_eq!(e, OfferError::BadDateTime("lundi matin".into()));
    assert!(
        e.to_string().contains("par exemple 2027-01-15T11:30"),
        "{e}"
    );

    let score = |points: &str| OfferAction::Score {
        offer: 1,
        scored_id: "tech-methode".into(),
        points: points.into(),
        justification: "Méthode détaillée.".into(),
    };
    assert!(matches!(
        refused(&d, score("quinze")),
        OfferError::NotANumber {
            what: "La note",
            ..
        }
    ));
    assert!(matches!(
        refused(&d, score("99")),
        OfferError::TooManyPoints { .. }
    ));
    let out = award::applied(d.clone(), score("12,5"), today()).unwrap();
    assert_eq!(out.message, "Offre n°\u{a0}1\u{a0}: 12,5 points notés.");
    assert_eq!(out.dossier.offers[0].scores[0].points_hundredths, 1250);

    assert_eq!(
        refused(
            &d,
            OfferAction::Status {
                offer: 9,
                status: OfferStatus::Admitted
            }
        ),
        OfferError::UnknownOffer(9)
    );
}

#[test]
fn the_low_price_exchange_is_dated_today_and_its_deadline_must_be_ahead() {
    let mut d = common::village_hall();
    let when = in_time(&d);
    award::apply(&mut d, add("Thermibat", "112500", &when), today()).unwrap();
    let request = |answer_by| OfferAction::Request {
        offer: 1,
        answer_by,
        text: "Précisez le prix de la main-d’œuvre.".into(),
    };
    let e = refused(&d, request(today()));
    assert!(matches!(e, OfferError::AnswerByInThePast(_)), "{e:?}");
    assert!(
        e.to_string()
            .replace('\u{a0}', " ")
            .contains("(7 décembre 2026)"),
        "{e}"
    );

    award::apply(
        &mut d,
        request(today() + chrono::Duration::days(8)),
        today(),
    )
    .unwrap();
    award::apply(
        &mut d,
        OfferAction::Answer {
            offer: 1,
            text: "Matériaux déjà en stock.".into(),
        },
        today(),
    )
    .unwrap();
    let msg = award::apply(
        &mut d,
        OfferAction::Decide {
            offer: 1,
            decision: LowPriceDecision::Kept {
                reason: "Explications convaincantes.".into(),
            },
        },
        today(),
    )
    .unwrap();
    assert_eq!(msg, "Offre n°\u{a0}1\u{a0}: décision enregistrée.");
    let inquiry = d.offers[0].low_price.as_ref().unwrap();
    assert_eq!(inquiry.requested_on, today());
    assert_eq!(inquiry.answered_on, Some(today()));
}

#[test]
fn a_negotiation_round_needs_a_price() {
    let mut d = common::village_hall();
    d.submission.negotiation.allowed = true;
    d.submission.negotiation.with_best = None;
    let when = in_time(&d);
    award::apply(&mut d, add("Thermibat", "112500", &when), today()).unwrap();
    let round = |amount: &str| OfferAction::Negotiate {
        offer: 1,
        price: PriceEntry::Typed {
            amount: amount.into(),
        },
    };
    assert_eq!(refused(&d, round(" ")), OfferError::NoNegotiatedPrice);
    let msg = award::apply(&mut d, round("108 000"), today()).unwrap();
    assert!(msg.contains("le précédent est conservé"), "{msg}");
    assert_eq!(
        d.offers[0].price.as_ref().unwrap().compared_cents,
        10_800_000
    );
    assert_eq!(d.offers[0].previous_rounds.len(), 1);
}

#[test]
fn actions_arrive_from_the_window_as_tagged_json() {
    let action: OfferAction = serde_json::from_str(
        r#"{"kind":"add","lot":1,"bidder":{"name":"Dupont","siret":null,"group":false,"group_members":[]},
            "received_at":"","variant":"","price":{"kind":"typed","amount":"1 000"},"documents":[]}"#,
    )
    .unwrap();
    assert!(matches!(action, OfferAction::Add { lot: Some(1), .. }));
}
