#!/usr/bin/env python3
"""Shielding effectiveness of a can whose run ended before its ring-down, with the ring-down's tail added from the
decaying modes fitted to the run's last part (docs/shielding.md, "Calibration"). Worked out apart from the service.

Usage: ringdown_tail.py CAN_RUN_DIR REFERENCE_RUN_DIR --until NS --fit-from NS [--tolerance T] F1_HZ [F2_HZ ...]

The can's probes are read up to --until (a long run can stand in for a shorter one: the solver is causal, so its
first samples are the shorter run's). After the source has died away the field is a sum of the can's damped modes,
E(t) = sum_i a_i exp(s_i t); the modes are fitted to the samples from --fit-from to --until, all 15 channels (five
probes, three components each) sharing their poles, by the matrix pencil method (Hua and Sarkar, IEEE Trans.
Acoust., Speech, Signal Processing 38(5), 1990, pp. 814-824): the stacked Hankel matrices' singular vectors above
--tolerance of the largest singular value give the poles, least squares the amplitudes. The samples are first taken
every 10 ps (100 GHz: the pulse excites nothing above 40 GHz, its spectrum 30 decades down there), counted back from
the last one, 600 at most. The spectrum of
the whole ring-down is then the DFT up to T = --until (as se_from_probes.py) plus the fitted tail's samples after T, h
apart, as the DFT would have summed them: a_i exp(s_i (T - t0)) exp(-j w T) dt q / (1 - q), q = exp((s_i - j w) h), for
each mode (dt the DFT's weight, the mean spacing). Growing poles (|z| >= 1), which fit noise in a window
where the field only decays, are left out and the amplitudes fitted to the rest.

Prints, per frequency, the SE from the truncated DFT and with the tail at the probe where the latter is smallest,
then the smallest truncated SE over the probes with its probe, then the fit: the
number of modes, the relative residual over the fit window, and the slowest modes (frequency, decay time, share).
"""
import argparse

import numpy as np

PROBES = ["E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top"]
DECIMATED_DT = 1e-11
MAX_SAMPLES = 600


def load(path, until=None):
    a = np.loadtxt(path, comments="%")
    if until is not None:
        a = a[a[:, 0] <= until]
    return a[:, 0], a[:, 1:4]


def dft(t, e, f):
    """sum_n e(t_n) exp(-j 2 pi f t_n) dt, per component."""
    dt = (t[-1] - t[0]) / (len(t) - 1)
    return (np.exp(-2j * np.pi * f * t) @ e) * dt


def pencil(channels, dt, tolerance):
    """Shared poles z_i (per sample of dt) and amplitudes (modes x channels) of the channels (C x N)."""
    n = channels.shape[1]
    depth = n // 3
    rows = [np.lib.stride_tricks.sliding_window_view(c, depth + 1) for c in channels]
    y = np.vstack(rows)
    _, s, vh = np.linalg.svd(y, full_matrices=False)
    order = int(np.sum(s > s[0] * tolerance))
    v = vh[:order].conj().T
    z = np.linalg.eigvals(np.linalg.pinv(v[:-1]) @ v[1:])
    # a pole outside the unit circle grows: over a window where the field only decays it fits noise, so it is left
    # out and the amplitudes are fitted to the decaying ones
    dropped = int(np.sum(np.abs(z) >= 1))
    z = z[np.abs(z) < 1]
    powers = z[None, :] ** np.arange(n)[:, None]
    amplitudes = np.linalg.lstsq(powers, channels.T, rcond=None)[0]
    residual = np.linalg.norm(powers @ amplitudes - channels.T) / np.linalg.norm(channels)
    return z, amplitudes, residual, dropped, order >= depth


