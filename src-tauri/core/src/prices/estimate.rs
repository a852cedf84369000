use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::model::PriceSchedule;
use crate::prices::{line_total_cents, totals, LineOffer};

/// The commune's estimate of one schedule, from the unit prices it
/// estimated: what the guided path shows beside the lines while she writes them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct ScheduleEstimate {
    pub lot: Option<u32>,
    /// Line id → estimated amount excluding VAT, in cents, for lines with a price and a quantity.
    #[ts(type = "Record<string, number>")]
    pub lines: BTreeMap<String, i64>,
    /// Chapter id → estimated amount excluding VAT, in cents.
    #[ts(type = "Record<string, number>")]
    pub chapters: BTreeMap<String, i64>,
    /// The base offer (every chapter that prices no PSE).
    #[ts(type = "number")]
    pub base_cents: i64,
    /// PSE number → estimated amount.
    #[ts(type = "Record<number, number>")]
    pub pse_cents: BTreeMap<u32, i64>,
    /// Lines with a quantity but no estimated price, or the reverse: the estimate leaves them out.
    pub incomplete_lines: usize,
}

pub fn estimate(schedule: &PriceSchedule) -> ScheduleEstimate {
    let mut offers = BTreeMap::new();
    let mut incomplete_lines = 0;
    for line in schedule.chapters.iter().flat_map(|c| &c.lines) {
        match (line.estimate_cents, line.quantity_thousandths) {
            (Some(unit_price_cents), Some(quantity_thousandths)) => {
                offers.insert(
                    line.id.clone(),
                    LineOffer {
                        unit_price_cents,
                        quantity_thousandths,
                    },
                );
            }
            (None, None) => {}
            _ => incomplete_lines += 1,
        }
    }
    let lines: BTreeMap<String, i64> = offers
        .iter()
        .map(|(id, o)| (id.clone(), line_total_cents(*o)))
        .collect();
    let chapters = schedule
        .chapters
        .iter()
        .map(|c| {
            let sum = c.lines.iter().filter_map(|l| lines.get(&l.id)).sum();
            (c.id.clone(), sum)
        })
        .collect();
    let sums = totals(schedule, &offers);
    ScheduleEstimate {
        lot: schedule.lot,
        lines,
        chapters,
        base_cents: sums.base_ht_cents,
        pse_cents: sums.pse_ht_cents,
        incomplete_lines,
    }
}
