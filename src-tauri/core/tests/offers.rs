//! Offers judged as the DCE announces: a worked example on the village-hall
//! sample checked to the hundredth, the abnormally-low alert on both sides
//! of its threshold, ties, late, irregular and negotiated offers.

mod common;

use chrono::NaiveDateTime;
use dce_core::award::{self, AlertKind, NewOffer, OfferError, RankedOffer};
use dce_core::model::{
    Bidder, Dossier, LowOfferReference, LowPriceDecision, OfferStatus, PriceFormula, TieBreak,
};

use common::{bidder, lot1_offer as offer};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// Scores the six sub-criteria of the village hall, in points (hundredths).
fn score(d: &mut Dossier, id: u32, points: [i64; 6]) {
    for (sub, p) in common::VILLAGE_HALL_SUBS.iter().zip(points) {
        award::score_offer(d, id, sub, p, "Réponse comparée au cadre de réponse.").unwrap();
    }
}

fn lot1(d: &Dossier) -> Vec<RankedOffer> {
    award::lot_ranking(d, Some(1)).offers
}

fn by_id(offers: &[RankedOffer], id: u32) -> &RankedOffer {
    offers.iter().find(|o| o.id == id).unwrap()
}

fn alerts(o: &RankedOffer, kind: AlertKind) -> usize {
    o.alerts.iter().filter(|a| a.kind == kind).count()
}

fn low_alert(o: &RankedOffer) -> &str {
    let a = o.alerts.iter().find(|a| a.kind == AlertKind::AbnormallyLow);
    &a.unwrap_or_else(|| panic!("no low-offer alert: {:?}", o.alerts))
        .message
}

#[test]
fn three_offers_on_the_village_hall_are_scored_and_ranked_to_the_hundredth() {
    let mut d = common::village_hall();
    let a = offer(&mut d, "Isolation Dupont", 100_000);
    let b = offer(&mut d, "Thermibat", 112_500);
    let c = offer(&mut d, "Éco-Façades", 125_000);
    score(&mut d, a, [1200, 800, 450, 1050, 700, 300]);
    score(&mut d, b, [1500, 900, 500, 1500, 1000, 500]);
    score(&mut d, c, [1350, 700, 350, 1200, 850, 400]);
    let offers = lot1(&d);
    // Prix : 40 × 100 000 ÷ 100 000 = 40 ; 40 × 100 000 ÷ 112 500 = 35,555… → 35,56 ; 40 × 100 000 ÷ 125 000 = 32.
    let expect = [
        // (id, prix, tech, env, total, rang)
        (b, 3556, 2900, 3000, 9456, 1),
        (a, 4000, 2450, 2050, 8500, 2),
        (c, 3200, 2400, 2450, 8050, 3),
    ];
    assert_eq!(
        offers.iter().map(|o| o.id).collect::<Vec<_>>(),
        [b, a, c],
        "ranked first"
    );
    for (id, prix, tech, env, total, rank) in expect {
        let o = by_id(&offers, id);
        assert_eq!(o.scores_hundredths["prix"], prix, "offer {id}");
        assert_eq!(o.scores_hundredths["tech"], tech, "offer {id}");
        assert_eq!(o.scores_hundredths["env"], env, "offer {id}");
        assert_eq!(o.total_hundredths, Some(total), "offer {id}");
        assert_eq!(o.rank, Some(rank), "offer {id}");
        assert!(o.alerts.is_empty(), "offer {id}: {:?}", o.alerts);
        assert!(o.excluded.is_none());
    }
    // Each line carries its justification and the frame question it judges.
    let line = &by_id(&offers, a).lines[0];
    assert_eq!(line.scored_id, "tech-methode");
    assert_eq!(line.question_ids, ["q-methode"]);
    assert_eq!(line.justification, "Réponse comparée au cadre de réponse.");
    // The other lots have no offer.
    let all = award::rankings(&d);
    assert_eq!(all.len(), 3);
    assert!(all[1].offers.is_empty() && all[2].offers.is_empty());
}

