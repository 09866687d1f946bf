package io.shieldfab.shielding.evaluation;

import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.shielding.physics.CavityModes;
import io.shieldfab.shielding.physics.PhysicalConstants;

import java.util.List;

/**
 * The fixes of docs/shielding.md ("Findings and fixes"): the largest opening, the thinnest wall and the largest
 * smaller wall clearance that pass. Each search is checked against every checked frequency, so that applying
 * the fix passes everywhere, not only where the rule was tightest.
 */
final class FixSearch {

    /** Wall-clearance step of the resonance fix search, mm. */
    private static final double CLEARANCE_STEP_MM = 0.01;
    /** At most this many clearances are tried. */
    private static final int MAX_CLEARANCE_STEPS = 100;
    /** A cavity with more modes than this below the top frequency is too dense for a clearance fix. */
    private static final int MAX_CLEARANCE_MODES = 2_000;

    /** The most bonding pads per side a seam fix proposes (the design's limit of bonding.padsPerSide). */
    static final int MAX_PADS_PER_SIDE = 20;

    private FixSearch() {
    }

    /**
     * The seam fix: the fewest pads per side whose longest gap passes the seam rule at every checked frequency,
     * or none (padsPerSide null: bond the rim all round).
     *
     * @param padsPerSide  the pad count, or null when none up to {@link #MAX_PADS_PER_SIDE} passes
     * @param longestGapMm the longest gap with that many pads, mm (null with no pad count)
     */
    record SeamFix(Integer padsPerSide, Double longestGapMm) {
    }

    static SeamFix seamFix(ShieldModel c, List<FrequencyCheck> checks) {
        DepressionGeometry geometry = DepressionGeometry.from(c.design);
        Integer current = c.design.bonding() == null ? null : c.design.bonding().padsPerSide();
        for (int k = current == null ? 1 : current + 1; k <= MAX_PADS_PER_SIDE; k++) {
            List<Long> gapsNm = geometry.withPadsPerSide(k).seamGapsNm();
            if (gapsNm.size() <= 1) {
                break; // k pads no longer fit on a land: the rim is unbonded, more pads will not fit either
            }
            double longestMm = gapsNm.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
            if (seamPasses(c, checks, longestMm, gapsNm.size())) {
                return new SeamFix(k, longestMm);
            }
        }
        return new SeamFix(null, null);
    }

    private static boolean seamPasses(ShieldModel c, List<FrequencyCheck> checks, double gapMm, int count) {
        for (FrequencyCheck fc : checks) {
            if (c.seamSe(gapMm, count, fc.frequencyHz()) < c.minSe) {
                return false;
            }
        }
        return true;
    }

