#!/usr/bin/env bash
# Start-up time and memory of the app under Xvfb, next to an empty Tauri window.
#
# For each of the app and the baseline (scripts/startup-baseline), RUNS times:
#   - window: time from launch until X has a window with the expected title (xwininfo);
#   - ui:     time from launch until the web view has loaded the page (the app prints
#             "samverkan-startup: page-load-finished" when SAMVERKAN_STARTUP_PROBE is set;
#             the baseline always does);
#   - pss:    after SETTLE seconds, the PSS of the process and all its descendants
#             (WebKitWebProcess, WebKitNetworkProcess) summed from /proc/PID/smaps_rollup.
# Prints the median of each, in ms and MiB.
#
# Environment:
#   PROFILE=release|debug   which build to measure (default release)
#   SKIP_BUILD=1            measure what is already built
#   RUNS=5  SETTLE=2        runs per binary, seconds to wait before reading memory
#   E2E_DISPLAY=98          X display number for Xvfb
#   CARGO_TARGET_DIR        where cargo builds (default <repo>/target)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROFILE=${PROFILE:-release}
RUNS=${RUNS:-5}
SETTLE=${SETTLE:-2}
DISPLAY_NUM=${E2E_DISPLAY:-98}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TARGET_DIR=$TARGET_DIR
APP="$TARGET_DIR/$PROFILE/samverkan-app"
BASELINE="$TARGET_DIR/$PROFILE/startup-baseline"
PROBE_LINE="samverkan-startup: page-load-finished"
# The app reports when its first screen shows the register's data (vacancies on Översikt);
# the empty baseline has no data, so its page load is its "ready".
READY_LINE="samverkan-startup: interactive"

log() { printf '[startup] %s\n' "$*" >&2; }

for tool in Xvfb xwininfo; do
  command -v "$tool" >/dev/null || { log "missing $tool (apt-get install xvfb x11-utils)"; exit 2; }
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  flag=()
  [ "$PROFILE" = debug ] && flag=(--debug)
  log "building the app ($PROFILE)"
  (cd "$ROOT" && "$ROOT/ui/node_modules/.bin/tauri" build "${flag[@]}" --no-bundle)
  log "building the empty-window baseline ($PROFILE)"
  rflag=()
  [ "$PROFILE" = release ] && rflag=(--release)
  (cd "$ROOT/scripts/startup-baseline" && cargo build "${rflag[@]}" --features tauri/custom-protocol)
fi
[ -x "$APP" ] || { log "no app at $APP"; exit 2; }
[ -x "$BASELINE" ] || { log "no baseline at $BASELINE"; exit 2; }

WORK=$(mktemp -d -t samverkan-startup.XXXXXX)
XVFB_PID=""
RUN_PID=""
cleanup() {
  [ -n "$RUN_PID" ] && kill "$RUN_PID" 2>/dev/null || true
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
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${DISPLAY_NUM}" ] && break; sleep 0.1; done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# PIDs of $1 and all its descendants.
family() {
  local pids=("$1") i=0
  while [ $i -lt ${#pids[@]} ]; do
    local parent=${pids[$i]}
    for stat in /proc/[0-9]*/stat; do
      local fields
      fields=$(sed -E 's/^[0-9]+ \(.*\) //' "$stat" 2>/dev/null) || continue
      # After the command name: state, ppid, ...
      set -- $fields
      if [ "${2:-}" = "$parent" ]; then
        local pid=${stat#/proc/}
        pids+=("${pid%/stat}")
      fi
    done
    i=$((i + 1))
  done
  echo "${pids[@]}"
}

pss_kib() {
  local total=0 pid kib
  for pid in $(family "$1"); do
    kib=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${kib:-0}))
  done
  echo "$total"
}

# One launch: prints "window_ms ui_ms pss_kib".
measure_once() {
  local bin=$1 title=$2 line=$3 err="$WORK/stderr.$RANDOM"
  local data="$WORK/home.$RANDOM"
  mkdir -p "$data"
  local t0 window_ms="" ui_ms=""
  t0=$(now_ms)
  DISPLAY=":$DISPLAY_NUM" SAMVERKAN_STARTUP_PROBE=1 SAMVERKAN_DB="$data/db.sqlite3" \
    XDG_CONFIG_HOME="$data" XDG_DATA_HOME="$data" XDG_CACHE_HOME="$data" \
    "$bin" 2>"$err" >/dev/null &
  RUN_PID=$!
  local deadline=$((t0 + 30000))
  while [ -z "$window_ms" ] || [ -z "$ui_ms" ]; do
    local t
    t=$(now_ms)
    if [ -z "$window_ms" ] && DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree 2>/dev/null | grep -q "\"$title\""; then
      window_ms=$((t - t0))
    fi
    if [ -z "$ui_ms" ] && grep -qF "$line" "$err" 2>/dev/null; then
      ui_ms=$((t - t0))
    fi
    if [ "$t" -gt "$deadline" ]; then
      log "$bin did not start within 30 s"; cat "$err" >&2; break
    fi
    sleep 0.01
  done
  sleep "$SETTLE"
  local pss
  pss=$(pss_kib "$RUN_PID")
  kill "$RUN_PID" 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=""
  echo "${window_ms:-NA} ${ui_ms:-NA} $pss"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else print a[int((NR+1)/2)]}'; }

report() {
  local name=$1 bin=$2 title=$3 line=$4 results=()
  for i in $(seq 1 "$RUNS"); do
    results+=("$(measure_once "$bin" "$title" "$line")")
    log "$name run $i: ${results[-1]} (window ms, ui ms, pss KiB)"
  done
  local w u p
  w=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
  u=$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)
  p=$(printf '%s\n' "${results[@]}" | awk '{print $3}' | median)
  printf '%-10s window %6s ms   ui ready %6s ms   PSS %7s MiB\n' "$name" "$w" "$u" \
    "$(awk -v kib="$p" 'BEGIN { printf "%.1f", kib / 1024 }')"
}

echo "profile: $PROFILE, runs: $RUNS (medians), display :$DISPLAY_NUM"
report "baseline" "$BASELINE" "Baseline" "$PROBE_LINE"
report "samverkan" "$APP" "Samverkan" "$READY_LINE"
