#!/usr/bin/env python3
"""The client side of tests/e2e/faults-pg.sh: a webhook receiver, a handoff submitter that keeps
trying through faults, and the final check of every accepted handoff. Standard library only.

  faults_client.py receive PORT SECRET OUT       log each signed webhook to OUT (one JSON line each)
  faults_client.py submit OUT FIRST COUNT PACE_S DESIGN... --gateways URL,URL --key KEY --hook URL
                                                 submit handoffs FIRST..FIRST+COUNT-1, append each accepted to OUT
  faults_client.py verify IDS HOOKS WORKDIR --gateways URL,URL --key KEY

The submitter is a client as docs/api-guide.md tells one to be: every handoff has its own Idempotency-Key,
and a failed attempt (connection refused or reset, 5xx, 409 "in progress") is repeated with the
same key against the other replica, so a gateway killed mid-request cannot make it lose or
duplicate a handoff. Counts go to stdout as "key=value" lines for the shell script.
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import os
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_bundle  # noqa: E402  (same folder)


def request(method, url, key, body=None, headers=None, timeout=30):
    """One HTTP exchange; returns (status, headers, body bytes) and raises OSError on a broken connection."""
    req = urllib.request.Request(url, data=body, method=method, headers={"X-API-Key": key, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


# --- webhook receiver ------------------------------------------------------------------------

def signature_valid(secret, headers, body):
    """Standard Webhooks v1 signature, as docs/api-guide.md section 8 describes it."""
    key = base64.b64decode(secret[len("whsec_"):]) if secret.startswith("whsec_") else secret.encode()
    signed = headers["webhook-id"].encode() + b"." + headers["webhook-timestamp"].encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(c.partition(",")[2], expected) for c in headers["webhook-signature"].split(" "))


def receive(port, secret, out):
    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            message = json.loads(body)
            record = {"webhookId": self.headers.get("webhook-id"), "type": message.get("type"),
                      "handoffId": message["data"]["id"], "status": message["data"]["status"],
                      "signatureValid": signature_valid(secret, self.headers, body)}
            with open(out, "a") as f:
                f.write(json.dumps(record) + "\n")
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Hook).serve_forever()


# --- submitter -------------------------------------------------------------------------------

def submission(design_path, index, hook):
    """Body, content type and query of the index-th handoff: the example design under a unique name."""
    with open(design_path, "rb") as f:
        raw = f.read()
    if design_path.endswith((".yaml", ".yml")):
        # The YAML example has one top-level "name:"; make it unique so handoffs can be told apart.
        text = raw.decode()
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("name:"):
                lines[i] = line.rstrip() + f"-f{index}" if '"' not in line else line.rstrip()[:-1] + f'-f{index}"'
                break
        return "\n".join(lines).encode(), "application/yaml", "?callbackUrl=" + urllib.request.quote(hook, safe="")
    design = json.loads(raw)
    design["name"] = f"{design['name']}-f{index}"
    return json.dumps({"design": design, "callbackUrl": hook}).encode(), "application/json", ""


def submit(args):
    gateways = args.gateways.split(",")
    tried = 0
    accepted = 0
    for i in range(args.first, args.first + args.count):
        design = args.designs[i % len(args.designs)]
        body, content_type, query = submission(design, i, args.hook)
        key = f"faults-{args.run}-{i}"
        deadline = time.time() + 120
        attempt = 0
        while True:
            url = gateways[(i + attempt) % len(gateways)] + "/api/v1/handoffs" + query
            attempt += 1
            tried += 1
            try:
                status, _, answer = request("POST", url, args.key, body,
                                            {"Content-Type": content_type, "Idempotency-Key": key}, timeout=20)
            except OSError as e:
                status, answer = None, str(e).encode()
            if status == 202 or status == 200:
                handoff = json.loads(answer)
                accepted += 1
                with open(args.out, "a") as f:
                    f.write(json.dumps({"index": i, "id": handoff["id"], "design": os.path.basename(design),
                                        "name": handoff["designName"]}) + "\n")
                break
            if status is not None and status < 500 and status not in (409, 429):
                print(f"submission {i} refused with HTTP {status}: {answer[:300]!r}", file=sys.stderr)
                break
            if time.time() > deadline:
                print(f"submission {i} not accepted within 120 s: last {status} {answer[:200]!r}", file=sys.stderr)
                break
            time.sleep(0.5)
        time.sleep(args.pace)
    print(f"requests_tried={tried}")
    print(f"accepted={accepted}")


# --- final check -----------------------------------------------------------------------------

def verify(args):
    gateways = args.gateways.split(",")
    with open(args.ids) as f:
        accepted = [json.loads(line) for line in f if line.strip()]
    hooks = []
    if os.path.exists(args.hooks):
        with open(args.hooks) as f:
            hooks = [json.loads(line) for line in f if line.strip()]
    problems = []
    verified = 0
    ids = [a["id"] for a in accepted]
    if len(set(ids)) != len(ids):
        problems.append(f"{len(ids) - len(set(ids))} submissions were answered with the same handoff id")
    artefacts = {"layoutId": set(), "reportId": set(), "recipeId": set()}
    for n, a in enumerate(accepted):
        base = gateways[n % len(gateways)] + "/api/v1/handoffs/" + a["id"]
        status, _, body = request("GET", base, args.key)
        view = json.loads(body)
        if status != 200 or view["status"] != "SUCCEEDED":
            problems.append(f"handoff {a['id']} ({a['design']}) is {view.get('status')}: {view.get('errors') or view.get('lastError')}")
            continue
        if view["designName"] != a["name"]:
            problems.append(f"handoff {a['id']} has design {view['designName']}, submitted {a['name']}")
        for k in artefacts:
            artefacts[k].add(view[k])
        status, _, zip_bytes = request("GET", base + "/bundle", args.key, timeout=60)
        path = os.path.join(args.workdir, a["id"] + ".zip")
        with open(path, "wb") as f:
            f.write(zip_bytes)
        if status != 200:
            problems.append(f"bundle of {a['id']}: HTTP {status}")
            continue
        manifest, bundle_problems = verify_bundle.check(path)
        # The bundle must hold this handoff's own artefacts, not another's made by a duplicate step.
        import zipfile
        with zipfile.ZipFile(path) as z:
            if json.loads(z.read("layout.json")).get("id") != view["layoutId"]:
                bundle_problems.append("layout.json is not the handoff's layout")
            if json.loads(z.read("shielding-report.json")).get("id") != view["reportId"]:
                bundle_problems.append("shielding-report.json is not the handoff's report")
            if json.loads(z.read("recipe.json")).get("id") != view["recipeId"]:
                bundle_problems.append("recipe.json is not the handoff's recipe")
        if manifest.get("handoffId") != a["id"] or manifest.get("designName") != a["name"]:
            bundle_problems.append("manifest names another handoff or design")
        if bundle_problems:
            problems.append(f"bundle of {a['id']}: {bundle_problems}")
        else:
            verified += 1
    for k, values in artefacts.items():
        if len(values) != len(accepted):
            problems.append(f"{len(values)} distinct {k} for {len(accepted)} handoffs")
    delivered = {h["handoffId"] for h in hooks if h["signatureValid"] and h["type"] == "handoff.succeeded"}
    missing = set(ids) - delivered
    if missing:
        problems.append(f"no valid webhook for {len(missing)} handoff(s): {sorted(missing)[:3]}")
    if any(not h["signatureValid"] for h in hooks):
        problems.append("a webhook with an invalid signature arrived")
    stray = {h["handoffId"] for h in hooks} - set(ids)
    if stray:
        problems.append(f"webhooks for handoffs nobody submitted: {sorted(stray)[:3]}")
    for p in problems:
        print("  FAIL", p)
    print(f"verified={verified}")
    print(f"webhooks_received={len(hooks)}")
    # Standard Webhooks delivery is at least once: a replica killed after the receiver answered but
    # before it recorded the delivery sends it again, with the same webhook-id for deduplication.
    print(f"webhook_redeliveries={len(hooks) - len({h['webhookId'] for h in hooks})}")
    print(f"problems={len(problems)}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("receive")
    r.add_argument("port", type=int)
    r.add_argument("secret")
    r.add_argument("out")
    s = sub.add_parser("submit")
    s.add_argument("out")
    s.add_argument("first", type=int)
    s.add_argument("count", type=int)
    s.add_argument("pace", type=float)
    s.add_argument("designs", nargs="+")
    s.add_argument("--gateways", required=True)
    s.add_argument("--key", required=True)
    s.add_argument("--hook", required=True)
    s.add_argument("--run", default=str(os.getpid()))
    v = sub.add_parser("verify")
    v.add_argument("ids")
    v.add_argument("hooks")
    v.add_argument("workdir")
    v.add_argument("--gateways", required=True)
    v.add_argument("--key", required=True)
    a = p.parse_args()
    if a.command == "receive":
        receive(a.port, a.secret, a.out)
    elif a.command == "submit":
        submit(a)
    else:
        verify(a)


if __name__ == "__main__":
    main()
