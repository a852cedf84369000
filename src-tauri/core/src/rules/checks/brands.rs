//! A brand, a model or a trade name in a text the buyer writes designates a
//! product: R2111-7 allows it only when the need cannot be described
//! otherwise, followed by « ou équivalent ». That remedy is never itself a
//! brand marker.

use super::texts::buyer_texts;
use super::words::{equivalent_after, find, match_at, normalise, sentences, Sentence};
use super::Ctx;
use crate::rules::Severity::*;

/// Common trade names, one a line (templates/rules/trade-names.txt).
const TRADE_NAMES: &str = include_str!("../../../../../templates/rules/trade-names.txt");

/// Words that point at a product whatever comes after them.
const MARKERS: &[&str] = &[
    "®",
    "™",
    "de marque",
    "reference* fabricant*",
    "reference* du fabricant",
    "ou similaire*",
];
/// Words that point at a product when a name follows: « marque Dell »,
/// « modèle T-800 », not « selon le modèle joint ».
const BEFORE_A_NAME: &str = "marque|marques|modele|modeles";

pub fn check(cx: &mut Ctx) {
    let names = trade_names();
    for (field, text) in buyer_texts(cx.d) {
        let found: Vec<(&str, bool)> = sentences(text)
            .iter()
            .flat_map(|s| product_words(s, &names))
            .collect();
        if let Some((words, _)) = found.iter().find(|(_, remedied)| !remedied) {
            cx.push(Warning, "text.brand", &field, "R2111-7",
                format!("« {words} » désigne un produit plutôt qu'un besoin : décrivez le résultat attendu. Une marque, un modèle ou une référence ne peut être cité qu'à titre exceptionnel, si le besoin ne peut pas être décrit autrement, et suivi de « ou équivalent » dans la même phrase."));
        } else if let Some((words, _)) = found.first() {
            cx.push(Advice, "text.brand_equivalent", &field, "R2111-7",
                format!("« {words} » est bien suivi de « ou équivalent » : gardez cette mention seulement si le besoin ne peut pas être décrit sans elle, et jugez les offres équivalentes comme les autres."));
        }
    }
}

/// Each trade name as normalised words, in the pattern syntax of `words`.
fn trade_names() -> Vec<String> {
    TRADE_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|name| {
            normalise(name)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The words of `sentence` that point at a product, as typed, each with
/// whether « ou équivalent » follows it.
fn product_words<'a>(sentence: &Sentence<'a>, names: &[String]) -> Vec<(&'a str, bool)> {
    let s = &sentence.words;
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < s.len() {
        let named = match_at(s, at, BEFORE_A_NAME).and_then(|n| {
            let next = s.get(at + n)?;
            next.raw
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                .then_some(n + 1)
        });
        let len = named.or_else(|| {
            find(s, at, MARKERS)
                .filter(|(i, _)| *i == at)
                .or_else(|| find(s, at, &names).filter(|(i, _)| *i == at))
                .map(|(_, n)| n)
        });
        // A sign after a name belongs to it: « Rational® » is one mention.
        let len = len.map(|n| match s.get(at + n) {
            Some(w) if matches!(w.raw, "®" | "™") && n > 0 && !matches!(s[at].raw, "®" | "™") => {
                n + 1
            }
            _ => n,
        });
        match len {
            Some(n) => {
                // A sign stands after the name it marks: quote that name too.
                let from = if matches!(s[at].raw, "®" | "™") && at > 0 {
                    at - 1
                } else {
                    at
                };
                out.push((sentence.quote(from, at + n), equivalent_after(s, at + n)));
                at += n;
            }
            None => at += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, bool)> {
        let names = trade_names();
        sentences(text)
            .iter()
            .flat_map(|s| product_words(s, &names))
            .collect()
    }

    #[test]
    fn markers_and_trade_names_in_any_case() {
        for (text, words) in [
            ("Four Rational® série 5", "Rational®"),
            ("Un produit de marque reconnue", "de marque"),
            ("Aspirateur de la Marque Nilfisk", "Marque Nilfisk"),
            ("ordinateur modèle XPS 13", "modèle XPS"),
            ("Indiquer la référence fabricant", "référence fabricant"),
            ("Un nettoyeur KARCHER", "KARCHER"),
            ("Nettoyeur kärcher", "kärcher"),
            ("Tondeuse john deere", "john deere"),
            ("Postes Dell Latitude", "Dell"),
            ("Imprimante hp laser", "hp"),
            ("Plaques de Placo BA13", "Placo"),
            ("Fenêtres de toit ou similaires", "ou similaires"),
            ("Isolant Saint-Gobain", "Saint-Gobain"),
        ] {
            assert_eq!(found(text), vec![(words, false)], "{text}");
        }
    }

    #[test]
    fn ou_equivalent_in_the_same_sentence_is_the_remedy() {
        assert_eq!(
            found("Postes Dell Latitude ou équivalent"),
            vec![("Dell", true)]
        );
        assert_eq!(found("Postes Dell. Ou équivalent"), vec![("Dell", false)]);
        // « ou équivalent » alone names no product.
        assert_eq!(found("Un logiciel de messagerie ou équivalent"), vec![]);
    }

    #[test]
    fn ordinary_words_are_no_brand() {
        for text in [
            "Une remarque utile",
            "Selon le modèle joint au dossier",
            "Produit de marquage routier",
            "Nettoyeur haute pression HPA",
            "Le titulaire indique la marque et le modèle proposés",
            "Entretien des espaces verts de la commune",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
