//! End-to-end harness: the real DCE Unique window, driven through WebDriver.
//!
//! Chain: this crate (thirtyfour) → `tauri-driver` (from `.tools/bin`, started
//! here on free ports) → `WebKitWebDriver` → `target/debug/dce-unique`.
//! It needs an X display: run the tests under `xvfb-run -a` (see `scripts/test`).
//!
//! Every test gets its own temporary database and export folder. When a test
//! fails, its temporary folder (database, exports, driver log, screenshot) is
//! kept and its path printed.
//!
//! Environment overrides:
//! - `DCE_APP_BINARY`: the app binary (default `<target>/debug/dce-unique`);
//! - `TAURI_DRIVER`: the tauri-driver binary (default `.tools/bin/tauri-driver`);
//! - `DCE_E2E_TIMEOUT_SECS`: how long a wait lasts before failing (default 20);
//! - `DCE_E2E_SCREENSHOT_DIR`: where [`Session::screenshot`] writes (default `<target>/e2e`).

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

pub use thirtyfour;

pub mod app_process;

/// Text with every kind of space made plain and line-end hyphenation undone.
pub fn normalise(text: &str) -> String {
    text.replace("-\n", "")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The object of the sample dossier a fresh database starts with.
pub const SAMPLE_OBJECT: &str = "Fourniture et livraison de repas";

/// The repository root (the parent of this crate's folder).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent folder")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                repo_root().join(dir)
            }
        }
        None => repo_root().join("target"),
    }
}

/// How long every wait lasts before the test fails.
pub fn timeout() -> Duration {
    let secs = std::env::var("DCE_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
}

const POLL: Duration = Duration::from_millis(100);

/// The app binary; panics with the command to run when it is missing.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("DCE_APP_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug").join("dce-unique"));
    if !path.is_file() {
        panic!(
            "the app binary {} does not exist: build it first with `cargo build -p dce-unique` \
             (after `npm run build` in ui/), or run scripts/test which does both",
            path.display()
        );
    }
    path
}

/// The tauri-driver binary; panics with the command to run when it is missing.
pub fn tauri_driver_binary() -> PathBuf {
    let path = std::env::var_os("TAURI_DRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/bin/tauri-driver"));
    if !path.is_file() {
        panic!(
            "tauri-driver not found at {}: run scripts/test (it installs it with \
             `cargo install tauri-driver --locked --root .tools`)",
            path.display()
        );
    }
    path
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free TCP port on 127.0.0.1")
}

/// One HTTP GET on 127.0.0.1, returning the whole response (headers + body).
fn http_get(port: u16, path: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut out = String::new();
    stream.read_to_string(&mut out)?;
    Ok(out)
}

/// A running `tauri-driver`, stopped with SIGTERM when dropped.
///
/// Never SIGKILL: a killed tauri-driver leaves WebKitWebDriver running with
/// the output files open, which makes a CI step hang.
pub struct TauriDriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl TauriDriver {
    /// Starts tauri-driver on free ports, its output going to `log`, and
    /// waits until it answers `GET /status`.
    pub fn start(log: &Path) -> TauriDriver {
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            panic!(
                "no display (DISPLAY is not set): run the end-to-end tests under Xvfb, \
                 e.g. `xvfb-run -a cargo test -p dce-e2e -- --test-threads=1`, or scripts/test"
            );
        }
        let binary = tauri_driver_binary();
        let port = free_port();
        let mut native_port = free_port();
        while native_port == port {
            native_port = free_port();
        }
        let out = File::create(log).expect("cannot create the tauri-driver log file");
        let err = out
            .try_clone()
            .expect("cannot share the tauri-driver log file");
        let child = Command::new(&binary)
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let mut driver = TauriDriver {
            child,
            port,
            log: log.to_path_buf(),
        };
        let deadline = Instant::now() + timeout();
        loop {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!(
                    "tauri-driver exited at start ({status}); is WebKitWebDriver installed \
                     (Debian package webkit2gtk-driver)? Its output:\n{}",
                    driver.log_text()
                );
            }
            if let Ok(resp) = http_get(port, "/status") {
                if resp.starts_with("HTTP/1.1 200") || resp.starts_with("HTTP/1.0 200") {
                    return driver;
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "tauri-driver did not answer GET /status on port {port} within {:?}; its output:\n{}",
                    timeout(),
                    driver.log_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What the driver (and WebKitWebDriver, and the app) printed so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        // SIGTERM lets tauri-driver stop WebKitWebDriver and the app itself.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(POLL);
        }
        eprintln!(
            "warning: tauri-driver (pid {}) still running 10 s after SIGTERM",
            self.child.id()
        );
    }
}

