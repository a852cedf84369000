//! `dce offer …` and `dce offers`: the offers received, scored, ranked and
//! the decisions about them. Each command loads the dossier, changes it
//! through core, and saves it only when core accepted the change.

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, Subcommand};
use dce_core::award::{self, LotRanking, NewOffer, RankedOffer};
use dce_core::french::{decimal, money_ht, NBSP};
use dce_core::model::{Bidder, Dossier, LowPriceDecision, OfferPrice, OfferStatus};
use dce_core::store::Store;
use serde_json::{json, Value};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum OfferCommand {
    #[command(about = "Enregistre une offre reçue et affiche son numéro")]
    Add {
        id: i64,
        #[arg(
            long,
            value_name = "NOM",
            help = "Entreprise, ou mandataire du groupement"
        )]
        bidder: String,
        #[arg(long, value_name = "S")]
        siret: Option<String>,
        #[arg(
            long,
            value_name = "N",
            help = "Lot auquel répond l'offre (obligatoire pour un marché alloti)"
        )]
        lot: Option<u32>,
        #[command(flatten)]
        price: PriceArgs,
        #[arg(long, value_name = "AAAA-MM-JJTHH:MM", value_parser = parse_datetime, help = "Date et heure de réception (après la date limite : offre hors délai, jamais notée)")]
        received: Option<NaiveDateTime>,
        #[arg(
            long,
            value_name = "TEXTE",
            help = "Offre variante : sa description (avec --prices, son montant est celui de la feuille « Variante »)"
        )]
        variant: Option<String>,
        #[arg(long, help = "L'offre est remise par un groupement d'entreprises")]
        group: bool,
        #[arg(
            long = "member",
            value_name = "NOM",
            help = "Autre membre du groupement (répétable)"
        )]
        members: Vec<String>,
        #[arg(
            long = "document",
            value_name = "TEXTE",
            help = "Pièce reçue avec l'offre (répétable)"
        )]
        documents: Vec<String>,
    },
    #[command(
        about = "Note une offre sur un sous-critère (ou un critère sans sous-critère), avec sa justification"
    )]
    Score {
        id: i64,
        offer: u32,
        #[arg(long = "sub", value_name = "SOUS-CRITÈRE")]
        sub: String,
        #[arg(long, value_name = "P", help = "Points, au centième près (12,5)")]
        points: String,
        #[arg(long, value_name = "TEXTE", help = "Justification écrite de la note")]
        why: String,
    },
    #[command(
        about = "Déclare une offre irrégulière ou inacceptable, avec la raison, ou la rétablit"
    )]
    Status {
        id: i64,
        offer: u32,
        #[arg(long, value_name = "RAISON", group = "status")]
        irregular: Option<String>,
        #[arg(long, value_name = "RAISON", group = "status")]
        unacceptable: Option<String>,
        #[arg(long, group = "status", help = "Offre régulière (régularisée)")]
        admitted: bool,
    },
    #[command(
        about = "Prépare la demande écrite de précisions sur un prix paraissant anormalement bas"
    )]
    Letter {
        id: i64,
        offer: u32,
        #[arg(
            long,
            value_name = "AAAA-MM-JJ",
            help = "Date limite de réponse du candidat"
        )]
        answer_by: NaiveDate,
    },
    #[command(about = "Enregistre l'envoi de la demande de précisions sur le prix")]
    Request {
        id: i64,
        offer: u32,
        #[arg(
            long,
            value_name = "AAAA-MM-JJ",
            help = "Date limite de réponse du candidat"
        )]
        answer_by: NaiveDate,
        #[arg(
            long,
            value_name = "AAAA-MM-JJ",
            help = "Date d'envoi (sinon aujourd'hui)"
        )]
        on: Option<NaiveDate>,
        #[arg(
            long,
            value_name = "TEXTE",
            help = "Texte envoyé (sinon la demande préparée par « dce offer letter »)"
        )]
        text: Option<String>,
    },
    #[command(about = "Enregistre la réponse du candidat à la demande de précisions")]
    Answer {
        id: i64,
        offer: u32,
        #[arg(long, value_name = "TEXTE")]
        text: String,
        #[arg(
            long,
            value_name = "AAAA-MM-JJ",
            help = "Date de réception (sinon aujourd'hui)"
        )]
        on: Option<NaiveDate>,
    },
    #[command(
        about = "Décide, après les précisions, de maintenir ou de rejeter une offre au prix anormalement bas"
    )]
    Decide {
        id: i64,
        offer: u32,
        #[arg(long, value_name = "RAISON", group = "decision")]
        keep: Option<String>,
        #[arg(long, value_name = "RAISON", group = "decision")]
        reject: Option<String>,
    },
    #[command(
        about = "Enregistre un tour de négociation : le nouveau prix remplace l'actuel, qui est conservé"
    )]
    Negotiate {
        id: i64,
        offer: u32,
        #[command(flatten)]
        price: PriceArgs,
    },
}

