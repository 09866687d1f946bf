#!/usr/bin/env bash
# Re-records the real answers of the three services for examples/designs/wifi-fem-2g4.json, which
# PortalBrowserTest's WireMock stubs serve (so its screenshots show a real layout, chart and traveler).
# Start the services on spare ports first, from the repository root:
#   ./mvnw -B -o -DskipTests package -pl layout-service,shielding-service,recipe-service -am
#   for s in layout-service:9181 shielding-service:9182 recipe-service:9183; do
#     java -Dquarkus.http.port=${s##*:} -Dshieldfab.data-dir=/tmp/portal-data -jar ${s%%:*}/target/quarkus-app/quarkus-run.jar &
#   done
# then run this script from anywhere; it rewrites recorded/ next to it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../../.." && pwd)"
LAYOUT="${LAYOUT_URL:-http://127.0.0.1:9181}"
SHIELDING="${SHIELDING_URL:-http://127.0.0.1:9182}"
RECIPE="${RECIPE_URL:-http://127.0.0.1:9183}"
OUT="$HERE/recorded"
mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

# The design as the gateway sends it: the example without its editor hints ($schema, $comment).
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d.pop(k) for k in list(d) if k.startswith("$")]; print(json.dumps(d))' \
  "$ROOT/examples/designs/wifi-fem-2g4.json" > "$TMP/design.json"

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

echo "recorded layout $LID, evaluation $EID, recipe $RID into $OUT:"
ls -l "$OUT"
