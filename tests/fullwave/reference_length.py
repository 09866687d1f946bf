#!/usr/bin/env python3
"""How long a run of the reference its own ring-down needs, sized from a shorter run of it, and how far its field has
fallen by each end (docs/shielding.md, "The reference's own ring-down"). Worked out apart from the service.

Usage: reference_length.py REFERENCE_RUN_DIR --steps N [--until NS] [--check-steps M]

The probes are read up to --until (the solver is causal, so a longer run's first samples are the shorter run's),
taken as a run of N time steps. For each probe, the largest |E| in each tenth of the samples against the largest
over all, dB; a probe more than 40 dB down in its last tenth ("last") has died away. Otherwise its field falls at
the slope (numpy.polyfit, degree 1, dB per run length) through the levels of the second half's tenths that come
after the tenth holding its peak (two at least), and a run r times as long, whose last tenth starts at 0.9 r, stands
at last + rate (0.9 r - 0.9) there: -50 dB (40 and a margin of 10) at r = 1 + (-50 - last) / (0.9 rate). The run
needs ceil(N max r) steps, at most 4 N; none when a probe not died away has no falling line. With --check-steps M
the whole file is read as a run of M steps and its last tenth reported.
"""
import argparse
import math

import numpy as np

PROBES = ["E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top"]
RING_DOWN_DB = -40.0
MARGIN_DB = 10.0
MAX_FACTOR = 4


def magnitude(path, until_s=None):
    a = np.loadtxt(path, comments="%")
    if until_s is not None:
        a = a[a[:, 0] <= until_s]
    return np.sqrt((a[:, 1:4] ** 2).sum(axis=1))


def window_db(e, lo_share, hi_share):
    lo, hi = int(math.floor(len(e) * lo_share)), int(math.floor(len(e) * hi_share))
    return 20 * math.log10(e[lo:hi].max() / e.max())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reference")
    ap.add_argument("--steps", type=int, required=True, help="time steps of the run the samples up to --until are")
    ap.add_argument("--until", type=float, help="ns")
    ap.add_argument("--check-steps", type=int, help="time steps of the whole file, to report its last tenth")
    args = ap.parse_args()
    runs = 1.0
    sizable = True
    for name in PROBES:
        e = magnitude(f"{args.reference}/{name}", None if args.until is None else args.until * 1e-9)
        levels = [(k / 10, window_db(e, k / 10, (k + 1) / 10)) for k in range(5, 10)]
        after_peak = []
        for x, level in reversed(levels):
            if level >= 0:
                break
            after_peak.append((x, level))
        last = levels[-1][1]
        rate = np.polyfit(*zip(*after_peak), 1)[0] if len(after_peak) >= 2 else float("nan")
        need = None
        if last > RING_DOWN_DB:
            if rate < 0:
                need = 1 + (RING_DOWN_DB - MARGIN_DB - last) / (0.9 * rate)
                runs = max(runs, need)
            else:
                sizable = False
        print(f"{name}: {len(e)} samples, second half's tenths " + " ".join(f"{v:.2f}" for _, v in levels)
              + f" dB, {rate:.2f} dB a run" + ("" if need is None else f", needs {need:.6f} runs"))
        if args.check_steps:
            whole = magnitude(f"{args.reference}/{name}")
            print(f"  the whole file ({args.check_steps} steps, {len(whole)} samples): last tenth "
                  f"{window_db(whole, 0.9, 1.0):.2f} dB")
    if not sizable:
        print(f"a probe not died away is not falling: no longer run, {args.steps} steps")
    else:
        print(f"steps: {math.ceil(min(runs, MAX_FACTOR) * args.steps - 1e-9)} ({min(runs, MAX_FACTOR):.6f} runs)")


if __name__ == "__main__":
    main()
