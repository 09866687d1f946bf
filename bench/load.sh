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
# Environment: WARMUP (handoffs drained before the measured drain, default 4000: with four JVMs on two cores the JIT
# compilers are still busy after 1,000; the drain prints their share), BENCH_JFR (a folder: JFR recordings and their
# summary), BENCH_NMT (1: native memory tracking, summarised at the end), GATEWAY_REPLICAS (pg: gateways working the
# queue, default 1), RECIPE_REPLICAS (pg: recipe-services the gateways' recipe calls take in turn, default 1),
# SUBMIT_RATE (paced phases).
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
# GATEWAY_REPLICAS=N (PostgreSQL only: the replicas share its database): N gateways work the queue; submissions go to
# the first, and each replica's CPU is counted.
REPLICAS="${GATEWAY_REPLICAS:-1}"
for ((k = 2; k <= REPLICAS; k++)); do SERVICES+=("gateway-$k"); done
RECIPE_REPLICAS="${RECIPE_REPLICAS:-1}"
for ((k = 2; k <= RECIPE_REPLICAS; k++)); do SERVICES+=("recipe-service-$k"); done
trap 'sf down >/dev/null 2>&1 || true' EXIT

case "$MODE" in
  h2) up=(--db h2) ;;
  pg) up=(--db pg --db-prefix "${BENCH_DB_PREFIX:-bench_}" --fresh-db) ;;
  *) echo "mode is h2 or pg" >&2; exit 2 ;;
esac
for opt in ${GATEWAY_OPTS:-}; do up+=(--gateway-opt "$opt"); done
[ "$REPLICAS" -eq 1 ] || up+=(--gateway-replicas "$REPLICAS")
[ "$RECIPE_REPLICAS" -eq 1 ] || up+=(--recipe-replicas "$RECIPE_REPLICAS")
# With BENCH_JFR (below), stacks deep enough to reach the ShieldFab frame under a Hibernate or Vert.x call.
[ -z "${BENCH_JFR:-}" ] || export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -XX:FlightRecorderOptions=stackdepth=256"
# BENCH_NMT=1: native memory tracking in every service, its summary printed at the end (where the RSS goes).
[ -z "${BENCH_NMT:-}" ] || export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -XX:NativeMemoryTracking=summary"
# The per-key rate limit (600/min by default) and open-handoff cap (100 per key) would turn the load into 429s;
# lifted for this run.
up+=(--gateway-opt -Dshieldfab.handoff.max-open-per-key=100000)
SHIELDFAB_RATE_LIMIT_PER_MINUTE=10000000 sf up "${up[@]}" --port-base "${BENCH_PORT_BASE:-9280}" \
  >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; exit 1; }
KEY="$(sf key)"; export KEY
GATEWAY="http://127.0.0.1:$(sf port gateway)"
declare -A PID
for s in "${SERVICES[@]}"; do PID[$s]="$(sf pid "$s")"; done
GATEWAY_LOG="$DATA/logs/gateway.log"; GATEWAY_LOGS="$GATEWAY_LOG"
for ((k = 2; k <= REPLICAS; k++)); do GATEWAY_LOGS+=" $DATA/logs/gateway-$k.log"; done
export GATEWAY GATEWAY_LOG GATEWAY_LOGS
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

# BENCH_JFR=<folder>: a JFR recording (settings=profile) of each service, started before the warm-up (starting
# it instruments the JDK's event classes, and the recompilation that follows must not fall into the measured
# drain); bench/jfr_summary.py summarises the drain's part of it (docs/benchmarks.md, "Where the CPU goes").
if [ -n "${BENCH_JFR:-}" ]; then
  mkdir -p "$BENCH_JFR"
  for s in "${SERVICES[@]}"; do jcmd "${PID[$s]}" JFR.start name=bench settings=profile >/dev/null; done
fi

