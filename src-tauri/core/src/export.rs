//! Dossier -> file on disk: compose, render, and write atomically. A final
//! export is refused while a blocking finding remains.

pub use crate::compose::award::AwardPiece;
use crate::compose::award::{self, Letter};
use crate::compose::document::{Block, Document, RenderOptions};
pub use crate::compose::file_names::prices_xlsx_file_name;
use crate::compose::{self, file_names, ComposeError, Piece};
use crate::model::Dossier;
use crate::prices::{self, PriceError};
use crate::render::{self, RenderError};
use crate::rules::{self, Finding, Severity};
use crate::store::StoredComment;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One piece as PDF.
    Pdf,
    /// One piece as DOCX.
    Docx,
    /// What the buyer platform receives: every piece (see [`BUNDLE`]).
    Zip,
    /// One piece as plain text, to paste into the buyer platform or the BOAMP form.
    Txt,
    /// The price schedule as the spreadsheet bidders fill, one per lot.
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Zip => "zip",
            Format::Txt => "txt",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The name of the revision an export printed, unless the user named it:
/// « Versions » shows which state was published.
pub fn revision_label(format: Format, final_version: bool) -> String {
    piece_revision_label(Piece::Dce, format, final_version)
}

/// [`revision_label`] of an export of `piece`: « Avis exporté en texte, projet ».
pub fn piece_revision_label(piece: Piece, format: Format, final_version: bool) -> String {
    let exported = match piece {
        Piece::Dce => "Exporté",
        Piece::ResponseFrames => "Cadre de réponse exporté",
        Piece::Notice => "Avis exporté",
        Piece::Prices => "Bordereau des prix exporté",
    };
    let what = match format {
        Format::Pdf => "en PDF",
        Format::Docx => "en DOCX",
        Format::Zip => "pour la plateforme (ZIP)",
        Format::Txt => "en texte",
        Format::Xlsx => "en tableur (XLSX)",
    };
    let version = if final_version {
        "version à publier"
    } else {
        "projet"
    };
    format!("{exported} {what}, {version}")
}

/// « RS-01_Fourniture-et-livraison-de-repas_DCE.pdf »: the reference and the
/// first words of the object, in plain ASCII so that every buyer platform
/// and mail system accepts it.
pub fn file_name(dossier: &Dossier, format: Format) -> String {
    piece_file_name(dossier, Piece::Dce, format)
}

