#!/usr/bin/env bash
# Shared by scripts/run.sh and scripts/test.sh: install what is missing on a Debian/Ubuntu
# machine, and nothing when everything is already there.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What building and running the desktop app needs (Tauri 2 on WebKitGTK 4.1).
APP_PACKAGES=(build-essential pkg-config file curl ca-certificates libwebkit2gtk-4.1-dev
  libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev)
# What the tests need on top: a virtual display, the WebKit WebDriver, PDF tools.
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver poppler-utils qpdf xdotool)

say() { printf '\033[1m[samverkan]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_apt PKG...: installs the packages that are not installed yet.
ensure_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ensure_rust: the toolchain pinned in rust-toolchain.toml, through rustup.
ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      say "installing Rust (rustup)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    }
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

# ensure_node: Node.js 20.19 or newer (Vite 8 needs it).
ensure_node() {
  if ! command -v node >/dev/null 2>&1; then
    ensure_apt nodejs npm
  fi
  local v
  v=$(node -p 'process.versions.node.split(".").map(Number).reduce((a,n,i)=>a+n*[1e6,1e3,1][i],0)')
  if [ "$v" -lt 20019000 ]; then
    say "Node.js $(node --version) is too old: Samverkan's UI needs 20.19 or newer."
    say "Install a newer Node.js (e.g. from your distribution's backports or nodejs.org) and run again."
    exit 1
  fi
}

# ensure_npm_deps DIR: installs the locked npm packages when node_modules does not match
# package-lock.json. `npm install` rather than `npm ci`: the Tauri CLI's lock entries for other
# platforms' binaries are not written by npm here, and `npm ci` refuses a lock without them.
ensure_npm_deps() {
  local dir=$1 stamp="$1/node_modules/.samverkan-lock"
  local want
  want=$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
    want=$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)
    echo "$want" >"$stamp"
  fi
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "installing tauri-driver"
    cargo install tauri-driver --locked --version '^2' --quiet
  fi
}
