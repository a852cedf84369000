//! A standard cited in a specification (« NF EN 1176 », « ISO 14001 »)
//! must be followed by « ou équivalent » (R2111-8): a firm may prove the
//! same performance another way.

use super::texts::buyer_texts;
use super::words::{equivalent_after, sentences, Sentence};
use super::Ctx;
use crate::rules::Severity::*;

pub fn check(cx: &mut Ctx) {
    for (field, text) in buyer_texts(cx.d) {
        let bare = sentences(text).iter().find_map(|s| {
            standard(s)
                .filter(|&(_, end)| !equivalent_after(&s.words, end))
                .map(|(from, end)| s.quote(from, end))
        });
        if let Some(words) = bare {
            cx.push(Warning, "text.standard", &field, "R2111-8",
                format!("La norme « {words} » est citée sans « ou équivalent » : ajoutez cette mention dans la même phrase, pour accepter une preuve de performance équivalente."));
        }
    }
}

/// Where the first standard of the sentence starts and ends (in words).
fn standard(sentence: &Sentence) -> Option<(usize, usize)> {
    let s = &sentence.words;
    // Uppercase only: « en 2026 » and « nf » in running text are no standard.
    let prefix = |raw: &str| matches!(raw, "NF" | "EN") || raw.eq_ignore_ascii_case("iso");
    let series = |raw: &str| raw.len() <= 3 && raw.chars().all(|c| c.is_ascii_uppercase());
    (0..s.len()).filter(|&i| prefix(s[i].raw)).find_map(|from| {
        let mut i = from + 1;
        while s.get(i).is_some_and(|w| series(w.raw)) {
            i += 1;
        }
        let number = |i: &usize| {
            s.get(*i)
                .is_some_and(|w| w.raw.contains(|c: char| c.is_ascii_digit()))
        };
        // « 1176-1 », « 14001:2015 »: the number runs over its parts.
        let end = (i..=s.len()).find(|j| !number(j))?;
        (end > i).then_some((from, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(&str, bool)> {
        sentences(text).iter().find_map(|s| {
            standard(s).map(|(from, end)| (s.quote(from, end), equivalent_after(&s.words, end)))
        })
    }

    #[test]
    fn standards_are_found_with_their_remedy() {
        assert_eq!(
            found("Jeux conformes à la norme NF EN 1176-1"),
            Some(("NF EN 1176-1", false))
        );
        assert_eq!(
            found("Certification iso 14001 ou équivalente"),
            Some(("iso 14001", true))
        );
        assert_eq!(
            found("Installation selon la NF C 15-100."),
            Some(("NF C 15-100", false))
        );
        assert_eq!(found("Démarche NF X50-151"), Some(("NF X50-151", false)));
    }

    #[test]
    fn ordinary_words_are_no_standard() {
        assert_eq!(found("Livraison en 2026, en 3 exemplaires"), None);
        assert_eq!(
            found("Produits porteurs de l'écolabel NF Environnement"),
            None
        );
    }
}