#[test]
fn the_linear_formula_of_the_dossier_is_the_one_applied() {
    let mut d = common::village_hall();
    d.criteria[0].price_formula = Some(PriceFormula::Linear);
    let a = offer(&mut d, "A", 100_000);
    let b = offer(&mut d, "B", 112_500);
    let c = offer(&mut d, "C", 125_000);
    let offers = lot1(&d);
    // 40 × (125 000 − 112 500) ÷ (125 000 − 100 000) = 20.
    assert_eq!(by_id(&offers, a).scores_hundredths["prix"], 4000);
    assert_eq!(by_id(&offers, b).scores_hundredths["prix"], 2000);
    assert_eq!(by_id(&offers, c).scores_hundredths["prix"], 0);
    assert_eq!(
        alerts(by_id(&offers, a), AlertKind::IncompleteScores),
        1,
        "not scored yet"
    );
}

#[test]
fn a_price_criterion_without_formula_is_not_guessed() {
    let mut d = common::village_hall();
    d.criteria[0].price_formula = None;
    let a = offer(&mut d, "A", 100_000);
    let offers = lot1(&d);
    let o = by_id(&offers, a);
    assert!(!o.scores_hundredths.contains_key("prix"));
    assert_eq!(alerts(o, AlertKind::NoPriceFormula), 1);
}

#[test]
fn the_low_offer_alert_fires_strictly_below_the_average_of_the_others() {
    let mut d = common::village_hall();
    offer(&mut d, "A", 100_000);
    offer(&mut d, "B", 100_000);
    // 20 % under the average of the others (100 000 €) is 80 000 €: not below.
    let at_threshold = offer(&mut d, "C", 80_000);
    assert_eq!(
        alerts(by_id(&lot1(&d), at_threshold), AlertKind::AbnormallyLow),
        0
    );
    d.offers[2].price = Some(award::typed_price(7_999_999));
    let offers = lot1(&d);
    let low = by_id(&offers, at_threshold);
    assert_eq!(alerts(low, AlertKind::AbnormallyLow), 1);
    assert!(
        low_alert(low).contains("moyenne des autres offres (100\u{202f}000\u{a0}€\u{a0}HT)"),
        "{}",
        low_alert(low)
    );
    assert!(low.rank.is_some(), "never excluded by the alert alone");
    // A threshold of 25 % moves the line.
    d.award.low_offer.percent_below = 25;
    assert_eq!(
        alerts(by_id(&lot1(&d), at_threshold), AlertKind::AbnormallyLow),
        0
    );
}

#[test]
fn the_low_offer_alert_can_use_the_buyer_estimate() {
    let mut d = common::village_hall();
    d.award.low_offer.reference = LowOfferReference::Estimate;
    let estimate = award::estimate_cents(&d, Some(1)).expect("lot 1 is estimated");
    let limit = estimate * 80 / 100;
    assert_eq!(limit * 100, estimate * 80, "a round limit for the test");
    let a = offer(&mut d, "A", limit / 100);
    assert_eq!(alerts(by_id(&lot1(&d), a), AlertKind::AbnormallyLow), 0);
    d.offers[0].price = Some(award::typed_price(limit - 1));
    let offers = lot1(&d);
    let o = by_id(&offers, a);
    assert_eq!(alerts(o, AlertKind::AbnormallyLow), 1, "a single offer too");
    assert!(low_alert(o).contains("l’estimation de la commune"));
}

