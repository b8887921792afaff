#!/usr/bin/env bash
# The forms batch side by side with a LibreOffice mail merge, in one hyperfine run (issue #12):
# the county group's 30 organisations, each with a representative and a substitute, printed by
# `samverkan forms` (every form and the combined file, process start included), and the same
# 30 two-page forms rendered to PDF by one headless `soffice` call.
#
# The LibreOffice side is given its best case: the merge is done before the clock starts (each
# organisation's form is a flat ODT holding the text Samverkan printed for it, a page break
# where Samverkan's form turns the page), so what is timed is LibreOffice laying out and
# writing the 30 documents, as its mail merge does after filling the fields.
#
# Each organisation's LibreOffice document is checked to have as many pages as its form.
#
# Usage: scripts/measure-forms.sh [WORK_DIR]   (default: a new temporary folder)
# Environment:
#   SKIP_BUILD=1   use the release binary already built
#   RUNS=10        hyperfine runs per command (after 2 warm-up runs)
#   CARGO_TARGET_DIR  where cargo builds (default <repo>/target)
# Needs: hyperfine, soffice (libreoffice-writer-nogui), pdftotext (poppler-utils).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
RUNS=${RUNS:-10}
WORK=${1:-$(mktemp -d)}
BIN="$TARGET_DIR/release/samverkan"
TODAY=2027-03-01

log() { printf '[forms] %s\n' "$*" >&2; }
for tool in hyperfine soffice pdftotext python3; do
  command -v "$tool" >/dev/null || {
    log "missing $tool (apt-get install hyperfine libreoffice-writer-nogui poppler-utils)"
    exit 2
  }
done
if [[ -z ${SKIP_BUILD:-} ]]; then
  log "building the release CLI"
  (cd "$ROOT" && cargo build --quiet --release --bin samverkan)
fi

mkdir -p "$WORK"
cd "$WORK"
export SAMVERKAN_OS_USER=measure
S=("$BIN" --db "$WORK/r.db" --today "$TODAY")
if [[ ! -f r.db ]]; then
  log "a register: the Dalarna template, a representative and a substitute per organisation"
  "$BIN" --db "$WORK/r.db" init >/dev/null
  mapfile -t orgs < <("${S[@]}" --json group show Länsgruppen |
    python3 -c 'import json,sys; [print(s["seat"]["organisation_name"]) for s in json.load(sys.stdin)["seats"] if s["seat"].get("organisation_name") and s["seat"]["role"]=="representative"]')
  i=0
  for org in "${orgs[@]}"; do
    i=$((i + 1))
    for role in representative substitute; do
      "${S[@]}" appoint "Person $i ${role:0:3} Åkesson-Lindqvist" --new --for "$org" \
        --group Länsgruppen --role "$role" --from 2027-01-01 \
        --title "Verksamhetssamordnare" --email "person$i.$role@example.se" \
        --phone "070-101 11 $((10 + i))" >/dev/null
    done
  done
  log "${#orgs[@]} organisations"
fi

log "the merged documents for LibreOffice"
rm -rf fo lo-in lo-out
"${S[@]}" forms --group Länsgruppen --out fo >/dev/null
mkdir -p lo-in
n=0
for pdf in fo/*.pdf; do
  n=$((n + 1))
  name=$(printf 'form-%02d' "$n") # no spaces: hyperfine -N splits its command on them
  pdftotext -layout "$pdf" - | python3 -c '
import sys
from xml.sax.saxutils import escape
pages = sys.stdin.read().rstrip("\f").split("\f")
body = []
for n, page in enumerate(pages):
    for k, line in enumerate(page.splitlines()):
        style = "Brk" if n > 0 and k == 0 else "P"
        body.append(f"<text:p text:style-name=\"{style}\">{escape(line.strip())}</text:p>")
print("""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/></style:page-layout>
 <style:style style:name="P" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="8.5pt"/></style:style>
 <style:style style:name="Brk" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="8.5pt"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>""")
print("\n".join(body))
print("</office:text></office:body></office:document>")
' >"lo-in/$name.fodt"
done
forms=$(ls fo/*.pdf | wc -l)
log "$forms forms; timing (hyperfine, $RUNS runs each)"

hyperfine -N -w 2 -r "$RUNS" --export-markdown "$WORK/forms-vs-libreoffice.md" \
  --prepare "rm -rf $WORK/fo" --prepare "rm -rf $WORK/lo-out" \
  -n "samverkan forms ($forms forms + combined file)" \
  "$BIN --db $WORK/r.db --today $TODAY forms --group Länsgruppen --out $WORK/fo --combined $WORK/fo/alla.pdf" \
  -n "soffice --convert-to pdf ($forms documents)" \
  "soffice --headless --norestore -env:UserInstallation=file://$WORK/lo-profile --convert-to pdf --outdir $WORK/lo-out $(ls "$WORK"/lo-in/*.fodt | tr '\n' ' ')"
made=$(ls "$WORK"/lo-out/*.pdf 2>/dev/null | wc -l)
[[ $made -eq $forms ]] || { log "LibreOffice wrote $made of $forms PDFs"; exit 1; }
log "pages: samverkan $(pdfinfo "$WORK/fo/alla.pdf" | awk '/^Pages:/ {print $2}') in the combined file; LibreOffice $(for f in "$WORK"/lo-out/*.pdf; do pdfinfo "$f" | awk '/^Pages:/ {print $2}'; done | paste -sd+ | bc) in all"
cat "$WORK/forms-vs-libreoffice.md"
