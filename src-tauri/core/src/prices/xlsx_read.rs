//! A filled price schedule read back: the workbook [`super::write_xlsx`]
//! produced, once a firm has typed its prices in a spreadsheet. Nothing the
//! spreadsheet computed is trusted: each line's price (and, in a DPGF, its
//! quantity) is read and the totals are recomputed with [`super::totals`].

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx, XlsxError};

use super::xlsx_write::{
    Columns, BPU, BPU_COLS, COL_DESIGNATION, COL_FIRM, COL_NUMBER, COL_UNIT, DPGF, DQE, IDENTITY,
    ID_LOT, ID_REFERENCE, ID_UID, MARK_FIRM, MARK_HEADER, MARK_LINE, MARK_SIRET, MARK_VARIANT,
    PRICED_COLS, VARIANT, VARIANT_ROWS,
};
use super::{
    chapters_priced, compared_total_cents, line_number, line_total_cents, pieces, schedule_for,
    totals, vat_cents, LineOffer, LineRef, PriceError, ScheduleTotals,
};
use crate::model::{Dossier, LinePricing, PriceLine, PriceSchedule};

/// What a firm offered, read from its filled schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledSchedule {
    /// Unit price and quantity of every line, by line id.
    pub offers: BTreeMap<String, LineOffer>,
    pub totals: ScheduleTotals,
    /// What offers are compared on (base and compulsory PSE), excluding VAT…
    pub compared_ht_cents: i64,
    /// …its VAT at the dossier's rate…
    pub compared_vat_cents: i64,
    /// …and including VAT.
    pub compared_ttc_cents: i64,
    pub firm_name: Option<String>,
    pub firm_siret: Option<String>,
    /// The rows of the variant sheet the firm filled, in order.
    pub variant: Vec<VariantRow>,
}

/// One row of a variant, as the firm wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantRow {
    pub designation: String,
    pub unit: String,
    pub offer: LineOffer,
}

impl FilledSchedule {
    /// The variant's total excluding VAT, recomputed from its rows.
    pub fn variant_ht_cents(&self) -> i64 {
        self.variant.iter().map(|r| line_total_cents(r.offer)).sum()
    }
}

/// Reads a filled schedule of a lot (`Some(number)`) or of a contract without
/// lots (`None`), and refuses it, saying why in French, unless it is this
/// dossier's schedule with every line intact and priced.
pub fn read_xlsx(
    dossier: &Dossier,
    lot: Option<u32>,
    bytes: &[u8],
) -> Result<FilledSchedule, PriceError> {
    let schedule = schedule_for(dossier, lot).ok_or(PriceError::NoSchedule { lot })?;
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: XlsxError| PriceError::NotXlsx {
            detail: e.to_string(),
        })?;
    check_identity(&mut book, dossier, lot)?;
    let p = pieces(schedule);
    let mut offers = BTreeMap::new();
    let bpu = if p.unit_prices {
        let bpu = Sheet::open(&mut book, BPU, BPU_COLS)?;
        let dqe = Sheet::open(&mut book, DQE, PRICED_COLS)?;
        read_unit_prices(schedule, &bpu, &dqe, &mut offers)?;
        Some(bpu)
    } else {
        None
    };
    let dpgf = if p.lump_sum {
        let dpgf = Sheet::open(&mut book, DPGF, PRICED_COLS)?;
        read_lump_sum(schedule, &dpgf, &mut offers)?;
        Some(dpgf)
    } else {
        None
    };
    // The firm's name and SIRET are on the sheet the workbook opens on.
    let first = bpu.as_ref().or(dpgf.as_ref());
    let firm = |marker| first.and_then(|s| s.marked_text(marker));
    let variant = if !dossier.variants.policy.admits_variants() {
        Vec::new()
    } else {
        Sheet::open(&mut book, VARIANT, PRICED_COLS)?.variant_rows()?
    };
    let totals = totals(schedule, &offers);
    let compared_ht_cents = compared_total_cents(dossier, &totals);
    let compared_vat_cents = vat_cents(compared_ht_cents, dossier.prices.vat_rate_basis_points);
    Ok(FilledSchedule {
        offers,
        totals,
        compared_ht_cents,
        compared_vat_cents,
        compared_ttc_cents: compared_ht_cents + compared_vat_cents,
        firm_name: firm(MARK_FIRM),
        firm_siret: firm(MARK_SIRET),
        variant,
    })
}

