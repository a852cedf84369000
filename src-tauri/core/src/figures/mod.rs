//! « Bilan annuel »: the yearly figures a commune reports to its council on
//! green, social and innovative purchasing, from the dossiers of the store.
//!
//! A dossier counts in the year of its launch date; without one, of its
//! offers deadline; without either, of its creation in the database (see
//! [`counting_date`]). Workshop copies are training material and never count.
//! Amounts are the estimated amount of the purchase, excluding VAT. Which
//! dossier has each feature is asked of the model and the rules, never
//! worked out a second time here.

mod csv;

pub use csv::{csv_file_name, to_csv};

use crate::french::{decimal, group_thousands, money_ht, typography, NBSP};
use crate::model::{Dossier, ProcedureChoice};
use crate::rules;
use crate::store::StoredDossier;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The département's goal for innovative purchasing: 2 % of the amount
/// bought, in basis points. A purchasing-policy goal, not a rule of the code.
pub const INNOVATION_GOAL_BASIS_POINTS: u32 = 200;

/// The figures of one year, with every label the « Bilan annuel » shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct YearFigures {
    pub year: i32,
    /// Every year that has at least one counted dossier, latest first.
    pub years: Vec<i32>,
    /// « Bilan annuel 2026 ».
    pub title: String,
    /// « 5 consultations pour 512 000 € HT ».
    pub summary: String,
    /// Which date places a dossier in a year, and what is left out.
    pub counting_rule: String,
    pub consultations: u32,
    #[ts(type = "number")]
    pub amount_cents: i64,
    /// The column headers of the table and of the CSV.
    pub headers: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// The innovative share compared with the département's goal.
    pub innovation_goal: String,
    pub innovation_goal_reached: bool,
    /// The text alternative of the chart (its `aria-label`).
    pub chart_label: String,
}

/// What an indicator counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    EnvironmentalCriterion,
    EnvironmentalCondition,
    SocialClause,
    Innovative,
    Variants,
    Advance,
    Lots,
}

/// One share: how many consultations have the feature, for how much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Indicator {
    pub kind: IndicatorKind,
    pub label: String,
    /// What counts, with the article it comes from.
    pub explanation: String,
    pub count: u32,
    #[ts(type = "number")]
    pub amount_cents: i64,
    /// Share of the number of consultations, in basis points (10 000 = 100 %).
    pub count_share: u32,
    /// Share of the amount, in basis points.
    pub amount_share: u32,
    /// The same, as the table shows them: « 3 », « 60 % », « 1 200 € HT », « 72,5 % ».
    pub count_text: String,
    pub count_share_text: String,
    pub amount_text: String,
    pub amount_share_text: String,
}

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 7] = [
        IndicatorKind::EnvironmentalCriterion,
        IndicatorKind::EnvironmentalCondition,
        IndicatorKind::SocialClause,
        IndicatorKind::Innovative,
        IndicatorKind::Variants,
        IndicatorKind::Advance,
        IndicatorKind::Lots,
    ];

    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::EnvironmentalCriterion => "Critère environnemental",
            IndicatorKind::EnvironmentalCondition => "Condition d'exécution environnementale",
            IndicatorKind::SocialClause => "Clause sociale ou marché réservé",
            IndicatorKind::Innovative => "Achat innovant",
            IndicatorKind::Variants => "Variantes autorisées",
            IndicatorKind::Advance => "Avance prévue",
            IndicatorKind::Lots => "Marché alloti",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            IndicatorKind::EnvironmentalCriterion => "Au moins un critère d'attribution porte sur la performance environnementale de l'offre ou sur un coût global qui l'inclut (article L2152-7).",
            IndicatorKind::EnvironmentalCondition => "Le document fixe au moins une condition d'exécution environnementale (article L2112-2).",
            IndicatorKind::SocialClause => "Une condition d'exécution sociale, une clause d'insertion ou un marché réservé aux structures d'insertion ou aux entreprises adaptées (articles L2112-2-1, L2113-12 et L2113-13).",
            IndicatorKind::Innovative => "La consultation suit la procédure d'achat innovant sans publicité ni mise en concurrence préalables (article R2122-9-1).",
            IndicatorKind::Variants => "Les entreprises peuvent proposer une variante : variantes autorisées ou exigées (articles R2151-8 à R2151-10).",
            IndicatorKind::Advance => "Le titulaire reçoit une avance (articles R2191-3 et suivants).",
            IndicatorKind::Lots => "Le marché est divisé en lots (article L2113-10).",
        }
    }

    /// Whether the dossier, judged on `date`, has the feature.
    fn applies(self, d: &Dossier, date: NaiveDate) -> bool {
        match self {
            IndicatorKind::EnvironmentalCriterion => {
                d.criteria.iter().any(|c| c.kind.is_environmental())
            }
            IndicatorKind::EnvironmentalCondition => d.clauses.has_environmental_condition(),
            IndicatorKind::SocialClause => d.clauses.has_social_consideration(),
            IndicatorKind::Innovative => {
                rules::procedure_advice(d, date).used == Some(ProcedureChoice::Innovative)
            }
            IndicatorKind::Variants => d.variants.policy.admits_variants(),
            IndicatorKind::Advance => d.execution.advance.percent > 0,
            IndicatorKind::Lots => !d.purchase.lots.is_empty(),
        }
    }
}

