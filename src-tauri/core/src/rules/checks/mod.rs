//! The individual checks, one module per part of the dossier. Messages say
//! what to change, in plain French, with the article they come from.

mod brands;
mod ccag;
mod criteria;
mod egalim;
mod essentials;
mod execution;
mod local_preference;
mod need;
mod prices;
mod procedure;
mod standards;
mod sustainability;
mod texts;
mod variants;
mod words;

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
        // Messages are written with plain spaces and quotes; the user reads them typeset.
        let message = crate::french::typography(&message.into())
            .replace(" %", &format!("{}%", crate::french::NBSP));
        self.out.push(Finding {
            severity,
            code: code.into(),
            message,
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
    prices::check(&mut cx);
    ccag::check(&mut cx);
    sustainability::check(&mut cx);
    egalim::check(&mut cx);
    local_preference::check(&mut cx);
    brands::check(&mut cx);
    standards::check(&mut cx);
    cx.out
}

/// Whether `text` contains one of `stems` anywhere (case-insensitive):
/// « recycl » finds « recyclés » and « recyclage ».
pub fn contains_stem(text: &str, stems: &[&str]) -> bool {
    let lower = text.to_lowercase();
    stems.iter().any(|s| lower.contains(s))
}