/// Prices from the BPU; the DQE must still hold the buyer's quantities.
fn read_unit_prices(
    schedule: &PriceSchedule,
    bpu: &Sheet,
    dqe: &Sheet,
    offers: &mut BTreeMap<String, LineOffer>,
) -> Result<(), PriceError> {
    bpu.check_added(schedule, LinePricing::Unit)?;
    dqe.check_added(schedule, LinePricing::Unit)?;
    let qty = PRICED_COLS.quantity.unwrap_or_default();
    for (number, line) in lines(schedule, LinePricing::Unit) {
        let price_row = bpu.line_row(&number, line)?;
        let quantity_row = dqe.line_row(&number, line)?;
        let unchanged =
            matches!(dqe.number(quantity_row, qty, 3), Ok(q) if q == line.quantity_thousandths);
        if !unchanged {
            return Err(PriceError::LineChanged {
                line: dqe.line_ref(&number, line),
                what: "la quantité estimée",
                found: dqe.text(quantity_row, qty),
            });
        }
        let unit_price_cents = bpu.price(price_row, &number, line)?;
        offers.insert(
            line.id.clone(),
            LineOffer {
                unit_price_cents,
                quantity_thousandths: line.quantity_thousandths.unwrap_or(0),
            },
        );
    }
    Ok(())
}

/// Prices and the firm's own quantities from the DPGF.
fn read_lump_sum(
    schedule: &PriceSchedule,
    dpgf: &Sheet,
    offers: &mut BTreeMap<String, LineOffer>,
) -> Result<(), PriceError> {
    dpgf.check_added(schedule, LinePricing::LumpSum)?;
    let qty = PRICED_COLS.quantity.unwrap_or_default();
    for (number, line) in lines(schedule, LinePricing::LumpSum) {
        let row = dpgf.line_row(&number, line)?;
        let line_ref = || dpgf.line_ref(&number, line);
        let quantity_thousandths = dpgf.figure(row, qty, 3, "la quantité", &line_ref)?;
        let unit_price_cents = dpgf.price(row, &number, line)?;
        offers.insert(
            line.id.clone(),
            LineOffer {
                unit_price_cents,
                quantity_thousandths,
            },
        );
    }
    Ok(())
}

/// The lines of one pricing with the number a bidder reads in front of them.
fn lines(
    schedule: &PriceSchedule,
    pricing: LinePricing,
) -> impl Iterator<Item = (String, &PriceLine)> {
    chapters_priced(schedule, pricing).flat_map(|(number, chapter)| {
        chapter
            .lines
            .iter()
            .enumerate()
            .map(move |(i, line)| (line_number(number, i + 1), line))
    })
}

fn check_identity(
    book: &mut Xlsx<Cursor<&[u8]>>,
    dossier: &Dossier,
    lot: Option<u32>,
) -> Result<(), PriceError> {
    let range = book
        .worksheet_range(IDENTITY)
        .map_err(|_| PriceError::NotOurSchedule)?;
    let value = |row: u32| range.get_value((row, 1)).map(cell_text).unwrap_or_default();
    let reference = value(ID_REFERENCE);
    if reference != dossier.reference {
        return Err(PriceError::WrongReference {
            found: reference,
            expected: dossier.reference.clone(),
        });
    }
    if value(ID_UID) != dossier.uid {
        return Err(PriceError::WrongDossier { reference });
    }
    let found = match range.get_value((ID_LOT, 1)) {
        None | Some(Data::Empty) => None,
        Some(Data::Float(f)) => Some(*f as u32),
        Some(Data::Int(i)) => Some(*i as u32),
        Some(other) => cell_text(other).trim().parse().ok(),
    };
    if found != lot {
        return Err(PriceError::WrongLot {
            found,
            expected: lot,
        });
    }
    Ok(())
}

