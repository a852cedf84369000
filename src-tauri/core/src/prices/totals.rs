use std::collections::BTreeMap;

use crate::model::{Dossier, PriceSchedule};

/// What a bidder wrote against one line: the unit price and the quantity
/// it applies to (the buyer's for a DQE line, the bidder's own for a DPGF line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineOffer {
    pub unit_price_cents: i64,
    pub quantity_thousandths: i64,
}

/// A line's amount, rounded to the cent half away from zero, as the
/// spreadsheet's `ROUND(quantity × price; 2)` does.
pub fn line_total_cents(offer: LineOffer) -> i64 {
    let exact = i128::from(offer.unit_price_cents) * i128::from(offer.quantity_thousandths);
    let rounded = (exact.abs() + 500) / 1000 * exact.signum();
    rounded as i64
}

/// VAT on an amount excluding VAT, rounded to the cent half away from zero.
pub fn vat_cents(ht_cents: i64, rate_basis_points: u32) -> i64 {
    let exact = i128::from(ht_cents) * i128::from(rate_basis_points);
    ((exact.abs() + 5_000) / 10_000 * exact.signum()) as i64
}

/// A schedule's totals excluding VAT, recomputed from the lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScheduleTotals {
    /// The base offer: every chapter that prices no PSE.
    pub base_ht_cents: i64,
    /// Each PSE priced in the schedule, by its number, with its total.
    pub pse_ht_cents: BTreeMap<u32, i64>,
}

/// Totals of a schedule from what a bidder wrote, line id by line id; a line
/// with nothing written counts for nothing (the reader refuses such a file first).
pub fn totals(schedule: &PriceSchedule, offers: &BTreeMap<String, LineOffer>) -> ScheduleTotals {
    let mut out = ScheduleTotals::default();
    for chapter in &schedule.chapters {
        let sum: i64 = chapter
            .lines
            .iter()
            .filter_map(|l| offers.get(&l.id))
            .map(|o| line_total_cents(*o))
            .sum();
        match chapter.pse {
            None => out.base_ht_cents += sum,
            Some(n) => *out.pse_ht_cents.entry(n).or_default() += sum,
        }
    }
    out
}

/// The amount offers are compared on: the base offer and every PSE whose
/// pricing the dossier makes compulsory.
pub fn compared_total_cents(dossier: &Dossier, totals: &ScheduleTotals) -> i64 {
    let compulsory: i64 = totals
        .pse_ht_cents
        .iter()
        .filter(|(n, _)| {
            **n > 0
                && dossier
                    .pse
                    .get((**n as usize).saturating_sub(1))
                    .is_some_and(|p| p.pricing_compulsory)
        })
        .map(|(_, cents)| cents)
        .sum();
    totals.base_ht_cents + compulsory
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_totals_round_to_the_cent_half_away_from_zero() {
        // 12,5 m² at 3,33 € = 41,625 € → 41,63 €.
        let offer = LineOffer {
            unit_price_cents: 333,
            quantity_thousandths: 12_500,
        };
        assert_eq!(line_total_cents(offer), 4_163);
        // 0,001 u at 4,99 € = 0,00499 € → 0 €.
        let tiny = LineOffer {
            unit_price_cents: 499,
            quantity_thousandths: 1,
        };
        assert_eq!(line_total_cents(tiny), 0);
    }

    #[test]
    fn vat_is_rounded_on_the_total() {
        assert_eq!(vat_cents(10_005, 2000), 2_001);
        assert_eq!(vat_cents(12_345, 550), 679);
        assert_eq!(vat_cents(0, 1000), 0);
    }
}