/// The date that places a dossier in a year: its launch date, else the
/// deadline for offers, else the day it was created in the database.
pub fn counting_date(stored: &StoredDossier) -> NaiveDate {
    let d = &stored.dossier;
    d.purchase
        .launch_date
        .or_else(|| d.submission.deadline.map(|t| t.date()))
        .unwrap_or_else(|| stored.created_at.date())
}

/// The years that have at least one counted dossier, latest first.
pub fn years(dossiers: &[StoredDossier]) -> Vec<i32> {
    let mut years: Vec<i32> = counted(dossiers).map(|(_, date)| date.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The figures of `year`; without a year, of the latest year with dossiers,
/// or `this_year` when there is none.
pub fn year_figures(dossiers: &[StoredDossier], year: Option<i32>, this_year: i32) -> YearFigures {
    let years = years(dossiers);
    let year = year.or(years.first().copied()).unwrap_or(this_year);
    let in_year: Vec<(&Dossier, NaiveDate)> = counted(dossiers)
        .filter(|(_, date)| date.year() == year)
        .collect();
    let consultations = in_year.len() as u32;
    let amount_cents: i64 = in_year
        .iter()
        .map(|(d, _)| d.purchase.estimated_amount_cents)
        .sum();
    let indicators: Vec<Indicator> = IndicatorKind::ALL
        .iter()
        .map(|&kind| {
            let with: Vec<&Dossier> = in_year
                .iter()
                .filter(|(d, date)| kind.applies(d, *date))
                .map(|(d, _)| *d)
                .collect();
            let count = with.len() as u32;
            let amount: i64 = with.iter().map(|d| d.purchase.estimated_amount_cents).sum();
            let count_share = share(i64::from(count), i64::from(consultations));
            let amount_share = share(amount, amount_cents);
            Indicator {
                kind,
                label: typography(kind.label()),
                explanation: typography(kind.explanation()),
                count,
                amount_cents: amount,
                count_share,
                amount_share,
                count_text: group_thousands(u64::from(count)),
                count_share_text: percent(count_share),
                amount_text: money_ht(amount),
                amount_share_text: percent(amount_share),
            }
        })
        .collect();
    let innovative = indicators
        .iter()
        .find(|i| i.kind == IndicatorKind::Innovative)
        .expect("every kind has its indicator");
    let innovation_goal_reached =
        consultations > 0 && innovative.amount_share >= INNOVATION_GOAL_BASIS_POINTS;
    let goal = percent(INNOVATION_GOAL_BASIS_POINTS);
    let innovation_goal = if consultations == 0 {
        format!("Objectif du département : {goal} du montant des achats consacrés à l'achat innovant. Aucune consultation n'est comptée en {year} : la part ne peut pas être calculée. Cet objectif est une orientation de la politique d'achat, pas une obligation du code de la commande publique.")
    } else {
        format!(
            "Objectif du département : {goal} du montant des achats consacrés à l'achat innovant. En {year}, les achats innovants représentent {} du montant ({} sur {}) : objectif {}. Cet objectif est une orientation de la politique d'achat, pas une obligation du code de la commande publique.",
            innovative.amount_share_text,
            innovative.amount_text,
            money_ht(amount_cents),
            if innovation_goal_reached { "atteint" } else { "non atteint" },
        )
    };
    let summary = match consultations {
        0 => format!("Aucune consultation comptée en {year}."),
        1 => format!("1 consultation en {year}, pour {}.", money_ht(amount_cents)),
        n => format!(
            "{} consultations en {year}, pour {}.",
            group_thousands(u64::from(n)),
            money_ht(amount_cents)
        ),
    };
    YearFigures {
        year,
        years,
        title: format!("Bilan annuel {year}"),
        summary: typography(&summary),
        counting_rule: typography("Une consultation compte dans l'année de sa date de lancement ; à défaut, de sa date limite de remise des offres ; à défaut, de sa création dans DCE Unique. Les copies d'atelier ne sont pas comptées. Les montants sont les montants estimés hors taxes, tous lots et toutes années comprises."),
        consultations,
        amount_cents,
        headers: [
            "Indicateur",
            "Nombre de consultations",
            "Part du nombre",
            "Montant estimé HT",
            "Part du montant",
        ]
        .map(String::from)
        .to_vec(),
        indicators,
        innovation_goal: typography(&innovation_goal),
        innovation_goal_reached,
        chart_label: typography(&format!(
            "Graphique en barres : pour chaque indicateur de {year}, la part du nombre de consultations et la part du montant. Le tableau qui suit donne les mêmes chiffres."
        )),
    }
}

/// Dossiers that count (not workshop copies), with their counting date.
fn counted(dossiers: &[StoredDossier]) -> impl Iterator<Item = (&Dossier, NaiveDate)> {
    dossiers
        .iter()
        .filter(|s| !s.workshop)
        .map(|s| (&s.dossier, counting_date(s)))
}

/// `part` of `whole` in basis points, rounded to the nearest; 0 of nothing.
fn share(part: i64, whole: i64) -> u32 {
    if whole <= 0 {
        return 0;
    }
    ((i128::from(part) * 10_000 + i128::from(whole) / 2) / i128::from(whole)) as u32
}

/// Basis points as a French percentage with at most one decimal: « 33,3 % ».
fn percent(basis_points: u32) -> String {
    let tenths = (i64::from(basis_points) + 5) / 10;
    format!("{}{NBSP}%", decimal(tenths * 10))
}
