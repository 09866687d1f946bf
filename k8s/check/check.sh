#!/usr/bin/env bash
# Renders every overlay under k8s/overlays with kustomize and checks the result with check.py.
#
#   k8s/check/check.sh            # from anywhere; exit 0 when every overlay passes
#   k8s/check/check.sh dev        # only the named overlay(s)
#
# Renderer, first found: $KUSTOMIZE (a command such as "kustomize build" or "kubectl kustomize"),
# `kubectl kustomize`, `kustomize build`. CI installs Debian's kubernetes-client when there is no
# kubectl (k8s/README.md). Python: the first of /usr/bin/python3, python3 that can import yaml
# (Debian's python3-yaml).
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
  # kustomize v5 warns on stderr that "bases"/"patchesStrategicMerge" are deprecated: kept for v2.0.3.
  if ! "${render[@]}" "$overlay" >"$tmp/$name.yaml" 2>"$tmp/$name.err"; then
    echo "FAIL [$name] ${render[*]} $overlay did not render:" >&2
    grep -v "^# Warning: '.*' is deprecated" "$tmp/$name.err" >&2 || true
    failed=$((failed + 1))
    continue
  fi
  if "$python" "$here/check.py" --root "$root" --overlay "$name" "$tmp/$name.yaml"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "k8s: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
