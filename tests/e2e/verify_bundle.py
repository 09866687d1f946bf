#!/usr/bin/env python3
"""Checks a ShieldFab handoff bundle: every file docs/api-guide.md lists is there, and the manifest's
SHA-256 and size of each file match the bytes in the zip. With --window open|empty also that the manifest's
opening window (docs/shielding.md, "Opening window") is non-empty or empty, and an empty window's verdict is FAIL.
Exit status 0 when it holds."""
import hashlib
import json
import sys
import zipfile

REQUIRED = ["layout.json", "layout.gds", "layout.dxf", "layout.svg", "shielding-report.json",
            "recipe.json", "traveler.html", "traveler.pdf", "design.json", "manifest.json"]


def check(path, window=None):
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
        if window is not None:
            w = manifest.get("openingWindow")
            if not isinstance(w, dict) or "empty" not in w:
                problems.append("manifest has no openingWindow")
            elif w["empty"] != (window == "empty"):
                problems.append(f"opening window {w} is not {window}")
            elif window == "empty" and manifest.get("verdict") != "FAIL":
                problems.append(f"an empty opening window has verdict {manifest.get('verdict')}, not FAIL")
    return manifest, problems


if __name__ == "__main__":
    args = sys.argv[1:]
    expected = None
    if len(args) == 3 and args[1] == "--window":
        expected = args[2]
    manifest, problems = check(args[0], expected)
    for p in problems:
        print("  -", p)
    print(f"  {len(manifest['files'])} files, design {manifest['designName']} rev {manifest['designRevision']}, "
          f"verdict {manifest.get('verdict')}, opening window {manifest.get('openingWindow')}")
    sys.exit(1 if problems else 0)
