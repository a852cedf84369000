use thiserror::Error;

use crate::prices::PriceError;

/// Why a command on the offers is refused; nothing is recorded then. Each
/// message names what to fix.
#[derive(Debug, Error, PartialEq)]
pub enum OfferError {
    #[error("Il n’y a pas d’offre n°\u{a0}{0} dans ce dossier\u{a0}: la liste des offres donne leurs numéros.")]
    UnknownOffer(u32),
    #[error("Le marché est alloti ({lots})\u{a0}: indiquez le lot auquel répond l’offre.")]
    LotRequired { lots: String },
    #[error("Le dossier n’a pas de lot n°\u{a0}{lot} (lots\u{a0}: {lots}).")]
    UnknownLot { lot: u32, lots: String },
    #[error("Le marché n’est pas alloti\u{a0}: n’indiquez pas de lot.")]
    NoLots,
    #[error(
        "Indiquez le nom de l’entreprise (ou du mandataire du groupement) qui a remis l’offre."
    )]
    EmptyBidder,
    #[error("Le numéro SIRET «\u{a0}{0}\u{a0}» n’a pas 14 chiffres.")]
    BadSiret(String),
    #[error("Le dossier de consultation n’autorise pas les variantes\u{a0}: enregistrez l’offre de base, et une variante remise malgré tout comme offre irrégulière.")]
    VariantForbidden,
    #[error("Le montant de l’offre doit être positif (il vaut {0}).")]
    BadAmount(String),
    #[error("Le bordereau des prix ne contient pas de variante chiffrée\u{a0}: indiquez le montant de la variante.")]
    NoVariantPriced,
    #[error("Aucun critère ni sous-critère «\u{a0}{0}\u{a0}» dans ce dossier (identifiants notés à la main\u{a0}: {1}).")]
    UnknownCriterion(String, String),
    #[error("Le critère «\u{a0}{0}\u{a0}» est calculé à partir du montant de l’offre, selon la formule du dossier de consultation\u{a0}: il ne se note pas à la main.")]
    ComputedCriterion(String),
    #[error("Le critère «\u{a0}{title}\u{a0}» se note par ses sous-critères\u{a0}: {ids}.")]
    HasSubcriteria { title: String, ids: String },
    #[error("«\u{a0}{title}\u{a0}» vaut au plus {max} points\u{a0}: la note {found} est refusée.")]
    TooManyPoints {
        title: String,
        max: String,
        found: String,
    },
    #[error("Une note ne peut pas être négative ({0}).")]
    NegativePoints(String),
    #[error("Justifiez la note de «\u{a0}{0}\u{a0}» par écrit\u{a0}: la justification figure au rapport d’analyse.")]
    NoJustification(String),
    #[error("L’offre n°\u{a0}{0} a été reçue après la date limite\u{a0}: elle est enregistrée comme irrégulière et n’est jamais notée ni négociée.")]
    Late(u32),
    #[error("Écrivez la raison pour laquelle l’offre est {0}\u{a0}: elle figure au rapport d’analyse et dans le courrier au candidat.")]
    NoReason(&'static str),
    #[error("Le dossier de consultation n’a pas prévu de négociation\u{a0}: le marché est attribué sur les offres initiales.")]
    NegotiationNotAllowed,
    #[error("Le dossier de consultation ne prévoit de négocier qu’avec les {best} candidats les mieux classés sur les offres initiales\u{a0}: l’offre n°\u{a0}{offer} n’en fait pas partie.")]
    NotAmongTheBest { offer: u32, best: u32 },
    #[error("Aucune demande de précisions sur le prix n’est enregistrée pour l’offre n°\u{a0}{0}\u{a0}: la commune doit d’abord la demander par écrit (article L2152-6 du code de la commande publique).")]
    NoLowPriceRequest(u32),
    #[error("Une demande de précisions sur le prix de l’offre n°\u{a0}{0} est déjà enregistrée (du {1}).")]
    LowPriceAlreadyRequested(u32, String),
    #[error("Écrivez {0}.")]
    EmptyText(&'static str),
    #[error("{what} «\u{a0}{text}\u{a0}» n’est pas un nombre positif à deux décimales au plus (par exemple 12,5).")]
    NotANumber { what: &'static str, text: String },
    #[error("«\u{a0}{0}\u{a0}» n’est pas une date et une heure de réception (par exemple 2027-01-15T11:30).")]
    BadDateTime(String),
    #[error("La date limite de réponse du candidat ({0}) doit venir après aujourd’hui\u{a0}: laissez-lui un délai raisonnable, en général une semaine.")]
    AnswerByInThePast(String),
    #[error("Indiquez le nouveau prix de l’offre après négociation (saisi ou lu dans le bordereau rempli).")]
    NoNegotiatedPrice,
    #[error("Impossible de lire «\u{a0}{file}\u{a0}»\u{a0}: vérifiez que le fichier existe et que vous pouvez l’ouvrir. ({detail})")]
    Unreadable { file: String, detail: String },
    #[error(transparent)]
    Schedule(#[from] PriceError),
}
