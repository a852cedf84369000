//! The yearly figures as a CSV file for the council's report, as French
//! Excel and LibreOffice open it with a double click: UTF-8 with a byte
//! order mark, semicolons between fields, a decimal comma, and plain
//! numbers (no thousands separator, no unit) so that cells can be summed.

use super::YearFigures;

const BOM: &str = "\u{feff}";

/// The table of [`YearFigures`]: the headers, a line for all the
/// consultations of the year, then one line per indicator.
pub fn to_csv(figures: &YearFigures) -> String {
    let mut out = String::from(BOM);
    let mut line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    let mut headers = figures.headers.clone();
    // The cells are bare numbers: the unit goes in the header.
    headers[2].push_str(" (%)");
    headers[3].push_str(" (€)");
    headers[4].push_str(" (%)");
    line(&headers);
    let all = if figures.consultations > 0 { 10_000 } else { 0 };
    line(&[
        format!("Ensemble des consultations {}", figures.year),
        figures.consultations.to_string(),
        percent(all),
        euros(figures.amount_cents),
        percent(all),
    ]);
    for i in &figures.indicators {
        line(&[
            i.label.clone(),
            i.count.to_string(),
            percent(i.count_share),
            euros(i.amount_cents),
            percent(i.amount_share),
        ]);
    }
    out
}

/// The name the save dialog proposes: « bilan-annuel-2026.csv ».
pub fn csv_file_name(year: i32) -> String {
    format!("bilan-annuel-{year}.csv")
}

/// A field, quoted when it holds a separator, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Cents as euros with two decimals: « 512000,00 ».
fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// Basis points as a percentage with two decimals: « 33,33 ».
fn percent(basis_points: u32) -> String {
    format!("{},{:02}", basis_points / 100, basis_points % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_a_decimal_comma_and_no_grouping() {
        assert_eq!(euros(51_200_000), "512000,00");
        assert_eq!(euros(-5), "-0,05");
        assert_eq!(percent(3_333), "33,33");
        assert_eq!(percent(10_000), "100,00");
    }

    #[test]
    fn a_field_with_a_separator_is_quoted() {
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("dit \"x\""), "\"dit \"\"x\"\"\"");
        assert_eq!(field("Achat innovant"), "Achat innovant");
    }
}
