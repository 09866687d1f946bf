package io.shieldfab.design.process;

import io.shieldfab.design.process.FillFinding.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The fill model on a Wi-Fi-like row (docs/physics.md, section 6), every expected number worked out by hand below.
 *
 * <pre>
 * Row: 3 troughs per wall of ℓ 0.15 × h 0.10 mm over the rib, duct length L = 1.35 mm, wallsPerStep 1,
 * EMC μ = 10 Pa·s, ΔP = 7000 kPa = 7e6 Pa, gel time 30 s, step volume V = 6.6 mm³ = 6.6e-9 m³.
 *   w = 0.15e-3 m, h' = 0.10e-3 m, h'³ = 1e-12 m³, w h'³ = 1.5e-16 m⁴
 *   correction 1 − 0.63 × 0.10/0.15 = 1 − 0.42 = 0.58                         → 1.5e-16 × 0.58 = 8.7e-17 m⁴
 *   12 μ L = 12 × 10 × 1.35e-3 = 0.162 Pa·s·m
 *   one trough g = 8.7e-17 / 0.162 = 5.3704e-16 m³/(Pa·s); wall G = 3 g = 2.61e-16 / 0.162 = 1.6111e-15
 *   step resistance R = 1 / G = 0.162 / 2.61e-16 = 6.2069e14 Pa·s/m³
 *   T(N) = V R N(N−1) / (2 ΔP) = 6.6e-9 × 0.162 / (2.61e-16 × 7e6) × N(N−1)/2
 *        = 1.0692e-9 / 1.827e-9 × N(N−1)/2 = (1.0692/1.827) × N(N−1)/2 = (1782/3045) s × N(N−1)/2
 *   N = 6:  N(N−1)/2 = 15 → T = 15 × 1782/3045 = 26730/3045 = 1782/203 = 8.778325123 s
 *   N = 10: N(N−1)/2 = 45 → T = 3 × 1782/203 = 5346/203 = 26.33497537 s
 *   allowed = 0.5 × 30 = 15 s
 * </pre>
 */
class FillModelTest {

    private static final FillPolicy POLICY = FillPolicy.DEFAULT;

    /** The row above with {@code sites} in the chain and a filler top cut (25 µm: a moulded-underfill grade). */
    private static FillInput wifi(int sites, double topCutUm) {
        return new FillInput(FillMethod.TRANSFER_MOLD, 10, topCutUm, 30, 7000, sites, 3, 0.15, 0.10, 1.35, 1, 6.6,
                true, true);
    }

    private static FillInput withOpenings(FillInput in, int n, double lengthMm, double heightMm, double ductMm) {
        return new FillInput(in.method(), in.viscosityPaS(), in.fillerTopCutUm(), in.gelTimeS(), in.pressureKPa(),
                in.chainSites(), n, lengthMm, heightMm, ductMm, in.wallsPerStep(), in.stepVolumeMm3(),
                in.depressionsVented(), in.wallSpaceVented());
    }

    private static FillInput withVents(FillInput in, boolean depressions, boolean wallSpace) {
        return new FillInput(in.method(), in.viscosityPaS(), in.fillerTopCutUm(), in.gelTimeS(), in.pressureKPa(),
                in.chainSites(), in.openingsPerWall(), in.openingLengthMm(), in.openingHeightMm(),
                in.ductLengthMm(), in.wallsPerStep(), in.stepVolumeMm3(), depressions, wallSpace);
    }

    @Test
    void wallConductanceOfThreeTroughs() {
        // G = 3 × 0.15e-3 × (0.10e-3)³ × 0.58 / 0.162 = 2.61e-16 / 0.162 = 1.611111111e-15 m³/(Pa·s)
        assertThat(FillModel.wallConductanceM3PaS(3, 0.15, 0.10, 1.35, 10)).isCloseTo(1.611111111e-15,
                within(1e-24));
        // the duct is the same whichever side lies along the wall: w = max, h' = min
        assertThat(FillModel.wallConductanceM3PaS(3, 0.10, 0.15, 1.35, 10))
                .isEqualTo(FillModel.wallConductanceM3PaS(3, 0.15, 0.10, 1.35, 10));
    }

