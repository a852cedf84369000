//! The price schedule as a document to read and print: per lot (or for the
//! whole contract), the BPU and DQE of the unit-priced chapters and the DPGF
//! of the lump-sum ones, the PSE apart. Bidders fill the spreadsheet; this
//! piece shows the same lines.

use super::document::{Block, Document, Meta};
use super::template::{self, Template};
use super::{labels, markdown, procedure_used, ComposeError, Piece, MISSING};
use crate::french;
use crate::model::{Dossier, LinePricing, PriceSchedule};
use crate::prices::{self, chapters_priced, line_number};
use minijinja::value::{Serde, Value};
use serde::Serialize;

/// What the template reads, every number already in French.
#[derive(Serialize)]
struct PricesView {
    /// « 5,5 % ».
    vat_rate: String,
    /// Whether headings per lot come first.
    allotted: bool,
    schedules: Vec<ScheduleView>,
}

#[derive(Serialize)]
struct ScheduleView {
    /// « Lot 2 — Menuiseries extérieures »; empty for a contract without lots.
    lot: String,
    /// Whether the buyer has written this schedule yet.
    written: bool,
    /// The BPU and DQE parts: the base offer, then each PSE.
    unit_prices: Vec<PartView>,
    /// The DPGF parts.
    lump_sum: Vec<PartView>,
}

/// The chapters of one pricing that price the base offer, or one PSE.
#[derive(Serialize)]
struct PartView {
    /// « PSE n° 1 — Goûter de l'accueil périscolaire »; empty for the base offer.
    pse: String,
    /// « PSE n° 1 », in the totals rows.
    pse_short: String,
    chapters: Vec<ChapterView>,
}

#[derive(Serialize)]
struct ChapterView {
    number: usize,
    title: String,
    lines: Vec<LineView>,
}

#[derive(Serialize)]
struct LineView {
    /// « 2.3 ».
    number: String,
    designation: String,
    unit: &'static str,
    /// « 4 200 », « 12,5 », or the missing marker.
    quantity: String,
}

/// The title of the piece, from what the schedules hold.
fn title(dossier: &Dossier) -> &'static str {
    let kinds = dossier.prices.schedules.iter().map(prices::pieces);
    let (unit, lump) = kinds.fold((false, false), |(u, l), p| {
        (u || p.unit_prices, l || p.lump_sum)
    });
    match (unit, lump) {
        (true, true) => "Bordereau des prix unitaires, détail quantitatif estimatif et décomposition du prix global et forfaitaire",
        (false, true) => "Décomposition du prix global et forfaitaire",
        _ => "Bordereau des prix unitaires — Détail quantitatif estimatif",
    }
}

/// The price schedule of every lot of `dossier` (or of the contract
/// without lots), or of lot `only_lot` alone.
pub fn prices_document(dossier: &Dossier, only_lot: Option<u32>) -> Result<Document, ComposeError> {
    let view = view(dossier, only_lot);
    let markdown = template::render(
        Template::Prices,
        dossier,
        minijinja::context! { p => Value::from(Serde(&view)) },
    )?;
    let mut blocks = markdown::to_blocks(&markdown);
    widen_price_columns(&mut blocks);
    let kicker = title(dossier);
    let mut cover = labels::cover(dossier, kicker, procedure_used(dossier));
    let lots: Vec<String> = view
        .schedules
        .iter()
        .map(|s| french::typography(&s.lot))
        .collect();
    if view.allotted {
        let label = if lots.len() == 1 { "Lot" } else { "Lots" };
        cover.facts.insert(1, (label.into(), lots.join(" ; ")));
    }
    cover
        .facts
        .push(("Taux de TVA".into(), view.vat_rate.clone()));
    Ok(Document {
        meta: Meta {
            title: dossier.purchase.object.clone(),
            subject: Piece::Prices.title().into(),
            author: dossier.buyer.name.clone(),
            language: "fr-FR".into(),
            identifier: String::new(),
        },
        cover,
        running_header: labels::running_header(dossier),
        blocks,
    })
}

