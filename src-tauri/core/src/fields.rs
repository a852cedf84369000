//! French names of the dossier's fields, for people who never see a field
//! path: « Critère 2 — pondération (%) » for `criteria[1].weight_percent`.
//! Used wherever a field is shown outside its form (comparison of versions,
//! review sheet, comments annex).
//!
//! The table is in the order of the model: it also orders the changes of a
//! record the way the editor shows its fields.

/// Normalised path (indices written `[]`) -> French label. A list item's
/// label contains `{n}`, replaced by its position counted from 1. A label is
/// the first part of the name when its path is a prefix of the field's:
/// `buyer.address` « Adresse » + `buyer.address.city` « commune » gives
/// « Adresse — commune ».
#[rustfmt::skip]
const LABELS: &[(&str, &str)] = &[
    ("reference", "Référence interne"),
    ("buyer.name", "Nom de l’acheteur"),
    ("buyer.address", "Adresse"),
    ("buyer.address.street", "rue"),
    ("buyer.address.postcode", "code postal"),
    ("buyer.address.city", "commune"),
    ("buyer.siret", "SIRET"),
    ("buyer.representative", "Signataire du marché"),
    ("buyer.representative.name", "nom"),
    ("buyer.representative.title", "qualité"),
    ("buyer.questions_contact", "Contact pour les questions des candidats"),
    ("buyer.questions_contact.name", "nom"),
    ("buyer.questions_contact.email", "courriel"),
    ("buyer.questions_contact.phone", "téléphone"),
    ("buyer.buyer_profile_url", "Adresse du profil d’acheteur"),
    ("purchase.object", "Objet du marché"),
    ("purchase.nature", "Nature de l’achat"),
    ("purchase.cpv", "Code CPV"),
    ("purchase.estimated_amount_cents", "Montant estimé"),
    ("purchase.duration_months", "Durée (mois)"),
    ("purchase.launch_date", "Date de lancement"),
    ("purchase.context", "Contexte"),
    ("purchase.lots", "Lots"),
    ("purchase.lots[]", "Lot {n}"),
    ("purchase.lots[].number", "numéro"),
    ("purchase.lots[].title", "intitulé"),
    ("purchase.lots[].description", "description"),
    ("purchase.lots[].estimated_amount_cents", "montant estimé"),
    ("purchase.no_lots_reason", "Pourquoi un marché unique"),
    ("procedure.choice", "Procédure choisie"),
    ("procedure.innovation_reasons", "En quoi la solution est innovante"),
    ("procedure.sourcing", "Sourçage réalisé"),
    ("procedure.publicity", "Supports de publicité"),
    ("procedure.publicity[]", "Support de publicité {n}"),
    ("needs", "Besoins"),
    ("needs[]", "Besoin {n}"),
    ("needs[].function", "fonction"),
    ("needs[].appraisal_criterion", "critère d’appréciation"),
    ("needs[].level", "niveau attendu"),
    ("needs[].flexibility", "souplesse"),
    ("needs[].subcriterion_id", "sous-critère de notation"),
    ("variants.policy", "Variantes"),
    ("variants.minimum_requirements", "Exigences minimales"),
    ("variants.minimum_requirements[]", "Exigence minimale {n}"),
    ("variants.base_offer_required", "Offre de base exigée avec une variante"),
    ("variants.presentation", "Présentation des variantes"),
    ("pse", "PSE"),
    ("pse[]", "PSE {n}"),
    ("pse[].title", "intitulé"),
    ("pse[].description", "description"),
    ("pse[].pricing_compulsory", "chiffrage obligatoire"),
    ("criteria", "Critères"),
    ("criteria[]", "Critère {n}"),
    ("criteria[].kind", "type de critère"),
    ("criteria[].title", "intitulé"),
    ("criteria[].weight_percent", "pondération (%)"),
    ("criteria[].method", "méthode de notation"),
    ("criteria[].subcriteria", "sous-critères"),
    ("criteria[].subcriteria[]", "sous-critère {n}"),
    ("criteria[].subcriteria[].title", "intitulé"),
    ("criteria[].subcriteria[].points", "points"),
    ("criteria[].price_formula", "formule de notation du prix"),
    ("award", "Jugement des offres"),
    ("award.low_offer", "Seuil d’offre anormalement basse"),
    ("award.low_offer.reference", "référence du seuil"),
    ("award.low_offer.percent_below", "écart déclenchant la demande de précisions (%)"),
    ("award.tie_break", "Départage des ex æquo"),
    ("questions", "Questions"),
    ("questions[]", "Question {n}"),
    ("questions[].frame", "cadre"),
    ("questions[].criterion_id", "notée sous"),
    ("questions[].prompt", "question"),
    ("questions[].evidence", "pièces à joindre"),
    ("questions[].max_words", "longueur maximale (mots)"),
    ("questions[].points", "points"),
    ("questions[].measure", "mesure chiffrée"),
    ("questions[].measure.unit", "unité"),
    ("questions[].measure.direction", "sens de comparaison"),
    ("questions[].measure.theme", "thème"),
    ("questions[].measure.explanation", "explication"),
    ("clauses.environmental_conditions", "Conditions environnementales"),
    ("clauses.environmental_conditions[]", "Condition environnementale {n}"),
    ("clauses.environmental_conditions[].title", "intitulé"),
    ("clauses.environmental_conditions[].text", "texte"),
    ("clauses.social_conditions", "Conditions sociales"),
    ("clauses.social_conditions[]", "Condition sociale {n}"),
    ("clauses.social_conditions[].title", "intitulé"),
    ("clauses.social_conditions[].text", "texte"),
    ("clauses.insertion", "Clause d’insertion"),
    ("clauses.insertion.hours", "heures d’insertion"),
    ("clauses.insertion.facilitator", "facilitateur"),
    ("clauses.reserved", "Marché réservé"),
    ("execution.ccag", "CCAG de référence"),
    ("execution.ccag_derogations", "Dérogations au CCAG"),
    ("execution.ccag_derogations[]", "Dérogation au CCAG {n}"),
    ("execution.ccag_derogations[].ccag_article", "article du CCAG"),
    ("execution.ccag_derogations[].document_article", "article du document"),
    ("execution.ccag_derogations[].subject", "objet"),
    ("execution.price_form", "Forme du prix"),
    ("execution.price_clause", "Variation des prix"),
    ("execution.price_clause.kind", "type de prix"),
    ("execution.price_clause.index", "indice d’actualisation"),
    ("execution.price_clause.formula", "formule de révision"),
    ("execution.price_clause.indices", "indices"),
    ("execution.advance", "Avance"),
    ("execution.advance.percent", "taux (%)"),
    ("execution.advance.guarantee_required", "garantie exigée"),
    ("execution.interim_payments", "Acomptes"),
    ("execution.payment_period_days", "Délai de paiement (jours)"),
    ("execution.retenue_garantie_percent", "Retenue de garantie (%)"),
    ("execution.penalties", "Pénalités"),
    ("execution.invoicing_service_code", "Code service Chorus Pro"),
    ("execution.personal_data", "Données personnelles traitées par le titulaire"),
    ("prices", "Bordereau des prix"),
    ("prices.vat_rate_basis_points", "taux de TVA"),
    ("prices.schedules", "bordereaux"),
    ("prices.schedules[]", "bordereau {n}"),
    ("prices.schedules[].lot", "lot chiffré"),
    ("prices.schedules[].chapters", "chapitres"),
    ("prices.schedules[].chapters[]", "chapitre {n}"),
    ("prices.schedules[].chapters[].title", "intitulé"),
    ("prices.schedules[].chapters[].pricing", "mode de prix"),
    ("prices.schedules[].chapters[].pse", "PSE chiffrée"),
    ("prices.schedules[].chapters[].lines", "lignes"),
    ("prices.schedules[].chapters[].lines[]", "ligne {n}"),
    ("prices.schedules[].chapters[].lines[].designation", "désignation"),
    ("prices.schedules[].chapters[].lines[].unit", "unité"),
    ("prices.schedules[].chapters[].lines[].quantity_thousandths", "quantité estimée"),
    ("prices.schedules[].chapters[].lines[].estimate_cents", "prix unitaire estimé par la commune"),
    ("submission.deadline", "Date limite de remise des offres"),
    ("submission.platform_url", "Plateforme de dépôt des offres"),
    ("submission.platform_help", "Aide au dépôt électronique"),
    ("submission.candidature_documents", "Pièces de la candidature"),
    ("submission.candidature_documents[]", "Pièce de la candidature {n}"),
    ("submission.offer_documents", "Pièces de l’offre"),
    ("submission.offer_documents[]", "Pièce de l’offre {n}"),
    ("submission.offer_validity_days", "Validité des offres (jours)"),
    ("submission.notice_publication", "Précisions sur la publicité"),
    ("submission.minimum_turnover_cents", "Chiffre d’affaires minimal demandé"),
    ("submission.negotiation", "Négociation"),
    ("submission.negotiation.allowed", "négociation possible"),
    ("submission.negotiation.with_best", "avec les candidats les mieux classés"),
    ("submission.negotiation.subjects", "objet de la négociation"),
    ("submission.winner_documents_days", "Délai de production des pièces du titulaire (jours)"),
    ("offers", "Offres reçues"),
    ("offers[]", "Offre {n}"),
    ("offers[].lot", "lot"),
    ("offers[].bidder", "candidat"),
    ("offers[].bidder.name", "nom"),
    ("offers[].bidder.siret", "SIRET"),
    ("offers[].bidder.group", "groupement"),
    ("offers[].bidder.group_members", "membres du groupement"),
    ("offers[].bidder.group_members[]", "membre {n}"),
    ("offers[].received_at", "reçue le"),
    ("offers[].variant", "variante"),
    ("offers[].price", "prix"),
    ("offers[].price.compared_cents", "montant comparé"),
    ("offers[].price.pse_cents", "PSE chiffrées"),
    ("offers[].price.source", "origine du prix"),
    ("offers[].scores", "notes"),
    ("offers[].scores[]", "note {n}"),
    ("offers[].scores[].criterion_id", "critère noté"),
    ("offers[].scores[].points_hundredths", "points"),
    ("offers[].scores[].justification", "justification"),
    ("offers[].documents", "pièces reçues"),
    ("offers[].documents[]", "pièce {n}"),
    ("offers[].status", "régularité"),
    ("offers[].low_price", "prix paraissant anormalement bas"),
    ("offers[].low_price.requested_on", "précisions demandées le"),
    ("offers[].low_price.request", "demande"),
    ("offers[].low_price.answered_on", "réponse reçue le"),
    ("offers[].low_price.answer", "réponse"),
    ("offers[].low_price.decision", "décision"),
    ("offers[].previous_rounds", "tours précédents"),
    ("offers[].previous_rounds[]", "tour {n}"),
];

