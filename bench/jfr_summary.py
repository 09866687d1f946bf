#!/usr/bin/env python3
"""Where a service's CPU went during a bench/load.sh drain, from its JFR recording (settings=profile).

  jfr_summary.py <recording.jfr> <label> [from to]

from, to: the window to summarise, in seconds since the epoch (events outside it are left out).

Reads the recording with the JDK's `jfr print --json` and prints, for the Java execution samples:
- the share of samples per kind of work, each sample counted once under the first kind in PRIORITY whose
  packages appear anywhere on its stack (so Jackson called by RESTEasy counts as JSON, H2 called by Hibernate as
  database, the fonts PDFBox inflates as PDF);
- the ten methods most often on top of the stack (self time);
- the pause time of the garbage collector and the time of JIT compilations in the recording (CPU the samples do
  not show).
Only the JDK is needed (its `jfr` tool next to `java`)."""
import collections
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime

# Kind of work -> package prefixes. Order is priority (see the module docstring).
PRIORITY = [
    ("PDF (openhtmltopdf, PDFBox, fonts)", ("com.openhtmltopdf.", "org.apache.pdfbox.", "org.apache.fontbox.",
                                             "de.rototor.")),
    ("HTML templates (Qute)", ("io.quarkus.qute.",)),
    ("layout generation and writers", ("io.shieldfab.layout.",)),
    ("shielding physics", ("io.shieldfab.shielding.",)),
    ("recipe compilation", ("io.shieldfab.recipe.",)),
    ("bean validation", ("org.hibernate.validator.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("database (Hibernate, Agroal, H2/PostgreSQL, transactions)", ("org.hibernate.", "org.h2.", "io.agroal.",
                                                                  "org.postgresql.", "com.arjuna.",
                                                                  "io.quarkus.narayana.", "io.quarkus.hibernate.")),
    ("zip and deflate", ("java.util.zip.",)),
    ("hashing (SHA-256)", ("sun.security.provider.",)),
    ("logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
    ("metrics and tracing", ("io.micrometer.", "io.opentelemetry.", "io.quarkus.micrometer.",
                             "io.quarkus.opentelemetry.")),
    ("HTTP server and client (Vert.x, Netty, Quarkus REST)", ("io.vertx.", "io.netty.", "org.jboss.resteasy.",
                                                             "io.quarkus.rest.", "io.quarkus.resteasy.",
                                                             "io.quarkus.vertx.")),
    ("design model", ("io.shieldfab.design.",)),
    ("ShieldFab, other", ("io.shieldfab.",)),
]


def jfr_tool():
    java = shutil.which("java")
    home = os.environ.get("JAVA_HOME") or (os.path.dirname(os.path.dirname(os.path.realpath(java))) if java else "")
    tool = os.path.join(home, "bin", "jfr")
    return tool if os.path.exists(tool) else "jfr"


def events(path, names):
    out = subprocess.run([jfr_tool(), "print", "--json", "--events", names, path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(frame):
    method = frame["method"]
    # Type names come in the class file's form (java/lang/String).
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def kind(frames):
    names = [frame_name(f) for f in frames]
    for label, prefixes in PRIORITY:
        if any(n.startswith(prefixes) for n in names):
            return label
    return "JDK and other libraries"


def seconds(duration):
    # JFR's JSON durations are ISO-8601 ("PT0.001234S").
    text = duration.removeprefix("PT")
    total = 0.0
    for unit, factor in (("H", 3600), ("M", 60), ("S", 1)):
        if unit in text:
            value, text = text.split(unit, 1)
            total += float(value) * factor
    return total


def within(window):
    def keep(event):
        if window is None:
            return True
        at = datetime.fromisoformat(event["values"]["startTime"].replace("Z", "+00:00")[:26] + "+00:00").timestamp()
        return window[0] <= at <= window[1]
    return keep


def main():
    path, label = sys.argv[1], sys.argv[2]
    keep = within((float(sys.argv[3]), float(sys.argv[4])) if len(sys.argv) > 4 else None)
    samples = [e for e in events(path, "jdk.ExecutionSample") if keep(e)]
    kinds = collections.Counter()
    tops = collections.Counter()
    for sample in samples:
        frames = sample["values"]["stackTrace"]["frames"] if sample["values"].get("stackTrace") else []
        kinds[kind(frames)] += 1
        if frames:
            tops[frame_name(frames[0])] += 1
    total = max(1, len(samples))
    gc = sum(seconds(e["values"]["duration"]) for e in events(path, "jdk.GCPhasePause") if keep(e))
    jit = sum(seconds(e["values"]["duration"]) for e in events(path, "jdk.Compilation") if keep(e))
    print(f"  {label}: {len(samples)} execution samples; GC pauses {gc * 1000:.0f} ms, JIT compilations {jit * 1000:.0f} ms")
    for name, count in kinds.most_common():
        print(f"    {100 * count / total:5.1f} %  {name}")
    print("    top of stack: " + "; ".join(f"{n} {100 * c / total:.1f} %" for n, c in tops.most_common(10)))


if __name__ == "__main__":
    main()
