//! The price schedule as the workbook bidders fill in: BPU and DQE for
//! unit-priced chapters, DPGF for the lump sum, a free sheet for a variant.
//! Only the cells a firm answers are unlocked; every sheet is protected
//! (without a password, so nobody is locked out, but nothing is changed by
//! a slip of the keyboard). Each row carries its identity in a hidden column
//! and the dossier's identity sits in a hidden sheet, so that
//! [`super::read_xlsx`] recognises the file and every line in it.

use std::collections::BTreeMap;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{chapters_priced, line_number, pieces, schedule_for, PriceError};
use crate::french::{self, NBSP};
use crate::model::{Dossier, LinePricing, PriceChapter, PriceSchedule};

pub(super) const BPU: &str = "BPU";
pub(super) const DQE: &str = "DQE";
pub(super) const DPGF: &str = "DPGF";
pub(super) const VARIANT: &str = "Variante";
pub(super) const IDENTITY: &str = "Identification";

/// Free rows of the variant sheet.
pub(super) const VARIANT_ROWS: u32 = 20;

/// Markers written in the hidden column: what each row is.
pub(super) const MARK_HEADER: &str = "entete";
pub(super) const MARK_FIRM: &str = "entreprise";
pub(super) const MARK_SIRET: &str = "siret";
pub(super) const MARK_LINE: &str = "ligne:";
pub(super) const MARK_VARIANT: &str = "variante:";
const MARK_CHAPTER: &str = "chapitre:";
const MARK_TOTAL: &str = "total";
const MARK_NOTE: &str = "note";

/// Rows of the identity sheet (column B holds the value).
pub(super) const ID_REFERENCE: u32 = 0;
pub(super) const ID_UID: u32 = 1;
pub(super) const ID_LOT: u32 = 2;

/// Columns shared by every sheet: number, designation, unit.
pub(super) const COL_NUMBER: u16 = 0;
pub(super) const COL_DESIGNATION: u16 = 1;
pub(super) const COL_UNIT: u16 = 2;
/// The firm's name and SIRET, on the first sheet, right of their label.
pub(super) const COL_FIRM: u16 = 2;

/// Where the figures of a sheet are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Columns {
    pub quantity: Option<u16>,
    pub price: u16,
    /// The hidden column of row markers, just right of the last visible one.
    pub marker: u16,
}

pub(super) const BPU_COLS: Columns = Columns {
    quantity: None,
    price: 3,
    marker: 4,
};
/// DQE, DPGF and the variant sheet share one layout: quantity, price, amount.
pub(super) const PRICED_COLS: Columns = Columns {
    quantity: Some(3),
    price: 4,
    marker: 6,
};
const AMOUNT: u16 = 5;

/// Light yellow: the cells a firm fills.
const FILL: u32 = 0xFFF2CC;
const HEADER_FILL: u32 = 0xD9E2F3;
const CHAPTER_FILL: u32 = 0xF2F2F2;
/// Shown « 1 234,56 € » in a French spreadsheet.
const EURO: &str = "#,##0.00\\ \"€\"";
/// Column widths in characters: the designation wraps rather than being cut.
const WIDTHS: [f64; 6] = [7.0, 50.0, 10.0, 13.0, 15.0, 16.0];
/// Characters of designation per printed line, at its column width.
const DESIGNATION_CHARS: usize = 55;
const LINE_HEIGHT: f64 = 15.0;

/// The workbook of one lot's schedule (`Some(number)`) or of a contract
/// without lots (`None`).
pub fn write_xlsx(dossier: &Dossier, lot: Option<u32>) -> Result<Vec<u8>, PriceError> {
    let schedule = schedule_for(dossier, lot).ok_or(PriceError::NoSchedule { lot })?;
    build(dossier, schedule)
        .and_then(|mut w| w.save_to_buffer())
        .map_err(|e| PriceError::Write {
            detail: e.to_string(),
        })
}

