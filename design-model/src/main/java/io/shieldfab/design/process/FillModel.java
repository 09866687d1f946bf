package io.shieldfab.design.process;

import io.shieldfab.design.DesignLimits;
import io.shieldfab.design.process.FillFinding.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the encapsulant can fill a row of depressions through the pathways between them (docs/physics.md,
 * section 6): the filler must pass the smallest pathway dimension, the chain fed from one gate must fill within the
 * allowed share of the gel time, and the air of the depressions and of the hollow wall space must be able to escape.
 * Pure arithmetic on the input; the caller builds the input from the design and the route.
 */
public final class FillModel {

    /**
     * Aspect-ratio correction of the rectangular-duct conductance, Q = w h³ ΔP/(12 μ L) · (1 − 0.63 h/w) for h ≤ w
     * (the leading term of the series solution of the fully developed laminar duct flow; docs/physics.md, section 6
     * [Bruus]).
     */
    public static final double ASPECT_CORRECTION = 0.63;

    /** The correction factor of a square duct, 1 − 0.63 = 0.37 (h/w = 1), used for the smallest square pathway. */
    public static final double SQUARE_FACTOR = 1 - ASPECT_CORRECTION;

    private static final String OPENINGS_HEIGHT = "shield.openings.heightMm";
    private static final String OPENINGS_LENGTH = "shield.openings.lengthMm";

    private FillModel() {
    }

    public static FillResult evaluate(FillInput in, FillPolicy policy) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(policy, "policy");
        List<FillFinding> findings = new ArrayList<>();
        int n = in.openingsPerWall();
        int sites = in.chainSites();
        double allowedS = policy.gelFraction() * in.gelTimeS();
        double fillerMinMm = policy.fillerFactor() * in.fillerTopCutUm() / 1000.0;

        if (n > 0) {
            fillerFinding(in, policy, fillerMinMm).ifPresent(findings::add);
        }

        double fillTimeS;
        double requiredKPa;
        double flowMinMm;
        if (sites == 1) {
            // the gate (or compression) feeds the one depression directly: nothing flows through a pathway in series
            fillTimeS = 0;
            requiredKPa = 0;
            flowMinMm = 0;
        } else {
            fillTimeS = chainFillTimeS(in, sites);
            requiredKPa = in.pressureKPa() * fillTimeS / allowedS;
            flowMinMm = scaledSmallestMm(in, fillTimeS, allowedS);
            // a relative 1e-9 of rounding: openings scaled to exactly the limit pass
            if (fillTimeS > allowedS * (1 + 1e-9)) {
                findings.add(gelTimeFinding(in, policy, fillTimeS, allowedS, requiredKPa, flowMinMm));
            }
            double smallestMm = Math.min(in.openingLengthMm(), in.openingHeightMm());
            if (in.ductLengthMm() < smallestMm) {
                findings.add(new FillFinding(FillRule.FLOW_MODEL_RANGE, Severity.INFO, "shield.openings",
                        in.ductLengthMm(), smallestMm, "mm",
                        "the pathway is shorter (" + num(in.ductLengthMm()) + " mm) than its smallest dimension ("
                                + num(smallestMm) + " mm): the duct formula assumes fully developed flow (length ≫"
                                + " smallest dimension); here entrance and orifice losses dominate, so the fill time "
                                + num(fillTimeS) + " s is a lower bound. The viscosity is the apparent viscosity at"
                                + " process temperature and shear rate (mould compounds are shear-thinning), and"
                                + " cross-flow between rows is ignored (conservative)"));
            }
        }

