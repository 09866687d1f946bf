#!/usr/bin/env bash
# On-demand load test of the gateway (not run by CI), on H2 or on PostgreSQL. Starts the four
# services with bin/shieldfab on their own ports (BENCH_PORT_BASE, default 9280: gateway 9280,
# services 9281-9283; on PostgreSQL their own databases BENCH_DB_PREFIX, default bench_*, dropped and
# created each run), then:
#   1. drain: submits a batch of handoffs at once and times how long the background work takes to
#      finish them all: handoffs finished per minute, and the median time of each step (from the
#      gateway's "SUCCEEDED ... in N ms" log lines);
#   2. one endpoint at a time with wrk: design validation, handoff status reads;
#   3. mixed, all at once: validation and status reads as fast as wrk goes, and handoff submissions
#      paced at a rate the background work keeps up with (default: 80 % of the drain rate);
#      afterwards every handoff of the phase must finish within 60 s;
#   4. CPU seconds and RSS of each service, and the load average during each phase.
# Prints throughput, p50/p99 latency, non-2xx and socket errors per endpoint (wrk's own counts).
#
# Usage: bench/load.sh h2|pg [seconds per phase, default 20] [connections, default 8] [drain batch, default 60]
# Jars: h2 runs the default build (./mvnw -B -DskipTests package), pg the production build
# (./mvnw -B -DskipTests package -Dquarkus.profile=prod); bin/shieldfab builds missing jars and
# refuses jars of the other flavour. GATEWAY_OPTS: extra JVM options for the gateway.
# Needs wrk and bc (apt-get install wrk bc) and, for pg, PostgreSQL at 127.0.0.1:5432.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE="${1:?usage: bench/load.sh h2|pg [seconds per phase] [connections] [drain batch]}"
SECONDS_PER_PHASE="${2:-20}"
CONNECTIONS="${3:-8}"
DRAIN="${4:-60}"
WORK="$(mktemp -d /tmp/shieldfab-load.XXXXXX)"
DATA="$WORK/data"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v bc >/dev/null || { echo "bc is needed: apt-get install bc" >&2; exit 1; }
sf() { "$ROOT/bin/shieldfab" "$@" --data "$DATA"; }
SERVICES=(layout-service shielding-service recipe-service gateway)
trap 'sf down >/dev/null 2>&1 || true' EXIT

case "$MODE" in
  h2) up=(--db h2) ;;
  pg) up=(--db pg --db-prefix "${BENCH_DB_PREFIX:-bench_}" --fresh-db) ;;
  *) echo "mode is h2 or pg" >&2; exit 2 ;;
esac
for opt in ${GATEWAY_OPTS:-}; do up+=(--gateway-opt "$opt"); done
# The per-key rate limit (600/min by default) would turn the load into 429s; lifted for this run.
SHIELDFAB_RATE_LIMIT_PER_MINUTE=10000000 sf up "${up[@]}" --port-base "${BENCH_PORT_BASE:-9280}" \
  >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; exit 1; }
