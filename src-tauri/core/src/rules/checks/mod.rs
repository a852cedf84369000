//! The individual checks, one module per part of the dossier. Messages say
//! what to change, in plain French, with the article they come from.

mod criteria;
mod essentials;
mod execution;
mod need;
mod procedure;
mod sustainability;
mod variants;

use super::data::RulesData;
use super::finding::{Finding, Severity};
use crate::model::Dossier;
use chrono::NaiveDate;

/// What every check reads, and where it writes its findings.
pub struct Ctx<'a> {
    pub d: &'a Dossier,
    pub date: NaiveDate,
    pub data: &'a RulesData,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    pub fn push(
        &mut self,
        severity: Severity,
        code: &str,
        field: &str,
        reference: &str,
        message: impl Into<String>,
    ) {
        self.out.push(Finding {
            severity,
            code: code.into(),
            message: message.into(),
            reference: reference.into(),
            field: field.into(),
        });
    }

    /// Whether the purchase uses the « dispense » path (below the threshold of
    /// its nature on the date, and not put to competition by the buyer's choice).
    pub fn under_dispense(&self) -> bool {
        super::procedure::advise(self.d, self.date, self.data).used
            == Some(crate::model::ProcedureChoice::Dispense)
    }
}

pub fn all(d: &Dossier, date: NaiveDate, data: &RulesData) -> Vec<Finding> {
    let mut cx = Ctx {
        d,
        date,
        data,
        out: Vec::new(),
    };
    essentials::check(&mut cx);
    procedure::check(&mut cx);
    need::check(&mut cx);
    criteria::check(&mut cx);
    variants::check(&mut cx);
    execution::check(&mut cx);
    sustainability::check(&mut cx);
    cx.out
}

/// Whether `text` contains one of `stems` anywhere (case-insensitive):
/// « recycl » finds « recyclés » and « recyclage ».
pub fn contains_stem(text: &str, stems: &[&str]) -> bool {
    let lower = text.to_lowercase();
    stems.iter().any(|s| lower.contains(s))
}

/// The first of `words` that `text` contains as whole words (case-insensitive):
/// « marque » is found in « de marque » but not in « remarque », « local »
/// not in « localement ».
pub fn mentions(text: &str, words: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    words
        .iter()
        .find(|w| contains_whole(&lower, &w.to_lowercase()))
        .map(|w| w.to_string())
}

fn contains_whole(text: &str, word: &str) -> bool {
    let word_char = |c: char| c.is_alphanumeric();
    text.match_indices(word).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        // Symbols such as « ® » stand alone; letters need a boundary.
        let starts = !m.starts_with(word_char) || !before.is_some_and(word_char);
        let ends = !m.ends_with(word_char) || !after.is_some_and(word_char);
        starts && ends
    })
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn whole_words_only() {
        assert_eq!(
            mentions("Four de marque X", &["marque"]),
            Some("marque".into())
        );
        assert_eq!(mentions("Une remarque utile", &["marque"]), None);
        assert_eq!(mentions("produit localement", &["local"]), None);
        assert_eq!(
            mentions("Entreprise LOCALE", &["entreprise locale"]),
            Some("entreprise locale".into())
        );
        assert_eq!(mentions("Rational® série", &["®"]), Some("®".into()));
    }
}
