#!/usr/bin/env bash
# End to end: starts the four services from the built jars (bin/shieldfab up), hands every valid
# example design off through the gateway (bin/shieldfab handoff), and checks each bundle's
# manifest against its files and the opening window each example is shipped with (the coarse-filler example's is
# empty and its verdict FAIL; docs/shielding.md). Prints "N passed, M failed". E2E_PORT_BASE (default 8080) moves the
# suite's ports, to run beside another suite.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="$(mktemp -d /tmp/shieldfab-e2e.XXXXXX)"
trap '"$ROOT/bin/shieldfab" down --data "$DATA" >/dev/null 2>&1 || true' EXIT

"$ROOT/bin/shieldfab" up --data "$DATA" --port-base "${E2E_PORT_BASE:-8080}"
passed=0; failed=0
for entry in wifi-fem-2g4.json:open mmwave-28g.yaml:open mcu-pillars.json:open mmwave-28g-coarse-filler.yaml:empty; do
  name="${entry%%:*}"; window="${entry##*:}"; design="$ROOT/examples/designs/$name"
  echo "== handoff $name"
  if out="$("$ROOT/bin/shieldfab" handoff "$design" --data "$DATA" --out "$DATA/out/$name" 2>&1)"; then
    zip="$(echo "$out" | sed -n 's/^bundle saved: //p')"
    if python3 "$ROOT/tests/e2e/verify_bundle.py" "$zip" --window "$window"; then
      passed=$((passed + 1)); echo "   ok: $zip"
    else
      failed=$((failed + 1)); echo "   FAILED: bundle check"
    fi
  else
    failed=$((failed + 1)); echo "$out" | tail -n 20; echo "   FAILED: handoff"
  fi
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