    @Test
    void sixSitesFillWithinHalfTheGelTime() {
        // T = 1782/203 = 8.778325123 s ≤ 15 s; required pressure 7000 × 8.778325123 / 15 = 4096.551724 kPa
        // filler 3 × 25 µm = 0.075 mm ≤ 0.10 mm passes
        // smallest square side: s⁴ = V · 1 · 12 μ L · N(N−1) / (2 ΔP · n · 0.37 · 15)
        //   = 6.6e-9 × 0.162 × 30 / (2 × 7e6 × 3 × 0.37 × 15) = 3.2076e-8 / 2.331e8 = 1.376061e-16 m⁴
        //   s = (1.376061e-16)^¼ = 1.0830774e-4 m = 0.10830774 mm
        FillResult r = FillModel.evaluate(wifi(6, 25), POLICY);

        assertThat(r.status()).isEqualTo(FillStatus.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.fillTimeS()).isCloseTo(1782.0 / 203, within(1e-9));
        assertThat(r.fillTimeS()).isCloseTo(8.778325123, within(1e-9));
        assertThat(r.allowedTimeS()).isEqualTo(15.0);
        assertThat(r.requiredPressureKPa()).isCloseTo(4096.551724, within(1e-6));
        assertThat(r.fillerMinOpeningMm()).isCloseTo(0.075, within(1e-12));
        // the flow's limit keeps the troughs' shape: f = (8.778325123 / 15)^¼ = 0.5852217^¼ = 0.8746415, so the
        // smallest dimension may shrink to 0.10 × 0.8746415 = 0.08746415 mm (the design's 0.10 mm passes)
        assertThat(r.flowMinOpeningMm()).isCloseTo(0.08746415, within(1e-8));
        // max(0.075, 0.08746415)
        assertThat(r.minOpeningMm()).isEqualTo(r.flowMinOpeningMm());
        assertThat(r.longestChainSites()).isEqualTo(6);
    }

