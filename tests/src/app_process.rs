//! The app as the system sees it: its process, found by its database, and
//! the ways a person or the system stops it that WebDriver cannot play —
//! the window's close button, a stop signal, a kill.

use std::path::Path;
use std::time::{Duration, Instant};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, Window, CLIENT_MESSAGE_EVENT,
};

/// The pid of the app running on `db` (its command line names the database).
pub fn app_pid(db: &Path) -> Option<i32> {
    let db = db.to_string_lossy().into_owned();
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .find(|pid| {
            let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
                return false;
            };
            let args: Vec<String> = cmdline
                .split(|b| *b == 0)
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
            args.first().is_some_and(|a| a.ends_with("dce-unique")) && args.contains(&db)
        })
}

/// Waits for the app on `db` to start, and returns its pid.
pub fn wait_for_app(db: &Path, within: Duration) -> i32 {
    let deadline = Instant::now() + within;
    loop {
        if let Some(pid) = app_pid(db) {
            return pid;
        }
        assert!(
            Instant::now() < deadline,
            "no app process on {} after {within:?}",
            db.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until the process `pid` has ended; false when it still runs after `within`.
pub fn wait_for_exit(pid: i32, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        // A zombie has ended too: its parent (WebKitWebDriver) reaps it later.
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => return true,
            Ok(stat) if stat.rsplit(") ").next().is_some_and(|s| s.starts_with('Z')) => {
                return true
            }
            Ok(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    false
}

/// Sends `signal` to `pid`.
pub fn signal(pid: i32, signal: i32) {
    // SAFETY: kill(2) has no memory effects; a wrong pid only fails.
    let done = unsafe { libc::kill(pid, signal) };
    assert_eq!(done, 0, "kill({pid}, {signal}) failed");
}

/// Clicks the window's close button, as far as the app can tell: the
/// window manager's WM_DELETE_WINDOW message, sent to the top-level window
/// of `pid` (there is no window manager under Xvfb to send it for us).
pub fn close_window(pid: i32) {
    let (conn, screen) = x11rb::connect(None).expect("cannot reach the X display");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &str| {
        conn.intern_atom(false, name.as_bytes())
            .expect("intern_atom")
            .reply()
            .expect("intern_atom reply")
            .atom
    };
    let (protocols, delete, wm_pid) = (
        atom("WM_PROTOCOLS"),
        atom("WM_DELETE_WINDOW"),
        atom("_NET_WM_PID"),
    );
    let windows = windows_of(&conn, root, wm_pid, pid);
    assert!(
        !windows.is_empty(),
        "no window of process {pid} on the display"
    );
    // GTK's hidden group leader has the pid too, and ignores the message.
    for window in windows {
        let event = ClientMessageEvent {
            response_type: CLIENT_MESSAGE_EVENT,
            format: 32,
            sequence: 0,
            window,
            type_: protocols,
            data: [delete, x11rb::CURRENT_TIME, 0, 0, 0].into(),
        };
        conn.send_event(false, window, EventMask::NO_EVENT, event)
            .expect("send_event");
    }
    conn.flush().expect("flush");
}

/// Top-level windows whose _NET_WM_PID is `pid` (GTK sets it on each).
fn windows_of(conn: &impl Connection, root: Window, wm_pid: u32, pid: i32) -> Vec<Window> {
    let children = conn
        .query_tree(root)
        .expect("query_tree")
        .reply()
        .expect("query_tree reply")
        .children;
    children
        .into_iter()
        .filter(|w| {
            conn.get_property(false, *w, wm_pid, AtomEnum::CARDINAL, 0, 1)
                .ok()
                .and_then(|c| c.reply().ok())
                .and_then(|r| r.value32().and_then(|mut v| v.next()))
                == Some(pid as u32)
        })
        .collect()
}
