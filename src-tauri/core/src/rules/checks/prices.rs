//! The price schedule bidders fill in: one per lot, priced the way the
//! price form says, every line something a firm can price and the buyer
//! can total, every PSE priced, and the price criterion scored on that total.

use std::collections::BTreeMap;

use super::words::mentions;
use super::Ctx;
use crate::french::decimal;
use crate::model::{CriterionKind, LinePricing, PriceForm, PriceSchedule};
use crate::prices::{line_number, pieces};
use crate::rules::Severity::*;

/// The French VAT rates in basis points: exempt or out of scope, special,
/// reduced, intermediate and standard (CGI art. 278 to 281 nonies).
const VAT_RATES: [u32; 5] = [0, 210, 550, 1000, 2000];

/// How a method says it scores the DQE total…
const ON_DQE: &[&str] = &["dqe", "detail* quantitatif*", "quantitatif* estimatif*"];
/// …or the lump sum.
const ON_LUMP_SUM: &[&str] = &["dpgf", "forfait*", "prix global*"];

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    coverage(cx);
    for (i, s) in d.prices.schedules.iter().enumerate() {
        form(cx, i, s);
        content(cx, i, s);
    }
    pse(cx);
    ids(cx);
    method(cx);
    vat(cx);
}

/// « du lot 2 », or nothing for a contract without lots.
fn of_lot(s: &PriceSchedule) -> String {
    s.lot.map_or(String::new(), |n| format!(" du lot {n}"))
}

/// « la ligne 2.3 (« Couche de roulement… ») du lot 1 », as a bidder numbers it.
fn line_place(s: &PriceSchedule, chapter: usize, line: usize) -> String {
    let designation = s.chapters[chapter].lines[line].designation.trim();
    let quoted = if designation.is_empty() {
        String::new()
    } else {
        format!(" (« {designation} »)")
    };
    format!(
        "la ligne {}{quoted}{}",
        line_number(chapter + 1, line + 1),
        of_lot(s)
    )
}

/// R2112-6, L2113-10: bidders price each contract, that is each lot, on
/// its own schedule.
fn coverage(cx: &mut Ctx) {
    let d = cx.d;
    let schedules = &d.prices.schedules;
    let lots = &d.purchase.lots;
    if schedules.is_empty() {
        // An empty dossier has everything to write; the schedule is asked for once there is a purchase to price.
        if !d.purchase.object.trim().is_empty() {
            cx.push(Blocking, "prices.missing", "prices.schedules", "R2112-6",
                "Le dossier n'a pas encore de bordereau des prix : ajoutez les lignes que les entreprises chiffreront (prix unitaires et quantités estimées, ou décomposition du prix global et forfaitaire). Sans lui, elles ne peuvent pas remettre de prix.");
        }
        return;
    }
    for lot in lots {
        if !schedules.iter().any(|s| s.lot == Some(lot.number)) {
            cx.push(Blocking, "prices.lot_missing", "prices.schedules", "L2113-10",
                format!("Le lot {} (« {} ») n'a pas de bordereau des prix : chaque lot est un marché que les entreprises chiffrent à part. Ajoutez son bordereau.", lot.number, lot.title.trim()));
        }
    }
    for (i, s) in schedules.iter().enumerate() {
        let field = format!("prices.schedules[{i}].lot");
        let known = match s.lot {
            Some(n) => lots.iter().any(|l| l.number == n),
            None => lots.is_empty(),
        };
        if !known {
            let message = match s.lot {
                Some(n) if lots.is_empty() => format!("Un bordereau des prix est rattaché au lot {n}, alors que le marché n'est pas divisé en lots : rattachez-le au marché entier."),
                Some(n) => format!("Un bordereau des prix est rattaché au lot {n}, qui n'existe pas : rattachez-le à un lot du dossier ou supprimez-le."),
                None => "Un bordereau des prix n'est rattaché à aucun lot, alors que le marché est divisé en lots : rattachez-le au lot qu'il chiffre.".into(),
            };
            cx.push(Blocking, "prices.unknown_lot", &field, "L2113-10", message);
        } else if schedules[..i].iter().any(|o| o.lot == s.lot) {
            let what = s
                .lot
                .map_or("Le marché".to_string(), |n| format!("Le lot {n}"));
            cx.push(Blocking, "prices.duplicate_lot", &field, "L2113-10",
                format!("{what} a deux bordereaux des prix : les entreprises ne sauraient lequel remplir. Réunissez leurs lignes dans un seul bordereau et supprimez l'autre."));
        }
    }
}

