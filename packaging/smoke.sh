#!/usr/bin/env bash
# Smoke-run the built app (dist/inspector/) as a machine without Python would: an empty
# environment (no PATH, so no venv and no system Python), a fresh home and data folder, run from
# outside the checkout. Checks every face of the app once: --version, the demo, the checklists,
# a monthly PDF with the bundled font embedded, and the GUI starting offscreen and quitting
# through its own Quit action with exit status 0.
#
#     bash packaging/smoke.sh [path/to/inspector]
set -euo pipefail
cd "$(dirname "$0")/.."

app="$(readlink -f "${1:-dist/inspector/inspector}")"
[ -x "$app" ] || { echo "smoke: no built app at $app (run python packaging/build.py)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
cd "$work"

# Only what the app is documented to read; everything else (PATH, LANG, DISPLAY) is absent.
clean() {
  env -i HOME="$work/home" INSPECTOR_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen "$@"
}
fail() { echo "smoke: $*" >&2; exit 1; }
started=$SECONDS

version="$(clean "$app" --version)"
[[ "$version" =~ ^inspector\ [0-9] ]] || fail "--version printed '$version'"
echo "smoke: $version"

clean "$app" demo --employees 30 --days 30 >"$work/demo.out" || fail "demo: $(cat "$work/demo.out")"
echo "smoke: $(head -n1 "$work/demo.out")"
demo_db="$work/data/demo.db"
[ -s "$demo_db" ] || fail "demo wrote no database at $demo_db"

clean "$app" checklists validate >"$work/validate.out" || fail "checklists validate: $(cat "$work/validate.out")"
grep -q '^OK:' "$work/validate.out" || fail "checklists validate printed: $(cat "$work/validate.out")"
echo "smoke: checklists validate: $(cat "$work/validate.out")"
# The checklists come from inside the bundle, not from a checkout that happens to be near.
clean "$app" checklists show shoes >"$work/show.out"
grep -q "$(dirname "$app")/_internal/checklists/" "$work/show.out" \
  || fail "the checklists were not read from the bundle: $(head -n3 "$work/show.out")"

clean "$app" lineup list --db "$demo_db" --json >"$work/lineups.json"
month="$(grep -m1 -o '"date": "[0-9-]*"' "$work/lineups.json" | cut -c10-16)"
[ -n "$month" ] || fail "the demo has no line-ups"
clean "$app" report monthly --db "$demo_db" --month "$month" --out "$work/monthly.pdf" >/dev/null
[ -s "$work/monthly.pdf" ] || fail "report monthly wrote no PDF"
if command -v pdffonts >/dev/null; then
  # name, type, encoding, emb, sub, uni, object ID: the bundled font must be embedded
  pdffonts "$work/monthly.pdf" | awk '/WenQuanYi/ && $(NF-4) == "yes" {found=1} END {exit !found}' \
    || fail "the monthly PDF does not embed the bundled font: $(pdffonts "$work/monthly.pdf")"
else
  grep -aq 'WenQuanYi' "$work/monthly.pdf" && grep -aq '/FontFile2' "$work/monthly.pdf" \
    || fail "the monthly PDF does not embed the bundled font"
fi
echo "smoke: report monthly $month: $(stat -c %s "$work/monthly.pdf") bytes, bundled font embedded"

status=0
clean INSPECTOR_QUIT_AFTER_START=1 timeout 120 "$app" --demo >"$work/gui.out" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "the GUI exited with status $status: $(cat "$work/gui.out")"
log="$work/data/logs/inspector.log"
grep -q "opened $demo_db" "$log" || fail "the GUI did not open the demo database: $(cat "$log")"
if grep -qE 'CRITICAL|ERROR|Traceback' "$log"; then fail "the GUI logged errors: $(cat "$log")"; fi
echo "smoke: GUI opened $demo_db offscreen and quit with status 0"

# The per-user install (and update over it) that the README describes, into the clean home.
clean /bin/bash "$(dirname "$app")/install.sh" >"$work/install.out" || fail "install.sh: $(cat "$work/install.out")"
clean /bin/bash "$(dirname "$app")/install.sh" >"$work/install.out" || fail "install.sh again: $(cat "$work/install.out")"
installed="$(clean "$work/home/.local/bin/inspector" --version)"
[ "$installed" = "$version" ] || fail "the installed command printed '$installed'"
desktop="$work/home/.local/share/applications/inspector.desktop"
grep -q "^Exec=$work/home/.local/opt/inspector/inspector$" "$desktop" || fail "bad menu entry: $(cat "$desktop")"
[ -s "$work/home/.local/share/icons/hicolor/48x48/apps/inspector.png" ] || fail "no menu icon installed"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
[ -s "$demo_db" ] || fail "installing touched the data"
clean /bin/bash "$work/home/.local/opt/inspector/install.sh" --uninstall >/dev/null
[ ! -e "$work/home/.local/opt/inspector" ] && [ -s "$demo_db" ] || fail "--uninstall left the program or took the data"
echo "smoke: install.sh installed, updated and removed the app; the data stayed"

echo "smoke: all passed in $((SECONDS - started)) s ($(du -sh "$(dirname "$app")" | cut -f1) app folder)"
