//! Every text the buyer writes that bidders read as a requirement, with the
//! path of its field: the checks on wording (local preference, brands,
//! standards) read them all, and each finding opens the box that holds the words.
//!
//! Left out on purpose: the buyer's identity and contacts, where the notice
//! is published and who helps with the platform or the insertion clause
//! (they name the commune's own partners: « presse locale », « Maison de
//! l'emploi du département »), the innovation record and the sourcing (the
//! buyer's own research, which may name the firms met), codes and article numbers.

use crate::model::{Dossier, PriceClause};

/// (field path, text) for every text of `d` bidders are held to.
pub fn buyer_texts(d: &Dossier) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    let mut one = |path: String, text| out.push((path, text));
    let p = &d.purchase;
    one("purchase.object".into(), &p.object);
    one("purchase.context".into(), &p.context);
    one("purchase.no_lots_reason".into(), &p.no_lots_reason);
    for (i, l) in p.lots.iter().enumerate() {
        one(format!("purchase.lots[{i}].title"), &l.title);
        one(format!("purchase.lots[{i}].description"), &l.description);
    }
    for (i, n) in d.needs.iter().enumerate() {
        one(format!("needs[{i}].function"), &n.function);
        one(
            format!("needs[{i}].appraisal_criterion"),
            &n.appraisal_criterion,
        );
        one(format!("needs[{i}].level"), &n.level);
    }
    let v = &d.variants;
    for (i, r) in v.minimum_requirements.iter().enumerate() {
        one(format!("variants.minimum_requirements[{i}]"), r);
    }
    one("variants.presentation".into(), &v.presentation);
    for (i, x) in d.pse.iter().enumerate() {
        one(format!("pse[{i}].title"), &x.title);
        one(format!("pse[{i}].description"), &x.description);
    }
    for (i, c) in d.criteria.iter().enumerate() {
        one(format!("criteria[{i}].title"), &c.title);
        one(format!("criteria[{i}].method"), &c.method);
        for (j, s) in c.subcriteria.iter().enumerate() {
            one(format!("criteria[{i}].subcriteria[{j}].title"), &s.title);
        }
    }
    for (i, q) in d.questions.iter().enumerate() {
        one(format!("questions[{i}].prompt"), &q.prompt);
        one(format!("questions[{i}].evidence"), &q.evidence);
    }
    let c = &d.clauses;
    for (kind, list) in [
        ("environmental_conditions", &c.environmental_conditions),
        ("social_conditions", &c.social_conditions),
    ] {
        for (i, clause) in list.iter().enumerate() {
            one(format!("clauses.{kind}[{i}].title"), &clause.title);
            one(format!("clauses.{kind}[{i}].text"), &clause.text);
        }
    }
    let e = &d.execution;
    for (i, g) in e.ccag_derogations.iter().enumerate() {
        one(
            format!("execution.ccag_derogations[{i}].subject"),
            &g.subject,
        );
    }
    match &e.price_clause {
        PriceClause::FirmWithActualisation { index } => {
            one("execution.price_clause.index".into(), index)
        }
        PriceClause::Revisable { formula, indices } => {
            one("execution.price_clause.formula".into(), formula);
            one("execution.price_clause.indices".into(), indices);
        }
    }
    one("execution.interim_payments".into(), &e.interim_payments);
    one("execution.penalties".into(), &e.penalties);
    for (i, s) in d.prices.schedules.iter().enumerate() {
        for (j, c) in s.chapters.iter().enumerate() {
            let chapter = format!("prices.schedules[{i}].chapters[{j}]");
            one(format!("{chapter}.title"), &c.title);
            for (k, l) in c.lines.iter().enumerate() {
                one(format!("{chapter}.lines[{k}].designation"), &l.designation);
            }
        }
    }
    let s = &d.submission;
    for (i, doc) in s.candidature_documents.iter().enumerate() {
        one(format!("submission.candidature_documents[{i}]"), doc);
    }
    for (i, doc) in s.offer_documents.iter().enumerate() {
        one(format!("submission.offer_documents[{i}]"), doc);
    }
    one(
        "submission.negotiation.subjects".into(),
        &s.negotiation.subjects,
    );
    out.retain(|(_, text)| !text.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::field_label;

    #[test]
    fn every_path_is_a_field_the_editor_knows() {
        let d = crate::samples::find("renovation-salle-des-fetes")
            .unwrap()
            .instantiate(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                "u".into(),
            );
        let texts = buyer_texts(&d);
        assert!(texts
            .iter()
            .any(|(p, _)| p == "purchase.lots[2].description"));
        for (path, _) in texts {
            assert_ne!(field_label(&path), path, "{path} has no label");
        }
    }
}
