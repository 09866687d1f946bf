package io.shieldfab.shielding.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.shieldfab.shielding.support.ExampleDesigns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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

    /** A layout document shaped as docs/api-guide.md says, with more fields than shielding reads. */
    private static ObjectNode layout(int sites, int openingCount, double maxMm, double wallUm) {
        ObjectNode l = MAPPER.createObjectNode();
        l.put("id", UUID.randomUUID().toString()).put("designName", "wifi-fem-4x6").put("siteCount", sites);
        ObjectNode m = l.putObject("metrics");
        m.put("platedAreaMm2", 1234.5).put("openingCount", openingCount).put("openingMaxDimensionMm", maxMm)
                .put("wallThicknessUm", wallUm).putObject("cutList").put("totalLengthMm", 10.0);
        return l;
    }

    @Test
    void createThenFetchTheWifiReport() {
        // The Wi-Fi example's first draft, with 0.8 × 0.2 mm slots (ShieldingEvaluatorTest works the figures).
        ObjectNode draft = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) draft.get("shield").get("openings")).put("lengthMm", 0.8).put("heightMm", 0.2);
        String location = given().contentType(ContentType.JSON).body(body(draft, null))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/shielding/evaluations/"))
                .body("verdict", equalTo("FAIL"))
                .body("geometrySource", equalTo("DESIGN"))
                .body("frequencies", hasSize(5))
                .body("frequencies[0].harmonic", equalTo(1))
                .body("frequencies[0].wavelengthMm", closeTo(62.7715, 0.0002))
                .body("frequencies[0].apertureSeDb", closeTo(27.954, 0.001))
                .body("frequencies[0].rules.rule", hasItems("OPENING_BELOW_WAVELENGTH", "OPENING_BELOW_HALF_WAVELENGTH",
                        "APERTURE_LAMBDA_OVER_20", "APERTURE_SHIELDING", "WALL_SHIELDING"))
                .body("cavityResonances[0].mode", equalTo("TM110"))
                .body("findings.rule", hasItem("APERTURE_SHIELDING"))
                .body("findings.fix", everyItem(notNullValue()))
                .body("sweep", hasSize(1000))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().when().get("/api/v1/shielding/evaluations/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("verdict", equalTo("FAIL"))
                .body("findings.find { it.rule == 'APERTURE_SHIELDING' }.fixValue", equalTo(0.178));
        given().when().get("/api/v1/shielding/evaluations/" + id + "/chart.svg")
                .then().statusCode(200)
                .contentType("image/svg+xml")
                .body(startsWith("<svg"), containsString("wifi-fem-4x6"), containsString("TM110"),
                        containsString("target 30.0 dB"), endsWith("</svg>\n"));
    }

    @Test
    void theMmWaveExampleFailsAndPassesOnceItsFixIsApplied() {
        // As a client would: evaluate, take the failing finding's fixField/fixValue, write it into the design at
        // that path (and cap the other opening dimension, as the fix text says), evaluate again.
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.MMWAVE);
        io.restassured.path.json.JsonPath first = given().contentType(ContentType.JSON).body(body(design, null))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).body("verdict", equalTo("FAIL"))
                .extract().jsonPath();
        String field = first.getString("findings.find { it.severity == 'FAIL' }.fixField");
        double value = first.getDouble("findings.find { it.severity == 'FAIL' }.fixValue");
        assertThat(field).isEqualTo("shield.openings.lengthMm");
        ObjectNode openings = (ObjectNode) design.get("shield").get("openings");
        openings.put("lengthMm", value);
        openings.put("heightMm", Math.min(openings.get("heightMm").asDouble(), value));
        given().contentType(ContentType.JSON).body(body(design, null))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("PASS"))
                .body("findings.severity", everyItem(equalTo("INFO")));
    }

    @Test
    void theShippedWifiExamplePasses() {
        given().contentType(ContentType.JSON).body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), null))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("PASS"))
                .body("findings", hasSize(0));
    }

    @Test
    void theOpenApiExampleIsAPassingDesign() {
        // Examples.EVALUATION: the Wi-Fi module with 0.15 × 0.1 mm slots (below the 0.178 mm fix).
        given().contentType(ContentType.JSON).body(Examples.EVALUATION)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("verdict", equalTo("PASS"))
                .body("findings", hasSize(0));
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
        given().contentType(ContentType.JSON).body(body(design, null))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("design.panel.rows", "design.package.operatingFrequencyHz"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItem("design"));
        given().contentType(ContentType.JSON).body("{\"design\": 42}")
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItem("design"));
    }

    @Test
    void layoutMetricsAreTheGeometricTruth() {
        // 24 sites × 4 walls × 3 = 288 openings of at most 0.15 mm, 40 µm walls: the fixed Wi-Fi geometry.
        given().contentType(ContentType.JSON)
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), layout(24, 288, 0.15, 40)))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("geometrySource", equalTo("LAYOUT"))
                .body("geometry.openingsPerWall", equalTo(3))
                .body("geometry.openingMaxDimensionMm", equalTo(0.15))
                .body("geometry.wallThicknessUm", equalTo(40.0))
                .body("verdict", equalTo("PASS"));
    }

    @Test
    void layoutOpeningProportionsAndCavityAreUsedWhenGiven() {
        ObjectNode l = layout(24, 288, 0.15, 25);
        ((ObjectNode) l.get("metrics")).put("openingLengthMm", 0.15).put("openingHeightMm", 0.1)
                .put("openingDepthMm", 0.025);
        l.putObject("site").put("cavityLengthMm", 5.6).put("cavityWidthMm", 4.6).put("cavityDepthMm", 0.95)
                .put("openingStyle", "SLOTS");
        given().contentType(ContentType.JSON).body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), l))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201)
                .body("geometry.openingLengthMm", equalTo(0.15))
                .body("geometry.openingHeightMm", equalTo(0.1))
                .body("geometry.cavityLengthMm", equalTo(5.6))
                .body("frequencies[0].enclosureSeDb", notNullValue());
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

    @Test
    void badLayoutMetricsAreNamed() {
        given().contentType(ContentType.JSON)
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), layout(24, 100, -1, 0)))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations.field", hasItems("layout.metrics.openingMaxDimensionMm", "layout.metrics.wallThicknessUm"));
        given().contentType(ContentType.JSON)
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), layout(24, 100, 0.15, 25)))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("layout.metrics.openingCount"));
        given().contentType(ContentType.JSON)
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), layout(40, 480, 0.15, 25)))
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("layout.siteCount"));
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
        String payload = body(ExampleDesigns.tree(ExampleDesigns.MCU), null);
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
        org.assertj.core.api.Assertions.assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aKeyRepeatedWithAnotherRequestIs422AndTheFirstAnswerStays() {
        String key = UUID.randomUUID().toString();
        String payload = body(ExampleDesigns.tree(ExampleDesigns.MCU), null);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), null))
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
        String payload = body(ExampleDesigns.tree(ExampleDesigns.MCU), null);
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
