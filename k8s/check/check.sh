#!/usr/bin/env bash
# Renders every overlay under k8s/overlays with kustomize and checks the result with check.py.
#
#   k8s/check/check.sh            # from anywhere; exit 0 when every overlay passes
#   k8s/check/check.sh dev        # only the named overlay(s)
#
# Renderer, first found: $KUSTOMIZE (a command such as "kustomize build" or "kubectl kustomize"),
# `kubectl kustomize`, `kustomize build`. CI installs Debian's kubernetes-client when there is no
# kubectl (k8s/README.md). Python: the first of /usr/bin/python3, python3 that can import yaml
# (Debian's python3-yaml). promtool (promtool.sh: $SHIELDFAB_PROMTOOL, the PATH, or Debian's prometheus
# package, installed when missing) checks the alert rules and the dashboard's queries that check.py extracts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
k8s="$(dirname "$here")"
root="$(dirname "$k8s")"

if [[ -n "${KUSTOMIZE:-}" ]]; then
  read -r -a render <<<"$KUSTOMIZE"
elif command -v kubectl >/dev/null 2>&1; then
  render=(kubectl kustomize)
elif command -v kustomize >/dev/null 2>&1; then
  render=(kustomize build)
else
  echo "k8s check: no renderer: install kubectl (Debian: apt-get install kubernetes-client) or kustomize" >&2
  exit 2
fi

python=""
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then python="$p"; break; fi
done
if [[ -z "$python" ]]; then
  echo "k8s check: no python3 with PyYAML (Debian: apt-get install python3-yaml)" >&2
  exit 2
fi

# shellcheck source=promtool.sh
source "$here/promtool.sh"
find_promtool

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
overlays=()
if [[ $# -gt 0 ]]; then
  for name in "$@"; do overlays+=("$k8s/overlays/$name/"); done
else
  overlays=("$k8s"/overlays/*/)
fi
for overlay in "${overlays[@]}"; do
  name="$(basename "$overlay")"
  # kustomize v5 warns on stderr that "bases"/"patchesStrategicMerge"/"patchesJson6902" are deprecated: kept for v2.0.3.
  if ! "${render[@]}" "$overlay" >"$tmp/$name.yaml" 2>"$tmp/$name.err"; then
    echo "FAIL [$name] ${render[*]} $overlay did not render:" >&2
    grep -v "^# Warning: '.*' is deprecated" "$tmp/$name.err" >&2 || true
    failed=$((failed + 1))
    continue
  fi
  mkdir -p "$tmp/$name.promql"
  ok=1
  "$python" "$here/check.py" --root "$root" --overlay "$name" --promql-dir "$tmp/$name.promql" "$tmp/$name.yaml" || ok=0
  # The PrometheusRules' groups and the dashboard's queries (as recording rules), as check.py wrote them.
  for rules in "$tmp/$name.promql"/*.yaml; do
    [[ -e "$rules" && -n "$promtool" ]] || continue
    what="$(basename "$rules" .yaml)"
    if out="$("$promtool" check rules "$rules" 2>&1)"; then
      echo "ok   [$name] promtool check rules: $what: $(grep -o '[0-9]* rules found' <<<"$out")"
    else
      echo "FAIL [$name] promtool check rules: $what:" >&2
      grep -v "^Checking \|^  SUCCESS" <<<"$out" | sed "s|$tmp/||" >&2
      ok=0
    fi
  done
  # The alerts' unit tests (monitoring/alerts.test.yaml reads alerts.yaml from its own folder).
  if [[ -n "$promtool" && -e "$tmp/$name.promql/alerts.yaml" && -e "$k8s/monitoring/alerts.test.yaml" ]]; then
    cp "$k8s/monitoring/alerts.test.yaml" "$tmp/$name.promql/alerts.test.yml"
    if out="$(cd "$tmp/$name.promql" && "$promtool" test rules alerts.test.yml 2>&1)"; then
      echo "ok   [$name] promtool test rules: monitoring/alerts.test.yaml: $(grep -c '^  - name:' "$k8s/monitoring/alerts.test.yaml") cases"
    else
      echo "FAIL [$name] promtool test rules: monitoring/alerts.test.yaml:" >&2
      grep -v "^Unit Testing:" <<<"$out" | head -40 >&2
      ok=0
    fi
  fi
  if [[ $ok == 1 ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "k8s: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
