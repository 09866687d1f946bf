#!/usr/bin/env bash
# Fault injection on the production jars with PostgreSQL. The suite runs with two gateway replicas
# sharing one database; a client submits a batch of handoffs (the three example designs, each with a
# callbackUrl to a local signed-webhook receiver) to both replicas while this script, on a schedule
# aimed at work in flight:
#   - SIGKILLs and restarts layout-service, shielding-service and recipe-service, each while a
#     handoff is at that service's step;
#   - SIGKILLs and restarts gateway replica A (gateway), later replica B (gateway-2), each while it
#     holds a lease;
#   - cuts every PostgreSQL connection of the suite (pg_terminate_backend) repeatedly for a few
#     seconds, then refuses new connections (ALLOW_CONNECTIONS false) for 10 s and restores them.
# Then it checks that every accepted handoff SUCCEEDED exactly once with a correct bundle (manifest
# hashes, the handoff's own artefacts), that each service's database holds exactly one artefact per
# handoff (none lost, none duplicated), that every webhook arrived signed, and that all five
# processes are ready again. Prints "FAULTS: ..." with the counts.
#
# bin/shieldfab starts, kills and restarts the processes and holds the key. Own ports (FAULTS_PORT_BASE,
# default 9080: gateways 9080 and 9084, services 9081-9083, receiver 9099) and databases (FAULTS_DB_PREFIX,
# default faults_), dropped and created each run, so it never collides with the other tests; the
# PostgreSQL server itself is never stopped. Needs the production jars
# (./mvnw -B -DskipTests package -Dquarkus.profile=prod) and PostgreSQL at 127.0.0.1:5432.
# Usage: tests/e2e/faults-pg.sh [handoffs, default 24]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/shieldfab-faults.XXXXXX)"
BATCH="${1:-24}"
PORT_BASE="${FAULTS_PORT_BASE:-9080}"
PREFIX="${FAULTS_DB_PREFIX:-faults_}"
DBS=("${PREFIX}layout" "${PREFIX}shielding" "${PREFIX}recipe" "${PREFIX}gateway")
PROCESSES=(layout-service shielding-service recipe-service gateway gateway-2)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
CLIENT="$ROOT/tests/e2e/faults_client.py"
sf() { "$ROOT/bin/shieldfab" "$@" --data "$WORK/data"; }
declare -A PID
FAULTS=()
started=$SECONDS
log() { printf '[%3ds] %s\n' "$((SECONDS - started))" "$*"; }
cleanup() {
  for p in "${PID[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  allow_connections true 2>/dev/null || true
  sf down >/dev/null 2>&1 || true
}
trap cleanup EXIT
# A timeout's TERM ends the run through the EXIT trap, so nothing is left running.
trap 'exit 143' TERM INT

allow_connections() { # true|false
  for db in "${DBS[@]}"; do "${PSQL[@]}" -d test -c "ALTER DATABASE $db ALLOW_CONNECTIONS $1"; done
}
cut_connections() { # number of backends terminated
  "${PSQL[@]}" -d test -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
    WHERE datname IN ('${DBS[0]}', '${DBS[1]}', '${DBS[2]}', '${DBS[3]}')"
}
gw() { "${PSQL[@]}" -d "${PREFIX}gateway" -c "$1"; }

kill_restart() { # name what-it-hit: SIGKILL, then start again and wait until ready
  sf kill "$1" >/dev/null
  FAULTS+=("SIGKILL $1")
  log "SIGKILL $1 ($2)"
  sf restart "$1" >/dev/null
  log "$1 back"
}
wait_for() { # description seconds sql: waits until the query answers non-zero; false when it never did
  local until=$((SECONDS + $2))
  while [ $SECONDS -lt $until ]; do
    [ "$(gw "$3" 2>/dev/null || echo 0)" != "0" ] && return 0
    sleep 0.1
  done
  log "no $1 within $2 s"; return 1
}
replica() { sed -n 's/.*Handoff worker \(gw-[0-9a-f]*\) started.*/\1/p' "$WORK/data/logs/$1.log" | tail -n 1; }

# A short lease so that a killed replica's handoffs are taken over in seconds (production: 20 s), a
# short backoff ceiling so that the batch finishes within the CI budget, webhooks to the loopback
# receiver, and no rate limit in the way of the retries.
sf up --db pg --db-prefix "$PREFIX" --fresh-db --port-base "$PORT_BASE" --gateway-replicas 2 \
  --gateway-opt -Dshieldfab.handoff.lease=4s --gateway-opt -Dshieldfab.handoff.max-backoff=4s \
  --gateway-opt -Dshieldfab.webhook.allow-loopback=true --gateway-opt -Dshieldfab.webhook.initial-backoff=1s \
  --gateway-opt -Dshieldfab.rate-limit.requests-per-minute=100000 >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log"; exit 1; }
