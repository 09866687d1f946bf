package io.shieldfab.shielding.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Requirements.ApertureRule;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.rest.dto.LayoutView;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The geometry is read from layout-service's layout documents only (docs/shielding.md, "Geometry"). */
class ShieldGeometryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Violation> violations = new ArrayList<>();

    private ShieldGeometry read(ObjectNode layout, int designSites) throws Exception {
        return ShieldGeometry.from(MAPPER.treeToValue(layout, LayoutView.class), designSites, violations);
    }

    @Test
    void theWifiLayoutGivesEveryLength() throws Exception {
        // 12 openings per depression are 3 per wall; 0.057 × 0.057 mm troughs (route TROUGHS: closed, not
        // open-ended), 25 µm walls, 5.6 × 4.6 × 0.95 mm cavity, bonded with a ring (no seam gaps, no pads drawn:
        // bondingPads [], so no pad size either).
        ShieldGeometry g = read(ExampleLayouts.tree(ExampleLayouts.WIFI), 24);
        assertThat(violations).isEmpty();
        assertThat(g).isEqualTo(new ShieldGeometry(5.6, 4.6, 0.95, 25.0, 3, 0.057, 0.057, 0.057, 0.025, false,
                new ShieldGeometry.Seam("RING", 0, 0.0, null, List.of(), null)));
        assertThat(g.openingField()).isEqualTo("shield.openings.lengthMm");
    }

    @Test
    void closedWallsNeedNoOpeningSizes() throws Exception {
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI_CLOSED_GOLD_1UM);
        ExampleLayouts.metrics(layout).remove(List.of("openingLengthMm", "openingHeightMm", "openingDepthMm"));
        ShieldGeometry g = read(layout, 24);
        assertThat(violations).isEmpty();
        assertThat(g.hasOpenings()).isFalse();
        assertThat(g.wallThicknessUm()).isEqualTo(1.0);
        assertThat(g.openingDepthMm()).isNull();
    }

    @Test
    void openingsPerWallWinsAndMustAgreeWithOpeningsPerSite() throws Exception {
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MCU);
        ExampleLayouts.metrics(layout).put("openingsPerWall", 6);
        assertThat(read(layout, 500).openingsPerWall()).isEqualTo(6);
        ExampleLayouts.metrics(layout).put("openingsPerWall", 5);
        assertThat(read(layout, 500)).isNull();
        assertThat(violations).extracting(Violation::field).containsExactly("layout.metrics.openingsPerSite");
    }

    @Test
    void missingOrUnusableMembersAreNamedByTheirPath() throws Exception {
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(layout).remove(List.of("openingsPerSite", "openingsPerWall", "wallThicknessUm",
                "openingLengthMm"));
        ExampleLayouts.metrics(layout).put("openingMaxDimensionMm", Double.NaN);
        layout.remove("site");
        assertThat(read(layout, 40)).isNull();
        assertThat(violations).extracting(Violation::field).containsExactly("layout.siteCount", "layout.site",
                "layout.metrics.openingsPerSite", "layout.metrics.openingMaxDimensionMm",
                "layout.metrics.wallThicknessUm");
        violations.clear();
        ExampleLayouts.metrics(layout).put("openingsPerSite", 12.5);
        layout.remove("metrics");
        assertThat(read(layout, 24)).isNull();
        assertThat(violations).extracting(Violation::field).containsExactly("layout.site", "layout.metrics");
    }

    @Test
    void countsMustBeWholeAndFourPerSite() throws Exception {
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(layout).put("openingsPerSite", 12.5);
        assertThat(read(layout, 24)).isNull();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("layout.metrics.openingsPerSite");
            assertThat(v.message()).contains("12.5 is not");
        });
    }

    @Test
    void everyConfiguredApertureRuleIsARule() {
        assertThat(Arrays.stream(ApertureRule.values()).map(ShieldingRule::aperture).map(ShieldingRule::code))
                .containsExactly("APERTURE_LAMBDA", "APERTURE_LAMBDA_OVER_2", "APERTURE_LAMBDA_OVER_20",
                        "APERTURE_LAMBDA_OVER_50");
    }
}
