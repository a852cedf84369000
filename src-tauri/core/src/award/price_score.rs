/// The points an offer gets on a price criterion worth `weight` points, by
/// the method the DCE announces: weight × lowest amount ÷ the offer's
/// amount, in hundredths of a point rounded half up (the report prints
/// « 36,35 »). `None` for an amount that is not positive: no price was read.
pub fn price_points_hundredths(weight: u32, lowest_cents: i64, offer_cents: i64) -> Option<i64> {
    if offer_cents <= 0 || lowest_cents <= 0 {
        return None;
    }
    let exact = i128::from(weight) * 100 * i128::from(lowest_cents);
    let offer = i128::from(offer_cents);
    Some(((2 * exact + offer) / (2 * offer)) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_offer_gets_every_point_and_the_others_in_proportion() {
        assert_eq!(price_points_hundredths(40, 100_000, 100_000), Some(4_000));
        // 40 × 1 000 ÷ 1 100 = 36,3636… → 36,36.
        assert_eq!(price_points_hundredths(40, 100_000, 110_000), Some(3_636));
        // 40 × 2 ÷ 3 = 26,666… → 26,67.
        assert_eq!(price_points_hundredths(40, 200, 300), Some(2_667));
        assert_eq!(price_points_hundredths(40, 100_000, 0), None);
    }
}
