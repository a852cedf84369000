//! `app_figures` (run by scripts/bench-app, under Xvfb): start time and
//! memory of the real app, driven through tauri-driver like the end-to-end
//! tests. Prints figures; asserts nothing.
//!
//! Usage: `app_figures [STARTS]` (default 5 starts). The app binary is
//! `DCE_APP_BINARY` or `target/debug/dce-unique`.

use dce_e2e::{Harness, StartTimes, SAMPLE_OBJECT};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let starts: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().expect("usage: app_figures [STARTS]"))
        .unwrap_or(5)
        .max(1);
    let app = dce_e2e::app_binary();
    println!("Application mesurée : {}", app.display());
    let harness = Harness::new();

    println!();
    println!(
        "Démarrage, mesuré depuis la demande de nouvelle session WebDriver (qui lance \
         l'application) jusqu'à la liste de l'accueil affichée (premier dossier de la liste \
         dans la page)\u{a0}; la durée depuis le lancement du processus (lue dans /proc) \
         est donnée à côté."
    );
    let mut lists = Vec::new();
    for run in 1..=starts {
        let (app_session, times) = harness.timed_session().await;
        // Read right after the list was seen: a few milliseconds late at most.
        let since_process = app_pid().and_then(process_age);
        print_start(run, &times, since_process);
        lists.push(times.list);
        app_session.quit().await;
    }
    lists.sort();
    println!(
        "  médiane sur {starts} démarrage(s)\u{a0}: {} (objectif\u{a0}: démarrage ≤ 1,5\u{a0}s)",
        seconds(lists[lists.len() / 2])
    );

    println!();
    let app_session = harness.open_sample().await;
    // Let the editor settle before reading memory.
    tokio::time::sleep(Duration::from_secs(3)).await;
    print_memory("dossier d'exemple ouvert dans l'éditeur");
    app_session.click("toggle-preview").await;
    app_session
        .wait_text("preview", "the sample's document", |t| {
            t.contains(SAMPLE_OBJECT)
        })
        .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    print_memory("le même, avec l'aperçu du document affiché");
    app_session.quit().await;
}

/// PSS of the app's process and all its descendants (the WebKit web and
/// network processes), by process name.
fn print_memory(state: &str) {
    let pid = app_pid().expect("the app's process, under tauri-driver and WebKitWebDriver");
    let mut by_name: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut total = 0;
    for p in std::iter::once(pid).chain(descendants(pid)) {
        let Some(kb) = pss_kb(p) else { continue };
        let entry = by_name.entry(name(p)).or_default();
        entry.0 += 1;
        entry.1 += kb;
        total += kb;
    }
    println!(
        "Mémoire de l'application, {state} (PSS de /proc/<pid>/smaps_rollup, additionnée sur \
         le processus de l'application et tous ses descendants)\u{a0}:"
    );
    for (name, (count, kb)) in &by_name {
        println!("  {name} ({count} processus)\u{a0}: {}", mib(*kb));
    }
    println!(
        "  total\u{a0}: {} (objectif\u{a0}: mémoire (PSS) ≤ 250\u{a0}Mo)",
        mib(total)
    );
}

fn print_start(run: usize, t: &StartTimes, since_process: Option<Duration>) {
    let process = since_process
        .map(|d| format!(", depuis le lancement du processus {}", seconds(d)))
        .unwrap_or_default();
    let fresh = if run == 1 {
        " (base neuve\u{a0}: dossier d'exemple créé)"
    } else {
        ""
    };
    println!(
        "  démarrage {run}{fresh}\u{a0}: liste affichée à {} (session ouverte à {}, accueil à {}{process})",
        seconds(t.list),
        seconds(t.session),
        seconds(t.home)
    );
}

fn seconds(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64()).replace('.', ",") + "\u{a0}s"
}

fn mib(kb: u64) -> String {
    format!("{:.1}", kb as f64 / 1024.0).replace('.', ",") + "\u{a0}Mo"
}

fn children_map() -> BTreeMap<u32, Vec<u32>> {
    let mut map: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        if let Some(ppid) = parent(pid) {
            map.entry(ppid).or_default().push(pid);
        }
    }
    map
}

/// Fields of /proc/<pid>/stat after the command name (which may hold spaces).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

fn parent(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

fn descendants(pid: u32) -> Vec<u32> {
    let map = children_map();
    let mut out = Vec::new();
    let mut todo = vec![pid];
    while let Some(p) = todo.pop() {
        for &c in map.get(&p).into_iter().flatten() {
            out.push(c);
            todo.push(c);
        }
    }
    out
}

/// The program's file name: `comm` cuts « WebKitWebProcess » to 15 characters.
fn name(pid: u32) -> String {
    exe(pid)
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| std::fs::read_to_string(format!("/proc/{pid}/comm")).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| format!("pid {pid}"))
}

fn exe(pid: u32) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/{pid}/exe")).ok()
}

/// The app's process: our descendant (through tauri-driver and
/// WebKitWebDriver) running the app binary.
fn app_pid() -> Option<u32> {
    let app = std::fs::canonicalize(dce_e2e::app_binary()).ok()?;
    descendants(std::process::id())
        .into_iter()
        .find(|&p| exe(p).as_deref() == Some(Path::new(&app)))
}

/// How long the process has been running, from its start time in
/// /proc/<pid>/stat (clock ticks since boot) and /proc/uptime.
fn process_age(pid: u32) -> Option<Duration> {
    let ticks: f64 = stat_fields(pid)?.get(19)?.parse().ok()?;
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(Duration::from_secs_f64((uptime - ticks / hz).max(0.0)))
}

fn pss_kb(pid: u32) -> Option<u64> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    rollup
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
