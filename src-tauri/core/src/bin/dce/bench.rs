//! `dce bench`: how long PDF and DOCX generation take for a reference
//! 40-page dossier and a 400-page stress dossier, how long saving one edit
//! takes, and how much the database grows in an hour of editing. Prints
//! figures; it asserts nothing (targets are read by a person, not a flaky
//! timed test).

use chrono::NaiveDate;
use dce_core::compose::{
    self,
    document::{Block, Document, RenderOptions, Run},
};
use dce_core::french::group_thousands;
use dce_core::model::{Dossier, Flexibility, FrameKind, FunctionalNeed, Question};
use dce_core::render;
use dce_core::samples;
use dce_core::store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub fn run(today: NaiveDate) -> Result<(), String> {
    println!("Mesures en compilation {} (les objectifs valent pour une compilation optimisée : cargo run --release -p dce-core --bin dce -- bench)", if cfg!(debug_assertions) { "de débogage" } else { "optimisée" });
    println!(
        "{:<22} {:>6} {:>12} {:>12} {:>10} {:>10}",
        "dossier", "pages", "PDF médiane", "DOCX médiane", "PDF", "DOCX"
    );
    let base = samples::find("restauration-scolaire")
        .ok_or("échantillon manquant")?
        .instantiate(today, "bench".into());
    let mut reference_pdf = Duration::ZERO;
    let mut reference_chars = 0;
    // Nine runs for both: with three, one run slowed down by another
    // process on the machine was enough to move the 400-page median (and
    // the ratio below) by a tenth.
    for (label, pages, runs) in [
        ("référence (40 pages)", 40, 9),
        ("charge (400 pages)", 400, 9),
    ] {
        let dossier = grown_to(&base, pages)?;
        let doc = compose::dce(&dossier).map_err(|e| e.to_string())?;
        let opts = RenderOptions { draft: true };
        let (pdf_time, pdf) = median(runs, || render::pdf::render(&doc, opts))?;
        let (docx_time, docx) = median(runs, || render::docx::render(&doc, opts))?;
        println!(
            "{:<22} {:>6} {:>9.1} ms {:>9.1} ms {:>7} Ko {:>7} Ko",
            label,
            page_count(&pdf),
            ms(pdf_time),
            ms(docx_time),
            pdf.len() / 1024,
            docx.len() / 1024
        );
        let chars = text_chars(&doc);
        if pages == 40 {
            reference_pdf = pdf_time;
            reference_chars = chars;
        } else if !reference_pdf.is_zero() {
            println!(
                "rapport 400 / 40 pages (PDF) : {:.1} (objectif : 10 au plus)",
                pdf_time.as_secs_f64() / reference_pdf.as_secs_f64()
            );
            // The grown dossier is denser than the reference (its added
            // pages are tables and questions): a renderer whose cost follows
            // the text shows this ratio, not the page ratio.
            println!(
                "rapport 400 / 40 du volume de texte : {:.1}",
                chars as f64 / reference_chars.max(1) as f64
            );
        }
    }
    println!("Objectifs (compilation optimisée, 40 pages) : PDF ≤ 50 ms, DOCX ≤ 20 ms.");
    let dir = tempfile::Builder::new()
        .prefix("dce-bench-")
        .tempdir()
        .map_err(|e| format!("impossible de créer un dossier temporaire\u{a0}: {e}"))?;
    save_latency(&dir.path().join("latence.db"), &base, today)?;
    hour_of_editing(&dir.path().join("heure.db"), &base, today)?;
    Ok(())
}

/// What a person types into the context field, one character per edit.
const TYPED: &str = "La cuisine centrale livre les repas en liaison froide avant 10 h 30, \
    du lundi au vendredi, hors vacances scolaires. ";

fn typed_char(i: usize) -> char {
    TYPED.chars().nth(i % TYPED.chars().count()).unwrap()
}

const LATENCY_EDITS: usize = 2_000;

