#!/usr/bin/env bash
# Runs imb compare on a data set, renders DIR/report.html in headless Chromium (Debian package
# chromium), fails on any console error, and saves a screenshot. Options after the first three go
# to imb compare; RENDER_ONLY=1 checks the report already in OUT_DIR.
# Usage: scripts/docs/report_check.sh [FILE] [OUT_DIR] [SCREENSHOT.png] [COMPARE_OPTIONS...]
# Images: scripts/docs/report_check.sh IMAGES.idx.gz OUT report.png --labels LABELS.idx.gz --holdout 0.2 --budget-minutes 5
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-builtin:satimage}"
out="${2:-$root/compare-demo}"
png="${3:-$root/docs/img/compare-report.png}"
shift $(( $# < 3 ? $# : 3 ))
command -v chromium >/dev/null || { echo "needs Debian's chromium: apt-get install -y chromium" >&2; exit 2; }
[ "${RENDER_ONLY:-0}" = 1 ] || "$root/bin/imb" compare "$file" --out "$out" "$@" >/dev/null
[ -f "$out/report.html" ] || { echo "no $out/report.html" >&2; exit 1; }
# a report that travels alone: every image inline (data: URIs), none fetched
if grep -oE '<img[^>]* src="[^d"][^"]*"' "$out/report.html"; then
  echo "report.html: images that are not inline (above)" >&2
  exit 1
fi
profile="$(mktemp -d)"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile")
log="$(mktemp)"
chromium "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$out/report.html" >/dev/null 2>"$log" || true
if grep -E "CONSOLE|Uncaught|ERROR:.*(javascript|render)" "$log"; then
  echo "report.html: console errors (above)" >&2
  exit 1
fi
chromium "${flags[@]}" --window-size=1300,1100 --screenshot="$png" "file://$out/report.html" >/dev/null 2>&1
rm -rf "$profile" "$log"
echo "report renders without console errors; screenshot: $png"
