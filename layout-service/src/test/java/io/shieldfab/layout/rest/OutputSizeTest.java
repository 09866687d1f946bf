package io.shieldfab.layout.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.layout.Layout;
import io.shieldfab.layout.geometry.LayoutRule;
import io.shieldfab.layout.repository.LayoutRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The output limits in layout-service (docs/design-document.md, "Output size"), with the design model's defaults.
 * Both fail on main: there the 500 × 500 design was laid out (201) and its files written in full.
 */
@QuarkusTest
class OutputSizeTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    LayoutRepository layouts;

    /**
     * The security review's finding 5 (docs/evidence.md): 3 × 3 mm packages at 3.9 mm on 500 × 500 sites, 100 slots
     * of 0.015 mm per wall; 101 752 006 shapes and about 26.6 GiB of DXF by the estimate.
     */
    static String finding5() {
        return """
                {"name": "finding-5", "revision": "A",
                 "package": {"bodyLengthMm": 3.0, "bodyWidthMm": 3.0, "heightMm": 0.9, "operatingFrequencyHz": 2.45e9},
                 "panel": {"rows": 500, "columns": 500, "pitchXMm": 3.9, "pitchYMm": 3.9},
                 "shield": {"material": "NICKEL", "thicknessUm": 20, "wallClearanceMm": 0.2,
                            "openings": {"style": "SLOTS", "perWall": 100, "lengthMm": 0.015, "heightMm": 0.1}},
                 "mandrel": {"material": "STAINLESS_STEEL", "recessDepthMm": 0.95}}
                """;
    }

    @Test
    void aDesignWhoseFilesWouldBeTooLargeIsRefusedWithTheFieldsThatDriveTheSize() {
        given().contentType(ContentType.JSON).body(finding5())
                .when().post("/api/v1/layouts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItems("panel.rows", "panel.columns", "shield.openings.perWall"))
                .body("violations[0].message", containsString("DXF 26.6 GiB (limit 512 MiB)"));
    }

    @Test
    void aStoredLayoutOverTheLimitsInForceGets422NotItsFile() {
        // A layout made before the limits were lowered: 100 × 100 sites with 100 pillar gaps per wall, 2 + 4 × 101
        // pillars + 400 gaps + 4 pads = 810 polygons a site, 10 000 × 811 + 406 panel shapes = 8 110 406 (over 2
        // million); 10 000 sites is not over the test profile's flat-site limit, so the size is what refuses the DXF
        // and the flat GDSII. The hierarchical GDSII is one site cell (810 × 64 bytes + indices) and is still written.
        String design = """
                {"name": "stored-earlier", "revision": "A",
                 "package": {"bodyLengthMm": 7.0, "bodyWidthMm": 7.0, "heightMm": 0.85, "operatingFrequencyHz": 48e6},
                 "panel": {"rows": 100, "columns": 100, "pitchXMm": 9.0, "pitchYMm": 9.0},
                 "shield": {"material": "COPPER", "thicknessUm": 30, "wallClearanceMm": 0.4,
                            "openings": {"style": "PILLARS", "perWall": 100, "lengthMm": 0.03, "heightMm": 0.9}},
                 "mandrel": {"material": "MOLYBDENUM", "recessDepthMm": 0.9},
                 "encapsulation": {"stage": "AFTER_SUPPORT_REMOVAL"}}
                """;
        ReadResult read = DesignReader.create().read(design.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(read.violations()).isEmpty();
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            Layout l = new Layout();
            l.id = id;
            l.designName = "stored-earlier";
            l.revision = "A";
            l.siteCount = 10_000;
            l.createdAt = Instant.parse("2026-11-26T10:00:00Z");
            l.generatorVersion = "1.0.0";
            l.designSha256 = "0".repeat(64);
            l.designJson = DesignJson.write(read.design());
            l.layoutJson = "{\"createdAt\":\"2026-11-26T10:00:00Z\"}";
            layouts.persist(l);
        });

        given().when().get("/api/v1/layouts/" + id + "/dxf")
                .then().statusCode(422).contentType(PROBLEM).body("rule", equalTo(LayoutRule.OUTPUT_SIZE_LIMIT.code()))
                .body("detail", containsString("8,110,406 shapes"));
        given().when().get("/api/v1/layouts/" + id + "/gds?flat=true")
                .then().statusCode(422).body("rule", equalTo(LayoutRule.OUTPUT_SIZE_LIMIT.code()));
        given().when().get("/api/v1/layouts/" + id + "/gds").then().statusCode(200);
    }
}
