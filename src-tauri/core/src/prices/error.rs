use thiserror::Error;

/// Why a price schedule could not be written, or why a filled one is refused.
/// Every refusal names what the firm or the buyer must look at: the line by
/// its number and designation, the sheet, the reference.
#[derive(Debug, Error, PartialEq)]
pub enum PriceError {
    #[error("Le dossier n’a pas de bordereau des prix {}\u{a0}: écrivez d’abord ses lignes.", scope(*.lot))]
    NoSchedule { lot: Option<u32> },
    #[error("Le classeur des prix n’a pas pu être produit. ({detail})")]
    Write { detail: String },
    #[error("Ce fichier n’est pas un classeur Excel (XLSX) lisible\u{a0}: demandez à l’entreprise le bordereau des prix enregistré au format XLSX. ({detail})")]
    NotXlsx { detail: String },
    #[error("Ce classeur n’est pas un bordereau des prix produit par DCE Unique (la feuille d’identification manque ou est illisible)\u{a0}: demandez à l’entreprise de remplir le fichier fourni dans le dossier de consultation.")]
    NotOurSchedule,
    #[error("Ce bordereau des prix porte la référence «\u{a0}{found}\u{a0}», alors que le dossier attendu est «\u{a0}{expected}\u{a0}»\u{a0}: ce n’est pas le bordereau de cette consultation.")]
    WrongReference { found: String, expected: String },
    #[error("Ce bordereau des prix porte bien la référence «\u{a0}{reference}\u{a0}», mais il a été produit pour un autre dossier\u{a0}: demandez à l’entreprise de remplir le fichier fourni dans le dossier de consultation.")]
    WrongDossier { reference: String },
    #[error("Ce bordereau des prix est celui {}, alors que celui {} est attendu.", scope(*.found), scope(*.expected))]
    WrongLot {
        found: Option<u32>,
        expected: Option<u32>,
    },
    #[error("La feuille «\u{a0}{sheet}\u{a0}» manque dans le bordereau des prix\u{a0}: le fichier a été modifié.")]
    MissingSheet { sheet: String },
    #[error("{line}\u{a0}: la ligne a été supprimée du bordereau.")]
    LineRemoved { line: LineRef },
    #[error("{line}\u{a0}: {what} a été modifiée (le fichier porte «\u{a0}{found}\u{a0}»).")]
    LineChanged {
        line: LineRef,
        what: &'static str,
        found: String,
    },
    #[error("{line}\u{a0}: cette ligne a été ajoutée au bordereau\u{202f}; seules les lignes du dossier de consultation peuvent être chiffrées.")]
    LineAdded { line: LineRef },
    #[error("{line}\u{a0}: il manque {what}.")]
    Empty { line: LineRef, what: &'static str },
    #[error("{line}\u{a0}: {what} «\u{a0}{found}\u{a0}» n’est pas un nombre (écrivez un nombre seul, sans «\u{a0}€\u{a0}» ni texte, par exemple 12,50).")]
    NotANumber {
        line: LineRef,
        what: &'static str,
        found: String,
    },
    #[error("{line}\u{a0}: {what} vaut {found}\u{202f}; un nombre négatif n’est pas admis.")]
    Negative {
        line: LineRef,
        what: &'static str,
        found: String,
    },
    #[error("{line}\u{a0}: {what} ({found}) a plus de {decimals} décimales, ce que le bordereau n’admet pas.")]
    TooPrecise {
        line: LineRef,
        what: &'static str,
        found: String,
        decimals: u32,
    },
}

/// « du lot 2 », « du marché » (a contract without lots).
fn scope(lot: Option<u32>) -> String {
    match lot {
        Some(n) => format!("du lot {n}"),
        None => "du marché".to_string(),
    }
}

/// A line as the firm sees it: its sheet, its number and its designation.
#[derive(Debug, Clone, PartialEq)]
pub struct LineRef {
    pub sheet: String,
    pub number: String,
    pub designation: String,
}

impl std::fmt::Display for LineRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Feuille «\u{a0}{}\u{a0}», ligne {} «\u{a0}{}\u{a0}»",
            self.sheet, self.number, self.designation
        )
    }
}
