#!/usr/bin/env bash
# Two gateway replicas on one PostgreSQL database work a batch of handoffs; one replica is killed
# (SIGKILL) mid-batch. Every handoff must end SUCCEEDED exactly once, with exactly one layout,
# one shielding report and one recipe each (counted in the services' own databases), and the
# killed replica must come back without redoing anything. Needs the production jars
# (./mvnw -B -DskipTests package -Dquarkus.profile=prod) and PostgreSQL at 127.0.0.1:5432.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/shieldfab-2gw.XXXXXX)"
BATCH="${BATCH:-12}"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
KEY="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

for db in shieldfab_layout shieldfab_shielding shieldfab_recipe shieldfab_gateway; do
  "${PSQL[@]}" -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done

start() { # name port database [extra java args...]
  local name="$1" port="$2" db="$3"; shift 3
  local module="$name"; case "$name" in gateway-*) module=gateway ;; esac
  SHIELDFAB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SHIELDFAB_DB_USER=postgres SHIELDFAB_DB_PASSWORD=unused-trust-auth \
  SHIELDFAB_API_KEYS="$KEY" \
    java -Xmx384m -XX:+UseSerialGC -Dquarkus.http.port="$port" "$@" \
      -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!); echo $! > "$WORK/$name.pid"
}
wait_healthy() { # port
  for _ in $(seq 1 120); do curl -fsS -m 2 "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "service on port $1 not healthy"; tail -n 40 "$WORK"/*.log; return 1
}

start layout-service 8081 shieldfab_layout
start shielding-service 8082 shieldfab_shielding
start recipe-service 8083 shieldfab_recipe
LEASE=(-Dshieldfab.handoff.lease=4s -Dshieldfab.handoff.poll-interval=200ms)
start gateway-a 8080 shieldfab_gateway "${LEASE[@]}"
start gateway-b 8090 shieldfab_gateway "${LEASE[@]}"
for port in 8081 8082 8083 8080 8090; do wait_healthy "$port"; done
echo "suite up on PostgreSQL with two gateways (8080, 8090)"

ids=()
for i in $(seq 1 "$BATCH"); do
  port=$(( i % 2 == 0 ? 8080 : 8090 ))
  body="$(sed "s/\"name\": \"wifi-fem-4x6\"/\"name\": \"wifi-fem-4x6-$i\"/" "$ROOT/examples/designs/wifi-fem-2g4.json")"
  id="$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/handoffs" -H "X-API-Key: $KEY" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: batch-$i" --data-binary "$body" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  ids+=("$id")
done
echo "accepted ${#ids[@]} handoffs"
sleep 1
kill -9 "$(cat "$WORK/gateway-a.pid")"
echo "killed gateway A (SIGKILL) mid-batch"

deadline=$((SECONDS + 240))
while :; do
  done_count="$("${PSQL[@]}" -d shieldfab_gateway -c "SELECT count(*) FROM handoff WHERE status IN ('SUCCEEDED','FAILED')")"
  [ "$done_count" -ge "$BATCH" ] && break
  [ $SECONDS -lt $deadline ] || { echo "only $done_count of $BATCH finished"; tail -n 30 "$WORK/gateway-b.log"; exit 1; }
  sleep 1
done

# The killed replica comes back: it must find nothing left to do.
start gateway-a 8080 shieldfab_gateway "${LEASE[@]}"
wait_healthy 8080
sleep 3

passed=0; failed=0
expect() { # description actual expected
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "  ok   $1 = $2"; else failed=$((failed + 1)); echo "  FAIL $1 = $2, expected $3"; fi
}
expect "handoffs SUCCEEDED" "$("${PSQL[@]}" -d shieldfab_gateway -c "SELECT count(*) FROM handoff WHERE status='SUCCEEDED'")" "$BATCH"
expect "handoffs with all three artefacts" "$("${PSQL[@]}" -d shieldfab_gateway -c "SELECT count(*) FROM handoff WHERE layout_id IS NOT NULL AND report_id IS NOT NULL AND recipe_id IS NOT NULL")" "$BATCH"
expect "bundles" "$("${PSQL[@]}" -d shieldfab_gateway -c "SELECT count(*) FROM handoff_bundle")" "$BATCH"
expect "layouts made" "$("${PSQL[@]}" -d shieldfab_layout -c "SELECT count(*) FROM layout")" "$BATCH"
expect "shielding reports made" "$("${PSQL[@]}" -d shieldfab_shielding -c "SELECT count(*) FROM evaluation")" "$BATCH"
expect "recipes made" "$("${PSQL[@]}" -d shieldfab_recipe -c "SELECT count(*) FROM recipe")" "$BATCH"
expect "distinct layouts referenced" "$("${PSQL[@]}" -d shieldfab_gateway -c "SELECT count(DISTINCT layout_id) FROM handoff")" "$BATCH"
for id in "${ids[@]:0:2}"; do
  curl -fsS -H "X-API-Key: $KEY" "http://127.0.0.1:8080/api/v1/handoffs/$id/bundle" -o "$WORK/$id.zip"
  if python3 "$ROOT/tests/e2e/verify_bundle.py" "$WORK/$id.zip" >/dev/null; then passed=$((passed + 1)); echo "  ok   bundle $id verifies";
  else failed=$((failed + 1)); echo "  FAIL bundle $id"; fi
done
takeovers="$(grep -c "SUCCEEDED" "$WORK/gateway-b.log" || true)"
echo "  gateway B finished $takeovers handoff(s), faults injected: 1 SIGKILL"
echo "two-gateways: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
