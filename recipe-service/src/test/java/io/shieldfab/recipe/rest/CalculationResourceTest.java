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
}
