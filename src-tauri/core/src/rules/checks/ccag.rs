//! The CCAG the document refers to: its derogations, the statements a DCE
//! without one must make itself, and the CCAG's 1 000 € penalty exemption.

use super::words::{sentences, Word};
use super::Ctx;
use crate::compose::labels::ccag_short;
use crate::french::money_ht;
use crate::model::Ccag;
use crate::rules::Severity::*;

/// Penalties totalling at most this much (cents, HT) are not applied under
/// the CCAG 2021 unless the document departs from that rule.
const EXEMPTION_CENTS: i64 = 100_000;

pub fn check(cx: &mut Ctx) {
    let e = &cx.d.execution;
    let Some(ccag) = e.ccag else {
        cx.push(Warning, "execution.no_ccag", "execution.ccag", "R2112-2",
            "Aucun CCAG n'est choisi : le document doit alors fixer lui-même les conditions de réception, les pénalités et les cas de résiliation. Choisissez le CCAG adapté (fournitures courantes et services, travaux…) ou complétez ces clauses.");
        if !e.ccag_derogations.is_empty() {
            cx.push(Warning, "execution.derogations_without_ccag", "execution.ccag", "R2112-3",
                "Des dérogations sont listées mais aucun CCAG n'est choisi : choisissez le CCAG de référence ou retirez les dérogations.");
        }
        return;
    };
    if e.ccag_derogations
        .iter()
        .any(|g| g.ccag_article.trim().is_empty())
    {
        cx.push(Blocking, "execution.derogation_article", "execution.ccag_derogations", "R2112-3",
            "Chaque dérogation au CCAG doit citer l'article du CCAG auquel elle déroge : complétez la liste.");
    }
    if e.ccag_derogations.is_empty()
        && (!e.penalties.trim().is_empty() || e.retenue_garantie_percent > 0)
    {
        cx.push(Advice, "execution.derogations_empty", "execution.ccag_derogations", "R2112-3",
            "Vous fixez vos propres pénalités ou garanties : si elles diffèrent du CCAG, listez les articles du CCAG auxquels le document déroge (ils figurent au dernier article).");
    }
    if !small_penalties(&e.penalties) || exemption_waived(cx) {
        return;
    }
    if ccag == Ccag::Fcs {
        cx.push(Warning, "execution.penalty_exemption", "execution.ccag_derogations", "CCAG-FCS art. 14.1.3",
            format!("Sous le CCAG-FCS, le titulaire n'a pas à payer les pénalités tant que leur total ne dépasse pas {} pour tout le marché : vos petites pénalités ne s'appliquent donc qu'au-delà de ce total. Si vous voulez qu'elles s'appliquent dès le premier euro, ajoutez une dérogation à l'article 14.1.3.", money_ht(EXEMPTION_CENTS)));
    } else {
        cx.push(Advice, "execution.penalty_exemption", "execution.ccag_derogations", ccag_short(ccag),
            format!("Le {} exonère en principe le titulaire des pénalités dont le total ne dépasse pas {} : vérifiez l'article équivalent de ce CCAG et, si vos petites pénalités doivent s'appliquer, ajoutez la dérogation correspondante.", ccag_short(ccag), money_ht(EXEMPTION_CENTS)));
    }
}

/// Whether the penalties name an amount in euros the exemption would swallow.
fn small_penalties(text: &str) -> bool {
    sentences(text).iter().any(|s| {
        let w = &s.words;
        (1..w.len())
            .filter(|&i| matches!(w[i].norm.as_str(), "€" | "euro" | "euros"))
            .filter_map(|i| euros_before(&w[..i]))
            .any(|euros| euros * 100 <= EXEMPTION_CENTS)
    })
}

/// The amount written just before a « € »: « 50 », « 1 500 » (groups of three digits).
fn euros_before(words: &[Word]) -> Option<i64> {
    let digits = |w: &Word| !w.raw.is_empty() && w.raw.chars().all(|c| c.is_ascii_digit());
    let mut start = words.len().checked_sub(1).filter(|&i| digits(&words[i]))?;
    while start > 0 && words[start].raw.len() == 3 && digits(&words[start - 1]) {
        start -= 1;
    }
    words[start..]
        .iter()
        .map(|w| w.raw)
        .collect::<String>()
        .parse()
        .ok()
}

/// Whether a derogation departs from the exemption (article 14.1.3 of the
/// CCAG-FCS, or one that says it waives the 1 000 € threshold).
fn exemption_waived(cx: &Ctx) -> bool {
    cx.d.execution.ccag_derogations.iter().any(|g| {
        g.ccag_article.trim().starts_with("14.1.3")
            || super::contains_stem(&g.subject, &["1 000", "1000", "exonér", "exoner"])
    })
}
