#!/usr/bin/env python3
"""Asserts the deployment rules of ShieldFab on one rendered kustomize overlay.

Usage: check.py --root REPO --overlay NAME RENDERED.yaml

RENDERED.yaml is the output of `kubectl kustomize k8s/overlays/NAME` (check.sh does the rendering).
Every broken rule is printed as one line naming the overlay, the object and what is wrong; the exit
status is 1 when there is at least one, 0 otherwise. Needs only python3 and PyYAML (Debian's
python3-yaml).

The rules (k8s/README.md explains why each exists):
  workloads   selector matches the pod labels; every container has cpu and memory requests and limits
              (requests <= limits), liveness and readiness probes on a declared container port, runs
              as non-root with a read-only root filesystem, no privilege escalation, all capabilities
              dropped, seccomp RuntimeDefault, no host namespaces or hostPath volumes, and a pinned
              image (a tag other than "latest" or a digest)
  services    the four ShieldFab Deployments: containerPort = quarkus.http.port of the service's
              application.properties; liveness /q/health/live, readiness /q/health/ready, a startup
              probe on /q/health/started (or live), all on that port; SHIELDFAB_BIND_HOST=0.0.0.0;
              user 185; /tmp an emptyDir; database settings from a Secret; the gateway's API keys
              from a Secret and the service URLs from a ConfigMap, pointing at the right Service/port;
              exactly one Service, one HorizontalPodAutoscaler (autoscaling/v2, CPU), one PDB each;
              the image is the service's, built by k8s/images/Dockerfile (ARG SERVICE and PORT, EXPOSE the
              PORT argument, USER 185) with build.sh passing both and PORT read from quarkus.http.port
  Services    select an existing workload; targetPort resolves to a containerPort of it
  HPA / PDB   target an existing Deployment / select an existing workload's pods
  Ingress     present for the gateway, and for nothing else
  Network     a default deny of ingress and egress; only the gateway reaches the three services, on
              their ports; only the four services reach PostgreSQL on 5432 (in-cluster database:
              ingress to it; any overlay: egress on 5432); the ingress controller reaches the gateway
  Secrets     an overlay named "prod" commits no Secret; committed Secrets carry the label
              shieldfab.io/dev-only=true; where an overlay commits Secrets, every Secret and ConfigMap
              a workload references exists
  Monitoring  check_monitoring.py: scrape annotations and the Prometheus NetworkPolicy, no /q/ path on the
              Ingress, the prod overlay's ServiceMonitor, PrometheusRule alerts and Grafana dashboard, traces
              (a NetworkPolicy may also let Prometheus, namespace monitoring, reach a service's http port)
  Fullwave    check_fullwave.py: shielding-service runs verifications as Jobs with a service account bound to a
              Role on jobs and pods only; the Jobs' pods reach the database and nothing else; shielding-service
              reaches the API server; its image (k8s/images/shielding-service.Dockerfile) ships openEMS
"""
import argparse
import os
import re
import sys

import yaml

sys.dont_write_bytecode = True  # no __pycache__ in k8s/check for the module below
from check_monitoring import MonitoringRules  # noqa: E402
from check_fullwave import FullwaveRules  # noqa: E402

SERVICES = {
    "gateway": "gateway",
    "layout-service": "layout-service",
    "shielding-service": "shielding-service",
    "recipe-service": "recipe-service",
}
BACKENDS = ["layout-service", "shielding-service", "recipe-service"]
GATEWAY_URLS = {
    "SHIELDFAB_LAYOUT_URL": "layout-service",
    "SHIELDFAB_SHIELDING_URL": "shielding-service",
    "SHIELDFAB_RECIPE_URL": "recipe-service",
}
UBI_OPENJDK_USER = 185
DB_PORT = 5432
WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet")
MONITORING_NAMESPACE = "monitoring"


