#!/usr/bin/env python3
"""Whether a full-wave SE figure is the can's or the solver's rounding floor, worked out from the probes.

Usage: noise_floor.py CAN_RUN_DIR REFERENCE_RUN_DIR [--until NS] [--fit-from NS] [--floor-band LO_GHZ HI_GHZ]
                      F1_HZ [F2_HZ ...]

openEMS computes in single precision, so the field the can lets out never falls below a rounding floor spread over
the whole band, where the pulse excites something and where it does not. Its level per probe is the median of the
can's |E(f)| over a band the pulse does not reach (--floor-band, 42-48 GHz by default, for the Wi-Fi's export: its
pulse, a sine of 16.33 GHz in a Gaussian envelope of 58.5 ps, is 190 dB or more below its peak there, and the probes,
sampled about every 5.1 ps, resolve up to 98 GHz; give another band for a design whose pulse reaches it). For each
frequency the script prints the smallest SE over the probes (as se_from_probes.py works it out) and, at that probe,
the can's |E(f)| above the floor (dB) and the largest SE the run could show (the reference's |E(f)| against the
floor). A figure whose can field lies less than 10 dB above the floor is a lower bound of the SE, not a value: a
floor 10 dB down can move it by up to 20 log10(1 + 10^(-10/20)) = 2.4 dB, within the calibration's 3 dB
(docs/shielding.md, "Rounding floor").

With --fit-from the can's transforms, at the checked frequencies and over the floor band alike, are completed by the
ring-down tail fitted from there to the run's end (ringdown_tail.py's fit), as a verification completes a run that cut
the ring-down off; the service reads its floor so, over the band 41.797-47.768 GHz for the Wi-Fi's export.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ringdown_tail import PROBES, Tail, load  # noqa: E402
from se_from_probes import magnitude  # noqa: E402

MARGIN_DB = 10.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("can")
    parser.add_argument("reference")
    parser.add_argument("freqs", nargs="+", type=float)
    parser.add_argument("--until", type=float, help="ns")
    parser.add_argument("--fit-from", type=float, help="ns: complete the can's transforms with the ring-down tail")
    parser.add_argument("--floor-band", nargs=2, type=float, default=[42.0, 48.0], metavar=("LO_GHZ", "HI_GHZ"))
    args = parser.parse_args()
    until = None if args.until is None else args.until * 1e-9
    band = np.linspace(args.floor_band[0] * 1e9, args.floor_band[1] * 1e9, 31)
    cans = {p: load(f"{args.can}/{p}", until) for p in PROBES}
    tail = None if args.fit_from is None else Tail(cans, args.fit_from * 1e-9, 1e-2)
    rows = []
    for i, p in enumerate(PROBES):
        can = cans[p]
        ref = load(f"{args.reference}/{p}", until)

        def field(f, i=i, can=can):
            return magnitude(*can, f) if tail is None else np.linalg.norm(tail.completed(i, f))

        floor = np.median([field(f) for f in band])
        rows.append((p, field, ref, floor))
    print("| f (GHz) | smallest SE (dB) | probe | can above the floor (dB) | largest SE the floor allows (dB) "
          "| reading |")
    for f in args.freqs:
        figures = []
        for p, field, ref, floor in rows:
            c, r = field(f), magnitude(*ref, f)
            figures.append((20 * np.log10(r / c), p, 20 * np.log10(c / floor), 20 * np.log10(r / floor)))
        se, probe, above, ceiling = min(figures)
        reading = "value" if above >= MARGIN_DB else "lower bound (on the floor)"
        print(f"| {f / 1e9:.2f} | {se:.2f} | {probe} | {above:.2f} | {ceiling:.1f} | {reading} |")


if __name__ == "__main__":
    main()