/// How many times a WebDriver session is asked for before a test fails.
const SESSION_ATTEMPTS: u32 = 3;

/// One test's world: a temporary folder with the database and the export
/// folder, and a tauri-driver. Start app sessions with [`Harness::session`].
pub struct Harness {
    // Field order matters: the driver stops before the folder is removed.
    driver: TauriDriver,
    dir: Option<tempfile::TempDir>,
    pub db: PathBuf,
    pub export_dir: PathBuf,
    app: PathBuf,
}

impl Harness {
    pub fn new() -> Harness {
        let app = app_binary();
        let dir = tempfile::Builder::new()
            .prefix("dce-e2e-")
            .tempdir()
            .expect("cannot create a temporary folder");
        let db = dir.path().join("dce.db");
        let export_dir = dir.path().join("exports");
        std::fs::create_dir_all(&export_dir).expect("cannot create the export folder");
        let driver = TauriDriver::start(&dir.path().join("tauri-driver.log"));
        Harness {
            driver,
            dir: Some(dir),
            db,
            export_dir,
            app,
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.as_ref().expect("temporary folder").path()
    }

    /// Starts the app (a new WebDriver session) on this harness's database,
    /// and waits for the home screen.
    pub async fn session(&self) -> Session {
        self.launch(&[], "home").await
    }

    /// Starts the app with `extra` arguments after the harness's own, and
    /// waits for the element `ready`.
    pub async fn launch(&self, extra: &[&str], ready: &str) -> Session {
        let session = self.start(extra).await;
        session.wait_for(ready).await;
        session
    }

    /// A new WebDriver session on the app, with `extra` arguments after the
    /// harness's own; returns as soon as the driver answers.
    async fn start(&self, extra: &[&str]) -> Session {
        let mut args = vec![
            "--db".to_string(),
            self.db.to_string_lossy().into_owned(),
            "--export-dir".to_string(),
            self.export_dir.to_string_lossy().into_owned(),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").unwrap();
        caps.set(
            "tauri:options",
            serde_json::json!({
                "application": self.app.to_string_lossy(),
                "args": args,
            }),
        )
        .unwrap();
        // WebKitWebDriver now and then fails to open a session on a loaded
        // machine (seen in CI); a real failure to start fails every attempt.
        let mut attempt = 1;
        let driver = loop {
            match WebDriver::builder(self.driver.url(), caps.clone())
                .request_timeout(Duration::from_secs(60))
                .await
            {
                Ok(driver) => break driver,
                Err(e) if attempt < SESSION_ATTEMPTS => {
                    eprintln!("opening a WebDriver session failed (attempt {attempt}): {e}");
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => panic!(
                    "cannot start the app {} through tauri-driver after {attempt} attempts: {e}\ndriver output:\n{}",
                    self.app.display(),
                    self.driver.log_text()
                ),
            }
        };
        Session {
            driver: Some(driver),
            artifacts: self.dir().to_path_buf(),
        }
    }

    /// The app binary the sessions start.
    pub fn app(&self) -> &Path {
        &self.app
    }

    /// A session on the sample dossier a fresh database starts with,
    /// opened in the editor.
    pub async fn open_sample(&self) -> Session {
        let app = self.session().await;
        let item = app.wait_for("dossier-item").await;
        let text = item.text().await.unwrap_or_default();
        assert!(
            text.contains(SAMPLE_OBJECT),
            "the first dossier of a fresh database should be the sample ({SAMPLE_OBJECT:?}), it says {text:?}"
        );
        item.click().await.expect("clicking the sample dossier");
        app.wait_for("editor").await;
        app
    }

    /// Clicks `button`, then waits until the export folder holds exactly one
    /// `.ext` file and `export-result` names it. Returns that file.
    pub async fn export(&self, app: &Session, button: &str, ext: &str) -> PathBuf {
        assert!(
            files_with_extension(&self.export_dir, ext).is_empty(),
            "the export folder should hold no .{ext} file before the export"
        );
        app.click(button).await;
        let deadline = std::time::Instant::now() + timeout();
        loop {
            let files = files_with_extension(&self.export_dir, ext);
            let result = match app.all("export-result").await.into_iter().next() {
                Some(el) => el.text().await.unwrap_or_default(),
                None => String::new(),
            };
            app.assert_no_error(&format!("after clicking {button}"))
                .await;
            if let [file] = files.as_slice() {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                if result.contains(&name) {
                    return file.clone();
                }
            }
            if std::time::Instant::now() > deadline {
                app.fail(&format!(
                    "after clicking {button}: expected one .{ext} file in {} named by export-result; \
                     files: {files:?}, export-result says: {result:?}",
                    self.export_dir.display()
                ))
                .await;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    pub fn driver_log(&self) -> String {
        self.driver.log_text()
    }
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if std::thread::panicking() {
            if let Some(dir) = self.dir.take() {
                let kept = dir.keep();
                let log = self.driver.log_text();
                let tail: Vec<&str> = log.lines().rev().take(40).collect();
                eprintln!(
                    "end-to-end test failed; database, exports, driver log and screenshot kept in {}\n\
                     last lines of the driver log:\n{}",
                    kept.display(),
                    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                );
            }
        }
    }
}

/// The app's window, through one WebDriver session. [`Session::quit`] ends
/// the session, which closes the app; dropping it does too (thirtyfour then
/// ends the session synchronously).
pub struct Session {
    driver: Option<WebDriver>,
    artifacts: PathBuf,
}

fn by_test_id(id: &str) -> By {
    By::Css(format!("[data-testid=\"{id}\"]"))
}

impl Session {
    pub fn driver(&self) -> &WebDriver {
        self.driver.as_ref().expect("session already ended")
    }

    /// Ends the session: the app quits.
    pub async fn quit(mut self) {
        if let Some(driver) = self.driver.take() {
            driver
                .quit()
                .await
                .unwrap_or_else(|e| panic!("ending the WebDriver session failed: {e}"));
        }
    }

    /// Every element currently shown with `data-testid="id"` (maybe none).
    pub async fn all(&self, id: &str) -> Vec<WebElement> {
        self.driver()
            .find_all(by_test_id(id))
            .await
            .unwrap_or_default()
    }

    /// Waits for the first element with `data-testid="id"`.
    pub async fn wait_for(&self, id: &str) -> WebElement {
        self.wait_for_all(id, 1).await.remove(0)
    }

    /// Waits until at least `n` elements with `data-testid="id"` are shown.
    pub async fn wait_for_all(&self, id: &str, n: usize) -> Vec<WebElement> {
        self.wait_for_count(id, &format!("at least {n}"), |found| found >= n)
            .await
    }

    /// Waits until exactly `n` elements with `data-testid="id"` are shown.
    pub async fn wait_count(&self, id: &str, n: usize) -> Vec<WebElement> {
        self.wait_for_count(id, &format!("exactly {n}"), |found| found == n)
            .await
    }

    async fn wait_for_count(
        &self,
        id: &str,
        expected: &str,
        ok: impl Fn(usize) -> bool,
    ) -> Vec<WebElement> {
        let deadline = Instant::now() + timeout();
        loop {
            let found = self.all(id).await;
            if ok(found.len()) {
                return found;
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "expected {expected} element(s) data-testid=\"{id}\" within {:?}, found {}",
                    timeout(),
                    found.len()
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits for the first element with `data-testid="id"`; while it is not
    /// there, goes through the editor's steps (buttons `data-testid="step-…"`)
    /// one after the other, as a person looking for the field would.
    pub async fn reveal(&self, id: &str) -> WebElement {
        let deadline = Instant::now() + timeout();
        let mut next_step = 0usize;
        let mut last_step_click = Instant::now() - Duration::from_secs(1);
        loop {
            if let Some(el) = self.all(id).await.into_iter().next() {
                return el;
            }
            if last_step_click.elapsed() >= Duration::from_millis(300) {
                let steps = self
                    .driver()
                    .find_all(By::Css("[data-testid^=\"step-\"]"))
                    .await
                    .unwrap_or_default();
                if !steps.is_empty() {
                    let _ = steps[next_step % steps.len()].click().await;
                    next_step += 1;
                    last_step_click = Instant::now();
                }
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "expected an element data-testid=\"{id}\" within {:?} (also looked through the editor's steps)",
                    timeout()
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Clicks the first element with `data-testid="id"`, once it is shown
    /// (going through the editor's steps when needed).
    pub async fn click(&self, id: &str) {
        let el = self.reveal(id).await;
        if let Err(e) = el.click().await {
            self.fail(&format!("clicking data-testid=\"{id}\" failed: {e}"))
                .await;
        }
    }

    /// The rendered text of the first element with `data-testid="id"`.
    pub async fn text(&self, id: &str) -> String {
        let el = self.wait_for(id).await;
        el.text().await.unwrap_or_default()
    }

    /// The `value` of the input `data-testid="id"`.
    pub async fn value(&self, id: &str) -> String {
        let el = self.reveal(id).await;
        el.value().await.ok().flatten().unwrap_or_default()
    }

    /// Empties the input `data-testid="id"` and types `text` into it, as a
    /// person would, then checks the input shows exactly `text`.
    pub async fn type_into(&self, id: &str, text: &str) {
        // A step that re-renders while the keys go in (its data arrived)
        // detaches the box: find it again and type again, as a person would.
        let mut attempt = 1;
        loop {
            match self.try_type_into(id, text).await {
                Ok(()) => return,
                Err(e) if attempt < 3 => {
                    eprintln!("typing into data-testid=\"{id}\" (attempt {attempt}): {e}; again");
                    attempt += 1;
                    tokio::time::sleep(POLL).await;
                }
                Err(e) => self.fail(&e).await,
            }
        }
    }

    async fn try_type_into(&self, id: &str, text: &str) -> Result<(), String> {
        let el = self.reveal(id).await;
        let _ = el.click().await;
        let _ = el.clear().await;
        if !el
            .value()
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
            .is_empty()
        {
            // Select all and delete, for inputs that clear() leaves alone.
            let _ = el.send_keys(Key::Control + "a").await;
            let _ = el.send_keys(Key::Backspace).await;
        }
        el.send_keys(text)
            .await
            .map_err(|e| format!("typing into data-testid=\"{id}\" failed: {e}"))?;
        let shown = el.value().await.ok().flatten().unwrap_or_default();
        if shown != text {
            return Err(format!(
                "after typing into data-testid=\"{id}\", expected its value to be {text:?}, got {shown:?}"
            ));
        }
        Ok(())
    }

    /// Chooses the option whose value is `value` in the list `data-testid="id"`,
    /// as a person clicking it would, then checks the list shows it.
    pub async fn select(&self, id: &str, value: &str) {
        let list = self.reveal(id).await;
        let _ = list.click().await;
        match list
            .find(By::Css(format!("option[value=\"{value}\"]")))
            .await
        {
            Ok(option) => {
                if let Err(e) = option.click().await {
                    self.fail(&format!(
                        "choosing {value:?} in data-testid=\"{id}\" failed: {e}"
                    ))
                    .await;
                }
            }
            Err(_) => {
                self.fail(&format!("data-testid=\"{id}\" offers no option {value:?}"))
                    .await
            }
        }
        let shown = list.value().await.ok().flatten().unwrap_or_default();
        if shown != value {
            self.fail(&format!(
                "after choosing {value:?} in data-testid=\"{id}\", it shows {shown:?}"
            ))
            .await;
        }
    }

    /// Waits until the text of `data-testid="id"` satisfies `pred`;
    /// `expected` describes it for the failure message. Returns the text.
    pub async fn wait_text(&self, id: &str, expected: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout();
        let mut last = String::from("<element not found>");
        loop {
            if let Some(el) = self.all(id).await.into_iter().next() {
                if let Ok(text) = el.text().await {
                    if pred(&text) {
                        return text;
                    }
                    last = text;
                }
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "expected the text of data-testid=\"{id}\" to be {expected} within {:?}; last seen: {last:?}",
                    timeout()
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the text of `data-testid="id"` is exactly `expected` (trimmed).
    pub async fn wait_text_eq(&self, id: &str, expected: &str) -> String {
        self.wait_text(id, &format!("{expected:?}"), |t| t.trim() == expected)
            .await
    }

    /// After typing: waits until the autosave has run. Typing makes the
    /// status leave « Enregistré » for a moment; that moment is awaited first
    /// (briefly) so an old « Enregistré » is not taken for the new one.
    pub async fn wait_saved(&self) {
        if self.text("save-status").await.trim() == "Enregistré" {
            let _ = tokio::time::timeout(
                Duration::from_secs(3),
                self.wait_text("save-status", "not « Enregistré »", |t| {
                    t.trim() != "Enregistré"
                }),
            )
            .await;
        }
        self.wait_text_eq("save-status", "Enregistré").await;
    }

    /// Fails with `message` if an element `data-testid="error"` is shown.
    pub async fn assert_no_error(&self, when: &str) {
        if let Some(el) = self.all("error").await.into_iter().next() {
            let text = el.text().await.unwrap_or_default();
            if !text.trim().is_empty() {
                self.fail(&format!("{when}: the app shows an error: {text:?}"))
                    .await;
            }
        }
    }

    /// Saves a PNG of the window to `path`.
    pub async fn screenshot_to(&self, path: &Path) {
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        // WebKit captures the last painted frame: let the latest change paint first.
        tokio::time::sleep(Duration::from_millis(300)).await;
        if let Err(e) = self.driver().screenshot(path).await {
            eprintln!("warning: screenshot to {} failed: {e}", path.display());
        }
    }

    /// Saves a PNG of the window as `<DCE_E2E_SCREENSHOT_DIR or target/e2e>/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = std::env::var_os("DCE_E2E_SCREENSHOT_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| target_dir().join("e2e"));
        let path = dir.join(format!("{name}.png"));
        self.screenshot_to(&path).await;
        path
    }

    /// Takes a screenshot into the test's kept folder, then panics with `message`.
    pub async fn fail(&self, message: &str) -> ! {
        let shot = self.artifacts.join("failure.png");
        self.screenshot_to(&shot).await;
        panic!("{message} (screenshot: {})", shot.display());
    }
}

/// Files of `dir` whose name ends with `.ext`, sorted.
pub fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The text of a PDF, through `pdftotext` (Debian package poppler-utils).
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run pdftotext ({e}): install poppler-utils (scripts/test does)")
        });
    assert!(
        out.status.success(),
        "pdftotext failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One entry of a zip file (a DOCX is one), as text.
pub fn zip_entry_text(path: &Path, entry: &str) -> String {
    let file = File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(file)
        .unwrap_or_else(|e| panic!("{} is not a valid zip/DOCX file: {e}", path.display()));
    let mut part = archive
        .by_name(entry)
        .unwrap_or_else(|e| panic!("{} has no {entry}: {e}", path.display()));
    let mut text = String::new();
    part.read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{entry} of {} is not UTF-8 text: {e}", path.display()));
    text
}

/// The text runs of a DOCX `word/document.xml`, joined: Word may split one
/// sentence into several `<w:t>` runs, so match on this rather than on the XML.
pub fn docx_text(document_xml: &str) -> String {
    let mut out = String::new();
    let mut rest = document_xml;
    while let Some(start) = rest.find("<w:t") {
        rest = &rest[start + 4..];
        // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tab/>`, `<w:tbl>`…
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[..gt];
        if !(tag.is_empty() || tag.starts_with(' ')) || tag.ends_with('/') {
            continue;
        }
        rest = &rest[gt + 1..];
        let Some(end) = rest.find("</w:t>") else {
            break;
        };
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The first bytes of a file.
pub fn file_head(path: &Path, n: usize) -> Vec<u8> {
    let mut buf = vec![0; n];
    let mut f = File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let read = f.read(&mut buf).unwrap_or(0);
    buf.truncate(read);
    buf
}

// Measurements for `src/bin/app_figures.rs` (scripts/bench-app).

/// How long one start of the app took, measured from the WebDriver
/// new-session request (which starts the app).
#[derive(Debug, Clone, Copy)]
pub struct StartTimes {
    /// Until tauri-driver answered the new-session request.
    pub session: Duration,
    /// Until the home screen (`data-testid="home"`) was in the page.
    pub home: Duration,
    /// Until the home list showed its first dossier (`dossier-item`).
    pub list: Duration,
}

impl Harness {
    /// Starts the app as [`Harness::session`] does (same capabilities), but
    /// looks for the home screen every 10 ms rather than every 100 ms, so
    /// that the polling adds little to what is measured. The database must
    /// hold a dossier (a fresh one gets the sample) for the list to show.
    pub async fn timed_session(&self) -> (Session, StartTimes) {
        let start = Instant::now();
        let session = self.start(&[]).await;
        let session_time = start.elapsed();
        let home = session.elapsed_until_shown("home", start).await;
        let list = session.elapsed_until_shown("dossier-item", start).await;
        (
            session,
            StartTimes {
                session: session_time,
                home,
                list,
            },
        )
    }
}

impl Session {
    /// Time from `start` until an element `data-testid="id"` is in the page,
    /// looked for every 10 ms.
    async fn elapsed_until_shown(&self, id: &str, start: Instant) -> Duration {
        let deadline = Instant::now() + timeout();
        loop {
            if !self.all(id).await.is_empty() {
                return start.elapsed();
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "expected an element data-testid=\"{id}\" within {:?}",
                    timeout()
                ))
                .await;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docx_text_joins_runs() {
        let xml = r#"<w:p><w:r><w:t>Fourniture et </w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">livraison d&apos;eau</w:t></w:r><w:tbl/></w:p>"#;
        assert_eq!(docx_text(xml), "Fourniture et livraison d'eau");
    }
}