    /**
     * Largest opening (mm) whose aperture SE reaches the target at f (bisection of the same model the check uses:
     * the depth credit only where d/L is in its regime, so where it is not the answer is the safe-side
     * {@code ApertureShielding.largestOpeningForTargetMm}; docs/physics.md §2). SE falls as L grows, also across
     * the regime bound (the credit applies to the smaller openings), so the bisection is sound.
     */
    static double largestOpeningForTarget(ShieldModel c, double f) {
        double lambda = PhysicalConstants.wavelengthMm(f, c.er);
        double hi = c.resonantLengthMm(lambda);
        if (c.minSe <= 0) {
            return hi;
        }
        double lo = 0.0;
        for (int i = 0; i < 200 && hi - lo > hi * 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (c.aperture(f, mid).seDb() >= c.minSe) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Smallest wall thickness (µm) whose solid-wall SE reaches the target at f (bisection; SE grows with t). */
    static double smallestThicknessUm(ShieldModel c, double f) {
        double lo = 1e-6;
        double hi = 1e6;
        if (c.sheet(f, lo).totalDb() >= c.minSe) {
            return lo;
        }
        for (int i = 0; i < 200 && hi - lo > lo * 1e-12; i++) {
            double mid = Math.sqrt(lo * hi);
            if (c.sheet(f, mid).totalDb() >= c.minSe) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The largest opening (mm, rounded down to 1 µm) that passes every FAIL-level aperture rule everywhere. */
    static double openingFix(ShieldModel c, List<FrequencyCheck> checks) {
        double limit = Double.MAX_VALUE;
        for (FrequencyCheck fc : checks) {
            limit = Math.min(limit, openingLimitMm(c, fc));
        }
        double value = Math.floor(limit * 1000.0 * (1 - 1e-9)) / 1000.0;
        while (value > 0 && !openingPasses(c, checks, value)) {
            value = Math.round(value * 1000.0 - 1.0) / 1000.0;
        }
        // The bisection approaches the limit from below; where the limit is a 1 µm step itself (an opening exactly
        // as deep as it is wide, where the depth credit starts) that step passes too.
        while (value > 0 && value < limit * (1 + 1e-9) && openingPasses(c, checks, Math.round(value * 1000.0 + 1.0) / 1000.0)) {
            value = Math.round(value * 1000.0 + 1.0) / 1000.0;
        }
        return Math.max(value, 0.0);
    }

    /** The checked frequency whose FAIL-level aperture rules allow the smallest opening (the first of equals), Hz. */
    static double tightestOpeningFrequencyHz(ShieldModel c, List<FrequencyCheck> checks) {
        FrequencyCheck tightest = checks.get(0);
        double limit = openingLimitMm(c, tightest);
        for (FrequencyCheck fc : checks) {
            double l = openingLimitMm(c, fc);
            if (l < limit) {
                limit = l;
                tightest = fc;
            }
        }
        return tightest.frequencyHz();
    }

    /** The largest opening the FAIL-level aperture rules allow at one checked frequency (unrounded), mm. */
    private static double openingLimitMm(ShieldModel c, FrequencyCheck fc) {
        double limit = Math.min(c.resonantLengthMm(fc.wavelengthMm()), largestOpeningForTarget(c, fc.frequencyHz()));
        return fc.harmonic() == 1 ? Math.min(limit, fc.wavelengthMm() / c.ruleDivisor) : limit;
    }

    private static boolean openingPasses(ShieldModel c, List<FrequencyCheck> checks, double l) {
        for (FrequencyCheck fc : checks) {
            if (l >= c.resonantLengthMm(fc.wavelengthMm()) || c.aperture(fc.frequencyHz(), l).seDb() < c.minSe
                    || (fc.harmonic() == 1 && l >= fc.wavelengthMm() / c.ruleDivisor)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest thickness (µm, rounded up to 0.1 µm) whose wall SE passes everywhere. */
    static double thicknessFix(ShieldModel c, List<FrequencyCheck> checks) {
        double t = 0;
        for (FrequencyCheck fc : checks) {
            t = Math.max(t, smallestThicknessUm(c, fc.frequencyHz()));
        }
        double value = Math.ceil(t * 10.0 * (1 + 1e-12)) / 10.0;
        return Math.max(value, 0.1);
    }

    /**
     * The largest wall clearance below the design's (0.01 mm steps) at which no mode is flagged, or null. The
     * design's {@code shield.wallClearanceMm} is where the search starts because it is the field the fix changes;
     * the cavity it shrinks is the layout's, by twice the change.
     */
    static Double clearanceFix(ShieldModel c, List<FrequencyCheck> checks, double margin) {
        ShieldGeometry g = c.g;
        double current = c.design.shield().wallClearanceMm();
        double top = checks.get(checks.size() - 1).frequencyHz() / (1 - margin);
        // 0.01 mm steps, coarser for large clearances so that at most MAX_CLEARANCE_STEPS are tried.
        double step = Math.max(CLEARANCE_STEP_MM, Math.ceil(current / MAX_CLEARANCE_STEPS / CLEARANCE_STEP_MM) * CLEARANCE_STEP_MM);
        int steps = (int) Math.floor(current / step + 1e-9);
        for (int i = 1; i <= steps; i++) {
            double clearance = Math.round((current - i * step) * 1000.0) / 1000.0;
            double shrink = 2 * (current - clearance);
            double a = g.cavityLengthMm() - shrink;
            double b = g.cavityWidthMm() - shrink;
            // the package stays: a smaller cavity is loaded more (docs/shielding.md, "Loaded cavity")
            double er = ShieldModel.loadedCavity(c.design, a, b, g.cavityDepthMm(), c.er).effectivePermittivity();
            if (!CavityModes.enumerable(a, b, g.cavityDepthMm(), er, top)) {
                return null;
            }
            List<CavityModes.Mode> modes = CavityModes.modes(a, b, g.cavityDepthMm(), er, top, MAX_CLEARANCE_MODES);
            if (modes.size() >= MAX_CLEARANCE_MODES) {
                return null;
            }
            boolean anyFlagged = modes.stream()
                    .anyMatch(m -> CavityResonances.nearHarmonic(m.frequencyHz(), checks, margin) != null);
            if (!anyFlagged) {
                return clearance;
            }
        }
        return null;
    }
}
