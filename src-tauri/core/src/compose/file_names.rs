//! File names of the pieces: the reference and the first words of the
//! object, in plain ASCII so that every buyer platform and mail system
//! accepts them, and the same in the ZIP as in the DCE that lists them.

use super::Piece;
use crate::model::Dossier;
use serde::Serialize;

/// The name of `piece` in a file of `extension`:
/// « RS-01_Fourniture-et-livraison-de-repas_Avis.txt ».
pub fn piece_file_name(dossier: &Dossier, piece: Piece, extension: &str) -> String {
    let stem = match piece {
        Piece::Dce => "DCE",
        Piece::ResponseFrames => "Cadre-de-reponse",
        Piece::Notice => "Avis",
        Piece::Prices => PRICES_STEM,
    };
    named(dossier, stem, extension)
}

const PRICES_STEM: &str = "Prix";

/// The spreadsheet bidders fill for lot `lot` (`None`: the contract
/// without lots): « RS-01_Fourniture-et-livraison-de-repas_Prix.xlsx »,
/// « SF-03_Renovation-de-la-salle-des-fetes_Prix-lot-2.xlsx ».
pub fn prices_xlsx_file_name(dossier: &Dossier, lot: Option<u32>) -> String {
    match lot {
        Some(n) => named(dossier, &format!("{PRICES_STEM}-lot-{n}"), "xlsx"),
        None => named(dossier, PRICES_STEM, "xlsx"),
    }
}

/// The price schedule files of a dossier, as the DCE names them.
#[derive(Debug, Serialize)]
pub struct PriceFiles {
    /// The PDF and the DOCX, to read and print.
    pub read: Vec<String>,
    /// The spreadsheets bidders fill, one per lot.
    pub fill: Vec<PriceSheet>,
}

#[derive(Debug, Serialize)]
pub struct PriceSheet {
    pub lot: Option<u32>,
    pub name: String,
}

pub fn price_files(dossier: &Dossier) -> PriceFiles {
    let read = ["pdf", "docx"]
        .map(|extension| piece_file_name(dossier, Piece::Prices, extension))
        .to_vec();
    let sheet = |lot| PriceSheet {
        lot,
        name: prices_xlsx_file_name(dossier, lot),
    };
    let lots = &dossier.purchase.lots;
    let fill = if lots.is_empty() {
        vec![sheet(None)]
    } else {
        lots.iter().map(|l| sheet(Some(l.number))).collect()
    };
    PriceFiles { read, fill }
}

/// « reference_object_piece.extension », each part in plain ASCII.
pub fn named(dossier: &Dossier, piece: &str, extension: &str) -> String {
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
pub(crate) fn slug(text: &str, max: usize) -> String {
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
