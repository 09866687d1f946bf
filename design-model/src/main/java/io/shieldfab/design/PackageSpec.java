package io.shieldfab.design;

/**
 * The package to be shielded (claim 11: a chip on a dielectric layer with terminals and leads).
 *
 * @param bodyLengthMm         required; package body length along X, mm, (0, 100]
 * @param bodyWidthMm          required; package body width along Y, mm, (0, 100]
 * @param heightMm             required; package body height (Z), mm, (0, 20]; the recess depth should match it (claim 8)
 * @param operatingFrequencyHz required; the chip's operating (fundamental) frequency, Hz, (0, 300e9]
 * @param harmonics            highest harmonic to check (1 = fundamental only), 1..50; default 5
 * @param riseTimeS            optional signal rise time, s, (0, 1]; null when absent; when given, checks extend to
 *                             the knee frequency 0.5/t_r
 * @param terminalSide         which face carries the terminals; default {@code BOTTOM}
 */
public record PackageSpec(
        double bodyLengthMm,
        double bodyWidthMm,
        double heightMm,
        double operatingFrequencyHz,
        int harmonics,
        Double riseTimeS,
        TerminalSide terminalSide) {

    public enum TerminalSide { BOTTOM, TOP }
}
