# Independent GDSII and DXF check with KLayout in batch mode, with KLayout's default reader options:
#   klayout -b -r check_klayout.py -rd gds=FILE.gds -rd expected=EXPECTED.json
#   klayout -b -r check_klayout.py -rd dxf=FILE.dxf -rd expected=EXPECTED.json
# Counts shapes per layer through the whole hierarchy (AREFs expanded; DXF layers by name, closed polylines read
# as polygons) and compares the top cell's bbox in um. KLayout's DXF reader skips the HEADER ($INSUNITS) and takes
# one drawing unit as 1 um unless told otherwise (dxf_unit), so for a DXF the bbox proves the file opens at the
# panel's true size.
# With "channels" (TROUGHS), merges the half-troughs of layer 5 with KLayout's own boolean engine: the halves of
# neighbouring sites must meet at the site boundary, so each line of troughs becomes one channel per inner street
# plus the blind halves on the array's outer ribs (docs/layout.md, "Routes for the encapsulant").
import json
import sys

import pya

path = globals().get("gds") or globals().get("dxf")
with open(expected) as f:  # noqa: F821 (set with -rd)
    want = json.load(f)
layout = pya.Layout()
layout.read(path)
top = layout.top_cell()
ok = True


def layer(key):
    return layout.find_layer(int(key), 0) if key.isdigit() else layout.find_layer(pya.LayerInfo(key))


for layer_str, n in sorted(want["layers"].items()):
    index = layer(layer_str)
    count = 0
    if index is not None:
        it = top.begin_shapes_rec(index)
        while not it.at_end():
            if it.shape().is_polygon() or it.shape().is_box() or it.shape().is_path():
                count += 1
            it.next()
    print("layer %s: %d shapes (expected %d)" % (layer_str, count, n))
    ok = ok and count == n
if "channels" in want:
    merged = pya.Region(top.begin_shapes_rec(layout.find_layer(5, 0))).merged()
    notches = pya.Region(top.begin_shapes_rec(layout.find_layer(10, 0))).merged()
    print("troughs merged into %d channels (expected %d); notches %d"
          % (merged.count(), want["channels"], notches.count()))
    ok = ok and merged.count() == want["channels"] and notches.count() == want["channels"]
box = top.dbbox()
got = [box.left, box.bottom, box.right, box.top]
print("bbox %s um (expected %s)" % (got, want["bbox_um"]))
ok = ok and all(abs(a - b) < 1e-6 for a, b in zip(got, want["bbox_um"]))
print("dbu %g um" % layout.dbu)
print("OK" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
