#!/usr/bin/env bash
# Shows that check.sh catches mistakes: copies k8s/ and the services' application.properties to a
# temporary folder, confirms the copy passes, then makes one mistake at a time and asserts that the
# check FAILS with the expected message. Exit 0 when the clean copy passed and every mistake failed.
#
#   k8s/check/selftest.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
k8s="$(dirname "$here")"
root="$(dirname "$k8s")"
services=(gateway layout-service shielding-service recipe-service)

python=""
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then python="$p"; break; fi
done
[[ -n "$python" ]] || { echo "selftest: no python3 with PyYAML" >&2; exit 2; }

# promtool once for every case (check.sh would otherwise look for it, or install it, in each copy).
# shellcheck source=promtool.sh
source "$here/promtool.sh"
find_promtool
export SHIELDFAB_PROMTOOL="${promtool:-none}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# copy DIR: a copy of k8s/, the four application.properties and FullwaveJobSpec.java under DIR.
copy() {
  mkdir -p "$1"
  cp -r "$k8s" "$1/k8s"
  for s in "${services[@]}"; do
    mkdir -p "$1/$s/src/main/resources"
    cp "$root/$s/src/main/resources/application.properties" "$1/$s/src/main/resources/"
  done
  # the labels of the verification Jobs' pods (check_fullwave.py reads them from the service's source)
  local spec=shielding-service/src/main/java/io/shieldfab/shielding/client/FullwaveJobSpec.java
  mkdir -p "$1/$(dirname "$spec")" && cp "$root/$spec" "$1/$spec"
}

# edit DIR FILE OLD NEW: replace exactly one occurrence of OLD (a Python regex) with NEW in DIR/FILE.
edit() {
  "$python" - "$1/$2" "$3" "$4" <<'PY'
import re, sys
path, old, new = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
changed, n = re.subn(old, new, text, count=1, flags=re.M)
if n != 1:
    sys.exit(f"selftest: mutation did not apply: /{old}/ not found in {path}")
open(path, "w", encoding="utf-8").write(changed)
PY
}

# Each case runs in its own copy, up to four at a time; results are printed in order.
cases=0
run_case() { # N DESCRIPTION EXPECTED OVERLAY [FILE OLD NEW]
  local what="$2" expected="$3" overlay="$4" dir="$tmp/$1"
  copy "$dir"
  if [[ -z "$expected" ]]; then
    if "$dir/k8s/check/check.sh" >"$dir/out" 2>&1; then
      echo "ok   the unmodified manifests pass"
    else
      echo "FAIL the unmodified manifests do not pass:"; cat "$dir/out"
    fi
    return
  fi
  if ! edit "$dir" "$5" "$6" "$7" 2>"$dir/out"; then
    echo "FAIL $what: $(cat "$dir/out")"
  elif "$dir/k8s/check/check.sh" "$overlay" >"$dir/out" 2>&1; then
    echo "FAIL not caught: $what"
  elif grep -qF -- "$expected" "$dir/out"; then
    echo "ok   caught: $what -> $(grep -F -m1 -- "$expected" "$dir/out")"
  else
    echo "FAIL $what: the check failed, but without \"$expected\":"; cat "$dir/out"
  fi
}
start_case() {
  while [[ $(jobs -rp | wc -l) -ge 4 ]]; do wait -n || true; done
  run_case "$cases" "$@" >"$tmp/result.$cases" &
  cases=$((cases + 1))
}
expect_pass() { start_case "unmodified" "" ""; }
# mistake DESCRIPTION EXPECTED-MESSAGE OVERLAY FILE OLD NEW
mistake() { start_case "$@"; }

expect_pass
mistake "a broken liveness probe path" \
  "livenessProbe path is '/q/health/lve'" dev \
  k8s/base/gateway/deployment.yaml 'path: /q/health/live' 'path: /q/health/lve'
mistake "a missing memory limit" \
  "resources.limits.memory is missing" dev \
  k8s/base/layout-service/deployment.yaml '(limits:\n\s+cpu: "1"\n)\s+memory: 1Gi\n' '\1'
