//! How each procedure a dossier may use is named, on which article it rests,
//! and what it explains to a buyer who is not a jurist; and how each place a
//! notice appears is named. The cover, the body of the DCE, the notice and
//! the procedure step all take their words here.

use crate::model::{NoticeChannel, ProcedureChoice};

impl ProcedureChoice {
    /// Every path, in the order the procedure step offers them.
    pub const ALL: [ProcedureChoice; 4] = [
        ProcedureChoice::Dispense,
        ProcedureChoice::Mapa,
        ProcedureChoice::MapaSocialServices,
        ProcedureChoice::Innovative,
    ];

    /// The name on the cover and in the body of the DCE.
    pub fn title(self) -> &'static str {
        match self {
            ProcedureChoice::Dispense => "Achat sans publicité ni mise en concurrence préalables",
            ProcedureChoice::Mapa => "Marché à procédure adaptée",
            ProcedureChoice::MapaSocialServices => {
                "Marché à procédure adaptée — services sociaux et autres services spécifiques"
            }
            ProcedureChoice::Innovative => {
                "Achat innovant sans publicité ni mise en concurrence préalables"
            }
        }
    }

    /// The legal basis, as the DCE states it.
    pub fn legal_basis(self) -> &'static str {
        match self {
            ProcedureChoice::Dispense => "article R2122-8 du code de la commande publique",
            ProcedureChoice::Mapa => {
                "articles L2123-1 et R2123-1 1° du code de la commande publique"
            }
            ProcedureChoice::MapaSocialServices => {
                "articles L2123-1 et R2123-1 3° du code de la commande publique"
            }
            ProcedureChoice::Innovative => "article R2122-9-1 du code de la commande publique",
        }
    }

    /// The article, as findings and the procedure step cite it.
    pub fn article(self) -> &'static str {
        match self {
            ProcedureChoice::Dispense => "R2122-8",
            ProcedureChoice::Mapa => "R2123-1 1°",
            ProcedureChoice::MapaSocialServices => "R2123-1 3°",
            ProcedureChoice::Innovative => "R2122-9-1",
        }
    }

    /// One plain sentence on when the path may be used.
    pub fn explanation(self) -> &'static str {
        match self {
            ProcedureChoice::Dispense => "Pour un petit achat sous le seuil de dispense : pas d'avis obligatoire, la commune compare quelques devis et garde la trace de son choix.",
            ProcedureChoice::Mapa => "La procédure ordinaire sous les seuils européens : un avis de publicité, des offres jugées sur les critères annoncés.",
            ProcedureChoice::MapaSocialServices => "Pour les services de restauration, les services sociaux et les autres services de la liste officielle, jusqu'à 750 000 € HT.",
            ProcedureChoice::Innovative => "Pour une solution nouvelle ou sensiblement améliorée, sous 100 000 € HT : sans avis ni mise en concurrence, à condition de pouvoir prouver l'innovation et le sourçage fait.",
        }
    }

    /// Whether the path publishes a notice calling for competition (and so
    /// brings the publicity duties: buyer profile, BOAMP or JAL from 90 000 €).
    pub fn publishes_notice(self) -> bool {
        matches!(
            self,
            ProcedureChoice::Mapa | ProcedureChoice::MapaSocialServices
        )
    }
}

/// The title of the notice of an adapted procedure.
pub const CALL_FOR_COMPETITION: &str = "Avis d’appel public à la concurrence";

impl ProcedureChoice {
    /// The title of the notice this path publishes with the channels ticked,
    /// or, when it publishes none, why (the sentence an export of the notice
    /// answers with).
    pub fn notice_title(self, publicity: &[NoticeChannel]) -> Result<&'static str, &'static str> {
        match self {
            ProcedureChoice::Mapa | ProcedureChoice::MapaSocialServices => Ok(CALL_FOR_COMPETITION),
            // R2122-8 asks for no publicity; a commune may still publish one to widen its choice.
            ProcedureChoice::Dispense if !publicity.is_empty() => Ok("Avis de consultation"),
            ProcedureChoice::Dispense => Err("Cet achat est dispensé de publicité (article R2122-8) : aucun avis n'est à publier. La commune demande directement des devis à quelques entreprises, en leur envoyant le document de consultation. Pour publier tout de même un avis, cochez au moins un support à l'étape « Procédure »."),
            ProcedureChoice::Innovative => Err("Un achat innovant sans publicité ni mise en concurrence préalables (article R2122-9-1) ne publie pas d'avis : la commune adresse le document de consultation aux entreprises rencontrées lors du sourçage."),
        }
    }
}

impl NoticeChannel {
    /// Every channel, in the order the procedure step offers them.
    pub const ALL: [NoticeChannel; 5] = [
        NoticeChannel::BuyerProfile,
        NoticeChannel::Boamp,
        NoticeChannel::Jal,
        NoticeChannel::CommuneWebsite,
        NoticeChannel::LocalPress,
    ];

    /// The name of the channel, as a box to tick.
    pub fn name(self) -> &'static str {
        match self {
            NoticeChannel::BuyerProfile => {
                "Profil d'acheteur (plateforme où le dossier est téléchargé)"
            }
            NoticeChannel::Boamp => "Bulletin officiel des annonces des marchés publics (BOAMP)",
            NoticeChannel::Jal => "Journal d'annonces légales",
            NoticeChannel::CommuneWebsite => "Site internet de la commune",
            NoticeChannel::LocalPress => "Presse locale ou affichage en mairie",
        }
    }
}
