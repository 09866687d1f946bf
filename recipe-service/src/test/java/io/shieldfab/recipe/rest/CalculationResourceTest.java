package io.shieldfab.recipe.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CalculationResourceTest {

    /** Read JSON numbers as doubles so closeTo() compares like with like. */
    private static final RestAssuredConfig DOUBLES = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    @Test
    void faradayForNickel() {
        // t = 25e-4 · 8.908 · 2 · 96485.33212 / (0.02 · 58.6934 · 0.97) = 3774.16 s; I = 2 A; m = 2.227 g (FaradayTest)
        given().config(DOUBLES).contentType(ContentType.JSON)
                .body(Map.of("metal", "NICKEL", "thicknessUm", 25, "currentDensityAPerDm2", 2.0, "areaMm2", 10000))
                .when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(200)
                .body("durationS", closeTo(3774.16, 0.01))
                .body("currentA", closeTo(2.0, 1e-9))
                .body("depositMassG", closeTo(2.227, 1e-6))
                .body("efficiency", closeTo(0.97, 1e-12))
                .body("bath.name", equalTo("nickel sulfamate"));
    }

    @Test
    void explicitEfficiency() {
        // 3774.16 · 0.97 / 0.5 = 7321.87 s
        given().config(DOUBLES).contentType(ContentType.JSON)
                .body(Map.of("metal", "NICKEL", "thicknessUm", 25, "currentDensityAPerDm2", 2.0, "areaMm2", 10000,
                        "efficiency", 0.5))
                .when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(200).body("durationS", closeTo(7321.87, 0.02));
    }

    @Test
    void missingAndOutOfRangeFieldsAre400WithPaths() {
        given().config(DOUBLES).contentType(ContentType.JSON)
                .body(Map.of("metal", "NICKEL", "currentDensityAPerDm2", 2.0, "areaMm2", -5, "efficiency", 1.5))
                .when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("thicknessUm"))
                .body("violations.field", hasItem("areaMm2"))
                .body("violations.field", hasItem("efficiency"));
    }

    @Test
    void anEmptyBodyIs400() {
        given().contentType(ContentType.JSON).when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(400).body("violations.field", hasItem("$"));
    }

    @Test
    void silverIsRefusedByClaim6() {
        given().config(DOUBLES).contentType(ContentType.JSON)
                .body(Map.of("metal", "SILVER", "thicknessUm", 25, "currentDensityAPerDm2", 2.0, "areaMm2", 100))
                .when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(422).body("rule", equalTo("DEPOSIT_METAL (claim 6)"));
    }

    @Test
    void bathOutsideItsWindowIs422() {
        given().config(DOUBLES).contentType(ContentType.JSON)
                .body(Map.of("metal", "NICKEL", "thicknessUm", 25, "currentDensityAPerDm2", 2.0, "areaMm2", 100,
                        "bathTemperatureC", 75))
                .when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(422).body("rule", equalTo("BATH_WINDOW (claims 3, 6)"));
        given().config(DOUBLES).contentType(ContentType.JSON)
                .body(Map.of("metal", "GOLD", "thicknessUm", 5, "currentDensityAPerDm2", 2.0, "areaMm2", 100))
                .when().post("/api/v1/recipes/calculations/plating")
                .then().statusCode(422).body("rule", equalTo("CURRENT_DENSITY_WINDOW (claims 3, 6)"));
    }

    /** The Wi-Fi example's row: 6 sites from one gate through 3 troughs of 0.15 × 0.1 mm a wall, L = 1.4 mm. */
    private static Map<String, Object> wifiRow(int chainSites, int openingsPerWall) {
        Map<String, Object> row = new java.util.HashMap<>(Map.of("method", "TRANSFER_MOLD", "viscosityPaS", 10,
                "fillerTopCutUm", 25, "gelTimeS", 30, "pressureKPa", 7000, "chainSites", chainSites,
                "openingsPerWall", openingsPerWall, "openingLengthMm", 0.15, "openingHeightMm", 0.1,
                "ductLengthMm", 1.4));
        row.put("wallsPerStep", 1);
        row.put("stepVolumeMm3", 6.598);
        return row;
    }

    @Test
    void fillOfTheWifiRowPasses() {
        // G = 3 · 0.15e-3 · (0.1e-3)³ · (1 − 0.63 · 0.1/0.15) / (12 · 10 · 1.4e-3) = 2.61e-16 / 0.168
        //   = 1.553571e-15 m³/(Pa·s);
        // T = V · N(N − 1) / (2 ΔP G) = 6.598e-9 · 30 / (2 · 7e6 · 1.553571e-15) = 9.10069 s ≤ 0.5 · 30 s = 15 s;
        // required 7000 · 9.10069 / 15 = 4246.99 kPa; filler 3 · 25 µm = 0.075 mm; flow limit 0.1 · (9.10069 /
        // 15)^¼ = 0.0882563 mm, the larger of the two is minOpeningMm
        given().config(DOUBLES).contentType(ContentType.JSON).body(wifiRow(6, 3))
                .when().post("/api/v1/recipes/calculations/fill")
                .then().statusCode(200)
                .body("status", equalTo("PASS"))
                .body("method", equalTo("TRANSFER_MOLD"))
                .body("longestChainSites", equalTo(6))
                .body("fillTimeS", closeTo(9.10069, 1e-5))
                .body("allowedTimeS", closeTo(15, 1e-9))
                .body("requiredPressureKPa", closeTo(4246.99, 0.01))
                .body("fillerMinOpeningMm", closeTo(0.075, 1e-9))
                .body("flowMinOpeningMm", closeTo(0.0882563, 1e-7))
                .body("minOpeningMm", closeTo(0.0882563, 1e-7))
                .body("findings", org.hamcrest.Matchers.empty());
    }

    @Test
    void tenSitesFromOneGateTakeTooLong() {
        // T grows with N(N − 1): 9.10069 · 90 / 30 = 27.3021 s > 15 s; required 7000 · 27.3021 / 15 = 12741.0 kPa
        given().config(DOUBLES).contentType(ContentType.JSON).body(wifiRow(10, 3))
                .when().post("/api/v1/recipes/calculations/fill")
                .then().statusCode(200)
                .body("status", equalTo("FAIL"))
                .body("fillTimeS", closeTo(27.3021, 1e-4))
                .body("requiredPressureKPa", closeTo(12741.0, 0.1))
                .body("findings.rule", hasItem("FILL_WITHIN_GEL_TIME"))
                .body("findings[0].field", equalTo("encapsulation.gatesPerRow"));
    }

    @Test
    void fillFieldsOutOfRangeAre400NamingThem() {
        Map<String, Object> row = wifiRow(0, 3);
        row.put("wallsPerStep", 3);
        row.remove("viscosityPaS");
        given().config(DOUBLES).contentType(ContentType.JSON).body(row)
                .when().post("/api/v1/recipes/calculations/fill")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("chainSites"))
                .body("violations.field", hasItem("wallsPerStep"))
                .body("violations.field", hasItem("viscosityPaS"));
        // pathways of zero size have no conductance
        Map<String, Object> flat = wifiRow(6, 3);
        flat.put("openingHeightMm", 0);
        given().config(DOUBLES).contentType(ContentType.JSON).body(flat)
                .when().post("/api/v1/recipes/calculations/fill")
                .then().statusCode(400).body("violations.field", hasItem("openingHeightMm"));
        // 6 sites in series with no pathways between them cannot be a chain
        Map<String, Object> closed = wifiRow(6, 0);
        given().config(DOUBLES).contentType(ContentType.JSON).body(closed)
                .when().post("/api/v1/recipes/calculations/fill")
                .then().statusCode(400).body("violations.field", hasItem("chainSites"));
        given().contentType(ContentType.JSON).when().post("/api/v1/recipes/calculations/fill")
                .then().statusCode(400).body("violations.field", hasItem("$"));
    }
}
