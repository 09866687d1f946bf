#!/usr/bin/env bash
# Re-records the real answers of the three services for one example design (default
# examples/designs/mmwave-28g.yaml: it FAILs with findings and fixes, so every part of the handoff page
# shows), which the portal tests' WireMock stubs serve (so screenshots show a real layout, chart, traveler).
# Start the services on spare ports first, from the repository root:
#   ./mvnw -B -o -DskipTests package -pl layout-service,shielding-service,recipe-service -am
#   for s in layout-service:9181 shielding-service:9182 recipe-service:9183; do
#     java -Dquarkus.http.port=${s##*:} -Dshieldfab.data-dir=/tmp/portal-data -jar ${s%%:*}/target/quarkus-app/quarkus-run.jar &
#   done
# (or the whole suite: SHIELDFAB_API_KEYS=demo=<key> bin/shieldfab up --data /tmp/portal-data --port-base 9780, then
# LAYOUT_URL=http://127.0.0.1:9781 SHIELDING_URL=http://127.0.0.1:9782 RECIPE_URL=http://127.0.0.1:9783 in this
# script's environment; bin/shieldfab down --data /tmp/portal-data afterwards)
# then run this script from anywhere (optionally with another example's file name); it rewrites
# recorded/ next to it. Needs python3 with PyYAML (Debian: python3-yaml) for a YAML example.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../../.." && pwd)"
LAYOUT="${LAYOUT_URL:-http://127.0.0.1:9181}"
SHIELDING="${SHIELDING_URL:-http://127.0.0.1:9182}"
RECIPE="${RECIPE_URL:-http://127.0.0.1:9183}"
OUT="$HERE/recorded"
mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

EXAMPLE="${1:-mmwave-28g.yaml}"
# The design as JSON, without editor hints ($schema, $comment), as the gateway sends it.
# (PyYAML reads YAML 1.1, where 28.0e9 is a string; the design reader reads it as the number it is.)
/usr/bin/python3 - "$ROOT/examples/designs/$EXAMPLE" > "$TMP/design.json" <<'PY'
import json, re, sys, yaml
def numbers(v):
    if isinstance(v, dict):
        return {k: numbers(x) for k, x in v.items() if not k.startswith("$")}
    if isinstance(v, str) and re.fullmatch(r"[-+]?[0-9.]+[eE][-+]?[0-9]+", v):
        return float(v)
    return v
print(json.dumps(numbers(yaml.safe_load(open(sys.argv[1])))))
PY

curl -fsS -H 'Content-Type: application/json' --data-binary @"$TMP/design.json" "$LAYOUT/api/v1/layouts" > "$OUT/layout.json"
LID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/layout.json")
for f in svg gds dxf; do curl -fsS -o "$OUT/layout.$f" "$LAYOUT/api/v1/layouts/$LID/$f"; done

python3 -c 'import json,sys; print(json.dumps({"design": json.load(open(sys.argv[1])), "layout": json.load(open(sys.argv[2]))}))' \
  "$TMP/design.json" "$OUT/layout.json" > "$TMP/request.json"
curl -fsS -H 'Content-Type: application/json' --data-binary @"$TMP/request.json" "$SHIELDING/api/v1/shielding/evaluations" > "$OUT/shielding-report.json"
EID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/shielding-report.json")
curl -fsS -o "$OUT/chart.svg" "$SHIELDING/api/v1/shielding/evaluations/$EID/chart.svg"

curl -fsS -H 'Content-Type: application/json' --data-binary @"$TMP/request.json" "$RECIPE/api/v1/recipes" > "$OUT/recipe.json"
RID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/recipe.json")
curl -fsS -H 'Accept: text/html' -o "$OUT/traveler.html" "$RECIPE/api/v1/recipes/$RID/traveler"
curl -fsS -H 'Accept: application/pdf' -o "$OUT/traveler.pdf" "$RECIPE/api/v1/recipes/$RID/traveler"

echo "recorded $EXAMPLE: layout $LID, evaluation $EID, recipe $RID into $OUT:"
ls -l "$OUT"