/// The French name of the field at `path` (syntax of `Finding.field`:
/// `criteria[1].weight_percent`); the path itself when nothing is known of it.
pub fn field_label(path: &str) -> String {
    let label = label_after(path, "");
    if label.is_empty() {
        path.to_string()
    } else {
        label
    }
}

/// The name of the field at `path` inside the record at `base`, e.g.
/// « intitulé » for `criteria[1].title` inside `criteria[1]`; empty when
/// `path` is `base`. Capitalised when it starts a line of its own.
pub fn field_label_under(path: &str, base: &str) -> String {
    capitalise(&label_after(path, base))
}

/// The normalised form of a path: every index written `[]`.
pub fn normalise(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// Where the field `key` of a record at normalised path `record` comes in
/// the model; fields unknown to the table come last.
pub fn field_rank(record: &str, key: &str) -> usize {
    let full = if record.is_empty() {
        key.to_string()
    } else {
        format!("{record}.{key}")
    };
    LABELS
        .iter()
        .position(|(p, _)| crate::sections::under_path(p, &full))
        .unwrap_or(LABELS.len())
}

/// Whether the table names the field at normalised path `norm`.
pub fn is_known(norm: &str) -> bool {
    LABELS.iter().any(|(p, _)| *p == norm)
}

/// Joins the labels of the prefixes of `path` longer than `base`. A list's
/// own label is left out when an item of it follows: « Critère 2 », not
/// « Critères — Critère 2 ».
fn label_after(path: &str, base: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut last_index: Option<usize> = None;
    let ends = path
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | '['))
        .map(|(i, _)| i)
        .chain(std::iter::once(path.len()));
    let mut found_leaf = false;
    for end in ends {
        let prefix = &path[..end];
        if let Some(i) = index_at_end(prefix) {
            last_index = Some(i);
        }
        if end <= base.len() || path[end..].starts_with('[') {
            continue;
        }
        if let Some((_, label)) = LABELS.iter().find(|(p, _)| *p == normalise(prefix)) {
            let n = last_index.map_or(String::new(), |i| (i + 1).to_string());
            parts.push(label.replace("{n}", &n));
            found_leaf = end == path.len();
        } else if end == path.len() {
            found_leaf = false;
        }
    }
    // A field the table does not know keeps its raw name after what is known.
    if !found_leaf && !parts.is_empty() {
        let key = path.rsplit(['.', '[']).next().unwrap_or(path);
        parts.push(key.trim_end_matches(']').to_string());
    }
    parts.join(" — ")
}

