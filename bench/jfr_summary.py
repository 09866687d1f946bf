#!/usr/bin/env python3
"""Where a service's CPU went during a bench/load.sh drain, from its JFR recording (settings=profile).

  jfr_summary.py <recording.jfr> <label> [from to]

from, to: the window to summarise, in seconds since the epoch (events outside it are left out).

Reads the recording with the JDK's `jfr print --json` and prints, for the Java execution samples:
- the share of samples per kind of work, each sample counted once under the kind (KINDS) of the frame nearest the
  top of its stack that has one;
- the ten methods most often on top of the stack (self time);
- the ShieldFab methods most often anywhere on the stack (inclusive time: the work each one causes);
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

# Kind of work -> package prefixes. A sample counts for the kind of the frame nearest the top of its stack that has
# one (self time by component: Jackson's number formatting counts as JSON, H2 under Hibernate as database, the
# Vert.x and RESTEasy frames under every request only when they run themselves).
KINDS = [
    ("PDF (openhtmltopdf, PDFBox, fonts)", ("com.openhtmltopdf.", "org.apache.pdfbox.", "org.apache.fontbox.",
                                             "de.rototor.", "java.awt.")),
    ("HTML templates (Qute)", ("io.quarkus.qute.",)),
    ("bean validation", ("org.hibernate.validator.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("database (Hibernate, Agroal, H2/PostgreSQL, transactions)", ("org.hibernate.", "org.h2.", "io.agroal.",
                                                                  "org.postgresql.", "com.arjuna.",
                                                                  "io.quarkus.narayana.", "io.quarkus.hibernate.",
                                                                  "io.quarkus.agroal.")),
    ("zip and deflate", ("java.util.zip.",)),
    ("hashing (SHA-256)", ("sun.security.provider.",)),
    ("logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
    ("metrics and tracing", ("io.micrometer.", "io.opentelemetry.", "io.quarkus.micrometer.",
                             "io.quarkus.opentelemetry.")),
    ("layout generation and writers", ("io.shieldfab.layout.",)),
    ("shielding physics and report", ("io.shieldfab.shielding.", "org.apache.commons.math3.")),
    ("recipe compilation", ("io.shieldfab.recipe.",)),
    ("design model (reading, rules)", ("io.shieldfab.design.",)),
    ("ShieldFab, other", ("io.shieldfab.",)),
    ("HTTP server and client (Vert.x, Netty, Quarkus REST)", ("io.vertx.", "io.netty.", "org.jboss.resteasy.",
                                                             "io.quarkus.rest.", "io.quarkus.resteasy.",
                                                             "io.quarkus.vertx.")),
    ("CDI, fault tolerance, other Quarkus", ("io.quarkus.", "io.smallrye.")),
]


def jfr_tool():
    java = shutil.which("java")
    home = os.environ.get("JAVA_HOME") or (os.path.dirname(os.path.dirname(os.path.realpath(java))) if java else "")
    tool = os.path.join(home, "bin", "jfr")
    return tool if os.path.exists(tool) else "jfr"


def events(path, names):
    # jfr print shows 5 frames of each stack unless told otherwise.
    out = subprocess.run([jfr_tool(), "print", "--json", "--stack-depth", "256", "--events", names, path], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(frame):
    method = frame["method"]
    # Type names come in the class file's form (java/lang/String).
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def kind(frames):
    for frame in frames:
        name = frame_name(frame)
        for label, prefixes in KINDS:
            if name.startswith(prefixes):
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
    own = collections.Counter()
    for sample in samples:
        frames = sample["values"]["stackTrace"]["frames"] if sample["values"].get("stackTrace") else []
        kinds[kind(frames)] += 1
        if frames:
            tops[frame_name(frames[0])] += 1
        # Generated subclasses and lambdas (names with $$ or $Lambda) stand for the method they call.
        own.update({n for n in map(frame_name, frames) if n.startswith("io.shieldfab.") and "$$" not in n
                    and "$Lambda" not in n and ".lambda$" not in n})
    total = max(1, len(samples))
    gc = sum(seconds(e["values"]["duration"]) for e in events(path, "jdk.GCPhasePause") if keep(e))
    jit = sum(seconds(e["values"]["duration"]) for e in events(path, "jdk.Compilation") if keep(e))
    print(f"  {label}: {len(samples)} execution samples; GC pauses {gc * 1000:.0f} ms, JIT compilations {jit * 1000:.0f} ms")
    for name, count in kinds.most_common():
        print(f"    {100 * count / total:5.1f} %  {name}")
    print("    top of stack: " + "; ".join(f"{n} {100 * c / total:.1f} %" for n, c in tops.most_common(10)))
    print("    ShieldFab code on the stack: " + "; ".join(f"{n.removeprefix('io.shieldfab.')} {100 * c / total:.1f} %"
                                                       for n, c in own.most_common(12)))


if __name__ == "__main__":
    main()
