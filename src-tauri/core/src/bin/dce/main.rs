//! `dce`: the command line of DCE Unique. It is the caller that reads the
//! clock and the environment, and passes them to the core library.

/// Prints a line of the command's result. When the reader has gone away
/// (`dce list | head -1`), the command ends quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(format!("le résultat n'a pas pu être écrit : {e}"));
        }
    }};
}

mod bench;
mod canvas;
mod figures;
mod offers;
mod prices;

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};
use dce_core::compose::Piece;
use dce_core::export::{self, AwardPiece, Format};
use dce_core::rules::{self, Severity};
use dce_core::samples;
use dce_core::store::{self, ImportMode, ImportOutcome, Store, StoreError, DAMAGED_STAMP_FORMAT};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dce",
    version,
    about = "DCE Unique en ligne de commande : dossiers, vérifications et exports."
)]
struct Cli {
    #[arg(
        long,
        global = true,
        value_name = "FICHIER",
        help = "Base de données à utiliser (sinon $DCE_DB, sinon le dossier de données de l'utilisateur)"
    )]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = "Liste les dossiers types fournis (un par ligne : nom, puis description)")]
    Samples,
    #[command(about = "Crée un dossier à partir d'un dossier type et affiche son numéro")]
    New {
        #[arg(
            long,
            value_name = "NOM",
            help = "Nom du dossier type (voir « dce samples »)"
        )]
        sample: String,
    },
    #[command(about = "Importe un fichier .dce (JSON) et affiche le numéro du dossier créé")]
    Import {
        file: PathBuf,
        #[arg(
            long,
            conflicts_with = "keep_both",
            help = "Si le dossier existe déjà : le remplacer (contenu, commentaires et historique)"
        )]
        replace: bool,
        #[arg(long, help = "Si le dossier existe déjà : garder les deux")]
        keep_both: bool,
    },
    #[command(
        about = "Enregistre un dossier avec ses commentaires et son historique dans un fichier .dce"
    )]
    Save {
        id: i64,
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
    },
    #[command(about = "Liste les dossiers de la base")]
    List,
    #[command(about = "Affiche un dossier au format JSON (.dce)")]
    Show { id: i64 },
    #[command(about = "Vérifie un dossier et liste les points à corriger")]
    Check {
        id: i64,
        #[arg(long, help = "Sortie JSON")]
        json: bool,
        #[arg(
            long,
            value_name = "AAAA-MM-JJ",
            help = "Date de lancement à retenir (sinon celle du dossier, sinon aujourd'hui)"
        )]
        date: Option<NaiveDate>,
    },
    #[command(
        about = "Exporte une pièce d'un dossier : le document unique (DCE), le cadre de réponse, l'avis d'appel public à la concurrence, le bordereau des prix ; après la réception des offres, le rapport d'analyse, les lettres de rejet, la lettre d'attribution et l'avis d'attribution"
    )]
    Export {
        id: i64,
        #[arg(
            long,
            value_enum,
            default_value = "dce",
            help = "Pièce à exporter (zip : toutes les pièces, avec --piece dce ; chaque lettre à part, avec --piece lettres ou attribution)"
        )]
        piece: ExportPiece,
        #[arg(
            long,
            value_enum,
            help = "Format : pdf, docx, txt, zip (tout le dossier ; pour les lettres, une lettre par fichier) ou xlsx (le tableur du bordereau des prix, à remplir par les entreprises)"
        )]
        format: ExportFormat,
        #[arg(
            long,
            value_name = "N",
            help = "Avec --piece prix : le bordereau de ce lot seul (sinon celui de tous les lots) ; en xlsx, obligatoire pour un marché alloti"
        )]
        lot: Option<u32>,
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        #[arg(
            long = "final",
            help = "Version à publier : sans filigrane, refusée s'il reste un point bloquant (sans effet sur les pièces de l'attribution, qui portent le filigrane « PROJET » tant que l'analyse des offres n'est pas terminée)"
        )]
        final_version: bool,
    },
    #[command(
        about = "Base endommagée : sans option, dit ce qui est proposé ; sinon remet la sauvegarde choisie, ou une base neuve (le fichier endommagé est gardé dans « sauvegardes »)"
    )]
    Recover {
        #[arg(
            long,
            value_name = "NOM",
            conflicts_with = "empty",
            help = "Nom de la sauvegarde à remettre (celle proposée, ou une de « sauvegardes »)"
        )]
        backup: Option<String>,
        #[arg(long, help = "Repartir d'une base neuve")]
        empty: bool,
    },
    #[command(about = "Bordereau des prix : relit celui qu'une entreprise a rempli")]
    Prices {
        #[command(subcommand)]
        command: prices::PricesCommand,
    },
    #[command(
        about = "Offres reçues : enregistrement, notation, prix anormalement bas, régularité, négociation"
    )]
    Offer {
        #[command(subcommand)]
        command: offers::OfferCommand,
    },
    #[command(
        about = "Liste les offres d'un dossier, notées et classées par lot, avec leurs alertes"
    )]
    Offers {
        id: i64,
        #[arg(long, help = "Sortie JSON")]
        json: bool,
    },
    #[command(
        about = "Bilan annuel : nombre et montant des consultations de l'année, part des achats verts, sociaux et innovants"
    )]
    Figures {
        #[arg(
            long,
            value_name = "AAAA",
            help = "Année du bilan (sinon la dernière année qui a des dossiers)"
        )]
        year: Option<i32>,
        #[arg(long, help = "Sortie JSON")]
        json: bool,
        #[arg(
            long,
            value_name = "FICHIER",
            help = "Écrit aussi le bilan en CSV (point-virgule, virgule décimale), pour un tableur"
        )]
        csv: Option<PathBuf>,
    },
    #[command(
        about = "Canevas d'impacts : compare ligne par ligne les chiffres des cadres de réponse environnementaux remplis par les entreprises (PDF ou DOCX, chaque fichier nommé d'après l'entreprise)"
    )]
    Canevas {
        id: i64,
        #[arg(required = true, value_name = "FICHIER")]
        files: Vec<PathBuf>,
        #[arg(long, help = "Sortie JSON")]
        json: bool,
    },
    #[command(about = "Affiche le schéma JSON du format .dce")]
    Schema,
    #[command(
        about = "Mesure la durée de production des PDF et DOCX (dossier de 40 pages et de 400 pages), d'un enregistrement automatique, et la taille de la base après une heure de saisie"
    )]
    Bench,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportPiece {
    #[value(help = "le document unique")]
    Dce,
    #[value(help = "le cadre de réponse des candidats")]
    Cadre,
    #[value(help = "l'avis d'appel public à la concurrence")]
    Avis,
    #[value(help = "le bordereau des prix (BPU et DQE, DPGF)")]
    Prix,
    #[value(
        help = "la fiche de relecture : points à corriger, étapes incomplètes, commentaires ouverts (pdf ou docx)"
    )]
    Relecture,
    #[value(
        help = "le rapport d'analyse des offres : méthode, notes justifiées, alertes, classement, proposition d'attribution (pdf ou docx)"
    )]
    Rapport,
    #[value(
        help = "les lettres de rejet, une par candidat non retenu et par lot : en pdf ou docx, toutes à la suite, chacune sur une nouvelle page, pour imprimer et envoyer ; en zip, chaque lettre à part (pdf et docx), pour l'envoi par courriel ou sur la plateforme"
    )]
    Lettres,
    #[value(
        help = "la lettre d'attribution au candidat retenu de chaque lot : pièces à produire et délai (pdf, docx, ou zip : une lettre par lot)"
    )]
    Attribution,
    #[value(help = "l'avis d'attribution, à publier (pdf, docx ou txt)")]
    AvisAttribution,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Pdf,
    Docx,
    Zip,
    Txt,
    Xlsx,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("Commande incorrecte : vérifiez les arguments (dce --help liste les commandes).\n\n{e}");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("Erreur : {message}");
            ExitCode::FAILURE
        }
    }
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn db_path(db: Option<PathBuf>) -> Result<PathBuf, String> {
    store::resolve_db_path(db, std::env::var_os("DCE_DB")).ok_or_else(|| "Impossible de trouver le dossier de données de l'utilisateur : indiquez une base avec --db FICHIER.".to_string())
}