/// R2112-6: the schedule prices the way the price form announces.
fn form(cx: &mut Ctx, i: usize, s: &PriceSchedule) {
    let price_form = cx.d.execution.price_form;
    let wrong = match price_form {
        PriceForm::Unit => Some((
            LinePricing::LumpSum,
            "prix unitaires",
            "au forfait",
            "passez-le en prix unitaires",
        )),
        PriceForm::LumpSum => Some((
            LinePricing::Unit,
            "prix global et forfaitaire",
            "à prix unitaires",
            "intégrez ses lignes à la décomposition du prix global et forfaitaire",
        )),
        PriceForm::Mixed => None,
    };
    if let Some((wrong, form_name, priced, remedy)) = wrong {
        for (j, c) in s.chapters.iter().enumerate() {
            if c.pricing == wrong {
                cx.push(Blocking, "prices.form_mismatch", &format!("prices.schedules[{i}].chapters[{j}].pricing"), "R2112-6",
                    format!("La forme du prix est « {form_name} », mais le chapitre « {} »{} est chiffré {priced} : {remedy}, ou choisissez des prix mixtes dans les conditions d'exécution.", c.title.trim(), of_lot(s)));
            }
        }
        return;
    }
    let p = pieces(s);
    let missing = match (p.unit_prices, p.lump_sum) {
        (true, false) => "forfaitaire",
        (false, true) => "à prix unitaires",
        _ => return,
    };
    cx.push(Warning, "prices.form_mixed_one_kind", &format!("prices.schedules[{i}].chapters"), "R2112-6",
        format!("Les prix sont mixtes, mais le bordereau{} n'a pas de partie {missing} : ajoutez-la, ou choisissez dans les conditions d'exécution la forme du prix qui correspond au bordereau.", of_lot(s)));
}

/// What bidders need to price every line, and the buyer to total them.
fn content(cx: &mut Ctx, i: usize, s: &PriceSchedule) {
    if s.chapters.is_empty() {
        cx.push(Blocking, "prices.schedule_empty", &format!("prices.schedules[{i}].chapters"), "R2112-6",
            format!("Le bordereau des prix{} n'a aucune ligne : ajoutez les prestations que les entreprises doivent chiffrer.", of_lot(s)));
    }
    for (j, c) in s.chapters.iter().enumerate() {
        let chapter = format!("prices.schedules[{i}].chapters[{j}]");
        if c.lines.is_empty() {
            cx.push(Blocking, "prices.chapter_empty", &format!("{chapter}.lines"), "R2112-6",
                format!("Le chapitre « {} »{} n'a aucune ligne : ajoutez les prestations à chiffrer ou supprimez-le.", c.title.trim(), of_lot(s)));
        }
        for (k, l) in c.lines.iter().enumerate() {
            let line = format!("{chapter}.lines[{k}]");
            let place = line_place(s, j, k);
            if l.designation.trim().is_empty() {
                cx.push(
                    Blocking,
                    "prices.line_designation",
                    &format!("{line}.designation"),
                    "R2112-6",
                    format!(
                        "Dites ce que l'entreprise chiffre sur {place} : sa désignation est vide."
                    ),
                );
            }
            let quantity = format!("{line}.quantity_thousandths");
            match l.quantity_thousandths {
                None if c.pricing == LinePricing::Unit => {
                    cx.push(Blocking, "prices.quantity_missing", &quantity, "R2152-7",
                        format!("Indiquez la quantité estimée de {place} : elle est à prix unitaire, et sans quantité le détail quantitatif estimatif (DQE) sur lequel les offres sont comparées ne peut pas être calculé."));
                }
                Some(q) if q <= 0 => {
                    cx.push(Blocking, "prices.quantity_not_positive", &quantity, "R2152-7",
                        format!("La quantité de {place} est nulle ou négative : indiquez la quantité prévue, ou supprimez la ligne."));
                }
                _ => {}
            }
        }
    }
}