/// A sheet of the workbook and the row of each marker in its hidden column.
struct Sheet {
    name: &'static str,
    range: Range<Data>,
    cols: Columns,
    rows: HashMap<String, u32>,
    header: u32,
}

impl Sheet {
    fn open(
        book: &mut Xlsx<Cursor<&[u8]>>,
        name: &'static str,
        cols: Columns,
    ) -> Result<Self, PriceError> {
        let missing = || PriceError::MissingSheet {
            sheet: name.to_string(),
        };
        let range = book.worksheet_range(name).map_err(|_| missing())?;
        let mut rows = HashMap::new();
        let (first, last) = (range.start(), range.end());
        if let (Some((first, _)), Some((last, _))) = (first, last) {
            for row in first..=last {
                let marker = range
                    .get_value((row, u32::from(cols.marker)))
                    .map(cell_text);
                if let Some(m) = marker.filter(|m| !m.is_empty()) {
                    // A duplicated row keeps its first place; `check_added` refuses the copy.
                    rows.entry(m).or_insert(row);
                }
            }
        }
        let header = *rows.get(MARK_HEADER).ok_or(PriceError::NotOurSchedule)?;
        Ok(Self {
            name,
            range,
            cols,
            rows,
            header,
        })
    }

    fn text(&self, row: u32, col: u16) -> String {
        self.range
            .get_value((row, u32::from(col)))
            .map(cell_text)
            .unwrap_or_default()
    }

    fn marked_text(&self, marker: &str) -> Option<String> {
        let row = *self.rows.get(marker)?;
        Some(self.text(row, COL_FIRM).trim().to_string()).filter(|t| !t.is_empty())
    }

    fn line_ref(&self, number: &str, line: &PriceLine) -> LineRef {
        LineRef {
            sheet: self.name.to_string(),
            number: number.to_string(),
            designation: line.designation.clone(),
        }
    }

    /// The row of a line, once its designation and unit are found as written.
    fn line_row(&self, number: &str, line: &PriceLine) -> Result<u32, PriceError> {
        let row = *self
            .rows
            .get(&format!("{MARK_LINE}{}", line.id))
            .ok_or_else(|| PriceError::LineRemoved {
                line: self.line_ref(number, line),
            })?;
        for (col, expected, what) in [
            (COL_DESIGNATION, line.designation.as_str(), "la désignation"),
            (COL_UNIT, line.unit.symbol(), "l’unité"),
        ] {
            let found = self.text(row, col);
            if found.trim() != expected.trim() {
                return Err(PriceError::LineChanged {
                    line: self.line_ref(number, line),
                    what,
                    found,
                });
            }
        }
        Ok(row)
    }

    /// Refuses a row that prices something the dossier does not: a copied
    /// line, a line whose marker is unknown, or a row typed into the table.
    fn check_added(
        &self,
        schedule: &PriceSchedule,
        pricing: LinePricing,
    ) -> Result<(), PriceError> {
        let known: Vec<String> = lines(schedule, pricing)
            .map(|(_, l)| format!("{MARK_LINE}{}", l.id))
            .collect();
        let Some((last, _)) = self.range.end() else {
            return Ok(());
        };
        let mut seen = Vec::new();
        for row in self.header + 1..=last {
            let marker = self.text(row, self.cols.marker);
            let added = if marker.starts_with(MARK_LINE) {
                let unknown = !known.contains(&marker) || seen.contains(&marker);
                seen.push(marker);
                unknown
            } else {
                marker.is_empty()
                    && [COL_NUMBER, COL_DESIGNATION, COL_UNIT]
                        .iter()
                        .chain(&[self.cols.price])
                        .any(|c| !self.text(row, *c).trim().is_empty())
            };
            if added {
                return Err(PriceError::LineAdded {
                    line: LineRef {
                        sheet: self.name.to_string(),
                        number: self.text(row, COL_NUMBER),
                        designation: self.text(row, COL_DESIGNATION),
                    },
                });
            }
        }
        Ok(())
    }

