package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.rest.dto.HandoffView;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the handoff page words numbers, and which SVG it is willing to inline. */
class PortalFormattingTest {

    @Test
    void frequenciesDurationsAndSizesReadAsPeopleWriteThem() {
        assertThat(OutcomeFacts.frequency(2.45e9)).isEqualTo("2.45 GHz");
        assertThat(OutcomeFacts.frequency(84e9)).isEqualTo("84 GHz");
        assertThat(OutcomeFacts.frequency(100e9)).isEqualTo("100 GHz");
        assertThat(OutcomeFacts.frequency(48e6)).isEqualTo("48 MHz");
        assertThat(OutcomeFacts.frequency(250e6)).isEqualTo("250 MHz");
        assertThat(OutcomeFacts.duration(28.5)).isEqualTo("29 s");
        assertThat(OutcomeFacts.duration(2082.31)).isEqualTo("34 min 42 s");
        assertThat(OutcomeFacts.duration(3774.16)).isEqualTo("1 h 2 min");
        assertThat(PortalViews.size(999)).isEqualTo("999 B");
        assertThat(PortalViews.size(2828)).isEqualTo("2.8 kB");
        assertThat(PortalViews.size(10_925_038)).isEqualTo("10.9 MB");
    }

    @Test
    void progressStepsFollowTheIdsAHandoffHasCollected() {
        assertThat(steps("RUNNING", "L-1", null)).containsExactly("Layout:done", "Shielding report:active",
                "Recipe and traveler:waiting", "Bundle:waiting");
        assertThat(steps("QUEUED", null, null)).allMatch(s -> s.endsWith(":waiting"));
        assertThat(steps("SUCCEEDED", "L-1", "E-1")).last().isEqualTo("Bundle:done");
        // a handoff that asked for a full-wave run shows it as the step before the bundle, active while it waits
        HandoffView waiting = new HandoffView("h", "RUNNING", "d", "A",
                null, null, null, "L-1", "E-1", "R-1", null, List.of(), List.of(), 0, null, null, null,
                null, null, null, null, new HandoffView.FullwaveVerification(20, 2, "BROADBAND", "V-1", null));
        assertThat(PortalViews.Step.of(waiting).stream().map(s -> s.name() + ":" + s.state()).toList()).containsExactly(
                "Layout:done", "Shielding report:done", "Recipe and traveler:done", "Full-wave verification:active",
                "Bundle:waiting");
    }

    private static List<String> steps(String status, String layoutId, String reportId) {
        HandoffView view = new HandoffView("h", status, "d", "A",
                null, null, null, layoutId, reportId, null, null, List.of(), List.of(), 0, null, null, null,
                null, null, null, null, null);
        return PortalViews.Step.of(view).stream().map(s -> s.name() + ":" + s.state()).toList();
    }

    @Test
    void theVerdictSummaryNamesTheWeakestHarmonicTheReportNames() throws Exception {
        ObjectNode recorded = (ObjectNode) new ObjectMapper().readTree(RecordedServices.bytes("shielding-report.json"));
        // The recorded report of mmwave-28g.yaml: its four bonding pads leave 5.19 mm seams that give nothing from the
        // fundamental up, so shielding-service names harmonic 1 at 0 dB; its opening window is the single opening
        // 0.015 mm (the 5 µm filler's 3 × 5 µm, and the largest that shields at 84 GHz).
        String window = " Opening window 0.015 to 0.015 mm: the fill needs openings of at least 0.015 mm, the shielding"
                + " allows at most 0.015 mm at 84 GHz.";
        EvaluationResult report = new ObjectMapper().treeToValue(recorded, EvaluationResult.class);
        assertThat(OutcomeFacts.verdictSummary(report)).isEqualTo("The shield does not meet the requirement (target 40 dB)."
                + " The weakest shielding is 0 dB at 28 GHz (harmonic 1)." + window);
        assertThat(OutcomeFacts.findings(report)).extracting(PortalViews.Finding::rule)
                .contains("APERTURE_SHIELDING", "SEAM_SHIELDING");
        assertThat(OutcomeFacts.frequencies(report)).isNotEmpty();
        // shielding-service names the weakest frequency; the gateway does not work it out from the table
        recorded.remove("weakest");
        EvaluationResult withoutWeakest = new ObjectMapper().treeToValue(recorded, EvaluationResult.class);
        assertThat(OutcomeFacts.verdictSummary(withoutWeakest))
                .isEqualTo("The shield does not meet the requirement (target 40 dB)." + window);
        recorded.putObject("weakest").put("harmonic", 3).put("frequencyHz", 84e9).put("totalSeDb", 12.4321)
                .put("marginDb", -27.5679);
        assertThat(OutcomeFacts.verdictSummary(new ObjectMapper().treeToValue(recorded, EvaluationResult.class)))
                .isEqualTo("The shield does not meet the requirement (target 40 dB). The weakest shielding is 12.4 dB at"
                        + " 84 GHz (harmonic 3)." + window);
    }