KEY="$(sf key)"
GATEWAYS="http://127.0.0.1:$(sf port gateway),http://127.0.0.1:$(sf port gateway-2)"
RECEIVER_PORT=$((PORT_BASE + 19))
log "suite up on PostgreSQL (databases ${PREFIX}*): gateways $GATEWAYS, services $(sf port layout-service)-$(sf port recipe-service)"

# The key's webhook secret: made by the gateway and shown once (docs/api-guide.md, "Webhook secrets"); both
# replicas sign with it, since it lives in their shared database.
SECRET="$(curl -fsS -X POST -H "X-API-Key: $KEY" "${GATEWAYS%%,*}/api/v1/webhook-secrets" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')"

python3 "$CLIENT" receive "$RECEIVER_PORT" "$SECRET" "$WORK/hooks.jsonl" & PID[receiver]=$!

# The batch arrives in six waves, one before each fault, so that every fault meets work in flight
# however slowly the machine restarts a service. A wave is a client submitting WAVE handoffs
# (the three example designs in turn) to both replicas, retrying through faults with the same key.
WAVE=$(( (BATCH + 5) / 6 ))
waves=0; SUBMITTERS=()
wave() {
  python3 "$CLIENT" submit "$WORK/accepted.jsonl" $((waves * WAVE)) "$WAVE" 0.3 \
    "$ROOT/examples/designs/wifi-fem-2g4.json" "$ROOT/examples/designs/mmwave-28g.yaml" "$ROOT/examples/designs/mcu-pillars.json" \
    --gateways "$GATEWAYS" --key "$KEY" --hook "http://127.0.0.1:$RECEIVER_PORT/hook" --run "$$" \
    >"$WORK/submit-$waves.out" 2>"$WORK/submit-$waves.err" &
  SUBMITTERS+=($!); PID[submit-$waves]=$!; waves=$((waves + 1))
}
# Each fault waits (bounded) for a handoff at the step it hits; "in flight" counts what it hit.
missed=0
aim() { # description sql: waits for work in flight; AIMED says how much there is
  local n; n="0"
  wait_for "$1" 60 "$2" && n="$(gw "$2")"
  if [ "$n" = "0" ]; then missed=$((missed + 1)); fi
  AIMED="$1: $n in flight"
}
running="status = 'RUNNING' AND lease_owner IS NOT NULL"

wave
aim "handoffs at the layout step" "SELECT count(*) FROM handoff WHERE $running AND layout_id IS NULL"
kill_restart layout-service "$AIMED"
# Gateway A goes while its wave is still being submitted: the client's retries meet it down.
wave
A="$(replica gateway)"
aim "leases held by A" "SELECT count(*) FROM handoff WHERE lease_owner = '$A' AND status = 'RUNNING'"
kill_restart gateway "$AIMED"
wave
aim "handoffs past layout without a report" \
  "SELECT count(*) FROM handoff WHERE $running AND layout_id IS NOT NULL AND report_id IS NULL"
kill_restart shielding-service "$AIMED"
wave
aim "handoffs past layout without a recipe" \
  "SELECT count(*) FROM handoff WHERE $running AND layout_id IS NOT NULL AND recipe_id IS NULL"
kill_restart recipe-service "$AIMED"

wave
aim "handoffs running" "SELECT count(*) FROM handoff WHERE $running"
log "PostgreSQL faults ($AIMED)"
cut_total=0
for _ in $(seq 1 10); do cut_total=$((cut_total + $(cut_connections))); sleep 0.5; done
FAULTS+=("PostgreSQL connections cut x10 ($cut_total backends)")
log "PostgreSQL: terminated $cut_total backends over 5 s"
allow_connections false
blocked="$(cut_connections)"
log "PostgreSQL: new connections refused for 10 s ($blocked backends terminated)"
sleep 10
allow_connections true
FAULTS+=("PostgreSQL connections refused 10 s")
log "PostgreSQL: connections allowed again"

wave
B="$(replica gateway-2)"
aim "leases held by B" "SELECT count(*) FROM handoff WHERE lease_owner = '$B' AND status = 'RUNNING'"
kill_restart gateway-2 "$AIMED"

