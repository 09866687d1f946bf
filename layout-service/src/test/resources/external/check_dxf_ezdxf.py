"""Independent DXF check with ezdxf (Debian python3-ezdxf): audit and per-layer polyline counts.

usage: check_dxf_ezdxf.py FILE.dxf EXPECTED.json
EXPECTED: {"layers": {"OPENING": 288, ...}, "texts": n}
"""
import json
import sys

import ezdxf

path, expected_path = sys.argv[1], sys.argv[2]
with open(expected_path) as f:
    expected = json.load(f)

doc = ezdxf.readfile(path)
auditor = doc.audit()
print("dxfversion %s, audit errors %d, fixes %d" % (doc.dxfversion, len(auditor.errors), len(auditor.fixes)))
for e in auditor.errors:
    print("  error: %s" % (e,))
ok = len(auditor.errors) == 0
msp = doc.modelspace()
counts = {}
texts = 0
for e in msp:
    t = e.dxftype()
    if t in ("POLYLINE", "LWPOLYLINE"):
        if not e.is_closed:
            print("open polyline on %s" % e.dxf.layer)
            ok = False
        counts[e.dxf.layer] = counts.get(e.dxf.layer, 0) + 1
    elif t == "TEXT":
        texts += 1
for layer, want in sorted(expected["layers"].items()):
    got = counts.get(layer, 0)
    print("layer %s: %d polylines (expected %d)" % (layer, got, want))
    ok = ok and got == want
    if layer not in doc.layers:
        print("layer %s missing from the LAYER table" % layer)
        ok = False
print("texts %d (expected %d)" % (texts, expected["texts"]))
ok = ok and texts == expected["texts"]
print("OK" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
