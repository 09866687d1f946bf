#!/usr/bin/env bash
# End to end: starts the four services from the built jars (bin/shieldfab up), hands every valid
# example design off through the gateway (bin/shieldfab handoff), and checks each bundle's
# manifest against its files and the verdict and opening window each example is shipped with (docs/shielding.md,
# "Opening window"; examples/designs/README.md): Wi-Fi PASS, window 0.045 to 0.057 mm; MCU PASS, 0.15 to 0.831 mm;
# the 28 GHz worked failure FAIL (troughs and seams) with the one-opening window [0.015, 0.015] mm, and
# its coarse-filler variant FAIL, empty (0.075 against 0.015 mm). Then the Wi-Fi example a second time: its bundle must
# hold the same artefacts as the first, byte for byte but for the run's own ids, times and recipe version
# (tests/e2e/same_bundle.py). Prints "N passed, M failed". E2E_PORT_BASE
# (default 8080) moves the suite's ports, to run beside another suite.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="$(mktemp -d /tmp/shieldfab-e2e.XXXXXX)"
trap '"$ROOT/bin/shieldfab" down --data "$DATA" >/dev/null 2>&1 || true' EXIT

"$ROOT/bin/shieldfab" up --data "$DATA" --port-base "${E2E_PORT_BASE:-8080}"
passed=0; failed=0
# file:verdict:window:min:max (mm)
for entry in wifi-fem-2g4.json:PASS:open:0.045:0.057 mmwave-28g.yaml:FAIL:open:0.015:0.015 \
             mcu-pillars.json:PASS:open:0.15:0.831 mmwave-28g-coarse-filler.yaml:FAIL:empty:0.075:0.015; do
  IFS=: read -r name verdict window min max <<< "$entry"; design="$ROOT/examples/designs/$name"
  echo "== handoff $name"
  if out="$("$ROOT/bin/shieldfab" handoff "$design" --data "$DATA" --out "$DATA/out/$name" 2>&1)"; then
    zip="$(echo "$out" | sed -n 's/^bundle saved: //p')"
    if python3 "$ROOT/tests/e2e/verify_bundle.py" "$zip" --verdict "$verdict" --window "$window" --bounds "$min" "$max"; then
      passed=$((passed + 1)); echo "   ok: $zip"
    else
      failed=$((failed + 1)); echo "   FAILED: bundle check"
    fi
  else
    failed=$((failed + 1)); echo "$out" | tail -n 20; echo "   FAILED: handoff"
  fi
done
echo "== handoff wifi-fem-2g4.json again: the same artefacts"
first="$(ls "$DATA"/out/wifi-fem-2g4.json/*.zip 2>/dev/null | head -1)"
if out="$("$ROOT/bin/shieldfab" handoff "$ROOT/examples/designs/wifi-fem-2g4.json" --data "$DATA" --out "$DATA/out/again" 2>&1)" \
    && [ -n "$first" ] && python3 "$ROOT/tests/e2e/same_bundle.py" "$first" "$(echo "$out" | sed -n 's/^bundle saved: //p')"; then
  passed=$((passed + 1)); echo "   ok"
else
  failed=$((failed + 1)); echo "$out" | tail -n 5; echo "   FAILED: not the same artefacts"
fi
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
