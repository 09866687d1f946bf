package io.shieldfab.layout.geometry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.shieldfab.design.geometry.DepressionGeometry.nm;
import static io.shieldfab.design.geometry.DepressionGeometry.nmFromUm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation (the design reader's rules across fields, what {@code /designs/validate} answers) and the layout's
 * {@link LayoutGenerator#check} measure the same {@code DepressionGeometry} on the nm grid, so they accept and refuse
 * the same designs, for the same rule at the same field (docs/design-document.md, "Rules across fields").
 */
class ValidationAgreesWithLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261203L;
    private static final int TRIES = 3000;
    /** The geometric rules both sides check; the reader's others (panel side, output size) cannot fire here. */
    private static final Set<String> GEOMETRY_RULES = Stream.of(LayoutRule.RECESS_WITHIN_PITCH,
                    LayoutRule.KERF_WITHIN_STREET, LayoutRule.OPENINGS_ON_WALL, LayoutRule.OPENING_HEIGHT,
                    LayoutRule.LAYOUT_GRID)
            .map(LayoutRule::code).collect(Collectors.toSet());

    private final DesignReader reader = DesignReader.create();

    private static ObjectNode wifi() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "examples", "designs", "wifi-fem-2g4.json")));
    }

    @Test
    void theSupportRemovedWifiCaseIsRefusedTheSameWayByBoth() throws Exception {
        // support removed first (claim 15): the wall is still one plated thickness, 25 µm, so recess X = 5.0 + 0.6
        // + 0.05 = 5.65 mm; pitch 5.75 leaves a 0.1 mm street, 5.8 leaves 0.15: neither wider than the 0.15 mm kerf
        for (String pitch : List.of("5.75", "5.8")) {
            ObjectNode design = wifi();
            ((ObjectNode) design.get("encapsulation")).put("stage", "AFTER_SUPPORT_REMOVAL");
            ((ObjectNode) design.get("panel")).put("pitchXMm", Double.parseDouble(pitch));
            ((ObjectNode) design.get("panel")).put("sawKerfMm", 0.15);

            ReadResult read = reader.read(design);
            List<Violation> layout = LayoutGenerator.check(spec(design));

            assertThat(read.violations()).extracting(Violation::rule, Violation::field)
                    .containsExactly(Tuple.tuple(LayoutRule.KERF_WITHIN_STREET.code(), "panel.sawKerfMm"));
            assertThat(layout).extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit)
                    .containsExactly(Tuple.tuple(LayoutRule.KERF_WITHIN_STREET.code(), "panel.sawKerfMm",
                            read.violations().get(0).measured(), read.violations().get(0).limit()));
        }
        // 5.81 mm: street 0.16 mm > kerf 0.15 mm, both accept and the layout draws it
        ObjectNode fits = wifi();
        ((ObjectNode) fits.get("encapsulation")).put("stage", "AFTER_SUPPORT_REMOVAL");
        ((ObjectNode) fits.get("panel")).put("pitchXMm", 5.81);
        ((ObjectNode) fits.get("panel")).put("sawKerfMm", 0.15);
        ReadResult read = reader.read(fits);
        assertThat(read.violations()).isEmpty();
        LayoutSpec spec = LayoutSpec.from(read.design());
        assertThat(LayoutGenerator.check(spec)).isEmpty();
        assertThat(spec.wallSpaceOpen()).isTrue();
        assertThat(spec.streetXNm()).isEqualTo(160_000);
        assertThat(LayoutGenerator.generate(spec).site().recess().widthNm()).isEqualTo(5_650_000);
    }

    @Test
    void validationAcceptsExactlyWhatTheLayoutCheckAccepts() throws Exception {
        Random random = new Random(SEED);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            ObjectNode design = randomDesign(random);
            ReadResult read = reader.read(design);
            List<Violation> layout = LayoutGenerator.check(spec(design));
            String context = "seed " + SEED + ", try " + i + ": " + design;
            Set<String> readRules = geometry(read.violations());
            assertThat(read.violations()).as(context).allSatisfy(v -> assertThat(v.rule()).isIn(GEOMETRY_RULES));
            assertThat(geometry(layout)).as(context).isEqualTo(readRules);
            if (read.valid()) {
                accepted++;
                assertThat(LayoutGenerator.check(LayoutSpec.from(read.design()))).as(context).isEmpty();
            } else {
                refused++;
            }
        }
        // the generator straddles the boundaries: both outcomes are common
        assertThat(accepted).isGreaterThan(TRIES / 20);
        assertThat(refused).isGreaterThan(TRIES / 10);
    }

    /** "RULE@field" of each violation. */
    private static Set<String> geometry(List<Violation> violations) {
        return violations.stream().map(v -> v.rule() + "@" + v.field()).collect(Collectors.toSet());
    }

    /**
     * A Wi-Fi panel of 2 × 2 sites with random geometry near the boundaries: pitches around the recess, kerfs
     * around the street, slot counts and lengths around the wall, heights around the recess depth; a few values on
     * the micrometre grid so that exact equality is hit.
     */
    private static ObjectNode randomDesign(Random r) throws Exception {
        ObjectNode d = wifi();
        ObjectNode pkg = (ObjectNode) d.get("package");
        ObjectNode panel = (ObjectNode) d.get("panel");
        ObjectNode shield = (ObjectNode) d.get("shield");
        ObjectNode openings = (ObjectNode) shield.get("openings");
        double length = um(r, 500, 6000);
        double width = um(r, 500, 6000);
        double clearance = um(r, 10, 400);
        int thickness = 1 + r.nextInt(60);
        boolean supportRemoved = r.nextBoolean();
        double wall = thickness / 1000.0;
        pkg.put("bodyLengthMm", length).put("bodyWidthMm", width);
        shield.put("wallClearanceMm", clearance).put("thicknessUm", thickness);
        // a gate at every site, as the example has, on the two columns
        ((ObjectNode) d.get("encapsulation")).put("stage",
                supportRemoved ? "AFTER_SUPPORT_REMOVAL" : "BEFORE_SUPPORT_REMOVAL").put("gatesPerRow", 2);
        double kerf = um(r, 10, 300);
        panel.put("rows", 2).put("columns", 2).put("sawKerfMm", kerf)
                .put("pitchXMm", near(r, length + 2 * clearance + 2 * wall + kerf))
                .put("pitchYMm", near(r, width + 2 * clearance + 2 * wall + kerf));
        OpeningStyle style = OpeningStyle.values()[r.nextInt(OpeningStyle.values().length)];
        double recess = Double.parseDouble(pkg.get("heightMm").asText()) + um(r, 0, 80) / 1000 * 1000;
        ((ObjectNode) d.get("mandrel")).put("recessDepthMm", recess);
        if (style == OpeningStyle.NONE) {
            shield.set("openings", JSON.createObjectNode().put("style", "NONE"));
        } else {
            int perWall = 1 + r.nextInt(6);
            double shorter = Math.min(length, width) + 2 * clearance;
            double need = style == OpeningStyle.PILLARS ? perWall : 2.0 * perWall - 1;
            openings.put("style", style.name()).put("perWall", perWall)
                    .put("lengthMm", Math.max(0.001, near(r, shorter / need)))
                    .put("heightMm", Math.max(0.001, near(r, recess)));
        }
        return d;
    }

    /** A length in mm on the 1 µm grid from {@code minUm} to {@code maxUm}. */
    private static double um(Random r, int minUm, int maxUm) {
        return (minUm + r.nextInt(maxUm - minUm + 1)) / 1000.0;
    }

    /** Within ±5 µm of {@code mm}, on the 1 µm grid, so equality and both sides of it occur. */
    private static double near(Random r, double mm) {
        return Math.round(mm * 1000 + r.nextInt(11) - 5) / 1000.0;
    }

    /** The layout spec of a document's numbers (valid or not), through the one nm conversion. */
    private static LayoutSpec spec(ObjectNode d) {
        var pkg = d.get("package");
        var panel = d.get("panel");
        var shield = d.get("shield");
        var openings = shield.get("openings");
        OpeningStyle style = OpeningStyle.valueOf(openings.get("style").asText());
        boolean none = style == OpeningStyle.NONE;
        return new LayoutSpec(d.get("name").asText(), "A", panel.get("rows").asInt(), panel.get("columns").asInt(),
                nm(panel.get("pitchXMm").asDouble()), nm(panel.get("pitchYMm").asDouble()),
                nm(panel.get("marginMm").asDouble()), nm(panel.get("sawKerfMm").asDouble()),
                nm(pkg.get("bodyLengthMm").asDouble()), nm(pkg.get("bodyWidthMm").asDouble()),
                nm(pkg.get("heightMm").asDouble()), nm(shield.get("wallClearanceMm").asDouble()),
                nmFromUm(shield.get("thicknessUm").asDouble()),
                "AFTER_SUPPORT_REMOVAL".equals(d.get("encapsulation").get("stage").asText()),
                nm(d.get("mandrel").get("recessDepthMm").asDouble()), style,
                none ? 0 : openings.get("perWall").asInt(), none ? 0 : nm(openings.get("lengthMm").asDouble()),
                none ? 0 : nm(openings.get("heightMm").asDouble()), nm(d.get("bonding").get("padSizeMm").asDouble()));
    }
}
