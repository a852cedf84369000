//! A committed save survives `kill -9`: a child process (this same test
//! binary) saves a dossier in a loop and says which edit each returned save
//! holds; the parent kills it with SIGKILL at a varying moment, then checks
//! that the database is sound and holds at least that edit.
mod common;

use chrono::{NaiveDateTime, TimeDelta};
use dce_core::store::Store;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Names the database of the child; without it the child test does nothing,
/// so `cargo test -- --ignored` cannot start an endless loop.
const CHILD_DB: &str = "DCE_CRASH_TEST_DB";
const UID: &str = "crash-test";
const TRIALS: u64 = 50;

fn edit_number(object: &str) -> u64 {
    object
        .strip_prefix("édition ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected object {object:?}"))
}

fn start() -> NaiveDateTime {
    common::date("2026-11-23").and_hms_opt(9, 0, 0).unwrap()
}

/// splitmix64: the delays of a failing run can be replayed from its seed.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
#[ignore = "the child of a_committed_save_survives_kill_9; does nothing on its own"]
fn child_saves_until_killed() {
    let Some(db) = std::env::var_os(CHILD_DB).map(PathBuf::from) else {
        return;
    };
    let mut store = Store::open(&db).unwrap();
    let (id, mut dossier) = match store.find_by_uid(UID).unwrap() {
        Some(id) => (id, store.load(id).unwrap()),
        None => {
            let mut d = common::catering();
            d.uid = UID.into();
            d.purchase.object = "édition 0".into();
            (store.create(&d, start()).unwrap(), d)
        }
    };
    let mut n = edit_number(&dossier.purchase.object);
    let mut out = std::io::stdout().lock();
    loop {
        n += 1;
        dossier.purchase.object = format!("édition {n}");
        // One simulated second per edit, as a person typing.
        let now = start() + TimeDelta::seconds(n as i64);
        store.save(id, &dossier, now).unwrap();
        writeln!(out, "committed {n}").unwrap();
        out.flush().unwrap();
    }
}

/// What the parent learnt from one killed child.
struct Trial {
    last_committed: u64,
    commits_seen: usize,
    delay: Duration,
}

fn kill_child_during_saves(db: &Path, delay: Duration) -> Trial {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "child_saves_until_killed",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // libtest's « test child_saves_until_killed ... » starts the first line.
            if let Some((_, n)) = line.split_once("committed ") {
                if tx.send(n.parse::<u64>().unwrap()).is_err() {
                    break;
                }
            }
        }
    });
    let first = rx.recv_timeout(Duration::from_secs(20));
    let mut stderr = String::new();
    if first.is_err() {
        let _ = child.kill();
        let _ = child.wait();
        let _ = std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr);
        panic!("the child saved nothing within 20 s:\n{stderr}");
    }
    let first_seen = Instant::now();
    std::thread::sleep(delay.saturating_sub(first_seen.elapsed()));
    // Child::kill sends SIGKILL on Unix: no destructor, no flush, no checkpoint.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    // Every line the child wrote before dying is in the pipe, so the last
    // number read is the last save that returned.
    let rest: Vec<u64> = rx.try_iter().collect();
    let numbers: Vec<u64> = std::iter::once(first.unwrap()).chain(rest).collect();
    assert!(
        !status.success(),
        "the child should have died of SIGKILL, it exited with {status}"
    );
    Trial {
        last_committed: *numbers.last().unwrap(),
        commits_seen: numbers.len(),
        delay,
    }
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_committed_save_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dce.db");
    let started = Instant::now();
    let mut total_commits = 0;
    let mut previous = 0;
    let mut one_more = 0;
    for trial in 0..TRIALS {
        let mut seed = 0xDCE0_0000 + trial;
        let delay = Duration::from_millis(5 + splitmix(&mut seed) % 76);
        let t = kill_child_during_saves(&db, delay);
        let context = format!(
            "trial {trial} (seed {:#x}, killed {:?} after the first commit, {} commits seen)",
            0xDCE0_0000 + trial,
            t.delay,
            t.commits_seen
        );
        assert_eq!(integrity(&db), "ok", "{context}");
        let store = Store::open(&db).unwrap();
        let id = store.find_by_uid(UID).unwrap().expect(&context);
        let got = edit_number(&store.load(id).unwrap().purchase.object);
        assert!(
            got >= t.last_committed,
            "{context}: edit {} was committed, the database holds edit {got}",
            t.last_committed
        );
        // The kill may fall between a commit and its line: one more, never two.
        assert!(
            got <= t.last_committed + 1,
            "{context}: last committed edit {}, the database holds edit {got}",
            t.last_committed
        );
        assert!(!store.revisions(id).unwrap().is_empty(), "{context}");
        // Each child goes on from what the previous one left.
        assert!(got > previous || trial == 0, "{context}");
        one_more += usize::from(got == t.last_committed + 1);
        previous = got;
        total_commits += t.commits_seen;
    }
    eprintln!(
        "{TRIALS} kills, {total_commits} commits seen, {one_more} times the edit after \
         the last one seen was in the database too, last edit {previous}, in {:?}",
        started.elapsed()
    );
}
