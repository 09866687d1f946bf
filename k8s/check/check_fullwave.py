"""The verification-Job rules of check.py (docs/shielding.md, "Verification runs on Kubernetes"), on one overlay.

  runner      shielding-service's container sets SHIELDFAB_FULLWAVE_RUNNER=kubernetes and takes
              SHIELDFAB_FULLWAVE_KUBERNETES_POD_NAME from the downward API (metadata.name): the Job copies that pod
  account     its pod runs as the ServiceAccount shielding-service with the token mounted; the ServiceAccount exists
              and mounts no token by default; every other workload mounts none
  rights      only RoleBindings (no ClusterRole, no ClusterRoleBinding) bind shielding-service, to Roles granting at
              most batch/jobs {create, get, list, watch, delete} and pods {get, list, watch}: no wildcard, no
              Secrets, no other resource; nothing else is bound to a Role
  job pods    the Jobs' pod labels (FullwaveJobSpec.LABELS in the service's source) may reach PostgreSQL on 5432
              (egress; with an in-cluster database, its ingress too), and no egress rule gives them anything else
              but DNS (53) and the trace collector (4318)
  API egress  a NetworkPolicy lets shielding-service reach the API server (TCP 443 or 6443)
  image       k8s/images/shielding-service.Dockerfile installs Debian's openems, whose openEMS is at the
              shieldfab.fullwave.executable of application.properties; declares ARG SERVICE and PORT, EXPOSEs the PORT
              argument, ends as USER 185; k8s/images/build.sh builds each service from its own Dockerfile when there
              is one
"""
import os
import re

SERVICE = "shielding-service"
JOB_SPEC = os.path.join(SERVICE, "src", "main", "java", "io", "shieldfab", "shielding", "client", "FullwaveJobSpec.java")
JOB_VERBS = {"create", "get", "list", "watch", "delete"}
POD_VERBS = {"get", "list", "watch"}
JOB_POD_PORTS = {53, 4318, 5432}
API_PORTS = {443, 6443}
DEBIAN_OPENEMS = "/usr/bin/openEMS"


