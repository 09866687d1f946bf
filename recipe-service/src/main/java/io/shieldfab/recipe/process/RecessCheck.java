package io.shieldfab.recipe.process;

/**
 * Claim 8: the recess depth is about the package height, so the package sits flush in its depression.
 * "About" is taken as within {@link #TOLERANCE_FRACTION} of the package height — a house rule, not a
 * physical constant (docs/recipe.md §1); the design reader warns earlier, the recipe refuses past it.
 */
public final class RecessCheck {

    /** Largest allowed |recess depth − package height| as a fraction of the package height. */
    public static final double TOLERANCE_FRACTION = 0.25;

    private RecessCheck() {
    }

    /** Smallest recess depth accepted for a package of this height, mm. */
    public static double minDepthMm(double packageHeightMm) {
        return packageHeightMm * (1 - TOLERANCE_FRACTION);
    }

    /** Largest recess depth accepted for a package of this height, mm. */
    public static double maxDepthMm(double packageHeightMm) {
        return packageHeightMm * (1 + TOLERANCE_FRACTION);
    }

    /** @throws ProcessRuleException {@link ProcessRule#RECESS_DEPTH} outside the tolerance */
    public static void check(double recessDepthMm, double packageHeightMm) {
        if (recessDepthMm < minDepthMm(packageHeightMm) || recessDepthMm > maxDepthMm(packageHeightMm)) {
            throw new ProcessRuleException(ProcessRule.RECESS_DEPTH, "The mandrel recess depth " + recessDepthMm
                    + " mm is not about the package height " + packageHeightMm + " mm: claim 8 asks for a depth within "
                    + Math.round(TOLERANCE_FRACTION * 100) + " % of the height ("
                    + Units.round(minDepthMm(packageHeightMm), 4) + "–" + Units.round(maxDepthMm(packageHeightMm), 4)
                    + " mm).");
        }
    }
}
