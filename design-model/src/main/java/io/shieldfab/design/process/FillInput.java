package io.shieldfab.design.process;

import java.util.Objects;

/**
 * What the fill model needs of one row of depressions (docs/physics.md, section 6). Lengths in mm, the filler in µm.
 *
 * @param method            how the encapsulant reaches the depressions
 * @param viscosityPaS      apparent viscosity at process temperature and shear rate, Pa·s, &gt; 0
 * @param fillerTopCutUm    largest filler particle, µm, ≥ 0 (0: unfilled)
 * @param gelTimeS          gel time (moulding) or working time (dispense), s, &gt; 0
 * @param pressureKPa       driving pressure at the gate or dispense point, kPa, &gt; 0
 * @param chainSites        depressions fed in series from one gate or dispense point, ≥ 1 (compression moulding: 1)
 * @param openingsPerWall   pathways through or over one wall, in parallel, ≥ 0 (0: no pathways)
 * @param openingLengthMm   pathway length along the wall, mm (&gt; 0 when there are pathways)
 * @param openingHeightMm   pathway height up the wall, or trough depth, mm (&gt; 0 when there are pathways)
 * @param ductLengthMm      flow length through one pathway, mm (&gt; 0 when there are pathways)
 * @param wallsPerStep      walls crossed from one depression to the next: 1 (troughs, pillar gaps) or 2 (slots into
 *                          the hollow wall space and out through the neighbour's wall)
 * @param stepVolumeMm3     encapsulant that must flow into each next depression, mm³, ≥ 0
 * @param depressionsVented the air of each depression can escape (from the caller's route)
 * @param wallSpaceVented   there is no wall space to fill, or its air can escape
 */
public record FillInput(FillMethod method, double viscosityPaS, double fillerTopCutUm, double gelTimeS,
                        double pressureKPa, int chainSites, int openingsPerWall, double openingLengthMm,
                        double openingHeightMm, double ductLengthMm, int wallsPerStep, double stepVolumeMm3,
                        boolean depressionsVented, boolean wallSpaceVented) {

    public FillInput {
        Objects.requireNonNull(method, "method");
        positive("viscosityPaS", viscosityPaS);
        nonNegative("fillerTopCutUm", fillerTopCutUm);
        positive("gelTimeS", gelTimeS);
        positive("pressureKPa", pressureKPa);
        if (chainSites < 1) {
            throw new IllegalArgumentException("chainSites must be at least 1, was " + chainSites);
        }
        if (chainSites > 1 && openingsPerWall == 0) {
            throw new IllegalArgumentException("chainSites must be 1 without pathways (openingsPerWall 0): each"
                    + " depression is then fed from its own gate or dispense point, was " + chainSites);
        }
        if (openingsPerWall < 0) {
            throw new IllegalArgumentException("openingsPerWall must not be negative, was " + openingsPerWall);
        }
        nonNegative("openingLengthMm", openingLengthMm);
        nonNegative("openingHeightMm", openingHeightMm);
        nonNegative("ductLengthMm", ductLengthMm);
        if (openingsPerWall > 0) {
            // a pathway of zero size or length would give zero or infinite conductance, not a fill time
            positive("openingLengthMm", openingLengthMm);
            positive("openingHeightMm", openingHeightMm);
            positive("ductLengthMm", ductLengthMm);
        }
        if (wallsPerStep != 1 && wallsPerStep != 2) {
            throw new IllegalArgumentException("wallsPerStep must be 1 or 2, was " + wallsPerStep);
        }
        nonNegative("stepVolumeMm3", stepVolumeMm3);
    }

    private static void nonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, was " + value);
        }
    }

    private static void positive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
    }
}
