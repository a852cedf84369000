//! The TypeScript declarations of every type the UI exchanges with the
//! shell, generated from the Rust types (never copied by hand). The
//! committed file `ui/src/lib/bindings.ts` is checked against this by a test.

use crate::clauses::{ClauseKind, LibraryClause};
use crate::export::Format;
use crate::model::*;
use crate::rules::{Finding, ProcedureAdvice, ProcedureKind, Severity};
use crate::samples::SampleInfo;
use crate::store::{DossierSummary, RevisionSummary};
use ts_rs::{Config, TS};

pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        Address::decl(&cfg),
        Person::decl(&cfg),
        Contact::decl(&cfg),
        Buyer::decl(&cfg),
        Nature::decl(&cfg),
        Lot::decl(&cfg),
        Purchase::decl(&cfg),
        Flexibility::decl(&cfg),
        FunctionalNeed::decl(&cfg),
        VariantPolicy::decl(&cfg),
        Variants::decl(&cfg),
        Pse::decl(&cfg),
        CriterionKind::decl(&cfg),
        SubCriterion::decl(&cfg),
        AwardCriterion::decl(&cfg),
        FrameKind::decl(&cfg),
        Question::decl(&cfg),
        Clause::decl(&cfg),
        InsertionClause::decl(&cfg),
        ReservedContract::decl(&cfg),
        SustainabilityClauses::decl(&cfg),
        Ccag::decl(&cfg),
        Derogation::decl(&cfg),
        PriceForm::decl(&cfg),
        PriceClause::decl(&cfg),
        Advance::decl(&cfg),
        ExecutionTerms::decl(&cfg),
        Submission::decl(&cfg),
        Dossier::decl(&cfg),
        DossierSummary::decl(&cfg),
        RevisionSummary::decl(&cfg),
        Severity::decl(&cfg),
        Finding::decl(&cfg),
        ProcedureKind::decl(&cfg),
        ProcedureAdvice::decl(&cfg),
        SampleInfo::decl(&cfg),
        Format::decl(&cfg),
        ClauseKind::decl(&cfg),
        LibraryClause::decl(&cfg),
    ];
    let mut out = String::from("// Generated from the Rust types by dce-core (src/bindings.rs). Do not edit:\n// run `DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated` after changing a type.\n\n");
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out
}

/// The JSON Schema of the `.dce` exchange format.
pub fn json_schema() -> String {
    let mut s =
        serde_json::to_string_pretty(&schemars::schema_for!(Dossier)).expect("schema serialises");
    s.push('\n');
    s
}
