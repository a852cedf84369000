//! School catering (loi Egalim): the shares of sustainable and quality
//! products, of organic products, of quality meat and fish, and the weekly
//! vegetarian menu, read from what binds the holder: the environmental
//! execution conditions and the imperative (F0) needs. A share written in
//! a flexible need is scored, not imposed, so it does not count.

use super::words::{find, match_at, sentences, Word};
use super::Ctx;
use crate::model::{Dossier, Flexibility};
use crate::rules::Severity::{self, *};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Share {
    SustainableQuality,
    Organic,
    MeatFish,
}

/// What a percentage is about, from the first of these words near it.
const KINDS: &[(&str, Share)] = &[
    ("viande*|poisson*", Share::MeatFish),
    ("bio|biologique*|ab", Share::Organic),
    ("durable*|qualite*|siqo|label*", Share::SustainableQuality),
];

const FIELD: &str = "clauses.environmental_conditions";

pub fn check(cx: &mut Ctx) {
    let d = cx.d;
    if !is_school_catering(d) || !cx.data.applies("egalim_school_catering", cx.date) {
        return;
    }
    let texts = binding_texts(d);
    let meat_fish = cx.data.applies("egalim_meat_fish", cx.date);
    let best = |kind: Share| {
        texts
            .iter()
            .flat_map(|t| shares(t))
            .filter(|(k, _)| *k == kind)
            .map(|(_, percent)| percent)
            .max()
    };
    let mut share = |kind: Share, min: u32, severity: Severity, code: &str, what: &str| {
        let message = match best(kind) {
            Some(p) if p >= min => return,
            Some(p) => format!("Restauration scolaire : la part de {what} imposée au titulaire est de {p} % ; la loi Egalim exige au moins {min} % en valeur. Relevez-la dans les conditions d'exécution."),
            None => format!("Restauration scolaire : imposez au titulaire au moins {min} % en valeur de {what} (loi Egalim), dans une condition d'exécution environnementale ou un besoin impératif (F0)."),
        };
        cx.push(severity, code, FIELD, "L230-5-1 du code rural", message);
    };
    share(
        Share::SustainableQuality,
        50,
        Blocking,
        "clauses.egalim_sustainable",
        "produits durables et de qualité",
    );
    share(
        Share::Organic,
        20,
        Blocking,
        "clauses.egalim_organic",
        "produits biologiques",
    );
    if meat_fish {
        share(
            Share::MeatFish,
            60,
            Warning,
            "clauses.egalim_meat_fish",
            "viandes et poissons durables et de qualité",
        );
    }
    let vegetarian = texts.iter().any(|t| {
        sentences(t).iter().any(|s| {
            find(&s.words, 0, &["vegetarien*"]).is_some()
                && find(&s.words, 0, &["semaine*|hebdomadaire*"]).is_some()
        })
    });
    if !vegetarian {
        cx.push(Blocking, "clauses.egalim_vegetarian", FIELD, "L230-5-6 du code rural",
            "Restauration scolaire : imposez au titulaire de proposer au moins un menu végétarien par semaine.");
    }
}

/// School catering is known by its CPV code (55524000-9 and below), not by
/// words such as « repas », which home meal delivery uses too.
fn is_school_catering(d: &Dossier) -> bool {
    d.purchase.cpv.trim().starts_with("55524")
}

fn binding_texts(d: &Dossier) -> Vec<String> {
    let conditions = d
        .clauses
        .environmental_conditions
        .iter()
        .map(|c| format!("{}. {}", c.title, c.text));
    // A need is one sentence: « Part des produits durables : au moins 50 % ».
    let needs = d
        .needs
        .iter()
        .filter(|n| n.flexibility == Flexibility::F0)
        .map(|n| format!("{} {} {}", n.function, n.appraisal_criterion, n.level));
    conditions.chain(needs).collect()
}

/// Every percentage of `text` with what it is a share of: the words after
/// it (« 50 % de produits durables »), else the idiom « 50 %, dont 20 % bio »
/// (the total, then the organic part), else the words before it
/// (« produits biologiques : 20 % »).
fn shares(text: &str) -> Vec<(Share, u32)> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let s = &sentence.words;
        let percents: Vec<(usize, u32)> = (1..s.len())
            .filter(|&i| s[i].raw == "%")
            .filter_map(|i| s[i - 1].raw.parse().ok().map(|p| (i, p)))
            .collect();
        let kinds: Vec<Option<Share>> = percents
            .iter()
            .enumerate()
            .map(|(k, &(at, _))| {
                let end = percents.get(k + 1).map_or(s.len(), |&(next, _)| next - 1);
                first_kind(&s[at + 1..end])
            })
            .collect();
        for (k, &(at, percent)) in percents.iter().enumerate() {
            let start = if k == 0 { 0 } else { percents[k - 1].0 + 1 };
            let dont = match_at(s, at + 1, "dont").is_some()
                && kinds.get(k + 1) == Some(&Some(Share::Organic));
            let kind = kinds[k]
                .or(dont.then_some(Share::SustainableQuality))
                .or_else(|| last_kind(&s[start..at - 1]));
            if let Some(kind) = kind {
                out.push((kind, percent));
            }
        }
    }
    out
}

fn kind_at(words: &[Word], i: usize) -> Option<Share> {
    KINDS
        .iter()
        .find(|(p, _)| match_at(words, i, p).is_some())
        .map(|&(_, k)| k)
}

fn first_kind(words: &[Word]) -> Option<Share> {
    (0..words.len()).find_map(|i| kind_at(words, i))
}

fn last_kind(words: &[Word]) -> Option<Share> {
    (0..words.len()).rev().find_map(|i| kind_at(words, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Share::*;

    #[test]
    fn each_percentage_gets_what_it_is_a_share_of() {
        assert_eq!(
            shares("Le titulaire sert au moins 50 % en valeur de produits durables et de qualité, dont au moins 20 % de produits issus de l'agriculture biologique, et au moins 60 % de viandes et poissons de qualité."),
            vec![(SustainableQuality, 50), (Organic, 20), (MeatFish, 60)]
        );
        assert_eq!(
            shares("Part des produits durables et de qualité (dont biologiques) Au moins 50 %, dont 20 % de produits biologiques"),
            vec![(SustainableQuality, 50), (Organic, 20)]
        );
        assert_eq!(shares("Produits BIO : 25 %"), vec![(Organic, 25)]);
        assert_eq!(shares("Livraison de 100 % des repas avant 10 h"), vec![]);
    }
}
