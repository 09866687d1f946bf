package io.shieldfab.design;

/**
 * The package to be shielded (claim 11: a chip on a dielectric layer with terminals and leads).
 *
 * @param bodyLengthMm         package body length along X, mm
 * @param bodyWidthMm          package body width along Y, mm
 * @param heightMm             package body height (Z), mm; the recess depth should match it (claim 8)
 * @param operatingFrequencyHz the chip's operating (fundamental) frequency, Hz
 * @param harmonics            highest harmonic to check (1 = fundamental only); default 5
 * @param riseTimeS            optional signal rise time, s; when given, checks extend to the knee frequency 0.5/t_r
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