/// [`file_name`] of `piece`: « RS-01_Fourniture-et-livraison-de-repas_Avis.txt ».
pub fn piece_file_name(dossier: &Dossier, piece: Piece, format: Format) -> String {
    file_names::piece_file_name(dossier, piece, format.extension())
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("La version à publier est refusée tant que {} point(s) bloquant(s) reste(nt) à corriger :\n{}", .0.len(), list(.0))]
    Blocked(Vec<Finding>),
    #[error("L'archive ZIP réunit toutes les pièces du dossier (document unique, cadre de réponse, avis et bordereau des prix)\u{202f}; pour une seule pièce, choisissez le PDF, le DOCX ou le texte.")]
    ZipOfOnePiece,
    #[error("La fiche de relecture s'exporte en PDF ou en DOCX.")]
    ReviewFormat,
    #[error("Ce marché n'est pas alloti\u{202f}: son bordereau des prix vaut pour tout le marché, sans numéro de lot.")]
    NotAllotted,
    #[error("Le dossier n'a pas de lot n°\u{a0}{lot}\u{202f}; ses lots sont\u{a0}: {lots}.")]
    NoSuchLot { lot: u32, lots: String },
    #[error("Ce marché est alloti\u{202f}: chaque lot a son propre tableur de prix. Choisissez le lot à exporter (lots\u{a0}: {lots}).")]
    LotNeeded { lots: String },
    #[error("Seul le bordereau des prix s'exporte en tableur (XLSX)\u{202f}; pour cette pièce, choisissez le PDF, le DOCX ou le texte.")]
    SpreadsheetOfOtherPiece,
    #[error("{0}")]
    NoNotice(&'static str),
    #[error("Ce dossier n'a encore aucune offre enregistrée\u{202f}: enregistrez les offres reçues avant d'établir le rapport d'analyse, les lettres ou l'avis d'attribution.")]
    NoOffers,
    #[error("Aucune offre n'est encore classée première, dans aucun lot\u{a0}: terminez la notation des offres admises (chaque critère noté, avec sa justification) avant d'établir les lettres ou l'avis d'attribution.")]
    NoRanking,
    #[error("Aucune lettre de rejet à établir\u{a0}: dans chaque lot, l'offre classée première est la seule offre reçue, ou les offres classées premières sont à égalité (départagez-les d'abord).")]
    NoLetters,
    #[error("{}", award_formats(*.0))]
    AwardFormat(AwardPiece),
    #[error(transparent)]
    Prices(#[from] PriceError),
    #[error(transparent)]
    Compose(#[from] ComposeError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("Impossible d'écrire dans «\u{a0}{}\u{a0}»\u{a0}: {reason} Aucun fichier n'a été créé ni modifié. ({detail})", path.display())]
    Write {
        path: PathBuf,
        reason: &'static str,
        detail: String,
    },
}

impl ExportError {
    fn zip(e: zip::result::ZipError) -> Self {
        ExportError::Render(RenderError {
            format: "ZIP",
            detail: e.to_string(),
        })
    }
}

/// Which formats an award piece has, for the message refusing another.
fn award_formats(piece: AwardPiece) -> &'static str {
    match piece {
        AwardPiece::Report => "Le rapport d'analyse des offres s'exporte en PDF ou en DOCX.",
        AwardPiece::Letters => "Les lettres de rejet s'exportent en PDF ou en DOCX (toutes les lettres à la suite, chacune sur une nouvelle page) ou en archive ZIP (chaque lettre à part, en PDF et en DOCX).",
        AwardPiece::AwardLetter => "La lettre d'attribution s'exporte en PDF ou en DOCX (une lettre par lot attribué, à la suite) ou en archive ZIP (chaque lettre à part).",
        AwardPiece::AwardNotice => "L'avis d'attribution s'exporte en PDF, en DOCX ou en texte (à coller dans le formulaire de publication).",
    }
}

fn list(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("- {} ({})", f.message, f.reference))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The DCE of `dossier` in `format` (see [`render_piece`]).
pub fn render(
    dossier: &Dossier,
    format: Format,
    final_version: bool,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    render_piece(dossier, Piece::Dce, format, final_version, today)
}

/// `piece` of `dossier` in `format`; [`Format::Zip`] is the whole dossier
/// and goes with [`Piece::Dce`] only. A final version (`final_version`)
/// carries no watermark and is refused while a blocking finding remains;
/// findings are judged on the later of the launch date and `today`.
pub fn render_piece(
    dossier: &Dossier,
    piece: Piece,
    format: Format,
    final_version: bool,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    if format == Format::Zip && piece != Piece::Dce {
        return Err(ExportError::ZipOfOnePiece);
    }
    if piece == Piece::Notice {
        compose::notice_title(dossier).map_err(ExportError::NoNotice)?;
    }
    let opts = options(dossier, final_version, today)?;
    produce(dossier, piece, format, opts, &[])
}

/// The price schedule of lot `lot` alone, for a bidder who answers that
/// lot only (see [`render_piece`]; the ZIP holds every lot's).
pub fn render_lot_prices(
    dossier: &Dossier,
    lot: u32,
    format: Format,
    final_version: bool,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    check_lot(dossier, lot)?;
    let opts = options(dossier, final_version, today)?;
    match format {
        Format::Xlsx => Ok(prices::write_xlsx(dossier, Some(lot))?),
        _ => render_document(&compose::prices_document(dossier, Some(lot))?, format, opts),
    }
}

/// Refuses a lot the dossier does not have, naming those it has.
pub fn check_lot(dossier: &Dossier, lot: u32) -> Result<(), ExportError> {
    let lots = &dossier.purchase.lots;
    if lots.is_empty() {
        return Err(ExportError::NotAllotted);
    }
    if lots.iter().any(|l| l.number == lot) {
        return Ok(());
    }
    Err(ExportError::NoSuchLot {
        lot,
        lots: lot_numbers(dossier),
    })
}

/// « 1, 2, 3 »: the lots a message lists.
fn lot_numbers(dossier: &Dossier) -> String {
    dossier
        .purchase
        .lots
        .iter()
        .map(|l| l.number.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The spreadsheet of `piece`, which only the price schedule of a contract
/// without lots has this way (a lot's goes through [`render_lot_prices`]).
fn spreadsheet(dossier: &Dossier, piece: Piece) -> Result<Vec<u8>, ExportError> {
    if piece != Piece::Prices {
        return Err(ExportError::SpreadsheetOfOtherPiece);
    }
    let lots = &dossier.purchase.lots;
    if !lots.is_empty() {
        return Err(ExportError::LotNeeded {
            lots: lot_numbers(dossier),
        });
    }
    Ok(prices::write_xlsx(dossier, None)?)
}

/// The watermark of an export; a final one is refused while a blocking
/// finding remains, judged on the later of the launch date and `today`.
fn options(
    dossier: &Dossier,
    final_version: bool,
    today: NaiveDate,
) -> Result<RenderOptions, ExportError> {
    if final_version {
        let blocking: Vec<Finding> =
            rules::check(dossier, rules::final_export_date(dossier, today))
                .into_iter()
                .filter(|f| f.severity == Severity::Blocking)
                .collect();
        if !blocking.is_empty() {
            return Err(ExportError::Blocked(blocking));
        }
    }
    Ok(RenderOptions {
        draft: !final_version,
    })
}

/// A draft of `dossier` in `format` with, at the very end of the DCE, the
/// annex « Annexe — Commentaires de relecture » listing `comments` as they
/// stand on `today` (none when there are none). Always a draft: the
/// « PROJET » watermark stays and no check is made. For the zip bundle,
/// the DCE inside it carries the annex, the other pieces do not.
pub fn render_with_comments(
    dossier: &Dossier,
    comments: &[StoredComment],
    format: Format,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let annex = compose::comments_annex(comments, today);
    produce(
        dossier,
        Piece::Dce,
        format,
        RenderOptions { draft: true },
        &annex,
    )
}

/// `piece` in `format`, with `annex` at the end of the DCE (the comments of a draft).
fn produce(
    dossier: &Dossier,
    piece: Piece,
    format: Format,
    opts: RenderOptions,
    annex: &[Block],
) -> Result<Vec<u8>, ExportError> {
    let doc = || -> Result<Document, ExportError> {
        let mut doc = compose::compose(dossier, piece)?;
        if piece == Piece::Dce {
            doc.blocks.extend_from_slice(annex);
        }
        Ok(doc)
    };
    match format {
        Format::Zip => bundle(dossier, opts, annex),
        Format::Xlsx => spreadsheet(dossier, piece),
        _ => render_document(&doc()?, format, opts),
    }
}

/// One document in a single-file `format` (not [`Format::Zip`]).
fn render_document(
    doc: &Document,
    format: Format,
    opts: RenderOptions,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => Ok(render::pdf::render(doc, opts)?),
        Format::Docx => Ok(render::docx::render(doc, opts)?),
        Format::Txt => Ok(render::txt::render(doc, opts).into_bytes()),
        Format::Zip => Err(ExportError::ZipOfOnePiece),
        Format::Xlsx => Err(ExportError::SpreadsheetOfOtherPiece),
    }
}

/// The review sheet (« Fiche de relecture ») as PDF or DOCX: `findings` as
/// the checks give them, the open `comments`; the incomplete steps are
/// judged by core. Not a piece of the DCE, so no watermark.
pub fn render_review(
    dossier: &Dossier,
    findings: &[Finding],
    comments: &[StoredComment],
    format: Format,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let doc = compose::review(dossier, findings, comments, today)?;
    let opts = RenderOptions { draft: false };
    match format {
        Format::Pdf => Ok(render::pdf::render(&doc, opts)?),
        Format::Docx => Ok(render::docx::render(&doc, opts)?),
        _ => Err(ExportError::ReviewFormat),
    }
}

/// « RS-01_Fourniture-et-livraison-de-repas_Fiche-de-relecture.pdf ».
pub fn review_file_name(dossier: &Dossier) -> String {
    file_names::named(dossier, "Fiche-de-relecture", "pdf")
}

/// `piece` of the award of `dossier` on `today` in `format`. A dossier
/// without offers has none, and the letters and the notice wait for a lot
/// with a first-ranked offer. While the analysis is incomplete (a score, a
/// price or a decision missing, a tie left open) every piece carries the
/// « PROJET » watermark and the report lists what remains to do: the
/// secretary can show a draft to the adviser, never send it unnoticed.
///
/// Several letters (one per bidder not kept, one per lot won) come in one
/// PDF or DOCX, each letter from a new page, to print and post; in a ZIP,
/// each letter is its own PDF and DOCX, to send one by one.
pub fn render_award_piece(
    dossier: &Dossier,
    piece: AwardPiece,
    format: Format,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    if dossier.offers.is_empty() {
        return Err(ExportError::NoOffers);
    }
    let view = award::award_view(dossier, today);
    if piece != AwardPiece::Report && view.lots.iter().all(|l| l.winner.is_none()) {
        return Err(ExportError::NoRanking);
    }
    let opts = RenderOptions {
        draft: !view.pending.is_empty(),
    };
    match (piece, format) {
        (AwardPiece::Report, Format::Pdf | Format::Docx) => {
            render_document(&award::report(dossier, today)?, format, opts)
        }
        (AwardPiece::Letters | AwardPiece::AwardLetter, Format::Pdf | Format::Docx) => {
            let (title, letters) = award_letters_of(dossier, piece, today)?;
            let doc = match letters.len() {
                1 => letters.into_iter().next().expect("one letter").document,
                _ => award::bound(dossier, title, &letters),
            };
            render_document(&doc, format, opts)
        }
        (AwardPiece::Letters | AwardPiece::AwardLetter, Format::Zip) => {
            letters_zip(dossier, piece, today, opts)
        }
        (AwardPiece::AwardNotice, Format::Pdf | Format::Docx | Format::Txt) => {
            render_document(&award::award_notice(dossier, today)?, format, opts)
        }
        _ => Err(ExportError::AwardFormat(piece)),
    }
}

/// The letters of `piece` with the title of their bound volume; refused
/// when there is none to write.
fn award_letters_of(
    dossier: &Dossier,
    piece: AwardPiece,
    today: NaiveDate,
) -> Result<(&'static str, Vec<Letter>), ExportError> {
    let (title, letters) = if piece == AwardPiece::AwardLetter {
        (
            "Lettres d’attribution",
            award::award_letters(dossier, today)?,
        )
    } else {
        (
            "Lettres de rejet des offres",
            award::rejection_letters(dossier, today)?,
        )
    };
    if letters.is_empty() {
        return Err(ExportError::NoLetters);
    }
    Ok((title, letters))
}

/// « SF-03_Renovation-de-la-salle-des-fetes_Rapport-analyse-offres.pdf ».
pub fn award_file_name(dossier: &Dossier, piece: AwardPiece, format: Format) -> String {
    let stem = match piece {
        AwardPiece::Report => "Rapport-analyse-offres",
        AwardPiece::Letters => "Lettres-rejet",
        AwardPiece::AwardLetter => "Lettre-attribution",
        AwardPiece::AwardNotice => "Avis-attribution",
    };
    file_names::named(dossier, stem, format.extension())
}

/// Each letter of `piece` as its own PDF and DOCX, named after the lot,
/// the offer and the bidder.
fn letters_zip(
    dossier: &Dossier,
    piece: AwardPiece,
    today: NaiveDate,
    opts: RenderOptions,
) -> Result<Vec<u8>, ExportError> {
    let (_, letters) = award_letters_of(dossier, piece, today)?;
    let kind = if piece == AwardPiece::AwardLetter {
        "Attribution"
    } else {
        "Rejet"
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for l in &letters {
        let lot = l.lot.map(|n| format!("-lot-{n}")).unwrap_or_default();
        let stem = format!(
            "{kind}{lot}-offre-{}-{}",
            l.offer,
            file_names::slug(&l.bidder, 30)
        );
        for format in [Format::Pdf, Format::Docx] {
            let bytes = render_document(&l.document, format, opts)?;
            let name = file_names::named(dossier, &stem, format.extension());
            add_to_zip(&mut zip, &name, &bytes, zip::CompressionMethod::Stored)?;
        }
    }
    Ok(zip.finish().map_err(ExportError::zip)?.into_inner())
}

type ZipOut = zip::ZipWriter<std::io::Cursor<Vec<u8>>>;

fn add_to_zip(
    zip: &mut ZipOut,
    name: &str,
    bytes: &[u8],
    method: zip::CompressionMethod,
) -> Result<(), ExportError> {
    use zip::write::SimpleFileOptions;
    zip.start_file(
        name,
        SimpleFileOptions::default().compression_method(method),
    )
    .map_err(ExportError::zip)?;
    zip.write_all(bytes).map_err(|e| ExportError::zip(e.into()))
}

/// What the archive for the buyer platform holds: each piece in PDF and
/// DOCX, and the notice also as the text pasted into the publication forms;
/// [`bundle`] adds the spreadsheet of each price schedule.
pub const BUNDLE: [(Piece, &[Format]); 4] = [
    (Piece::Dce, &[Format::Pdf, Format::Docx]),
    (Piece::ResponseFrames, &[Format::Pdf, Format::Docx]),
    (Piece::Notice, &[Format::Pdf, Format::Docx, Format::Txt]),
    (Piece::Prices, &[Format::Pdf, Format::Docx]),
];

/// The archive for the buyer platform: the files of [`BUNDLE`], named from
/// the reference so that they stay together once unpacked. `annex` goes at
/// the end of the DCE (the comments of a draft).
fn bundle(dossier: &Dossier, opts: RenderOptions, annex: &[Block]) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (piece, formats) in BUNDLE {
        // A path that publishes no notice gets none in its archive.
        if piece == Piece::Notice && compose::notice_title(dossier).is_err() {
            continue;
        }
        for &format in formats {
            // The PDF and DOCX are already compressed inside: storing them is as small and faster.
            let method = if format == Format::Txt {
                zip::CompressionMethod::Deflated
            } else {
                zip::CompressionMethod::Stored
            };
            let bytes = produce(dossier, piece, format, opts, annex)?;
            add_to_zip(
                &mut zip,
                &piece_file_name(dossier, piece, format),
                &bytes,
                method,
            )?;
        }
    }
    // A draft may still lack a lot's schedule (a final export is refused
    // then): the other lots' spreadsheets go in.
    for sheet in file_names::price_files(dossier).fill {
        if prices::schedule_for(dossier, sheet.lot).is_none() {
            continue;
        }
        let bytes = prices::write_xlsx(dossier, sheet.lot)?;
        add_to_zip(
            &mut zip,
            &sheet.name,
            &bytes,
            zip::CompressionMethod::Stored,
        )?;
    }
    Ok(zip.finish().map_err(ExportError::zip)?.into_inner())
}

/// The start of the name of the temporary file [`write_atomic`] writes beside the destination.
const TEMP_PREFIX: &str = ".dce-export-";

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so a failure never leaves a partial file behind: the temporary
/// file is removed and an existing `path` keeps its old content. The file
/// gets the usual mode of a new file (0666 less the umask on Unix).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| ExportError::Write {
        path: path.to_path_buf(),
        reason: reason(&e),
        detail: e.to_string(),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // tempfile's default 0600 suits secrets, not a document the user shares:
    // ask for 0666 and let the OS apply the umask, as any editor's save does.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

fn reason(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "le dossier de destination n'existe pas\u{a0}; choisissez un autre emplacement.",
        PermissionDenied | ReadOnlyFilesystem => "vous n'avez pas le droit d'écrire à cet endroit (dossier en lecture seule ou fichier ouvert dans un autre programme)\u{a0}; choisissez un autre emplacement ou fermez le fichier.",
        StorageFull | QuotaExceeded => "le disque est plein\u{a0}; libérez de la place ou choisissez un autre support.",
        // EFBIG: a FAT-formatted USB key takes no file over 4 Go.
        FileTooLarge => "le fichier est trop gros pour ce support\u{a0}; choisissez un autre support.",
        IsADirectory => "c'est un dossier et non un fichier\u{a0}; indiquez un nom de fichier.",
        _ => "l'écriture a échoué\u{a0}; réessayez ou choisissez un autre emplacement.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn file_names_are_plain_ascii() {
        let mut d = crate::samples::find("restauration-scolaire")
            .unwrap()
            .instantiate(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
                "u".into(),
            );
        assert_eq!(
            file_name(&d, Format::Pdf),
            "RS-01_Fourniture-et-livraison-de-repas_DCE.pdf"
        );
        d.reference = "2026/07".into();
        d.purchase.object = "Éclairage public à LED".into();
        assert_eq!(
            file_name(&d, Format::Docx),
            "2026-07_Eclairage-public-a-LED_DCE.docx"
        );
        d.reference.clear();
        d.purchase.object.clear();
        assert_eq!(file_name(&d, Format::Pdf), "DCE.pdf");
    }

    #[test]
    fn missing_folder_says_so_in_french() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("nope/a.pdf"), b"x").unwrap_err();
        assert!(err.to_string().contains("n'existe pas"), "{err}");
    }

    /// The names in `dir`, sorted: a leftover temporary file shows here.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    #[cfg(unix)]
    fn a_failed_rename_removes_the_temporary_file() {
        // The rename is the last step: the temporary file is complete when it fails.
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a.pdf");
        std::fs::create_dir(&dest).unwrap();
        std::fs::write(dest.join("inside"), b"kept").unwrap();
        let err = write_atomic(&dest, b"new").unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("c'est un dossier et non un fichier"),
            "{message}"
        );
        assert_eq!(names(dir.path()), ["a.pdf"]);
        assert_eq!(std::fs::read(dest.join("inside")).unwrap(), b"kept");
    }

    #[test]
    #[cfg(unix)]
    fn disk_errors_are_worded_in_french() {
        let said = |code| reason(&std::io::Error::from_raw_os_error(code));
        for code in [libc::ENOSPC, libc::EDQUOT] {
            assert!(
                said(code).starts_with("le disque est plein\u{a0};"),
                "{code}"
            );
        }
        for code in [libc::EACCES, libc::EPERM, libc::EROFS] {
            assert!(
                said(code).starts_with("vous n'avez pas le droit d'écrire"),
                "{code}"
            );
        }
        assert!(said(libc::EFBIG).starts_with("le fichier est trop gros"));
        let err = ExportError::Write {
            path: "/media/cle/a.pdf".into(),
            reason: said(libc::ENOSPC),
            detail: "No space left on device (os error 28)".into(),
        };
        assert_eq!(
            err.to_string(),
            "Impossible d'écrire dans «\u{a0}/media/cle/a.pdf\u{a0}»\u{a0}: le disque est plein\u{a0}; \
             libérez de la place ou choisissez un autre support. Aucun fichier n'a été créé ni \
             modifié. (No space left on device (os error 28))"
        );
    }

    // Umask, resource limits and user ids belong to the whole process: the
    // tests that change them run in a child process, the ignored `*_child`
    // test of this binary, which does nothing unless CHILD_DIR names its folder.

    #[cfg(unix)]
    const CHILD_DIR: &str = "DCE_EXPORT_TEST_DIR";
    /// Printed by a child at its very end: a child that matched no test, or
    /// returned early, also exits with success.
    #[cfg(unix)]
    const CHILD_DONE: &str = "child checks done";

    #[cfg(unix)]
    fn run_child(name: &str, dir: &Path) {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .arg(format!("export::tests::{name}"))
            .args(["--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains(CHILD_DONE),
            "child test {name} failed ({}):\n{stdout}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[cfg(unix)]
    fn child_dir() -> Option<PathBuf> {
        std::env::var_os(CHILD_DIR).map(PathBuf::from)
    }

    #[cfg(unix)]
    fn set_mode(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    const UMASKS: [u32; 4] = [0o022, 0o027, 0o002, 0o077];

    #[test]
    #[cfg(unix)]
    fn exports_get_the_mode_the_umask_allows() {
        let dir = tempfile::tempdir().unwrap();
        run_child("umask_child", dir.path());
        for mask in UMASKS {
            let path = dir.path().join(format!("{mask:03o}.pdf"));
            assert_eq!(mode(&path), 0o666 & !mask, "{}", path.display());
        }
    }

    #[test]
    #[ignore = "run in a child process by exports_get_the_mode_the_umask_allows"]
    #[cfg(unix)]
    fn umask_child() {
        let Some(dir) = child_dir() else { return };
        for mask in UMASKS {
            unsafe { libc::umask(mask as libc::mode_t) };
            let path = dir.join(format!("{mask:03o}.pdf"));
            write_atomic(&path, b"%PDF-1.7").unwrap();
            // A replaced file gets the new file's mode too.
            write_atomic(&path, b"%PDF-1.7 again").unwrap();
            assert_eq!(mode(&path), 0o666 & !mask, "umask {mask:03o}");
        }
        println!("{CHILD_DONE}");
    }

    /// A folder holding `a.pdf` with « old » in it.
    #[cfg(unix)]
    fn folder_with_old_file(dir: &Path) -> PathBuf {
        let folder = dir.join("dossier");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.pdf"), b"old").unwrap();
        folder
    }

    #[cfg(unix)]
    fn assert_old_file_alone(folder: &Path) {
        assert_eq!(names(folder), ["a.pdf"], "nothing but the old file");
        let content = std::fs::read(folder.join("a.pdf")).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&content),
            "old",
            "the old file unchanged"
        );
    }

    #[test]
    #[cfg(unix)]
    fn a_read_only_folder_keeps_the_old_file_and_gets_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = folder_with_old_file(dir.path());
        set_mode(&folder, 0o555);
        // The child may run as another user: it must get through the 0700 temporary folder.
        set_mode(dir.path(), 0o755);
        run_child("read_only_child", &folder);
        set_mode(&folder, 0o755);
        assert_old_file_alone(&folder);
    }

    #[test]
    #[ignore = "run in a child process by a_read_only_folder_keeps_the_old_file_and_gets_no_temporary_file"]
    #[cfg(unix)]
    fn read_only_child() {
        let Some(folder) = child_dir() else { return };
        // Root writes through any mode (tests run as root in CI): become
        // « nobody » so that the folder's mode counts.
        if unsafe { libc::geteuid() } == 0 {
            unsafe {
                assert_eq!(libc::setgroups(0, std::ptr::null()), 0, "setgroups");
                assert_eq!(libc::setgid(65534), 0, "setgid");
                assert_eq!(libc::setuid(65534), 0, "setuid");
            }
        }
        let err = write_atomic(&folder.join("a.pdf"), b"new content").unwrap_err();
        let message = err.to_string();
        let expected = format!(
            "Impossible d'écrire dans «\u{a0}{}\u{a0}»\u{a0}: vous n'avez pas le droit d'écrire à cet endroit",
            folder.join("a.pdf").display()
        );
        assert!(message.starts_with(&expected), "{message}");
        assert!(message.contains("Aucun fichier n'a été créé ni modifié."));
        println!("{CHILD_DONE}");
    }

    #[test]
    #[cfg(unix)]
    fn a_write_cut_short_keeps_the_old_file_and_gets_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = folder_with_old_file(dir.path());
        run_child("file_size_limit_child", &folder);
        assert_old_file_alone(&folder);
    }

    #[test]
    #[ignore = "run in a child process by a_write_cut_short_keeps_the_old_file_and_gets_no_temporary_file"]
    #[cfg(unix)]
    fn file_size_limit_child() {
        let Some(folder) = child_dir() else { return };
        // Like a disk that fills up during the write: the first 64 Kio go
        // in, then write() fails (EFBIG rather than ENOSPC, which would need
        // a small file system mounted for the test).
        let limit = libc::rlimit {
            rlim_cur: 64 * 1024,
            rlim_max: 64 * 1024,
        };
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0, "setrlimit");
        }
        let err = write_atomic(&folder.join("a.pdf"), &vec![b'x'; 1024 * 1024]).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(": le fichier est trop gros pour ce support\u{a0};"),
            "{message}"
        );
        println!("{CHILD_DONE}");
    }
}
