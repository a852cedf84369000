//! Response frames built from the criteria and the environmental impact
//! canvas of the purchase type, in the real window, down to the exported
//! document.

use dce_e2e::{pdf_text, Harness};

#[tokio::test(flavor = "multi_thread")]
async fn impact_canvas_and_questions_from_criteria_reach_the_document() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    app.click("step-frames").await;

    // The school-catering sample already asks for the canvas's figures.
    app.click("frames-impact-canvas").await;
    app.wait_text("frames-generated", "the canvas is already there", |t| {
        t.contains("déjà dans le cadre environnemental")
    })
    .await;
    // Remove its last line (the 8th question): the canvas proposes it again.
    let removed = app.value("field-questions[7].prompt").await;
    assert!(
        removed.starts_with("Émissions de gaz à effet de serre"),
        "{removed:?}"
    );
    app.click("remove-questions.environmental[7]").await;
    app.wait_count("questions.environmental-item-7", 0).await;
    app.click("frames-impact-canvas").await;
    app.wait_text("frames-generated", "one canvas line added", |t| {
        t.contains("(1 ligne(s) chiffrée(s))")
    })
    .await;
    app.wait_for("questions.environmental-item-8").await;
    assert_eq!(app.value("field-questions[8].prompt").await, removed);
    app.click("frames-impact-canvas").await;
    app.wait_text("frames-generated", "the canvas is not added twice", |t| {
        t.contains("déjà")
    })
    .await;
    assert!(
        app.all("questions.environmental-item-9").await.is_empty(),
        "no duplicate canvas line"
    );

    // Every sub-criterion of the sample already has its question.
    app.click("frames-generate").await;
    app.wait_text("frames-generated", "nothing to generate", |t| {
        t.contains("Chaque sous-critère a déjà sa question")
    })
    .await;

    app.wait_saved().await;
    app.click("step-export").await;
    let pdf = harness.export(&app, "export-pdf", "pdf").await;
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Émissions de gaz à effet de serre des livraisons sur une année scolaire"),
        "the canvas line is in the exported DCE"
    );
    assert!(text.contains("kg CO₂e par an"), "with its unit");
}