mistake "a memory request above its limit in the prod patch" \
  "memory request 4Gi is above its limit 2Gi" prod \
  k8s/overlays/prod/deployments.yaml 'memory: 1Gi(\n\s+limits:\n\s+cpu: "2"\n\s+memory: 2Gi)' 'memory: 4Gi\1'
mistake "a readiness probe on a port the container does not declare" \
  "readinessProbe port '9999' is not a containerPort" dev \
  k8s/base/recipe-service/deployment.yaml '(/q/health/ready\n\s+port: )http' '\g<1>9999'
mistake "a containerPort that is not the application's quarkus.http.port" \
  "containerPort 8092 differs from quarkus.http.port 8082" dev \
  k8s/base/shielding-service/deployment.yaml 'containerPort: 8082' 'containerPort: 8092'
mistake "an application port changed without the manifests" \
  "differs from quarkus.http.port 9081" dev \
  layout-service/src/main/resources/application.properties '^quarkus.http.port=8081' 'quarkus.http.port=9081'
mistake "a Service targetPort that is no containerPort" \
  "targetPort '8093' is not a containerPort" dev \
  k8s/base/recipe-service/service.yaml 'targetPort: http' 'targetPort: 8093'
mistake "a selector that does not match the pod labels" \
  "does not match the pod labels" dev \
  k8s/base/layout-service/deployment.yaml '(matchLabels:\n\s+app.kubernetes.io/name: )layout-service' '\1layout'
mistake "a root container" \
  "runAsNonRoot is not true" dev \
  k8s/base/recipe-service/deployment.yaml '(securityContext:\n\s+)runAsNonRoot: true(\n\s+runAsUser: 185\n\s+allowPrivilegeEscalation)' '\1runAsNonRoot: false\2'
mistake "a writable root filesystem" \
  "readOnlyRootFilesystem is not true" dev \
  k8s/base/gateway/deployment.yaml 'readOnlyRootFilesystem: true' 'readOnlyRootFilesystem: false'
mistake "an HPA aimed at a Deployment that does not exist" \
  "scaleTargetRef Deployment/gatway" dev \
  k8s/base/gateway/hpa.yaml '(kind: Deployment\n\s+name: )gateway' '\1gatway'
mistake "a PDB that selects no pods" \
  "PodDisruptionBudget/recipe-service: selector" dev \
  k8s/base/recipe-service/pdb.yaml '(matchLabels:\n\s+app.kubernetes.io/name: )recipe-service' '\1recipe'
mistake "an Ingress for a service other than the gateway" \
  "only the gateway may have an Ingress" prod \
  k8s/base/gateway/ingress.yaml 'name: gateway\n(\s+port:)' 'name: layout-service\n\1'
mistake "no default-deny NetworkPolicy" \
  "no default-deny NetworkPolicy" dev \
  k8s/base/networkpolicies.yaml '^  name: default-deny-all\n(.*\n)*?  policyTypes:\n    - Ingress\n    - Egress\n' '  name: default-deny-all\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n'
mistake "a service reachable from another service" \
  "reach shielding-service: only the gateway may" dev \
  k8s/base/networkpolicies.yaml '(name: shielding-service-ingress\n(.*\n)*?\s+- from:\n\s+- podSelector:\n\s+matchLabels:\n\s+app.kubernetes.io/name: )gateway' '\1recipe-service'
mistake "the database reachable from outside the services" \
  "reach the database: only the four services may" dev \
  k8s/overlays/dev/postgresql/networkpolicy.yaml '(- from:\n)' '\1        - namespaceSelector: {}\n'
mistake "an unpinned image in prod" \
  "is not pinned" prod \
  k8s/overlays/prod/kustomization.yaml '(name: ghcr.io/shieldfab/recipe-service\n\s+newTag: )0.1.0' '\1latest'
