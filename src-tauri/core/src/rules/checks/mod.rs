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

    /// Whether the purchase is under the « dispense » threshold of its nature on the date.
    pub fn under_dispense(&self) -> bool {
        super::procedure::advise(self.d, self.date, self.data).kind
            == super::procedure::ProcedureKind::Dispense
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

/// Whether `text` contains one of `words` (case and accents as typed; the
/// lists hold every spelling that matters).
pub fn mentions(text: &str, words: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    words
        .iter()
        .find(|w| lower.contains(*w))
        .map(|w| w.to_string())
}