#[derive(Args)]
pub struct PriceArgs {
    #[arg(
        long,
        value_name = "FICHIER.xlsx",
        conflicts_with = "amount",
        help = "Bordereau des prix rempli par l'entreprise (totaux recalculés)"
    )]
    prices: Option<PathBuf>,
    #[arg(long, value_name = "EUROS", help = "Montant comparé hors taxes, saisi")]
    amount: Option<String>,
}

fn parse_datetime(s: &str) -> Result<NaiveDateTime, String> {
    award::received_time(s)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| award::OfferError::BadDateTime(s.into()).to_string())
}

pub fn run(
    mut store: Store,
    command: OfferCommand,
    now: NaiveDateTime,
    today: NaiveDate,
) -> Result<(), String> {
    let id = match &command {
        OfferCommand::Add { id, .. }
        | OfferCommand::Score { id, .. }
        | OfferCommand::Status { id, .. }
        | OfferCommand::Letter { id, .. }
        | OfferCommand::Request { id, .. }
        | OfferCommand::Answer { id, .. }
        | OfferCommand::Decide { id, .. }
        | OfferCommand::Negotiate { id, .. } => *id,
    };
    let mut dossier = store.load(id).map_err(|e| e.to_string())?;
    let e = |e: award::OfferError| e.to_string();
    match command {
        OfferCommand::Add {
            bidder,
            siret,
            lot,
            price,
            received,
            variant,
            group,
            members,
            documents,
            ..
        } => {
            let price = read_price(&dossier, lot, &price, variant.is_some())?;
            let new = NewOffer {
                lot,
                bidder: Bidder {
                    name: bidder,
                    siret,
                    group: group || !members.is_empty(),
                    group_members: members,
                },
                received_at: received,
                variant,
                price,
                documents,
            };
            let offer = award::add_offer(&mut dossier, new).map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            if award::is_late(&dossier, &dossier.offers[dossier.offers.len() - 1]) {
                eprintln!("Attention\u{a0}: offre reçue après la date limite\u{a0}; elle est enregistrée comme irrégulière et ne sera pas notée.");
            }
            out!("{offer}");
        }
        OfferCommand::Score {
            offer,
            sub,
            points,
            why,
            ..
        } => {
            let points = award::hundredths(&points, "La note").map_err(e)?;
            award::score_offer(&mut dossier, offer, &sub, points, &why).map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            out!(
                "Offre n°{NBSP}{offer}\u{a0}: {} points sur «\u{a0}{sub}\u{a0}».",
                decimal(points)
            );
        }
        OfferCommand::Status {
            offer,
            irregular,
            unacceptable,
            admitted,
            ..
        } => {
            let status = match (irregular, unacceptable, admitted) {
                (Some(reason), ..) => OfferStatus::Irregular { reason },
                (_, Some(reason), _) => OfferStatus::Unacceptable { reason },
                (_, _, true) => OfferStatus::Admitted,
                _ => {
                    return Err(
                        "indiquez --irregular RAISON, --unacceptable RAISON ou --admitted.".into(),
                    )
                }
            };
            award::set_status(&mut dossier, offer, status).map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            out!("Offre n°{NBSP}{offer}\u{a0}: régularité enregistrée.");
        }
        OfferCommand::Letter {
            offer, answer_by, ..
        } => {
            let o = find(&dossier, offer)?;
            out!("{}", award::request_letter(&dossier, o, answer_by));
        }
        OfferCommand::Request {
            offer,
            answer_by,
            on,
            text,
            ..
        } => {
            let text = match text {
                Some(t) => t,
                None => award::request_letter(&dossier, find(&dossier, offer)?, answer_by),
            };
            award::request_low_price_explanations(&mut dossier, offer, on.unwrap_or(today), &text)
                .map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            out!("Offre n°{NBSP}{offer}\u{a0}: demande de précisions enregistrée.");
        }
        OfferCommand::Answer {
            offer, text, on, ..
        } => {
            award::record_low_price_answer(&mut dossier, offer, on.unwrap_or(today), &text)
                .map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            out!("Offre n°{NBSP}{offer}\u{a0}: réponse du candidat enregistrée.");
        }
        OfferCommand::Decide {
            offer,
            keep,
            reject,
            ..
        } => {
            let decision = match (keep, reject) {
                (Some(reason), _) => LowPriceDecision::Kept { reason },
                (_, Some(reason)) => LowPriceDecision::Rejected { reason },
                _ => return Err("indiquez --keep RAISON ou --reject RAISON.".into()),
            };
            award::decide_low_price(&mut dossier, offer, decision).map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            out!("Offre n°{NBSP}{offer}\u{a0}: décision enregistrée.");
        }
        OfferCommand::Negotiate { offer, price, .. } => {
            let o = find(&dossier, offer)?;
            let (lot, variant) = (o.lot, o.variant.is_some());
            let price = read_price(&dossier, lot, &price, variant)?
                .ok_or("indiquez le nouveau prix avec --prices FICHIER.xlsx ou --amount EUROS.")?;
            award::negotiate(&mut dossier, offer, price).map_err(e)?;
            save(&mut store, id, &dossier, now)?;
            out!("Offre n°{NBSP}{offer}\u{a0}: tour de négociation enregistré, le précédent est conservé.");
        }
    }
    Ok(())
}

