#!/usr/bin/env bash
# Fault injection on the production jars with PostgreSQL (issue 9, part 2). The suite runs with two
# gateway replicas sharing one database; a client submits a batch of handoffs (the three example
# designs, each with a callbackUrl to a local signed-webhook receiver) to both replicas while this
# script, on a schedule aimed at work in flight:
#   - SIGKILLs and restarts layout-service, shielding-service and recipe-service, each while a
#     handoff is at that service's step;
#   - SIGKILLs and restarts gateway replica A, later replica B, each while it holds a lease;
#   - cuts every PostgreSQL connection of the suite (pg_terminate_backend) repeatedly for a few
#     seconds, then refuses new connections (ALLOW_CONNECTIONS false) for 10 s and restores them.
# Then it checks that every accepted handoff SUCCEEDED exactly once with a correct bundle (manifest
# hashes, the handoff's own artefacts), that each service's database holds exactly one artefact per
# handoff (none lost, none duplicated), that every webhook arrived signed, and that all five
# processes are ready again. Prints "FAULTS: ..." with the counts.
#
# Own ports (9080/9090 gateways, 9081-9083 services, 9099 receiver) and databases (faults_*), so it
# never collides with the other tests. The PostgreSQL server itself is never stopped. Needs the
# production jars (./mvnw -B -DskipTests package -Dquarkus.profile=prod) and PostgreSQL at
# 127.0.0.1:5432. Usage: tests/e2e/faults-pg.sh [handoffs, default 24]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/shieldfab-faults.XXXXXX)"
BATCH="${1:-24}"
DBS=(faults_layout faults_shielding faults_recipe faults_gateway)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
KEY="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
# Encrypts the webhook secrets in the gateway database; the secret itself is made by the gateway below.
ENC_KEY="$(head -c 32 /dev/urandom | base64)"
CLIENT="$ROOT/tests/e2e/faults_client.py"
GATEWAYS="http://127.0.0.1:9080,http://127.0.0.1:9090"
declare -A PID
FAULTS=()
started=$SECONDS
log() { printf '[%3ds] %s\n' "$((SECONDS - started))" "$*"; }
cleanup() {
  for p in "${PID[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  allow_connections true 2>/dev/null || true
}
trap cleanup EXIT

allow_connections() { # true|false
  for db in "${DBS[@]}"; do "${PSQL[@]}" -d test -c "ALTER DATABASE $db ALLOW_CONNECTIONS $1"; done
}
cut_connections() { # number of backends terminated
  "${PSQL[@]}" -d test -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname LIKE 'faults\_%'"
}
gw() { "${PSQL[@]}" -d faults_gateway -c "$1"; }

for db in "${DBS[@]}"; do
  "${PSQL[@]}" -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done

start() { # name
  local name="$1" module port db extra=()
  case "$name" in
    layout-service) module=$name port=9081 db=faults_layout ;;
    shielding-service) module=$name port=9082 db=faults_shielding ;;
    recipe-service) module=$name port=9083 db=faults_recipe ;;
    gateway-a|gateway-b)
      module=gateway db=faults_gateway port=$([ "$name" = gateway-a ] && echo 9080 || echo 9090)
      # A short lease so that a killed replica's handoffs are taken over in seconds (production: 20 s),
      # and a short backoff ceiling so that the batch finishes within the CI budget.
      extra=(-Dshieldfab.handoff.lease=4s -Dshieldfab.handoff.max-backoff=4s -Dshieldfab.webhook.allow-loopback=true
             -Dshieldfab.webhook.initial-backoff=1s -Dshieldfab.rate-limit.requests-per-minute=100000) ;;
  esac
  SHIELDFAB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SHIELDFAB_DB_USER=postgres SHIELDFAB_DB_PASSWORD=unused-trust-auth \
  SHIELDFAB_API_KEYS="$KEY" SHIELDFAB_WEBHOOK_ENCRYPTION_KEY="$ENC_KEY" SHIELDFAB_LAYOUT_URL=http://127.0.0.1:9081 \
  SHIELDFAB_SHIELDING_URL=http://127.0.0.1:9082 SHIELDFAB_RECIPE_URL=http://127.0.0.1:9083 \
    java -Xmx384m -XX:+UseSerialGC -Dquarkus.http.port="$port" "${extra[@]}" \
      -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >>"$WORK/$name.log" 2>&1 &
  PID[$name]=$!
  echo "$port" > "$WORK/$name.port"
}
wait_ready() { # name
  local port; port="$(cat "$WORK/$1.port")"
  for _ in $(seq 1 120); do curl -fsS -m 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  log "$1 (port $port) not ready"; tail -n 40 "$WORK/$1.log"; return 1
}
kill_restart() { # name: SIGKILL, then start again and wait until ready
  kill -9 "${PID[$1]}"; wait "${PID[$1]}" 2>/dev/null || true
  FAULTS+=("SIGKILL $1")
  log "SIGKILL $1 ($2)"
  start "$1"; wait_ready "$1"; log "$1 back"
}
wait_for() { # description seconds sql: waits until the query answers non-zero; false when it never did
  local until=$((SECONDS + $2))
  while [ $SECONDS -lt $until ]; do
    [ "$(gw "$3" 2>/dev/null || echo 0)" != "0" ] && return 0
    sleep 0.1
  done
  log "no $1 within $2 s"; return 1
}
replica() { sed -n 's/.*Handoff worker \(gw-[0-9a-f]*\) started.*/\1/p' "$WORK/$1.log" | tail -n 1; }

