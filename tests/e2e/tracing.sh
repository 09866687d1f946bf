#!/usr/bin/env bash
# One trace across the suite (docs/operations.md, "Traces"): starts the four services from the built jars with
# SHIELDFAB_OTLP_ENDPOINT pointing at a local stand-in collector (otlp_receiver.py, which also receives the
# webhook), submits the Wi-Fi example with a traceparent of a known trace id and a callbackUrl, and checks that the
# spans exported by all four services carry that trace id (service.name and the id's 16 bytes in the OTLP
# protobuf) and that the webhook request has it in its traceparent. TRACING_PORT_BASE (default 8480) places the
# suite, the receiver listens on base + 10.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="${TRACING_PORT_BASE:-8480}"; RECEIVER_PORT=$((BASE + 10))
WORK="$(mktemp -d /tmp/shieldfab-tracing.XXXXXX)"; DATA="$WORK/data"; GOT="$WORK/received"
sf() { "$ROOT/bin/shieldfab" "$@" --data "$DATA"; }
python3 "$ROOT/tests/e2e/otlp_receiver.py" "$RECEIVER_PORT" "$GOT" & RECEIVER=$!
trap 'sf down >/dev/null 2>&1 || true; kill $RECEIVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

SHIELDFAB_OTLP_ENDPOINT="http://127.0.0.1:$RECEIVER_PORT" SHIELDFAB_WEBHOOK_ALLOW_LOOPBACK=true \
  sf up --port-base "$BASE" >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log"; exit 1; }
GATEWAY="http://127.0.0.1:$(sf port gateway)"; KEY="$(sf key)"
curl -fsS -X POST -H "X-API-Key: $KEY" "$GATEWAY/api/v1/webhook-secrets" >/dev/null
TRACE="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ENVELOPE="$WORK/envelope.json"
python3 -c 'import json,sys; print(json.dumps({"design": json.load(open(sys.argv[1])), "callbackUrl": sys.argv[2]}))' \
  "$ROOT/examples/designs/wifi-fem-2g4.json" "http://127.0.0.1:$RECEIVER_PORT/hooks/traced" > "$ENVELOPE"
ID="$(curl -fsS -X POST -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
  -H "traceparent: 00-$TRACE-00f067aa0ba902b7-01" --data-binary @"$ENVELOPE" "$GATEWAY/api/v1/handoffs" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
echo "handoff $ID, trace $TRACE"

# the webhook arrives after SUCCEEDED; the spans follow within the exporter's batch delay (5 s)
python3 - "$GOT" "$TRACE" "$ID" <<'PY'
import glob, json, sys, time
got, trace, handoff = sys.argv[1], bytes.fromhex(sys.argv[2]), sys.argv[3]
services = ["gateway", "layout-service", "shielding-service", "recipe-service"]
deadline = time.time() + 90
while True:
    traced, hook = set(), None
    for meta in sorted(glob.glob(got + "/*.json")):
        m = json.load(open(meta)); body = open(meta[:-5] + ".body", "rb").read()
        if m["path"] == "/v1/traces" and trace in body:
            traced |= {s for s in services if s.encode() in body}  # service.name of the exporting service
        elif m["path"] == "/hooks/traced" and handoff.encode() in body:
            hook = m["headers"].get("traceparent", "")
    if (traced == set(services) and hook) or time.time() > deadline:
        break
    time.sleep(1)
print("services with spans of the trace:", sorted(traced))
print("webhook traceparent:", hook)
ok = traced == set(services) and hook is not None and hook.startswith("00-" + sys.argv[2] + "-")
print("tracing:", "passed" if ok else "FAILED")
sys.exit(0 if ok else 1)
PY