    fn price(&self, row: u32, number: &str, line: &PriceLine) -> Result<i64, PriceError> {
        self.figure(row, self.cols.price, 2, "le prix unitaire", &|| {
            self.line_ref(number, line)
        })
    }

    /// A figure the firm must write: present, numeric, zero or more, with at
    /// most `decimals` decimals; in hundredths or thousandths of its unit.
    fn figure(
        &self,
        row: u32,
        col: u16,
        decimals: u32,
        what: &'static str,
        line: &dyn Fn() -> LineRef,
    ) -> Result<i64, PriceError> {
        match self.number(row, col, decimals) {
            Ok(Some(n)) if n >= 0 => Ok(n),
            Ok(Some(_)) => Err(PriceError::Negative {
                line: line(),
                what,
                found: self.text(row, col),
            }),
            Ok(None) => Err(PriceError::Empty { line: line(), what }),
            Err(Unreadable::Text(found)) => Err(PriceError::NotANumber {
                line: line(),
                what,
                found,
            }),
            Err(Unreadable::TooPrecise) => Err(PriceError::TooPrecise {
                line: line(),
                what,
                found: self.text(row, col),
                decimals,
            }),
        }
    }

    /// A cell's number scaled by 10^decimals; `None` when the cell is empty.
    fn number(&self, row: u32, col: u16, decimals: u32) -> Result<Option<i64>, Unreadable> {
        let value = match self.range.get_value((row, u32::from(col))) {
            None | Some(Data::Empty) => return Ok(None),
            Some(Data::Float(f)) => *f,
            Some(Data::Int(i)) => *i as f64,
            Some(Data::String(s)) if s.trim().is_empty() => return Ok(None),
            Some(other) => return Err(Unreadable::Text(cell_text(other))),
        };
        let scaled = value * 10f64.powi(decimals as i32);
        // A spreadsheet stores 12,5 as a binary fraction: a millionth of
        // the last decimal is representation noise, more is a real decimal.
        if (scaled - scaled.round()).abs() > 1e-6 {
            return Err(Unreadable::TooPrecise);
        }
        Ok(Some(scaled.round() as i64))
    }

    fn variant_rows(&self) -> Result<Vec<VariantRow>, PriceError> {
        let mut out = Vec::new();
        let qty = PRICED_COLS.quantity.unwrap_or_default();
        for k in 1..=VARIANT_ROWS {
            let Some(&row) = self.rows.get(&format!("{MARK_VARIANT}{k}")) else {
                continue;
            };
            let designation = self.text(row, COL_DESIGNATION).trim().to_string();
            let unit = self.text(row, COL_UNIT).trim().to_string();
            let filled = [COL_DESIGNATION, COL_UNIT, qty, self.cols.price]
                .iter()
                .any(|c| !self.text(row, *c).trim().is_empty());
            if !filled {
                continue;
            }
            let line = || LineRef {
                sheet: self.name.to_string(),
                number: k.to_string(),
                designation: designation.clone(),
            };
            if designation.is_empty() {
                return Err(PriceError::Empty {
                    line: line(),
                    what: "la désignation",
                });
            }
            let quantity_thousandths = self.figure(row, qty, 3, "la quantité", &line)?;
            let unit_price_cents =
                self.figure(row, self.cols.price, 2, "le prix unitaire", &line)?;
            out.push(VariantRow {
                designation,
                unit,
                offer: LineOffer {
                    unit_price_cents,
                    quantity_thousandths,
                },
            });
        }
        Ok(out)
    }
}

/// Why a cell meant to hold a figure does not.
enum Unreadable {
    Text(String),
    TooPrecise,
}

/// A cell as the firm reads it; numbers in French (« 12,5 »).
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string().replace('.', ","),
        other => other.to_string(),
    }
}
