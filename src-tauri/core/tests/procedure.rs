//! The procedure a dossier uses: proposed from amount, nature and date,
//! chosen by the buyer, checked on both sides of each threshold, and named
//! on the cover and in the body of the DCE.
mod common;

use dce_core::model::{Dossier, NoticeChannel, ProcedureChoice};
use dce_core::rules::{check, procedure_advice, ProcedureKind, Severity};

const DAY: &str = "2026-11-30";

fn has(d: &Dossier, code: &str) -> Option<Severity> {
    check(d, common::date(DAY))
        .into_iter()
        .find(|f| f.code == code)
        .map(|f| f.severity)
}

fn services(euros: i64, choice: Option<ProcedureChoice>) -> Dossier {
    let mut d = common::ordinary_services();
    d.purchase.estimated_amount_cents = euros * 100;
    d.procedure.choice = choice;
    d
}

fn catering(euros: i64, choice: Option<ProcedureChoice>) -> Dossier {
    let mut d = common::catering();
    d.purchase.estimated_amount_cents = euros * 100;
    d.procedure.choice = choice;
    d
}

#[test]
fn the_proposal_follows_amount_and_nature() {
    use ProcedureChoice::*;
    for (euros, expected) in [
        (59_999, Some(Dispense)),
        (60_000, Some(Mapa)),
        (215_999, Some(Mapa)),
        (216_000, None),
    ] {
        let a = procedure_advice(&services(euros, None), common::date(DAY));
        assert_eq!(a.proposal, expected, "services at {euros} €");
        assert_eq!(a.used, expected, "nothing chosen: the proposal is used");
    }
    let chosen = procedure_advice(&services(70_000, Some(Innovative)), common::date(DAY));
    assert_eq!(chosen.proposal, Some(Mapa));
    assert_eq!(chosen.used, Some(Innovative));
    let names: Vec<_> = chosen.options.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"Achat innovant sans publicité ni mise en concurrence préalables"));
}

#[test]
fn social_services_are_an_adapted_procedure_up_to_750_000() {
    use ProcedureChoice::*;
    let at = |euros| procedure_advice(&catering(euros, None), common::date(DAY));
    assert_eq!(at(59_999).proposal, Some(Dispense));
    assert_eq!(at(300_000).proposal, Some(MapaSocialServices));
    assert_eq!(at(300_000).kind, ProcedureKind::MapaFormalPublicity);
    assert_eq!(at(749_999).proposal, Some(MapaSocialServices));
    assert_eq!(at(750_000).kind, ProcedureKind::Formal);
    assert!(at(750_000)
        .summary
        .contains("Journal officiel de l’Union européenne"));
    assert_eq!(has(&catering(749_999, None), "procedure.formal"), None);
    assert_eq!(
        has(&catering(750_000, None), "procedure.formal"),
        Some(Severity::Blocking)
    );
}

#[test]
fn the_ordinary_mapa_for_catering_above_the_eu_threshold_points_to_social_services() {
    let d = catering(300_000, Some(ProcedureChoice::Mapa));
    let f = check(&d, common::date(DAY));
    let finding = f
        .iter()
        .find(|f| f.code == "procedure.social_services_expected")
        .expect("a finding points to the social services path");
    assert_eq!(finding.severity, Severity::Blocking);
    assert_eq!(finding.field, "procedure.choice");
    assert!(
        finding.message.contains("services sociaux"),
        "{}",
        finding.message
    );
    assert_eq!(
        has(
            &catering(215_999, Some(ProcedureChoice::Mapa)),
            "procedure.social_services_expected"
        ),
        None
    );
}

#[test]
fn social_services_chosen_for_another_cpv_is_a_warning() {
    let d = services(100_000, Some(ProcedureChoice::MapaSocialServices));
    assert_eq!(
        has(&d, "procedure.social_services_cpv"),
        Some(Severity::Warning)
    );
    assert_eq!(
        has(
            &catering(100_000, Some(ProcedureChoice::MapaSocialServices)),
            "procedure.social_services_cpv"
        ),
        None
    );
}

#[test]
fn the_dispense_is_refused_at_its_threshold() {
    let below = services(59_999, Some(ProcedureChoice::Dispense));
    assert_eq!(has(&below, "procedure.dispense"), Some(Severity::Advice));
    assert_eq!(has(&below, "procedure.dispense_above_threshold"), None);
    let at = services(60_000, Some(ProcedureChoice::Dispense));
    assert_eq!(
        has(&at, "procedure.dispense_above_threshold"),
        Some(Severity::Blocking)
    );
    // A buyer may always do more than the law asks: a MAPA under the dispense.
    let mapa = services(30_000, Some(ProcedureChoice::Mapa));
    assert_eq!(has(&mapa, "procedure.dispense"), None);
    assert!(!check(&mapa, common::date(DAY))
        .iter()
        .any(|f| f.code.starts_with("procedure.") && f.severity == Severity::Blocking));
}

fn innovative(euros: i64) -> Dossier {
    let mut d = services(euros, Some(ProcedureChoice::Innovative));
    d.procedure.innovation_reasons =
        "Nettoyage par eau ozonée, sans produit chimique, jamais proposé dans le département."
            .into();
    d.procedure.sourcing =
        "Trois entreprises rencontrées en septembre ; deux procédés comparés.".into();
    d.procedure.publicity.clear();
    d
}

