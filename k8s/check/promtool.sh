# Sourced by check.sh and selftest.sh: sets $promtool to Prometheus' promtool, or to "" when there is none.
#
# Order: $SHIELDFAB_PROMTOOL (a path, or "none" to use no promtool), `promtool` on the PATH, else Debian's
# package "prometheus" (which ships /usr/bin/promtool) is installed when apt-get can (root), as .ci/run does
# for kubectl. Without promtool, check.py's own PromQL shape check (check_monitoring.py) is all there is.
find_promtool() {
  promtool=""
  if [[ -n "${SHIELDFAB_PROMTOOL:-}" ]]; then
    if [[ "$SHIELDFAB_PROMTOOL" != none ]]; then
      promtool="$SHIELDFAB_PROMTOOL"
    else
      echo "k8s check: SHIELDFAB_PROMTOOL=none: PromQL checked by check.py's shape check only" >&2
    fi
    return 0
  fi
  if command -v promtool >/dev/null 2>&1; then
    promtool="$(command -v promtool)"
  elif command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    echo "k8s check: no promtool; installing Debian's prometheus package for it" >&2
    if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } \
        >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
      promtool="$(command -v promtool)"
    fi
  fi
  if [[ -z "$promtool" ]]; then
    echo "k8s check: no promtool (Debian: apt-get install prometheus): PromQL checked by check.py's shape check only" >&2
  fi
  return 0
}
