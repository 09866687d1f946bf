"""Independent GDSII check with gdspy (Debian python3-gdspy).

usage: check_gds_gdspy.py FILE.gds EXPECTED.json
EXPECTED: {"layers": {"5": 288, ...}, "bbox_um": [x0, y0, x1, y1], "texts": n or null}
Prints one line per check and exits 1 on the first mismatch.
"""
import json
import sys

import gdspy

path, expected_path = sys.argv[1], sys.argv[2]
with open(expected_path) as f:
    expected = json.load(f)

lib = gdspy.GdsLibrary(infile=path)
tops = lib.top_level()
if len(tops) != 1:
    sys.exit("expected one top cell, got %s" % [c.name for c in tops])
top = tops[0]
polygons = top.get_polygons(by_spec=True)
counts = {}
for (layer, datatype), polys in polygons.items():
    if datatype != 0:
        sys.exit("unexpected datatype %d on layer %d" % (datatype, layer))
    counts[str(layer)] = counts.get(str(layer), 0) + len(polys)
ok = True
for layer, want in sorted(expected["layers"].items()):
    got = counts.get(layer, 0)
    print("layer %s: %d polygons (expected %d)" % (layer, got, want))
    ok = ok and got == want
extra = set(counts) - set(expected["layers"])
if extra:
    print("unexpected layers: %s" % sorted(extra))
    ok = False
bbox = top.get_bounding_box()
want = expected["bbox_um"]
print("bbox %s (expected %s)" % (bbox.tolist(), want))
if any(abs(a - b) > 1e-6 for a, b in zip(bbox.flatten().tolist(), want)):
    ok = False
print("unit %g m/user unit, precision %g m" % (lib.unit, lib.precision))
if abs(lib.unit - 1e-6) > 1e-15:
    ok = False
print("OK" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
