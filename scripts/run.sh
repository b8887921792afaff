#!/usr/bin/env bash
# Runs Samverkan: installs what is missing (system packages, Rust, npm packages), builds the
# UI and the app (release; the first build takes about ten minutes on two cores, later ones
# seconds), and starts it on your register (created from the Dalarna template on first start).
# Arguments are passed to nothing; set SAMVERKAN_DB to open another register file.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_apt "${APP_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_deps "$ROOT/ui"

say "building the app (UI embedded)"
ui/node_modules/.bin/tauri build --no-bundle --ci
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
say "starting Samverkan"
exec "$TARGET_DIR/release/samverkan-app"
