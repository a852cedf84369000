use std::path::PathBuf;
use thiserror::Error;

/// What can go wrong with the database. The message is for the user (French);
/// the detail is for the log (English, from SQLite).
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("Le dossier n° {0} n'existe pas (il a peut-être été supprimé).")]
    NotFound(i64),
    #[error("La base de données « {} » n'a pas pu être ouverte : vérifiez que le dossier existe et que vous pouvez y écrire. ({detail})", path.display())]
    Open { path: PathBuf, detail: String },
    #[error("La base de données «\u{a0}{}\u{a0}» est endommagée et ne peut pas être lue (panne de courant, disque défectueux ou fichier modifié par un autre programme). ({detail})", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("La version n° {0} n'existe pas pour ce dossier.")]
    RevisionNotFound(i64),
    #[error("Le commentaire n° {0} n'existe pas (il a peut-être été supprimé).")]
    CommentNotFound(i64),
    #[error("Le commentaire est vide : écrivez votre remarque avant de l'enregistrer.")]
    EmptyComment,
    #[error("Donnez un nom au point d'étape, par exemple « Avant séance du 3 mars ».")]
    EmptyLabel,
    #[error("La copie de sauvegarde « {} » n'a pas pu être faite : vérifiez la place disponible sur le disque. ({detail})", path.display())]
    Backup { path: PathBuf, detail: String },
    #[error("Indiquez d'abord votre nom\u{a0}: il apparaît sous chacun de vos commentaires.")]
    NoAuthorName,
    #[error(
        "Le nom est vide\u{a0}: indiquez votre nom, par exemple «\u{a0}Mme Martin (mairie)\u{a0}»."
    )]
    EmptyAuthorName,
    #[error("Cette sauvegarde n'existe pas («\u{a0}{0}\u{a0}»)\u{a0}: choisissez-en une dans la liste des sauvegardes.")]
    BackupNotFound(String),
    #[error("La sauvegarde «\u{a0}{name}\u{a0}» n'est pas une base DCE Unique lisible\u{a0}: rien n'a été restauré, vos dossiers actuels sont intacts. ({detail})")]
    InvalidBackup { name: String, detail: String },
    #[error("La sauvegarde «\u{a0}{name}\u{a0}» vient d'une version plus récente de DCE Unique (format {found}, cette version lit jusqu'au format {supported})\u{a0}: mettez l'application à jour pour la restaurer. Rien n'a été restauré.")]
    BackupTooNew {
        name: String,
        found: usize,
        supported: usize,
    },
    #[error("La restauration n'a pas pu aller jusqu'au bout\u{a0}: l'état d'avant est conservé dans la sauvegarde «\u{a0}{safety_copy}\u{a0}», que vous pouvez restaurer à son tour. ({detail})")]
    Restore { safety_copy: String, detail: String },
    #[error("Le dossier n° {id} enregistré dans la base est illisible ; restaurez une version précédente. ({detail})")]
    Corrupt { id: i64, detail: String },
    #[error("La base de données n'a pas pu être mise à jour vers la nouvelle version de l'application. ({0})")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("Erreur de la base de données : l'opération n'a pas été faite. ({0})")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Le dossier n'a pas pu être converti pour l'enregistrement. ({0})")]
    Encode(#[from] serde_json::Error),
}