/// R2151-8: a PSE is priced on its own chapter, and every chapter of a PSE
/// prices one the dossier describes.
fn pse(cx: &mut Ctx) {
    let d = cx.d;
    let schedules = &d.prices.schedules;
    for (i, s) in schedules.iter().enumerate() {
        for (j, c) in s.chapters.iter().enumerate() {
            let Some(n) = c.pse else { continue };
            if n == 0 || n as usize > d.pse.len() {
                cx.push(Blocking, "prices.pse_unknown", &format!("prices.schedules[{i}].chapters[{j}].pse"), "R2151-8",
                    format!("Le chapitre « {} »{} chiffre la prestation supplémentaire éventuelle n° {n}, qui n'existe pas dans le dossier : rattachez-le à une PSE décrite à l'étape « Variantes et PSE », ou à l'offre de base.", c.title.trim(), of_lot(s)));
            }
        }
    }
    if schedules.is_empty() {
        return;
    }
    for (k, p) in d.pse.iter().enumerate() {
        let n = k as u32 + 1;
        let priced = schedules
            .iter()
            .flat_map(|s| &s.chapters)
            .any(|c| c.pse == Some(n));
        if priced {
            continue;
        }
        // Offers are ranked on the base plus a compulsory PSE: without its lines no offer can be compared.
        let (severity, why) = if p.pricing_compulsory {
            (
                Blocking,
                "son chiffrage est obligatoire et les offres sont comparées en l'incluant",
            )
        } else {
            (Warning, "les entreprises ne peuvent pas en donner le prix")
        };
        cx.push(severity, "prices.pse_not_priced", "prices.schedules", "R2151-8",
            format!("Aucun chapitre du bordereau ne chiffre la prestation supplémentaire éventuelle n° {n} (« {} ») : {why}. Ajoutez un chapitre rattaché à cette PSE.", p.title.trim()));
    }
}

/// A filled schedule is read back line id by line id: two lines (or
/// chapters) with one id would mix the prices a bidder wrote against them.
fn ids(cx: &mut Ctx) {
    let d = cx.d;
    let schedules = &d.prices.schedules;
    let mut seen: BTreeMap<&str, String> = BTreeMap::new();
    for (i, s) in schedules.iter().enumerate() {
        for (j, c) in s.chapters.iter().enumerate() {
            let chapter = (
                c.id.as_str(),
                format!("prices.schedules[{i}].chapters[{j}]"),
                format!("le chapitre « {} »{}", c.title.trim(), of_lot(s)),
            );
            let lines = c.lines.iter().enumerate().map(|(k, l)| {
                (
                    l.id.as_str(),
                    format!("prices.schedules[{i}].chapters[{j}].lines[{k}]"),
                    line_place(s, j, k),
                )
            });
            for (id, field, place) in std::iter::once(chapter).chain(lines) {
                match seen.get(id) {
                    Some(first) => {
                        cx.push(Blocking, "prices.duplicate_id", &field, "R2112-6",
                            format!("Deux éléments du bordereau portent le même identifiant interne « {id} », {first} et {place} : un bordereau rempli ne pourrait pas être relu sans mélanger leurs prix. Supprimez le second et recréez-le, il recevra un nouvel identifiant."));
                    }
                    None => {
                        seen.insert(id, place);
                    }
                }
            }
        }
    }
}

/// R2152-11: the price (or cost) criterion says which total it scores, the
/// one the schedule produces: the DQE for unit prices, the lump sum for a DPGF.
fn method(cx: &mut Ctx) {
    let d = cx.d;
    let schedules = &d.prices.schedules;
    let unit = schedules.iter().any(|s| pieces(s).unit_prices);
    let lump_sum = schedules.iter().any(|s| pieces(s).lump_sum);
    for (i, c) in d.criteria.iter().enumerate() {
        if !matches!(c.kind, CriterionKind::Price | CriterionKind::LifeCycleCost)
            || c.method.trim().is_empty()
        {
            continue;
        }
        let mut totals = Vec::new();
        if unit && !mentions(&c.method, ON_DQE) {
            totals.push("le montant du détail quantitatif estimatif (DQE), prix du bordereau appliqués aux quantités estimées");
        }
        if lump_sum && !mentions(&c.method, ON_LUMP_SUM) {
            totals.push("le prix global et forfaitaire, total de sa décomposition (DPGF)");
        }
        if !totals.is_empty() {
            cx.push(Warning, "prices.criterion_basis", &format!("criteria[{i}].method"), "R2152-11",
                format!("La méthode du critère « {} » ne dit pas sur quel montant il est noté : précisez qu'elle porte sur {}.", c.title.trim(), totals.join(", augmenté de ")));
        }
    }
}

fn vat(cx: &mut Ctx) {
    let rate = cx.d.prices.vat_rate_basis_points;
    if !VAT_RATES.contains(&rate) {
        cx.push(Warning, "prices.vat_rate", "prices.vat_rate_basis_points", "CGI art. 278 à 281 nonies",
            format!("Le taux de TVA du bordereau est de {} % : les taux français sont 20 %, 10 %, 5,5 %, 2,1 % et 0 % pour une prestation exonérée. Corrigez-le.", decimal(i64::from(rate))));
    }
}
