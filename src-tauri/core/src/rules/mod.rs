//! Legal checks: the dossier and the date that decides which rules apply
//! -> findings in plain French. The date is always passed in.

mod checks;
mod data;
mod finding;
mod procedure;
mod procedure_choice;
pub use procedure_choice::CALL_FOR_COMPETITION;
pub mod tribunals;

pub use data::RulesData;
pub use finding::{Finding, Severity};
pub use procedure::{ChannelOption, ProcedureAdvice, ProcedureKind, ProcedureOption};

use crate::model::Dossier;
use chrono::NaiveDate;

/// Every finding on `dossier`, judged by the rules in force on `date`
/// (the consultation's launch date), most severe first.
pub fn check(dossier: &Dossier, date: NaiveDate) -> Vec<Finding> {
    let data = RulesData::bundled();
    let mut findings = checks::all(dossier, date, &data);
    findings.sort_by_key(|f| f.severity);
    findings
}

/// The procedure the dossier leads to on `date`, with its duties.
pub fn procedure_advice(dossier: &Dossier, date: NaiveDate) -> ProcedureAdvice {
    procedure::advise(dossier, date, &RulesData::bundled())
}

/// The date a final export is judged by: the later of the launch date and
/// `today`, so that a launch date in the past cannot escape the obligations
/// in force when the notice actually goes out.
pub fn final_export_date(dossier: &Dossier, today: NaiveDate) -> NaiveDate {
    dossier
        .purchase
        .launch_date
        .map_or(today, |launch| launch.max(today))
}

/// The date a dossier is judged by: its launch date, or `today` while none is set.
pub fn judging_date(dossier: &Dossier, today: NaiveDate) -> NaiveDate {
    dossier.purchase.launch_date.unwrap_or(today)
}
