//! The price schedule bidders fill in (BPU, DQE, DPGF): which pieces a
//! schedule becomes, how its lines are numbered and how its totals are
//! computed; the workbook bidders fill in, written and read back. Totals
//! are always recomputed here from unit prices and quantities, never taken
//! from a file.

mod error;
mod estimate;
mod numbering;
mod paste;
mod totals;
mod units;
mod xlsx_read;
mod xlsx_write;

pub use error::*;
pub use estimate::*;
pub use numbering::*;
pub use paste::*;
pub use totals::*;
pub use units::*;
pub use xlsx_read::{read_xlsx, FilledSchedule, VariantRow};
pub use xlsx_write::write_xlsx;

use crate::model::{Dossier, LinePricing, PriceChapter, PriceSchedule};

/// The schedule of a lot (`Some(number)`) or of a contract without lots (`None`).
pub fn schedule_for(dossier: &Dossier, lot: Option<u32>) -> Option<&PriceSchedule> {
    dossier.prices.schedules.iter().find(|s| s.lot == lot)
}

/// Which pieces a schedule becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pieces {
    /// Bordereau des prix unitaires and détail quantitatif estimatif.
    pub unit_prices: bool,
    /// Décomposition du prix global et forfaitaire.
    pub lump_sum: bool,
}

pub fn pieces(schedule: &PriceSchedule) -> Pieces {
    let has = |p: LinePricing| schedule.chapters.iter().any(|c| c.pricing == p);
    Pieces {
        unit_prices: has(LinePricing::Unit),
        lump_sum: has(LinePricing::LumpSum),
    }
}

/// The chapters of one pricing, with their number in the schedule (from 1).
pub fn chapters_priced(
    schedule: &PriceSchedule,
    pricing: LinePricing,
) -> impl Iterator<Item = (usize, &PriceChapter)> {
    schedule
        .chapters
        .iter()
        .enumerate()
        .filter(move |(_, c)| c.pricing == pricing)
        .map(|(i, c)| (i + 1, c))
}
