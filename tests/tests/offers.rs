//! The offers window after the deadline: the secretary records three offers
//! of the school-catering sample, scores every sub-criterion with a written
//! reason beside the frame question it judges, and reads the ranking the
//! DCE's formula gives, to the hundredth. A slip is refused in French and
//! changes nothing; the analysis report is exported; everything recorded
//! survives leaving the dossier.

use dce_e2e::{normalise, pdf_text, Harness, Session};

/// The sample's six sub-criteria and their points (15, 15, 5; 12, 8, 5).
const SUBS: [&str; 6] = [
    "tech-qualite",
    "tech-logistique",
    "tech-social",
    "env-produits",
    "env-emballages",
    "env-transport",
];

async fn add_offer(app: &Session, bidder: &str, amount: &str, count: usize) {
    app.type_into("field-offer-bidder", bidder).await;
    app.type_into("field-offer-amount", amount).await;
    app.click("offer-add").await;
    app.wait_text("offers-message", "the offer recorded", |t| {
        normalise(t) == format!("Offre n° {count} enregistrée.")
    })
    .await;
    app.wait_count("offer-row", count).await;
}

async fn score(app: &Session, offer: u32, points: [&str; 6]) {
    app.click(&format!("offer-open-{offer}")).await;
    app.wait_for("offer-detail").await;
    for (sub, p) in SUBS.iter().zip(points) {
        app.type_into(&format!("score-points-{sub}"), p).await;
        app.type_into(
            &format!("score-why-{sub}"),
            &format!("Réponse de l’offre {offer} comparée au cadre."),
        )
        .await;
        app.click(&format!("score-save-{sub}")).await;
        app.wait_text("offers-message", "the score recorded", |t| {
            normalise(t) == format!("Offre n° {offer} : {p} points notés.")
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn three_offers_are_recorded_scored_and_ranked_in_the_window() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    app.click("offers-open").await;
    app.wait_for("offers").await;
    app.wait_for("offer-form").await;

    add_offer(&app, "Restauration Dupont", "100 000", 1).await;
    add_offer(&app, "Cuisine des Coteaux", "112 500,00", 2).await;
    add_offer(&app, "Saveurs d’Occitanie", "125000", 3).await;

    // A slip: words for an amount. Refused in French, the form keeps it.
    app.type_into("field-offer-bidder", "Traiteur Martin").await;
    app.type_into("field-offer-amount", "cent mille").await;
    app.click("offer-add").await;
    let error = app
        .wait_text("offers-error", "a French refusal", |t| !t.is_empty())
        .await;
    assert!(
        normalise(&error).starts_with("Le montant « cent mille » n’est pas un nombre"),
        "{error}"
    );
    assert_eq!(app.value("field-offer-bidder").await, "Traiteur Martin");
    app.wait_count("offer-row", 3).await;

    score(&app, 1, ["12", "10", "3", "9", "6", "3"]).await;
    score(&app, 2, ["15", "14", "5", "12", "8", "5"]).await;
    // The frame question is shown beside the line it judges.
    let detail = app.text("offer-detail").await;
    assert!(
        detail.contains("Présentez un plan de menus sur quatre semaines"),
        "{detail}"
    );
    score(&app, 3, ["13", "12", "4", "10", "7,5", "4"]).await;

    // Too many points for a 5-point line: refused, the score stays as it was.
    app.type_into("score-points-env-transport", "6").await;
    app.click("score-save-env-transport").await;
    let error = app
        .wait_text("offers-error", "a French refusal", |t| {
            t.contains("au plus")
        })
        .await;
    assert!(
        normalise(&error).contains("vaut au plus 5 points"),
        "{error}"
    );

    // Prix sur 40 : 40 ; 40 × 100 000 ÷ 112 500 = 35,56 ; 32.
    // Totaux : 40 + 25 + 18 = 83 ; 35,56 + 34 + 25 = 94,56 ; 32 + 29 + 21,5 = 82,5.
    for (offer, rank, total) in [(2, "1", "94,56"), (1, "2", "83"), (3, "3", "82,5")] {
        assert_eq!(
            app.text(&format!("offer-rank-{offer}")).await,
            rank,
            "offer {offer}"
        );
        assert_eq!(
            normalise(&app.text(&format!("offer-total-{offer}")).await),
            total,
            "offer {offer}"
        );
    }
    app.screenshot("offers-detail").await;
    app.wait_saved().await;

    // The analysis report, from the offers as scored.
    let report = harness.export(&app, "award-export", "pdf").await;
    let text = normalise(&pdf_text(&report));
    assert!(text.contains("Rapport d’analyse des offres"), "{text}");
    for expected in [
        "Cuisine des Coteaux",
        "94,56",
        "82,50",
        "Réponse de l’offre 3 comparée au cadre.",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the report: {text}"
        );
    }

    // Everything recorded is in the database: leave and come back.
    app.click("offers-close").await;
    app.click("back-home").await;
    app.wait_for("home").await;
    app.click("dossier-item").await;
    app.wait_for("editor").await;
    assert_eq!(normalise(&app.text("offers-count").await), "3");
    app.click("offers-open").await;
    app.wait_count("offer-row", 3).await;
    assert_eq!(
        normalise(&app.text("offer-total-3").await),
        "82,5",
        "the scores were saved"
    );
    app.screenshot("offers").await;
    app.assert_no_error("after reopening the offers").await;
    app.quit().await;
}
