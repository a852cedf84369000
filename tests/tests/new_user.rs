//! A new user, from « Nouveau dossier » › « Dossier vierge » to a dossier
//! ready to publish: the school-catering MAPA of 120 000 € HT, with
//! variants, three weighted criteria including an environmental one and the
//! three response frames, exported as a final PDF and DOCX that carry it all.

use dce_e2e::{docx_text, pdf_text, zip_entry_text, Harness, Session};

/// Number of elements whose `data-testid` starts with `prefix` (rows of a list).
async fn count(app: &Session, prefix: &str) -> usize {
    app.driver()
        .find_all(dce_e2e::thirtyfour::By::Css(format!(
            "[data-testid^=\"{prefix}\"]"
        )))
        .await
        .unwrap_or_default()
        .len()
}

/// Clicks `add` and returns the index of the row it created.
async fn add_row(app: &Session, add: &str, rows: &str) -> usize {
    let before = count(app, rows).await;
    app.click(add).await;
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    while count(app, rows).await == before {
        if std::time::Instant::now() > deadline {
            app.fail(&format!("clicking {add} added no row {rows}"))
                .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    before
}

/// Chooses, in the list `id`, the option whose label contains `label`.
async fn select_text(app: &Session, id: &str, label: &str) {
    let list = app.reveal(id).await;
    for option in list
        .find_all(dce_e2e::thirtyfour::By::Css("option"))
        .await
        .unwrap_or_default()
    {
        if option.text().await.unwrap_or_default().contains(label) {
            let value = option.value().await.ok().flatten().unwrap_or_default();
            app.select(id, &value).await;
            return;
        }
    }
    app.fail(&format!("{id} offers no option saying {label:?}"))
        .await;
}

fn normalise(text: &str) -> String {
    text.replace("-\n", "")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

const OBJECT: &str = "Fourniture et livraison de repas pour la cantine scolaire de Brémontier";

#[tokio::test(flavor = "multi_thread")]
async fn a_new_user_builds_the_school_catering_dossier_from_a_blank_one() {
    let harness = Harness::new();
    let app = harness.session().await;
    app.click("new-dossier").await;
    app.click("sample-vierge").await;
    app.wait_for("editor").await;

    // 1 Acheteur
    app.type_into("field-buyer.name", "Commune de Brémontier")
        .await;
    app.type_into("field-buyer.address.street", "2, place de l'Église")
        .await;
    app.type_into("field-buyer.address.postcode", "49120").await;
    app.type_into("field-buyer.address.city", "Brémontier")
        .await;
    app.type_into("field-buyer.siret", "21230999900019").await;
    app.type_into("field-buyer.representative.name", "Mme Odile Marchetti")
        .await;
    app.type_into(
        "field-buyer.questions_contact.name",
        "Mme Lucie Perrin, secrétaire de mairie",
    )
    .await;
    app.type_into(
        "field-buyer.questions_contact.email",
        "mairie@bremontier.example",
    )
    .await;
    app.type_into("field-buyer.questions_contact.phone", "02 41 00 00 00")
        .await;
    app.type_into(
        "field-buyer.buyer_profile_url",
        "https://marches.bremontier.example",
    )
    .await;

    // 2 Objet et contexte
    app.click("step-purchase").await;
    app.type_into("field-purchase.object", OBJECT).await;
    app.type_into("field-reference", "2027-01").await;
    app.select("field-purchase.nature", "services").await;
    app.type_into("field-purchase.estimated_amount", "120 000")
        .await;
    app.type_into("field-purchase.duration_months", "36").await;
    app.type_into("field-purchase.cpv", "55524000-9").await;
    app.type_into(
        "field-purchase.context",
        "La commune sert environ 90 repas par jour scolaire dans le restaurant attenant à l'école.",
    )
    .await;

    // 3 Procédure: the advice follows from the amount.
    app.click("step-procedure").await;
    let procedure = app.text("procedure-title").await;
    assert!(procedure.contains("adaptée"), "a MAPA: {procedure:?}");
    // From 90 000 € the notice goes to the BOAMP, and the DCE to the buyer profile.
    app.click("field-procedure.publicity.boamp").await;
    app.click("field-procedure.publicity.buyer_profile").await;

    // 4 Lots
    app.click("step-lots").await;
    app.type_into(
        "field-purchase.no_lots_reason",
        "La fabrication et la livraison des repas forment une prestation indissociable.",
    )
    .await;

    // 5 Besoin fonctionnel: three functions, two of them imperative (F0).
    app.click("step-need").await;
    for (function, criterion, level, flexibility) in [
        (
            "Fournir des repas équilibrés adaptés à l'âge des enfants",
            "Respect des recommandations nutritionnelles",
            "100 % des menus conformes",
            "F0",
        ),
        (
            "Livrer les repas froids en toute sécurité sanitaire",
            "Température des plats à la livraison",
            "Entre 0 et 3 °C",
            "F0",
        ),
        (
            "Réduire les déchets d'emballage",
            "Part des contenants réemployables",
            "Au moins 80 %",
            "F2",
        ),
    ] {
        let i = add_row(&app, "add-needs", "needs-item-").await;
        app.type_into(&format!("field-needs[{i}].function"), function)
            .await;
        app.type_into(&format!("field-needs[{i}].appraisal_criterion"), criterion)
            .await;
        app.type_into(&format!("field-needs[{i}].level"), level)
            .await;
        app.select(&format!("field-needs[{i}].flexibility"), flexibility)
            .await;
    }

    // 6 Variantes: allowed, minimum requirements taken from the F0 needs.
    app.click("step-variants").await;
    app.click("field-variants.policy.allowed").await;
    app.click("variants-from-f0").await;
    app.wait_for("field-variants.minimum_requirements[1]").await;
    app.type_into(
        "field-variants.presentation",
        "Chaque variante est présentée dans un document distinct avec son propre prix.",
    )
    .await;

    // 7 Critères: price 40, technical value 35 (two sub-criteria), environment 25.
    app.click("step-criteria").await;
    let price = add_row(&app, "add-criteria", "criteria-item-").await;
    app.select(&format!("field-criteria[{price}].kind"), "price")
        .await;
    app.type_into(&format!("field-criteria[{price}].weight"), "40")
        .await;
    let technical = add_row(&app, "add-criteria", "criteria-item-").await;
    app.select(&format!("field-criteria[{technical}].kind"), "technical")
        .await;
    app.type_into(&format!("field-criteria[{technical}].weight"), "35")
        .await;
    app.type_into(
        &format!("field-criteria[{technical}].method"),
        "Note sur 35 points : la somme des notes des sous-critères.",
    )
    .await;
    for (j, (title, points)) in [
        ("Organisation des livraisons", "20"),
        ("Qualité et variété des menus", "15"),
    ]
    .into_iter()
    .enumerate()
    {
        app.click(&format!("add-criteria[{technical}].subcriteria"))
            .await;
        app.type_into(
            &format!("field-criteria[{technical}].subcriteria[{j}].title"),
            title,
        )
        .await;
        app.type_into(
            &format!("field-criteria[{technical}].subcriteria[{j}].points"),
            points,
        )
        .await;
    }
    let green = add_row(&app, "add-criteria", "criteria-item-").await;
    app.select(&format!("field-criteria[{green}].kind"), "environmental")
        .await;
    app.type_into(&format!("field-criteria[{green}].weight"), "25")
        .await;
    app.type_into(
        &format!("field-criteria[{green}].method"),
        "Note sur 25 points selon les réponses au cadre environnemental.",
    )
    .await;
    app.click(&format!("add-criteria[{green}].subcriteria"))
        .await;
    app.type_into(
        &format!("field-criteria[{green}].subcriteria[0].title"),
        "Emballages et déchets",
    )
    .await;
    app.type_into(
        &format!("field-criteria[{green}].subcriteria[0].points"),
        "25",
    )
    .await;
    app.wait_text("weights-total", "100 %", |t| {
        t.replace('\u{a0}', " ").contains("100 %")
    })
    .await;

    // 8 Cadres de réponse: questions from the sub-criteria, plus one social question.
    app.click("step-frames").await;
    app.click("frames-generate").await;
    app.wait_text("frames-generated", "three questions", |t| {
        t.contains("3 question")
    })
    .await;
    // Question cards carry their index in the whole list of questions.
    let index = count(&app, "questions.").await;
    app.click("add-questions.social").await;
    app.type_into(
        &format!("field-questions[{index}].prompt"),
        "Indiquez les heures de travail que vous réservez à des personnes en insertion.",
    )
    .await;
    app.type_into(&format!("field-questions[{index}].points"), "5")
        .await;
    select_text(
        &app,
        &format!("field-questions[{index}].criterion_id"),
        "Organisation des livraisons",
    )
    .await;

    // 9 Clauses
    app.click("step-clauses").await;
    let c = add_row(
        &app,
        "add-clauses.environmental_conditions",
        "clauses.environmental_conditions-item-",
    )
    .await;
    app.type_into(
        &format!("field-clauses.environmental_conditions[{c}].title"),
        "Contenants réemployables",
    )
    .await;
    app.type_into(
        &format!("field-clauses.environmental_conditions[{c}].text"),
        "Les contenants de livraison sont réemployables et repris par le titulaire.",
    )
    .await;

    // The check said restaurant meals need the Egalim shares: the clause
    // library has them, ready to add.
    app.type_into("clause-search", "Egalim").await;
    app.wait_text("clause-result", "the Egalim clause first", |t| {
        t.contains("Egalim")
    })
    .await;
    let result = app.wait_for("clause-result").await;
    assert_eq!(
        result.attr("data-id").await.ok().flatten().as_deref(),
        Some("egalim")
    );
    result
        .find(dce_e2e::thirtyfour::By::Css("[data-testid=\"clause-add\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for("clause-added").await;

    // 10 Conditions d'exécution: the SME-friendly defaults are already there.
    app.click("step-execution").await;
    assert_eq!(app.value("field-execution.advance.percent").await, "5");
    assert_eq!(app.value("field-execution.payment_period_days").await, "30");
    app.type_into(
        "field-execution.price_clause.formula",
        "P = P0 × (0,15 + 0,85 × I ÷ I0)",
    )
    .await;
    app.type_into(
        "field-execution.price_clause.indices",
        "I : indice INSEE des prix de la restauration collective.",
    )
    .await;
    app.type_into(
        "field-execution.interim_payments",
        "Le titulaire facture chaque mois les repas livrés.",
    )
    .await;
    app.type_into(
        "field-execution.penalties",
        "Livraison après 10 h 30 : pénalité de 50 € par service concerné.",
    )
    .await;

    // 11 Bordereau des prix: one chapter of meals, priced by unit, with the
    // quantities of a school year.
    app.click("step-prices").await;
    app.click("create-prices-schedule-marche").await;
    let chapter = "prices.schedules[0].chapters[0]";
    app.type_into(&format!("field-{chapter}.title"), "Repas livrés")
        .await;
    for (i, (designation, quantity)) in [
        ("Repas enfant livré en liaison froide", "10 500"),
        ("Repas adulte livré en liaison froide", "700"),
    ]
    .into_iter()
    .enumerate()
    {
        app.click(&format!("add-{chapter}.lines")).await;
        let line = format!("{chapter}.lines[{i}]");
        app.type_into(&format!("field-{line}.designation"), designation)
            .await;
        app.select(&format!("field-{line}.unit"), "repas").await;
        app.type_into(&format!("field-{line}.quantity_thousandths"), quantity)
            .await;
    }

    // 12 Candidature et remise des offres
    app.click("step-submission").await;
    app.type_into(
        "field-submission.platform_url",
        "https://marches.bremontier.example",
    )
    .await;
    app.type_into(
        "field-submission.platform_help",
        "Assistance de la plateforme du lundi au vendredi.",
    )
    .await;

    // 13 Vérification: nothing blocks the version to publish.
    app.click("step-check").await;
    app.wait_saved().await;
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    loop {
        let blocking = app
            .driver()
            .find_all(dce_e2e::thirtyfour::By::Css(
                "li.bloquant[data-testid=\"finding\"]",
            ))
            .await
            .unwrap_or_default();
        if blocking.is_empty() {
            break;
        }
        if std::time::Instant::now() > deadline {
            let mut texts = Vec::new();
            for b in blocking {
                texts.push(b.text().await.unwrap_or_default());
            }
            app.fail(&format!("blocking findings remain: {texts:?}"))
                .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.screenshot("new-user-check").await;

    // 14 Export: the version to publish, in PDF and DOCX.
    app.click("step-export").await;
    app.click("final-version").await;
    let pdf = normalise(&pdf_text(&harness.export(&app, "export-pdf", "pdf").await));
    let docx = harness.export(&app, "export-docx", "docx").await;
    let docx = normalise(&docx_text(&zip_entry_text(&docx, "word/document.xml")));
    for expected in [
        "Commune de Brémontier",
        OBJECT,
        "120 000 €",
        "procédure adaptée",
        "prestation indissociable",
        "Fournir des repas équilibrés adaptés à l'âge des enfants",
        "Livrer les repas froids en toute sécurité sanitaire",
        "Les candidats peuvent présenter des variantes",
        "Entre 0 et 3 °C",
        "Valeur technique",
        "Organisation des livraisons",
        "Performance environnementale",
        "Emballages et déchets",
        "heures de travail que vous réservez",
        "Contenants réemployables",
        "menu végétarien par semaine",
        "P = P0 × (0,15 + 0,85 × I ÷ I0)",
        "https://marches.bremontier.example",
    ] {
        assert!(pdf.contains(expected), "the PDF should say {expected:?}");
        assert!(docx.contains(expected), "the DOCX should say {expected:?}");
    }
    assert!(
        !pdf.contains("PROJET"),
        "the version to publish has no watermark text"
    );
}