fn open(db: Option<PathBuf>) -> Result<Store, String> {
    Store::open(&db_path(db)?).map_err(|e| match e {
        StoreError::Damaged { .. } => {
            format!("{e}\nLancez « dce recover » pour voir la sauvegarde proposée.")
        }
        e => e.to_string(),
    })
}

fn run(cli: Cli) -> Result<(), String> {
    let now = Local::now().naive_local();
    match cli.command {
        Command::Samples => {
            for s in samples::starting_points() {
                out!("{}\t{} — {}", s.name, s.title, s.description);
            }
        }
        Command::Schema => print!("{}", dce_core::bindings::json_schema()),
        Command::Bench => bench::run(today())?,
        Command::Prices { command } => prices::run(open(cli.db)?, command)?,
        Command::Offer { command } => offers::run(open(cli.db)?, command, now, today())?,
        Command::Offers { id, json } => offers::list(open(cli.db)?, id, json)?,
        Command::Canevas { id, files, json } => canvas::run(open(cli.db)?, id, &files, json)?,
        Command::Figures { year, json, csv } => {
            figures::run(open(cli.db)?, year, json, csv.as_deref())?
        }
        Command::New { sample } => {
            let s = samples::find(&sample).ok_or_else(|| {
                let names: Vec<_> = samples::starting_points().iter().map(|s| s.name).collect();
                format!(
                    "il n'y a pas de dossier type « {sample} ». Dossiers types disponibles : {}.",
                    names.join(", ")
                )
            })?;
            let dossier = s.instantiate(today(), uuid::Uuid::new_v4().to_string());
            out!(
                "{}",
                open(cli.db)?
                    .create(&dossier, now)
                    .map_err(|e| e.to_string())?
            );
        }
        Command::Import {
            file,
            replace,
            keep_both,
        } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                format!(
                    "impossible de lire « {} » : vérifiez le chemin du fichier. ({e})",
                    file.display()
                )
            })?;
            let parsed = store::parse_file(&text).map_err(|e| e.to_string())?;
            let mode = match (replace, keep_both) {
                (true, _) => ImportMode::Replace,
                (_, true) => ImportMode::KeepBoth,
                _ => ImportMode::Ask,
            };
            let new_uid = || uuid::Uuid::new_v4().to_string();
            match open(cli.db)?
                .import_file(&parsed, mode, new_uid, now)
                .map_err(|e| e.to_string())?
            {
                ImportOutcome::Imported { id } => out!("{id}"),
                ImportOutcome::AlreadyExists {
                    existing_id,
                    object,
                } => {
                    return Err(format!("ce dossier existe déjà dans la base (n° {existing_id}, « {object} ») ; rien n'a été modifié. Relancez avec --keep-both pour garder les deux, ou --replace pour remplacer celui de la base."));
                }
            }
        }
        Command::Save { id, out } => {
            let file = open(cli.db)?.export_file(id).map_err(|e| e.to_string())?;
            let json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
            export::write_atomic(&out, json.as_bytes()).map_err(|e| e.to_string())?;
            out!("{}", out.display());
        }
        Command::Recover { backup, empty } => {
            let path = db_path(cli.db)?;
            let error = match Store::open(&path) {
                Ok(_) => {
                    out!(
                        "La base «\u{a0}{}\u{a0}» est lisible\u{a0}: rien à réparer.",
                        path.display()
                    );
                    return Ok(());
                }
                Err(e @ StoreError::Damaged { .. }) => e,
                Err(e) => return Err(e.to_string()),
            };
            if backup.is_none() && !empty {
                let offer = Store::recovery_offer(&path, &error);
                out!("{}", offer.problem);
                match &offer.backup {
                    Some(b) => out!("Sauvegarde proposée\u{a0}: {} ({}). Pour la remettre\u{a0}: dce recover --backup {}", b.name, b.description, b.name),
                    None => out!("Aucune sauvegarde lisible. Pour repartir d'une base neuve\u{a0}: dce recover --empty"),
                }
                return Ok(());
            }
            let stamp = Local::now().format(DAMAGED_STAMP_FORMAT).to_string();
            Store::replace_damaged(&path, backup.as_deref(), &stamp).map_err(|e| e.to_string())?;
            out!(
                "La base «\u{a0}{}\u{a0}» est de nouveau lisible.",
                path.display()
            );
        }
        Command::List => {
            for d in open(cli.db)?.list().map_err(|e| e.to_string())? {
                out!("{}\t{}\t{}\t{}", d.id, d.reference, d.object, d.buyer);
            }
        }
        Command::Show { id } => {
            out!(
                "{}",
                store::to_dce(&open(cli.db)?.load(id).map_err(|e| e.to_string())?)
            );
        }
        Command::Check { id, json, date } => {
            let dossier = open(cli.db)?.load(id).map_err(|e| e.to_string())?;
            let date = date.unwrap_or_else(|| rules::judging_date(&dossier, today()));
            let findings = rules::check(&dossier, date);
            if json {
                out!(
                    "{}",
                    serde_json::to_string_pretty(&findings).map_err(|e| e.to_string())?
                );
            } else if findings.is_empty() {
                out!("Aucun point à signaler.");
            } else {
                for f in &findings {
                    out!(
                        "[{}] {} ({}) — champ : {}",
                        f.severity.label(),
                        f.message,
                        f.reference,
                        f.field
                    );
                }
                let blocking = findings
                    .iter()
                    .filter(|f| f.severity == Severity::Blocking)
                    .count();
                out!("{} point(s), dont {blocking} bloquant(s).", findings.len());
            }
        }
        Command::Export {
            id,
            piece,
            format,
            lot,
            out,
            final_version,
        } => {
            let mut store = open(cli.db)?;
            let dossier = store.load(id).map_err(|e| e.to_string())?;
            let format = match format {
                ExportFormat::Pdf => Format::Pdf,
                ExportFormat::Docx => Format::Docx,
                ExportFormat::Zip => Format::Zip,
                ExportFormat::Txt => Format::Txt,
                ExportFormat::Xlsx => Format::Xlsx,
            };
            let piece = match piece {
                ExportPiece::Dce => Piece::Dce,
                ExportPiece::Cadre => Piece::ResponseFrames,
                ExportPiece::Avis => Piece::Notice,
                ExportPiece::Prix => Piece::Prices,
                ExportPiece::Rapport
                | ExportPiece::Lettres
                | ExportPiece::Attribution
                | ExportPiece::AvisAttribution => {
                    let piece = match piece {
                        ExportPiece::Rapport => AwardPiece::Report,
                        ExportPiece::Lettres => AwardPiece::Letters,
                        ExportPiece::Attribution => AwardPiece::AwardLetter,
                        _ => AwardPiece::AwardNotice,
                    };
                    if lot.is_some() {
                        return Err(
                            "--lot ne vaut que pour le bordereau des prix (--piece prix) ; les pièces de l'attribution couvrent tous les lots.".into(),
                        );
                    }
                    let bytes = export::render_award_piece(&dossier, piece, format, today())
                        .map_err(|e| e.to_string())?;
                    export::write_atomic(&out, &bytes).map_err(|e| e.to_string())?;
                    out!("{}", out.display());
                    return Ok(());
                }
                ExportPiece::Relecture => {
                    let comments = store.comments(id).map_err(|e| e.to_string())?;
                    let findings = rules::check(&dossier, rules::judging_date(&dossier, today()));
                    let bytes =
                        export::render_review(&dossier, &findings, &comments, format, today())
                            .map_err(|e| e.to_string())?;
                    export::write_atomic(&out, &bytes).map_err(|e| e.to_string())?;
                    out!("{}", out.display());
                    return Ok(());
                }
            };
            let bytes = match lot {
                None => export::render_piece(&dossier, piece, format, final_version, today()),
                Some(lot) if piece == Piece::Prices => {
                    export::render_lot_prices(&dossier, lot, format, final_version, today())
                }
                Some(_) => {
                    return Err(
                        "--lot ne vaut que pour le bordereau des prix (--piece prix).".into(),
                    )
                }
            }
            .map_err(|e| e.to_string())?;
            export::write_atomic(&out, &bytes).map_err(|e| e.to_string())?;
            store
                .label_latest_if_unnamed(
                    id,
                    &export::piece_revision_label(piece, format, final_version),
                )
                .map_err(|e| e.to_string())?;
            out!("{}", out.display());
        }
    }
    Ok(())
}