KEY="$(sf key)"; export KEY
GATEWAY="http://127.0.0.1:$(sf port gateway)"
declare -A PID
for s in "${SERVICES[@]}"; do PID[$s]="$(sf pid "$s")"; done
GATEWAY_LOG="$DATA/logs/gateway.log"
echo "== suite up ($MODE): gateway $GATEWAY; $(nproc) cores, $(java -version 2>&1 | head -1)"
export DESIGN="$ROOT/examples/designs/wifi-fem-2g4.json"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
open_handoffs() {
  curl -fsS -H "X-API-Key: $KEY" "$GATEWAY/api/v1/handoffs?limit=200" \
    | python3 -c 'import json,sys; print(sum(h["status"] in ("QUEUED","RUNNING") for h in json.load(sys.stdin)["items"]))'
}
submit_one() {
  curl -fsS -X POST -H "X-API-Key: $KEY" -H 'Content-Type: application/json' --data-binary @"$DESIGN" "$GATEWAY/api/v1/handoffs" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

echo "== drain: $DRAIN handoffs submitted at once, time from the first submission until all have finished (load average before: $(loadavg))"
cpu_ms() { echo "$(awk '{print $14 + $15}' "/proc/$1/stat") * 1000 / $(getconf CLK_TCK)" | bc; }
declare -A CPU0; for s in "${SERVICES[@]}"; do CPU0[$s]="$(cpu_ms "${PID[$s]}")"; done
t0=$SECONDS
HANDOFF="$(submit_one)"; export HANDOFF
seq 2 "$DRAIN" | xargs -P 4 -I{} curl -fsS -o /dev/null -X POST -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
  --data-binary @"$DESIGN" "$GATEWAY/api/v1/handoffs"
until [ "$(open_handoffs)" = "0" ]; do
  [ $((SECONDS - t0)) -lt 900 ] || { echo "  not drained after 900 s"; break; }
  sleep 1
done
drain_s=$((SECONDS - t0)); [ "$drain_s" -gt 0 ] || drain_s=1
DRAIN_PER_MIN="$(echo "$DRAIN * 60 / $drain_s" | bc -l)"
printf '  %d handoffs finished in %d s: %.1f handoffs/min (load average after: %s)\n' "$DRAIN" "$drain_s" "$DRAIN_PER_MIN" "$(loadavg)"
printf '  CPU per handoff:'; for s in "${SERVICES[@]}"; do printf ' %s %d ms' "$s" $(( ($(cpu_ms "${PID[$s]}") - CPU0[$s]) / DRAIN )); done; echo
python3 - "$GATEWAY_LOG" <<'EOF'
import re, statistics, sys
rows = [tuple(map(int, m.groups())) for m in re.finditer(
    r"SUCCEEDED \(verdict \w+\) in (\d+) ms: layout (\d+) ms, shielding\+recipe (\d+) ms, bundle files (\d+) ms, store (\d+) ms",
    open(sys.argv[1]).read())]
if rows:
    names = ["total", "layout", "shielding+recipe", "bundle files", "store"]
    print("  median per handoff: " + ", ".join(f"{n} {statistics.median(c):.0f} ms" for n, c in zip(names, zip(*rows))))
EOF

run() { # phase script threads connections label endpoint [pause between requests of a connection, ms]
  LABEL="$5" ENDPOINT="$6" PAUSE_MS="${7:-0}" wrk -t"$3" -c"$4" -d"${SECONDS_PER_PHASE}s" --latency -s "bench/$2" "$GATEWAY" \
    | grep '^RESULT' | sed "s/^RESULT /$1: /"
}
echo "== one endpoint at a time (${SECONDS_PER_PHASE}s each, $CONNECTIONS connections; load average before: $(loadavg))"
run alone post.lua 2 "$CONNECTIONS" validate /api/v1/designs/validate
run alone status.lua 2 "$CONNECTIONS" status ""
echo "   load average after: $(loadavg)"

# Submissions paced below what the background work finishes, so the queue stays short.
SUBMIT_RATE="${SUBMIT_RATE:-$(echo "$DRAIN_PER_MIN * 0.8 / 60" | bc -l)}"
SUBMIT_PAUSE_MS="$(echo "1000 / $SUBMIT_RATE" | bc)"
echo "== mixed: all three at once, submissions paced at $(printf '%.2f' "$SUBMIT_RATE")/s (load average before: $(loadavg))"
before="$(grep -c 'SUCCEEDED' "$GATEWAY_LOG" || true)"
run mixed post.lua 1 "$CONNECTIONS" validate /api/v1/designs/validate & phase=($!)
run mixed status.lua 1 "$CONNECTIONS" status "" & phase+=($!)
run mixed post.lua 1 1 handoff-submit /api/v1/handoffs "$SUBMIT_PAUSE_MS" & phase+=($!)
sleep "$((SECONDS_PER_PHASE / 2))"; mid_load="$(loadavg)"
wait "${phase[@]}"
echo "   load average mid-phase: $mid_load"
t0=$SECONDS
until [ "$(open_handoffs)" = "0" ] || [ $((SECONDS - t0)) -ge 60 ]; do sleep 1; done
echo "   handoffs finished during and after the phase: $(( $(grep -c 'SUCCEEDED' "$GATEWAY_LOG") - before )), still open $((SECONDS - t0)) s after: $(open_handoffs)"

echo "== resources (CPU seconds since start, RSS at the end)"
for s in "${SERVICES[@]}"; do
  rss="$(awk '/VmRSS/ {print $2}' "/proc/${PID[$s]}/status")"
  printf '  %-18s cpu %6.1f s   rss %5d MiB\n' "$s" "$(echo "$(cpu_ms "${PID[$s]}") / 1000" | bc -l)" "$((rss / 1024))"
done
echo "logs: $DATA/logs"
