//! `dce offer …` and `dce offers`: the contract the later work relies on,
//! and refused commands that leave the dossier as it was.

mod common;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "dce failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn refused(o: Output) -> String {
    assert!(
        !o.status.success(),
        "should be refused: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(
        stderr.starts_with("Erreur\u{a0}: ") || stderr.starts_with("Erreur : "),
        "{stderr}"
    );
    stderr
}

fn offers(db: &Path, id: &str) -> Vec<Value> {
    serde_json::from_str(&ok(common::dce(db, &["offers", id, "--json"]))).unwrap()
}

fn by_id(offers: &[Value], id: &str) -> Value {
    offers
        .iter()
        .find(|o| o["id"].as_u64().map(|n| n.to_string()).as_deref() == Some(id))
        .unwrap_or_else(|| panic!("offer {id} in {offers:?}"))
        .clone()
}

/// The village hall in a fresh database, with its id.
fn village_hall(db: &Path) -> String {
    ok(common::dce(
        db,
        &["new", "--sample", "renovation-salle-des-fetes"],
    ))
    .trim()
    .to_string()
}

fn add(db: &Path, id: &str, bidder: &str, amount: &str) -> String {
    ok(common::dce(
        db,
        &[
            "offer", "add", id, "--bidder", bidder, "--lot", "1", "--amount", amount,
        ],
    ))
    .trim()
    .to_string()
}

fn score_all(db: &Path, id: &str, offer: &str, points: [&str; 6]) {
    for (sub, p) in common::VILLAGE_HALL_SUBS.iter().zip(points) {
        ok(common::dce(
            db,
            &[
                "offer",
                "score",
                id,
                offer,
                "--sub",
                sub,
                "--points",
                p,
                "--why",
                "Réponse complète et précise.",
            ],
        ));
    }
}