for p in "${SUBMITTERS[@]}"; do wait "$p" || true; done
cat "$WORK"/submit-*.err >&2
accepted="$(cat "$WORK"/submit-*.out | sed -n 's/^accepted=//p' | awk '{ n += $1 } END { print n }')"
tried="$(cat "$WORK"/submit-*.out | sed -n 's/^requests_tried=//p' | awk '{ n += $1 } END { print n }')"
BATCH=$((waves * WAVE))
log "submitters done: $accepted of $BATCH accepted after $tried requests; $missed fault(s) found no work in flight"

# Bounded wait: every accepted handoff finished and its webhook delivered.
until=$((SECONDS + 300))
while :; do
  open="$(gw "SELECT count(*) FROM handoff WHERE status IN ('QUEUED','RUNNING') OR webhook_state = 'PENDING'")"
  [ "$open" = "0" ] && break
  if [ $SECONDS -ge $until ]; then
    log "still $open handoff(s) open after 300 s"
    gw "SELECT id, status, attempts, last_error FROM handoff WHERE status IN ('QUEUED','RUNNING') OR webhook_state = 'PENDING' LIMIT 5"
    break
  fi
  sleep 1
done
log "batch finished"

passed=0; failed=0
expect() { # description actual expected
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "  ok   $1 = $2"
  else failed=$((failed + 1)); echo "  FAIL $1 = $2, expected $3"; fi
}
expect "handoffs accepted" "$accepted" "$BATCH"
expect "handoff rows (one per accepted submission)" "$(gw "SELECT count(*) FROM handoff")" "$accepted"
expect "handoffs SUCCEEDED" "$(gw "SELECT count(*) FROM handoff WHERE status = 'SUCCEEDED'")" "$accepted"
expect "bundles stored" "$(gw "SELECT count(*) FROM handoff_bundle")" "$accepted"
expect "webhooks DELIVERED" "$(gw "SELECT count(*) FROM handoff WHERE webhook_state = 'DELIVERED'")" "$accepted"
layouts="$("${PSQL[@]}" -d "${PREFIX}layout" -c "SELECT count(*) FROM layout")"
reports="$("${PSQL[@]}" -d "${PREFIX}shielding" -c "SELECT count(*) FROM evaluation")"
recipes="$("${PSQL[@]}" -d "${PREFIX}recipe" -c "SELECT count(*) FROM recipe")"
expect "layouts in layout-service's database" "$layouts" "$accepted"
expect "evaluations in shielding-service's database" "$reports" "$accepted"
expect "recipes in recipe-service's database" "$recipes" "$accepted"
for s in "${PROCESSES[@]}"; do
  expect "$s ready after the faults" "$(curl -fsS -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(sf port "$s")/q/health/ready" || true)" "200"
done
python3 "$CLIENT" verify "$WORK/accepted.jsonl" "$WORK/hooks.jsonl" "$WORK" --gateways "$GATEWAYS" --key "$KEY" | tee "$WORK/verify.out"
verified="$(sed -n 's/^verified=//p' "$WORK/verify.out")"
expect "bundles verified (hashes, files, the handoff's own artefacts)" "$verified" "$accepted"
expect "problems the client found" "$(sed -n 's/^problems=//p' "$WORK/verify.out")" "0"

# production logs (docs/operations.md, "Logs"): JSON lines, the handoff's carrying its id and trace id, no API key
json_log="$(python3 - "$WORK/data/logs/gateway.log" "$KEY" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace") if l.startswith("{")]
records = [json.loads(l) for l in lines]
traced = [r for r in records if r.get("mdc", {}).get("handoffId") and len(r["mdc"].get("traceId", "")) == 32]
print("yes" if traced and not any(sys.argv[2] in l for l in lines) else f"no ({len(records)} JSON lines, {len(traced)} with handoffId and traceId)")
PY
)"
expect "gateway log: JSON lines with handoffId and traceId, no key" "$json_log" "yes"

lost=$(( accepted - $(gw "SELECT count(*) FROM handoff WHERE status = 'SUCCEEDED'") ))
duplicates=0
for n in "$layouts" "$reports" "$recipes"; do [ "$n" -gt "$accepted" ] && duplicates=$((duplicates + n - accepted)); done
echo "faults: $passed passed, $failed failed (logs in $WORK/data/logs)"
fault_list="$(IFS=';'; echo "${FAULTS[*]}")"
echo "FAULTS: $accepted handoffs accepted, $verified verified, ${#FAULTS[@]} faults injected ($fault_list; $missed found no work in flight), $tried requests tried, $lost lost, $duplicates duplicates"
[ "$failed" -eq 0 ]
