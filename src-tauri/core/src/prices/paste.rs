//! Lines pasted from a spreadsheet: each row « désignation ⇥ unité ⇥ quantité »,
//! as LibreOffice Calc or Excel copy a selection. A leading number column
//! (« 1.2 ») and a header row are recognised and skipped, so a bordereau
//! copied from an older file pastes as it is.

use thiserror::Error;

use crate::model::{PriceLine, PriceUnit, Prices};
use crate::prices::next_number;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PasteError {
    #[error("Rien à coller : copiez des lignes d’un tableur (désignation, unité, quantité), puis collez-les ici.")]
    Empty,
    #[error(
        "Ligne {row} : l’unité « {unit} » n’est pas connue. Utilisez l’une de celles-ci : {known}."
    )]
    UnknownUnit {
        row: usize,
        unit: String,
        known: String,
    },
    #[error("Ligne {row} : la quantité « {quantity} » n’est pas un nombre. Tapez par exemple 1 250 ou 12,5 (trois décimales au plus).")]
    BadQuantity { row: usize, quantity: String },
    #[error("Ligne {row} : la désignation est vide. Chaque ligne commence par ce qui est acheté.")]
    NoDesignation { row: usize },
}

/// The lines of the pasted text, with fresh ids following those of `prices`.
pub fn paste_lines(prices: &Prices, text: &str) -> Result<Vec<PriceLine>, PasteError> {
    let rows: Vec<(usize, Vec<&str>)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect::<Vec<_>>()))
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    let mut next = next_number(prices, 'L');
    let mut out = Vec::new();
    for (k, (row, cells)) in rows.iter().enumerate() {
        if k == 0 && is_header(cells) {
            continue;
        }
        let cells = without_number_column(cells);
        let designation = cells.first().copied().unwrap_or_default();
        if designation.is_empty() {
            return Err(PasteError::NoDesignation { row: *row });
        }
        let unit = match cells.get(1).copied().filter(|u| !u.is_empty()) {
            None => PriceUnit::U,
            Some(u) => unit_from(u).ok_or_else(|| PasteError::UnknownUnit {
                row: *row,
                unit: u.to_string(),
                known: PriceUnit::ALL.map(PriceUnit::symbol).join(", "),
            })?,
        };
        let quantity_thousandths = match cells.get(2).copied().filter(|q| !q.is_empty()) {
            None => None,
            Some(q) => Some(parse_quantity(q).ok_or_else(|| PasteError::BadQuantity {
                row: *row,
                quantity: q.to_string(),
            })?),
        };
        out.push(PriceLine {
            id: format!("L{next}"),
            designation: designation.to_string(),
            unit,
            quantity_thousandths,
            estimate_cents: None,
        });
        next += 1;
    }
    if out.is_empty() {
        return Err(PasteError::Empty);
    }
    Ok(out)
}

/// Drops a first column holding only a line number (« 3 », « 1.2 », « 2.10 »)
/// when the row has more columns after it.
fn without_number_column<'a>(cells: &'a [&'a str]) -> &'a [&'a str] {
    let numbered = cells.len() >= 2
        && !cells[0].is_empty()
        && cells[0].chars().all(|c| c.is_ascii_digit() || c == '.');
    if numbered {
        &cells[1..]
    } else {
        cells
    }
}

fn is_header(cells: &[&str]) -> bool {
    cells
        .iter()
        .map(|c| c.to_lowercase())
        .any(|c| c.starts_with("désignation") || c.starts_with("designation") || c == "libellé")
}

/// A unit as people type it: its symbol, its name, or a usual abbreviation.
fn unit_from(text: &str) -> Option<PriceUnit> {
    let t = text.to_lowercase().replace(['.', ' '], "");
    let alias = match t.as_str() {
        "m2" => Some(PriceUnit::M2),
        "m3" => Some(PriceUnit::M3),
        "ens" | "ft" | "fft" | "forf" | "forfaitaire" => Some(PriceUnit::Forfait),
        "unité" | "unite" | "pce" | "pièce" | "piece" | "nb" => Some(PriceUnit::U),
        "tonne" | "tonnes" => Some(PriceUnit::T),
        "heure" | "heures" => Some(PriceUnit::H),
        "jours" | "j" => Some(PriceUnit::Jour),
        "litre" | "litres" => Some(PriceUnit::L),
        "mètrelinéaire" | "metrelineaire" => Some(PriceUnit::Ml),
        _ => None,
    };
    alias.or_else(|| {
        PriceUnit::ALL
            .into_iter()
            .find(|u| u.symbol() == t || u.name().replace(' ', "") == t)
    })
}

/// Thousandths from « 1 250 », « 12,5 », « 0.125 »; at most three decimals, never negative.
pub fn parse_quantity(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}'))
        .collect();
    let (whole, fraction) = match cleaned.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || fraction.len() > 3 || !(fraction.is_empty() || digits(fraction)) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = format!("{fraction:0<3}").parse().ok()?;
    whole.checked_mul(1000)?.checked_add(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_bordereau_pastes_with_its_numbers_and_header_skipped() {
        let text = "N°\tDésignation\tUnité\tQuantité\n1.1\tFraisage de chaussée\tm2\t1 250,5\n1.2\tCouche de roulement\tt\t180\n\n1.3\tSignalisation horizontale\tml\t\n";
        let lines = paste_lines(&Prices::default(), text).unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].id, "L1");
        assert_eq!(lines[0].designation, "Fraisage de chaussée");
        assert_eq!(lines[0].unit, PriceUnit::M2);
        assert_eq!(lines[0].quantity_thousandths, Some(1_250_500));
        assert_eq!(lines[1].unit, PriceUnit::T);
        assert_eq!(lines[2].id, "L3");
        assert_eq!(lines[2].quantity_thousandths, None);
    }

    #[test]
    fn a_designation_alone_is_one_unit_line() {
        let lines = paste_lines(&Prices::default(), "Repas adulte").unwrap();
        assert_eq!(lines[0].unit, PriceUnit::U);
        assert_eq!(lines[0].quantity_thousandths, None);
    }

    #[test]
    fn bad_rows_are_named_in_french() {
        let unit =
            paste_lines(&Prices::default(), "Repas\trepas\t10\nGoûter\tpaquet\t5").unwrap_err();
        assert!(
            unit.to_string()
                .starts_with("Ligne 2 : l’unité « paquet » n’est pas connue"),
            "{unit}"
        );
        assert!(unit.to_string().contains("m², m³"));
        let quantity = paste_lines(&Prices::default(), "Repas\trepas\tdix").unwrap_err();
        assert_eq!(
            quantity,
            PasteError::BadQuantity {
                row: 1,
                quantity: "dix".into()
            }
        );
        assert_eq!(
            paste_lines(&Prices::default(), "\n\t\n"),
            Err(PasteError::Empty)
        );
        assert_eq!(
            paste_lines(&Prices::default(), "\trepas\t3"),
            Err(PasteError::NoDesignation { row: 1 })
        );
    }

    #[test]
    fn quantities_read_the_french_way() {
        assert_eq!(parse_quantity("1 250"), Some(1_250_000));
        assert_eq!(parse_quantity("12,5"), Some(12_500));
        assert_eq!(parse_quantity("0.125"), Some(125));
        assert_eq!(parse_quantity("1,2345"), None);
        assert_eq!(parse_quantity("-3"), None);
        assert_eq!(parse_quantity(","), None);
    }
}
