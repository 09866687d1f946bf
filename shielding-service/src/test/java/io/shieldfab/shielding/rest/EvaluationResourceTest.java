package io.shieldfab.shielding.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.shieldfab.shielding.evaluation.ShieldingRule;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class EvaluationResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    private static String body(ObjectNode design, ObjectNode layout) {
        ObjectNode b = MAPPER.createObjectNode();
        b.set("design", design);
        if (layout != null) {
            b.set("layout", layout);
        }
        return b.toString();
    }

    private static String body(ObjectNode design, String layout) {
        return body(design, ExampleLayouts.tree(layout));
    }

    /** The shipped Wi-Fi example with its layout: a passing request whose layout a test may spoil. */
    private static String wifiWith(ObjectNode layout) {
        return body(ExampleDesigns.tree(ExampleDesigns.WIFI), layout);
    }

    @Test
    void createThenFetchTheWifiReport() {
        // The Wi-Fi example's first draft, with 0.8 × 0.2 mm troughs (ShieldingEvaluatorTest works the figures).
        ObjectNode draft = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) draft.get("shield").get("openings")).put("lengthMm", 0.8).put("heightMm", 0.2);
        String location = given().contentType(ContentType.JSON).body(body(draft, ExampleLayouts.WIFI_FIRST_DRAFT))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/shielding/evaluations/"))
                .body("verdict", equalTo("FAIL"))
                .body("geometrySource", equalTo("LAYOUT"))
                .body("geometry.openingsPerWall", equalTo(3))
                .body("geometry.openingDepthMm", equalTo(0.025))
                .body("frequencies", hasSize(10))
                .body("checkedRange.rule", equalTo("FCC_15_33_A"))
                .body("frequencies[0].harmonic", equalTo(1))
                .body("frequencies[0].wavelengthMm", closeTo(62.7715, 0.0002))
                .body("frequencies[0].apertureSeDb", closeTo(27.1017, 0.0001))
                .body("frequencies[0].seamSeDb", nullValue())
                .body("seam.pattern", equalTo("RING"))
                .body("loadedCavity.effectivePermittivity", closeTo(9.6107225, 1e-7))
                .body("cavityResonances[0].unloadedFrequencyHz", closeTo(21.6329e9, 1e5))
                .body("frequencies[0].rules.rule", hasItems("OPENING_BELOW_WAVELENGTH", "OPENING_BELOW_HALF_WAVELENGTH",
                        "APERTURE_LAMBDA_OVER_20", "APERTURE_SHIELDING", "WALL_SHIELDING"))
                .body("cavityResonances[0].mode", equalTo("TM110"))
                .body("findings.rule", hasItem("APERTURE_SHIELDING"))
                .body("findings.fix", everyItem(notNullValue()))
                .body("findings.find { it.rule == 'APERTURE_SHIELDING' }.field", equalTo("shield.openings.lengthMm"))
                .body("findings.find { it.rule == 'APERTURE_SHIELDING' }.measured", closeTo(7.1017, 0.0001))
                .body("findings.find { it.rule == 'APERTURE_SHIELDING' }.limit", equalTo(30.0))
                .body("findings.find { it.rule == 'APERTURE_SHIELDING' }.unit", equalTo("dB"))
                .body("frequencies[0].rules.find { it.rule == 'WALL_SHIELDING' }.field", equalTo("shield.thicknessUm"))
                .body("frequencies[0].rules.find { it.rule == 'OPENING_BELOW_WAVELENGTH' }.unit", equalTo("mm"))
                .body("weakest.harmonic", equalTo(10))
                .body("weakest.frequencyHz", equalTo(24.5e9))
                .body("weakest.totalSeDb", closeTo(7.1017, 0.0001))
                .body("weakest.marginDb", closeTo(-22.8983, 0.0001))
                .body("sweep", hasSize(1000))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().when().get("/api/v1/shielding/evaluations/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("verdict", equalTo("FAIL"))
                .body("findings.find { it.rule == 'APERTURE_SHIELDING' }.fixValue", equalTo(0.057));
        given().when().get("/api/v1/shielding/evaluations/" + id + "/chart.svg")
                .then().statusCode(200)
                .contentType("image/svg+xml")
                .body(startsWith("<svg"), containsString("wifi-fem-4x6"), containsString("TM110"),
                        containsString("target 30.0 dB"), endsWith("</svg>\n"));
    }

    @Test
    void theMmWaveExampleFailsAndItsFixesLeaveOnlyTheResonance() {
        // As a client would: evaluate, take the failing findings' fixField/fixValue, write them into the design at
        // their paths (and cap the other opening dimension, as the fix text says), lay the fixed design out again
        // (the fixture layout-service made of it) and evaluate again.
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.MMWAVE);
        JsonPath first = given().contentType(ContentType.JSON).body(body(design, ExampleLayouts.MMWAVE))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).body("verdict", equalTo("FAIL"))
                .extract().jsonPath();
        assertThat(first.getList("findings.findAll { it.severity == 'FAIL' }.rule", String.class))
                .containsExactly("APERTURE_SHIELDING", "SEAM_SHIELDING");
        String field = first.getString("findings.find { it.rule == 'APERTURE_SHIELDING' }.fixField");
        double value = first.getDouble("findings.find { it.rule == 'APERTURE_SHIELDING' }.fixValue");
        assertThat(field).isEqualTo("shield.openings.lengthMm");
        assertThat(value).isEqualTo(0.015);
        ObjectNode openings = (ObjectNode) design.get("shield").get("openings");
        openings.put("lengthMm", value);
        openings.put("heightMm", Math.min(openings.get("heightMm").asDouble(), value));
        assertThat(first.getString("findings.find { it.rule == 'SEAM_SHIELDING' }.fixField")).isEqualTo("bonding.pattern");
        ((ObjectNode) design.get("bonding")).put("pattern", "RING");
        given().contentType(ContentType.JSON).body(body(design, ExampleLayouts.MMWAVE_FIXED))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("WARN"))
                .body("findings.severity", everyItem(not(equalTo("FAIL"))))
                .body("findings.find { it.severity == 'WARN' }.rule", equalTo("CAVITY_RESONANCE"));
    }

    @Test
    void theShippedWifiExamplePasses() {
        // ShieldingEvaluatorTest: weakest at 24.5 GHz, 30.0459 dB; the loaded TM110 etc. flagged for review (INFO).
        given().contentType(ContentType.JSON).body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("PASS"))
                .body("findings.severity", everyItem(equalTo("INFO")))
                .body("weakest.marginDb", closeTo(0.0459, 0.0001));
    }

    @Test
    void theOpenApiExampleIsAPassingDesign() {
        // Examples.EVALUATION: the shipped Wi-Fi module (0.057 × 0.057 mm troughs, 15 µm filler, a gate per site, a
        // ring): its window is [0.045, 0.057] mm (ShieldingEvaluatorTest), not empty.
        given().contentType(ContentType.JSON).body(Examples.EVALUATION)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("PASS"))
                .body("findings.severity", everyItem(equalTo("INFO")))
                .body("maxOpeningMm", closeTo(0.057, 1e-12))
                .body("fillMinOpeningMm", closeTo(0.045, 1e-12))
                .body("openingWindow.minMm", closeTo(0.045, 1e-12))
                .body("openingWindow.maxMm", closeTo(0.057, 1e-12))
                .body("openingWindow.empty", equalTo(false))
                .body("openingWindow.minLimitedBy", equalTo("FILLER"))
                .body("seam.pattern", equalTo("RING"));
    }

    @Test
    void theCoarseFillerExampleFailsOnItsEmptyOpeningWindow() {
        // 0.015 mm troughs pass every aperture rule, but the 25 µm filler needs 3 × 25 µm = 0.075 mm: the window
        // [0.075, 0.015] is empty; the fix is a top cut of 0.015/3 mm = 5 µm (ShieldingEvaluatorTest). The layout is
        // the fixed 28 GHz example's: the same shield.
        given().contentType(ContentType.JSON)
                .body(body(ExampleDesigns.tree(ExampleDesigns.MMWAVE_COARSE_FILLER), ExampleLayouts.MMWAVE_FIXED))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("FAIL"))
                .body("maxOpeningMm", closeTo(0.015, 1e-12))
                .body("fillMinOpeningMm", closeTo(0.075, 1e-12))
                .body("openingWindow.empty", equalTo(true))
                .body("openingWindow.minLimitedBy", equalTo("FILLER"))
                .body("openingWindow.fillerTopCutMaxUm", closeTo(5.0, 1e-12))
                .body("findings.find { it.rule == 'OPENING_WINDOW' }.severity", equalTo("FAIL"))
                .body("findings.find { it.rule == 'OPENING_WINDOW' }.fixField", equalTo("encapsulation.fillerTopCutUm"))
                .body("findings.find { it.rule == 'OPENING_WINDOW' }.message",
                        containsString("at least 0.07500 mm"))
                .body("findings.find { it.rule == 'OPENING_WINDOW' }.message",
                        containsString("at most 0.01500 mm at 84.00 GHz"));
    }

    @Test
    void unknownReportIs404Problem() {
        given().when().get("/api/v1/shielding/evaluations/no-such-id")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/api/v1/shielding/evaluations/no-such-id/chart.svg")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidDesignFieldsArePrefixedWithDesign() {
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) design.get("panel")).put("rows", 0);
        ((ObjectNode) design.get("package")).put("operatingFrequencyHz", -1);
        given().contentType(ContentType.JSON).body(body(design, ExampleLayouts.WIFI))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("design.panel.rows", "design.package.operatingFrequencyHz"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItems("design", "layout"));
        given().contentType(ContentType.JSON).body("{\"design\": 42, \"layout\": " + ExampleLayouts.tree(ExampleLayouts.WIFI) + "}")
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItem("design"));
    }

    @Test
    void anEvaluationWithoutALayoutIsAProblemNamingTheLayout() {
        // The geometry comes only from a layout: first POST /api/v1/layouts, then pass its JSON.
        given().contentType(ContentType.JSON).body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), (ObjectNode) null))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("layout")));
        given().contentType(ContentType.JSON)
                .body("{\"design\": " + ExampleDesigns.tree(ExampleDesigns.WIFI) + ", \"layout\": null}")
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("layout"))
                .body("violations[0].message", containsString("POST /api/v1/layouts"));
    }

    @Test
    void layoutMetricsAreTheGeometricTruth() {
        // The shipped Wi-Fi design with a layout whose walls are 40 µm and whose troughs are 0.8 × 0.2 mm: the
        // layout's numbers are evaluated, not the design's 25 µm and 0.057 mm.
        ObjectNode l = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(l).put("wallThicknessUm", 40.0).put("openingMaxDimensionMm", 0.8)
                .put("openingLengthMm", 0.8).put("openingHeightMm", 0.2);
        given().contentType(ContentType.JSON).body(wifiWith(l))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("geometrySource", equalTo("LAYOUT"))
                .body("geometry.openingsPerWall", equalTo(3))
                .body("geometry.openingMaxDimensionMm", equalTo(0.8))
                .body("geometry.wallThicknessUm", equalTo(40.0))
                .body("geometry.cavityLengthMm", equalTo(5.6))
                .body("frequencies[0].enclosureSeDb", notNullValue())
                .body("weakest.marginDb", lessThan(0.0))
                .body("verdict", equalTo("FAIL"));
    }

    @Test
    void openingsPerWallIsReadWhenTheLayoutGivesIt() {
        ObjectNode l = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(l).remove("openingsPerSite");
        ExampleLayouts.metrics(l).put("openingsPerWall", 3);
        given().contentType(ContentType.JSON).body(wifiWith(l))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("geometry.openingsPerWall", equalTo(3))
                .body("verdict", equalTo("PASS"));
    }

    @Test
    void openApiDescribesTheEndpoints() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/shielding/evaluations", "/api/v1/shielding/evaluations/{id}",
                        "/api/v1/shielding/evaluations/{id}/chart.svg", "/api/v1/shielding/calculations/sheet",
                        "/api/v1/shielding/calculations/aperture", "/api/v1/shielding/calculations/enclosure",
                        "/api/v1/shielding/materials"))
                .body("paths.'/api/v1/shielding/evaluations'.post.responses.keySet()", hasItems("201", "400"));
    }

    /** Issue #16: named operations, no Jackson JsonNode in the document, enums from the Java ones, a binary chart. */
    @Test
    void openApiIsWhatClientGeneratorsNeed() {
        String doc = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(doc).doesNotContain("JsonNode").doesNotContain("containerNode");
        String p = "paths.'/api/v1/shielding";
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(p + "/evaluations'.post.operationId", equalTo("createShieldingEvaluation"))
                .body(p + "/evaluations/{id}'.get.operationId", equalTo("getShieldingEvaluation"))
                .body(p + "/evaluations/{id}/chart.svg'.get.operationId", equalTo("getShieldingEvaluationChart"))
                .body(p + "/calculations/sheet'.post.operationId", equalTo("calculateSheetShielding"))
                .body(p + "/calculations/aperture'.post.operationId", equalTo("calculateApertureShielding"))
                .body(p + "/calculations/enclosure'.post.operationId", equalTo("calculateEnclosureShielding"))
                .body(p + "/materials'.get.operationId", equalTo("listShieldingMaterials"))
                .body(p + "/evaluations/{id}/chart.svg'.get.responses.'200'.content.'image/svg+xml'.schema.format",
                        equalTo("binary"))
                .body(p + "/evaluations'.post.responses.'201'.headers.Location.schema.format", equalTo("uri"))
                .body("components.schemas.EvaluationRequest.properties.design.$ref", endsWith("/Design"))
                .body("components.schemas.ShieldingRule.enum", hasItems(
                        java.util.Arrays.stream(ShieldingRule.values()).map(Enum::name).toArray(String[]::new)))
                .body("components.schemas.ShieldingStatus.enum", hasItems("PASS", "WARN", "FAIL"))
                .body("components.schemas.EvaluationReport.properties.verdict.$ref", endsWith("/ShieldingStatus"));
    }

    @Test
    void aBondingPatternOtherThanPadsOrRingIsNamed() {
        ObjectNode odd = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(odd).put("bondingPattern", "DOTS");
        given().contentType(ContentType.JSON).body(wifiWith(odd))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItem("layout.metrics.bondingPattern"));
    }

    @Test
    void badLayoutMetricsAreNamed() {
        ObjectNode bad = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(bad).put("openingMaxDimensionMm", -1).put("wallThicknessUm", 0);
        given().contentType(ContentType.JSON).body(wifiWith(bad))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItems("layout.metrics.openingMaxDimensionMm", "layout.metrics.wallThicknessUm"));
        ObjectNode odd = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(odd).put("openingsPerSite", 10);
        given().contentType(ContentType.JSON).body(wifiWith(odd))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("layout.metrics.openingsPerSite"));
        ObjectNode otherDesign = ExampleLayouts.tree(ExampleLayouts.MCU);
        given().contentType(ContentType.JSON).body(wifiWith(otherDesign))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("layout.siteCount"));
        ObjectNode noWall = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(noWall).remove("wallThicknessUm");
        ((ObjectNode) noWall.get("site")).remove("cavityDepthMm");
        given().contentType(ContentType.JSON).body(wifiWith(noWall))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("layout.site.cavityDepthMm",
                        "layout.metrics.wallThicknessUm")));
        ObjectNode noSlotSize = ExampleLayouts.tree(ExampleLayouts.WIFI);
        ExampleLayouts.metrics(noSlotSize).remove("openingHeightMm");
        given().contentType(ContentType.JSON).body(wifiWith(noSlotSize))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("layout.metrics.openingHeightMm")));
        given().contentType(ContentType.JSON)
                .body("{\"design\": " + ExampleDesigns.tree(ExampleDesigns.WIFI) + ", \"layout\": [1, 2]}")
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("layout"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void idempotencyKeyReturnsTheFirstReport() {
        String key = UUID.randomUUID().toString();
        String payload = body(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.MCU);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/shielding/evaluations/" + first))
                .body("id", equalTo(first));
        // Without a key every POST creates a new report.
        String other = given().contentType(ContentType.JSON).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).extract().path("id");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aKeyRepeatedWithAnotherRequestIs422AndTheFirstAnswerStays() {
        String key = UUID.randomUUID().toString();
        String payload = body(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.MCU);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"))
                .body("title", equalTo("Idempotency-Key reused"))
                .body("detail", containsString("Idempotency-Key"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void aReplayedLocationDoesNotCarryTheHostOfAnotherRequest() {
        String key = UUID.randomUUID().toString();
        String payload = body(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.MCU);
        String location = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Host", "attacker.example").body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).extract().header("Location");
        assertThat(location).startsWith("http://attacker.example/api/v1/shielding/evaluations/");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/shielding/evaluations/" + id));
    }
}
