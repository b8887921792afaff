#!/usr/bin/env bash
# End-to-end tests of the real app: builds the debug app with the UI embedded, starts Xvfb
# and tauri-driver (which starts WebKitWebDriver and the app), runs the tests, and always
# cleans up. Screenshots land in target/e2e-screenshots/.
#
# Needs (Debian): xvfb xauth webkit2gtk-driver libwebkit2gtk-4.1-dev (see docs in the
# report / README), node 20+, and tauri-driver (installed here if missing).
#
# Environment:
#   E2E_SKIP_BUILD=1   use the binary that is already built
#   E2E_APP=PATH       the app binary to test (default: $CARGO_TARGET_DIR/debug/samverkan-app)
#   E2E_DISPLAY=99     the X display number for Xvfb
#   E2E_PORT=4444      tauri-driver's first port (WebKitWebDriver gets the next); each test
#                      file takes its own pair (4444/4445, 4446/4447, …), so a WebKitWebDriver
#                      still closing its socket on a busy machine never blocks the next file
#   CARGO_TARGET_DIR   where cargo builds (default: <repo>/target)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E="$ROOT/tests/e2e"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
APP=${E2E_APP:-$TARGET_DIR/debug/samverkan-app}
DISPLAY_NUM=${E2E_DISPLAY:-99}
FIRST_PORT=${E2E_PORT:-4444}
PORT=$FIRST_PORT
NATIVE_PORT=$((PORT + 1))
SHOTS="$ROOT/target/e2e-screenshots"
t_start=$(date +%s)

log() { printf '[e2e] %s\n' "$*"; }

for tool in Xvfb WebKitWebDriver xdotool node npm; do
  command -v "$tool" >/dev/null || { log "missing $tool (apt-get install xvfb webkit2gtk-driver xdotool nodejs)"; exit 2; }
done
if ! command -v tauri-driver >/dev/null; then
  log "installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

[ -d "$ROOT/ui/node_modules" ] || (cd "$ROOT/ui" && npm install --no-audit --no-fund)
[ -d "$E2E/node_modules" ] || (cd "$E2E" && npm install --no-audit --no-fund)

if [ "${E2E_SKIP_BUILD:-0}" != 1 ]; then
  # A debug binary with the UI embedded. The Tauri CLI runs beforeBuildCommand (the UI's
  # `npm run build`) and adds the custom-protocol feature. It is run from the repository
  # root: from ui/ it does not find src-tauri/.
  t_build=$(date +%s)
  log "building the app (tauri build --debug --no-bundle)"
  (cd "$ROOT" && "$ROOT/ui/node_modules/.bin/tauri" build --debug --no-bundle)
  log "build took $(( $(date +%s) - t_build )) s"
fi
[ -x "$APP" ] || { log "no app binary at $APP"; exit 2; }

WORK=$(mktemp -d -t samverkan-e2e.XXXXXX)
XVFB_PID=""
DRIVER_PID=""

cleanup() {
  local status=$?
  if [ -n "$DRIVER_PID" ]; then
    # tauri-driver runs in its own process group (setsid): WebKitWebDriver and the app go too.
    kill -TERM -- "-$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
  fi
  if [ -n "$XVFB_PID" ]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  # Kept for a post-mortem; not printed, so the runner's summary stays the last line.
  cp "$WORK/tauri-driver.log" "$ROOT/target/e2e-tauri-driver.log" 2>/dev/null || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

if [ -e "/tmp/.X${DISPLAY_NUM}-lock" ]; then
  log "display :$DISPLAY_NUM is taken (/tmp/.X${DISPLAY_NUM}-lock); set E2E_DISPLAY"
  exit 2
fi

log "starting Xvfb :$DISPLAY_NUM"
Xvfb ":$DISPLAY_NUM" -screen 0 1280x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do
  [ -e "/tmp/.X11-unix/X${DISPLAY_NUM}" ] && break
  sleep 0.1
done

# Each test file runs against its own app: tauri-driver (and so the app) is started afresh with
# a new database and fresh config/data dirs, so files do not depend on each other and the run
# neither sees nor touches the user's register, window state or saved language.
if [ "$#" -gt 0 ]; then
  FILES=("$@")
else
  mapfile -t FILES < <(cd "$E2E" && ls -1 ./*.test.mjs | sed 's|^\./||' | sort)
fi

start_driver() {
  local dir=$1
  mkdir -p "$dir/config" "$dir/data" "$dir/cache"
  DISPLAY=":$DISPLAY_NUM" \
    SAMVERKAN_DB="$dir/e2e.sqlite3" \
    XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache" \
    setsid tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" \
    >>"$WORK/tauri-driver.log" 2>&1 &
  DRIVER_PID=$!
}

stop_driver() {
  if [ -n "$DRIVER_PID" ]; then
    kill -TERM -- "-$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
    # tauri-driver's children (WebKitWebDriver, the app) are in its process group: wait until
    # every one has gone, and kill what is left after 10 s.
    for _ in $(seq 1 100); do
      kill -0 -- "-$DRIVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$DRIVER_PID" 2>/dev/null || true
    DRIVER_PID=""
  fi
}

log "running ${#FILES[@]} test file(s) ($(( $(date +%s) - t_start )) s since start)"
mkdir -p "$SHOTS"
passed=0
failed=0
index=0
for file in "${FILES[@]}"; do
  PORT=$((FIRST_PORT + 2 * index))
  NATIVE_PORT=$((PORT + 1))
  index=$((index + 1))
  dir="$WORK/run-${file%.test.mjs}"
  # A file may come with its register: NAME.register.sh builds it at the path it is given.
  setup="$E2E/${file%.test.mjs}.register.sh"
  if [ -f "$setup" ]; then
    mkdir -p "$dir"
    t_setup=$(date +%s)
    CARGO_TARGET_DIR="$TARGET_DIR" bash "$setup" "$dir/e2e.sqlite3"
    log "$file: its register took $(( $(date +%s) - t_setup )) s"
  fi
  start_driver "$dir"
  out="$WORK/out-${file%.test.mjs}.txt"
  E2E_APP="$APP" E2E_WEBDRIVER_URL="http://127.0.0.1:$PORT" E2E_SCREENSHOTS="$SHOTS" \
    node "$E2E/run-tests.mjs" "$file" | tee "$out" | grep -v -E '^(screenshots: |e2e took |[0-9]+ passed, [0-9]+ failed$)|^$' || true
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)
  if [ -z "$summary" ]; then
    log "$file: the runner ended without a summary"
    failed=$((failed + 1))
  else
    passed=$((passed + ${summary%% passed*}))
    f=${summary#*passed, }
    failed=$((failed + ${f%% failed*}))
  fi
  stop_driver
done

echo
echo "screenshots: $SHOTS"
echo "e2e took $(( $(date +%s) - t_start )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