#[test]
fn only_the_buyer_decision_after_a_written_request_rejects_a_low_offer() {
    let mut d = common::village_hall();
    offer(&mut d, "A", 100_000);
    offer(&mut d, "B", 100_000);
    let low = offer(&mut d, "C", 50_000);
    let before = d.clone();
    let reject = LowPriceDecision::Rejected {
        reason: "Prix non justifié.".into(),
    };
    assert_eq!(
        award::decide_low_price(&mut d, low, reject.clone()),
        Err(OfferError::NoLowPriceRequest(low))
    );
    assert_eq!(d, before, "a refused decision changes nothing");
    let letter = award::request_letter(&d, &d.offers[2], common::date("2027-01-15"));
    assert!(letter.contains("R2152-3") && letter.contains("15\u{a0}janvier\u{a0}2027"));
    assert!(letter.contains("50\u{202f}000\u{a0}€\u{a0}HT"), "{letter}");
    award::request_low_price_explanations(&mut d, low, common::date("2027-01-08"), &letter)
        .unwrap();
    award::record_low_price_answer(
        &mut d,
        low,
        common::date("2027-01-14"),
        "Stock de matériaux acheté avant la hausse.",
    )
    .unwrap();
    let offers = lot1(&d);
    let o = by_id(&offers, low);
    assert!(o.rank.is_some());
    assert!(
        low_alert(o).contains("décision à prendre"),
        "{}",
        low_alert(o)
    );
    award::decide_low_price(&mut d, low, reject).unwrap();
    let offers = lot1(&d);
    let o = by_id(&offers, low);
    assert_eq!(o.rank, None);
    assert!(o
        .excluded
        .as_deref()
        .unwrap()
        .contains("anormalement basse"));
    assert!(low_alert(o).contains("rejetée"));
}

#[test]
fn ties_follow_the_rule_the_dce_states() {
    let mut d = common::village_hall();
    // Price 40 and quality 50 against price 32 and quality 58: 90 each.
    let cheap = offer(&mut d, "Moins chère", 100_000);
    let better = offer(&mut d, "Mieux notée", 125_000);
    score(&mut d, cheap, [1300, 800, 400, 1300, 800, 400]);
    score(&mut d, better, [1500, 1000, 500, 1500, 900, 400]);
    let offers = lot1(&d);
    assert_eq!(by_id(&offers, cheap).total_hundredths, Some(9000));
    assert_eq!(by_id(&offers, better).total_hundredths, Some(9000));
    assert_eq!(by_id(&offers, cheap).rank, Some(1));
    assert_eq!(by_id(&offers, better).rank, Some(2));
    d.award.tie_break = TieBreak::BetterQuality;
    let offers = lot1(&d);
    assert_eq!(by_id(&offers, better).rank, Some(1));
    assert_eq!(by_id(&offers, cheap).rank, Some(2));
    // Same price and same scores: the rule cannot tell them apart.
    let twin = offer(&mut d, "Jumelle", 125_000);
    score(&mut d, twin, [1500, 1000, 500, 1500, 900, 400]);
    let offers = lot1(&d);
    assert_eq!(by_id(&offers, twin).rank, Some(1));
    assert_eq!(by_id(&offers, better).rank, Some(1));
    assert_eq!(by_id(&offers, cheap).rank, Some(3));
    assert_eq!(alerts(by_id(&offers, twin), AlertKind::Tie), 1);
}

#[test]
fn a_late_offer_is_recorded_irregular_and_never_scored() {
    let mut d = common::village_hall();
    let deadline = d.submission.deadline.unwrap();
    let on_time = offer(&mut d, "À l’heure", 100_000);
    let late = award::add_offer(
        &mut d,
        NewOffer {
            lot: Some(1),
            bidder: bidder("En retard"),
            received_at: Some(deadline + chrono::Duration::minutes(1)),
            variant: None,
            price: Some(award::typed_price(5_000_000)),
            documents: vec![],
        },
    )
    .unwrap();
    let before = d.clone();
    assert_eq!(
        award::score_offer(&mut d, late, "tech-methode", 1000, "x"),
        Err(OfferError::Late(late))
    );
    assert_eq!(d, before);
    let offers = lot1(&d);
    let o = by_id(&offers, late);
    assert_eq!((o.rank, o.total_hundredths), (None, None));
    assert!(o.scores_hundredths.is_empty());
    assert!(o.excluded.as_deref().unwrap().contains("hors délai"));
    assert_eq!(alerts(o, AlertKind::AbnormallyLow), 0);
    assert_eq!(
        by_id(&offers, on_time).scores_hundredths["prix"],
        4000,
        "a late offer sets no lowest price"
    );
    // Exactly at the deadline is on time.
    d.offers[1].received_at = Some(deadline);
    assert!(!award::is_late(&d, &d.offers[1]));
    assert_eq!(at("2026-01-01T10:00").to_string(), "2026-01-01 10:00:00");
}

