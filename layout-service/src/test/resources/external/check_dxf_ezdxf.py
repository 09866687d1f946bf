"""Independent DXF check with ezdxf (Debian python3-ezdxf): audit, units, per-layer polyline counts, bounding box.

usage: check_dxf_ezdxf.py FILE.dxf EXPECTED.json
EXPECTED: {"layers": {"OPENING": 288, ...}, "bbox_um": [x0, y0, x1, y1], "texts": n}
The file must declare its units ($INSUNITS, doc.units: 13 = micrometres) and, converted with ezdxf's own
conversion factor from those units to millimetres, its polylines must span the panel's true size.
"""
import json
import sys

import ezdxf
from ezdxf import units

path, expected_path = sys.argv[1], sys.argv[2]
with open(expected_path) as f:
    expected = json.load(f)

doc = ezdxf.readfile(path)
auditor = doc.audit()
print("dxfversion %s, audit errors %d, fixes %d" % (doc.dxfversion, len(auditor.errors), len(auditor.fixes)))
for e in auditor.errors:
    print("  error: %s" % (e,))
ok = len(auditor.errors) == 0
print("units %d, $MEASUREMENT %s" % (doc.units, doc.header.get("$MEASUREMENT")))
# 13 = micrometres (DXF $INSUNITS; ezdxf.enums.InsertUnits.Microns)
ok = ok and doc.units == 13 and doc.header.get("$MEASUREMENT") == 1
to_mm = units.conversion_factor(doc.units, units.MM)
msp = doc.modelspace()
counts = {}
texts = 0
xs, ys = [], []
for e in msp:
    t = e.dxftype()
    if t in ("POLYLINE", "LWPOLYLINE"):
        if not e.is_closed:
            print("open polyline on %s" % e.dxf.layer)
            ok = False
        counts[e.dxf.layer] = counts.get(e.dxf.layer, 0) + 1
        for p in e.points():
            xs.append(p[0])
            ys.append(p[1])
    elif t == "TEXT":
        texts += 1
for layer, want in sorted(expected["layers"].items()):
    got = counts.get(layer, 0)
    print("layer %s: %d polylines (expected %d)" % (layer, got, want))
    ok = ok and got == want
    if layer not in doc.layers:
        print("layer %s missing from the LAYER table" % layer)
        ok = False
box = [min(xs) * to_mm, min(ys) * to_mm, max(xs) * to_mm, max(ys) * to_mm]
want_box = [v / 1000 for v in expected["bbox_um"]]
print("bbox %s mm (expected %s)" % (["%.6f" % v for v in box], want_box))
ok = ok and all(abs(a - b) < 1e-6 for a, b in zip(box, want_box))
print("texts %d (expected %d)" % (texts, expected["texts"]))
ok = ok and texts == expected["texts"]
print("OK" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