mistake "a Secret committed to the prod overlay" \
  "is committed in the prod overlay" prod \
  k8s/overlays/prod/kustomization.yaml '^images:' 'secretGenerator:\n  - name: gateway-api-keys\n    literals:\n      - api-keys=oops-a-real-key-in-git\nimages:'
mistake "the gateway's API keys not from a Secret" \
  "env SHIELDFAB_API_KEYS does not come from a Secret" dev \
  k8s/base/gateway/deployment.yaml '(- name: SHIELDFAB_API_KEYS\n)\s+valueFrom:\n\s+secretKeyRef:\n\s+name: gateway-api-keys\n\s+key: api-keys\n' '\1              value: inline-key-0123456789abcdef\n'
mistake "the retired global webhook secret" \
  "env SHIELDFAB_WEBHOOK_SECRET is retired" dev \
  k8s/base/gateway/deployment.yaml '^(\s+)(- name: SHIELDFAB_WEBHOOK_ENCRYPTION_KEY\n)' '\1- name: SHIELDFAB_WEBHOOK_SECRET\n\1  value: whsec_c2hhcmVkLWJ5LWV2ZXJ5LXRlbmFudA==\n\1\2'
mistake "a service left listening on loopback" \
  "SHIELDFAB_BIND_HOST is not 0.0.0.0" dev \
  k8s/base/layout-service/deployment.yaml 'value: "0.0.0.0"' 'value: "127.0.0.1"'
mistake "the image Dockerfile exposing a fixed port instead of the PORT build argument" \
  "k8s/images/Dockerfile exposes ['8083'], not the PORT build argument" dev \
  k8s/images/Dockerfile '^EXPOSE \$\{PORT\}' 'EXPOSE 8083'
# shellcheck disable=SC2016 # the regex names build.sh's shell variable literally
mistake "the image build not passing the service's port" \
  "k8s/images/build.sh does not pass --build-arg PORT" prod \
  k8s/images/build.sh '--build-arg PORT="\$port"' ''
# Monitoring (check_monitoring.py).
mistake "a Deployment without the scrape annotation" \
  "pod template has no annotation prometheus.io/scrape" dev \
  k8s/base/recipe-service/deployment.yaml '^\s+prometheus.io/scrape: "true"\n' ''
mistake "a scrape annotation on a port the container does not declare" \
  "prometheus.io/port '9083' is not a containerPort" dev \
  k8s/base/recipe-service/deployment.yaml 'prometheus.io/port: "8083"' 'prometheus.io/port: "9083"'
mistake "a NetworkPolicy that keeps Prometheus out" \
  "no NetworkPolicy lets Prometheus (namespace monitoring, pods app.kubernetes.io/name=prometheus) reach gateway" dev \
  k8s/base/networkpolicies.yaml '(app.kubernetes.io/name: prometheus\n\s+ports:\n\s+- protocol: TCP\n\s+port: )http' '\g<1>9090'
mistake "an Ingress that routes everything, /q/metrics included" \
  "routes /q/metrics" dev \
  k8s/base/gateway/ingress.yaml '(- path: /\n\s+pathType: )Exact' '\1Prefix'
mistake "an alert without 'for'" \
  "alert ShieldfabHandoffFailureRatioHigh has no 'for'" prod \
  k8s/monitoring/prometheusrule.yaml '(>= 20\n)\s+for: 15m\n(\s+labels:\n\s+severity: critical)' '\1\2'
mistake "an alert whose runbook is not docs/operations.md#alerts" \
  "does not name docs/operations.md#alerts" prod \
  k8s/monitoring/prometheusrule.yaml 'runbook: docs/operations.md#alerts' 'runbook: docs/operations.md'
mistake "an alert on a metric no service exposes" \
  "expr uses 'shieldfab_handoffs_queue'" prod \
  k8s/monitoring/prometheusrule.yaml 'max by \(namespace\) \(shieldfab_handoffs_queued\)' 'max by (namespace) (shieldfab_handoffs_queue)'
mistake "a ServiceMonitor on a port name the Services do not have" \
  "endpoint port 'metrics' is not a port name of Service/gateway" prod \
  k8s/monitoring/servicemonitor.yaml '- port: http' '- port: metrics'