fn view(dossier: &Dossier, only_lot: Option<u32>) -> PricesView {
    let lots = &dossier.purchase.lots;
    let schedules = if lots.is_empty() {
        vec![schedule_view(
            dossier,
            String::new(),
            prices::schedule_for(dossier, None),
        )]
    } else {
        lots.iter()
            .filter(|l| only_lot.is_none_or(|n| n == l.number))
            .map(|l| {
                let name = if l.title.trim().is_empty() {
                    format!("Lot {}", l.number)
                } else {
                    format!("Lot {} — {}", l.number, l.title.trim())
                };
                schedule_view(dossier, name, prices::schedule_for(dossier, Some(l.number)))
            })
            .collect()
    };
    PricesView {
        vat_rate: format!(
            "{}{}%",
            french::decimal(i64::from(dossier.prices.vat_rate_basis_points)),
            french::NNBSP
        ),
        allotted: !lots.is_empty(),
        schedules,
    }
}

fn schedule_view(dossier: &Dossier, lot: String, schedule: Option<&PriceSchedule>) -> ScheduleView {
    let of = |pricing| {
        schedule
            .map(|s| parts(dossier, s, pricing))
            .unwrap_or_default()
    };
    ScheduleView {
        lot,
        written: schedule.is_some_and(|s| !s.chapters.is_empty()),
        unit_prices: of(LinePricing::Unit),
        lump_sum: of(LinePricing::LumpSum),
    }
}

/// The chapters of `pricing`, the base offer first, then each PSE in its order.
fn parts(dossier: &Dossier, schedule: &PriceSchedule, pricing: LinePricing) -> Vec<PartView> {
    let mut pses: Vec<Option<u32>> = chapters_priced(schedule, pricing)
        .map(|(_, c)| c.pse)
        .collect();
    pses.sort();
    pses.dedup();
    pses.into_iter()
        .map(|pse| PartView {
            pse: pse.map(|n| pse_title(dossier, n)).unwrap_or_default(),
            pse_short: pse.map(pse_short).unwrap_or_default(),
            chapters: chapters_priced(schedule, pricing)
                .filter(|(_, c)| c.pse == pse)
                .map(|(number, c)| ChapterView {
                    number,
                    title: c.title.clone(),
                    lines: c
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(i, l)| LineView {
                            number: line_number(number, i + 1),
                            designation: l.designation.clone(),
                            unit: l.unit.symbol(),
                            quantity: l
                                .quantity_thousandths
                                .map(french::quantity)
                                .unwrap_or_else(|| MISSING.into()),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn pse_short(number: u32) -> String {
    format!("PSE n°{}{number}", french::NBSP)
}

/// « PSE n° 1 — Goûter de l'accueil périscolaire », titled as in the dossier's PSE.
fn pse_title(dossier: &Dossier, number: u32) -> String {
    let title = (number as usize)
        .checked_sub(1)
        .and_then(|i| dossier.pse.get(i))
        .map(|p| p.title.trim())
        .filter(|t| !t.is_empty());
    match title {
        Some(t) => format!("{} — {t}", pse_short(number)),
        None => pse_short(number),
    }
}

/// Relative column widths of the BPU (four columns) and of the DQE and
/// DPGF (six): the blank price and amount columns get room for an amount
/// written by hand, which their short headers alone would not give them.
const BPU_WIDTHS: [u16; 4] = [6, 64, 10, 20];
const PRICED_WIDTHS: [u16; 6] = [6, 38, 9, 13, 17, 17];

fn widen_price_columns(blocks: &mut [Block]) {
    for block in blocks {
        if let Block::Table(t) = block {
            match t.header.len() {
                4 => t.widths = BPU_WIDTHS.to_vec(),
                6 => t.widths = PRICED_WIDTHS.to_vec(),
                _ => {}
            }
        }
    }
}