# A warm-up drain first (not measured): the figures below are those of a JIT-compiled suite, as in service.
WARMUP="${WARMUP:-4000}"
if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: $WARMUP handoffs, not measured (load average before: $(loadavg))"
  # in rounds of at most 800, under the gateway's cap on open handoffs (1,000)
  for ((left = WARMUP; left > 0; left -= 800)); do
    python3 bench/handoffs.py drain "$((left < 800 ? left : 800))" | sed 's/^RESULT /  /'
  done
fi
HANDOFF="$(submit_one)"; export HANDOFF
until [ "$(open_handoffs)" = "0" ]; do sleep 0.2; done

echo "== drain: $DRAIN handoffs submitted at once over 4 keep-alive connections; rate and latency from the handoffs' own createdAt/finishedAt (load average before: $(loadavg))"
cpu_ms() { echo "$(awk '{print $14 + $15}' "/proc/$1/stat") * 1000 / $(getconf CLK_TCK)" | bc; }
drain_from="$(date +%s.%N)"
# On PostgreSQL the database server's CPU (every postgres process, on the same cores) is part of a handoff's cost.
pg_cpu_ms() { local t=0 p; for p in $(pgrep -x postgres); do t=$((t + $(cpu_ms "$p" 2>/dev/null || echo 0))); done; echo "$t"; }
[ "$MODE" = pg ] && PG0="$(pg_cpu_ms)"
# The JIT compiler threads' own CPU (C1/C2 CompilerThread: with two cores there is one of each, never retired), so
# that compilation still under way in the measured drain shows apart from the handoffs' steady cost.
jit_ms() {
  local t=0 task; for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*)
      t=$((t + $(awk '{print $14 + $15}' "$task/stat") * 1000 / $(getconf CLK_TCK))) ;; esac
  done; echo "$t"
}
declare -A CPU0 JIT0; for s in "${SERVICES[@]}"; do CPU0[$s]="$(cpu_ms "${PID[$s]}")"; JIT0[$s]="$(jit_ms "${PID[$s]}")"; done
drained="$(python3 bench/handoffs.py drain "$DRAIN")"
SUBMITTED="$(sed -n 's/.*submitted=\([0-9]*\).*/\1/p' <<<"$drained")"
declare -A CPU1 JIT1; for s in "${SERVICES[@]}"; do CPU1[$s]="$(cpu_ms "${PID[$s]}")"; JIT1[$s]="$(jit_ms "${PID[$s]}")"; done
drain_to="$(date +%s.%N)"
[ "$MODE" = pg ] && PG1="$(pg_cpu_ms)"
if [ -n "${BENCH_JFR:-}" ]; then
  for s in "${SERVICES[@]}"; do jcmd "${PID[$s]}" JFR.stop name=bench filename="$BENCH_JFR/$s.jfr" >/dev/null; done
fi
echo "  ${drained#RESULT } (load average after: $(loadavg))"
DRAIN_PER_MIN="$(sed -n 's/.* per_min=\([0-9.]*\).*/\1/p' <<<"$drained")"
total=0; printf '  CPU per handoff:'
for s in "${SERVICES[@]}"; do
  ms=$(( (CPU1[$s] - CPU0[$s]) / SUBMITTED )); total=$((total + ms)); printf ' %s %d ms' "$s" "$ms"
done; echo " (all: $total ms)"
jit=0; printf '  of it the JIT compiler threads:'
for s in "${SERVICES[@]}"; do
  ms=$(( (JIT1[$s] - JIT0[$s]) / SUBMITTED )); jit=$((jit + ms)); printf ' %s %d ms' "$s" "$ms"
done; echo " (all: $jit ms; near 0 when the warm-up left the code compiled)"
[ "$MODE" = pg ] && echo "  PostgreSQL server CPU per handoff: $(( (PG1 - PG0) / SUBMITTED )) ms"
python3 - "$DRAIN" $GATEWAY_LOGS <<'EOF'
import re, statistics, sys
text = "".join(open(path).read() for path in sys.argv[2:])
rows = [tuple(map(int, m.groups())) for m in re.finditer(
    r"SUCCEEDED \(verdict \w+\) in (\d+) ms: layout (\d+) ms, shielding\+recipe (\d+) ms, bundle files (\d+) ms, store (\d+) ms",
    text)][-int(sys.argv[1]):]
