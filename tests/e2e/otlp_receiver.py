#!/usr/bin/env python3
"""A stand-in for an OpenTelemetry collector and a webhook receiver, for tests/e2e/tracing.sh: answers every POST
with 200 (OTLP/HTTP at /v1/traces, anything else as a webhook) and writes each request's path, headers and body to
its own file in OUT_DIR. Nothing is decoded here: the check looks for the trace id's 16 bytes in the protobuf.
  otlp_receiver.py PORT OUT_DIR"""
import http.server
import json
import os
import sys
import threading

OUT = sys.argv[2]
COUNTER = iter(range(1, 10**9))
LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with LOCK:
            n = next(COUNTER)
        base = os.path.join(OUT, f"{n:06d}")
        with open(base + ".body", "wb") as f:
            f.write(body)
        with open(base + ".json", "w") as f:
            json.dump({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}, f)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf" if self.path == "/v1/traces" else "text/plain")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


os.makedirs(OUT, exist_ok=True)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
