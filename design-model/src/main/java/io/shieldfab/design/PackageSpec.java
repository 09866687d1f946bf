package io.shieldfab.design;

/**
 * The package to be shielded (claim 11: a chip on a dielectric layer with terminals and leads).
 *
 * @param bodyLengthMm         required; package body length along X, mm, (0, 100]
 * @param bodyWidthMm          required; package body width along Y, mm, (0, 100]
 * @param heightMm             required; package body height (Z), mm, (0, 20]; the recess depth should match it (claim 8)
 * @param operatingFrequencyHz required; the chip's operating (fundamental) frequency, Hz, (0, 300e9]
 * @param harmonics            optional override of the checked range: the highest harmonic to check (1 = fundamental
 *                             only), 1..50; null when absent, and then the emission rule of {@code radiator} sets
 *                             the range (docs/shielding.md "Checked frequencies")
 * @param riseTimeS            optional signal rise time, s, (0, 1]; null when absent; when given, checks extend to
 *                             the knee frequency 0.5/t_r
 * @param terminalSide         which face carries the terminals; default {@code BOTTOM}
 * @param radiator             whether the package radiates on purpose (a transmitter) or only as a side effect of its
 *                             clocks; selects the FCC 47 CFR 15.33 range of checked frequencies; default
 *                             {@code UNINTENTIONAL}
 * @param relativePermittivity εr of the package, [1, 100], for a cavity loaded by it: the package's
 *                             highest-permittivity constituent; default {@link #SILICON_PERMITTIVITY} (the die),
 *                             docs/physics.md §1
 */
public record PackageSpec(
        double bodyLengthMm,
        double bodyWidthMm,
        double heightMm,
        double operatingFrequencyHz,
        Integer harmonics,
        Double riseTimeS,
        TerminalSide terminalSide,
        Radiator radiator,
        double relativePermittivity) {

    /**
     * εr of silicon, 11.7 (docs/physics.md §1): the default package permittivity. A package is die, mould compound
     * (about 3.8) and substrate; the die has the highest εr, so a cavity model loaded with it errs towards the lower
     * resonances.
     */
    public static final double SILICON_PERMITTIVITY = 11.7;

    /** A package of silicon permittivity: the default (physics.md §1). */
    public PackageSpec(double bodyLengthMm, double bodyWidthMm, double heightMm, double operatingFrequencyHz,
                       Integer harmonics, Double riseTimeS, TerminalSide terminalSide, Radiator radiator) {
        this(bodyLengthMm, bodyWidthMm, heightMm, operatingFrequencyHz, harmonics, riseTimeS, terminalSide, radiator,
                SILICON_PERMITTIVITY);
    }

    public enum TerminalSide { BOTTOM, TOP }

    /** FCC 47 CFR 15.3: an intentional radiator emits RF on purpose; an unintentional one only by its circuits. */
    public enum Radiator { INTENTIONAL, UNINTENTIONAL }
}