class Checker:
    def __init__(self, root, overlay, docs):
        self.root = root
        self.overlay = overlay
        self.docs = [d for d in docs if isinstance(d, dict) and d.get("kind")]
        self.errors = []
        self._image_problems = None
        self.by_kind = {}
        for d in self.docs:
            self.by_kind.setdefault(d["kind"], []).append(d)

    # ------------------------------------------------------------------ helpers
    def fail(self, obj, message):
        name = f"{obj['kind']}/{obj.get('metadata', {}).get('name', '?')}" if isinstance(obj, dict) else str(obj)
        self.errors.append(f"[{self.overlay}] {name}: {message}")

    def of(self, kind):
        return self.by_kind.get(kind, [])

    def find(self, kind, name):
        for d in self.of(kind):
            if d.get("metadata", {}).get("name") == name:
                return d
        return None

    def workloads(self):
        return [d for k in WORKLOAD_KINDS for d in self.of(k)]

    @staticmethod
    def pod_labels(workload):
        return (((workload.get("spec") or {}).get("template") or {}).get("metadata") or {}).get("labels") or {}

    @staticmethod
    def pod_spec(workload):
        return ((workload.get("spec") or {}).get("template") or {}).get("spec") or {}

    @staticmethod
    def containers(pod_spec):
        return list(pod_spec.get("containers") or []) + list(pod_spec.get("initContainers") or [])

    @staticmethod
    def selector_matches(selector, labels):
        """Kubernetes label-selector semantics; None never matches, {} matches everything."""
        if selector is None:
            return False
        for k, v in (selector.get("matchLabels") or {}).items():
            if labels.get(k) != v:
                return False
        for e in selector.get("matchExpressions") or []:
            key, op, values = e.get("key"), e.get("operator"), e.get("values") or []
            if op == "In" and labels.get(key) not in values:
                return False
            if op == "NotIn" and key in labels and labels[key] in values:
                return False
            if op == "Exists" and key not in labels:
                return False
            if op == "DoesNotExist" and key in labels:
                return False
        return True

    def workloads_selected_by(self, selector):
        return [w for w in self.workloads() if self.selector_matches(selector, self.pod_labels(w))]

    def app_workload(self, service):
        return self.find("Deployment", SERVICES[service])

    def app_pod_label_sets(self):
        return {name: self.pod_labels(w) for name in SERVICES if (w := self.app_workload(name))}

    @staticmethod
    def resolve_port(container, port):
        """The containerPort a probe or Service port refers to (name or number), or None."""
        for p in container.get("ports") or []:
            if isinstance(port, str) and not port.isdigit():
                if p.get("name") == port:
                    return p.get("containerPort")
            elif int(port) == p.get("containerPort"):
                return p.get("containerPort")
        return None

    def app_port(self, service):
        """quarkus.http.port of the service, as the prod-profile jar sees it (default 8080)."""
        path = os.path.join(self.root, service, "src", "main", "resources", "application.properties")
        props = {}
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if not line or line.startswith(("#", "!")) or "=" not in line:
                        continue
                    k, v = line.split("=", 1)
                    props[k.strip()] = v.strip()
        except OSError as e:
            self.errors.append(f"[{self.overlay}] cannot read {path}: {e}")
            return None
        value = props.get("%prod.quarkus.http.port", props.get("quarkus.http.port", "8080"))
        m = re.fullmatch(r"\$\{[^:}]+:([^}]*)\}", value)
        if m:
            value = m.group(1)
        try:
            return int(value)
        except ValueError:
            self.errors.append(f"[{self.overlay}] {path}: quarkus.http.port '{value}' is not a number")
            return None

    @staticmethod
    def quantity(value):
        s = str(value)
        units = {"m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
                 "Ki": 1024, "Mi": 1024 ** 2, "Gi": 1024 ** 3, "Ti": 1024 ** 4}
        m = re.fullmatch(r"([0-9.]+)([A-Za-z]*)", s)
        if not m or (m.group(2) and m.group(2) not in units):
            return None
        return float(m.group(1)) * units.get(m.group(2), 1)

    @staticmethod
    def env_map(container):
        return {e.get("name"): e for e in container.get("env") or []}

    # ------------------------------------------------------------------ rules
    def check_workload(self, w):
        spec = w.get("spec") or {}
        selector = spec.get("selector")
        labels = self.pod_labels(w)
        if not selector or not (selector.get("matchLabels") or selector.get("matchExpressions")):
            self.fail(w, "spec.selector is empty")
        elif not self.selector_matches(selector, labels):
            self.fail(w, f"spec.selector {selector} does not match the pod labels {labels}")
        pod = self.pod_spec(w)
        psc = pod.get("securityContext") or {}
        volumes = {v.get("name"): v for v in pod.get("volumes") or []}
        for claim in spec.get("volumeClaimTemplates") or []:
            volumes[(claim.get("metadata") or {}).get("name")] = claim
        if not self.containers(pod):
            self.fail(w, "has no containers")
        for host in ("hostNetwork", "hostPID", "hostIPC"):
            if pod.get(host):
                self.fail(w, f"{host} is true")
        for name, v in volumes.items():
            if isinstance(v, dict) and "hostPath" in v:
                self.fail(w, f"volume {name} is a hostPath")
        for c in self.containers(pod):
            where = f"container {c.get('name')}"
            res = c.get("resources") or {}
            for section in ("requests", "limits"):
                for r in ("cpu", "memory"):
                    if (res.get(section) or {}).get(r) in (None, ""):
                        self.fail(w, f"{where}: resources.{section}.{r} is missing")
            for r in ("cpu", "memory"):
                req, lim = (res.get("requests") or {}).get(r), (res.get("limits") or {}).get(r)
                if req is not None and lim is not None:
                    qr, ql = self.quantity(req), self.quantity(lim)
                    if qr is None or ql is None:
                        self.fail(w, f"{where}: {r} quantity '{req}' or '{lim}' is not understood")
                    elif qr > ql:
                        self.fail(w, f"{where}: {r} request {req} is above its limit {lim}")
            if c in (pod.get("containers") or []):
                for probe in ("livenessProbe", "readinessProbe"):
                    p = c.get(probe)
                    if not p:
                        self.fail(w, f"{where}: {probe} is missing")
                        continue
                    self.check_probe_port(w, c, probe, p)
                if c.get("startupProbe"):
                    self.check_probe_port(w, c, "startupProbe", c["startupProbe"])
            csc = c.get("securityContext") or {}
            non_root = csc.get("runAsNonRoot", psc.get("runAsNonRoot"))
            if non_root is not True:
                self.fail(w, f"{where}: runAsNonRoot is not true")
            user = csc.get("runAsUser", psc.get("runAsUser"))
            if user == 0:
                self.fail(w, f"{where}: runAsUser is 0 (root)")
            if csc.get("readOnlyRootFilesystem") is not True:
                self.fail(w, f"{where}: readOnlyRootFilesystem is not true")
            if csc.get("allowPrivilegeEscalation") is not False:
                self.fail(w, f"{where}: allowPrivilegeEscalation is not false")
            if "ALL" not in ((csc.get("capabilities") or {}).get("drop") or []):
                self.fail(w, f"{where}: capabilities.drop does not contain ALL")
            if csc.get("privileged"):
                self.fail(w, f"{where}: is privileged")
            seccomp = (csc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
            if seccomp not in ("RuntimeDefault", "Localhost"):
                self.fail(w, f"{where}: seccompProfile is '{seccomp}', expected RuntimeDefault")
            image = c.get("image") or ""
            last = image.rsplit("/", 1)[-1]
            if "@sha256:" not in image and (":" not in last or last.endswith(":latest")):
                self.fail(w, f"{where}: image '{image}' is not pinned (needs a tag other than latest, or a digest)")
            for m in c.get("volumeMounts") or []:
                if m.get("name") not in volumes:
                    self.fail(w, f"{where}: volumeMount '{m.get('name')}' has no volume")

    def check_probe_port(self, w, c, probe, p):
        action = p.get("httpGet") or p.get("tcpSocket") or p.get("grpc")
        if action is None:
            if not p.get("exec"):
                self.fail(w, f"container {c.get('name')}: {probe} has no handler")
            return
        port = action.get("port")
        if port is None or self.resolve_port(c, port) is None:
            self.fail(w, f"container {c.get('name')}: {probe} port '{port}' is not a containerPort of the container")

    def check_app_service(self, name):
        w = self.app_workload(name)
        if w is None:
            self.errors.append(f"[{self.overlay}] Deployment/{name} is missing")
            return
        expected_port = self.app_port(name)
        pod = self.pod_spec(w)
        containers = pod.get("containers") or []
        c = next((x for x in containers if x.get("name") == name), containers[0] if containers else None)
        if c is None:
            return
        env = self.env_map(c)
        override = (env.get("QUARKUS_HTTP_PORT") or {}).get("value")
        if override is not None:
            expected_port = int(override)
        http = [p for p in c.get("ports") or [] if p.get("name") == "http"] or (c.get("ports") or [])[:1]
        if not http:
            self.fail(w, "the container declares no port")
            return
        container_port = http[0].get("containerPort")
        if expected_port is not None and container_port != expected_port:
            self.fail(w, f"containerPort {container_port} differs from quarkus.http.port {expected_port} "
                         f"in {name}/src/main/resources/application.properties")
        for probe, paths in (("livenessProbe", ["/q/health/live"]), ("readinessProbe", ["/q/health/ready"]),
                             ("startupProbe", ["/q/health/started", "/q/health/live"])):
            p = c.get(probe)
            if not p:
                self.fail(w, f"{probe} is missing")
                continue
            get = p.get("httpGet")
            if not get:
                self.fail(w, f"{probe} is not an httpGet on {paths[0]}")
                continue
            if get.get("path") not in paths:
                self.fail(w, f"{probe} path is '{get.get('path')}', expected {' or '.join(paths)}")
            if self.resolve_port(c, get.get("port")) != container_port:
                self.fail(w, f"{probe} port '{get.get('port')}' is not the http containerPort {container_port}")
        self.check_image(w, name, c.get("image") or "", container_port)
        if (env.get("SHIELDFAB_BIND_HOST") or {}).get("value") != "0.0.0.0":
            self.fail(w, "env SHIELDFAB_BIND_HOST is not 0.0.0.0 (the service would listen on loopback only)")
        psc = pod.get("securityContext") or {}
        user = (c.get("securityContext") or {}).get("runAsUser", psc.get("runAsUser"))
        if user != UBI_OPENJDK_USER:
            self.fail(w, f"runAsUser is {user}, expected {UBI_OPENJDK_USER} (the UBI OpenJDK image user)")
        tmp = [m for m in c.get("volumeMounts") or [] if m.get("mountPath") == "/tmp"]
        vols = {v.get("name"): v for v in pod.get("volumes") or []}
        if not tmp or "emptyDir" not in vols.get(tmp[0].get("name"), {}):
            self.fail(w, "/tmp is not an emptyDir (needed with a read-only root filesystem)")
        secret_vars = ["SHIELDFAB_DB_URL", "SHIELDFAB_DB_USER", "SHIELDFAB_DB_PASSWORD"]
        if name == "gateway":
            secret_vars += ["SHIELDFAB_API_KEYS", "SHIELDFAB_WEBHOOK_ENCRYPTION_KEY"]
            if "SHIELDFAB_WEBHOOK_SECRET" in env:
                self.fail(w, "env SHIELDFAB_WEBHOOK_SECRET is retired (one webhook secret for every tenant): the "
                             "gateway refuses to start with it (docs/operations.md, \"Webhook secrets\")")
        for var in secret_vars:
            if not ((env.get(var) or {}).get("valueFrom") or {}).get("secretKeyRef"):
                self.fail(w, f"env {var} does not come from a Secret (secretKeyRef)")
        if name == "gateway":
            self.check_gateway_urls(w, c, env)
        # exactly one Service, HPA and PDB
        services = [s for s in self.of("Service")
                    if (s.get("spec") or {}).get("selector")
                    and self.selector_matches({"matchLabels": s["spec"]["selector"]}, self.pod_labels(w))]
        if len(services) != 1:
            self.fail(w, f"is selected by {len(services)} Services, expected 1")
        for s in services:
            ports = [p for p in s["spec"].get("ports") or []
                     if self.resolve_port(c, p.get("targetPort", p.get("port"))) == container_port]
            if not ports:
                self.fail(s, f"no port targets the http containerPort {container_port} of Deployment/{name}")
            elif ports[0].get("port") != container_port:
                self.fail(s, f"port {ports[0].get('port')} differs from the application port {container_port}")
        hpas = [h for h in self.of("HorizontalPodAutoscaler")
                if ((h.get("spec") or {}).get("scaleTargetRef") or {}).get("name") == name]
        if len(hpas) != 1:
            self.fail(w, f"has {len(hpas)} HorizontalPodAutoscalers, expected 1")
        pdbs = [p for p in self.of("PodDisruptionBudget")
                if self.selector_matches((p.get("spec") or {}).get("selector"), self.pod_labels(w))]
        if len(pdbs) != 1:
            self.fail(w, f"has {len(pdbs)} PodDisruptionBudgets, expected 1")

    def check_image(self, w, name, image, port):
        """The image is the service's, built by k8s/images/Dockerfile, which exposes the PORT build argument
        and runs as 185; k8s/images/build.sh passes SERVICE and PORT (the application port, which the
        manifests are checked against above)."""
        repository = re.split(r"[@:]", image.rsplit("/", 1)[-1])[0]
        if repository != name:
            self.fail(w, f"image '{image}' is not the {name} image built by k8s/images/Dockerfile")
            return
        for problem in self.image_build_problems():
            self.fail(w, problem)

    def image_build_problems(self):
        """What is wrong with k8s/images/Dockerfile and build.sh (the same for every service; read once)."""
        if self._image_problems is not None:
            return self._image_problems
        problems, _ = self.dockerfile_problems("k8s/images/Dockerfile")
        build = os.path.join(self.root, "k8s", "images", "build.sh")
        try:
            with open(build, encoding="utf-8") as f:
                script = f.read()
        except OSError:
            script = None
            problems.append("k8s/images/build.sh is missing")
        if script is not None:
            for arg in ("SERVICE", "PORT"):
                if f"--build-arg {arg}=" not in script:
                    problems.append(f"k8s/images/build.sh does not pass --build-arg {arg}")
            if "quarkus\\.http\\.port" not in script and "quarkus.http.port" not in script:
                problems.append("k8s/images/build.sh does not read PORT from quarkus.http.port")
        self._image_problems = problems
        return problems

    def dockerfile_problems(self, name):
        """What is wrong with the image build file `name` (relative to the root): ARG SERVICE and PORT declared, the
        PORT argument exposed, USER 185 at the end; and its instructions (continuation lines joined, each split into
        words), or None when it is missing."""
        try:
            with open(os.path.join(self.root, name), encoding="utf-8") as f:
                text = f.read()
        except OSError:
            return [f"{name} is missing"], None
        lines = [ln.split() for ln in text.replace("\\\n", " ").splitlines()
                 if ln.strip() and not ln.lstrip().startswith("#")]
        problems = []
        args = {ln[1].split("=")[0] for ln in lines if ln[0].upper() == "ARG" and len(ln) > 1}
        for arg in ("SERVICE", "PORT"):
            if arg not in args:
                problems.append(f"{name} declares no ARG {arg}")
        exposed = [t.split("/")[0] for ln in lines if ln[0].upper() == "EXPOSE" for t in ln[1:]]
        if exposed != ["${PORT}"] and exposed != ["$PORT"]:
            problems.append(f"{name} exposes {exposed}, not the PORT build argument")
        users = [ln[1] for ln in lines if ln[0].upper() == "USER" and len(ln) > 1]
        if not users or users[-1].split(":")[0] != str(UBI_OPENJDK_USER):
            problems.append(f"{name} does not end as USER {UBI_OPENJDK_USER}")
        return problems, lines

    def check_gateway_urls(self, w, c, env):
        configmaps_from = [((e.get("configMapRef") or {}).get("name")) for e in c.get("envFrom") or []]
        for var, target in GATEWAY_URLS.items():
            value = None
            ref = ((env.get(var) or {}).get("valueFrom") or {}).get("configMapKeyRef")
            if ref:
                cm = self.find("ConfigMap", ref.get("name"))
                value = ((cm or {}).get("data") or {}).get(ref.get("key"))
                if cm is None:
                    self.fail(w, f"env {var}: ConfigMap {ref.get('name')} is not in the overlay")
            else:
                for cm_name in configmaps_from:
                    cm = self.find("ConfigMap", cm_name)
                    if cm and var in (cm.get("data") or {}):
                        value = cm["data"][var]
            if value is None:
                self.fail(w, f"{var} does not come from a ConfigMap")
                continue
            m = re.fullmatch(r"http://([a-z0-9.-]+?)(?:\.[a-z0-9-]+\.svc(?:\.cluster\.local)?)?:(\d+)/?", value)
            target_port = self.app_port(target)
            if not m or m.group(1) != target or int(m.group(2)) != target_port:
                self.fail(w, f"{var}={value} is not http://{target}:{target_port}")
                continue
            svc = self.find("Service", target)
            if svc is None or not any(p.get("port") == target_port for p in svc["spec"].get("ports") or []):
                self.fail(w, f"{var}={value}: no Service {target} with port {target_port}")

    def check_services(self):
        for s in self.of("Service"):
            selector = (s.get("spec") or {}).get("selector")
            if not selector:
                self.fail(s, "has no selector")
                continue
            targets = self.workloads_selected_by({"matchLabels": selector})
            if not targets:
                self.fail(s, f"selector {selector} matches no workload's pods")
                continue
            for p in s["spec"].get("ports") or []:
                tp = p.get("targetPort", p.get("port"))
                for w in targets:
                    if not any(self.resolve_port(c, tp) for c in self.pod_spec(w).get("containers") or []):
                        self.fail(s, f"targetPort '{tp}' is not a containerPort of {w['kind']}/{w['metadata']['name']}")

    def check_hpas(self):
        for h in self.of("HorizontalPodAutoscaler"):
            spec = h.get("spec") or {}
            ref = spec.get("scaleTargetRef") or {}
            if h.get("apiVersion") != "autoscaling/v2":
                self.fail(h, f"apiVersion is {h.get('apiVersion')}, expected autoscaling/v2")
            if ref.get("kind") != "Deployment" or self.find("Deployment", ref.get("name")) is None:
                self.fail(h, f"scaleTargetRef {ref.get('kind')}/{ref.get('name')} is not a Deployment of the overlay")
            mn, mx = spec.get("minReplicas", 1), spec.get("maxReplicas")
            if mx is None or mn < 1 or mn > mx:
                self.fail(h, f"minReplicas {mn} / maxReplicas {mx} are not 1 <= min <= max")
            cpu = [m for m in spec.get("metrics") or []
                   if m.get("type") == "Resource" and (m.get("resource") or {}).get("name") == "cpu"]
            if not cpu:
                self.fail(h, "has no CPU metric")
            target = self.find("Deployment", ref.get("name"))
            replicas = ((target or {}).get("spec") or {}).get("replicas", 1)
            if target is not None and mx is not None and not (mn <= replicas <= mx):
                self.fail(h, f"Deployment replicas {replicas} are outside [{mn}, {mx}]")

    def check_pdbs(self):
        for p in self.of("PodDisruptionBudget"):
            spec = p.get("spec") or {}
            if not self.workloads_selected_by(spec.get("selector")):
                self.fail(p, f"selector {spec.get('selector')} matches no workload's pods")
            if "minAvailable" not in spec and "maxUnavailable" not in spec:
                self.fail(p, "sets neither minAvailable nor maxUnavailable")

    def check_ingresses(self):
        ingresses = self.of("Ingress")
        gateway_svc = self.find("Service", "gateway")
        gw_ports = [x.get("port") for x in (gateway_svc or {}).get("spec", {}).get("ports") or []]
        gw_names = [x.get("name") for x in (gateway_svc or {}).get("spec", {}).get("ports") or []]
        found = False
        for ing in ingresses:
            spec = ing.get("spec") or {}
            backends = []
            if spec.get("defaultBackend"):
                backends.append(spec["defaultBackend"])
            for rule in spec.get("rules") or []:
                for path in (rule.get("http") or {}).get("paths") or []:
                    backends.append(path.get("backend") or {})
            if not backends:
                self.fail(ing, "has no backend")
            for b in backends:
                svc = b.get("service") or {}
                if svc.get("name") != "gateway":
                    self.fail(ing, f"routes to '{svc.get('name')}': only the gateway may have an Ingress")
                    continue
                port = svc.get("port") or {}
                if port.get("number") not in gw_ports and port.get("name") not in gw_names:
                    self.fail(ing, f"backend port {port} is not a port of Service/gateway {gw_ports}")
                else:
                    found = True
        if not found:
            self.errors.append(f"[{self.overlay}] no Ingress routes to the gateway")

    # --- NetworkPolicies
    def policies(self, pod_labels, direction):
        return [np for np in self.of("NetworkPolicy")
                if direction in self.policy_types(np)
                and self.selector_matches((np.get("spec") or {}).get("podSelector"), pod_labels)]

    @staticmethod
    def policy_types(np):
        spec = np.get("spec") or {}
        types = spec.get("policyTypes")
        if types:
            return types
        return ["Ingress"] + (["Egress"] if spec.get("egress") else [])

    @staticmethod
    def rule_ports(rule):
        """The numeric ports a rule allows, or None for every port."""
        ports = rule.get("ports")
        if not ports:
            return None
        return [p.get("port") for p in ports]

    def rule_ports_on(self, rule, workload):
        """The ports a rule allows on a workload's pods, named ports resolved to numbers; None for every port."""
        ports = self.rule_ports(rule)
        if ports is None or workload is None:
            return ports
        resolved = []
        for port in ports:
            if isinstance(port, str) and not port.isdigit():
                port = next((n for c in self.pod_spec(workload).get("containers") or []
                             if (n := self.resolve_port(c, port)) is not None), port)
            resolved.append(port)
        return resolved

    @staticmethod
    def is_prometheus_peer(peer):
        """The Prometheus that scrapes the services: pods app.kubernetes.io/name=prometheus in namespace monitoring."""
        return (not peer.get("ipBlock")
                and peer.get("namespaceSelector") == {"matchLabels": {"kubernetes.io/metadata.name": MONITORING_NAMESPACE}}
                and ((peer.get("podSelector") or {}).get("matchLabels") or {}).get("app.kubernetes.io/name") == "prometheus")

    def peer_pod_workloads(self, peer):
        """Names of the overlay's workloads a from/to peer can select (namespace-local podSelector only)."""
        return {w["metadata"]["name"] for w in self.workloads_selected_by(peer.get("podSelector"))}

    def check_network_policies(self):
        nps = self.of("NetworkPolicy")
        if not nps:
            self.errors.append(f"[{self.overlay}] no NetworkPolicy at all")
            return
        deny = [np for np in nps
                if (np.get("spec") or {}).get("podSelector") in ({}, {"matchLabels": {}})
                and {"Ingress", "Egress"} <= set(self.policy_types(np))
                and not np["spec"].get("ingress") and not np["spec"].get("egress")]
        if not deny:
            self.errors.append(f"[{self.overlay}] no default-deny NetworkPolicy (podSelector {{}}, "
                               "policyTypes Ingress and Egress, no rules)")
        apps = self.app_pod_label_sets()
        gateway_labels = apps.get("gateway")
        # Only the gateway reaches each backend, and only on its port.
        for name in BACKENDS:
            labels = apps.get(name)
            if labels is None:
                continue
            port = self.app_port(name)
            workload = self.app_workload(name)
            allowed = False
            for np in self.policies(labels, "Ingress"):
                for rule in np["spec"].get("ingress") or []:
                    peers = rule.get("from")
                    if not peers:
                        self.fail(np, f"lets anything reach {name}: only the gateway may")
                        continue
                    for peer in peers:
                        if self.is_prometheus_peer(peer):
                            continue  # Prometheus scrapes /q/metrics on the same port (check_scraping)
                        if "podSelector" not in peer or peer.get("ipBlock") or peer.get("namespaceSelector") is not None:
                            self.fail(np, f"lets {peer} reach {name}: only the gateway's pods may")
                        elif self.peer_pod_workloads(peer) != {"gateway"}:
                            self.fail(np, f"lets {sorted(self.peer_pod_workloads(peer))} reach {name}: only the gateway may")
                    ports = self.rule_ports_on(rule, workload)
                    if ports != [port]:
                        self.fail(np, f"opens ports {ports if ports else 'all'} of {name}, expected only {port}")
                    elif any("podSelector" in p and not self.is_prometheus_peer(p) for p in peers) and \
                            all(self.is_prometheus_peer(p) or ("podSelector" in p and self.peer_pod_workloads(p) == {"gateway"})
                                for p in peers):
                        allowed = True
            if not allowed:
                self.errors.append(f"[{self.overlay}] no NetworkPolicy lets the gateway reach {name} on {port}")
            if gateway_labels is not None and not self.egress_allowed(gateway_labels, labels, port):
                self.errors.append(f"[{self.overlay}] no NetworkPolicy lets the gateway's egress reach {name} on {port}")
        # Ingress controller -> gateway.
        if gateway_labels is not None:
            gw_port = self.app_port("gateway")
            ok = any(rule.get("from") and any(p.get("namespaceSelector") is not None and not self.is_prometheus_peer(p)
                                              for p in rule["from"])
                     and self.rule_ports(rule) in (None, [gw_port], [gw_port, "http"], ["http"])
                     for np in self.policies(gateway_labels, "Ingress") for rule in np["spec"].get("ingress") or [])
            if not ok:
                self.errors.append(f"[{self.overlay}] no NetworkPolicy lets the ingress controller reach the gateway on {gw_port}")
        # Database: in-cluster (dev) ingress, and egress on 5432 from the services only (every overlay).
        db_workloads = [w for w in self.workloads()
                        if self.pod_labels(w).get("app.kubernetes.io/component") == "database"]
        for db in db_workloads:
            rules = [(np, r) for np in self.policies(self.pod_labels(db), "Ingress") for r in np["spec"].get("ingress") or []]
            if not rules:
                self.fail(db, "no NetworkPolicy lets the services reach the database")
            for np, rule in rules:
                peers = rule.get("from") or []
                if not peers:
                    self.fail(np, "lets anything reach the database: only the services may")
                for peer in peers:
                    who = self.peer_pod_workloads(peer) if "podSelector" in peer else None
                    if who is None or peer.get("namespaceSelector") is not None or peer.get("ipBlock") \
                            or not who or not who <= set(SERVICES):
                        self.fail(np, f"lets {peer} reach the database: only the four services may")
                if self.rule_ports(rule) != [DB_PORT]:
                    self.fail(np, f"opens ports {self.rule_ports(rule) or 'all'} of the database, expected only {DB_PORT}")
            for name, labels in apps.items():
                if not self.egress_allowed(labels, self.pod_labels(db), DB_PORT):
                    self.errors.append(f"[{self.overlay}] no NetworkPolicy lets {name} reach the database on {DB_PORT}")
        for np in nps:
            if "Egress" not in self.policy_types(np):
                continue
            selected = {w["metadata"]["name"] for w in self.workloads_selected_by((np.get("spec") or {}).get("podSelector"))}
            for rule in np["spec"].get("egress") or []:
                ports = self.rule_ports(rule)
                if ports is None or DB_PORT in ports:
                    if ports is None and not rule.get("to"):
                        self.fail(np, "allows all egress")
                    outsiders = selected - set(SERVICES)
                    if outsiders or (np["spec"].get("podSelector") or {}) == {}:
                        self.fail(np, f"lets {sorted(outsiders) or 'every pod'} open port {DB_PORT} "
                                      "(only the four services may reach the database)")
        if not db_workloads:
            for name, labels in apps.items():
                if not any(DB_PORT in (self.rule_ports(r) or [])
                           for np in self.policies(labels, "Egress") for r in np["spec"].get("egress") or []):
                    self.errors.append(f"[{self.overlay}] no NetworkPolicy lets {name} reach the external database on {DB_PORT}")

    def egress_allowed(self, from_labels, to_labels, port):
        for np in self.policies(from_labels, "Egress"):
            for rule in np["spec"].get("egress") or []:
                ports = self.rule_ports(rule)
                if ports is not None and port not in ports:
                    continue
                peers = rule.get("to")
                if not peers:
                    return True
                for peer in peers:
                    if "podSelector" in peer and peer.get("namespaceSelector") is None \
                            and self.selector_matches(peer["podSelector"], to_labels):
                        return True
        return False

    def check_secrets_and_configmaps(self):
        secrets = self.of("Secret")
        if self.overlay == "prod" and secrets:
            for s in secrets:
                self.fail(s, "is committed in the prod overlay: production Secrets are created out of band")
        for s in secrets:
            if ((s.get("metadata") or {}).get("labels") or {}).get("shieldfab.io/dev-only") != "true":
                self.fail(s, "a committed Secret must carry the label shieldfab.io/dev-only=\"true\"")
        for w in self.workloads():
            pod = self.pod_spec(w)
            refs = []  # (kind, name, optional)
            for c in self.containers(pod):
                for e in c.get("env") or []:
                    vf = e.get("valueFrom") or {}
                    if vf.get("secretKeyRef"):
                        refs.append(("Secret", vf["secretKeyRef"].get("name"), vf["secretKeyRef"].get("optional", False)))
                    if vf.get("configMapKeyRef"):
                        refs.append(("ConfigMap", vf["configMapKeyRef"].get("name"), vf["configMapKeyRef"].get("optional", False)))
                for e in c.get("envFrom") or []:
                    if e.get("secretRef"):
                        refs.append(("Secret", e["secretRef"].get("name"), e["secretRef"].get("optional", False)))
                    if e.get("configMapRef"):
                        refs.append(("ConfigMap", e["configMapRef"].get("name"), e["configMapRef"].get("optional", False)))
            for v in pod.get("volumes") or []:
                if v.get("configMap"):
                    refs.append(("ConfigMap", v["configMap"].get("name"), v["configMap"].get("optional", False)))
                if v.get("secret"):
                    refs.append(("Secret", v["secret"].get("secretName"), v["secret"].get("optional", False)))
            for kind, name, optional in refs:
                if optional or self.find(kind, name) is not None:
                    continue
                if kind == "Secret" and not secrets:
                    continue  # an overlay that commits no Secret expects them to be created out of band
                self.fail(w, f"references {kind} {name}, which the overlay does not define")

    def run(self):
        for w in self.workloads():
            self.check_workload(w)
        for name in SERVICES:
            self.check_app_service(name)
        self.check_services()
        self.check_hpas()
        self.check_pdbs()
        self.check_ingresses()
        self.check_network_policies()
        self.check_secrets_and_configmaps()
        self.monitoring = MonitoringRules(self, SERVICES)
        self.monitoring.run()
        FullwaveRules(self).run()
        return self.errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="repository root (for the services' application.properties)")
    ap.add_argument("--overlay", required=True, help="overlay name, used in messages and overlay-specific rules")
    ap.add_argument("--promql-dir", help="write the alert rules and the dashboard's queries here, for promtool")
    ap.add_argument("rendered", help="output of kubectl kustomize for the overlay")
    args = ap.parse_args()
    with open(args.rendered, encoding="utf-8") as f:
        docs = list(yaml.load_all(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    checker = Checker(args.root, args.overlay, docs)
    errors = checker.run()
    if args.promql_dir:
        checker.monitoring.write_promql(args.promql_dir)
    if errors:
        for e in errors:
            print(f"FAIL {e}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(checker.of(k))} {k}" for k in
                       ("Deployment", "StatefulSet", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                        "NetworkPolicy", "Ingress", "Secret", "ServiceAccount", "Role", "RoleBinding", "ServiceMonitor",
                        "PrometheusRule") if checker.of(k))
    print(f"ok   [{args.overlay}] {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