    @Test
    void anEmptyOpeningWindowIsDrawnAsARedGapBetweenBothLimits() {
        // The coarse-filler example as it was before the FCC 15.33 ranges (its limit is now 0.015 mm:
        // OpeningWindowHandoffTest): fill ≥ 3 × 25 µm = 0.075 mm, shielding ≤ 0.026 mm at 84 GHz, troughs 0.026 × 0.026 mm. Scale: 1.2 × 0.075 = 0.09 → the next of 1, 2, 2.5, 5 × 10ⁿ is 0.1 mm; x = 600 × v / 0.1:
        // min 450.0, max 156.0, the gap from 156.0 wide 450 − 156 = 294.0, the fill band 600 − 450 = 150.0 wide.
        HandoffView.OpeningWindow w = new HandoffView.OpeningWindow(0.075, 0.026, true, 84e9);
        PortalViews.WindowBar bar = PortalViews.WindowBar.of(w, 0.026, 0.026);
        assertThat(bar.empty()).isTrue();
        assertThat(bar.scaleMm()).isEqualTo("0.1");
        assertThat(List.of(bar.minX(), bar.maxX(), bar.windowX(), bar.windowWidth(), bar.fillWidth()))
                .containsExactly("450.0", "156.0", "156.0", "294.0", "150.0");
        assertThat(List.of(bar.smallestX(), bar.largestX())).containsExactly("156.0", "156.0");
        assertThat(bar.sentence()).isEqualTo("The opening window is empty: the fill needs openings of at least 0.075 mm,"
                + " the shielding allows at most 0.026 mm at 84 GHz.");
    }

    @Test
    void anOpenWindowIsDrawnInGreenWithTheOpeningsInside() {
        // A window the flow sets (the Wi-Fi example as it was, one gate per row and checked to 12.25 GHz; it is now
        // [0.045, 0.057] mm: OpeningWindowHandoffTest): fill ≥ 0.0882564 mm, shielding ≤ 0.178 mm, troughs 0.15 × 0.10 mm.
        // Scale: 1.2 × 0.178 = 0.2136 → 0.25 mm (0.2 is less); x = 600 × v / 0.25 = 2400 v: min 211.8154 → 211.8,
        // max 427.2, window 427.2 − 211.8154 = 215.3846 → 215.4; openings 0.10 → 240.0, 0.15 → 360.0.
        HandoffView.OpeningWindow w = new HandoffView.OpeningWindow(0.0882564, 0.178, false, 12.25e9);
        PortalViews.WindowBar bar = PortalViews.WindowBar.of(w, 0.10, 0.15);
        assertThat(bar.empty()).isFalse();
        assertThat(bar.scaleMm()).isEqualTo("0.25");
        assertThat(List.of(bar.minX(), bar.maxX(), bar.windowX(), bar.windowWidth()))
                .containsExactly("211.8", "427.2", "211.8", "215.4");
        assertThat(List.of(bar.smallestX(), bar.largestX())).containsExactly("240.0", "360.0");
        assertThat(List.of(bar.minMm(), bar.maxMm(), bar.smallestMm(), bar.largestMm()))
                .containsExactly("0.08826", "0.178", "0.1", "0.15");
        assertThat(bar.sentence()).isEqualTo("Opening window 0.08826 to 0.178 mm: the fill needs openings of at least"
                + " 0.08826 mm, the shielding allows at most 0.178 mm at 12.25 GHz.");
    }

    @Test
    void onlyAPlainDrawingIsInlinedAndItIsSizedByThePage() {
        String layout = InlineSvg.prepare(RecordedServices.bytes("layout.svg")).orElseThrow();
        assertThat(layout).startsWith("<svg ").contains("viewBox=\"0 0 1400 880\"", "class=\"layout-drawing\"")
                .doesNotContain("<?xml").doesNotContain("width=\"1400\"");
        assertThat(InlineSvg.prepare(svg("<script>alert(1)</script>"))).isEmpty();
        assertThat(InlineSvg.prepare(svg("<rect onload=\"alert(1)\" width=\"1\" height=\"1\"/>"))).isEmpty();
        assertThat(InlineSvg.prepare(svg("<a href=\"javascript:alert(1)\"><text>x</text></a>"))).isEmpty();
        assertThat(InlineSvg.prepare(svg("<foreignObject><div/></foreignObject>"))).isEmpty();
        assertThat(InlineSvg.prepare(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">&x;</svg>").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(InlineSvg.prepare("not xml".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(InlineSvg.prepare(svg("<rect width=\"1\" height=\"1\" fill=\"url(#p)\"/>"))).isPresent();
    }

    private static byte[] svg(String body) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">" + body + "</svg>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
