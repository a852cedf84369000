//! The findings are the same through the app and through the command line:
//! a dossier made faulty in the app is checked by `dce check --json` on the
//! same database, and both list the same rules with the same messages.
//! On the way, the clause library adds a social condition from the app.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use dce_e2e::thirtyfour::prelude::*;
use dce_e2e::{repo_root, Harness, Session};

/// Text as shown, with no-break and thin spaces made plain and spaces collapsed.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn wait_saved(app: &Session) {
    app.wait_text_eq("save-status", "Enregistré").await;
}

/// The findings shown at the Vérification step: (data-code, text) each.
async fn shown_findings(app: &Session) -> Vec<(String, String)> {
    app.click("step-check").await;
    // The list is refreshed about 1 s after the last change: wait until it
    // shows the two faults made below, then read it.
    let deadline = std::time::Instant::now() + dce_e2e::timeout();
    loop {
        let mut out = Vec::new();
        for el in app.all("finding").await {
            let code = el
                .attr("data-code")
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
            let text = el.text().await.unwrap_or_default();
            out.push((code, text));
        }
        let codes: BTreeSet<&str> = out.iter().map(|(c, _)| c.as_str()).collect();
        if codes.contains("criteria.weights_total")
            && out.iter().any(|(c, _)| c.starts_with("execution."))
        {
            return out;
        }
        if std::time::Instant::now() > deadline {
            app.fail(&format!(
                "the Vérification step should list the weights total and the payment period; it lists {out:?}"
            ))
            .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn findings_are_the_same_in_the_app_and_on_the_command_line() {
    let cli = repo_root().join("target/debug/dce");
    assert!(
        cli.is_file(),
        "the command line {} does not exist: build it with `cargo build -p dce-core --bin dce`",
        cli.display()
    );

    let harness = Harness::new();
    let app = harness.open_sample().await;

    // The clause library, in the Clauses step: « insertion » finds the
    // insertion hours, which become a new social condition.
    app.click("step-clauses").await;
    let before = app
        .driver()
        .find_all(By::Css(
            "[data-testid^=\"clauses.social_conditions-item-\"]",
        ))
        .await
        .unwrap_or_default()
        .len();
    app.type_into("clause-search", "insertion").await;
    app.wait_text("clause-result", "the clause on insertion hours", |t| {
        t.contains("Heures d'insertion") || t.contains("Heures d’insertion")
    })
    .await;
    let first = app.wait_for("clause-result").await;
    let first_id = first
        .attr("data-id")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert_eq!(
        first_id, "insertion-heures",
        "first result for « insertion »"
    );
    let first_text = plain(&first.text().await.unwrap_or_default());
    for part in [
        "Condition sociale",
        "L2112-2",
        "Quand l’utiliser",
        "Ajouter au dossier",
    ] {
        assert!(
            first_text.contains(part),
            "the result should show {part:?}: {first_text:?}"
        );
    }
    // Criteria are offered in the Criteria step, not here.
    for el in app.all("clause-result").await {
        let id = el.attr("data-id").await.ok().flatten().unwrap_or_default();
        assert!(
            !id.starts_with("critere-"),
            "the Clauses step should not offer the criterion {id}"
        );
    }
    first
        .find(By::Css("[data-testid=\"clause-add\"]"))
        .await
        .expect("the result has an « Ajouter au dossier » button")
        .click()
        .await
        .expect("clicking « Ajouter au dossier »");
    let confirmation = plain(&app.text("clause-added").await);
    assert!(
        confirmation.contains("Clause ajoutée") && confirmation.contains("crochets"),
        "after adding, a confirmation should say to adapt the bracketed parts: {confirmation:?}"
    );
    let title_id = format!("field-clauses.social_conditions[{before}].title");
    let title = app.value(&title_id).await;
    assert!(
        title.contains("insertion"),
        "the new social condition {title_id} should be titled after the clause, it is {title:?}"
    );
    let text = app
        .value(&format!("field-clauses.social_conditions[{before}].text"))
        .await;
    assert!(
        text.contains('['),
        "the condition's text should keep its [placeholders]: {text:?}"
    );
    app.assert_no_error("adding a clause from the library")
        .await;
    app.screenshot("clause-library-clauses").await;

    // Two faults: a payment period over 30 days, weights that add up to 110 %.
    app.click("step-execution").await;
    app.type_into("field-execution.payment_period_days", "60")
        .await;
    app.click("step-criteria").await;
    // The Criteria step offers the criteria of the library, and only them.
    app.wait_for("clause-result").await;
    for el in app.all("clause-result").await {
        let id = el.attr("data-id").await.ok().flatten().unwrap_or_default();
        let text = el.text().await.unwrap_or_default();
        assert!(
            text.contains("Critère"),
            "the Criteria step should offer only criteria, {id} says {text:?}"
        );
    }
    let first_weight = app.value("field-criteria[0].weight").await;
    let bumped: u32 = first_weight.trim().parse::<u32>().expect("a whole weight") + 10;
    app.type_into("field-criteria[0].weight", &bumped.to_string())
        .await;
    app.wait_for("weights-message").await;
    wait_saved(&app).await;

    let in_app = shown_findings(&app).await;
    wait_saved(&app).await;
    app.assert_no_error("checking the dossier").await;
    app.quit().await;

    // The same database through the command line.
    let out = Command::new(&cli)
        .arg("--db")
        .arg(&harness.db)
        .args(["check", "1", "--json"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", cli.display()));
    assert!(
        out.status.success() || !out.stdout.is_empty(),
        "dce check failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "dce check --json printed no JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let cli_findings: Vec<(String, String)> = json
        .as_array()
        .expect("dce check --json prints an array")
        .iter()
        .map(|f| {
            (
                f["code"]
                    .as_str()
                    .expect("a finding has a code")
                    .to_string(),
                f["message"]
                    .as_str()
                    .expect("a finding has a message")
                    .to_string(),
            )
        })
        .collect();

    let app_codes: BTreeSet<&str> = in_app.iter().map(|(c, _)| c.as_str()).collect();
    let cli_codes: BTreeSet<&str> = cli_findings.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        app_codes, cli_codes,
        "the app and the command line should find the same rules\napp: {in_app:#?}\ncli: {cli_findings:#?}"
    );
    assert_eq!(
        in_app.len(),
        cli_findings.len(),
        "the app and the command line should list as many findings\napp: {in_app:#?}\ncli: {cli_findings:#?}"
    );
    // Each message of the command line is in the app's text of a finding of the same rule.
    let mut app_texts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (code, text) in &in_app {
        app_texts
            .entry(code.as_str())
            .or_default()
            .push(plain(text));
    }
    for (code, message) in &cli_findings {
        let message = plain(message);
        let texts = &app_texts[code.as_str()];
        assert!(
            texts.iter().any(|t| t.contains(&message)),
            "the command line says {message:?} for {code}, the app shows {texts:?}"
        );
    }
    assert!(cli_codes.contains("criteria.weights_total"));
}