class Tail:
    """The decaying modes fitted to the can's probes (PROBES order) from `start` to their last sample, and the spectrum
    each probe's field would have with them added after the run: completed(i, f)."""

    def __init__(self, can, start, tolerance):
        t0 = can[PROBES[0]][0]
        # every step-th sample counted back from the last, from start on, the last MAX_SAMPLES at most
        step = max(1, int(round(DECIMATED_DT / (t0[-1] - t0[-2]))))
        picks = np.arange(len(t0) - 1, -1, -step)
        picks = picks[t0[picks] >= start][:MAX_SAMPLES][::-1]
        self.dt = t0[picks[1]] - t0[picks[0]]
        self.channels = np.vstack([can[p][1][picks, k] for p in PROBES for k in range(3)])
        self.z, self.amp, self.residual, self.dropped, self.full_rank = pencil(self.channels, self.dt, tolerance)
        self.s = np.log(self.z) / self.dt
        self.tfit0, self.tend = t0[picks[0]], t0[-1]
        self.h, self.weight = t0[-1] - t0[-2], (t0[-1] - t0[0]) / (len(t0) - 1)
        self.can = can

    def tail(self, i, f):
        """The tail's share of probe i's transform at f: the samples after T, h apart, as the DFT sums them (a
        geometric series); amplitudes refer to t = tfit0: the mode is amp * exp(s (t - tfit0))."""
        w = 2 * np.pi * f
        q = np.exp((self.s - 1j * w) * self.h)
        factor = np.exp(self.s * (self.tend - self.tfit0)) * np.exp(-1j * w * self.tend) * self.weight * q / (1 - q)
        return np.array([np.sum(self.amp[:, 3 * i + k] * factor) for k in range(3)])

    def completed(self, i, f):
        return dft(*self.can[PROBES[i]], f) + self.tail(i, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("can")
    ap.add_argument("reference")
    ap.add_argument("--until", type=float, required=True, help="ns")
    ap.add_argument("--fit-from", type=float, required=True, help="ns")
    ap.add_argument("--tolerance", type=float, default=1e-2)
    ap.add_argument("freqs", type=float, nargs="+")
    a = ap.parse_args()
    until, start = a.until * 1e-9, a.fit_from * 1e-9

    can = {p: load(f"{a.can}/{p}", until) for p in PROBES}
    ref = {p: load(f"{a.reference}/{p}") for p in PROBES}
    fit = Tail(can, start, a.tolerance)
    # the truncated figure at the completed figure's probe (the service's truncatedSeDb), and the smallest truncated
    # figure over the probes with its own probe: for a late field that is no ring-down the two may differ
    print(f"| f (GHz) | truncated at {a.until:g} ns (dB) | with the tail (dB) | probe | smallest truncated (dB) | probe |")
    for f in a.freqs:
        best, best_trunc, weakest, least_trunc, weakest_trunc = None, None, None, None, None
        for i, p in enumerate(PROBES):
            e_ref = np.linalg.norm(dft(*ref[p], f))
            trunc = dft(*can[p], f)
            se_trunc = 20 * np.log10(e_ref / np.linalg.norm(trunc))
            se = 20 * np.log10(e_ref / np.linalg.norm(trunc + fit.tail(i, f)))
            if best is None or se < best:
                best, best_trunc, weakest = se, se_trunc, p
            if least_trunc is None or se_trunc < least_trunc:
                least_trunc, weakest_trunc = se_trunc, p
        print(f"| {f / 1e9:.2f} | {best_trunc:.2f} | {best:.2f} | {weakest} | {least_trunc:.2f} | {weakest_trunc} |")
    s, amp, tend, tfit0 = fit.s, fit.amp, fit.tend, fit.tfit0
    share = np.linalg.norm(amp, axis=1) * np.exp(s.real * (tend - tfit0))
    print(f"fit: {len(fit.z)} modes from {a.fit_from:g} to {a.until:g} ns ({fit.channels.shape[1]} samples of "
          f"{fit.dt * 1e12:.1f} ps), relative residual {fit.residual:.2e}; {fit.dropped} growing pole(s) left out")
    if fit.full_rank or fit.residual > 0.1:
        print("NOT A RING-DOWN: the window is not a small set of decaying modes (every singular value kept, or a "
              "residual above 10 %): the figures with the tail are not to be used")
    for i in np.argsort(-share)[:6]:
        if s[i].imag >= 0:
            print(f"  mode {s[i].imag / 2 / np.pi / 1e9:7.3f} GHz, decay time {-1e9 / s[i].real:8.2f} ns, "
                  f"amplitude at {a.until:g} ns {share[i] / share.max():.2e} of the largest")


if __name__ == "__main__":
    main()
