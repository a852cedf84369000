//! The price schedule's model helpers on the school-catering sample.

mod common;

use dce_core::prices::{self, estimate, paste_lines, Pieces};

#[test]
fn the_catering_estimate_adds_its_lines_and_keeps_the_snack_pse_apart() {
    let d = common::catering();
    let schedule = prices::schedule_for(&d, None).expect("the sample has its schedule");
    assert_eq!(
        prices::pieces(schedule),
        Pieces {
            unit_prices: true,
            lump_sum: false
        }
    );
    let e = estimate(schedule);
    // 4 200 × 3,30 + 6 300 × 3,50 + 700 × 5,00 + 150 × 4,00 = 40 010 € a year.
    assert_eq!(e.lines["L1"], 1_386_000);
    assert_eq!(e.base_cents, 4_001_000);
    assert_eq!(e.chapters["C1"], 4_001_000);
    // 3 500 snacks × 0,90 €.
    assert_eq!(e.pse_cents[&1], 315_000);
    assert_eq!(e.incomplete_lines, 0);
}

#[test]
fn a_line_with_a_quantity_and_no_estimate_is_counted_as_incomplete() {
    let mut d = common::catering();
    let pasted = paste_lines(&d.prices, "Repas de régime\trepas\t40").unwrap();
    assert_eq!(
        pasted[0].id, "L6",
        "ids continue after the sample's five lines"
    );
    d.prices.schedules[0].chapters[0].lines.extend(pasted);
    let e = estimate(&d.prices.schedules[0]);
    assert_eq!(e.incomplete_lines, 1);
    assert_eq!(e.base_cents, 4_001_000, "the unpriced line adds nothing");
}