#[test]
fn three_offers_scored_on_the_command_line_give_the_totals_and_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let id = village_hall(&db);
    let a = add(&db, &id, "Isolation Dupont", "100 000");
    let b = add(&db, &id, "Thermibat", "112500,00");
    let c = add(&db, &id, "Éco-Façades", "125000");
    assert_eq!(
        [a.as_str(), b.as_str(), c.as_str()],
        ["1", "2", "3"],
        "the id alone"
    );
    score_all(&db, &id, &a, ["12", "8", "4,5", "10,5", "7", "3"]);
    score_all(&db, &id, &b, ["15", "9", "5", "15", "10", "5"]);
    score_all(&db, &id, &c, ["13,5", "7", "3,5", "12", "8,5", "4"]);
    let list = offers(&db, &id);
    assert_eq!(
        list.iter()
            .map(|o| o["id"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [2, 1, 3]
    );
    for (offer, price, prix, tech, env, total, rank) in [
        (&b, 11_250_000, 35.56, 29.0, 30.0, 94.56, 1),
        (&a, 10_000_000, 40.0, 24.5, 20.5, 85.0, 2),
        (&c, 12_500_000, 32.0, 24.0, 24.5, 80.5, 3),
    ] {
        let o = by_id(&list, offer);
        assert_eq!(o["lot"], 1);
        assert_eq!(o["price_cents"], price);
        assert_eq!(o["scores"]["prix"].as_f64(), Some(prix), "{o}");
        assert_eq!(o["scores"]["tech"].as_f64(), Some(tech), "{o}");
        assert_eq!(o["scores"]["env"].as_f64(), Some(env), "{o}");
        assert_eq!(o["total"].as_f64(), Some(total), "{o}");
        assert_eq!(o["rank"], rank);
        assert_eq!(o["alerts"], serde_json::json!([]));
    }
    assert_eq!(by_id(&list, &a)["bidder"], "Isolation Dupont");
    let text = ok(common::dce(&db, &["offers", &id]));
    assert!(
        text.contains(
            "1. Offre n°\u{a0}2 — Thermibat — 112\u{202f}500\u{a0}€\u{a0}HT — 94,56 points"
        ),
        "{text}"
    );
}

#[test]
fn refused_commands_say_why_in_french_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let id = village_hall(&db);
    let a = add(&db, &id, "Isolation Dupont", "100000");
    ok(common::dce(
        &db,
        &[
            "offer",
            "score",
            &id,
            &a,
            "--sub",
            "tech-planning",
            "--points",
            "8",
            "--why",
            "Planning clair.",
        ],
    ));
    let shown = ok(common::dce(&db, &["show", &id]));
    let revisions = || {
        dce_core::store::Store::open(&db)
            .unwrap()
            .revisions(id.parse().unwrap())
            .unwrap()
            .len()
    };
    let before = revisions();
    let score = |offer: &str, sub: &str, points: &str, why: &str| {
        common::dce(
            &db,
            &[
                "offer", "score", &id, offer, "--sub", sub, "--points", points, "--why", why,
            ],
        )
    };
    let too_many = refused(score(&a, "tech-planning", "10,01", "x"));
    assert!(too_many.contains("au plus 10 points"), "{too_many}");
    assert!(refused(score("7", "tech-planning", "5", "x")).contains("pas d’offre n°\u{a0}7"));
    assert!(refused(score(&a, "inconnu", "5", "x")).contains("«\u{a0}inconnu\u{a0}»"));
    assert!(refused(score(&a, "prix", "5", "x")).contains("formule"));
    assert!(refused(score(&a, "tech-planning", "beaucoup", "x")).contains("n’est pas un nombre"));
    assert!(refused(score(&a, "tech-planning", "5", " ")).contains("Justifiez"));
    let no_lot = refused(common::dce(
        &db,
        &["offer", "add", &id, "--bidder", "X", "--amount", "1"],
    ));
    assert!(no_lot.contains("indiquez le lot"), "{no_lot}");
    assert!(refused(common::dce(
        &db,
        &["offer", "add", "99", "--bidder", "X", "--lot", "1"]
    ))
    .contains("99"));
    let reject = refused(common::dce(
        &db,
        &["offer", "decide", &id, &a, "--reject", "Trop bas."],
    ));
    assert!(reject.contains("L2152-6"), "{reject}");
    assert_eq!(ok(common::dce(&db, &["show", &id])), shown);
    assert_eq!(revisions(), before);
}

#[test]
fn a_filled_price_schedule_gives_the_price_and_one_of_another_dossier_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let first = ok(common::dce(
        &db,
        &["new", "--sample", "restauration-scolaire"],
    ));
    let other = ok(common::dce(
        &db,
        &["new", "--sample", "restauration-scolaire"],
    ));
    let (first, other) = (first.trim(), other.trim());
    let d = dce_core::store::Store::open(&db)
        .unwrap()
        .load(first.parse().unwrap())
        .unwrap();
    let file = dir.path().join("bordereau.xlsx");
    std::fs::write(&file, common::catering_filled(&d).bytes()).unwrap();
    let file = file.to_str().unwrap();
    let shown = ok(common::dce(&db, &["show", other]));
    let foreign = refused(common::dce(
        &db,
        &[
            "offer",
            "add",
            other,
            "--bidder",
            "Cuisines du Val",
            "--prices",
            file,
        ],
    ));
    assert!(foreign.contains("autre dossier"), "{foreign}");
    assert_eq!(ok(common::dce(&db, &["show", other])), shown);
    let offer = ok(common::dce(
        &db,
        &[
            "offer",
            "add",
            first,
            "--bidder",
            "Cuisines du Val",
            "--siret",
            "01234567800019",
            "--prices",
            file,
        ],
    ));
    let list = offers(&db, first);
    let o = by_id(&list, offer.trim());
    // The compared total recomputed from the filled lines (the optional PSE left out).
    assert_eq!(o["price_cents"], 4_267_150);
    assert_eq!(o["lot"], Value::Null);
    assert_eq!(o["rank"], 1);
}

