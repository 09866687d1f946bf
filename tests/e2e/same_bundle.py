#!/usr/bin/env python3
"""Checks that two handoff bundles of the same design hold the same artefacts: a handoff is a pure function of its
design, except for what names the run itself — the ids the services and the gateway gave (handoff, layout, report,
recipe), the creation times, and the recipe's version number (each compile of a design name is its next version).
Used by handoff-examples.sh on two handoffs of one design, and to compare bundles made by two builds of the suite
(docs/benchmarks.md, "Handoff cost": the cuts change no byte of an artefact).

  same_bundle.py A.zip B.zip

- design.json, layout.dxf, layout.svg: the same bytes;
- layout.gds: the same bytes once the BGNLIB/BGNSTR dates (the layout's creation time) are set aside;
- layout.json, shielding-report.json, recipe.json, traveler.html: the same bytes once each bundle's own ids, its
  ISO-8601 instants and the recipe version are replaced by placeholders;
- traveler.pdf: the same number of pages and the same text, string by string, with the same replacements (the
  glyph positions of a line move with the width of an id, so its bytes cannot match);
- manifest.json: the same fields, except handoffId and createdAt, and the same size and SHA-256 for the files whose
  bytes must match.
Prints what differs; exit status 0 when nothing does."""
import json
import re
import struct
import sys
import zipfile
import zlib

SAME_BYTES = ["design.json", "layout.dxf", "layout.svg"]
MASKED_TEXT = ["layout.json", "shielding-report.json", "recipe.json", "traveler.html"]
# ISO-8601 instants (JSON, HTML) and PDF dates (D:YYYYMMDDHHmmSS and offset, the traveler's creation date).
INSTANT = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z|D:\d{14}[^)]*")
# The recipe version as the recipe JSON and the traveler write it.
VERSION = re.compile(rb'("version":|"recipeVersion":|recipe v|version |\bv)\d+')


class Bundle:
    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.files = {name: z.read(name) for name in z.namelist()}
        self.manifest = json.loads(self.files["manifest.json"])
        layout = json.loads(self.files["layout.json"])
        report = json.loads(self.files["shielding-report.json"])
        recipe = json.loads(self.files["recipe.json"])
        # Longest first, so that no id is cut by a shorter one it contains.
        self.ids = sorted({self.manifest["handoffId"], layout["id"], report["id"], recipe["id"]}, key=len, reverse=True)

    def masked(self, data):
        for n, ident in enumerate(self.ids):
            data = data.replace(ident.encode(), b"<id>")
        data = INSTANT.sub(b"<instant>", data)
        return VERSION.sub(lambda m: m.group(1) + b"<n>", data)


def gds_without_dates(data):
    """GDSII records, the 12 date fields of BGNLIB (0x0102) and BGNSTR (0x0502) zeroed."""
    out, at = bytearray(), 0
    while at + 4 <= len(data):
        length, kind = struct.unpack(">HH", data[at:at + 4])
        if length < 4:
            break
        record = bytearray(data[at:at + length])
        if kind in (0x0102, 0x0502):
            record[4:28] = bytes(24)
        out += record
        at += length
    return bytes(out + data[at:])


PDF_STREAM = re.compile(rb"<<(.*?)>>\s*stream\r?\n", re.S)


def pdf_text(data):
    """Pages, and the literal strings of the file and of each stream (content and object streams), in order."""
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    strings, at = [], 0
    while True:
        m = PDF_STREAM.search(data, at)
        if not m:
            break
        end = data.index(b"endstream", m.end())
        raw = data[m.end():end]
        at = end
        if b"/FlateDecode" in m.group(1):
            try:
                raw = zlib.decompress(raw)
            except zlib.error:
                continue
        pages += len(re.findall(rb"/Type\s*/Page\b(?!s)", raw))
        strings += re.findall(rb"\((?:\\.|[^\\)])*\)", raw)
    return pages, strings


def compare(a, b):
    problems = []
    for name in SAME_BYTES:
        if a.files[name] != b.files[name]:
            problems.append(f"{name}: the bytes differ")
    if gds_without_dates(a.files["layout.gds"]) != gds_without_dates(b.files["layout.gds"]):
        problems.append("layout.gds: the bytes differ (dates set aside)")
    for name in MASKED_TEXT:
        if a.masked(a.files[name]) != b.masked(b.files[name]):
            problems.append(f"{name}: the bytes differ (ids, instants and the recipe version set aside)")
    pa, sa = pdf_text(a.files["traveler.pdf"])
    pb, sb = pdf_text(b.files["traveler.pdf"])
    if pa != pb or pa == 0:
        problems.append(f"traveler.pdf: {pa} pages against {pb}")
    if [a.masked(s) for s in sa] != [b.masked(s) for s in sb]:
        problems.append("traveler.pdf: the text differs (ids and the recipe version set aside)")
    if not sa:
        problems.append("traveler.pdf: no text found")
    ma = {k: v for k, v in a.manifest.items() if k not in ("handoffId", "createdAt", "files")}
    mb = {k: v for k, v in b.manifest.items() if k not in ("handoffId", "createdAt", "files")}
    if ma != mb:
        problems.append(f"manifest.json: {ma} against {mb}")
    fa = {f["name"]: f for f in a.manifest["files"]}
    fb = {f["name"]: f for f in b.manifest["files"]}
    if fa.keys() != fb.keys():
        problems.append(f"manifest.json: files {sorted(fa)} against {sorted(fb)}")
    for name in SAME_BYTES:
        if fa.get(name) != fb.get(name):
            problems.append(f"manifest.json: {name} listed as {fa.get(name)} against {fb.get(name)}")
    return problems


def main():
    problems = compare(Bundle(sys.argv[1]), Bundle(sys.argv[2]))
    for p in problems:
        print("  differs: " + p)
    if not problems:
        print("  same artefacts: 3 files byte for byte, layout.gds but its dates, 4 documents but their ids, instants"
              " and recipe version, the traveler PDF's pages and text")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
