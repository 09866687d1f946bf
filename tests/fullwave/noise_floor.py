#!/usr/bin/env python3
"""Whether a full-wave SE figure is the can's or the solver's rounding floor, worked out from the probes.

Usage: noise_floor.py CAN_RUN_DIR REFERENCE_RUN_DIR [--until NS] [--fit-from NS]
                      [--floor-band LO_GHZ HI_GHZ | --beyond-pulse F0_GHZ SIGMA_NS] F1_HZ [F2_HZ ...]

openEMS computes in single precision, so the field the can lets out never falls below a rounding floor spread over
the whole band, where the pulse excites something and where it does not. Its level per probe is the median of the
can's |E(f)| over a band the pulse does not reach (--floor-band, 42-48 GHz by default, for the Wi-Fi's export: its
pulse, a sine of 16.33 GHz in a Gaussian envelope of 58.5 ps, is 190 dB or more below its peak there, and the probes,
sampled about every 5.1 ps, resolve up to 98 GHz; give another band for a design whose pulse reaches it). For each
frequency the script prints the smallest SE over the probes (as se_from_probes.py works it out) and, at that probe,
the can's |E(f)| above the floor (dB) and the largest SE the run could show (the reference's |E(f)| against the
floor). A figure whose can field lies less than 10 dB above the floor is a lower bound of the SE, not a value: a
floor 10 dB down can make it overstate the SE by up to 20 log10(1 + 10^(-10/20)) = 2.4 dB (understate by up to
3.3 dB), about the calibration's 3 dB (docs/shielding.md, "Rounding floor").

--beyond-pulse works the band out as the service does from the pulse that drove the run (its centre and width) and
the can's probes as read (up to --until): from where the pulse's spectrum exp(-(pi (f - f0) sigma)^2) is 190 dB
down, f_a = f0 + sqrt(190 ln 10 / 20) / (pi sigma), to the highest of 8/7 f_a and f_a + 40/T (T = n h, the n samples
h apart), the latter no higher than 95 % of 1/(2h): 41.797-62.224 GHz for the Wi-Fi's CI run of 30,000 steps
(--beyond-pulse 16.3333333 0.0584653), 8.405-18.398 GHz for its run centred on 2.45 GHz (--beyond-pulse 2.45 0.25).
The band is printed first.

With --fit-from the can's transforms, at the checked frequencies and over the floor band alike, are completed by the
ring-down tail fitted from there to the run's end (ringdown_tail.py's fit), as a verification completes a run that cut
the ring-down off; the service reads its floor so.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ringdown_tail import PROBES, Tail, load  # noqa: E402
from se_from_probes import magnitude  # noqa: E402

MARGIN_DB = 10.0
PULSE_DOWN_DB = 190.0
RESOLUTIONS = 40
NYQUIST_SHARE = 0.95


def band_beyond_pulse(f0, sigma, t):
    """The service's floor band, Hz, beyond a pulse (f0 Hz, sigma s) for probe samples at times t."""
    start = f0 + np.sqrt(PULSE_DOWN_DB * np.log(10) / 20) / (np.pi * sigma)
    h = (t[-1] - t[0]) / (len(t) - 1)
    resolved = min(start + RESOLUTIONS / (len(t) * h), NYQUIST_SHARE / (2 * h))
    return start, max(start * 8 / 7, resolved)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("can")
    parser.add_argument("reference")
    parser.add_argument("freqs", nargs="+", type=float)
    parser.add_argument("--until", type=float, help="ns")
    parser.add_argument("--fit-from", type=float, help="ns: complete the can's transforms with the ring-down tail")
    parser.add_argument("--floor-band", nargs=2, type=float, default=[42.0, 48.0], metavar=("LO_GHZ", "HI_GHZ"))
    parser.add_argument("--beyond-pulse", nargs=2, type=float, metavar=("F0_GHZ", "SIGMA_NS"))
    args = parser.parse_args()
    until = None if args.until is None else args.until * 1e-9
    cans = {p: load(f"{args.can}/{p}", until) for p in PROBES}
    if args.beyond_pulse is None:
        lo, hi = args.floor_band[0] * 1e9, args.floor_band[1] * 1e9
    else:
        lo, hi = band_beyond_pulse(args.beyond_pulse[0] * 1e9, args.beyond_pulse[1] * 1e-9, cans[PROBES[0]][0])
        print(f"floor band {lo / 1e9:.6f}-{hi / 1e9:.6f} GHz")
    band = np.linspace(lo, hi, 31)
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