/// Autosave fires after each edit: one `Store::save` per typed character,
/// on a database file (WAL journal, one sync per commit) as in the app.
fn save_latency(db: &Path, base: &Dossier, today: NaiveDate) -> Result<(), String> {
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    let mut dossier = base.clone();
    let mut now = today.and_hms_opt(9, 0, 0).unwrap();
    let id = store.create(&dossier, now).map_err(|e| e.to_string())?;
    let mut times = Vec::with_capacity(LATENCY_EDITS);
    for i in 0..LATENCY_EDITS {
        dossier.purchase.context.push(typed_char(i));
        now += chrono::TimeDelta::seconds(1);
        let start = Instant::now();
        store.save(id, &dossier, now).map_err(|e| e.to_string())?;
        times.push(start.elapsed());
    }
    times.sort();
    let at = |q: usize| times[(times.len() * q / 100).min(times.len() - 1)];
    println!();
    println!(
        "Enregistrement d'une modification (base SQLite dans un fichier, {} enregistrements d'un caractère de plus, une seconde simulée entre deux)\u{a0}:",
        group_thousands(LATENCY_EDITS as u64)
    );
    println!(
        "  médiane {}, p99 {}, max {} (objectif p99 ≤ 5\u{a0}ms)",
        french_ms(at(50)),
        french_ms(at(99)),
        french_ms(*times.last().unwrap())
    );
    Ok(())
}

/// Keystrokes in a burst, and seconds between two of them; then a pause
/// as long as the burst, so that an hour holds one edit per second.
const BURST: usize = 60;
const BURST_STEP_MS: i64 = 500;
const HOUR_EDITS: usize = 3_600;

/// The database after an hour of editing one dossier: 3 600 edits at one
/// per simulated second on average, typed in bursts with pauses.
fn hour_of_editing(db: &Path, base: &Dossier, today: NaiveDate) -> Result<(), String> {
    let start = today.and_hms_opt(9, 0, 0).unwrap();
    let mut dossier = base.clone();
    let id = {
        let mut store = Store::open(db).map_err(|e| e.to_string())?;
        store.create(&dossier, start).map_err(|e| e.to_string())?
    };
    let before = file_size(db);
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    for i in 0..HOUR_EDITS {
        dossier.purchase.context.push(typed_char(i));
        let burst = (i / BURST) as i64;
        let in_burst = (i % BURST) as i64;
        let now = start
            + chrono::TimeDelta::milliseconds(
                burst * 2 * BURST as i64 * BURST_STEP_MS + in_burst * BURST_STEP_MS,
            );
        store.save(id, &dossier, now).map_err(|e| e.to_string())?;
    }
    let revisions = store.revisions(id).map_err(|e| e.to_string())?.len();
    let (open_db, open_wal) = (file_size(db), file_size(&wal_path(db)));
    // The last connection to close checkpoints the WAL into the base and deletes it.
    drop(store);
    let closed = file_size(db) + file_size(&wal_path(db));
    println!();
    println!(
        "Une heure de saisie simulée (un dossier, {} modifications, une par seconde en moyenne\u{a0}: rafales de {BURST} frappes à {} s d'intervalle, puis {} s de pause)\u{a0}:",
        group_thousands(HOUR_EDITS as u64),
        french_decimal(BURST_STEP_MS as f64 / 1000.0, 1),
        BURST as i64 * BURST_STEP_MS / 1000
    );
    println!(
        "  base ouverte\u{a0}: {} + journal WAL {}",
        kib(open_db),
        kib(open_wal)
    );
    println!(
        "  base fermée (journal WAL reporté dans la base)\u{a0}: {}",
        kib(closed)
    );
    println!(
        "  versions du dossier\u{a0}: {} (dont celle de la création)",
        group_thousands(revisions as u64)
    );
    println!(
        "  croissance de la base fermée\u{a0}: {} par heure de saisie",
        kib(closed.saturating_sub(before))
    );
    Ok(())
}

