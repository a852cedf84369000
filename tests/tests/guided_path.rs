//! The guided path: every step of the editor can be opened, the criteria
//! weights are totalled and fixed, « Corriger » leads from a finding to its
//! field, and what is typed in several steps reaches the exported PDF.

use dce_e2e::thirtyfour::prelude::*;
use dce_e2e::{pdf_text, Harness, Session};

const STEPS: [&str; 14] = [
    "buyer",
    "purchase",
    "procedure",
    "lots",
    "need",
    "variants",
    "criteria",
    "frames",
    "clauses",
    "execution",
    "prices",
    "submission",
    "check",
    "export",
];

const NEW_OBJECT: &str = "Repas biologiques Trifouilly";
const NEW_CRITERION: &str = "Délai garanti";
const NEW_FUNCTION: &str = "Trier les biodéchets";

/// Whether the weights total says 100 % with no message (spaces may be no-break).
fn total_ok(t: &str) -> bool {
    let t = t.replace(['\u{a0}', '\u{202f}'], " ");
    t.contains("100 %") && !t.contains("retirez") && !t.contains("manque")
}

/// The `data-testid` of the element that has the keyboard focus.
async fn focused_test_id(app: &Session) -> String {
    match app.driver().active_element().await {
        Ok(el) => el
            .attr("data-testid")
            .await
            .ok()
            .flatten()
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn guided_path_from_every_step_to_the_pdf() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    // Every step opens, with its own heading, and none shows an error.
    for key in STEPS {
        app.click(&format!("step-{key}")).await;
        let current = app
            .driver()
            .find(By::Css("[aria-current=\"step\"]"))
            .await
            .expect("the active step is marked");
        assert_eq!(
            current.attr("data-testid").await.ok().flatten().as_deref(),
            Some(format!("step-{key}").as_str()),
            "after clicking step-{key}, that step should be the current one"
        );
        app.assert_no_error(&format!("opening step {key}")).await;
        app.screenshot(&format!("guided-{key}")).await;
    }
    // The procedure step shows the advice of the rules.
    app.click("step-procedure").await;
    let title = app.text("procedure-title").await;
    assert!(
        !title.trim().is_empty(),
        "the procedure step should show a title"
    );

    // Step « Objet et contexte »: a new object.
    app.click("step-purchase").await;
    app.type_into("field-purchase.object", NEW_OBJECT).await;

    // Step « Besoin fonctionnel »: a new function.
    app.click("step-need").await;
    let before = app.all("field-needs[0].function").await.len();
    assert_eq!(before, 1, "the sample has functional needs");
    app.click("add-needs").await;
    let rows = app
        .driver()
        .find_all(By::Css("[data-testid^=\"needs-item-\"]"))
        .await
        .unwrap_or_default()
        .len();
    let last = rows - 1;
    app.type_into(&format!("field-needs[{last}].function"), NEW_FUNCTION)
        .await;
    app.type_into(&format!("field-needs[{last}].level"), "100 %")
        .await;

    // Step « Critères d'attribution »: one more criterion, then the weights fixed.
    app.click("step-criteria").await;
    app.wait_text("weights-total", "a total of 100 %", total_ok)
        .await;
    app.click("add-criteria").await;
    let cards = app
        .driver()
        .find_all(By::Css("[data-testid^=\"criteria-item-\"]"))
        .await
        .unwrap_or_default()
        .len();
    let new = cards - 1;
    app.type_into(&format!("field-criteria[{new}].title"), NEW_CRITERION)
        .await;
    app.type_into(&format!("field-criteria[{new}].weight"), "10")
        .await;
    app.type_into(
        &format!("field-criteria[{new}].method"),
        "Note = 10 × (délai le plus court ÷ délai de l'offre).",
    )
    .await;
    // The checks' own finding, under the total.
    let msg = app
        .wait_text("weights-message", "110 % and remove 10 points", |t| {
            let t = t.replace('\u{a0}', " ");
            t.contains("110") && t.contains("retirez 10 points")
        })
        .await;
    assert!(msg.contains("R2152-12"), "{msg:?}");
    // Too much in one box is refused with a message, and the text stays.
    app.type_into("field-criteria[0].weight", "130").await;
    app.wait_for("message-criteria[0].weight").await;
    assert_eq!(app.value("field-criteria[0].weight").await, "130");
    app.type_into("field-criteria[0].weight", "30").await;
    app.wait_text("weights-total", "a total of 100 %", total_ok)
        .await;
    app.wait_count("weights-message", 0).await;

    // Step « Clauses… »: the insertion calculator fills the hours of the clause.
    app.click("step-clauses").await;
    app.type_into("field-insertion.amount", "1000000").await;
    app.type_into("field-insertion.labour", "50").await;
    app.type_into("field-insertion.rate", "5").await;
    app.type_into("field-insertion.hourly", "30").await;
    let result = app
        .text("insertion-result")
        .await
        .replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(result, "833 heures");
    app.click("insertion-apply").await;
    assert_eq!(app.value("field-clauses.insertion.hours").await, "833");
    let _ = app
        .driver()
        .execute(
            "document.querySelector('[data-testid=\"insertion-calculator\"]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await;
    app.screenshot("guided-clauses-calculator").await;

    // Step « Candidature… »: a deadline before the launch date is pointed out
    // under the deadline at once, and by the rules in « Vérification ».
    app.click("step-purchase").await;
    app.type_into("field-purchase.launch_date", "01/12/2026")
        .await;
    app.click("step-submission").await;
    app.type_into("field-submission.deadline", "20/11/2026")
        .await;
    app.type_into("field-submission.deadline_time", "12:00")
        .await;
    // The rule's own message, under the date.
    app.wait_text("note-submission.deadline", "the deadline finding", |t| {
        t.contains("postérieure au lancement de la consultation")
    })
    .await;

    // « Corriger » on that finding opens its step and puts the cursor in the date box.
    app.click("step-check").await;
    let fix = {
        let deadline = std::time::Instant::now() + dce_e2e::timeout();
        loop {
            if let Ok(el) = app
                .driver()
                .find(By::Css(
                    "[data-code=\"submission.deadline_before_launch\"] [data-testid=\"fix-finding\"]",
                ))
                .await
            {
                break el;
            }
            if std::time::Instant::now() > deadline {
                app.fail("a deadline before the launch date should give a finding")
                    .await;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    };
    app.screenshot("guided-check").await;
    fix.click().await.expect("clicking « Corriger »");
    app.wait_for("field-submission.deadline").await;
    assert_eq!(focused_test_id(&app).await, "field-submission.deadline");
    app.type_into("field-submission.deadline", "15/01/2027")
        .await;
    // The note goes once the deadline is fixed.
    app.wait_count("note-submission.deadline", 0).await;
    app.screenshot("guided-submission").await;

    // The preview shows the document as typed.
    app.click("toggle-preview").await;
    app.wait_text("preview", "the new object", |t| t.contains(NEW_OBJECT))
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.screenshot("guided-preview").await;
    app.click("toggle-preview").await;

    // The glossary opens and closes.
    app.click("glossary-open").await;
    let gl = app.text("glossary").await;
    assert!(
        gl.contains("PSE") && gl.contains("DUME"),
        "glossary: {gl:?}"
    );
    app.click("glossary-close").await;

    app.wait_text_eq("save-status", "Enregistré").await;

    // Once the deadline is fixed, its step's dot is no longer red.
    let until = std::time::Instant::now() + dce_e2e::timeout();
    loop {
        let status = app
            .wait_for("step-submission")
            .await
            .attr("data-status")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        if status != "problems" {
            break;
        }
        if std::time::Instant::now() > until {
            app.fail("the submission step should no longer have problems")
                .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Export: the PDF carries what was typed in three steps.
    app.click("step-export").await;
    let pdf = harness.export(&app, "export-pdf", "pdf").await;
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for typed in [NEW_OBJECT, NEW_CRITERION, NEW_FUNCTION] {
        assert!(
            text.contains(typed),
            "the exported PDF should contain {typed:?}; pdftotext gives (start): {:?}",
            text.chars().take(800).collect::<String>()
        );
    }
    app.quit().await;
}
