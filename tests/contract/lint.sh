#!/usr/bin/env bash
# Lints every OpenAPI document of docs/api/ with Spectral (spectral:oas) and Redocly (recommended), the pinned
# versions of package.json installed from the npm registry (npm ci, next to this script). Prints errors and
# warnings per document and tool; exits 1 when any document has an error (docs/api-guide.md, "Client generation").
# --report: print the counts but exit 0.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
errors=0
for doc in "$ROOT"/docs/api/*.yaml; do
  # the linters exit non-zero on errors; the JSON they print is what is counted
  s=$({ node_modules/.bin/spectral lint "$doc" --ruleset .spectral.yaml -f json 2>/dev/null || true; } | /usr/bin/python3 -c \
      'import json,sys; d=json.load(sys.stdin); print(sum(x["severity"]==0 for x in d), sum(x["severity"]==1 for x in d))')
  r=$({ node_modules/.bin/redocly lint "$doc" --config redocly.yaml --format=json 2>/dev/null || true; } | /usr/bin/python3 -c \
      'import json,sys; t=json.load(sys.stdin)["totals"]; print(t["errors"], t["warnings"])')
  read -r se sw <<< "$s"; read -r re rw <<< "$r"
  echo "$(basename "$doc"): spectral $se errors, $sw warnings; redocly $re errors, $rw warnings"
  errors=$((errors + se + re))
done
if [ "$errors" -gt 0 ]; then
  echo "contract lint: $errors errors (run node_modules/.bin/spectral lint or redocly lint on a document for details)"
  [ "${1:-}" = "--report" ] || exit 1
fi
