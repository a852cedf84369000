//! The procedure is a choice of the dossier: the secretary picks the
//! innovative purchase in the real window, the step asks for its record,
//! the Vérification step flags what is missing, and the exported DCE names
//! the path on its cover and in its body.

use dce_e2e::{normalise, pdf_text, Harness, Session};

/// Waits until the Vérification step lists (or no longer lists) a finding.
async fn wait_finding(app: &Session, code: &str, present: bool) {
    app.click("step-check").await;
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    loop {
        let mut codes = Vec::new();
        for el in app.all("finding").await {
            codes.push(
                el.attr("data-code")
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            );
        }
        if codes.iter().any(|c| c == code) == present {
            return;
        }
        if std::time::Instant::now() > deadline {
            app.fail(&format!(
                "the Vérification step should {}list {code}; it lists {codes:?}",
                if present { "" } else { "no longer " }
            ))
            .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_innovative_path_is_chosen_recorded_and_named_in_the_dce() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    app.click("step-purchase").await;
    app.type_into("field-purchase.estimated_amount", "95 000")
        .await;
    app.click("step-procedure").await;
    app.wait_text("procedure-title", "the advice of 95 000 €", |t| {
        t.contains("adaptée")
    })
    .await;
    app.click("field-procedure.choice.innovative").await;
    app.wait_for("field-procedure.innovation_reasons").await;
    app.wait_saved().await;
    wait_finding(&app, "procedure.innovation_reasons", true).await;

    app.click("step-procedure").await;
    app.type_into(
        "field-procedure.innovation_reasons",
        "Repas cuisinés sur place par une légumerie mobile partagée, jamais proposée dans le département.",
    )
    .await;
    app.type_into(
        "field-procedure.sourcing",
        "Trois entreprises rencontrées en septembre et deux solutions comparées.",
    )
    .await;
    app.assert_no_error("typing the innovation record").await;
    eprintln!(
        "procedure step: {}",
        app.screenshot("procedure-innovative").await.display()
    );
    app.wait_saved().await;
    wait_finding(&app, "procedure.innovation_reasons", false).await;

    app.click("step-export").await;
    let pdf = normalise(&pdf_text(&harness.export(&app, "export-pdf", "pdf").await));
    assert!(
        pdf.contains("Achat innovant sans publicité ni mise en concurrence préalables"),
        "the PDF names the innovative purchase"
    );
    assert!(pdf.contains("R2122-9-1"), "the PDF gives its legal basis");
    assert!(
        !pdf.contains("R2123-1 3°"),
        "the PDF no longer names the social-services MAPA"
    );
    // No notice is published on this path: the Export step says why and
    // offers no notice to export.
    app.wait_text("notice-none", "why there is no notice", |t| {
        normalise(t).contains("(article R2122-9-1) ne publie pas d'avis")
    })
    .await;
    assert!(app.all("export-notice-pdf").await.is_empty());
    app.quit().await;
}
