package io.shieldfab.shielding.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Design;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.RuleCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.Severity;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.physics.ApertureShape;
import io.shieldfab.shielding.physics.ApertureShielding;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seam between the can's rim and the board (docs/shielding.md, "Seams"): each unbonded stretch of the rim between
 * bonding pads is a slot at the board interface in the encapsulant, with the layout's gaps.
 */
class SeamShieldingTest {

    private static ShieldingReport evaluate(ObjectNode tree, ObjectNode layout) {
        return ExampleLayouts.evaluate(tree, layout);
    }

    private static ObjectNode withPads(String example) {
        ObjectNode tree = ExampleDesigns.tree(example);
        ((ObjectNode) tree.get("bonding")).put("pattern", "PADS");
        return tree;
    }

    private static Finding seamFinding(ShieldingReport r) {
        return r.findings().stream().filter(f -> f.rule() == ShieldingRule.SEAM_SHIELDING).findFirst().orElseThrow();
    }

    @Test
    void aFiveMillimetreSeamAtTwoPointFourFiveGigahertz() {
        // A 5.35 mm gap at 2.45 GHz in εr 3.8 (the review's figure): λ = 299792458/(2.45e9·1.9493589) m =
        // 62.77155 mm, SE = 20·log10(62.77155/(2·5.35)) = 20·log10(5.866500) = 15.3676 dB, half the 30 dB required.
        ApertureShielding.Result r = ApertureShielding.calculate(
                new ApertureShielding.Input(5.35, 1, 2.45e9, 0.0, 3.8, ApertureShape.RECTANGULAR));
        assertThat(r.seDb()).isCloseTo(15.3676, within(0.0001));
    }

    @Test
    void theWifiCanOnFourPadsLeaksThroughItsSeam() {
        // One pad a side: four gaps of 3.1125 + 2.6125 − 0.3 = 5.425 mm along the bonding line (the layout's
        // seamLongestGapMm, DepressionGeometryTest). At 2.45 GHz: 20·log10(62.77155/10.85) − 10·log10(4) =
        // 15.2467 − 6.0206 = 9.2261 dB; from the 3rd harmonic up (λ/2 = 2.7 mm at 7.35 GHz < 5.425 mm) the gaps
        // resonate: 0 dB. The openings give 50.05 dB at 2.45 GHz: the seam is the leak.
        ShieldingReport r = evaluate(withPads(ExampleDesigns.WIFI), ExampleLayouts.tree(ExampleLayouts.WIFI_PADS));
        // The seam carries what the full-wave model draws: the layout's four 0.3 mm pads mid-land, 2.3 + 0.3125 and
        // 2.8 + 0.3125 mm from the centre, and the rim 50 µm (the design's padThicknessUm) above the board.
        assertThat(r.seam()).isEqualTo(new ShieldGeometry.Seam("PADS", 4, 5.425, 0.3,
                List.of(new ShieldGeometry.Pad(0, 2.6125), new ShieldGeometry.Pad(0, -2.6125),
                        new ShieldGeometry.Pad(3.1125, 0), new ShieldGeometry.Pad(-3.1125, 0)), 0.05));
        assertThat(r.frequencies().get(0).seamSeDb()).isCloseTo(9.2261, within(0.0001));
        assertThat(r.frequencies().get(0).totalSeDb()).isCloseTo(9.2261, within(0.0001));
        assertThat(r.frequencies().get(2).seamSeDb()).isZero();
        assertThat(r.verdict()).isEqualTo(Status.FAIL);
        Finding f = seamFinding(r);
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        // Tightest at 24.5 GHz, where a passing gap would be 6.277155/(2·10^(36.0206/20)) = 0.049625 mm: 80 pads a
        // side would not give it, so the fix is the ring, with no value.
        assertThat(f.frequencyHz()).isEqualTo(24.5e9);
        RuleCheck rule = r.frequencies().get(9).rules().stream()
                .filter(x -> x.rule() == ShieldingRule.SEAM_SHIELDING).findFirst().orElseThrow();
        assertThat(rule.limitMm()).isCloseTo(0.049625, within(0.000001));
        assertThat(rule.actualMm()).isEqualTo(5.425);
        assertThat(f.field()).isEqualTo("bonding.padsPerSide");
        assertThat(f.fixField()).isEqualTo("bonding.pattern");
        assertThat(f.fixValue()).isNull();
        assertThat(f.message()).contains("bonded at 4 pads", "5.425 mm", "between the can and the board");
        assertThat(f.fix()).startsWith("Bond the rim all round (bonding.pattern RING)");
    }

