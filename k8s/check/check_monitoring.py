"""The monitoring rules of check.py (k8s/README.md, "Monitoring"), on one rendered overlay.

  scraping    every Deployment's pod template has prometheus.io/scrape "true", prometheus.io/path /q/metrics
              and prometheus.io/port naming a containerPort (for the four services: their http port, where
              /q/metrics is); a NetworkPolicy lets Prometheus (namespace monitoring, pods
              app.kubernetes.io/name=prometheus) reach that port of each of the four services
  Ingress     routes no Quarkus non-application path (/q/metrics, /q/health, ...): the only /q/ paths it may
              route are the public API reference, /q/openapi and /q/swagger-ui; it still routes the API and
              the portal
  prod        contains ServiceMonitor(s) that select the four Services on a port name the Services have, path
              /q/metrics; a PrometheusRule with the alerts of REQUIRED_ALERTS; the Grafana dashboard ConfigMap
  dev         contains no monitoring.coreos.com object (it must apply to a cluster without the operator) and
              exports no traces
  alerts      each has `for`, a severity label (critical, warning, info), summary and description annotations
              and a runbook annotation naming docs/operations.md#alerts; expressions use only KNOWN_METRICS
  dashboard   a ConfigMap labelled grafana_dashboard "1" whose one .json key parses; a datasource template
              variable of type prometheus used by every panel and query; every query uses only KNOWN_METRICS,
              and every metric of DASHBOARD_METRICS appears in some panel
  traces      QUARKUS_OTEL_TRACES_SAMPLER_ARG and QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT come together, the endpoint
              is http://otel-collector.monitoring...:4318 and an egress NetworkPolicy opens that port

PromQL is checked here for shape (balanced brackets, known metric names, no empty expression); check.sh
additionally runs `promtool check rules` on the alert groups and on the dashboard's queries (written by
write_promql) where promtool exists.
"""
import json
import re

METRICS_PATH = "/q/metrics"
RUNBOOK = "docs/operations.md#alerts"
SEVERITIES = ("critical", "warning", "info")
REQUIRED_ALERTS = (
    "ShieldfabHandoffQueueGrowing",
    "ShieldfabHandoffFailureRatioHigh",
    "ShieldfabWebhookDeliveryFailing",
    "ShieldfabServiceNotReady",
)
PUBLIC_Q_PATHS = ("/q/openapi", "/q/swagger-ui")
# Paths that must not be reachable from outside (probed against every Ingress path).
PRIVATE_PATHS = ("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
                 "/q/dev-ui", "/q/info", "/q/", "/q")
# Paths the Ingress must still route (the API and the portal).
PUBLIC_PATHS = ("/api/v1/designs/validate", "/api/v1/handoffs", "/", "/handoffs", "/sign-in", "/portal/portal.css",
                "/q/swagger-ui", "/q/openapi")
OTLP_ENDPOINT = re.compile(r"http://otel-collector\.(?P<ns>[a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?:(?P<port>\d+)/?")

_HISTOGRAMS = (
    "http_server_requests_seconds", "http_client_requests_seconds", "jvm_gc_pause_seconds",
    "shieldfab_handoff_step_duration_seconds", "shieldfab_handoff_duration_seconds",
)
# The metric names the services expose (other engineers implement them; the list is the contract) and the
# standard ones Prometheus and kube-state-metrics add.
KNOWN_METRICS = frozenset(
    [f"{h}_{s}" for h in _HISTOGRAMS for s in ("bucket", "count", "sum")]
    + [
        "jvm_memory_used_bytes", "jvm_memory_max_bytes", "process_cpu_usage",
        "shieldfab_handoffs_submitted_total", "shieldfab_handoffs_finished_total",
        "shieldfab_handoffs_queued", "shieldfab_handoffs_running",
        "shieldfab_webhook_deliveries_total", "shieldfab_idempotent_replays_total",
        "shieldfab_rate_limit_refusals_total",
        "shieldfab_layouts_generated_total", "shieldfab_layout_files_written_total",
        "shieldfab_layout_written_bytes_total",
        "shieldfab_evaluations_total",
        "shieldfab_recipes", "shieldfab_recipe_transitions_total",
        "up", "kube_deployment_status_replicas_available", "kube_deployment_spec_replicas",
    ])
