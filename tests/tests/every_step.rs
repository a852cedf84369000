//! A new user's path through every step of the editor: something typed in
//! each step, then the PDF and the DOCX both carry all of it.

use dce_e2e::{docx_text, normalise, pdf_text, zip_entry_text, Harness};

/// (step, field, typed text). The texts have no apostrophe nor colon, which
/// the document's French typography would rewrite.
const TYPED: [(&str, &str, &str); 11] = [
    ("buyer", "buyer.representative.name", "Odile Marchetti"),
    (
        "purchase",
        "purchase.object",
        "Restauration scolaire des écoles de Brémontier",
    ),
    ("purchase", "purchase.estimated_amount", "120 000"),
    (
        "lots",
        "purchase.no_lots_reason",
        "Une seule cuisine centrale dessert les deux écoles du bourg.",
    ),
    (
        "need",
        "needs[0].function",
        "Servir des repas chauds aux enfants de maternelle",
    ),
    (
        "variants",
        "variants.presentation",
        "Chaque variante est décrite dans un mémoire séparé et chiffré.",
    ),
    (
        "criteria",
        "criteria[1].method",
        "Note technique attribuée par sous-critère selon le barème annoncé",
    ),
    (
        "frames",
        "questions[0].prompt",
        "Décrivez la tournée de livraison en liaison froide",
    ),
    (
        "clauses",
        "clauses.environmental_conditions[0].text",
        "Les barquettes sont compostables ou réemployables.",
    ),
    (
        "execution",
        "execution.penalties",
        "Pénalité de cent euros par service livré en retard.",
    ),
    (
        "submission",
        "submission.platform_help",
        "Assistance téléphonique du profil acheteur de la mairie.",
    ),
];

/// How the typed text reads in the document (the amount is written in euros).
fn expected(field: &str, typed: &str) -> String {
    match field {
        "purchase.estimated_amount" => format!("{typed} €"),
        _ => typed.to_string(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn what_is_typed_in_every_step_reaches_both_documents() {
    let harness = Harness::new();
    let app = harness.open_sample().await;

    for (step, field, text) in TYPED {
        app.click(&format!("step-{step}")).await;
        app.type_into(&format!("field-{field}"), text).await;
        app.assert_no_error(&format!("typing in {field}")).await;
    }
    // The procedure step draws its advice from what was typed: 120 000 € of services.
    app.click("step-procedure").await;
    let procedure = app.text("procedure-title").await;
    assert!(
        procedure.contains("adaptée"),
        "procedure advice: {procedure:?}"
    );
    app.wait_saved().await;

    app.click("step-export").await;
    let pdf = normalise(&pdf_text(&harness.export(&app, "export-pdf", "pdf").await));
    let docx_path = harness.export(&app, "export-docx", "docx").await;
    let docx = normalise(&docx_text(&zip_entry_text(&docx_path, "word/document.xml")));
    assert!(
        pdf.contains("procédure adaptée"),
        "the PDF names the procedure"
    );
    for (step, field, typed) in TYPED {
        let want = expected(field, typed);
        for (name, text) in [("PDF", &pdf), ("DOCX", &docx)] {
            assert!(
                text.contains(&want),
                "the {name} should contain {want:?}, typed at step {step} in {field}"
            );
        }
    }
}
