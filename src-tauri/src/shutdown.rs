//! Stopping without losing an edit. The last keystrokes live in the UI
//! until its autosave sends them, so every way of stopping first asks the
//! UI to save: a closed window (the UI may ask before discarding an edit
//! that cannot be saved), and on Unix SIGTERM, SIGINT and SIGHUP (logging
//! out, `kill`, a closed terminal), which cannot wait for an answer.

use serde::Serialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, CloseRequestApi, Emitter, Manager, Runtime, Window};

/// Sent to the UI: save what is pending, then call `quit_app`.
pub const CLOSE_EVENT: &str = "dce://close-requested";

/// How long the UI has to answer before a second close (window) or the
/// end of the wait (signal) stops the app anyway: a hung page must not
/// keep the window open forever.
const UNANSWERED: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The user closed the window: the UI may ask before discarding.
    Window,
    /// The system stops the app: save and go, there is nobody to ask.
    Signal,
}

#[derive(Debug, Clone, Copy)]
enum Phase {
    Running,
    Asked(Instant),
    /// The UI is saving or asking the user: a second close waits for it.
    Answering,
}

/// Where the close request stands.
pub struct Shutdown(Mutex<Phase>);

impl Default for Shutdown {
    fn default() -> Self {
        Shutdown(Mutex::new(Phase::Running))
    }
}

impl Shutdown {
    fn phase(&self) -> std::sync::MutexGuard<'_, Phase> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The UI took the request in hand (`close_acknowledged`).
    pub fn acknowledged(&self) {
        *self.phase() = Phase::Answering;
    }

    /// The user chose to stay (`cancel_close`).
    pub fn cancelled(&self) {
        *self.phase() = Phase::Running;
    }
}

/// The window's close button: the UI saves first, unless it has not
/// answered an earlier request for a while.
pub fn on_close_requested<R: Runtime>(window: &Window<R>, api: &CloseRequestApi) {
    let shutdown = window.state::<Shutdown>();
    let mut phase = shutdown.phase();
    if let Phase::Asked(at) = *phase {
        if at.elapsed() >= UNANSWERED {
            eprintln!("dce-unique: the UI did not answer the close request; closing");
            return;
        }
    }
    api.prevent_close();
    if matches!(*phase, Phase::Running) {
        *phase = Phase::Asked(Instant::now());
    }
    drop(phase);
    if let Err(e) = window.emit(CLOSE_EVENT, CloseReason::Window) {
        eprintln!("dce-unique: cannot ask the UI to save before closing: {e}");
    }
}

/// Saves then stops on SIGTERM, SIGINT or SIGHUP; a second signal, or the
/// UI's silence, stops at once.
#[cfg(unix)]
pub fn watch_signals<R: Runtime>(app: AppHandle<R>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::spawn(move || {
        let mut first = true;
        for signal in signals.forever() {
            if !first {
                eprintln!("dce-unique: second signal {signal}; stopping now");
                std::process::exit(1);
            }
            first = false;
            if let Err(e) = app.emit(CLOSE_EVENT, CloseReason::Signal) {
                eprintln!("dce-unique: cannot ask the UI to save: {e}");
            }
            let app = app.clone();
            std::thread::spawn(move || {
                std::thread::sleep(UNANSWERED);
                eprintln!("dce-unique: the UI did not answer the stop signal; stopping");
                app.exit(0);
                // A blocked event loop would never carry the exit out: every
                // commit is already on disk, so the process may simply end.
                std::thread::sleep(UNANSWERED);
                std::process::exit(0);
            });
        }
    });
    Ok(())
}

/// Windows has no such signals; how its session end reaches the app is
/// among the Windows checks listed in the README.
#[cfg(not(unix))]
pub fn watch_signals<R: Runtime>(_app: AppHandle<R>) -> std::io::Result<()> {
    Ok(())
}