class FullwaveRules:
    def __init__(self, checker):
        self.c = checker

    def err(self, message):
        self.c.errors.append(f"[{self.c.overlay}] {message}")

    def run(self):
        w = self.c.app_workload(SERVICE)
        if w is None:
            return
        pod = self.c.pod_spec(w)
        container = next((x for x in pod.get("containers") or [] if x.get("name") == SERVICE), None)
        if container is None:
            return
        env = self.c.env_map(container)
        if (env.get("SHIELDFAB_FULLWAVE_RUNNER") or {}).get("value") != "kubernetes":
            self.c.fail(w, "env SHIELDFAB_FULLWAVE_RUNNER is not kubernetes: verifications would run inside the "
                           "service's pod, whose memory is not sized for the solver")
            return
        field = (((env.get("SHIELDFAB_FULLWAVE_KUBERNETES_POD_NAME") or {}).get("valueFrom") or {})
                 .get("fieldRef") or {}).get("fieldPath")
        if field != "metadata.name":
            self.c.fail(w, "env SHIELDFAB_FULLWAVE_KUBERNETES_POD_NAME does not come from the downward API "
                           "(fieldRef metadata.name): the service cannot find the pod its Jobs copy")
        self.check_account(w, pod)
        self.check_rights()
        self.check_job_pods()
        if not self.reaches_api(self.c.pod_labels(w)):
            self.err(f"no NetworkPolicy lets {SERVICE} reach the Kubernetes API server (TCP 443 or 6443)")
        self.check_image()

    def check_account(self, w, pod):
        account = pod.get("serviceAccountName")
        if account != SERVICE:
            self.c.fail(w, f"serviceAccountName is {account!r}, expected {SERVICE!r} (k8s/base/{SERVICE}/rbac.yaml)")
        if pod.get("automountServiceAccountToken") is not True:
            self.c.fail(w, "automountServiceAccountToken is not true: the service cannot start its Jobs")
        sa = self.c.find("ServiceAccount", SERVICE)
        if sa is None:
            self.err(f"ServiceAccount/{SERVICE} is missing")
        elif sa.get("automountServiceAccountToken") is not False:
            self.c.fail(sa, "automountServiceAccountToken is not false (the Deployment mounts the token itself)")
        for other in self.c.workloads():
            if other is w:
                continue
            if self.c.pod_spec(other).get("automountServiceAccountToken") is not False:
                self.c.fail(other, "automountServiceAccountToken is not false: only shielding-service talks to the "
                                   "Kubernetes API")

    def check_rights(self):
        for kind in ("ClusterRole", "ClusterRoleBinding"):
            for obj in self.c.of(kind):
                self.c.fail(obj, f"a {kind}: the services need rights in their own namespace only")
        bound = False
        for rb in self.c.of("RoleBinding"):
            subjects = [s for s in rb.get("subjects") or []]
            if any(s.get("kind") != "ServiceAccount" or s.get("name") != SERVICE for s in subjects):
                self.c.fail(rb, f"binds {subjects}: only the ServiceAccount {SERVICE} may hold a Role")
                continue
            ref = rb.get("roleRef") or {}
            role = self.c.find("Role", ref.get("name")) if ref.get("kind") == "Role" else None
            if role is None:
                self.c.fail(rb, f"refers to {ref.get('kind')}/{ref.get('name')}, which the overlay does not define")
                continue
            bound = bound or self.check_role(role)
        if not bound:
            self.err(f"no Role bound to {SERVICE} lets it create Jobs")

    def check_role(self, role):
        """Problems of the Role's rules are reported; True when it lets its holder create Jobs."""
        creates = False
        for rule in role.get("rules") or []:
            groups, resources, verbs = (set(rule.get(k) or []) for k in ("apiGroups", "resources", "verbs"))
            if "*" in groups | resources | verbs or rule.get("nonResourceURLs") or rule.get("resourceNames"):
                self.c.fail(role, f"rule {rule} uses a wildcard, names resources or URLs: grant verbs on jobs and pods")
            elif groups == {"batch"} and resources == {"jobs"}:
                if not verbs <= JOB_VERBS:
                    self.c.fail(role, f"grants {sorted(verbs - JOB_VERBS)} on jobs: at most {sorted(JOB_VERBS)}")
                creates = creates or "create" in verbs
            elif groups == {""} and resources == {"pods"}:
                if not verbs <= POD_VERBS:
                    self.c.fail(role, f"grants {sorted(verbs - POD_VERBS)} on pods: at most {sorted(POD_VERBS)}")
            else:
                self.c.fail(role, f"grants {sorted(verbs)} on {sorted(groups)}/{sorted(resources)}: only jobs "
                                  "(batch) and pods")
        return creates

    def job_pod_labels(self):
        path = os.path.join(self.c.root, JOB_SPEC)
        try:
            with open(path, encoding="utf-8") as f:
                source = f.read()
        except OSError:
            self.err(f"cannot read {JOB_SPEC} (the labels of the verification Jobs' pods)")
            return None
        block = re.search(r"LABELS\s*=\s*Map\.of\((.*?)\);", source, re.S)
        pairs = re.findall(r'"([^"]+)",\s*"([^"]+)"', block.group(1)) if block else []
        if not pairs:
            self.err(f"{JOB_SPEC} has no LABELS = Map.of(...) of the Jobs' pod labels")
            return None
        return dict(pairs)

    def check_job_pods(self):
        labels = self.job_pod_labels()
        if labels is None:
            return
        db_workloads = [w for w in self.c.workloads()
                        if self.c.pod_labels(w).get("app.kubernetes.io/component") == "database"]
        if db_workloads:
            for db in db_workloads:
                if not self.c.egress_allowed(labels, self.c.pod_labels(db), 5432):
                    self.err("no NetworkPolicy lets the verification Jobs' pods reach the database on 5432")
                if not self.ingress_allows(self.c.pod_labels(db), labels, 5432):
                    self.c.fail(db, "no NetworkPolicy lets the verification Jobs' pods in on 5432")
        elif not any(5432 in (self.c.rule_ports(r) or []) for np in self.c.policies(labels, "Egress")
                     for r in np["spec"].get("egress") or []):
            self.err("no NetworkPolicy lets the verification Jobs' pods reach the external database on 5432")
        for np in self.c.policies(labels, "Egress"):
            for rule in np["spec"].get("egress") or []:
                ports = self.c.rule_ports(rule)
                if ports is None or not set(ports) <= JOB_POD_PORTS:
                    self.c.fail(np, f"lets the verification Jobs' pods open {ports or 'every port'}: only the "
                                    f"database, DNS and the trace collector ({sorted(JOB_POD_PORTS)})")

    def ingress_allows(self, to_labels, from_labels, port):
        for np in self.c.policies(to_labels, "Ingress"):
            for rule in np["spec"].get("ingress") or []:
                ports = self.c.rule_ports(rule)
                if ports is not None and port not in ports:
                    continue
                for peer in rule.get("from") or []:
                    if "podSelector" in peer and peer.get("namespaceSelector") is None \
                            and self.c.selector_matches(peer["podSelector"], from_labels):
                        return True
        return False

    def reaches_api(self, labels):
        return any(API_PORTS & set(self.c.rule_ports(r) or [])
                   for np in self.c.policies(labels, "Egress") for r in np["spec"].get("egress") or [])

    def check_image(self):
        name = f"k8s/images/{SERVICE}.Dockerfile"
        problems, lines = self.c.dockerfile_problems(name)
        if lines is None:
            self.err(f"{name} is missing: the service's image must ship openEMS for its Jobs")
            return
        for problem in problems:
            self.err(problem)
        if not any(ln[0].upper() == "RUN" and "openems" in ln and "install" in ln for ln in lines):
            self.err(f"{name} does not install Debian's openems")
        executable = self.property("shieldfab.fullwave.executable")
        if executable != DEBIAN_OPENEMS:
            self.err(f"shieldfab.fullwave.executable is {executable!r}; Debian's openems installs {DEBIAN_OPENEMS}")
        build = os.path.join(self.c.root, "k8s", "images", "build.sh")
        try:
            with open(build, encoding="utf-8") as f:
                script = f.read()
        except OSError:
            return  # check.py reports it
        if ".Dockerfile" not in script:
            self.err("k8s/images/build.sh does not build a service from its own <service>.Dockerfile")

    def property(self, key):
        path = os.path.join(self.c.root, SERVICE, "src", "main", "resources", "application.properties")
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    k, sep, v = line.strip().partition("=")
                    if sep and k.strip() == key:
                        return v.strip()
        except OSError:
            return None
        return None
