#!/usr/bin/env bash
# On-demand load test of the gateway (not run by CI): starts the suite from the built jars on H2
# (bin/shieldfab up), then drives it with wrk, one endpoint at a time and then all three at once:
# design validation, handoff status reads and handoff submissions (each a real layout + shielding
# + recipe + bundle in the background). Prints throughput and p50/p99 latency per endpoint, then
# CPU time and RSS of each service, and how many submitted handoffs finished. Needs wrk
# (apt-get install wrk). Usage: bench/load.sh [seconds per phase, default 20] [connections, default 8]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_PER_PHASE="${1:-20}"
CONNECTIONS="${2:-8}"
DATA="$(mktemp -d /tmp/shieldfab-load.XXXXXX)"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
trap 'bin/shieldfab down --data "$DATA" >/dev/null 2>&1 || true' EXIT

# The per-key rate limit (600/min by default) would turn the load into 429s; lift it for this run.
export SHIELDFAB_RATE_LIMIT_PER_MINUTE=10000000
bin/shieldfab up --data "$DATA" >/dev/null
KEY="$(cat "$DATA/api-key")"; export KEY
export DESIGN="$ROOT/examples/designs/wifi-fem-2g4.json"
HANDOFF="$(curl -fsS -X POST -H "X-API-Key: $KEY" -H 'Content-Type: application/json' --data-binary @"$DESIGN" \
  http://127.0.0.1:8080/api/v1/handoffs | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
export HANDOFF
sleep 5

run() { # phase script threads connections [label endpoint]
  LABEL="${5:-}" ENDPOINT="${6:-}" wrk -t"$3" -c"$4" -d"${SECONDS_PER_PHASE}s" --latency -s "bench/$2" \
    http://127.0.0.1:8080 | grep '^RESULT' | sed "s/^RESULT /$1: /"
}
validate() { run "$1" post.lua "$2" "$3" validate /api/v1/designs/validate; }
submit() { run "$1" post.lua "$2" "$3" handoff-submit /api/v1/handoffs; }
echo "== one endpoint at a time (${SECONDS_PER_PHASE}s each, $CONNECTIONS connections)"
validate alone 2 "$CONNECTIONS"
run alone status.lua 2 "$CONNECTIONS"
submit alone 1 2
echo "== mixed: all three at once"
validate mixed 1 "$CONNECTIONS" &
run mixed status.lua 1 "$CONNECTIONS" &
submit mixed 1 2 &
wait

echo "== resources (CPU seconds since start, RSS)"
for s in layout-service shielding-service recipe-service gateway; do
  pid="$(cat "$DATA/run/$s.pid")"
  ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
  rss="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
  printf '  %-18s cpu %6.1f s   rss %5d MiB\n' "$s" "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)" "$((rss / 1024))"
done

echo "== background work: handoffs finished within 120 s after the load"
for _ in $(seq 1 120); do
  counts="$(curl -fsS -H "X-API-Key: $KEY" "http://127.0.0.1:8080/api/v1/handoffs?limit=200" \
    | python3 -c 'import json,sys; from collections import Counter; print(dict(Counter(h["status"] for h in json.load(sys.stdin)["items"])))')"
  case "$counts" in *QUEUED*|*RUNNING*) sleep 1 ;; *) break ;; esac
done
echo "  first page (200 newest): $counts"