if rows:
    names = ["total", "layout", "shielding+recipe", "bundle files", "store"]
    print("  median per handoff, from the start of its attempt: " + ", ".join(f"{n} {statistics.median(c):.0f} ms" for n, c in zip(names, zip(*rows))))
EOF
if [ -n "${BENCH_JFR:-}" ]; then
  for s in "${SERVICES[@]}"; do python3 bench/jfr_summary.py "$BENCH_JFR/$s.jfr" "$s" "$drain_from" "$drain_to"; done
fi

# Handoffs alone at 80 % of the drain rate: the latency a submitter sees when the suite is busy but keeps up.
SUBMIT_RATE="${SUBMIT_RATE:-$(echo "$DRAIN_PER_MIN * 0.8 / 60" | bc -l)}"
echo "== paced: handoffs only, $(printf '%.2f' "$SUBMIT_RATE")/s for ${SECONDS_PER_PHASE}s (80 % of the drain rate; load average before: $(loadavg))"
paced="$(python3 bench/handoffs.py paced "$SUBMIT_RATE" "$SECONDS_PER_PHASE")"
echo "  ${paced#RESULT } (load average after: $(loadavg))"

run() { # phase script threads connections label endpoint [pause between requests of a connection, ms]
  LABEL="$5" ENDPOINT="$6" PAUSE_MS="${7:-0}" wrk -t"$3" -c"$4" -d"${SECONDS_PER_PHASE}s" --latency -s "bench/$2" "$GATEWAY" \
    | grep '^RESULT' | sed "s/^RESULT /$1: /"
}
echo "== one endpoint at a time (${SECONDS_PER_PHASE}s each, $CONNECTIONS connections; load average before: $(loadavg))"
run alone post.lua 2 "$CONNECTIONS" validate /api/v1/designs/validate
run alone status.lua 2 "$CONNECTIONS" status ""
echo "   load average after: $(loadavg)"

echo "== mixed: validation and status reads as fast as wrk goes, handoffs paced at $(printf '%.2f' "$SUBMIT_RATE")/s (load average before: $(loadavg))"
run mixed post.lua 1 "$CONNECTIONS" validate /api/v1/designs/validate & phase=($!)
run mixed status.lua 1 "$CONNECTIONS" status "" & phase+=($!)
python3 bench/handoffs.py paced "$SUBMIT_RATE" "$SECONDS_PER_PHASE" | sed 's/^RESULT /mixed: handoffs /' & phase+=($!)
sleep "$((SECONDS_PER_PHASE / 2))"; mid_load="$(loadavg)"
wait "${phase[@]}"
echo "   load average mid-phase: $mid_load"

echo "== resources (CPU seconds since start, RSS at the end and its peak)"
rss_total=0; peak_total=0
for s in "${SERVICES[@]}"; do
  rss="$(awk '/VmRSS/ {print $2}' "/proc/${PID[$s]}/status")"
  peak="$(awk '/VmHWM/ {print $2}' "/proc/${PID[$s]}/status")"; rss_total=$((rss_total + rss)); peak_total=$((peak_total + peak))
  printf '  %-18s cpu %6.1f s   rss %5d MiB (peak %d MiB)\n' "$s" "$(echo "$(cpu_ms "${PID[$s]}") / 1000" | bc -l)" "$((rss / 1024))" "$((peak / 1024))"
done
echo "  all: rss $((rss_total / 1024)) MiB, peak $((peak_total / 1024)) MiB"
if [ -n "${BENCH_NMT:-}" ]; then
  for s in "${SERVICES[@]}"; do
    echo "  $s, committed (native memory tracking, MiB):"
    jcmd "${PID[$s]}" VM.native_memory summary scale=MB | sed -n 's/^-  *\([A-Za-z ]*\) (reserved=[0-9]*MB, committed=\([0-9]*\)MB).*/    \1 \2/p' | paste -sd';'
  done
fi
echo "logs: $DATA/logs"
