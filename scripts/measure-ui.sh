#!/usr/bin/env bash
# The app's screens at three register sizes, beside scripts/measure-startup.sh (issue #18).
#
# Builds registers of 30, 1,000 and 10,000 organisations through the core (the Dalarna
# template and generated organisations, each with two people, its representative appointed and
# its substitute in two of three: examples/scale_register.rs), starts the release app on each
# under Xvfb through tauri-driver, and runs scripts/measure-ui.mjs: launch to Översikt with its
# data, opening each list screen, a search of five keys, End to Organisationer's last row.
# Prints a table of medians (ms) and each figure at 10,000 as a ratio of the same at 30.
# A measurement, not a test: nothing fails on a slow figure.
#
# Environment:
#   SKIP_BUILD=1        measure what is already built (the release app and the example)
#   RUNS=5              fresh starts of the app per register
#   SIZES="30 1000 10000"
#   E2E_DISPLAY=97  E2E_PORT=4600
#   CARGO_TARGET_DIR    where cargo builds (default <repo>/target)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TARGET_DIR=$TARGET_DIR
RUNS=${RUNS:-5}
SIZES=${SIZES:-"30 1000 10000"}
DISPLAY_NUM=${E2E_DISPLAY:-97}
PORT=${E2E_PORT:-4600}
APP="$TARGET_DIR/release/samverkan-app"
EXAMPLE="$TARGET_DIR/release/examples/scale_register"

log() { printf '[ui] %s\n' "$*" >&2; }
for tool in Xvfb tauri-driver WebKitWebDriver node python3; do
  command -v "$tool" >/dev/null || { log "missing $tool (run bash scripts/test.sh once: it installs them)"; exit 2; }
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the app (release)"
  (cd "$ROOT" && "$ROOT/ui/node_modules/.bin/tauri" build --no-bundle)
  log "building the register generator (release)"
  (cd "$ROOT" && cargo build --quiet --release --example scale_register)
fi
[ -x "$APP" ] || { log "no app at $APP"; exit 2; }
[ -x "$EXAMPLE" ] || { log "no generator at $EXAMPLE"; exit 2; }

WORK=$(mktemp -d -t samverkan-ui.XXXXXX)
XVFB_PID=""
DRIVER_PID=""
stop_driver() {
  if [ -n "$DRIVER_PID" ]; then
    kill -TERM -- "-$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 -- "-$DRIVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$DRIVER_PID" 2>/dev/null || true
    DRIVER_PID=""
  fi
}
cleanup() {
  stop_driver
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -e "/tmp/.X${DISPLAY_NUM}-lock" ]; then
  log "display :$DISPLAY_NUM is taken; set E2E_DISPLAY"
  exit 2
fi
Xvfb ":$DISPLAY_NUM" -screen 0 1280x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do
  [ -e "/tmp/.X11-unix/X${DISPLAY_NUM}" ] && break
  sleep 0.1
done

results=()
index=0
for size in $SIZES; do
  dir="$WORK/r$size"
  mkdir -p "$dir/config" "$dir/data" "$dir/cache"
  log "a register of $size organisations: $("$EXAMPLE" "$dir/register.sqlite3" "$size" 2 all)"
  port=$((PORT + 2 * index))
  index=$((index + 1))
  DISPLAY=":$DISPLAY_NUM" SAMVERKAN_DB="$dir/register.sqlite3" \
    XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache" \
    setsid tauri-driver --port "$port" --native-port "$((port + 1))" >"$dir/driver.log" 2>&1 &
  DRIVER_PID=$!
  log "measuring at $size ($RUNS runs)"
  E2E_APP="$APP" E2E_WEBDRIVER_URL="http://127.0.0.1:$port" RUNS="$RUNS" \
    node "$ROOT/scripts/measure-ui.mjs" >"$dir/figures.json"
  stop_driver
  results+=("$size=$dir/figures.json")
done

python3 - "${results[@]}" <<'EOF'
import json, statistics, sys
sizes = []
for arg in sys.argv[1:]:
    size, path = arg.split("=", 1)
    sizes.append((int(size), json.load(open(path))))
names = list(sizes[0][1].keys())
head = "| figure (median ms) | " + " | ".join(f"{s:,}" for s, _ in sizes) + " | ratio |"
print(head)
print("|---" * (len(sizes) + 2) + "|")
for n in names:
    med = [statistics.median(f[n]) for _, f in sizes]
    ratio = f"{med[-1] / med[0]:.2f}×" if med[0] > 0 else "–"
    print(f"| {n} | " + " | ".join(f"{m:.0f}" for m in med) + f" | {ratio} |")
print(f"\nratio: the figure at {sizes[-1][0]:,} over the same at {sizes[0][0]:,}; the goal is ≤ 3×.")
EOF