mistake "a dashboard query on a metric no service exposes" \
  "query uses 'shieldfab_recipe_count'" prod \
  k8s/monitoring/dashboards/shieldfab.json 'max by \(state\) \(shieldfab_recipes\{' 'max by (state) (shieldfab_recipe_count{'
mistake "a dashboard ConfigMap without the sidecar's label" \
  "label grafana_dashboard is None" prod \
  k8s/monitoring/kustomization.yaml '^    grafana_dashboard: "1"\n' ''
mistake "the Prometheus Operator's objects in the dev overlay" \
  "is a Prometheus Operator object in the dev overlay" dev \
  k8s/overlays/dev/kustomization.yaml '^  - \.\./\.\./base\n' '  - ../../base\n  - ../../monitoring\n'
mistake "traces exported in the dev overlay" \
  "exports traces in the dev overlay" dev \
  k8s/base/shielding-service/deployment.yaml '^(\s+)(- name: SHIELDFAB_BIND_HOST\n)' '\1- name: QUARKUS_OTEL_TRACES_SAMPLER_ARG\n\1  value: "1"\n\1- name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT\n\1  value: http://otel-collector.monitoring.svc:4318\n\1\2'
mistake "verifications run inside the service's pod" \
  "SHIELDFAB_FULLWAVE_RUNNER is not kubernetes" dev \
  k8s/base/shielding-service/deployment.yaml 'value: kubernetes' 'value: local'
mistake "a wildcard in the service's Role" \
  "uses a wildcard" prod \
  k8s/base/shielding-service/rbac.yaml 'verbs: \["create", "get", "list", "delete"\]' 'verbs: ["*"]'
mistake "the service's Role reading Secrets" \
  "only jobs (batch) and pods" dev \
  k8s/base/shielding-service/rbac.yaml 'resources: \["pods"\]' 'resources: ["pods", "secrets"]'
mistake "another service mounting a service-account token" \
  "only shielding-service talks to the Kubernetes API" dev \
  k8s/base/gateway/deployment.yaml 'automountServiceAccountToken: false' 'automountServiceAccountToken: true'
mistake "the verification Jobs' pods left out of the database egress" \
  "verification Jobs' pods reach the database" dev \
  k8s/base/networkpolicies.yaml '^\s+- shielding-fullwave\n' ''
mistake "no egress to the Kubernetes API server" \
  "reach the Kubernetes API server" prod \
  k8s/base/networkpolicies.yaml '(name: shielding-service-egress-kubernetes-api\n(?:.*\n){5}\s+app.kubernetes.io/name: )shielding-service' '\1layout-service'
mistake "a shielding-service image without the solver" \
  "does not install Debian's openems" dev \
  k8s/images/shielding-service.Dockerfile 'openjdk-17-jre-headless openems' 'openjdk-17-jre-headless'
if [[ -n "$promtool" ]]; then
  mistake "an alert expression promtool cannot parse" \
    "promtool check rules: alerts" prod \
    k8s/monitoring/prometheusrule.yaml '\) > 0\.05\n' ') > > 0.05\n'
  mistake "an alert without its minimum-traffic guard (the alerts' unit tests)" \
    "half of very few handoffs fail (below the traffic guard)" prod \
    k8s/monitoring/prometheusrule.yaml 'sum by \(namespace\) \(increase\(shieldfab_handoffs_finished_total\[15m\]\)\) >= 20' 'sum by (namespace) (increase(shieldfab_handoffs_finished_total[15m])) >= 0'
else
  echo "selftest: no promtool: the cases 'an alert expression promtool cannot parse' and 'an alert without its" >&2
  echo "          minimum-traffic guard' are skipped" >&2
fi

wait
passed=0 failed=0
for ((i = 0; i < cases; i++)); do
  cat "$tmp/result.$i"
  if head -1 "$tmp/result.$i" | grep -q '^ok '; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "selftest: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