for s in layout-service shielding-service recipe-service gateway-a gateway-b; do start "$s"; done
for s in layout-service shielding-service recipe-service gateway-a gateway-b; do wait_ready "$s"; done
log "suite up on PostgreSQL: gateways 9080 and 9090, services 9081-9083"

# The key's webhook secret: made by the gateway and shown once (docs/api-guide.md, "Webhook secrets"); both
# replicas sign with it, since it lives in their shared database.
SECRET="$(curl -fsS -X POST -H "X-API-Key: $KEY" http://127.0.0.1:9080/api/v1/webhook-secrets \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')"

python3 "$CLIENT" receive 9099 "$SECRET" "$WORK/hooks.jsonl" & PID[receiver]=$!

# The batch arrives in six waves, one before each fault, so that every fault meets work in flight
# however slowly the machine restarts a service. A wave is a client submitting WAVE handoffs
# (the three example designs in turn) to both replicas, retrying through faults with the same key.
WAVE=$(( (BATCH + 5) / 6 ))
waves=0; SUBMITTERS=()
wave() {
  python3 "$CLIENT" submit "$WORK/accepted.jsonl" $((waves * WAVE)) "$WAVE" 0.3 \
    "$ROOT/examples/designs/wifi-fem-2g4.json" "$ROOT/examples/designs/mmwave-28g.yaml" "$ROOT/examples/designs/mcu-pillars.json" \
    --gateways "$GATEWAYS" --key "$KEY" --hook http://127.0.0.1:9099/hook --run "$$" \
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
A="$(replica gateway-a)"
aim "leases held by A" "SELECT count(*) FROM handoff WHERE lease_owner = '$A' AND status = 'RUNNING'"
kill_restart gateway-a "$AIMED"
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
B="$(replica gateway-b)"
aim "leases held by B" "SELECT count(*) FROM handoff WHERE lease_owner = '$B' AND status = 'RUNNING'"
kill_restart gateway-b "$AIMED"

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
layouts="$("${PSQL[@]}" -d faults_layout -c "SELECT count(*) FROM layout")"
reports="$("${PSQL[@]}" -d faults_shielding -c "SELECT count(*) FROM evaluation")"
recipes="$("${PSQL[@]}" -d faults_recipe -c "SELECT count(*) FROM recipe")"
expect "layouts in layout-service's database" "$layouts" "$accepted"
expect "evaluations in shielding-service's database" "$reports" "$accepted"
expect "recipes in recipe-service's database" "$recipes" "$accepted"
for s in layout-service shielding-service recipe-service gateway-a gateway-b; do
  expect "$s ready after the faults" "$(curl -fsS -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(cat "$WORK/$s.port")/q/health/ready" || true)" "200"
done
python3 "$CLIENT" verify "$WORK/accepted.jsonl" "$WORK/hooks.jsonl" "$WORK" --gateways "$GATEWAYS" --key "$KEY" | tee "$WORK/verify.out"
verified="$(sed -n 's/^verified=//p' "$WORK/verify.out")"
expect "bundles verified (hashes, files, the handoff's own artefacts)" "$verified" "$accepted"
expect "problems found by the client" "$(sed -n 's/^problems=//p' "$WORK/verify.out")" "0"

lost=$(( accepted - $(gw "SELECT count(*) FROM handoff WHERE status = 'SUCCEEDED'") ))
duplicates=0
for n in "$layouts" "$reports" "$recipes"; do [ "$n" -gt "$accepted" ] && duplicates=$((duplicates + n - accepted)); done
echo "faults: $passed passed, $failed failed (logs in $WORK)"
fault_list="$(IFS=';'; echo "${FAULTS[*]}")"
echo "FAULTS: $accepted handoffs accepted, $verified verified, ${#FAULTS[@]} faults injected ($fault_list; $missed found no work in flight), $tried requests tried, $lost lost, $duplicates duplicates"
[ "$failed" -eq 0 ]
