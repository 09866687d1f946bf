#!/usr/bin/env python3
"""Shielding effectiveness from the probes of two openEMS runs, worked out apart from the service's Java code.

Usage: se_from_probes.py CAN_RUN_DIR REFERENCE_RUN_DIR F1_HZ [F2_HZ ...]

For each frequency f and each probe (E_xmax, E_xmin, E_ymax, E_ymin, E_top): the discrete Fourier transform
E(f) = sum_n E(t_n) exp(-j 2 pi f t_n) dt of each field component (numpy, exact exponentials), |E| the vector
magnitude, SE = 20 log10(|E_reference| / |E_can|); the can's SE is the smallest over the probes
(docs/shielding.md, "Full-wave model"). Prints one Markdown row per frequency, then each run's ring-down: the
largest |E| in the last tenth of the samples against the largest over all, dB, the largest over the probes.
"""
import sys

import numpy as np

PROBES = ["E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top"]


def load(path):
    rows = [l.split() for l in open(path) if l.strip() and not l.startswith("%")]
    a = np.array(rows, dtype=float)
    return a[:, 0], a[:, 1:4]


def magnitude(t, e, f):
    dt = (t[-1] - t[0]) / (len(t) - 1)
    phasor = np.exp(-2j * np.pi * f * t)
    return np.sqrt(np.sum(np.abs(phasor @ e) ** 2)) * dt


def main():
    can, ref, freqs = sys.argv[1], sys.argv[2], [float(f) for f in sys.argv[3:]]
    data = {p: (load(f"{can}/{p}"), load(f"{ref}/{p}")) for p in PROBES}
    print("| f (GHz) | " + " | ".join(PROBES) + " | smallest (dB) | probe |")
    for f in freqs:
        se = {p: 20 * np.log10(magnitude(*r, f) / magnitude(*c, f)) for p, (c, r) in data.items()}
        weakest = min(se, key=se.get)
        print(f"| {f / 1e9:.3f} | " + " | ".join(f"{se[p]:.2f}" for p in PROBES) + f" | {se[weakest]:.2f} | {weakest} |")
    for name, k in (("can", 0), ("reference", 1)):
        tails = []
        for p in PROBES:
            e = np.linalg.norm(data[p][k][1], axis=1)
            tails.append(20 * np.log10(e[int(np.floor(len(e) * 0.9)):].max() / e.max()))
        print(f"ring-down of the {name} run: {max(tails):.2f} dB")


if __name__ == "__main__":
    main()
