#!/usr/bin/env python3
"""Checks a ShieldFab handoff bundle: every file docs/api-guide.md lists is there, and the manifest's
SHA-256 and size of each file match the bytes in the zip. With --window open|empty also that the manifest's
opening window (docs/shielding.md, "Opening window") is non-empty or empty, and an empty window's verdict is FAIL;
with --verdict V that the manifest's verdict is V; with --bounds MIN MAX that the window runs from MIN to MAX mm
(to 1e-9 mm). Exit status 0 when it holds.
  verify_bundle.py BUNDLE.zip [--window open|empty] [--verdict PASS|WARN|FAIL] [--bounds MIN MAX]"""
import argparse
import hashlib
import json
import sys
import zipfile

REQUIRED = ["layout.json", "layout.gds", "layout.dxf", "layout.svg", "shielding-report.json",
            "recipe.json", "traveler.html", "traveler.pdf", "design.json", "manifest.json"]


def window_problems(manifest, window=None, verdict=None, bounds=None):
    """What the manifest's verdict and opening window get wrong against the expected ones (None: not checked)."""
    problems = []
    if verdict is not None and manifest.get("verdict") != verdict:
        problems.append(f"verdict {manifest.get('verdict')}, expected {verdict}")
    if window is None and bounds is None:
        return problems
    w = manifest.get("openingWindow")
    if not isinstance(w, dict) or "empty" not in w:
        return problems + ["manifest has no openingWindow"]
    if window is not None:
        if w["empty"] != (window == "empty"):
            problems.append(f"opening window {w} is not {window}")
        elif window == "empty" and manifest.get("verdict") != "FAIL":
            problems.append(f"an empty opening window has verdict {manifest.get('verdict')}, not FAIL")
    if bounds is not None:
        got = (w.get("minMm"), w.get("maxMm"))
        if any(g is None or abs(g - b) > 1e-9 for g, b in zip(got, bounds)):
            problems.append(f"opening window [{got[0]}, {got[1]}] mm, expected [{bounds[0]}, {bounds[1]}] mm")
    return problems


def check(path, window=None, verdict=None, bounds=None):
    problems = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for name in REQUIRED:
            if name not in names:
                problems.append(f"{name} missing")
        manifest = json.loads(z.read("manifest.json"))
        listed = {f["name"]: f for f in manifest["files"]}
        for name in names:
            if name == "manifest.json":
                continue
            data = z.read(name)
            entry = listed.get(name)
            if entry is None:
                problems.append(f"{name} not in manifest")
            elif entry["sha256"] != hashlib.sha256(data).hexdigest() or entry["sizeBytes"] != len(data):
                problems.append(f"{name}: manifest hash/size does not match")
        if not z.read("layout.gds")[:4] == b"\x00\x06\x00\x02":
            problems.append("layout.gds does not start with a GDSII HEADER record")
        if not z.read("traveler.pdf").startswith(b"%PDF"):
            problems.append("traveler.pdf is not a PDF")
        problems += window_problems(manifest, window, verdict, bounds)
    return manifest, problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Checks a ShieldFab handoff bundle.")
    parser.add_argument("bundle")
    parser.add_argument("--window", choices=["open", "empty"])
    parser.add_argument("--verdict", choices=["PASS", "WARN", "FAIL"])
    parser.add_argument("--bounds", nargs=2, type=float, metavar=("MIN", "MAX"))
    args = parser.parse_args()
    manifest, problems = check(args.bundle, args.window, args.verdict, args.bounds)
    for p in problems:
        print("  -", p)
    print(f"  {len(manifest['files'])} files, design {manifest['designName']} rev {manifest['designRevision']}, "
          f"verdict {manifest.get('verdict')}, opening window {manifest.get('openingWindow')}")
    sys.exit(1 if problems else 0)