    @Test
    void morePadsFixTheMicrocontrollersSeamAtTwoGigahertz() {
        // The MCU on pads: four 7.905 mm gaps. The fix search adds pads a side until every gap passes 20 dB up to
        // 1.968 GHz (λ = 81.42572 mm in εr 3.5). k pads of 0.4 mm on a 7.86 mm recess side sit at
        // −3.93 + (i + ½)·7.86/k; the corner gap (the longest) is 2·(4.1525 − last centre) − 0.4:
        //   k = 18: last centre 3.711667 → 0.481667 mm, 72 gaps: 20·log10(81.42572/0.963333) − 10·log10(72)
        //           = 38.5397 − 18.5733 = 19.966 dB < 20
        //   k = 19: last centre 3.723158 → 0.458684 mm, 76 gaps: 38.9644 − 18.8081 = 20.156 dB ≥ 20 → the fix.
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MCU);
        ExampleLayouts.metrics(layout).put("bondingPattern", "PADS").put("seamGapCount", 4).put("seamLongestGapMm", 7.905);
        ShieldingReport r = evaluate(withPads(ExampleDesigns.MCU), layout);
        Finding f = seamFinding(r);
        assertThat(f.fixField()).isEqualTo("bonding.padsPerSide");
        assertThat(f.fixValue()).isEqualTo(19.0);
        assertThat(f.fix()).contains("Use 19 pads per side", "0.4587 mm", "or bond the rim all round");
        // Applied: the layout of 19 pads a side gives 76 gaps, the longest 0.458684 mm.
        ObjectNode tree = withPads(ExampleDesigns.MCU);
        ((ObjectNode) tree.get("bonding")).put("padsPerSide", 19);
        ExampleLayouts.metrics(layout).put("seamGapCount", 76).put("seamLongestGapMm", 0.458684);
        ShieldingReport fixed = evaluate(tree, layout);
        assertThat(fixed.frequencies().get(40).seamSeDb()).isCloseTo(20.156, within(0.001));
        assertThat(fixed.findings()).extracting(Finding::rule).doesNotContain(ShieldingRule.SEAM_SHIELDING);
    }

    @Test
    void aRingClosesTheSeam() {
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.tree(ExampleLayouts.WIFI));
        assertThat(r.seam()).isEqualTo(new ShieldGeometry.Seam("RING", 0, 0.0, null, List.of(), 0.05));
        assertThat(r.seam().closed()).isTrue();
        assertThat(r.frequencies()).allSatisfy(f -> {
            assertThat(f.seamSeDb()).isNull();
            assertThat(f.rules()).extracting(RuleCheck::rule).doesNotContain(ShieldingRule.SEAM_SHIELDING);
        });
        assertThat(r.sweep()).allSatisfy(p -> assertThat(p.seamSeDb()).isNull());
    }

    @Test
    void theSeamHasItsOwnLineOnTheSweep() {
        // At the sweep's first point, f0/2 = 1.225 GHz: λ = 125.5431 mm, 20·log10(125.5431/10.85) − 6.0206 =
        // 21.2673 − 6.0206 = 15.2467 dB.
        ShieldingReport r = evaluate(withPads(ExampleDesigns.WIFI), ExampleLayouts.tree(ExampleLayouts.WIFI_PADS));
        assertThat(r.sweep().get(0).frequencyHz()).isCloseTo(1.225e9, within(1.0));
        assertThat(r.sweep().get(0).seamSeDb()).isCloseTo(15.2467, within(0.0001));
    }

    @Test
    void aLayoutWithoutTheSeamIsEvaluatedWithANote() {
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI_PADS);
        ExampleLayouts.metrics(layout).remove(List.of("bondingPattern", "seamGapCount", "seamLongestGapMm"));
        ShieldingReport r = evaluate(withPads(ExampleDesigns.WIFI), layout);
        assertThat(r.seam()).isNull();
        Finding note = r.findings().stream().filter(f -> f.rule() == ShieldingRule.SEAM_NOT_EVALUATED).findFirst()
                .orElseThrow();
        assertThat(note.severity()).isEqualTo(Severity.INFO);
        assertThat(r.frequencies()).allSatisfy(f -> assertThat(f.seamSeDb()).isNull());
    }

    @Test
    void halfASeamIsRefusedNamingTheMissingMember() {
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI_PADS);
        ExampleLayouts.metrics(layout).remove("seamGapCount");
        java.util.List<io.shieldfab.design.Violation> violations = new java.util.ArrayList<>();
        Design d = ExampleDesigns.design(withPads(ExampleDesigns.WIFI));
        ShieldGeometry g;
        try {
            g = ShieldGeometry.from(new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(layout,
                    io.shieldfab.shielding.rest.dto.LayoutView.class), d.siteCount(), violations);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        assertThat(g).isNull();
        assertThat(violations).extracting(io.shieldfab.design.Violation::field)
                .containsExactly("layout.metrics.seamGapCount");
    }
}