#[test]
fn low_prices_late_irregular_and_negotiated_offers_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let id = village_hall(&db);
    add(&db, &id, "A", "100000");
    add(&db, &id, "B", "100000");
    let low = add(&db, &id, "Bas prix", "79999,99");
    let o = by_id(&offers(&db, &id), &low);
    let alerts = o["alerts"].as_array().unwrap();
    let alert = alerts
        .iter()
        .find(|a| a["kind"] == "abnormally_low")
        .unwrap_or_else(|| panic!("{alerts:?}"));
    assert!(alert["message"].as_str().unwrap().contains("20\u{a0}%"));
    assert!(o["rank"].is_u64(), "the alert never excludes");

    let letter = ok(common::dce(
        &db,
        &["offer", "letter", &id, &low, "--answer-by", "2027-02-01"],
    ));
    assert!(
        letter.contains("R2152-3") && letter.contains("1er\u{a0}février\u{a0}2027"),
        "{letter}"
    );
    ok(common::dce(
        &db,
        &[
            "offer",
            "request",
            &id,
            &low,
            "--answer-by",
            "2027-02-01",
            "--on",
            "2027-01-20",
        ],
    ));
    let again = refused(common::dce(
        &db,
        &["offer", "request", &id, &low, "--answer-by", "2027-02-01"],
    ));
    assert!(again.contains("déjà enregistrée"), "{again}");
    ok(common::dce(
        &db,
        &[
            "offer",
            "answer",
            &id,
            &low,
            "--text",
            "Matériaux en stock.",
            "--on",
            "2027-01-28",
        ],
    ));
    ok(common::dce(
        &db,
        &[
            "offer",
            "decide",
            &id,
            &low,
            "--keep",
            "Stock justifié par factures.",
        ],
    ));
    let o = by_id(&offers(&db, &id), &low);
    assert!(o.to_string().contains("offre maintenue"), "{o}");
    assert_eq!(o["rank"], 1);
    let d = dce_core::store::Store::open(&db)
        .unwrap()
        .load(id.parse().unwrap())
        .unwrap();
    let inquiry = d.offers[2].low_price.as_ref().unwrap();
    assert!(
        inquiry.request.contains("R2152-3"),
        "the prepared letter is what was sent"
    );

    // Late: recorded, never ranked.
    let late = ok(common::dce(
        &db,
        &[
            "offer",
            "add",
            &id,
            "--bidder",
            "Retard",
            "--lot",
            "1",
            "--amount",
            "90000",
            "--received",
            "2030-01-01T09:00",
        ],
    ));
    let o = by_id(&offers(&db, &id), late.trim());
    assert_eq!(o["rank"], Value::Null);
    assert!(o["excluded"].as_str().unwrap().contains("hors délai"));

    // Irregular, with its reason, then negotiation on another offer.
    ok(common::dce(
        &db,
        &[
            "offer",
            "status",
            &id,
            "1",
            "--irregular",
            "Acte d’engagement manquant.",
        ],
    ));
    let o = by_id(&offers(&db, &id), "1");
    assert_eq!(o["rank"], Value::Null);
    assert!(o["excluded"]
        .as_str()
        .unwrap()
        .contains("Acte d’engagement manquant."));
    ok(common::dce(
        &db,
        &["offer", "negotiate", &id, "2", "--amount", "75000"],
    ));
    let list = offers(&db, &id);
    assert_eq!(by_id(&list, "2")["price_cents"], 7_500_000);
    assert_eq!(by_id(&list, "2")["rank"], 1);
    let d = dce_core::store::Store::open(&db)
        .unwrap()
        .load(id.parse().unwrap())
        .unwrap();
    assert_eq!(
        d.offers[1].previous_rounds[0]
            .price
            .as_ref()
            .unwrap()
            .compared_cents,
        10_000_000,
        "the first round is kept"
    );
}
