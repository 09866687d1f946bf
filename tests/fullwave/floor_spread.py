#!/usr/bin/env python3
"""How steady the rounding floor's level is against the width of the band it is read over (docs/shielding.md,
"Rounding floor"). Worked out apart from the service.

Usage: floor_spread.py CAN_RUN_DIR --across LO_GHZ HI_GHZ [--until NS] [--fit-from NS] [--widths N ...]

A verification reads each probe's floor as the median of the can's |E(f)| at 31 frequencies evenly over a band beyond
the pulse. A run T long (n samples h apart, T = n h) has one independent spectral value every 1/T, so a band a few
1/T wide holds few of them and its median depends on where the band happens to lie. For each width of N
resolutions (N/T) the script places the band at every 1/T from LO to HI (all of it beyond the pulse), takes the
service's median in each placement and prints, per probe, the standard deviation and the full range of those medians
(dB): how far the level read in one placement may lie from that read in another. With --fit-from the transforms
are completed by the ring-down tail as noise_floor.py completes them.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ringdown_tail import PROBES, Tail, load  # noqa: E402
from se_from_probes import magnitude  # noqa: E402

POINTS = 31


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("can")
    parser.add_argument("--across", nargs=2, type=float, required=True, metavar=("LO_GHZ", "HI_GHZ"))
    parser.add_argument("--until", type=float, help="ns")
    parser.add_argument("--fit-from", type=float, help="ns")
    parser.add_argument("--widths", nargs="+", type=int, default=[5, 10, 20, 40])
    args = parser.parse_args()
    until = None if args.until is None else args.until * 1e-9
    cans = {p: load(f"{args.can}/{p}", until) for p in PROBES}
    tail = None if args.fit_from is None else Tail(cans, args.fit_from * 1e-9, 1e-2)
    t = cans[PROBES[0]][0]
    resolution = 1 / (len(t) * (t[-1] - t[0]) / (len(t) - 1))
    lo, hi = args.across[0] * 1e9, args.across[1] * 1e9
    print(f"T = {1e9 / resolution:.4f} ns, 1/T = {resolution / 1e9:.4f} GHz, across {lo / 1e9:.3f}-{hi / 1e9:.3f} GHz")
    print("| probe | " + " | ".join(f"N = {n}: sd, range (dB)" for n in args.widths) + " |")
    for i, p in enumerate(PROBES):
        def field_db(f, i=i, p=p):
            c = magnitude(*cans[p], f) if tail is None else np.linalg.norm(tail.completed(i, f))
            return 20 * np.log10(c)

        cells = []
        for n in args.widths:
            starts = np.arange(lo, hi - n * resolution, resolution)
            medians = [np.median([field_db(f) for f in np.linspace(s, s + n * resolution, POINTS)]) for s in starts]
            cells.append(f"{np.std(medians):.1f}, {np.ptp(medians):.1f} ({len(medians)} placements)")
        print(f"| {p} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