fn build(dossier: &Dossier, schedule: &PriceSchedule) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let st = Styles::new();
    let head = Heading::new(dossier, schedule.lot);
    let p = pieces(schedule);
    if p.unit_prices {
        let rows = Sheet::new(workbook.add_worksheet(), BPU, BPU_COLS, &st)?
            .bpu(dossier, schedule, &head)?;
        Sheet::new(workbook.add_worksheet(), DQE, PRICED_COLS, &st)?.priced(
            dossier,
            schedule,
            LinePricing::Unit,
            &head,
            &rows,
            false,
        )?;
    }
    if p.lump_sum {
        Sheet::new(workbook.add_worksheet(), DPGF, PRICED_COLS, &st)?.priced(
            dossier,
            schedule,
            LinePricing::LumpSum,
            &head,
            &BTreeMap::new(),
            !p.unit_prices,
        )?;
    }
    if dossier.variants.policy.admits_variants() {
        Sheet::new(workbook.add_worksheet(), VARIANT, PRICED_COLS, &st)?.variant(dossier, &head)?;
    }
    identity(workbook.add_worksheet(), dossier, schedule.lot, &st)?;
    Ok(workbook)
}

/// What every sheet says above its table, and in its page footer.
struct Heading {
    commune: String,
    consultation: String,
    lot: Option<String>,
    footer: String,
}

impl Heading {
    fn new(dossier: &Dossier, lot: Option<u32>) -> Self {
        let lot_label = lot.map(
            |n| match dossier.purchase.lots.iter().find(|l| l.number == n) {
                Some(l) if !l.title.is_empty() => format!("Lot {n} — {}", l.title),
                _ => format!("Lot {n}"),
            },
        );
        // « & » starts a code in a page footer: a reference containing one stays literal.
        let reference = dossier.reference.replace('&', "&&");
        let lot_part = lot.map(|n| format!(" — lot {n}")).unwrap_or_default();
        Self {
            commune: dossier.buyer.name.clone(),
            consultation: format!(
                "Consultation n°{NBSP}{} — {}",
                dossier.reference, dossier.purchase.object
            ),
            lot: lot_label,
            footer: format!("&L&8Consultation n°{NBSP}{reference}{lot_part}&R&8Page &P sur &N"),
        }
    }
}

/// The formats of the workbook, made once.
struct Styles {
    title: Format,
    subtitle: Format,
    piece: Format,
    note: Format,
    label: Format,
    firm: Format,
    header: Format,
    chapter: Format,
    chapter_number: Format,
    text: Format,
    centred: Format,
    money: Format,
    money_fill: Format,
    quantity_fill: Format,
    text_fill: Format,
    total_label: Format,
    total_money: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top)
            .set_font_size(10);
        let fill = |f: Format| f.set_unlocked().set_background_color(Color::RGB(FILL));
        let wrap = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_font_size(10);
        Self {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: wrap.clone().set_font_size(11),
            piece: Format::new().set_bold().set_font_size(13),
            note: wrap.clone().set_italic(),
            label: Format::new()
                .set_bold()
                .set_font_size(10)
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::VerticalCenter),
            // Text, so that a SIRET keeps its leading zeros.
            firm: fill(
                Format::new()
                    .set_border(FormatBorder::Thin)
                    .set_num_format("@"),
            ),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_font_size(10)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(HEADER_FILL)),
            chapter: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(CHAPTER_FILL)),
            chapter_number: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(CHAPTER_FILL)),
            text: cell.clone().set_text_wrap(),
            centred: cell.clone().set_align(FormatAlign::Center),
            money: cell.clone().set_num_format(EURO),
            money_fill: fill(cell.clone().set_num_format(EURO)),
            // « General »: the firm's quantity shows as typed, decimals included.
            quantity_fill: fill(cell.clone()),
            text_fill: fill(cell.clone().set_text_wrap()),
            total_label: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Right),
            total_money: cell.set_bold().set_num_format(EURO),
        }
    }

    /// A buyer's quantity, with the decimals it has (up to three).
    fn quantity(&self, thousandths: i64) -> Format {
        let decimals = match thousandths {
            t if t % 1000 == 0 => 0,
            t if t % 100 == 0 => 1,
            t if t % 10 == 0 => 2,
            _ => 3,
        };
        let mut code = String::from("#,##0");
        if decimals > 0 {
            code.push('.');
            code.push_str(&"0".repeat(decimals));
        }
        self.centred
            .clone()
            .set_align(FormatAlign::Right)
            .set_num_format(code)
    }
}

/// One sheet being written, row after row.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    cols: Columns,
    st: &'a Styles,
    row: u32,
    header_row: u32,
}

