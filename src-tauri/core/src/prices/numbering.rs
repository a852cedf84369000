use crate::model::Prices;

/// The number a bidder reads in front of a line: « 2.3 » is the third line of
/// the second chapter. Numbers follow the order on screen; the read-back
/// matches lines by id, so reordering never breaks a filled file's identity check.
pub fn line_number(chapter: usize, line: usize) -> String {
    format!("{chapter}.{line}")
}

/// A fresh id for a chapter (`C…`) or a line (`L…`): one more than the
/// highest already used in the dossier, so ids never come back after a deletion
/// within the same schedule history and stay short and readable in the XLSX.
pub fn next_id(prices: &Prices, prefix: char) -> String {
    format!("{prefix}{}", next_number(prices, prefix))
}

/// The number of the next id with `prefix`: what [`next_id`] appends.
pub fn next_number(prices: &Prices, prefix: char) -> u64 {
    let used = prices
        .schedules
        .iter()
        .flat_map(|s| &s.chapters)
        .flat_map(|c| std::iter::once(&c.id).chain(c.lines.iter().map(|l| &l.id)))
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    used + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn ids_follow_the_highest_of_their_kind() {
        let mut prices = Prices::default();
        assert_eq!(next_id(&prices, 'L'), "L1");
        prices.schedules.push(PriceSchedule {
            lot: None,
            chapters: vec![PriceChapter {
                id: "C4".into(),
                title: "Repas".into(),
                pricing: LinePricing::Unit,
                pse: None,
                lines: vec![PriceLine {
                    id: "L9".into(),
                    designation: "Repas enfant".into(),
                    unit: PriceUnit::Repas,
                    quantity_thousandths: Some(1_000),
                    estimate_cents: None,
                }],
            }],
        });
        assert_eq!(next_id(&prices, 'L'), "L10");
        assert_eq!(next_id(&prices, 'C'), "C5");
        assert_eq!(line_number(2, 3), "2.3");
    }
}
