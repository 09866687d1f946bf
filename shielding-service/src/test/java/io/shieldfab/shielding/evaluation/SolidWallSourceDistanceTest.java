package io.shieldfab.shielding.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Design;
import io.shieldfab.design.Requirements;
import io.shieldfab.shielding.evaluation.ShieldingReport.FieldRegion;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.SolidWall;
import io.shieldfab.shielding.evaluation.ShieldingReport.SourceFace;
import io.shieldfab.shielding.evaluation.ShieldingReport.SourceType;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The solid wall seen from the package (docs/shielding.md, "Solid wall: source distance"): the distance to the
 * nearest face, the near-field reflection inside λ/2π (the worse of the magnetic and electric forms), the plane
 * wave beyond, and a thickness fix found with the same model.
 *
 * <p>Copper: σ = 5.80e7 S/m (Material.COPPER, σr = 1, μr = 1). At 48 MHz:
 * δ = 1/√(π · 48e6 · 1.25663706e-6 · 5.80e7) = 1/√(1.09906e10) = 9.5386 µm;
 * 30 µm: t/δ = 3.14512, A = 8.68589 · 3.14512 = 27.318 dB;
 * x = 2t/δ = 6.29024: e^(−x) = 1.8579e-3, cos x = 0.99995, sin x = 0.00706 →
 * B = 10·log10((1 − 1.8578e-3)² + (1.31e-5)²) = −0.0161 dB;
 * plane wave R = 168 + 10·log10(1/48e6) = 168 − 76.812 = 91.188 dB → 118.49 dB (what the evaluation used to give);
 * λ/2π = 299 792 458/(2π · 48e6) = 994.03 mm, so every face of the can is in the near field.
 */
class SolidWallSourceDistanceTest {

    private static ShieldingReport evaluate(ObjectNode tree, ObjectNode layout) {
        return ExampleLayouts.evaluate(tree, layout);
    }

    private static ObjectNode site(ObjectNode layout) {
        return (ObjectNode) layout.get("site");
    }

