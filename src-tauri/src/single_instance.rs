//! One app per database. The first app listens on a local socket named
//! after its database; a second launch on the same database connects,
//! hands over the files it was given (a `.dce` double-clicked in the file
//! manager) and stops, so there is never a second writer.
//!
//! Not tauri-plugin-single-instance: it keys on the app's identifier alone
//! (one app per user, whatever the database), and needs a D-Bus session on
//! Linux. A database of its own per test, per workshop laptop session or per
//! `--db` must be allowed to run beside the others.
//!
//! The socket is a namespaced local socket (an abstract Unix socket on
//! Linux, a named pipe on Windows): nothing on disk, nothing left behind
//! when the app is killed, and no network.

use interprocess::local_socket::{
    prelude::*, GenericNamespaced, Listener, ListenerOptions, Stream,
};
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// What a second launch sends to the first: one JSON line.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Handover {
    /// Absolute paths of the files to open.
    pub files: Vec<PathBuf>,
}

/// The outcome of [`claim`].
pub enum Claim {
    /// This is the only app on the database: serve the others with it.
    First(Listener),
    /// The running app took the handover: this one stops.
    HandedOver,
}

/// Becomes the app of `db_path`, or hands `handover` to the app that already is.
pub fn claim(db_path: &Path, handover: &Handover) -> io::Result<Claim> {
    let name = socket_name(db_path);
    // Twice: the running app may be stopping between our two attempts.
    for _ in 0..2 {
        match ListenerOptions::new()
            .name(name.as_str().to_ns_name::<GenericNamespaced>()?)
            .create_sync()
        {
            Ok(listener) => return Ok(Claim::First(listener)),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => {}
            Err(e) => return Err(e),
        }
        if hand_over(&name, handover).is_ok() {
            return Ok(Claim::HandedOver);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AddrInUse,
        "another app holds the database's socket but does not answer",
    ))
}

fn hand_over(name: &str, handover: &Handover) -> io::Result<()> {
    let stream = Stream::connect(name.to_ns_name::<GenericNamespaced>()?)?;
    let mut line = serde_json::to_string(handover)?;
    line.push('\n');
    let mut reader = BufReader::new(stream);
    reader.get_mut().write_all(line.as_bytes())?;
    let mut answer = String::new();
    reader.read_line(&mut answer)?;
    if answer.trim() == "ok" {
        Ok(())
    } else {
        Err(io::Error::other(format!("unexpected answer {answer:?}")))
    }
}

/// Answers the later launches, forever, on a thread of its own: each
/// handover is given to `receive`.
pub fn serve(listener: Listener, receive: impl Fn(Handover) + Send + 'static) {
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { continue };
            let mut reader = BufReader::new(conn);
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            match serde_json::from_str::<Handover>(&line) {
                Ok(handover) => {
                    let _ = reader.get_mut().write_all(b"ok\n");
                    receive(handover);
                }
                Err(e) => eprintln!("dce-unique: ignored a malformed handover: {e}"),
            }
        }
    });
}

/// The files given on the command line, made absolute against the
/// directory the second launch was started from.
pub fn absolute(files: &[PathBuf]) -> Vec<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_default();
    files.iter().map(|f| cwd.join(f)).collect()
}

/// A name per database file, stable across versions of the app (so a new
/// version hands over to an old one still running) and short enough for
/// every platform's limit.
fn socket_name(db_path: &Path) -> String {
    let path = std::fs::canonicalize(db_path).unwrap_or_else(|_| db_path.to_path_buf());
    format!(
        "dce-unique-{:016x}.sock",
        fnv1a(path.as_os_str().as_encoded_bytes())
    )
}

/// FNV-1a, 64 bits: std's hasher may change between Rust releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_claim_hands_its_files_to_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dce.db");
        let Claim::First(listener) = claim(&db, &Handover::default()).unwrap() else {
            panic!("the first claim must listen");
        };
        let (tx, rx) = mpsc::channel();
        serve(listener, move |h| tx.send(h).unwrap());

        let handover = Handover {
            files: vec![dir.path().join("RS-01 repas.dce")],
        };
        assert!(matches!(claim(&db, &handover).unwrap(), Claim::HandedOver));
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), handover);
    }

    #[test]
    fn another_database_has_its_own_app() {
        let dir = tempfile::tempdir().unwrap();
        let first = claim(&dir.path().join("a.db"), &Handover::default()).unwrap();
        let second = claim(&dir.path().join("b.db"), &Handover::default()).unwrap();
        assert!(matches!(first, Claim::First(_)));
        assert!(matches!(second, Claim::First(_)));
    }

    #[test]
    fn the_name_goes_when_the_first_app_stops() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dce.db");
        let first = claim(&db, &Handover::default()).unwrap();
        drop(first);
        assert!(matches!(
            claim(&db, &Handover::default()).unwrap(),
            Claim::First(_)
        ));
    }

    #[test]
    fn names_are_stable_and_distinct() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(
            socket_name(Path::new("/tmp/a.db")),
            socket_name(Path::new("/tmp/b.db"))
        );
    }
}
