#!/usr/bin/env bash
# The Debian package tried as a new user would: build it (scripts/package.sh), install it with
# apt (which pulls in its dependencies), start the installed app under Xvfb on a fresh register
# in an empty home folder, wait until its first screen shows the register's data, close it,
# remove the package, and check that the user's register is still there, unchanged.
#
# Needs root (or sudo) for the install. Environment:
#   SKIP_BUILD=1        use the .deb already built
#   E2E_DISPLAY=96      X display number for Xvfb
#   WAIT=120            seconds to wait at most for the app to show its data
#   SCREENSHOT=FILE     also save a PNG of the screen while the app runs (needs ImageMagick's import)
#   CARGO_TARGET_DIR    where cargo builds (default <repo>/target)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

DISPLAY_NUM=${E2E_DISPLAY:-96}
WAIT=${WAIT:-120}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
READY_LINE="samverkan-startup: interactive"

fail() { say "FAIL: $*"; exit 1; }

ensure_apt xvfb xauth x11-utils
[ "${SKIP_BUILD:-0}" = 1 ] || bash scripts/package.sh
deb=$(ls -t "$TARGET_DIR"/release/bundle/deb/*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no .deb under $TARGET_DIR/release/bundle/deb"
package=$(dpkg-deb -f "$deb" Package)
say "package $package $(dpkg-deb -f "$deb" Version) from ${deb#"$ROOT"/} ($(du -h "$deb" | cut -f1))"

WORK=$(mktemp -d -t samverkan-deb.XXXXXX)
XVFB_PID="" APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

say "installing $deb"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
app=$(dpkg -L "$package" | grep -E '^/usr/bin/[^/]+$' | head -n1)
[ -x "$app" ] || fail "the package installed no program under /usr/bin"
dpkg -L "$package" | grep -q '\.desktop$' || fail "the package installed no desktop entry"
say "installed $app and its desktop entry"

# A fresh user: an empty home, so the app makes a new register in its data folder.
home="$WORK/home"
mkdir -p "$home"
register="$home/.local/share/samverkan/register.sqlite3"

[ -e "/tmp/.X${DISPLAY_NUM}-lock" ] && fail "display :$DISPLAY_NUM is taken; set E2E_DISPLAY"
Xvfb ":$DISPLAY_NUM" -screen 0 1280x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X${DISPLAY_NUM}" ] && break; sleep 0.1; done

say "starting the installed app on a fresh register"
env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY=":$DISPLAY_NUM" LANG=sv_SE.UTF-8 \
  SAMVERKAN_STARTUP_PROBE=1 "$app" >"$WORK/app.log" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + WAIT))
until grep -q "$READY_LINE" "$WORK/app.log"; do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; fail "the app stopped before it showed its data"; }
  [ $SECONDS -lt $deadline ] || { cat "$WORK/app.log"; fail "no data on screen within ${WAIT} s"; }
  sleep 0.2
done
DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree | grep -q '"Samverkan' || fail "no window titled Samverkan"
say "the app shows its first screen with data"
if [ -n "${SCREENSHOT:-}" ] && command -v import >/dev/null; then
  DISPLAY=":$DISPLAY_NUM" import -window root "$SCREENSHOT" && say "screenshot: $SCREENSHOT"
fi
[ -s "$register" ] || fail "no register at $register"
kill "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
before=$(sha256sum "$register" | cut -d' ' -f1)

say "removing the package"
as_root env DEBIAN_FRONTEND=noninteractive dpkg -r "$package" >/dev/null
[ ! -e "$app" ] || fail "$app is still there after dpkg -r"
[ -s "$register" ] || fail "dpkg -r took the user's register with it"
[ "$(sha256sum "$register" | cut -d' ' -f1)" = "$before" ] || fail "the register changed on dpkg -r"
say "PASS: installed, started on a fresh register, removed; the register is untouched"