#[test]
fn irregular_and_unacceptable_offers_keep_their_reason_and_leave_the_ranking() {
    let mut d = common::village_hall();
    let a = offer(&mut d, "A", 100_000);
    let b = offer(&mut d, "B", 200_000);
    let before = d.clone();
    assert_eq!(
        award::set_status(&mut d, a, OfferStatus::Irregular { reason: " ".into() }),
        Err(OfferError::NoReason("irrégulière"))
    );
    assert_eq!(d, before);
    award::set_status(
        &mut d,
        a,
        OfferStatus::Irregular {
            reason: "Cadre de réponse technique absent.".into(),
        },
    )
    .unwrap();
    let offers = lot1(&d);
    assert_eq!(by_id(&offers, a).rank, None);
    assert_eq!(
        by_id(&offers, b).scores_hundredths["prix"],
        4000,
        "the lowest price is among the offers in competition"
    );
    award::set_status(&mut d, a, OfferStatus::Admitted).unwrap();
    assert_eq!(by_id(&lot1(&d), a).rank, Some(1));
}

#[test]
fn bad_scores_are_refused_and_change_nothing() {
    let mut d = common::village_hall();
    let a = offer(&mut d, "A", 100_000);
    let before = d.clone();
    let refused = [
        award::score_offer(&mut d, a, "tech-planning", 1001, "x"),
        award::score_offer(&mut d, a, "tech-planning", -1, "x"),
        award::score_offer(&mut d, a, "tech-planning", 500, "  "),
        award::score_offer(&mut d, a, "prix", 500, "x"),
        award::score_offer(&mut d, a, "tech", 500, "x"),
        award::score_offer(&mut d, a, "inconnu", 500, "x"),
        award::score_offer(&mut d, 99, "tech-planning", 500, "x"),
    ];
    assert!(matches!(refused[0], Err(OfferError::TooManyPoints { .. })));
    assert!(refused[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("au plus 10 points"));
    assert!(matches!(refused[3], Err(OfferError::ComputedCriterion(_))));
    assert!(matches!(refused[4], Err(OfferError::HasSubcriteria { .. })));
    assert!(matches!(refused[6], Err(OfferError::UnknownOffer(99))));
    assert!(refused.iter().all(Result::is_err));
    assert_eq!(d, before);
    // Exactly the sub-criterion's points is accepted, and a new score replaces the old.
    award::score_offer(&mut d, a, "tech-planning", 1000, "Complet.").unwrap();
    award::score_offer(&mut d, a, "tech-planning", 700, "Revu.").unwrap();
    assert_eq!(d.offers[0].scores.len(), 1);
    assert_eq!(d.offers[0].scores[0].points_hundredths, 700);
}

#[test]
fn adding_an_offer_checks_its_lot_siret_and_variant() {
    let mut d = common::village_hall();
    let new = |lot, siret: Option<&str>, variant: Option<&str>| NewOffer {
        lot,
        bidder: Bidder {
            siret: siret.map(String::from),
            ..bidder("Entreprise")
        },
        received_at: None,
        variant: variant.map(String::from),
        price: None,
        documents: vec![],
    };
    let before = d.clone();
    assert!(matches!(
        award::add_offer(&mut d, new(None, None, None)),
        Err(OfferError::LotRequired { .. })
    ));
    assert!(matches!(
        award::add_offer(&mut d, new(Some(4), None, None)),
        Err(OfferError::UnknownLot { lot: 4, .. })
    ));
    assert!(matches!(
        award::add_offer(&mut d, new(Some(1), Some("123"), None)),
        Err(OfferError::BadSiret(_))
    ));
    assert_eq!(d, before);
    let id = award::add_offer(
        &mut d,
        new(Some(1), Some("123 456 789 00012"), Some("Laine de bois")),
    )
    .unwrap();
    assert_eq!(d.offers[0].bidder.siret.as_deref(), Some("12345678900012"));
    assert_eq!(lot1(&d)[0].variant.as_deref(), Some("Laine de bois"));
    d.variants.policy = dce_core::model::VariantPolicy::Forbidden;
    assert_eq!(
        award::add_offer(&mut d, new(Some(1), None, Some("Autre"))),
        Err(OfferError::VariantForbidden)
    );
    assert_eq!(
        award::add_offer(&mut d, new(Some(2), None, None)),
        Ok(id + 1)
    );
}

#[test]
fn a_negotiation_round_keeps_the_first_one() {
    let mut d = common::village_hall();
    let a = offer(&mut d, "A", 100_000);
    let b = offer(&mut d, "B", 110_000);
    score(&mut d, b, [1500, 1000, 500, 1500, 1000, 500]);
    award::negotiate(&mut d, b, award::typed_price(9_000_000)).unwrap();
    let rounds = &d.offers[1].previous_rounds;
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].price.as_ref().unwrap().compared_cents, 11_000_000);
    assert_eq!(rounds[0].scores.len(), 6);
    let offers = lot1(&d);
    assert_eq!(by_id(&offers, b).scores_hundredths["prix"], 4000);
    // 40 × 90 000 ÷ 100 000 = 36.
    assert_eq!(by_id(&offers, a).scores_hundredths["prix"], 3600);
    // The sample negotiates with the three best initial offers only.
    assert_eq!(d.submission.negotiation.with_best, Some(3));
    let c = offer(&mut d, "C", 120_000);
    let fourth = offer(&mut d, "D", 130_000);
    let before = d.clone();
    assert_eq!(
        award::negotiate(&mut d, fourth, award::typed_price(8_000_000)),
        Err(OfferError::NotAmongTheBest {
            offer: fourth,
            best: 3
        })
    );
    assert_eq!(d, before);
    award::negotiate(&mut d, c, award::typed_price(9_500_000)).unwrap();
    d.submission.negotiation.allowed = false;
    let before = d.clone();
    assert_eq!(
        award::negotiate(&mut d, a, award::typed_price(1)),
        Err(OfferError::NegotiationNotAllowed)
    );
    assert_eq!(d, before);
}

#[test]
fn offers_travel_with_the_dossier_and_are_versioned() {
    let mut d = common::village_hall();
    let mut store = dce_core::store::Store::open_in_memory().unwrap();
    let t0 = at("2027-01-05T09:00");
    let id = store.create(&d, t0).unwrap();
    let a = offer(&mut d, "A", 100_000);
    award::score_offer(&mut d, a, "tech-methode", 1200, "Méthode détaillée.").unwrap();
    store.save(id, &d, at("2027-01-05T10:00")).unwrap();
    assert_eq!(store.load(id).unwrap().offers, d.offers);
    let file = store.export_file(id).unwrap();
    let json = serde_json::to_string(&file).unwrap();
    let parsed = dce_core::store::parse_file(&json).unwrap();
    let mut other = dce_core::store::Store::open_in_memory().unwrap();
    let imported = match other
        .import_file(&parsed, dce_core::store::ImportMode::Ask, || "n".into(), t0)
        .unwrap()
    {
        dce_core::store::ImportOutcome::Imported { id } => id,
        o => panic!("{o:?}"),
    };
    assert_eq!(other.load(imported).unwrap().offers, d.offers);
    assert_eq!(
        store.revisions(id).unwrap().len(),
        2,
        "the offers are a new version"
    );
}
