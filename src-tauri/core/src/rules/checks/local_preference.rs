//! Local preference: a firm (or its products) favoured for where it is,
//! in any text the buyer writes. Equal treatment (L3) forbids it; proximity
//! may only be judged through a result tied to the purchase.
//!
//! A place alone is no finding (« les voies de la commune », « réseau
//! local », « Mission locale »): the place must qualify a firm or its products.

use super::texts::buyer_texts;
use super::words::{find, match_at, sentences, Sentence};
use super::Ctx;
use crate::rules::Severity::*;

/// Who or what a place must not favour.
const HEADS: &[&str] = &[
    "entreprise*|societe*|prestataire*|fournisseur*|candidat*|soumissionnaire*|titulaire*|artisan*|operateur*|entrepreneur*|commercant*|producteur*|siege|sieges|pme|tpe|produit*|denree*|materiau*",
];

/// Wordings that favour a place on their own.
const ALWAYS: &[&str] = &[
    "preference* locale*",
    "achat* local|locaux",
    "origine geographique",
];

/// A place right after the head: « entreprises du département ».
const NEXT_TO_HEAD: &[&str] = &[
    "de proximite",
    "du departement|canton|territoire|bassin",
    "de la commune|region|communaute|ville|metropole",
    "de l agglomeration|intercommunalite",
];

/// A place a few words after the head: « siège social situé dans le
/// canton », « produits fabriqués localement ».
const NEAR_HEAD: &[&str] = &[
    "implante|implantee|implantes|implantees|situe|situee|situes|situees|etabli|etablie|etablis|etablies a|au|aux|dans|en|pres|sur|localement",
    "issu|issue|issus|issues de la region|commune",
    "issu|issue|issus|issues du departement|canton|territoire",
    "localement",
    "originaire*",
];
/// « local » as an adjective: « artisans du bâtiment locaux », not « les locaux ».
const LOCAL: &str = "local|locale|locaux|locales";
const DETERMINERS: &str = "le|la|les|l|un|une|des|du|de|d|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos|dans|en|sur";
/// How many words may come between the head and the place.
const NEAR: usize = 2;

/// A distance anywhere in a sentence about a firm: « dépôt à moins de 30 km ».
const DISTANCE: &[&str] = &["a moins de # km|kilometre*", "dans un rayon de"];

pub fn check(cx: &mut Ctx) {
    for (field, text) in buyer_texts(cx.d) {
        if let Some(words) = found(text) {
            cx.push(Blocking, "text.local_preference", &field, "L3",
                format!("« {words} » favorise des entreprises ou des produits selon leur implantation : la préférence locale est interdite (égalité de traitement). Retirez cette exigence ; si la proximité compte, jugez un résultat lié à l'objet : délai d'intervention, émissions du transport, fraîcheur des produits."));
        }
    }
}

/// The words of `text` that favour a place, as typed, if it has some.
pub fn found(text: &str) -> Option<&str> {
    sentences(text).iter().find_map(local_preference)
}

/// The words that favour a place, as typed, if the sentence has some.
fn local_preference<'a>(sentence: &Sentence<'a>) -> Option<&'a str> {
    let s = &sentence.words;
    if let Some((at, len)) = find(s, 0, ALWAYS) {
        return Some(sentence.quote(at, at + len));
    }
    let mut from = 0;
    while let Some((head, len)) = find(s, from, HEADS) {
        let after = head + len;
        let local_adjective =
            |i: usize| match_at(s, i, LOCAL).is_some() && match_at(s, i - 1, DETERMINERS).is_none();
        let place = NEXT_TO_HEAD
            .iter()
            .find_map(|p| match_at(s, after, p).map(|n| after + n))
            .or_else(|| {
                (after..=after + NEAR).find_map(|i| {
                    if local_adjective(i) {
                        return Some(i + 1);
                    }
                    NEAR_HEAD
                        .iter()
                        .find_map(|p| match_at(s, i, p).map(|n| i + n))
                })
            })
            .or_else(|| find(s, 0, DISTANCE).map(|(at, n)| at + n));
        if let Some(end) = place {
            return Some(sentence.quote(head, end));
        }
        from = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_inflection_and_case_is_found() {
        for (text, words) in [
            (
                "Entreprises IMPLANTÉES dans le département",
                "Entreprises IMPLANTÉES dans",
            ),
            (
                "le prestataire implantee sur la commune",
                "prestataire implantee sur",
            ),
            ("Artisans du bâtiment locaux", "Artisans du bâtiment locaux"),
            ("Produits LOCAUX", "Produits LOCAUX"),
            ("une entreprise locale", "entreprise locale"),
            ("Fournisseur situé à moins de 30 km", "Fournisseur situé à"),
            (
                "Le titulaire dispose d'un dépôt à moins de 20 kilomètres.",
                "titulaire dispose d'un dépôt à moins de 20 kilomètres",
            ),
            ("Entreprise de proximité", "Entreprise de proximité"),
            (
                "Les entreprises du département sont invitées",
                "entreprises du département",
            ),
            ("Prestataire de la commune", "Prestataire de la commune"),
            (
                "Siège social situé dans le canton",
                "Siège social situé dans",
            ),
            ("Préférence locale pour les offres", "Préférence locale"),
            ("Denrées issues de la région", "Denrées issues de la région"),
            (
                "Produits fabriqués localement",
                "Produits fabriqués localement",
            ),
        ] {
            assert_eq!(found(text), Some(words), "{text}");
        }
    }

    #[test]
    fn a_place_that_qualifies_no_firm_is_not_preference() {
        for text in [
            "Déneigement des voies de la commune",
            "Le titulaire informe le secrétariat de la commune.",
            "Les jeux sont implantés sur un sol souple.",
            "Raccordement au réseau local de la mairie",
            "En lien avec la Mission locale",
            "Kbis indiquant le siège social",
            "Le titulaire nettoie les locaux de la mairie.",
            "Le titulaire range le matériel dans le local technique.",
            "Le titulaire fournit les jeux implantés sur le site.",
            "Produits issus de l'agriculture biologique",
            "Délai d'intervention de 2 heures après l'appel",
            "La salle est située à moins de 2 km du bourg.",
            "Le titulaire livre les repas. La salle est à moins de 2 km.",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