        if (!in.depressionsVented()) {
            findings.add(new FillFinding(FillRule.DEPRESSIONS_VENTED, Severity.ERROR, "shield.openings.style", 0, 1,
                    "", "the air in each depression has no escape ahead of the encapsulant (the mould or cover clamps"
                    + " on the land); use pathways that reach the top of the wall (TROUGHS) or full-height gaps"
                    + " (PILLARS), or add vents"));
        }
        if (!in.wallSpaceVented()) {
            findings.add(new FillFinding(FillRule.WALL_SPACE_VENTED, Severity.ERROR, OPENINGS_HEIGHT, 0, 1, "",
                    "the hollow wall space is closed by the land above and the rear cover below, and slots lower"
                            + " than the wall trap its air; make the slots the full wall height, add vent holes in"
                            + " the land, or use TROUGHS over the wall"));
        }

        boolean error = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return new FillResult(in.method(), in.viscosityPaS(), in.fillerTopCutUm(), in.gelTimeS(), in.pressureKPa(),
                Math.max(fillerMinMm, flowMinMm), fillerMinMm, flowMinMm, sites, fillTimeS, allowedS, requiredKPa,
                error ? FillStatus.FAIL : FillStatus.PASS, findings);
    }

    /**
     * Conductance of one wall, m³/(Pa·s): n pathways in parallel, each a rectangular duct of width w = max(ℓ, h) and
     * height h' = min(ℓ, h), G = n · w h'³ (1 − 0.63 h'/w) / (12 μ L) (docs/physics.md, section 6).
     */
    public static double wallConductanceM3PaS(int openingsPerWall, double lengthMm, double heightMm, double ductMm,
                                              double viscosityPaS) {
        double w = Math.max(lengthMm, heightMm) * 1e-3;
        double h = Math.min(lengthMm, heightMm) * 1e-3;
        double perDuct = w * h * h * h * (1 - ASPECT_CORRECTION * h / w) / (12 * viscosityPaS * ductMm * 1e-3);
        return openingsPerWall * perDuct;
    }

    /**
     * Time to fill {@code sites} depressions in series from one gate at constant driving pressure, s (quasi-steady):
     * filling depression k pushes the step volume V through k − 1 steps of resistance R = wallsPerStep / G, taking
     * V (k − 1) R / ΔP; summed over k = 2..N, T = V R N(N − 1) / (2 ΔP) (docs/physics.md, section 6).
     */
    public static double chainFillTimeS(FillInput in, int sites) {
        if (sites <= 1) {
            return 0;
        }
        double conductance = wallConductanceM3PaS(in.openingsPerWall(), in.openingLengthMm(), in.openingHeightMm(),
                in.ductLengthMm(), in.viscosityPaS());
        double stepResistance = in.wallsPerStep() / conductance;
        double volumeM3 = in.stepVolumeMm3() * 1e-9;
        double pressurePa = in.pressureKPa() * 1e3;
        return volumeM3 * stepResistance * sites * (sites - 1.0) / (2 * pressurePa);
    }

    /**
     * Side of the smallest square pathway (same count, duct length and chain) that fills the chain in
     * {@code allowedS}, mm: with G = n · 0.37 s⁴ / (12 μ L), T(s) = V · wallsPerStep · 12 μ L · N(N − 1) /
     * (2 ΔP · n · 0.37 · s⁴), so s = (V · wallsPerStep · 12 μ L · N(N − 1) / (2 ΔP · n · 0.37 · allowed))^¼.
     * 0 for a chain of one or without pathways.
     */
    public static double squareSideMm(FillInput in, double allowedS) {
        int sites = in.chainSites();
        int n = in.openingsPerWall();
        if (sites <= 1 || n == 0) {
            return 0;
        }
        double numerator = in.stepVolumeMm3() * 1e-9 * in.wallsPerStep() * 12 * in.viscosityPaS()
                * in.ductLengthMm() * 1e-3 * sites * (sites - 1.0);
        double denominator = 2 * in.pressureKPa() * 1e3 * n * SQUARE_FACTOR * allowedS;
        return Math.pow(numerator / denominator, 0.25) * 1e3;
    }

    /**
     * The smallest pathway dimension the flow allows, mm: the design's openings scaled in both dimensions by f until
     * the chain fills in exactly {@code allowedS}. The conductance w h'³ (1 − 0.63 h'/w) scales as f⁴ at a fixed
     * shape, so T(f) = T / f⁴ and f = (T / allowed)^¼; the limit is min(ℓ, h) · f. It is the lower edge of the opening
     * window (docs/shielding.md, "Opening window"): openings of this shape pass the flow exactly when their smallest
     * dimension is at least this.
     */
    public static double scaledSmallestMm(FillInput in, double fillTimeS, double allowedS) {
        if (in.chainSites() <= 1 || in.openingsPerWall() == 0) {
            return 0;
        }
        return Math.min(in.openingLengthMm(), in.openingHeightMm()) * Math.pow(fillTimeS / allowedS, 0.25);
    }

    /** The longest chain N' ≤ N whose fill time is within {@code allowedS}; at least 1 (a gate per depression). */
    public static int longestChainWithin(FillInput in, double allowedS) {
        for (int k = in.chainSites(); k > 1; k--) {
            if (chainFillTimeS(in, k) <= allowedS) {
                return k;
            }
        }
        return 1;
    }

    private static Optional<FillFinding> fillerFinding(FillInput in, FillPolicy policy, double minMm) {
        double smallestMm = Math.min(in.openingLengthMm(), in.openingHeightMm());
        // 1 nm grid tolerance (DesignLimits.GEOMETRY_EPSILON_MM), so k × top cut exactly passes
        if (in.fillerTopCutUm() == 0 || smallestMm >= minMm - DesignLimits.GEOMETRY_EPSILON_MM) {
            return Optional.empty();
        }
        String field = in.openingHeightMm() <= in.openingLengthMm() ? OPENINGS_HEIGHT : OPENINGS_LENGTH;
        double k = policy.fillerFactor();
        return Optional.of(new FillFinding(FillRule.FILLER_PASSES_OPENING, Severity.ERROR, field,
                smallestMm, minMm, "mm",
                "the smallest pathway dimension, " + num(smallestMm) + " mm, is less than " + num(k)
                        + " × the filler top cut " + num(in.fillerTopCutUm()) + " µm = " + num(minMm)
                        + " mm, so the largest filler particles can bridge and block it; use a finer filler"
                        + " (encapsulation.fillerTopCutUm at most " + num(smallestMm * 1000 / k) + " µm) or make"
                        + " the openings at least " + num(minMm) + " mm in both length and height"));
    }

    private static FillFinding gelTimeFinding(FillInput in, FillPolicy policy, double fillTimeS, double allowedS,
                                              double requiredKPa, double flowMinMm) {
        double squareMm = squareSideMm(in, allowedS);
        int chain = longestChainWithin(in, allowedS);
        int moreOpenings = (int) Math.ceil(in.openingsPerWall() * fillTimeS / allowedS);
        double maxViscosity = in.viscosityPaS() * allowedS / fillTimeS;
        return new FillFinding(FillRule.FILL_WITHIN_GEL_TIME, Severity.ERROR, "encapsulation.gatesPerRow",
                fillTimeS, allowedS, "s",
                "filling " + in.chainSites() + " depressions in series from one gate takes " + num(fillTimeS)
                        + " s, more than the allowed " + num(allowedS) + " s (" + num(policy.gelFraction())
                        + " × gel time " + num(in.gelTimeS()) + " s); raise the driving pressure to at least "
                        + num(requiredKPa) + " kPa, or use an encapsulant of at most " + num(maxViscosity)
                        + " Pa·s, or feed at most " + chain + " depressions from one gate (more"
                        + " encapsulation.gatesPerRow), or scale the openings up to a smallest dimension of at"
                        + " least " + num(flowMinMm) + " mm (same shape) or " + num(squareMm) + " mm square, or use at least " + moreOpenings + " openings per wall if they fit");
    }

    private static String num(double value) {
        return DesignLimits.number(value);
    }
}