    @Test
    void tenSitesTakeTooLongAndTheMessageNamesEachFix() {
        // T = 5346/203 = 26.33497537 s > 15 s
        // pressure: 7000 × 26.33497537 / 15 = 12289.65517 kPa
        // viscosity: 10 × 15 / 26.33497537 = 150 × 203 / 5346 = 5.695847 Pa·s
        // chain: T(k) = (1782/3045) × k(k−1)/2; k = 7: 21 × 0.5852217 = 12.28966 s ≤ 15;
        //        k = 8: 28 × 0.5852217 = 16.38621 s > 15 → 7 depressions per gate
        // square openings: s⁴ = 6.6e-9 × 0.162 × 90 / (2 × 7e6 × 3 × 0.37 × 15) = 9.6228e-8 / 2.331e8
        //        = 4.128185e-16 m⁴ → s = 1.4254100e-4 m = 0.142541 mm
        // openings per wall: ceil(3 × 26.33497537 / 15) = ceil(5.267) = 6
        FillResult r = FillModel.evaluate(wifi(10, 25), POLICY);

        assertThat(r.status()).isEqualTo(FillStatus.FAIL);
        assertThat(r.fillTimeS()).isCloseTo(5346.0 / 203, within(1e-9));
        assertThat(r.requiredPressureKPa()).isCloseTo(12289.65517, within(1e-5));
        // same shape: f = (26.33497537 / 15)^¼ = 1.755665^¼ = 1.1510930 → 0.10 × f = 0.1151093 mm
        assertThat(r.flowMinOpeningMm()).isCloseTo(0.1151093, within(1e-7));
        assertThat(FillModel.squareSideMm(wifi(10, 25), 15)).isCloseTo(0.142541, within(1e-6));
        assertThat(r.minOpeningMm()).isEqualTo(r.flowMinOpeningMm());
        assertThat(FillModel.longestChainWithin(wifi(10, 25), 15)).isEqualTo(7);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f).extracting(FillFinding::rule, FillFinding::severity, FillFinding::field,
                    FillFinding::unit).containsExactly(FillRule.FILL_WITHIN_GEL_TIME, Severity.ERROR,
                    "encapsulation.gatesPerRow", "s");
            assertThat(f.measured()).isCloseTo(26.33497537, within(1e-8));
            assertThat(f.limit()).isEqualTo(15.0);
            assertThat(f.message()).isEqualTo("filling 10 depressions in series from one gate takes 26.335 s, more"
                    + " than the allowed 15 s (0.5 × gel time 30 s); raise the driving pressure to at least"
                    + " 12289.7 kPa, or use an encapsulant of at most 5.69585 Pa·s, or feed at most 7 depressions"
                    + " from one gate (more encapsulation.gatesPerRow), or scale the openings up to a smallest"
                    + " dimension of at least 0.115109 mm (same shape) or 0.142541 mm square, or use at least 6 openings per wall if they fit");
        });
    }

    @Test
    void requiredPressureScalesWithFillTimeOverAllowed() {
        // at the required pressure 12289.65517 kPa, T = 26.33497537 × 7000 / 12289.65517 = 15 s exactly (T ∝ 1/ΔP)
        FillResult slow = FillModel.evaluate(wifi(10, 25), POLICY);
        FillInput pressed = new FillInput(FillMethod.TRANSFER_MOLD, 10, 25, 30, slow.requiredPressureKPa(), 10, 3,
                0.15, 0.10, 1.35, 1, 6.6, true, true);

        FillResult r = FillModel.evaluate(pressed, POLICY);

        assertThat(r.fillTimeS()).isCloseTo(15.0, within(1e-9));
        assertThat(r.requiredPressureKPa()).isCloseTo(slow.requiredPressureKPa(), within(1e-6));
    }

    @Test
    void theSmallestSquareOpeningFillsInExactlyTheAllowedTime() {
        // round trip: square pathways of side s = 0.142541 mm (from the 10-site row), s⁴ = 4.128185e-16 m⁴, give
        // T = 6.6e-9 × 12 × 10 × 1.35e-3 × 90 / (2 × 7e6 × 3 × 0.37 × s⁴) = 9.6228e-8 / (1.554e7 × 4.128185e-16)
        //   = 9.6228e-8 / 6.41520e-9 = 15.000 s, the allowed time
        double s = FillModel.squareSideMm(wifi(10, 25), 15);

        FillResult r = FillModel.evaluate(withOpenings(wifi(10, 25), 3, s, s, 1.35), POLICY);

        assertThat(r.fillTimeS()).isCloseTo(15.0, within(1e-9));
        assertThat(r.flowMinOpeningMm()).isCloseTo(s, within(1e-12));
    }

    @Test
    void openingsScaledToTheFlowLimitFillInExactlyTheAllowedTime() {
        // the 10-site row's troughs scaled by f = 1.1510930 (0.15 → 0.1726640, 0.10 → 0.1151093 mm) keep their
        // shape, so G grows by f⁴ = 1.755665 and T = 26.33497537 / 1.755665 = 15 s; their own limit is then 0.1151093
        double f = FillModel.evaluate(wifi(10, 25), POLICY).flowMinOpeningMm() / 0.10;

        FillResult r = FillModel.evaluate(withOpenings(wifi(10, 25), 3, 0.15 * f, 0.10 * f, 1.35), POLICY);

        assertThat(f).isCloseTo(1.1510930, within(1e-7));
        assertThat(r.fillTimeS()).isCloseTo(15.0, within(1e-9));
        assertThat(r.status()).isEqualTo(FillStatus.PASS);
        assertThat(r.flowMinOpeningMm()).isCloseTo(0.10 * f, within(1e-12));
    }

    @Test
    void oneSiteFillsInNoTime() {
        // N = 1: T = V R × 1 × 0 / (2 ΔP) = 0; no square side needed; no pressure needed
        FillResult r = FillModel.evaluate(wifi(1, 25), POLICY);

        assertThat(r.fillTimeS()).isZero();
        assertThat(r.flowMinOpeningMm()).isZero();
        assertThat(r.requiredPressureKPa()).isZero();
        assertThat(r.minOpeningMm()).isCloseTo(0.075, within(1e-12));
        assertThat(r.status()).isEqualTo(FillStatus.PASS);
    }

    @Test
    void fillerAtExactlyThreeTopCutsPasses() {
        // top cut 50 µm: 3 × 50 = 150 µm = 0.15 mm; a 0.15 × 0.15 mm pathway passes (one site: no flow check)
        FillInput exact = withOpenings(wifi(1, 50), 3, 0.15, 0.15, 1.35);
        assertThat(FillModel.evaluate(exact, POLICY).findings()).isEmpty();
        // 0.149 mm high: 0.149 < 0.15 fails
        FillInput below = withOpenings(wifi(1, 50), 3, 0.15, 0.149, 1.35);
        assertThat(FillModel.evaluate(below, POLICY).findings()).singleElement()
                .extracting(FillFinding::rule, FillFinding::field, FillFinding::measured, FillFinding::limit)
                .containsExactly(FillRule.FILLER_PASSES_OPENING, "shield.openings.heightMm", 0.149, 0.15);
    }

    @Test
    void standardMouldCompoundFillerBlocksTheWifiTroughs() {
        // 75 µm top cut: 3 × 75 = 225 µm = 0.225 mm > trough depth 0.10 mm
        // finer filler: 0.10 mm / 3 = 0.0333… mm = 33.3333 µm
        FillResult r = FillModel.evaluate(wifi(6, 75), POLICY);

        assertThat(r.status()).isEqualTo(FillStatus.FAIL);
        assertThat(r.fillerMinOpeningMm()).isCloseTo(0.225, within(1e-12));
        // max(0.225, 0.08746415)
        assertThat(r.minOpeningMm()).isCloseTo(0.225, within(1e-12));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FillRule.FILLER_PASSES_OPENING);
            assertThat(f.message()).isEqualTo("the smallest pathway dimension, 0.1 mm, is less than 3 × the filler"
                    + " top cut 75 µm = 0.225 mm, so the largest filler particles can bridge and block it; use a"
                    + " finer filler (encapsulation.fillerTopCutUm at most 33.3333 µm) or make the openings at least"
                    + " 0.225 mm in both length and height");
        });
    }

    @Test
    void unfilledEncapsulantAlwaysPassesTheFillerRule() {
        // top cut 0: k × 0 = 0 mm
        FillResult r = FillModel.evaluate(withOpenings(wifi(1, 0), 3, 0.01, 0.005, 1.35), POLICY);
        assertThat(r.findings()).isEmpty();
        assertThat(r.fillerMinOpeningMm()).isZero();
    }

    @Test
    void aChainWithoutPathwaysIsRefused() {
        // solid walls carry no flow: each depression must be fed on its own (chain 1)
        assertThatThrownBy(() -> withOpenings(wifi(6, 25), 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chainSites must be 1");
        assertThat(FillModel.evaluate(withOpenings(wifi(1, 25), 0, 0, 0, 0), POLICY).status())
                .isEqualTo(FillStatus.PASS);
    }

    @Test
    void slotsThroughAThinWallAreOutsideTheDuctModelsRange() {
        // slot through a 25 µm wall: L = 0.025 mm < h' = min(0.15, 0.10) = 0.10 mm → INFO, status unaffected.
        // Two walls per step (into the wall space and out): R = 2 / G,
        //   G = 3 × 8.7e-17 / (12 × 10 × 0.025e-3) = 2.61e-16 / 3e-3 = 8.7e-14 m³/(Pa·s)
        //   T(6) = 6.6e-9 × 2 / 8.7e-14 × 15 / 7e6 = 1.517241e5 × 15 / 7e6 = 0.3251232 s
        FillInput slot = new FillInput(FillMethod.TRANSFER_MOLD, 10, 25, 30, 7000, 6, 3, 0.15, 0.10, 0.025, 2, 6.6,
                true, true);

        FillResult r = FillModel.evaluate(slot, POLICY);

        assertThat(r.status()).isEqualTo(FillStatus.PASS);
        assertThat(r.fillTimeS()).isCloseTo(0.3251232, within(1e-7));
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f).extracting(FillFinding::rule, FillFinding::severity, FillFinding::measured,
                    FillFinding::limit).containsExactly(FillRule.FLOW_MODEL_RANGE, Severity.INFO, 0.025, 0.10);
            assertThat(f.message()).contains("is a lower bound");
        });
    }

    @Test
    void unventedDepressionsAndWallSpaceAreErrors() {
        FillResult r = FillModel.evaluate(withVents(wifi(6, 25), false, false), POLICY);

        assertThat(r.status()).isEqualTo(FillStatus.FAIL);
        assertThat(r.findings()).extracting(FillFinding::rule, FillFinding::severity)
                .containsExactly(tuple(FillRule.DEPRESSIONS_VENTED, Severity.ERROR),
                        tuple(FillRule.WALL_SPACE_VENTED, Severity.ERROR));
        assertThat(FillModel.evaluate(withVents(wifi(6, 25), true, false), POLICY).findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("full wall height"));
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, -1, 0, 30, 7000, 1, 0, 0, 0, 0, 1, 1, true, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("viscosityPaS");
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, 1, Double.NaN, 30, 7000, 1, 0, 0, 0, 0, 1, 1,
                true, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fillerTopCutUm");
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, 1, 0, 30, Double.POSITIVE_INFINITY, 1, 0, 0, 0,
                0, 1, 1, true, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pressureKPa");
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, 1, 0, 30, 7000, 0, 0, 0, 0, 0, 1, 1, true, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chainSites");
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, 1, 0, 30, 7000, 2, 3, 0.1, 0.1, 0, 1, 1, true,
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ductLengthMm");
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, 1, 0, 30, 7000, 2, 3, 0.1, 0.1, 1, 3, 1, true,
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wallsPerStep");
        assertThatThrownBy(() -> new FillInput(FillMethod.DISPENSE, 1, 0, 30, 7000, 2, 3, 0.1, 0.1, 1, 1, -6.6, true,
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stepVolumeMm3");
        assertThatThrownBy(() -> new FillPolicy(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gelFraction");
    }
}