impl<'a> Sheet<'a> {
    fn new(
        ws: &'a mut Worksheet,
        name: &str,
        cols: Columns,
        st: &'a Styles,
    ) -> Result<Self, XlsxError> {
        ws.set_name(name)?;
        for (col, width) in WIDTHS.iter().enumerate().take(usize::from(cols.marker)) {
            ws.set_column_width(col as u16, *width)?;
        }
        ws.set_column_hidden(cols.marker)?;
        Ok(Self {
            ws,
            cols,
            st,
            row: 0,
            header_row: 0,
        })
    }

    fn last_col(&self) -> u16 {
        self.cols.marker - 1
    }

    fn mark(&mut self, row: u32, marker: &str) -> Result<(), XlsxError> {
        self.ws.write_string(row, self.cols.marker, marker)?;
        Ok(())
    }

    /// A text across the whole width, tall enough for its wrapped lines.
    fn wide(
        &mut self,
        text: &str,
        format: &Format,
        chars_per_line: usize,
    ) -> Result<(), XlsxError> {
        let last = self.last_col();
        self.ws
            .merge_range(self.row, 0, self.row, last, text, format)?;
        let lines = text.chars().count().div_ceil(chars_per_line).max(1);
        self.ws
            .set_row_height(self.row, LINE_HEIGHT * lines as f64 + 2.0)?;
        self.row += 1;
        Ok(())
    }

    fn heading(&mut self, head: &Heading, piece: &str, intro: &str) -> Result<(), XlsxError> {
        let st = self.st;
        let width = self.line_chars();
        self.ws
            .write_string_with_format(self.row, 0, &head.commune, &st.title)?;
        self.ws.set_row_height(self.row, 20.0)?;
        self.row += 1;
        self.wide(&head.consultation, &st.subtitle, width)?;
        if let Some(lot) = &head.lot {
            self.wide(lot, &st.subtitle, width)?;
        }
        self.row += 1;
        self.ws
            .write_string_with_format(self.row, 0, piece, &st.piece)?;
        self.ws.set_row_height(self.row, 20.0)?;
        self.row += 1;
        self.wide(intro, &st.note, width)?;
        self.row += 1;
        Ok(())
    }

    /// Characters of running text per line across the printed width.
    fn line_chars(&self) -> usize {
        let width: f64 = WIDTHS[..usize::from(self.cols.marker)].iter().sum();
        (width * 1.1) as usize
    }

