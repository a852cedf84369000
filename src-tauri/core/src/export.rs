//! Dossier -> file on disk: compose, render, and write atomically. A final
//! export is refused while a blocking finding remains.

use crate::compose::{self, document::Block, document::RenderOptions, ComposeError, Piece};
use crate::model::Dossier;
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
    /// The DCE as PDF.
    Pdf,
    /// The DCE as DOCX.
    Docx,
    /// What the buyer platform receives: the DCE and the response frames, each in PDF and DOCX.
    Zip,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Zip => "zip",
        }
    }
}

/// The name of the revision an export printed, unless the user named it:
/// « Versions » shows which state was published.
pub fn revision_label(format: Format, final_version: bool) -> String {
    let what = match format {
        Format::Pdf => "en PDF",
        Format::Docx => "en DOCX",
        Format::Zip => "pour la plateforme (ZIP)",
    };
    let version = if final_version {
        "version à publier"
    } else {
        "projet"
    };
    format!("Exporté {what}, {version}")
}

/// « RS-01_Fourniture-et-livraison-de-repas_DCE.pdf »: the reference and the
/// first words of the object, in plain ASCII so that every buyer platform
/// and mail system accepts it.
pub fn file_name(dossier: &Dossier, format: Format) -> String {
    piece_file_name(dossier, "DCE", format.extension())
}

fn piece_file_name(dossier: &Dossier, piece: &str, extension: &str) -> String {
    let reference = slug(&dossier.reference, 20);
    let object = slug(&dossier.purchase.object, 40);
    let stem = [reference, object, piece.to_string()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    format!("{stem}.{extension}")
}

/// Small words a cut name must not end with (« …-livraison-de-repas-en »).
const DANGLING: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par",
    "pour", "sur",
];

