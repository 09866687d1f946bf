# Independent GDSII check with KLayout in batch mode:
#   klayout -b -r check_gds_klayout.py -rd gds=FILE.gds -rd expected=EXPECTED.json
# Counts shapes per layer through the whole hierarchy (AREFs expanded) and compares the top cell's bbox.
# With "channels" (TROUGHS), merges the half-troughs of layer 5 with KLayout's own boolean engine: the halves of
# neighbouring sites must meet at the site boundary, so each line of troughs becomes one channel per inner street
# plus the blind halves on the array's outer ribs (docs/layout.md, "Routes for the encapsulant").
import json
import sys

import pya

with open(expected) as f:  # noqa: F821 (set with -rd)
    want = json.load(f)
layout = pya.Layout()
layout.read(gds)  # noqa: F821
top = layout.top_cell()
ok = True
for layer_str, n in sorted(want["layers"].items()):
    index = layout.find_layer(int(layer_str), 0)
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
