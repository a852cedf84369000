//! The TypeScript declarations of every type the UI exchanges with the
//! shell, generated from the Rust types (never copied by hand). The
//! committed file `ui/src/lib/bindings.ts` is checked against this by a test.

use crate::award::{
    Alert, AlertKind, LotRanking, OfferAction, OfferOutcome, PriceEntry, RankedOffer, ScoreLine,
};
use crate::canvas::{CanvasLine, Figure, LineAnswer, LineComparison, OfferFigure};
use crate::clauses::{ClauseKind, LibraryClause};
use crate::compare::{Change, SectionDiff, Segment, SegmentKind};
use crate::compose::award::AwardPiece;
use crate::compose::review::{
    CommentView, Counts, FindingView, Group, ReviewSheet, ReviewStep, SummaryItem,
};
use crate::export::Format;
use crate::figures::{Indicator, IndicatorKind, YearFigures};
use crate::model::*;
use crate::prices::{ScheduleEstimate, UnitChoice};
use crate::progress::{DraftCheck, StepState, StepStatus};
use crate::rules::{
    ChannelOption, Finding, ProcedureAdvice, ProcedureKind, ProcedureOption, Severity,
};
use crate::samples::SampleInfo;
use crate::sections::{FIELD_PREFIXES, STEPS};
use crate::store::{
    BackupInfo, BackupKind, Comment, DossierSummary, ImportOutcome, RecoveryOffer, RevisionSummary,
    StoredComment,
};
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
        Procedure::decl(&cfg),
        ProcedureChoice::decl(&cfg),
        NoticeChannel::decl(&cfg),
        Flexibility::decl(&cfg),
        FunctionalNeed::decl(&cfg),
        VariantPolicy::decl(&cfg),
        Variants::decl(&cfg),
        Pse::decl(&cfg),
        CriterionKind::decl(&cfg),
        SubCriterion::decl(&cfg),
        PriceFormula::decl(&cfg),
        AwardCriterion::decl(&cfg),
        FrameKind::decl(&cfg),
        Direction::decl(&cfg),
        ImpactTheme::decl(&cfg),
        Measure::decl(&cfg),
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
        LinePricing::decl(&cfg),
        PriceUnit::decl(&cfg),
        PriceLine::decl(&cfg),
        PriceChapter::decl(&cfg),
        PriceSchedule::decl(&cfg),
        Prices::decl(&cfg),
        UnitChoice::decl(&cfg),
        ScheduleEstimate::decl(&cfg),
        Submission::decl(&cfg),
        Negotiation::decl(&cfg),
        LowOfferReference::decl(&cfg),
        LowOfferThreshold::decl(&cfg),
        TieBreak::decl(&cfg),
        AwardRules::decl(&cfg),
        Bidder::decl(&cfg),
        PriceSource::decl(&cfg),
        OfferPrice::decl(&cfg),
        Score::decl(&cfg),
        OfferStatus::decl(&cfg),
        LowPriceDecision::decl(&cfg),
        LowPriceInquiry::decl(&cfg),
        OfferRound::decl(&cfg),
        Offer::decl(&cfg),
        Dossier::decl(&cfg),
        AlertKind::decl(&cfg),
        Alert::decl(&cfg),
        ScoreLine::decl(&cfg),
        RankedOffer::decl(&cfg),
        LotRanking::decl(&cfg),
        PriceEntry::decl(&cfg),
        OfferAction::decl(&cfg),
        OfferOutcome::decl(&cfg),
        AwardPiece::decl(&cfg),
        DossierSummary::decl(&cfg),
        RevisionSummary::decl(&cfg),
        Comment::decl(&cfg),
        StoredComment::decl(&cfg),
        ImportOutcome::decl(&cfg),
        BackupKind::decl(&cfg),
        BackupInfo::decl(&cfg),
        RecoveryOffer::decl(&cfg),
        Severity::decl(&cfg),
        Finding::decl(&cfg),
        StepStatus::decl(&cfg),
        StepState::decl(&cfg),
        DraftCheck::decl(&cfg),
        SummaryItem::decl(&cfg),
        Counts::decl(&cfg),
        Group::<FindingView>::decl(&cfg),
        FindingView::decl(&cfg),
        CommentView::decl(&cfg),
        ReviewStep::decl(&cfg),
        ReviewSheet::decl(&cfg),
        ProcedureKind::decl(&cfg),
        ProcedureOption::decl(&cfg),
        ChannelOption::decl(&cfg),
        ProcedureAdvice::decl(&cfg),
        SampleInfo::decl(&cfg),
        Format::decl(&cfg),
        ClauseKind::decl(&cfg),
        LibraryClause::decl(&cfg),
        SegmentKind::decl(&cfg),
        Segment::decl(&cfg),
        Change::decl(&cfg),
        SectionDiff::decl(&cfg),
        IndicatorKind::decl(&cfg),
        Indicator::decl(&cfg),
        YearFigures::decl(&cfg),
        CanvasLine::decl(&cfg),
        Figure::decl(&cfg),
        LineAnswer::decl(&cfg),
        OfferFigure::decl(&cfg),
        LineComparison::decl(&cfg),
    ];
    let mut out = String::from("// Generated from the Rust types by dce-core (src/bindings.rs). Do not edit:\n// run `DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated` after changing a type.\n\n");
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out
}

/// The editor's steps for the UI (`ui/src/lib/sections.ts`), from
/// `crate::sections`: the step keys as a union type, the steps with their
/// titles, and the field prefixes that place a field in a step.
pub fn sections_typescript() -> String {
    // JSON string literals are valid TypeScript ones, escapes included.
    let quote = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let mut out = String::from("// Generated from the Rust steps by dce-core (src/sections.rs). Do not edit:\n// run `DCE_UPDATE_GENERATED=1 cargo test -p dce-core --test generated` after changing a step.\n\n");
    let keys: Vec<String> = STEPS.iter().map(|s| quote(s.key)).collect();
    out.push_str(&format!("export type StepKey = {};\n\n", keys.join(" | ")));
    out.push_str("/** Every step of the guided path, in the editor's order. */\n");
    out.push_str("export const steps: { key: StepKey; title: string }[] = [\n");
    for s in STEPS {
        out.push_str(&format!(
            "  {{ key: {}, title: {} }},\n",
            quote(s.key),
            quote(s.title)
        ));
    }
    out.push_str("];\n\n");
    out.push_str("/** Field path prefixes (as in Finding.field) and their step; the longest matching prefix wins, unknown fields go to 'check'. */\n");
    out.push_str("export const fieldPrefixes: [string, StepKey][] = [\n");
    for (prefix, step) in FIELD_PREFIXES {
        out.push_str(&format!("  [{}, {}],\n", quote(prefix), quote(step)));
    }
    out.push_str("];\n");
    out
}

/// The JSON Schema of the `.dce` exchange format.
pub fn json_schema() -> String {
    let mut s =
        serde_json::to_string_pretty(&schemars::schema_for!(Dossier)).expect("schema serialises");
    s.push('\n');
    s
}
