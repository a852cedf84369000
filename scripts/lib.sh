# shellcheck shell=bash
# Shared helpers for scripts/run, scripts/test, scripts/build-deb and
# scripts/check-deb. Source it; do not run it.
#
# Sourcing sets REPO_ROOT and moves to it. `ensure_deps` installs what the
# app and its tests need and is quick when everything is already there:
#   - Debian packages (WebKitGTK, its WebDriver, Xvfb, poppler, qpdf), with apt-get;
#   - the UI's npm packages (npm ci) and the built UI (ui/dist), which must
#     exist before `cargo build -p dce-unique` since it is embedded at compile time;
#   - tauri-driver in .tools/bin (git-ignored), for the end-to-end tests.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

# Debian packages: one `apt-get install` (the WebDriver must match the WebKitGTK library).
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev # WebKitGTK, GTK, and their pkg-config files, to build the app
  webkit2gtk-driver     # WebKitWebDriver, driven by tauri-driver
  xvfb xauth            # a virtual screen: xvfb-run
  pkg-config            # found by the -sys crates' build scripts
  poppler-utils         # pdftotext, pdffonts: tests read the exported PDFs
  qpdf                  # PDF structure checks
  python3               # scripts/check-deb reads the package's desktop entry, XML and PNG files
)
TAURI_DRIVER_VERSION="${TAURI_DRIVER_VERSION:-2.1.0}"
TOOLS_DIR="$REPO_ROOT/.tools"
TAURI_DRIVER="$TOOLS_DIR/bin/tauri-driver"

section() {
  printf '\n==== %s ====\n' "$*"
}

info() {
  printf '%s\n' "$*"
}

die() {
  printf 'Erreur : %s\n' "$*" >&2
  exit 1
}

require_command() { # NAME, message if missing
  command -v "$1" >/dev/null 2>&1 || die "$2"
}

# Runs a command as root: directly when root, else with sudo when there is one.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "il faut les droits d'administrateur pour : $* (lancez ce script en root, ou installez sudo)"
  fi
}

deb_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_apt_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    info "dpkg-query introuvable : ce n'est pas une Debian ; installez vous-même l'équivalent de : ${APT_PACKAGES[*]}"
    return 0
  fi
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    deb_installed "$pkg" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    info "Paquets Debian : déjà installés."
    return 0
  fi
  info "Paquets Debian à installer : ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}" </dev/null
}

ensure_node_modules() {
  require_command npm "npm est introuvable : installez Node.js 20 ou plus récent (avec npm)."
  local marker=ui/node_modules/.package-lock.json
  if [ -f ui/package-lock.json ]; then
    if [ ! -f "$marker" ] || [ ui/package-lock.json -nt "$marker" ]; then
      info "Installation des paquets npm de l'interface (npm ci)…"
      if ! (cd ui && npm ci --no-audit --no-fund </dev/null); then
        # npm ci refuses a lock file without the optional packages of the
        # other platforms (e.g. @rollup/rollup-android-*), and a registry that
        # does not serve them yields exactly such a lock file. npm install
        # still installs the locked versions.
        info "npm ci a refusé ui/package-lock.json : repli sur npm install (mêmes versions verrouillées)…"
        (cd ui && npm install --no-audit --no-fund </dev/null)
      fi
      touch "$marker"
    else
      info "Paquets npm : à jour."
    fi
  else
    if [ ! -d ui/node_modules ] || [ ui/package.json -nt ui/node_modules ]; then
      info "Installation des paquets npm de l'interface (npm install, pas de package-lock.json)…"
      (cd ui && npm install --no-audit --no-fund </dev/null)
    else
      info "Paquets npm : à jour."
    fi
  fi
}

# True when ui/dist is missing or older than one of the UI's sources.
ui_needs_build() {
  local stamp=ui/dist/index.html
  [ -f "$stamp" ] || return 0
  local sources=(ui/src ui/index.html ui/package.json)
  local extra
  for extra in ui/package-lock.json ui/vite.config.ts ui/vite.config.js ui/svelte.config.js ui/tsconfig.json ui/public; do
    [ -e "$extra" ] && sources+=("$extra")
  done
  [ -n "$(find "${sources[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

ensure_ui_built() {
  if ui_needs_build; then
    info "Construction de l'interface (npm run build)…"
    (cd ui && npm run build </dev/null)
  else
    info "Interface (ui/dist) : à jour."
  fi
}

ensure_tauri_driver() {
  if [ -x "$TAURI_DRIVER" ]; then
    info "tauri-driver : déjà dans .tools/bin."
    return 0
  fi
  info "Installation de tauri-driver $TAURI_DRIVER_VERSION dans .tools/ (cargo install)…"
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --root "$TOOLS_DIR"
}

# Everything the app needs to be built and run, and its tests to run.
ensure_deps() {
  require_command cargo "cargo est introuvable : installez Rust (rustup, version 1.90 ou plus récente)."
  ensure_apt_packages
  ensure_node_modules
  ensure_ui_built
  ensure_tauri_driver
}

# Runs the Tauri CLI (ui/node_modules/@tauri-apps/cli, installed by
# ensure_node_modules) from ui/ on the app in src-tauri/, e.g.
# `tauri_build --debug --bundles deb`. ui/dist must be built (ensure_ui_built):
# tauri.conf.json has no beforeBuildCommand.
tauri_build() {
  (cd ui && TAURI_APP_PATH="$REPO_ROOT/src-tauri" TAURI_FRONTEND_PATH="$REPO_ROOT/ui" \
    npx --no-install tauri build --ci "$@" </dev/null)
}

# Prints the newest .deb of DIR, relative to the project; fails when there is none.
newest_deb() {
  local deb
  deb="$(find "$1" -maxdepth 1 -name '*.deb' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-)"
  [ -n "$deb" ] || return 1
  printf '%s\n' "$deb"
}

# Prints how long since the script started, e.g. « 3 min 12 s ».
elapsed() {
  printf '%d min %02d s' $((SECONDS / 60)) $((SECONDS % 60))
}