/// The index of `prefix` when it ends with `[n]`.
fn index_at_end(prefix: &str) -> Option<usize> {
    let inner = prefix.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    inner[open + 1..].parse().ok()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_join_the_known_prefixes() {
        assert_eq!(
            field_label("criteria[1].weight_percent"),
            "Critère 2 — pondération (%)"
        );
        assert_eq!(
            field_label("criteria[0].subcriteria[2].points"),
            "Critère 1 — sous-critère 3 — points"
        );
        assert_eq!(field_label("buyer.address.city"), "Adresse — commune");
        assert_eq!(field_label("purchase.lots[1]"), "Lot 2");
        assert_eq!(field_label("purchase.lots"), "Lots");
        assert_eq!(field_label("reference"), "Référence interne");
    }

    #[test]
    fn unknown_fields_fall_back_on_their_path() {
        assert_eq!(field_label("nothing.here"), "nothing.here");
        assert_eq!(field_label("criteria[0].colour"), "Critère 1 — colour");
    }

    #[test]
    fn labels_under_a_record_are_relative() {
        assert_eq!(
            field_label_under("criteria[1].weight_percent", "criteria[1]"),
            "Pondération (%)"
        );
        assert_eq!(
            field_label_under("criteria[1].subcriteria[0].title", "criteria[1]"),
            "Sous-critère 1 — intitulé"
        );
        assert_eq!(field_label_under("pse[0]", "pse[0]"), "");
    }

    #[test]
    fn paths_normalise_and_rank_in_model_order() {
        assert_eq!(
            normalise("criteria[12].subcriteria[0].points"),
            "criteria[].subcriteria[].points"
        );
        assert!(field_rank("", "buyer") < field_rank("", "purchase"));
        assert!(field_rank("criteria[]", "title") < field_rank("criteria[]", "weight_percent"));
        assert_eq!(field_rank("", "uid"), LABELS.len());
    }

    /// Every field of the model has a French name: a field added to the
    /// model must be named here too, or the comparison shows its raw path.
    #[test]
    fn every_field_of_the_model_is_named() {
        use crate::model::{InsertionClause, PriceClause, ReservedContract};
        use serde_json::Value;
        fn visit(path: &str, v: &Value, missing: &mut Vec<String>) {
            let norm = normalise(path);
            if !path.is_empty() && !norm.ends_with(".id") && !is_known(&norm) {
                missing.push(norm.clone());
            }
            match v {
                Value::Object(map) => {
                    for (k, child) in map {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        visit(&p, child, missing);
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        visit(&format!("{path}[{i}]"), item, missing);
                    }
                }
                _ => {}
            }
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut missing = Vec::new();
        for sample in crate::samples::all() {
            let mut d = sample.instantiate(today, "u".into());
            d.clauses.insertion = Some(InsertionClause {
                hours: 1,
                facilitator: "x".into(),
            });
            d.clauses.reserved = Some(ReservedContract::Insertion);
            d.submission.minimum_turnover_cents = Some(1);
            let firm = PriceClause::FirmWithActualisation { index: "x".into() };
            let revisable = PriceClause::Revisable {
                formula: "x".into(),
                indices: "x".into(),
            };
            for clause in [firm, revisable] {
                d.execution.price_clause = clause;
                let mut v = serde_json::to_value(&d).unwrap();
                let root = v.as_object_mut().unwrap();
                root.remove("schema_version");
                root.remove("uid");
                visit("", &v, &mut missing);
            }
        }
        missing.sort();
        missing.dedup();
        // Records whose fields are all named need no name of their own.
        missing.retain(|m| {
            !LABELS
                .iter()
                .any(|(p, _)| crate::sections::under_path(p, m))
        });
        assert!(
            missing.is_empty(),
            "fields without a French name: {missing:?}"
        );
    }
}
