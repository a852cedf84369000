//! Response frames built from the criteria and the environmental impact
//! canvas, in the real window, down to the exported document.

use dce_e2e::{pdf_text, Harness};

#[tokio::test(flavor = "multi_thread")]
async fn impact_canvas_and_questions_from_criteria_reach_the_document() {
    let harness = Harness::new();
    let app = harness.open_sample().await;
    app.click("step-frames").await;

    app.click("frames-impact-canvas").await;
    app.wait_text("frames-generated", "five canvas questions added", |t| {
        t.contains("5 questions")
    })
    .await;
    // The sample has six questions: the canvas's last one is the eleventh.
    app.wait_for("questions.environmental-item-10").await;
    let prompt = app.value("field-questions[10].prompt").await;
    assert!(
        prompt.starts_with("Fin de vie"),
        "the last canvas question, got {prompt:?}"
    );
    app.click("frames-impact-canvas").await;
    app.wait_text("frames-generated", "the canvas is not added twice", |t| {
        t.contains("déjà")
    })
    .await;
    assert!(
        app.all("questions.environmental-item-11").await.is_empty(),
        "no duplicate canvas"
    );

    // Every sub-criterion of the sample already has its question.
    app.click("frames-generate").await;
    app.wait_text("frames-generated", "nothing to generate", |t| {
        t.contains("Chaque sous-critère a déjà sa question")
    })
    .await;

    app.wait_text_eq("save-status", "Enregistré").await;
    app.click("step-export").await;
    let pdf = harness.export(&app, "export-pdf", "pdf").await;
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Fin de vie : indiquez la durée de vie prévue"),
        "the canvas question is in the exported DCE"
    );
}