    /// The firm's name and SIRET, on the sheet it opens first.
    fn firm(&mut self) -> Result<(), XlsxError> {
        let st = self.st;
        let last = self.last_col();
        for (label, marker) in [
            ("Nom ou raison sociale de l’entreprise\u{a0}:", MARK_FIRM),
            ("Numéro SIRET\u{a0}:", MARK_SIRET),
        ] {
            self.ws
                .write_string_with_format(self.row, COL_DESIGNATION, label, &st.label)?;
            self.ws
                .merge_range(self.row, COL_FIRM, self.row, last, "", &st.firm)?;
            self.ws.set_row_height(self.row, 20.0)?;
            self.mark(self.row, marker)?;
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    fn header(&mut self, titles: &[&str]) -> Result<(), XlsxError> {
        for (col, title) in titles.iter().enumerate() {
            self.ws
                .write_string_with_format(self.row, col as u16, *title, &self.st.header)?;
        }
        self.ws.set_row_height(self.row, 30.0)?;
        self.mark(self.row, MARK_HEADER)?;
        self.header_row = self.row;
        self.row += 1;
        Ok(())
    }

    fn chapter(
        &mut self,
        dossier: &Dossier,
        number: usize,
        chapter: &PriceChapter,
    ) -> Result<(), XlsxError> {
        let st = self.st;
        let last = self.last_col();
        self.ws.write_string_with_format(
            self.row,
            COL_NUMBER,
            number.to_string(),
            &st.chapter_number,
        )?;
        let title = chapter_title(dossier, chapter);
        if last > COL_DESIGNATION {
            self.ws.merge_range(
                self.row,
                COL_DESIGNATION,
                self.row,
                last,
                &title,
                &st.chapter,
            )?;
        }
        self.fit(&title)?;
        self.mark(self.row, &format!("{MARK_CHAPTER}{}", chapter.id))?;
        self.row += 1;
        Ok(())
    }

    /// A row tall enough for a designation wrapped in its column.
    fn fit(&mut self, text: &str) -> Result<(), XlsxError> {
        let lines = text.chars().count().div_ceil(DESIGNATION_CHARS).max(1);
        self.ws
            .set_row_height(self.row, LINE_HEIGHT * lines as f64 + 2.0)?;
        Ok(())
    }

    /// Number, designation and unit of a line, and its marker.
    fn line_start(
        &mut self,
        number: &str,
        designation: &str,
        unit: &str,
        id: &str,
    ) -> Result<(), XlsxError> {
        let st = self.st;
        self.ws
            .write_string_with_format(self.row, COL_NUMBER, number, &st.centred)?;
        self.ws
            .write_string_with_format(self.row, COL_DESIGNATION, designation, &st.text)?;
        self.ws
            .write_string_with_format(self.row, COL_UNIT, unit, &st.centred)?;
        self.fit(designation)?;
        self.mark(self.row, &format!("{MARK_LINE}{id}"))?;
        Ok(())
    }

    /// Prices typed by the firm: a number, zero or more, with a French error message.
    fn validate_prices(&mut self, first: u32, last: u32) -> Result<(), XlsxError> {
        self.validate_positive(
            self.cols.price,
            first,
            last,
            "Prix unitaire",
            "Écrivez un prix unitaire hors taxes en euros\u{a0}: un nombre positif ou nul, par exemple 12,50 (sans le signe €).",
        )
    }

    fn validate_quantities(&mut self, first: u32, last: u32) -> Result<(), XlsxError> {
        let Some(col) = self.cols.quantity else {
            return Ok(());
        };
        self.validate_positive(
            col,
            first,
            last,
            "Quantité",
            "Écrivez une quantité\u{a0}: un nombre positif ou nul, avec au plus trois décimales, par exemple 12,5.",
        )
    }

    /// Rows `first` to `last` of column `col` accept a number ≥ 0 only, and say why in French.
    fn validate_positive(
        &mut self,
        col: u16,
        first: u32,
        last: u32,
        title: &str,
        message: &str,
    ) -> Result<(), XlsxError> {
        let rule = DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_error_title(title)?
            .set_error_message(message)?;
        self.ws.add_data_validation(first, col, last, col, &rule)?;
        Ok(())
    }

    /// A label across the line columns and an amount (formula) in the amount column.
    fn total(&mut self, label: &str, formula: &str) -> Result<u32, XlsxError> {
        let st = self.st;
        self.ws.merge_range(
            self.row,
            COL_NUMBER,
            self.row,
            AMOUNT - 1,
            label,
            &st.total_label,
        )?;
        self.ws
            .write_formula_with_format(self.row, AMOUNT, formula, &st.total_money)?;
        self.mark(self.row, MARK_TOTAL)?;
        let row = self.row;
        self.row += 1;
        Ok(row)
    }

    /// Total HT, VAT at the dossier's rate and total TTC of an amount.
    fn ht_vat_ttc(
        &mut self,
        dossier: &Dossier,
        what: &str,
        ht_formula: &str,
    ) -> Result<(), XlsxError> {
        let bp = dossier.prices.vat_rate_basis_points;
        let ht = self.total(&format!("Total HT {what}"), ht_formula)?;
        let vat = self.total(
            &format!("TVA ({}{NBSP}%)", french::decimal(i64::from(bp))),
            &format!("=ROUND({}*{bp}/10000,2)", cell(ht, AMOUNT)),
        )?;
        self.total(
            &format!("Total TTC {what}"),
            &format!("={}+{}", cell(ht, AMOUNT), cell(vat, AMOUNT)),
        )?;
        self.row += 1;
        Ok(())
    }

    fn note(&mut self, text: &str) -> Result<(), XlsxError> {
        let width = self.line_chars();
        let row = self.row;
        self.wide(text, &self.st.note.clone(), width)?;
        self.mark(row, MARK_NOTE)?;
        Ok(())
    }

    /// Protection, print setup and the row to repeat on every page.
    fn finish(&mut self, footer: &str) -> Result<(), XlsxError> {
        self.ws.protect_with_options(&ProtectionOptions {
            // A firm may widen a column or a row to read a long designation.
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        });
        self.ws.set_paper_size(9); // A4
        self.ws.set_portrait();
        self.ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        self.ws.set_print_fit_to_pages(1, 0);
        self.ws
            .set_print_area(0, 0, self.row.saturating_sub(1), self.last_col())?;
        self.ws.set_repeat_rows(self.header_row, self.header_row)?;
        self.ws.set_footer(footer);
        self.ws.set_freeze_panes(self.header_row + 1, 0)?;
        Ok(())
    }

    /// The BPU; returns the row of each line's price, by line id, for the DQE to refer to.
    fn bpu(
        &mut self,
        dossier: &Dossier,
        schedule: &PriceSchedule,
        head: &Heading,
    ) -> Result<BTreeMap<String, u32>, XlsxError> {
        self.heading(
            head,
            "Bordereau des prix unitaires (BPU)",
            "Indiquez dans chaque cellule jaune le prix unitaire hors taxes de la ligne. Ces prix sont reportés automatiquement dans le détail quantitatif estimatif (feuille «\u{a0}DQE\u{a0}»)\u{202f}; ils sont contractuels.",
        )?;
        self.firm()?;
        self.header(&["N°", "Désignation", "Unité", "Prix unitaire HT (€)"])?;
        let st = self.st;
        let mut rows = BTreeMap::new();
        for (number, chapter) in chapters_priced(schedule, LinePricing::Unit) {
            self.chapter(dossier, number, chapter)?;
            let first = self.row;
            for (i, line) in chapter.lines.iter().enumerate() {
                self.line_start(
                    &line_number(number, i + 1),
                    &line.designation,
                    line.unit.symbol(),
                    &line.id,
                )?;
                self.ws
                    .write_blank(self.row, self.cols.price, &st.money_fill)?;
                rows.insert(line.id.clone(), self.row);
                self.row += 1;
            }
            if self.row > first {
                self.validate_prices(first, self.row - 1)?;
            }
        }
        self.row += 1;
        self.finish(&head.footer)?;
        Ok(rows)
    }

    /// The DQE (unit prices) or the DPGF (lump sum).
    fn priced(
        &mut self,
        dossier: &Dossier,
        schedule: &PriceSchedule,
        pricing: LinePricing,
        head: &Heading,
        bpu_rows: &BTreeMap<String, u32>,
        firm_block: bool,
    ) -> Result<(), XlsxError> {
        let unit = pricing == LinePricing::Unit;
        if unit {
            self.heading(
                head,
                "Détail quantitatif estimatif (DQE)",
                "Cette feuille se remplit seule à partir des prix unitaires du BPU, multipliés par les quantités estimées par l’acheteur. Le DQE sert uniquement à comparer les offres\u{a0}: il n’a pas de valeur contractuelle et les quantités ne sont pas un engagement de commande.",
            )?;
        } else {
            self.heading(
                head,
                "Décomposition du prix global et forfaitaire (DPGF)",
                "Indiquez dans les cellules jaunes le prix unitaire hors taxes de chaque ligne. Les quantités sont données par l’acheteur à titre indicatif\u{a0}: dans un prix global et forfaitaire, l’entreprise répond de ses propres quantités\u{202f}; vérifiez-les et corrigez-les dans les cellules jaunes si nécessaire. Le total hors taxes de l’offre de base est le prix global et forfaitaire.",
            )?;
        }
        if firm_block {
            self.firm()?;
        }
        let quantity_title = if unit {
            "Quantité estimée"
        } else {
            "Quantité"
        };
        self.header(&[
            "N°",
            "Désignation",
            "Unité",
            quantity_title,
            "Prix unitaire HT (€)",
            "Montant HT (€)",
        ])?;
        let st = self.st;
        let qty = PRICED_COLS.quantity.unwrap_or_default();
        let price = self.cols.price;
        // Subtotal rows of the base offer and of each PSE, by PSE number.
        let mut base: Vec<u32> = Vec::new();
        let mut pse: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (number, chapter) in chapters_priced(schedule, pricing) {
            self.chapter(dossier, number, chapter)?;
            let first = self.row;
            for (i, line) in chapter.lines.iter().enumerate() {
                let r = self.row;
                self.line_start(
                    &line_number(number, i + 1),
                    &line.designation,
                    line.unit.symbol(),
                    &line.id,
                )?;
                match (line.quantity_thousandths, unit) {
                    (Some(q), true) => {
                        self.ws.write_number_with_format(
                            r,
                            qty,
                            q as f64 / 1000.0,
                            &st.quantity(q),
                        )?;
                    }
                    (None, true) => {
                        self.ws.write_blank(r, qty, &st.centred)?;
                    }
                    (Some(q), false) => {
                        self.ws.write_number_with_format(
                            r,
                            qty,
                            q as f64 / 1000.0,
                            &st.quantity_fill,
                        )?;
                    }
                    (None, false) => {
                        self.ws.write_blank(r, qty, &st.quantity_fill)?;
                    }
                }
                match bpu_rows.get(&line.id) {
                    // The firm types each price once, in the BPU.
                    Some(b) => {
                        let source = format!("={BPU}!{}", absolute(*b, BPU_COLS.price));
                        self.ws
                            .write_formula_with_format(r, price, source.as_str(), &st.money)?;
                    }
                    None => {
                        self.ws.write_blank(r, price, &st.money_fill)?;
                    }
                }
                self.ws.write_formula_with_format(
                    r,
                    AMOUNT,
                    format!("=ROUND({}*{},2)", cell(r, qty), cell(r, price)).as_str(),
                    &st.money,
                )?;
                self.row += 1;
            }
            let formula = if self.row == first {
                "=0".to_string()
            } else {
                let last = self.row - 1;
                if !unit {
                    self.validate_prices(first, last)?;
                    self.validate_quantities(first, last)?;
                }
                format!("=SUM({}:{})", cell(first, AMOUNT), cell(last, AMOUNT))
            };
            let label = format!("Sous-total du chapitre {number}");
            let sub = self.total(&label, &formula)?;
            match chapter.pse {
                None => base.push(sub),
                Some(n) => pse.entry(n).or_default().push(sub),
            }
        }
        self.row += 1;
        let what = if unit {
            "de l’offre de base"
        } else {
            "de l’offre de base (prix global et forfaitaire)"
        };
        self.ht_vat_ttc(dossier, what, &sum_of(&base))?;
        for (n, rows) in &pse {
            let what = format!("de la {}", pse_label(dossier, *n));
            self.ht_vat_ttc(dossier, &what, &sum_of(rows))?;
        }
        if !pse.is_empty() {
            self.note(&pse_note(dossier, &pse.keys().copied().collect::<Vec<_>>()))?;
        }
        self.finish(&head.footer)
    }

    fn variant(&mut self, dossier: &Dossier, head: &Heading) -> Result<(), XlsxError> {
        let mut intro = String::from(
            "Si vous proposez une variante, décrivez-la ici, ligne par ligne, avec son unité, sa quantité et son prix unitaire hors taxes. Une variante doit respecter les exigences minimales fixées par le dossier de consultation (voir l’article Variantes du DCE)",
        );
        if dossier.variants.base_offer_required {
            intro.push_str("\u{202f}; elle ne dispense pas de chiffrer l’offre de base");
        }
        intro.push('.');
        self.heading(head, "Variante", &intro)?;
        self.header(&[
            "N°",
            "Désignation",
            "Unité",
            "Quantité",
            "Prix unitaire HT (€)",
            "Montant HT (€)",
        ])?;
        let st = self.st;
        let qty = PRICED_COLS.quantity.unwrap_or_default();
        let first = self.row;
        for k in 1..=VARIANT_ROWS {
            let r = self.row;
            self.ws
                .write_string_with_format(r, COL_NUMBER, k.to_string(), &st.centred)?;
            self.ws.write_blank(r, COL_DESIGNATION, &st.text_fill)?;
            self.ws.write_blank(r, COL_UNIT, &st.text_fill)?;
            self.ws.write_blank(r, qty, &st.quantity_fill)?;
            self.ws.write_blank(r, self.cols.price, &st.money_fill)?;
            self.ws.write_formula_with_format(
                r,
                AMOUNT,
                format!("=ROUND({}*{},2)", cell(r, qty), cell(r, self.cols.price)).as_str(),
                &st.money,
            )?;
            self.ws.set_row_height(r, 2.0 * LINE_HEIGHT + 2.0)?;
            self.mark(r, &format!("{MARK_VARIANT}{k}"))?;
            self.row += 1;
        }
        let last = self.row - 1;
        self.validate_prices(first, last)?;
        self.validate_quantities(first, last)?;
        self.row += 1;
        self.ht_vat_ttc(
            dossier,
            "de la variante",
            &format!("=SUM({}:{})", cell(first, AMOUNT), cell(last, AMOUNT)),
        )?;
        self.finish(&head.footer)
    }
}

/// The hidden sheet that says which dossier and lot the workbook prices.
fn identity(
    ws: &mut Worksheet,
    dossier: &Dossier,
    lot: Option<u32>,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(IDENTITY)?;
    ws.set_column_width(0, 24.0)?;
    ws.set_column_width(1, 40.0)?;
    ws.write_string_with_format(ID_REFERENCE, 0, "Référence du dossier", &st.label)?;
    ws.write_string(ID_REFERENCE, 1, &dossier.reference)?;
    ws.write_string_with_format(ID_UID, 0, "Identifiant du dossier", &st.label)?;
    ws.write_string(ID_UID, 1, &dossier.uid)?;
    ws.write_string_with_format(ID_LOT, 0, "Lot", &st.label)?;
    if let Some(n) = lot {
        ws.write_number(ID_LOT, 1, n)?;
    }
    ws.write_string(
        ID_LOT + 1,
        0,
        "Feuille utilisée par DCE Unique pour relire le bordereau rempli\u{a0}: ne la modifiez pas.",
    )?;
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}

/// « PSE n° 1 — Goûter pour l’accueil périscolaire », from the dossier's PSE.
fn pse_label(dossier: &Dossier, n: u32) -> String {
    match dossier.pse.get((n as usize).wrapping_sub(1)) {
        Some(p) if !p.title.is_empty() => format!("PSE n°{NBSP}{n} — {}", p.title),
        _ => format!("PSE n°{NBSP}{n}"),
    }
}

fn chapter_title(dossier: &Dossier, chapter: &PriceChapter) -> String {
    match chapter.pse {
        None => chapter.title.clone(),
        Some(n) => {
            let label = pse_label(dossier, n);
            let pse_title = dossier
                .pse
                .get((n as usize).wrapping_sub(1))
                .map(|p| p.title.as_str());
            if chapter.title.is_empty() || pse_title == Some(chapter.title.as_str()) {
                label
            } else {
                format!("{label}{NBSP}: {}", chapter.title)
            }
        }
    }
}

/// What a firm must know about the PSE: priced apart, and which are compared.
fn pse_note(dossier: &Dossier, numbers: &[u32]) -> String {
    let compulsory: Vec<String> = numbers
        .iter()
        .filter(|n| {
            dossier
                .pse
                .get((**n as usize).wrapping_sub(1))
                .is_some_and(|p| p.pricing_compulsory)
        })
        .map(|n| format!("n°{NBSP}{n}"))
        .collect();
    let mut text = String::from(
        "Chaque prestation supplémentaire éventuelle (PSE) est totalisée à part\u{a0}: l’acheteur décide à la signature du marché de la retenir ou non.",
    );
    if compulsory.is_empty() {
        text.push_str(" Son chiffrage est facultatif et les offres sont comparées sur le total de l’offre de base.");
    } else {
        text.push_str(&format!(
            " Le chiffrage de la PSE {} est obligatoire et les offres sont comparées sur le total de l’offre de base et de cette PSE.",
            compulsory.join(", ")
        ));
    }
    text
}

/// « D12 ».
fn cell(row: u32, col: u16) -> String {
    format!("{}{}", column_name(col), row + 1)
}

/// « $D$12 ».
fn absolute(row: u32, col: u16) -> String {
    format!("${}${}", column_name(col), row + 1)
}

fn column_name(col: u16) -> char {
    char::from(b'A' + col as u8)
}

fn sum_of(rows: &[u32]) -> String {
    if rows.is_empty() {
        return "=0".to_string();
    }
    let cells: Vec<String> = rows.iter().map(|r| cell(*r, AMOUNT)).collect();
    format!("=SUM({})", cells.join(","))
}