fn wal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Zero for a missing file: a closed WAL database has no `-wal` file.
fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn kib(bytes: u64) -> String {
    format!("{}\u{a0}Ko", group_thousands(bytes.div_ceil(1024)))
}

fn french_decimal(x: f64, places: usize) -> String {
    format!("{x:.places$}").replace('.', ",")
}

fn french_ms(d: Duration) -> String {
    format!("{}\u{a0}ms", french_decimal(ms(d), 2))
}

/// Characters of text in a composed document.
fn text_chars(doc: &Document) -> usize {
    let runs = |rs: &[Run]| rs.iter().map(|r| r.text.chars().count()).sum::<usize>();
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Heading(h) => h.label().chars().count(),
            Block::Paragraph(p) => runs(&p.runs),
            Block::List(l) => l.items.iter().map(|i| runs(i)).sum(),
            Block::Table(t) => {
                t.header.iter().map(|h| h.chars().count()).sum::<usize>()
                    + t.rows.iter().flatten().map(|c| runs(c)).sum::<usize>()
            }
            Block::AnswerField(a) => a.label.chars().count() + a.placeholder.chars().count(),
            Block::Checkbox(c) => c.label.chars().count(),
            Block::Figure(f) => f.label.chars().count() + f.unit.chars().count(),
            Block::TableOfContents | Block::PageBreak => 0,
        })
        .sum()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median<E: std::fmt::Display>(
    runs: usize,
    f: impl Fn() -> Result<Vec<u8>, E>,
) -> Result<(Duration, Vec<u8>), String> {
    let mut times = Vec::with_capacity(runs);
    let mut last = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        last = f().map_err(|e| e.to_string())?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok((times[runs / 2], last))
}

fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .unwrap_or(0)
}

/// The sample grown with more needs, questions and context until its PDF
/// has at least `pages` pages (grows geometrically, then stops).
fn grown_to(base: &Dossier, pages: usize) -> Result<Dossier, String> {
    let mut factor = 1;
    loop {
        let d = grown(base, factor);
        let pdf = render::pdf::render(
            &compose::dce(&d).map_err(|e| e.to_string())?,
            RenderOptions::default(),
        )
        .map_err(|e| e.to_string())?;
        let got = page_count(&pdf);
        if got >= pages {
            return Ok(d);
        }
        factor = (factor * pages / got.max(1)).max(factor + 1);
    }
}

fn grown(base: &Dossier, factor: usize) -> Dossier {
    let mut d = base.clone();
    for i in 0..factor {
        d.needs.push(FunctionalNeed {
            id: format!("b{i}"),
            function: format!(
                "Assurer la fonction complémentaire n° {i} décrite par la commune pour le service"
            ),
            appraisal_criterion:
                "Mesure contradictoire lors de la vérification de service régulier".into(),
            level: format!(
                "Au moins {i} % des situations observées pendant la période de référence"
            ),
            flexibility: Flexibility::F2,
            subcriterion_id: Some("tech-logistique".into()),
        });
        d.questions.push(Question {
            id: format!("bq{i}"),
            frame: FrameKind::Technical,
            criterion_id: "tech-logistique".into(),
            prompt: format!("Décrivez en détail comment vous répondez au besoin complémentaire n° {i}, avec les moyens humains et matériels affectés, le calendrier et les contrôles prévus."),
            evidence: "Note méthodologique".into(),
            max_words: Some(300),
            points: 1,
            measure: None,
        });
        d.purchase.context.push_str(&format!(
            "\n\nParagraphe de contexte n° {i} : la commune précise ici les contraintes du site, les horaires d'accès, l'état des équipements existants, les attentes des usagers et l'historique du service, afin que chaque entreprise puisse chiffrer son offre en connaissance de cause et sans visite préalable obligatoire."
        ));
    }
    d
}
