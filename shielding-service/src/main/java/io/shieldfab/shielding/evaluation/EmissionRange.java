package io.shieldfab.shielding.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shieldfab.design.PackageSpec;
import io.shieldfab.design.PackageSpec.Radiator;

/**
 * The range of checked frequencies: the harmonics k·f0 (k = 1, 2, …) up to the upper frequency of the emission rule
 * (docs/shielding.md "Checked frequencies", docs/physics.md reference "FCC 15.33"), or the design's own count when it
 * gives {@code package.harmonics}. Never fewer than the fundamental, and never below the knee frequency 0.5/t_r
 * when the design gives a rise time (a digital edge's harmonics fall only as 1/k up to the knee). Pure data; the
 * cap on checked frequencies is the evaluator's.
 *
 * @param rule      which rule set the range
 * @param upToHz    the rule's upper frequency, Hz; for {@link Rule#HARMONICS_OVERRIDE} the highest checked harmonic
 * @param harmonics harmonics the range holds (1 = fundamental only), before the evaluator's cap
 */
public record EmissionRange(Rule rule, double upToHz, int harmonics) {

    /** The source of the range; the codes are part of the report (docs/shielding.md "Checked frequencies"). */
    @Schema(name = "CheckedRangeRule", description = "FCC_15_33_A (intentional radiator), FCC_15_33_B (unintentional"
            + " radiator) or HARMONICS_OVERRIDE (the design's package.harmonics)")
    public enum Rule {
        /** 47 CFR 15.33(a): an intentional radiator; with a rise time, (a)(4) adds its digital device's range. */
        FCC_15_33_A,
        /** 47 CFR 15.33(b)(1): an unintentional radiator, from its highest frequency. */
        FCC_15_33_B,
        /** The design's {@code package.harmonics}: an explicit count instead of the regulation's range. */
        HARMONICS_OVERRIDE
    }

    static final double GHZ = 1e9;
    static final double MHZ = 1e6;
    /** Guards floor(f/f0) against a ratio that is whole in decimal but a hair below it in binary (24.5/2.45). */
    private static final double ROUNDING = 1 + 1e-12;

    /** The range of this package: its override when given, else the rule of its radiator class. */
    public static EmissionRange of(PackageSpec pkg) {
        double f0 = pkg.operatingFrequencyHz();
        Double kneeHz = kneeHz(pkg.riseTimeS());
        int kneeHarmonics = kneeHz == null ? 1 : harmonicsUpTo(kneeHz, f0);
        if (pkg.harmonics() != null) {
            int harmonics = Math.max(Math.max(1, pkg.harmonics()), kneeHarmonics);
            return new EmissionRange(Rule.HARMONICS_OVERRIDE, harmonics * f0, harmonics);
        }
        double upToHz;
        Rule rule;
        if (pkg.radiator() == Radiator.INTENTIONAL) {
            rule = Rule.FCC_15_33_A;
            // (a)(4): an intentional radiator with a digital device (the rise time) is investigated to the higher
            // of its own range and the digital device's range of (b)(1)
            upToHz = kneeHz == null ? intentionalUpToHz(f0)
                    : Math.max(intentionalUpToHz(f0), unintentionalUpToHz(kneeHz));
        } else {
            rule = Rule.FCC_15_33_B;
            // the highest frequency "generated or used in the device": the clock, or its edges' knee when higher
            upToHz = unintentionalUpToHz(kneeHz == null ? f0 : Math.max(f0, kneeHz));
        }
        int harmonics = Math.max(harmonicsUpTo(upToHz, f0), kneeHarmonics);
        return new EmissionRange(rule, upToHz, harmonics);
    }

    /**
     * 47 CFR 15.33(a)(1)-(3): below 10 GHz the 10th harmonic or 40 GHz, from 10 GHz to below 30 GHz the 5th harmonic
     * or 100 GHz, at or above 30 GHz the 5th harmonic or 200 GHz, whichever is lower; f is the fundamental, Hz.
     */
    static double intentionalUpToHz(double fHz) {
        if (fHz < 10 * GHZ) {
            return Math.min(10 * fHz, 40 * GHZ);
        }
        if (fHz < 30 * GHZ) {
            return Math.min(5 * fHz, 100 * GHZ);
        }
        return Math.min(5 * fHz, 200 * GHZ);
    }

    /**
     * 47 CFR 15.33(b)(1), from the highest frequency generated or used in the device, Hz: up to 1.705 MHz → 30 MHz,
     * 108 MHz → 1 GHz, 500 MHz → 2 GHz, 1 GHz → 5 GHz, above → the 5th harmonic or 40 GHz, whichever is lower.
     */
    static double unintentionalUpToHz(double highestHz) {
        if (highestHz <= 1.705 * MHZ) {
            return 30 * MHZ;
        }
        if (highestHz <= 108 * MHZ) {
            return 1 * GHZ;
        }
        if (highestHz <= 500 * MHZ) {
            return 2 * GHZ;
        }
        if (highestHz <= 1 * GHZ) {
            return 5 * GHZ;
        }
        return Math.min(5 * highestHz, 40 * GHZ);
    }

    /** 0.5/t_r (docs/physics.md, knee frequency), or null without a rise time. */
    static Double kneeHz(Double riseTimeS) {
        return riseTimeS == null ? null : 0.5 / riseTimeS;
    }

    /** The harmonics k·f0 at or below f, at least the fundamental. */
    private static int harmonicsUpTo(double fHz, double f0Hz) {
        double k = Math.floor(fHz / f0Hz * ROUNDING);
        return (int) Math.max(1, Math.min(k, Integer.MAX_VALUE));
    }
}
