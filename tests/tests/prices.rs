//! The « Bordereau des prix » step in the real window: the secretary adds a
//! line, duplicates it, pastes lines copied from a spreadsheet, sees the
//! commune's estimate follow, and gets a French message naming the row
//! when a pasted unit is unknown.

use dce_e2e::{normalise, zip_entry_text, Harness, Session};

const BASE: &str = "prices.schedules[0].chapters[0]";

/// Puts `text` in the paste box of the first chapter, as Ctrl+V would (a
/// typed tab would move the focus instead), and clicks « Ajouter ces lignes ».
async fn paste(app: &Session, text: &str) {
    let area = app.reveal(&format!("paste-{BASE}")).await;
    let open = app
        .driver()
        .execute(
            "return arguments[0].closest('details').open;",
            vec![area.to_json().expect("the paste box as a script argument")],
        )
        .await
        .expect("reading whether the paste box is open");
    if open.json() != &serde_json::json!(true) {
        app.click(&format!("paste-open-{BASE}")).await;
    }
    app.driver()
        .execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
            vec![area.to_json().expect("the paste box as a script argument"), serde_json::json!(text)],
        )
        .await
        .expect("putting the pasted text in the box");
    app.click(&format!("paste-button-{BASE}")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn lines_are_added_duplicated_and_pasted_and_the_estimate_follows() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    app.click("step-prices").await;
    // The sample's four meal lines at the commune's estimated prices.
    app.wait_text("prices-estimate-marche", "the sample's estimate", |t| {
        normalise(t).contains("offre de base 40 010 € HT")
    })
    .await;

    app.click(&format!("add-{BASE}.lines")).await;
    let line = format!("{BASE}.lines[4]");
    app.type_into(
        &format!("field-{line}.designation"),
        "Repas sans allergène majeur, livré en barquette individuelle",
    )
    .await;
    app.select(&format!("field-{line}.unit"), "repas").await;
    app.type_into(&format!("field-{line}.quantity_thousandths"), "120")
        .await;
    app.type_into(&format!("field-{line}.estimate_cents"), "4,50")
        .await;
    app.wait_text(&format!("{line}-estimate"), "120 × 4,50 €", |t| {
        normalise(t) == "540 €"
    })
    .await;
    app.wait_text(
        "prices-estimate-marche",
        "the estimate with the new line",
        |t| normalise(t).contains("offre de base 40 550 € HT"),
    )
    .await;

    app.click(&format!("duplicate-{line}")).await;
    app.wait_count(&format!("{BASE}.lines[5]-row"), 1).await;
    assert_eq!(
        app.value(&format!("field-{BASE}.lines[5].designation"))
            .await,
        "Repas sans allergène majeur, livré en barquette individuelle"
    );
    app.click(&format!("remove-{BASE}.lines[5]")).await;

    paste(&app, "Désignation\tUnité\tQuantité\nGoûter\tpaquet\t200").await;
    let message = app.text(&format!("paste-message-{BASE}")).await;
    assert!(
        normalise(&message).starts_with("Ligne 2 : l’unité « paquet » n’est pas connue"),
        "the message names the row and the unit: {message:?}"
    );
    paste(
        &app,
        "1.6\tPanier repas pour un enfant en projet d'accueil individualisé\tu\t1 250,5\n1.7\tLivraison supplémentaire un mercredi\tforfait\t10",
    )
    .await;
    app.wait_count(&format!("{BASE}.lines[6]-row"), 1).await;
    assert_eq!(
        app.value(&format!("field-{BASE}.lines[5].designation"))
            .await,
        "Panier repas pour un enfant en projet d'accueil individualisé"
    );
    assert_eq!(
        normalise(
            &app.value(&format!("field-{BASE}.lines[5].quantity_thousandths"))
                .await
        ),
        "1 250,5"
    );
    assert_eq!(
        app.value(&format!("field-{BASE}.lines[6].unit")).await,
        "forfait"
    );
    app.assert_no_error("editing the price schedule").await;
    eprintln!(
        "prices step: {}",
        app.screenshot("prices-step").await.display()
    );
    app.wait_saved().await;

    // The spreadsheet bidders fill carries the lines typed and pasted, and
    // never the commune's estimate.
    app.click("step-export").await;
    let xlsx = harness.export(&app, "export-prices-xlsx", "xlsx").await;
    let strings = zip_entry_text(&xlsx, "xl/sharedStrings.xml");
    for line in [
        "Repas sans allergène majeur, livré en barquette individuelle",
        "Livraison supplémentaire un mercredi",
        "Bordereau des prix unitaires",
    ] {
        assert!(strings.contains(line), "the XLSX holds « {line} »");
    }
    let dqe = zip_entry_text(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(
        dqe.contains("<v>1250.5</v>"),
        "the pasted quantity is in the DQE"
    );
    assert!(
        !dqe.contains("4.5<") && !strings.contains("4,50"),
        "no estimated price in the XLSX"
    );
    app.quit().await;
}
