#!/usr/bin/env bash
# Client smoke test: the clients tests/contract/clients.sh generated (run it first) used against the suite started
# from the built jars (bin/shieldfab up; ./mvnw package first): the Java client (smoke/ClientSmoke.java) and the
# Python client (smoke/client_smoke.py) each validate the Wi-Fi example, hand it off, poll it, download and check
# the bundle and read the recipe, with the generated types (docs/api-guide.md, "Client generation").
# SMOKE_PORT_BASE (default 8380) places the suite's ports.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/target/contract-clients"
DESIGN="$ROOT/examples/designs/wifi-fem-2g4.json"
[ -d "$OUT/java/target/classes" ] && [ -d "$OUT/python/shieldfab_client" ] \
  || { echo "no generated clients in $OUT: run tests/contract/clients.sh first" >&2; exit 1; }

# The Python client needs pydantic 2, urllib3, python-dateutil and typing-extensions (its requirements.txt).
# PyPI is not reachable here, so the interpreter is one that has them; Debian's python3-pydantic is version 1.
PY=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c \
      'import pydantic, urllib3, dateutil, typing_extensions, sys; sys.exit(int(pydantic.VERSION.split(".")[0]) < 2)' 2>/dev/null; then
    PY="$candidate"; break
  fi
done
[ -n "$PY" ] || { echo "no Python 3 with pydantic 2, urllib3, python-dateutil and typing-extensions" >&2; exit 1; }

CP_FILE="$OUT/java/classpath.txt"
"$ROOT/mvnw" -B -q -f "$OUT/java/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null

DATA="$(mktemp -d /tmp/shieldfab-smoke.XXXXXX)"
trap '"$ROOT/bin/shieldfab" down --data "$DATA" >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT
"$ROOT/bin/shieldfab" up --data "$DATA" --port-base "${SMOKE_PORT_BASE:-8380}" >/dev/null
URL="http://127.0.0.1:$("$ROOT/bin/shieldfab" port gateway --data "$DATA")"
KEY="$("$ROOT/bin/shieldfab" key --data "$DATA")"

echo "-- Java client against $URL"
java -cp "$OUT/java/target/classes:$(cat "$CP_FILE")" "$HERE/smoke/ClientSmoke.java" "$URL" "$KEY" "$DESIGN"
echo "-- Python client ($("$PY" --version 2>&1), pydantic $("$PY" -c 'import pydantic; print(pydantic.VERSION)')) against $URL"
PYTHONPATH="$OUT/python" "$PY" "$HERE/smoke/client_smoke.py" "$URL" "$KEY" "$DESIGN"
echo "client smoke: both clients passed"