/// Words of `text` folded to ASCII and joined by hyphens, cut at a word
/// boundary after at most `max` characters, without a dangling small word.
fn slug(text: &str, max: usize) -> String {
    let folded: String = text.chars().map(fold_accent).collect();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut len = 0;
    for word in &words {
        let word = &word[..word.len().min(max)];
        let added = if kept.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if !kept.is_empty() && len + added > max {
            break;
        }
        kept.push(word);
        len += added;
    }
    if kept.len() < words.len() {
        while kept.len() > 1
            && DANGLING.contains(&kept[kept.len() - 1].to_ascii_lowercase().as_str())
        {
            kept.pop();
        }
    }
    kept.join("-")
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'À' | 'Â' | 'Ä' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' => 'i',
        'Î' | 'Ï' => 'I',
        'ô' | 'ö' => 'o',
        'Ô' | 'Ö' => 'O',
        'ù' | 'û' | 'ü' => 'u',
        'Ù' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ÿ' => 'y',
        _ => c,
    }
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("La version à publier est refusée tant que {} point(s) bloquant(s) reste(nt) à corriger :\n{}", .0.len(), list(.0))]
    Blocked(Vec<Finding>),
    #[error(transparent)]
    Compose(#[from] ComposeError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("Impossible d'écrire dans « {} » : {reason} Aucun fichier n'a été créé. ({detail})", path.display())]
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

fn list(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("- {} ({})", f.message, f.reference))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The document of `dossier` in `format`. A final version (`final_version`)
/// carries no watermark and is refused while a blocking finding remains;
/// findings are judged on the launch date, or `today` while none is set.
pub fn render(
    dossier: &Dossier,
    format: Format,
    final_version: bool,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    if final_version {
        let blocking: Vec<Finding> = rules::check(dossier, rules::judging_date(dossier, today))
            .into_iter()
            .filter(|f| f.severity == Severity::Blocking)
            .collect();
        if !blocking.is_empty() {
            return Err(ExportError::Blocked(blocking));
        }
    }
    let opts = RenderOptions {
        draft: !final_version,
    };
    match format {
        Format::Pdf => Ok(render::pdf::render(&compose::dce(dossier)?, opts)?),
        Format::Docx => Ok(render::docx::render(&compose::dce(dossier)?, opts)?),
        Format::Zip => bundle(dossier, opts, &[]),
    }
}

/// A draft of `dossier` in `format` with, at the very end of the DCE, the
/// annex « Annexe — Commentaires de relecture » listing `comments` as they
/// stand on `today` (none when there are none). Always a draft: the
/// « PROJET » watermark stays and no check is made. For the zip bundle,
/// the DCE inside it (PDF and DOCX) carries the annex, the response frames
/// do not.
pub fn render_with_comments(
    dossier: &Dossier,
    comments: &[StoredComment],
    format: Format,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let opts = RenderOptions { draft: true };
    let annex = compose::comments_annex(comments, today);
    let dce = || -> Result<_, ExportError> {
        let mut doc = compose::dce(dossier)?;
        doc.blocks.extend_from_slice(&annex);
        Ok(doc)
    };
    match format {
        Format::Pdf => Ok(render::pdf::render(&dce()?, opts)?),
        Format::Docx => Ok(render::docx::render(&dce()?, opts)?),
        Format::Zip => bundle(dossier, opts, &annex),
    }
}

/// The review sheet (« Fiche de relecture ») as PDF: `findings` as the
/// checks give them, `incomplete_steps` as step keys, the open `comments`.
/// Not a piece of the DCE, so no watermark.
pub fn render_review(
    dossier: &Dossier,
    findings: &[Finding],
    comments: &[StoredComment],
    incomplete_steps: &[String],
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let doc = compose::review(dossier, findings, comments, incomplete_steps, today)?;
    Ok(render::pdf::render(&doc, RenderOptions { draft: false })?)
}

/// « RS-01_Fourniture-et-livraison-de-repas_Fiche-de-relecture.pdf ».
pub fn review_file_name(dossier: &Dossier) -> String {
    piece_file_name(dossier, "Fiche-de-relecture", "pdf")
}

/// The archive for the buyer platform: every piece in PDF and DOCX, named
/// from the reference so that the files stay together once unpacked.
/// `annex` goes at the end of the DCE (the comments of a draft).
fn bundle(dossier: &Dossier, opts: RenderOptions, annex: &[Block]) -> Result<Vec<u8>, ExportError> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The PDF and DOCX are already compressed inside: storing them is as small and faster.
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (piece, name) in [
        (Piece::Dce, "DCE"),
        (Piece::ResponseFrames, "Cadre-de-reponse"),
    ] {
        let mut doc = compose::compose(dossier, piece)?;
        if piece == Piece::Dce {
            doc.blocks.extend_from_slice(annex);
        }
        for (extension, bytes) in [
            ("pdf", render::pdf::render(&doc, opts)?),
            ("docx", render::docx::render(&doc, opts)?),
        ] {
            zip.start_file(piece_file_name(dossier, name, extension), stored)
                .map_err(ExportError::zip)?;
            zip.write_all(&bytes)
                .map_err(|e| ExportError::zip(e.into()))?;
        }
    }
    Ok(zip.finish().map_err(ExportError::zip)?.into_inner())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so a failure never leaves a partial file behind.
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
    let mut tmp = tempfile::Builder::new()
        .prefix(".dce-export-")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

fn reason(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "le dossier de destination n'existe pas ; choisissez un autre emplacement.",
        PermissionDenied | ReadOnlyFilesystem => "vous n'avez pas le droit d'écrire à cet endroit (dossier en lecture seule ou fichier ouvert dans un autre programme) ; choisissez un autre emplacement ou fermez le fichier.",
        StorageFull | QuotaExceeded => "le disque est plein ; libérez de la place ou choisissez un autre support.",
        IsADirectory => "c'est un dossier et non un fichier ; indiquez un nom de fichier.",
        _ => "l'écriture a échoué ; réessayez ou choisissez un autre emplacement.",
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
}