/// `dce offers ID [--json]`.
pub fn list(store: Store, id: i64, json: bool) -> Result<(), String> {
    let dossier = store.load(id).map_err(|e| e.to_string())?;
    let rankings = award::rankings(&dossier);
    if json {
        let offers: Vec<Value> = rankings
            .iter()
            .flat_map(|l| &l.offers)
            .map(offer_json)
            .collect();
        out!(
            "{}",
            serde_json::to_string_pretty(&offers).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    if dossier.offers.is_empty() {
        out!("Aucune offre enregistrée.");
        return Ok(());
    }
    for lot in &rankings {
        for line in lot_lines(lot) {
            out!("{line}");
        }
    }
    Ok(())
}

fn find(dossier: &Dossier, offer: u32) -> Result<&dce_core::model::Offer, String> {
    dossier
        .offers
        .iter()
        .find(|o| o.id == offer)
        .ok_or_else(|| award::OfferError::UnknownOffer(offer).to_string())
}

fn save(store: &mut Store, id: i64, dossier: &Dossier, now: NaiveDateTime) -> Result<(), String> {
    store.save(id, dossier, now).map_err(|e| e.to_string())
}

/// The price given on the command line: read from the filled schedule of
/// the lot (refused if it is another dossier's), or typed; none if neither.
fn read_price(
    dossier: &Dossier,
    lot: Option<u32>,
    args: &PriceArgs,
    variant: bool,
) -> Result<Option<OfferPrice>, String> {
    if let Some(file) = &args.prices {
        return award::schedule_file_price(dossier, lot, file, variant)
            .map(Some)
            .map_err(|e| e.to_string());
    }
    match &args.amount {
        Some(a) => Ok(Some(award::typed_price(
            award::hundredths(a, "Le montant").map_err(|e| e.to_string())?,
        ))),
        None => Ok(None),
    }
}

/// Points as a JSON number: 9456 hundredths → 94.56.
fn points(hundredths: i64) -> Value {
    json!(hundredths as f64 / 100.0)
}

fn offer_json(o: &RankedOffer) -> Value {
    let scores: serde_json::Map<String, Value> = o
        .scores_hundredths
        .iter()
        .map(|(k, v)| (k.clone(), points(*v)))
        .collect();
    json!({
        "id": o.id,
        "bidder": o.bidder,
        "lot": o.lot,
        "variant": o.variant,
        "price_cents": o.price_cents,
        "scores": scores,
        "total": o.total_hundredths.map(points),
        "rank": o.rank,
        "excluded": o.excluded,
        "alerts": o.alerts,
    })
}

/// A lot's ranking as the secretary reads it.
fn lot_lines(lot: &LotRanking) -> Vec<String> {
    if lot.offers.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![match lot.lot {
        Some(n) => format!("Lot {n}"),
        None => "Marché".to_string(),
    }];
    for o in &lot.offers {
        let place = match o.rank {
            Some(r) => format!("{r}."),
            None => "—".to_string(),
        };
        let variant = o
            .variant
            .as_ref()
            .map(|v| format!(" (variante\u{a0}: {v})"))
            .unwrap_or_default();
        let price = o
            .price_cents
            .map(money_ht)
            .unwrap_or_else(|| "sans prix".into());
        let total = match o.total_hundredths {
            Some(t) => format!(" — {} points", decimal(t)),
            None => String::new(),
        };
        lines.push(format!(
            "{place} Offre n°{NBSP}{} — {}{variant} — {price}{total}",
            o.id, o.bidder
        ));
        if let Some(why) = &o.excluded {
            lines.push(format!("   Écartée du classement\u{a0}: {why}"));
        }
        for a in &o.alerts {
            lines.push(format!("   ! {}", a.message));
        }
    }
    lines
}
