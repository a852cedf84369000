//! The « Bilan annuel » in the real window: the secretary opens it from the
//! list of dossiers, reads the figures of her dossiers (a workshop copy does
//! not count), and exports them as CSV for the council's report.

use dce_e2e::{normalise, Harness, Session};

/// Creates a dossier from `sample` through the home screen (`drawer`
/// « Nouveau dossier » or « Atelier ») and comes back to the list.
async fn create(app: &Session, drawer: &str, button: &str) {
    app.click(drawer).await;
    app.click(button).await;
    app.wait_for("editor").await;
    app.click("back-home").await;
    app.wait_for("home").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_yearly_figures_count_her_dossiers_and_export_as_csv() {
    let harness = Harness::new();
    let app = harness.session().await;
    app.wait_for("dossier-item").await;
    // The first-start sample (school catering, 120 000 € HT) and the
    // playground (78 000 € HT) count; a workshop copy of it does not.
    create(&app, "new-dossier", "sample-aire-de-jeux").await;
    create(&app, "workshop-open", "workshop-aire-de-jeux").await;
    app.wait_count("dossier-item", 3).await;

    app.click("figures-open").await;
    let summary = app
        .wait_text("figures-summary", "two consultations", |t| {
            normalise(t).starts_with("2 consultations en")
        })
        .await;
    assert!(
        normalise(&summary).ends_with("pour 198 000 € HT."),
        "{summary}"
    );
    let year = app.value("figures-year").await;
    assert_eq!(
        normalise(&app.text("figures-title").await),
        format!("Bilan annuel {year}")
    );
    // Both have an environmental criterion and allow variants; neither is
    // an innovative purchase nor has lots.
    assert_eq!(app.text("figure-environmental_criterion-count").await, "2");
    assert_eq!(app.text("figure-variants-count").await, "2");
    assert_eq!(app.text("figure-lots-count").await, "0");
    assert_eq!(
        normalise(&app.text("figure-innovative-amount-share").await),
        "0 %"
    );
    let goal = normalise(&app.text("figures-goal").await);
    assert!(goal.contains("objectif non atteint"), "{goal}");
    let chart = app.wait_for("figures-chart").await;
    assert_eq!(chart.attr("role").await.unwrap().as_deref(), Some("img"));
    let label = chart.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(
        label.contains(&year) && label.contains("tableau"),
        "{label}"
    );
    app.screenshot("figures").await;

    let csv = harness.export(&app, "figures-export-csv", "csv").await;
    assert_eq!(
        csv.file_name().unwrap().to_string_lossy(),
        format!("bilan-annuel-{year}.csv")
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 with a byte order mark");
    assert!(
        text.contains(&format!(
            "Ensemble des consultations {year};2;100,00;198000,00;100,00\r\n"
        )),
        "{text}"
    );
    assert!(
        text.contains("Achat innovant;0;0,00;0,00;0,00\r\n"),
        "{text}"
    );

    app.click("figures-back").await;
    app.wait_count("dossier-item", 3).await;
    app.quit().await;
}
