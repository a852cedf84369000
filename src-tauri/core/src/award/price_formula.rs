//! The price formula a criterion states: worded for the DCE and computed
//! for the analysis from the same data, so the two cannot disagree.

use crate::model::{CriterionKind, PriceFormula};

/// The points an offer gets on a price criterion worth `weight` points, by
/// the formula the DCE announces, in hundredths of a point rounded half up
/// (the report prints « 36,35 »). `lowest` and `highest` are the amounts of
/// the offers in competition in the lot. `None` for an amount that is not
/// positive: no price was read.
pub fn formula_points_hundredths(
    formula: PriceFormula,
    weight: u32,
    lowest_cents: i64,
    highest_cents: i64,
    offer_cents: i64,
) -> Option<i64> {
    if offer_cents <= 0 || lowest_cents <= 0 {
        return None;
    }
    let full = i128::from(weight) * 100;
    let (numerator, denominator) = match formula {
        PriceFormula::LowestOverOffer => (full * i128::from(lowest_cents), i128::from(offer_cents)),
        // With a single amount, or every offer at it, each gets every point.
        PriceFormula::Linear if highest_cents <= lowest_cents => return Some(full as i64),
        PriceFormula::Linear => (
            full * i128::from(highest_cents.saturating_sub(offer_cents).max(0)),
            i128::from(highest_cents - lowest_cents),
        ),
    };
    Some(((2 * numerator + denominator) / (2 * denominator)) as i64)
}

/// Points × lowest amount ÷ the offer's amount: the usual formula, kept by
/// name for the callers that know no other.
pub fn price_points_hundredths(weight: u32, lowest_cents: i64, offer_cents: i64) -> Option<i64> {
    formula_points_hundredths(
        PriceFormula::LowestOverOffer,
        weight,
        lowest_cents,
        lowest_cents,
        offer_cents,
    )
}

/// The formula as the DCE states it, for a criterion of `kind` worth `weight` points.
pub fn formula_wording(formula: PriceFormula, kind: CriterionKind, weight: u32) -> String {
    let (amount, lowest, highest) = match kind {
        CriterionKind::LifeCycleCost => {
            ("coût de l’offre", "coût le plus bas", "coût le plus élevé")
        }
        _ => ("prix de l’offre", "prix le plus bas", "prix le plus élevé"),
    };
    let rounding = "arrondie au centième de point";
    match formula {
        PriceFormula::LowestOverOffer => format!(
            "Note = {weight} × ({lowest} ÷ {amount}), {rounding}."
        ),
        PriceFormula::Linear => format!(
            "Note = {weight} × ({highest} − {amount}) ÷ ({highest} − {lowest}), {rounding}\u{202f}; l’offre au {lowest} obtient {weight} points, celle au {highest} 0 point, et si toutes les offres sont au même montant, chacune obtient {weight} points."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PriceFormula::*;

    #[test]
    fn lowest_over_offer_gives_every_point_to_the_lowest_and_the_others_in_proportion() {
        assert_eq!(price_points_hundredths(40, 100_000, 100_000), Some(4_000));
        // 40 × 1 000 ÷ 1 100 = 36,3636… → 36,36.
        assert_eq!(price_points_hundredths(40, 100_000, 110_000), Some(3_636));
        // 40 × 2 ÷ 3 = 26,666… → 26,67.
        assert_eq!(price_points_hundredths(40, 200, 300), Some(2_667));
        // 40 × 8 ÷ 9 = 35,5555… → 35,56 (the highest amount plays no part).
        assert_eq!(
            formula_points_hundredths(LowestOverOffer, 40, 80_000, 1_000_000, 90_000),
            Some(3_556)
        );
        assert_eq!(price_points_hundredths(40, 100_000, 0), None);
    }

    #[test]
    fn linear_runs_from_every_point_at_the_lowest_to_none_at_the_highest() {
        let f = |offer| formula_points_hundredths(Linear, 40, 80_000, 120_000, offer);
        assert_eq!(f(80_000), Some(4_000));
        assert_eq!(f(120_000), Some(0));
        // 40 × (1 200 − 1 000) ÷ (1 200 − 800) = 20.
        assert_eq!(f(100_000), Some(2_000));
        // 40 × (1 200 − 1 150) ÷ 400 = 5.
        assert_eq!(f(115_000), Some(500));
        // 30 × (1 000 − 930) ÷ (1 000 − 700) = 7.
        assert_eq!(
            formula_points_hundredths(Linear, 30, 70_000, 100_000, 93_000),
            Some(700)
        );
        // 40 × 0,01 ÷ 300 = 0,0013… → 0; 40 × 100 ÷ 300 = 13,333… → 13,33.
        assert_eq!(
            formula_points_hundredths(Linear, 40, 70_000, 100_000, 99_999),
            Some(0)
        );
        assert_eq!(
            formula_points_hundredths(Linear, 40, 70_000, 100_000, 90_000),
            Some(1_333)
        );
        // A single offer, or offers at one amount: every point.
        assert_eq!(
            formula_points_hundredths(Linear, 40, 90_000, 90_000, 90_000),
            Some(4_000)
        );
        assert_eq!(
            formula_points_hundredths(Linear, 40, 90_000, 90_000, 0),
            None
        );
    }

    #[test]
    fn the_wording_names_the_weight_and_the_amount_scored() {
        assert_eq!(
            formula_wording(LowestOverOffer, CriterionKind::Price, 40),
            "Note = 40 × (prix le plus bas ÷ prix de l’offre), arrondie au centième de point."
        );
        let cost = formula_wording(Linear, CriterionKind::LifeCycleCost, 35);
        assert!(
            cost.starts_with("Note = 35 × (coût le plus élevé − coût de l’offre) ÷ (coût le plus élevé − coût le plus bas)"),
            "{cost}"
        );
    }
}