    @Test
    void magneticSourceFourTenthsOfAMillimetreFromThirtyMicronsOfCopper() {
        // The MCU can with its cavity 1.30 mm deep: the gap above the 0.85 mm package is 0.45 mm, so the side walls
        // at the 0.4 mm clearance ((7.8 − 7.0)/2) are the nearest face, r = 0.4 mm.
        // R_H = 14.6 + 10·log10(48e6 · (4e-4)² · 1/1) = 14.6 + 10·log10(7.68) = 14.6 + 8.8536 = 23.454 dB;
        // R_E = 322 + 10·log10(1/(48e6³ · (4e-4)²)) = 159.52 dB (≥ the plane wave's 91.188): the magnetic form is
        // the worse, total = 27.318 + 23.454 − 0.016 = 50.756 dB (plane wave: 118.49 dB).
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MCU);
        site(layout).put("cavityDepthMm", 1.30);
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), layout);
        FrequencyCheck fc = r.frequencies().get(0);
        SolidWall w = fc.solidWall();
        assertThat(w.sourceFace()).isEqualTo(SourceFace.SIDE_WALLS);
        assertThat(w.sourceDistanceMm()).isCloseTo(0.4, within(1e-9));
        assertThat(w.fieldRegion()).isEqualTo(FieldRegion.NEAR);
        assertThat(w.sourceType()).isEqualTo(SourceType.MAGNETIC);
        assertThat(w.boundaryMm()).isCloseTo(994.03, within(0.01));
        assertThat(fc.skinDepthUm()).isCloseTo(9.5386, within(1e-4));
        assertThat(w.absorptionDb()).isCloseTo(27.318, within(1e-3));
        assertThat(w.reflectionDb()).isCloseTo(23.454, within(1e-3));
        assertThat(w.multipleReflectionDb()).isCloseTo(-0.0161, within(1e-4));
        assertThat(fc.solidWallSeDb()).isCloseTo(50.756, within(2e-3));
    }

    @Test
    void aNamedSourceIsTheOneTheWallSeUses() {
        // The same can and r = 0.4 mm as above. requirements.nearFieldSource ELECTRIC: R_E = 322 + 10·log10(1/
        // (48e6³ · (4e-4)²)) = 322 + 10·log10(1/(1.105920e23 · 1.6e-7)) = 322 − 162.4785 = 159.5215 dB, total =
        // 27.318 + 159.522 − 0.016 = 186.824 dB, where the worse-of rule gave 50.756; MAGNETIC names what the rule
        // took anyway: the same 50.756 dB.
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MCU);
        site(layout).put("cavityDepthMm", 1.30);
        ObjectNode electric = ExampleDesigns.tree(ExampleDesigns.MCU);
        ((ObjectNode) electric.get("requirements")).put("nearFieldSource", "ELECTRIC");
        ShieldingReport r = evaluate(electric, layout);
        FrequencyCheck fc = r.frequencies().get(0);
        assertThat(r.nearFieldSource()).isEqualTo(Requirements.NearFieldSource.ELECTRIC);
        assertThat(fc.solidWall().sourceType()).isEqualTo(SourceType.ELECTRIC);
        assertThat(fc.solidWall().reflectionDb()).isCloseTo(159.5215, within(1e-3));
        assertThat(fc.solidWallSeDb()).isCloseTo(186.824, within(2e-3));

        ObjectNode magnetic = ExampleDesigns.tree(ExampleDesigns.MCU);
        ((ObjectNode) magnetic.get("requirements")).put("nearFieldSource", "MAGNETIC");
        FrequencyCheck named = evaluate(magnetic, layout).frequencies().get(0);
        assertThat(named.solidWall().sourceType()).isEqualTo(SourceType.MAGNETIC);
        assertThat(named.solidWallSeDb()).isCloseTo(50.756, within(2e-3));
        // and a design that names none reports none
        assertThat(evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), layout).nearFieldSource()).isNull();
    }

    @Test
    void mcuExampleIsShieldedAgainstASourceInTheGapAboveThePackage() {
        // The shipped MCU can: side clearance 0.4 mm, gap above the package 0.90 − 0.85 = 0.05 mm: the top wall is
        // the nearest face, r = 0.05 mm. R_H = 14.6 + 10·log10(48e6 · (5e-5)²) = 14.6 + 10·log10(0.12)
        // = 14.6 − 9.2082 = 5.392 dB; total = 27.318 + 5.392 − 0.016 = 32.694 dB ≥ 20 dB: still PASS
        // (A grows as √f and R_H as f, so the fundamental is the weakest harmonic of the wall).
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.tree(ExampleLayouts.MCU));
        FrequencyCheck fc = r.frequencies().get(0);
        assertThat(fc.solidWall().sourceFace()).isEqualTo(SourceFace.TOP_WALL);
        assertThat(fc.solidWall().sourceDistanceMm()).isCloseTo(0.05, within(1e-9));
        assertThat(fc.solidWall().sourceType()).isEqualTo(SourceType.MAGNETIC);
        assertThat(fc.solidWall().reflectionDb()).isCloseTo(5.392, within(1e-3));
        assertThat(fc.solidWallSeDb()).isCloseTo(32.694, within(2e-3));
        assertThat(r.frequencies()).allSatisfy(x -> assertThat(x.solidWallSeDb()).isGreaterThanOrEqualTo(fc.solidWallSeDb()));
        assertThat(r.verdict()).isEqualTo(Status.PASS);
    }

    @Test
    void thicknessFixIsFoundWithTheNearFieldModelThatFailed() {
        // The MCU can asked for 60 dB: the plane-wave model gave 118.49 dB and no wall finding; the magnetic source
        // 0.05 mm away gives 32.694 dB. The fix needs A ≥ 60 − 5.392 + 0.0000 (B ≈ 0 for a thick wall)
        // = 54.608 dB → t = 54.608/8.68589 · 9.5386 µm = 59.969 µm → 60.0 µm (0.1 µm steps, rounded up):
        // 60.0 µm gives A = 54.636, total 60.028 dB; 59.9 µm gives 59.937 dB.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.MCU);
        ((ObjectNode) tree.get("requirements")).put("minShieldingDb", 60);
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MCU);
        ShieldingReport r = evaluate(tree, layout);
        Finding wall = r.findings().stream().filter(f -> f.rule() == ShieldingRule.WALL_SHIELDING).findFirst()
                .orElseThrow();
        assertThat(wall.frequencyHz()).isEqualTo(48e6);
        assertThat(wall.fixValue()).isEqualTo(60.0);
        assertThat(wall.message()).contains("magnetic near-field source 0.05000 mm from the top wall");
        ExampleLayouts.metrics(layout).put("wallThicknessUm", 60.0);
        assertThat(evaluate(tree, layout).frequencies()).allSatisfy(x -> assertThat(x.solidWallSeDb()).isGreaterThanOrEqualTo(60.0));
        ExampleLayouts.metrics(layout).put("wallThicknessUm", 59.9);
        assertThat(evaluate(tree, layout).frequencies().get(0).solidWallSeDb()).isCloseTo(59.937, within(2e-3));
    }

    @Test
    void sourceBeyondLambdaOverTwoPiSeesThePlaneWave() {
        // The 28 GHz can widened to 2 mm clearance and a 2 mm gap above the package: λ/2π = 299 792 458/(2π · 28e9)
        // = 1.7041 mm < 2 mm → far field. 15 µm Cu: δ = 9.5386 µm · √(48e6/28e9) = 0.39494 µm, A = 8.68589 · 15/0.39494
        // = 329.90 dB, R = 168 + 10·log10(1/28e9) = 168 − 104.472 = 63.528 dB, B = 0 → 393.43 dB.
        // At 56 GHz λ/2π = 0.852 mm: still far.
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MMWAVE);
        site(layout).put("cavityLengthMm", 8.5).put("cavityWidthMm", 8.5).put("cavityDepthMm", 2.8);
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.MMWAVE), layout);
        FrequencyCheck fc = r.frequencies().get(0);
        assertThat(fc.solidWall().sourceDistanceMm()).isCloseTo(2.0, within(1e-9));
        assertThat(fc.solidWall().boundaryMm()).isCloseTo(1.7041, within(1e-4));
        assertThat(r.frequencies()).allSatisfy(x -> {
            assertThat(x.solidWall().fieldRegion()).isEqualTo(FieldRegion.FAR);
            assertThat(x.solidWall().sourceType()).isEqualTo(SourceType.PLANE_WAVE);
        });
        assertThat(fc.solidWall().reflectionDb()).isCloseTo(63.528, within(1e-3));
        assertThat(fc.solidWallSeDb()).isCloseTo(393.43, within(0.01));
    }

    @Test
    void packageTouchingTheTopWallIsCreditedWithAbsorptionOnly() {
        // The Wi-Fi can with the recess as deep as the package (0.90 mm): no gap, r is taken at the layout's 1 nm
        // grid, where R_H = 14.6 + 10·log10(2.45e9 · 1e-18 · 0.24655/5.6466) = 14.6 − 99.7 < 0 → floored at 0.
        // Nickel 25 µm at 2.45 GHz (μr 5.6466): δ = 1.13155 µm, A = 8.68589 · 25/1.13155 = 191.90 dB, B = 0.
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI);
        site(layout).put("cavityDepthMm", 0.90);
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), layout);
        FrequencyCheck fc = r.frequencies().get(0);
        assertThat(fc.solidWall().sourceFace()).isEqualTo(SourceFace.TOP_WALL);
        assertThat(fc.solidWall().sourceDistanceMm()).isEqualTo(ShieldModel.CONTACT_DISTANCE_MM);
        assertThat(fc.solidWall().reflectionDb()).isEqualTo(0.0);
        assertThat(fc.solidWallSeDb()).isCloseTo(191.90, within(0.01));
    }

    @Test
    void shippedExamplesKeepTheirVerdicts() {
        // Wi-Fi, nickel 25 µm, r = 0.05 mm at 2.45 GHz: A = 191.90, R_H = 14.6 + 10·log10(2.45e9 · 2.5e-9 · 0.24655
        // /5.6466) = 8.872 dB → 200.77 dB (plane wave 252.41); 28 GHz, copper 15 µm, r = 0.05 mm: A = 329.90,
        // R_H = 14.6 + 10·log10(28e9 · 2.5e-9) = 33.051 dB → 362.95 dB (plane wave 393.43). Absorption carries
        // both at GHz; the MCU's 32.694 dB stays above its 20 dB. The verdicts are the apertures' as before.
        ShieldingReport wifi = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.tree(ExampleLayouts.WIFI));
        assertThat(wifi.frequencies().get(0).solidWallSeDb()).isCloseTo(200.77, within(0.01));
        assertThat(wifi.frequencies().get(0).solidWall().sourceType()).isEqualTo(SourceType.MAGNETIC);
        ShieldingReport mmwave = evaluate(ExampleDesigns.tree(ExampleDesigns.MMWAVE),
                ExampleLayouts.tree(ExampleLayouts.MMWAVE));
        assertThat(mmwave.frequencies().get(0).solidWallSeDb()).isCloseTo(362.95, within(0.01));
        assertThat(mmwave.findings()).noneMatch(f -> f.rule() == ShieldingRule.WALL_SHIELDING);
        assertThat(wifi.findings()).noneMatch(f -> f.rule() == ShieldingRule.WALL_SHIELDING);
    }
}
