//! Several offers' figures side by side, line by line, the best marked
//! (what the offers window shows).

use super::read::{Figure, LineAnswer};
use crate::model::{Direction, Dossier, ImpactTheme};
use serde::Serialize;
use ts_rs::TS;

/// One offer's answer on a line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OfferFigure {
    /// The offer as the caller names it (the firm's name).
    pub offer: String,
    pub figure: Figure,
    pub justification: String,
    /// The best figure of the line (several offers when they tie).
    pub best: bool,
}

/// A measured line of the dossier and every offer's answer on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LineComparison {
    pub question_id: String,
    pub prompt: String,
    pub unit: String,
    pub theme: ImpactTheme,
    pub direction: Direction,
    /// In the order the offers were given.
    pub offers: Vec<OfferFigure>,
}

/// Per measured line of the dossier, each offer's figure, the best one
/// marked according to the line's direction. An offer that did not answer
/// a line shows it as missing; « non mesuré » and missing are never best.
pub fn compare(dossier: &Dossier, offers: &[(String, Vec<LineAnswer>)]) -> Vec<LineComparison> {
    dossier
        .questions
        .iter()
        .filter_map(|q| Some((q, q.measure.as_ref()?)))
        .map(|(q, m)| {
            let mut row: Vec<OfferFigure> = offers
                .iter()
                .map(|(name, answers)| {
                    let a = answers.iter().find(|a| a.question_id == q.id);
                    OfferFigure {
                        offer: name.clone(),
                        figure: a.map_or(Figure::Missing, |a| a.figure.clone()),
                        justification: a.map(|a| a.justification.clone()).unwrap_or_default(),
                        best: false,
                    }
                })
                .collect();
            let values = row.iter().filter_map(|o| match o.figure {
                Figure::Value(v) => Some(v),
                _ => None,
            });
            let best = match m.direction {
                Direction::LowerIsBetter => values.reduce(f64::min),
                Direction::HigherIsBetter => values.reduce(f64::max),
            };
            if let Some(best) = best {
                for o in &mut row {
                    o.best = o.figure == Figure::Value(best);
                }
            }
            LineComparison {
                question_id: q.id.clone(),
                prompt: q.prompt.clone(),
                unit: m.unit.clone(),
                theme: m.theme,
                direction: m.direction,
                offers: row,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn answer(id: &str, figure: Figure) -> LineAnswer {
        LineAnswer {
            question_id: id.into(),
            figure,
            justification: String::new(),
        }
    }

    #[test]
    fn the_best_figure_follows_the_direction_of_the_line() {
        let d = crate::samples::find("restauration-scolaire")
            .unwrap()
            .instantiate(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), "u".into());
        let a = vec![
            answer("rs-produits-bio", Figure::Value(25.0)),
            answer("rs-km-livraison", Figure::Value(40.0)),
            answer("rs-co2-livraisons", Figure::NotMeasured),
        ];
        let b = vec![
            answer("rs-produits-bio", Figure::Value(30.0)),
            answer("rs-km-livraison", Figure::Value(40.0)),
            answer("rs-co2-livraisons", Figure::Value(900.0)),
        ];
        let rows = compare(&d, &[("A".into(), a), ("B".into(), b)]);
        let measured = d.questions.iter().filter(|q| q.measure.is_some()).count();
        assert_eq!(rows.len(), measured);
        let best = |id: &str| -> Vec<bool> {
            rows.iter()
                .find(|r| r.question_id == id)
                .unwrap()
                .offers
                .iter()
                .map(|o| o.best)
                .collect()
        };
        assert_eq!(best("rs-produits-bio"), [false, true], "higher is better");
        assert_eq!(best("rs-km-livraison"), [true, true], "a tie marks both");
        assert_eq!(
            best("rs-co2-livraisons"),
            [false, true],
            "non mesuré is never best"
        );
        assert_eq!(
            best("rs-produits-durables"),
            [false, false],
            "nobody answered"
        );
        let row = rows
            .iter()
            .find(|r| r.question_id == "rs-km-livraison")
            .unwrap();
        assert_eq!(row.direction, Direction::LowerIsBetter);
        assert_eq!(row.unit, "km par livraison");
    }
}