# What the dashboard must show (each name in at least one query).
DASHBOARD_METRICS = (
    "shieldfab_handoffs_submitted_total", "shieldfab_handoffs_finished_total", "shieldfab_handoffs_queued",
    "shieldfab_handoffs_running", "shieldfab_handoff_step_duration_seconds_bucket",
    "shieldfab_handoff_duration_seconds_bucket", "shieldfab_webhook_deliveries_total", "shieldfab_evaluations_total",
    "shieldfab_layouts_generated_total", "shieldfab_layout_written_bytes_total", "shieldfab_recipes",
    "http_server_requests_seconds_count", "jvm_memory_used_bytes", "jvm_memory_max_bytes",
    "jvm_gc_pause_seconds_sum", "process_cpu_usage",
)
_KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
             "offset", "inf", "nan", "atan2"}


def promql_problems(expr):
    """(metric names, shape problems) of a PromQL expression, without a parser: strings, label matchers, ranges
    and grouping clauses are removed; what remains that looks like an identifier and is not a function call or
    keyword is a metric name."""
    problems = []
    if not isinstance(expr, str) or not expr.strip():
        return set(), ["the expression is empty"]
    s = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`[^`]*`', '""', expr)
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                problems.append(f"unbalanced '{ch}'")
                break
    if stack and not problems:
        problems.append(f"unclosed '{stack[-1]}'")
    s = re.sub(r"\{[^{}]*\}", " ", s)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", s)
    names = set()
    for m in re.finditer(r"(?<![\w:.$])([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?", s):
        if m.group(2) or m.group(1).lower() in _KEYWORDS:
            continue
        names.add(m.group(1))
    return names, problems


def grafana_to_promql(expr):
    """A dashboard query with Grafana's variables replaced, so that promtool can parse it."""
    expr = re.sub(r"\$__(?:rate_)?interval|\$\{__(?:rate_)?interval\}|\$__range", "5m", expr)
    return re.sub(r"\$\{?[A-Za-z_][A-Za-z0-9_]*(?::[a-z]+)?\}?", "x", expr)


def ingress_routes(path, path_type, url):
    """Whether an Ingress path (Kubernetes semantics; ImplementationSpecific as a plain prefix, which is what
    ingress-nginx does without regex annotations) routes a request for url."""
    if path_type == "Exact":
        return url == path
    if path_type == "Prefix":
        if path == "/":
            return True
        p = path.rstrip("/")
        return url == p or url.startswith(p + "/")
    return url.startswith(path or "/")


def ratio_samples(value):
    """The traceidratio sampler's ratio (application.properties) samples something: a number in (0, 1]."""
    try:
        return 0 < float(value) <= 1
    except (TypeError, ValueError):
        return False


class MonitoringRules:
    def __init__(self, checker, services):
        self.c = checker
        self.services = list(services)  # the four ShieldFab Deployments/Services (check.py's SERVICES)
        self.overlay = checker.overlay
        self.rule_groups = []          # the PrometheusRules' groups, for promtool
        self.dashboard_queries = []    # (name, expr) of the dashboard, for promtool

    def fail(self, obj, message):
        self.c.fail(obj, message)

    def error(self, message):
        self.c.errors.append(f"[{self.overlay}] {message}")

    def run(self):
        self.check_scraping()
        self.check_ingress_paths()
        operator_kinds = [d for d in self.c.docs if str(d.get("apiVersion", "")).startswith("monitoring.coreos.com/")]
        if self.overlay == "dev":
            for d in operator_kinds:
                self.fail(d, "is a Prometheus Operator object in the dev overlay, which must apply to a cluster "
                             "without the operator's CRDs (k8s/monitoring is for prod)")
        if self.overlay == "prod" or operator_kinds:
            self.check_service_monitors()
            self.check_rules()
        dashboards = [cm for cm in self.c.of("ConfigMap")
                      if "grafana_dashboard" in ((cm.get("metadata") or {}).get("labels") or {})
                      or any(str(k).endswith(".json") for k in (cm.get("data") or {}))]
        if self.overlay == "prod" and not dashboards:
            self.error("no Grafana dashboard ConfigMap (label grafana_dashboard: \"1\", from k8s/monitoring)")
        for cm in dashboards:
            self.check_dashboard(cm)
        self.check_tracing()

    # ------------------------------------------------------------------ scraping
    def check_scraping(self):
        for w in self.c.of("Deployment"):
            meta = ((w.get("spec") or {}).get("template") or {}).get("metadata") or {}
            ann = meta.get("annotations") or {}
            if ann.get("prometheus.io/scrape") != "true":
                self.fail(w, "pod template has no annotation prometheus.io/scrape: \"true\"")
                continue
            if ann.get("prometheus.io/path") != METRICS_PATH:
                self.fail(w, f"pod template annotation prometheus.io/path is {ann.get('prometheus.io/path')!r}, "
                             f"expected {METRICS_PATH}")
            port = str(ann.get("prometheus.io/port", ""))
            containers = self.c.pod_spec(w).get("containers") or []
            if not port.isdigit() or not any(self.c.resolve_port(c, int(port)) for c in containers):
                self.fail(w, f"pod template annotation prometheus.io/port {port!r} is not a containerPort")
                continue
            name = w["metadata"]["name"]
            if name in self.services:
                http = [p.get("containerPort") for c in containers for p in c.get("ports") or [] if p.get("name") == "http"]
                if http and int(port) != http[0]:
                    self.fail(w, f"prometheus.io/port {port} is not the http port {http[0]}, where /q/metrics is served")
                if not self.prometheus_may_reach(w, int(port)):
                    self.error(f"no NetworkPolicy lets Prometheus (namespace monitoring, pods "
                               f"app.kubernetes.io/name=prometheus) reach {name} on {port}")

    def prometheus_may_reach(self, w, port):
        prometheus_ns = {"kubernetes.io/metadata.name": "monitoring"}
        prometheus_pod = {"app.kubernetes.io/name": "prometheus"}
        for np in self.c.policies(self.c.pod_labels(w), "Ingress"):
            for rule in np["spec"].get("ingress") or []:
                ports = self.c.rule_ports_on(rule, w)
                if ports is not None and port not in ports:
                    continue
                peers = rule.get("from")
                if not peers:
                    return True
                for peer in peers:
                    ns = peer.get("namespaceSelector")
                    if ns is None or peer.get("ipBlock"):
                        continue
                    if self.c.selector_matches(ns, prometheus_ns) and \
                            self.c.selector_matches(peer.get("podSelector", {}), prometheus_pod):
                        return True
        return False

    # ------------------------------------------------------------------ Ingress
    def check_ingress_paths(self):
        for ing in self.c.of("Ingress"):
            spec = ing.get("spec") or {}
            if spec.get("defaultBackend"):
                self.fail(ing, "has a defaultBackend, which routes every path, /q/metrics included")
            paths = [(p.get("path") or "/", p.get("pathType", "ImplementationSpecific"))
                     for rule in spec.get("rules") or [] for p in (rule.get("http") or {}).get("paths") or []]
            for path, path_type in paths:
                leaked = [u for u in PRIVATE_PATHS if ingress_routes(path, path_type, u)]
                if leaked:
                    self.fail(ing, f"path {path} ({path_type}) routes {', '.join(leaked)}: Quarkus' non-application "
                                   "endpoints (metrics, health) must not be reachable from outside")
                elif path.startswith("/q") and not any(path == q or path.startswith(q + "/") for q in PUBLIC_Q_PATHS):
                    self.fail(ing, f"path {path} routes a /q/ path other than the public {' and '.join(PUBLIC_Q_PATHS)}")
            for url in PUBLIC_PATHS:
                if not any(ingress_routes(p, t, url) for p, t in paths):
                    self.fail(ing, f"does not route {url} (the gateway's API, portal and API reference)")

    # ------------------------------------------------------------------ Prometheus Operator
    def check_service_monitors(self):
        monitors = self.c.of("ServiceMonitor")
        if not monitors:
            self.error("no ServiceMonitor (k8s/monitoring/servicemonitor.yaml)")
        covered = set()
        for sm in monitors:
            spec = sm.get("spec") or {}
            ns_sel = spec.get("namespaceSelector") or {}
            if ns_sel.get("any") or (ns_sel.get("matchNames") and
                                     (sm.get("metadata") or {}).get("namespace") not in ns_sel["matchNames"]):
                self.fail(sm, f"namespaceSelector {ns_sel} reaches beyond its own namespace")
            endpoints = spec.get("endpoints") or []
            if not endpoints:
                self.fail(sm, "has no endpoints")
            selected = [s for s in self.c.of("Service")
                        if self.c.selector_matches(spec.get("selector") or None, (s.get("metadata") or {}).get("labels") or {})]
            if not selected:
                self.fail(sm, f"selector {spec.get('selector')} selects no Service")
            for s in selected:
                port_names = [p.get("name") for p in (s.get("spec") or {}).get("ports") or []]
                for ep in endpoints:
                    if ep.get("port") not in port_names:
                        self.fail(sm, f"endpoint port {ep.get('port')!r} is not a port name of Service/"
                                      f"{s['metadata']['name']} {port_names}")
                    if ep.get("path", "/metrics") != METRICS_PATH:
                        self.fail(sm, f"endpoint path is {ep.get('path', '/metrics')!r}, expected {METRICS_PATH}")
                covered.add(s["metadata"]["name"])
        for name in self.services:
            if monitors and name not in covered:
                self.error(f"no ServiceMonitor selects Service/{name}")

    def check_rules(self):
        rules_objs = self.c.of("PrometheusRule")
        if not rules_objs:
            self.error("no PrometheusRule (k8s/monitoring/prometheusrule.yaml)")
            return
        seen = set()
        for pr in rules_objs:
            groups = (pr.get("spec") or {}).get("groups") or []
            if not groups:
                self.fail(pr, "has no rule groups")
            self.rule_groups.extend(groups)
            for g in groups:
                for r in g.get("rules") or []:
                    name = r.get("alert") or r.get("record")
                    where = f"rule {name}"
                    names, problems = promql_problems(r.get("expr"))
                    for p in problems:
                        self.fail(pr, f"{where}: expr: {p}")
                    for n in sorted(names - KNOWN_METRICS):
                        self.fail(pr, f"{where}: expr uses {n!r}, which no service exposes (check_monitoring.KNOWN_METRICS)")
                    if not r.get("alert"):
                        continue
                    seen.add(r["alert"])
                    if not r.get("for"):
                        self.fail(pr, f"alert {r['alert']} has no 'for' (it would fire on a single evaluation)")
                    sev = (r.get("labels") or {}).get("severity")
                    if sev not in SEVERITIES:
                        self.fail(pr, f"alert {r['alert']}: severity label is {sev!r}, expected one of {', '.join(SEVERITIES)}")
                    ann = r.get("annotations") or {}
                    for key in ("summary", "description"):
                        if not ann.get(key):
                            self.fail(pr, f"alert {r['alert']} has no {key} annotation")
                    runbook = ann.get("runbook") or ann.get("runbook_url") or ""
                    if RUNBOOK not in runbook:
                        self.fail(pr, f"alert {r['alert']}: runbook annotation {runbook!r} does not name {RUNBOOK}")
        for name in REQUIRED_ALERTS:
            if name not in seen:
                self.error(f"no alert {name} in a PrometheusRule")

    # ------------------------------------------------------------------ Grafana
    def check_dashboard(self, cm):
        labels = (cm.get("metadata") or {}).get("labels") or {}
        if labels.get("grafana_dashboard") != "1":
            self.fail(cm, f"label grafana_dashboard is {labels.get('grafana_dashboard')!r}, expected \"1\" (the sidecar's)")
        files = {k: v for k, v in (cm.get("data") or {}).items() if str(k).endswith(".json")}
        if len(files) != 1:
            self.fail(cm, f"has {len(files)} .json keys, expected 1 dashboard")
        for key, text in files.items():
            try:
                dash = json.loads(text)
            except ValueError as e:
                self.fail(cm, f"{key} is not JSON: {e}")
                continue
            self.check_dashboard_json(cm, key, dash)

    def check_dashboard_json(self, cm, key, dash):
        where = f"{key}"
        if not isinstance(dash.get("schemaVersion"), int) or dash["schemaVersion"] < 36:
            self.fail(cm, f"{where}: schemaVersion {dash.get('schemaVersion')!r} is older than 36")
        if not dash.get("uid") or not dash.get("title"):
            self.fail(cm, f"{where}: has no uid or title")
        variables = (dash.get("templating") or {}).get("list") or []
        ds = [v for v in variables if v.get("type") == "datasource" and v.get("query") == "prometheus"]
        if not ds:
            self.fail(cm, f"{where}: no template variable of type datasource for prometheus")
            return
        ds_refs = {f"${ds[0]['name']}", f"${{{ds[0]['name']}}}"}
        panels = []
        for p in dash.get("panels") or []:
            panels.append(p)
            panels.extend(p.get("panels") or [])
        used = set()
        queries = [(f"panel {p.get('id')} ({p.get('title')})", p, t) for p in panels for t in p.get("targets") or []]
        for v in variables:
            if v.get("type") == "query":
                q = v.get("query")
                q = q.get("query") if isinstance(q, dict) else q
                m = re.fullmatch(r"\s*label_values\((.*),\s*[A-Za-z_]+\)\s*", q or "")
                queries.append((f"variable {v.get('name')}", v, {"expr": m.group(1) if m else q, "datasource": v.get("datasource")}))
        if not queries:
            self.fail(cm, f"{where}: has no queries")
        for i, (what, owner, target) in enumerate(queries):
            for obj in (owner, target):
                uid = (obj.get("datasource") or {}).get("uid") if isinstance(obj.get("datasource"), dict) else obj.get("datasource")
                if uid not in ds_refs:
                    self.fail(cm, f"{where}: {what}: datasource {obj.get('datasource')!r} is not the ${ds[0]['name']} variable")
                    break
            expr = target.get("expr")
            names, problems = promql_problems(grafana_to_promql(expr or ""))
            for p in problems:
                self.fail(cm, f"{where}: {what}: query {expr!r}: {p}")
            for n in sorted(names - KNOWN_METRICS):
                self.fail(cm, f"{where}: {what}: query uses {n!r}, which no service exposes (check_monitoring.KNOWN_METRICS)")
            used |= names
            if expr:
                self.dashboard_queries.append((f"shieldfab:dashboard_query_{i}", grafana_to_promql(expr)))
        for n in DASHBOARD_METRICS:
            if n not in used:
                self.fail(cm, f"{where}: no panel shows {n}")

    # ------------------------------------------------------------------ traces
    def check_tracing(self):
        for name in self.services:
            w = self.c.app_workload(name)
            if w is None:
                continue
            for c in self.c.pod_spec(w).get("containers") or []:
                env = self.c.env_map(c)
                sampler = (env.get("QUARKUS_OTEL_TRACES_SAMPLER_ARG") or {}).get("value")
                endpoint = (env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") or {}).get("value")
                if sampler is None and endpoint is None:
                    continue
                if self.overlay == "dev":
                    self.fail(w, "exports traces in the dev overlay: traces are off by default (prod enables them)")
                if (sampler is None) != (endpoint is None) or not ratio_samples(sampler):
                    self.fail(w, f"QUARKUS_OTEL_TRACES_SAMPLER_ARG={sampler} and QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT="
                                 f"{endpoint}: traces need both (a ratio above 0, and the collector)")
                    continue
                m = OTLP_ENDPOINT.fullmatch(endpoint or "")
                if not m:
                    self.fail(w, f"QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT={endpoint} is not "
                                 "http://otel-collector.<namespace>[.svc]:<port>")
                    continue
                if not self.egress_to_namespace(w, m.group("ns"), int(m.group("port"))):
                    self.fail(w, f"no NetworkPolicy lets it reach the collector in namespace {m.group('ns')} on {m.group('port')}")

    def egress_to_namespace(self, w, namespace, port):
        for np in self.c.policies(self.c.pod_labels(w), "Egress"):
            for rule in np["spec"].get("egress") or []:
                ports = self.c.rule_ports(rule)
                if ports is not None and port not in ports:
                    continue
                for peer in rule.get("to") or [{}]:
                    ns = peer.get("namespaceSelector")
                    if peer == {} or (ns is not None and self.c.selector_matches(ns, {"kubernetes.io/metadata.name": namespace})):
                        return True
        return False

    # ------------------------------------------------------------------ promtool input
    def write_promql(self, directory):
        """Writes alerts.yaml (the PrometheusRules' groups) and dashboard.yaml (the dashboard's
        queries as recording rules) for `promtool check rules`; returns the paths written."""
        import os
        import yaml
        written = []
        if self.rule_groups:
            path = os.path.join(directory, "alerts.yaml")
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump({"groups": self.rule_groups}, f, sort_keys=False)
            written.append(path)
        if self.dashboard_queries:
            path = os.path.join(directory, "dashboard.yaml")
            group = {"name": "dashboard-queries", "rules": [{"record": n, "expr": e} for n, e in self.dashboard_queries]}
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump({"groups": [group]}, f, sort_keys=False)
            written.append(path)
        return written