#[test]
fn the_innovative_purchase_is_refused_at_its_cap() {
    let below = innovative(99_999);
    let blocking: Vec<_> = check(&below, common::date(DAY))
        .into_iter()
        .filter(|f| f.code.starts_with("procedure.") && f.severity == Severity::Blocking)
        .collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    let at = innovative(100_000);
    assert_eq!(
        has(&at, "procedure.innovative_cap"),
        Some(Severity::Blocking)
    );
    let message = check(&at, common::date(DAY))
        .into_iter()
        .find(|f| f.code == "procedure.innovative_cap")
        .unwrap()
        .message;
    assert!(
        message.contains("100\u{202f}000\u{a0}€\u{a0}HT"),
        "{message}"
    );
    assert!(
        message.contains("80\u{202f}000\u{a0}€\u{a0}HT"),
        "{message}"
    );
}

#[test]
fn the_innovative_purchase_records_its_reasons_and_its_sourcing() {
    let mut d = innovative(50_000);
    d.procedure.innovation_reasons = "  ".into();
    assert_eq!(
        has(&d, "procedure.innovation_reasons"),
        Some(Severity::Blocking)
    );
    assert_eq!(has(&d, "procedure.sourcing"), None);
    d.procedure.sourcing.clear();
    let f = check(&d, common::date(DAY));
    let sourcing = f.iter().find(|f| f.code == "procedure.sourcing").unwrap();
    assert_eq!(sourcing.field, "procedure.sourcing");
    assert_eq!(sourcing.severity, Severity::Blocking);
}

#[test]
fn from_90_000_the_notice_goes_to_the_boamp_or_a_jal() {
    use NoticeChannel::*;
    let with = |euros, channels: &[NoticeChannel]| {
        let mut d = services(euros, Some(ProcedureChoice::Mapa));
        d.procedure.publicity = channels.to_vec();
        d
    };
    assert_eq!(
        has(
            &with(90_000, &[CommuneWebsite, BuyerProfile]),
            "procedure.publicity_boamp"
        ),
        Some(Severity::Blocking)
    );
    assert_eq!(
        has(&with(90_000, &[]), "procedure.publicity_boamp"),
        Some(Severity::Blocking)
    );
    assert_eq!(
        has(
            &with(90_000, &[BuyerProfile, Jal]),
            "procedure.publicity_boamp"
        ),
        None
    );
    assert_eq!(
        has(&with(90_000, &[Boamp]), "procedure.publicity_boamp"),
        None
    );
    assert_eq!(
        has(
            &with(89_999, &[CommuneWebsite]),
            "procedure.publicity_boamp"
        ),
        None
    );
    assert_eq!(
        has(
            &with(89_999, &[CommuneWebsite]),
            "procedure.publicity_missing"
        ),
        None
    );
    assert_eq!(
        has(&with(89_999, &[]), "procedure.publicity_missing"),
        Some(Severity::Warning)
    );
    // No notice on the paths without one.
    assert_eq!(has(&innovative(95_000), "procedure.publicity_boamp"), None);
    assert_eq!(
        has(&innovative(95_000), "procedure.publicity_missing"),
        None
    );
}

#[test]
fn the_buyer_profile_duty_comes_with_a_published_notice() {
    let mut dispense = services(59_999, Some(ProcedureChoice::Dispense));
    dispense.submission.platform_url.clear();
    assert!(!procedure_advice(&dispense, common::date(DAY)).buyer_profile_required);
    assert_eq!(has(&dispense, "procedure.buyer_profile"), None);
    // 60 000 € from 1 April 2026.
    let mut mapa = services(60_000, Some(ProcedureChoice::Mapa));
    mapa.submission.platform_url.clear();
    assert!(procedure_advice(&mapa, common::date(DAY)).buyer_profile_required);
    assert_eq!(
        has(&mapa, "procedure.buyer_profile"),
        Some(Severity::Blocking)
    );
    let mut small = services(59_999, Some(ProcedureChoice::Mapa));
    small.submission.platform_url.clear();
    assert_eq!(has(&small, "procedure.buyer_profile"), None);
    assert!(!procedure_advice(&innovative(95_000), common::date(DAY)).buyer_profile_required);
}

#[test]
fn the_dce_names_the_procedure_used_on_its_cover_and_in_its_body() {
    let text = |d: &Dossier| {
        let doc = dce_core::compose::dce(d).unwrap();
        let cover: Vec<String> = doc
            .cover
            .facts
            .iter()
            .map(|(k, v)| format!("{k} : {v}"))
            .collect();
        (cover.join("\n"), format!("{:?}", doc.blocks))
    };
    let (cover, body) = text(&common::catering());
    assert!(cover.contains("Procédure : Marché à procédure adaptée — services sociaux et autres services spécifiques"), "{cover}");
    assert!(body.contains("R2123-1 3°"), "{body}");
    assert!(body.contains("au Bulletin officiel des annonces des marchés publics (BOAMP)"));

    let (cover, body) = text(&innovative(95_000));
    assert!(
        cover.contains(
            "Procédure : Achat innovant sans publicité ni mise en concurrence préalables"
        ),
        "{cover}"
    );
    assert!(body.contains("article R2122-9-1 du code de la commande publique"));
    assert!(!body.contains("R2123-1"));

    let (cover, body) = text(&services(120_000, Some(ProcedureChoice::Mapa)));
    assert!(cover.contains("Procédure : Marché à procédure adaptée"));
    assert!(body.contains("R2123-1 1°"), "{body}");

    let (cover, body) = text(&services(20_000, Some(ProcedureChoice::Dispense)));
    assert!(cover.contains("Procédure : Achat sans publicité ni mise en concurrence préalables"));
    assert!(body.contains("article R2122-8"));
}
