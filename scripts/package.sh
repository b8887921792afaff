#!/usr/bin/env bash
# Builds the Debian package of the desktop app (target/release/bundle/deb/*.deb).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_apt "${APP_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_deps "$ROOT/ui"
ui/node_modules/.bin/tauri build --bundles deb --ci
ls -l "${CARGO_TARGET_DIR:-$ROOT/target}"/release/bundle/deb/*.deb
