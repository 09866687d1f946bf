package io.shieldfab.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/** The examples shipped in examples/designs, sent through the gateway as a user would. */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class DesignValidateTest {

    static final Path EXAMPLES = Path.of("..", "examples", "designs");

    @Test
    void wifiExampleIsValid() throws IOException {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json")
                .body(Files.readString(EXAMPLES.resolve("wifi-fem-2g4.json")))
                .when().post("/api/v1/designs/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("siteCount", equalTo(24))
                .body("design.name", equalTo("wifi-fem-4x6"));
    }

    @Test
    void yamlExampleIsValid() throws IOException {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/yaml")
                .body(Files.readAllBytes(EXAMPLES.resolve("mmwave-28g.yaml")))
                .when().post("/api/v1/designs/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("siteCount", greaterThan(0));
    }

    @Test
    void pillarExampleIsValid() throws IOException {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json")
                .body(Files.readString(EXAMPLES.resolve("mcu-pillars.json")))
                .when().post("/api/v1/designs/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("design.shield.openings.style", equalTo("PILLARS"));
    }

    @Test
    void invalidExampleGetsOneViolationPerMistake() throws IOException {
        Response response = given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json")
                .body(Files.readString(EXAMPLES.resolve("invalid-several-mistakes.json")))
                .when().post("/api/v1/designs/validate")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .extract().response();

        List<Map<String, String>> violations = response.jsonPath().getList("violations");
        List<String> fields = violations.stream().map(v -> v.get("field")).toList();
        assertThat(violations).hasSizeGreaterThanOrEqualTo(5);
        assertThat(fields).doesNotHaveDuplicates().allSatisfy(f -> assertThat(f).isNotBlank().doesNotStartWith("arg"));
        assertThat(violations).allSatisfy(v -> assertThat(v.get("message")).isNotBlank());
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json")
                .body("{\"name\": \"x\", ")
                .when().post("/api/v1/designs/validate")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("$"));
    }

    @Test
    void otherMediaTypesAre415() {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("text/csv").body("a,b")
                .when().post("/api/v1/designs/validate")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("violations", equalTo(null));
    }

    @Test
    void emptyBodyNamesTheDocument() {
        given().header("X-API-Key", ForwardingTest.KEY).contentType("application/json").body("")
                .when().post("/api/v1/designs/validate")
                .then().statusCode(400)
                .body("violations", Matchers.not(empty()));
    }
}
