#!/usr/bin/env python3
"""Handoff driver for bench/load.sh: submits Wi-Fi handoffs over keep-alive connections and reports when they
finished, from the handoffs' own timestamps (createdAt -> finishedAt), so the measurement itself costs the
services nothing but the submissions and one read per handoff at the end.

  handoffs.py drain N      submit N at once (4 connections), wait until all have finished
  handoffs.py paced R S    submit R per second for S seconds (one connection, on a fixed schedule), wait

Waiting reads the gateways' logs (GATEWAY_LOGS, space-separated, or GATEWAY_LOG: every finished attempt logs
"Handoff <id> SUCCEEDED" or "Handoff <id> FAILED" in the log of the replica that worked it), not the API. Prints one line "RESULT key=value ..." with the handoffs submitted, how many
succeeded, the span from the first submission to the last finish, the rate per minute over that span, and the
latency percentiles p50/p90/p99/max in ms. Environment: GATEWAY (base URL), KEY, DESIGN (a design file),
GATEWAY_LOG. Standard library only."""
import http.client
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse
from datetime import datetime

GATEWAY = urllib.parse.urlsplit(os.environ["GATEWAY"])
KEY = os.environ["KEY"]
DESIGN = open(os.environ["DESIGN"], "rb").read()
LOGS = (os.environ.get("GATEWAY_LOGS") or os.environ["GATEWAY_LOG"]).split()
FINISHED = re.compile(r"Handoff (\S+) (SUCCEEDED|FAILED)")


class Connection:
    """One keep-alive connection to the gateway, reopened if the server closed it."""

    def __init__(self):
        self.conn = None

    def request(self, method, path, body=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(GATEWAY.hostname, GATEWAY.port, timeout=60)
            headers = {"X-API-Key": KEY}
            if body is not None:
                headers["Content-Type"] = "application/json"
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                return response.status, data
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def submit(conn, ids, errors):
    status, data = conn.request("POST", "/api/v1/handoffs", DESIGN)
    if status == 202:
        ids.append(json.loads(data)["id"])
    else:
        errors.append(f"{status} {data[:200]!r}")


def drain(count):
    ids, errors = [], []
    per_thread = [count // 4 + (1 if i < count % 4 else 0) for i in range(4)]

    def worker(n):
        conn = Connection()
        for _ in range(n):
            submit(conn, ids, errors)

    threads = [threading.Thread(target=worker, args=(n,)) for n in per_thread]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return ids, errors


def paced(rate, seconds):
    ids, errors = [], []
    conn = Connection()
    start = time.monotonic()
    total = int(rate * seconds)
    for i in range(total):
        pause = start + i / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        submit(conn, ids, errors)
    return ids, errors


def wait_finished(ids, offsets, timeout_s):
    """Follows the gateways' logs from their offsets until every id has a SUCCEEDED/FAILED line; the ids not seen."""
    waiting = set(ids)
    deadline = time.monotonic() + timeout_s
    logs = [open(path, "r", errors="replace") for path in LOGS]
    pending = [""] * len(logs)
    try:
        for log, offset in zip(logs, offsets):
            log.seek(offset)
        while waiting and time.monotonic() < deadline:
            read = False
            for i, log in enumerate(logs):
                chunk = log.read()
                if not chunk:
                    continue
                read = True
                lines = (pending[i] + chunk).split("\n")
                pending[i] = lines.pop()
                for line in lines:
                    m = FINISHED.search(line)
                    if m:
                        waiting.discard(m.group(1))
            if not read:
                time.sleep(0.05)
    finally:
        for log in logs:
            log.close()
    return waiting


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main():
    mode = sys.argv[1]
    offsets = [os.path.getsize(path) for path in LOGS]
    if mode == "drain":
        ids, errors = drain(int(sys.argv[2]))
    elif mode == "paced":
        ids, errors = paced(float(sys.argv[2]), float(sys.argv[3]))
    else:
        sys.exit("mode is drain or paced")
    missing = wait_finished(ids, offsets, 900)
    conn = Connection()
    created, finished, latencies, statuses = [], [], [], {}
    for hid in ids:
        status, data = conn.request("GET", f"/api/v1/handoffs/{hid}")
        view = json.loads(data)
        statuses[view["status"]] = statuses.get(view["status"], 0) + 1
        created.append(instant(view["createdAt"]))
        if view.get("finishedAt"):
            finished.append(instant(view["finishedAt"]))
            latencies.append((finished[-1] - created[-1]) * 1000)
    span = (max(finished) - min(created)) if finished else 0
    fields = {
        "submitted": len(ids), "errors": len(errors), "succeeded": statuses.get("SUCCEEDED", 0),
        "unfinished": len(missing), "statuses": ",".join(f"{k}:{v}" for k, v in sorted(statuses.items())),
        "span_s": f"{span:.2f}", "per_min": f"{len(finished) * 60 / span:.1f}" if span else "0",
    }
    if latencies:
        fields.update({f"p{p}_ms": f"{percentile(latencies, p):.0f}" for p in (50, 90, 99)})
        fields["max_ms"] = f"{max(latencies):.0f}"
        fields["mean_ms"] = f"{statistics.mean(latencies):.0f}"
    print("RESULT " + " ".join(f"{k}={v}" for k, v in fields.items()))
    for e in errors[:5]:
        print("  error: " + e, file=sys.stderr)


if __name__ == "__main__":
    main()
