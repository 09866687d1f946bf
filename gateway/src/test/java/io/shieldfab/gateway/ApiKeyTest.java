package io.shieldfab.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class ApiKeyTest {

    @Test
    void requestWithoutKeyIsRefusedWithProblem() {
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/designs/validate")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body("status", equalTo(401))
                .body("detail", containsString("needs an API key"));
    }

    @Test
    void wrongKeyIsRefusedAndNotEchoed() {
        given().header("X-API-Key", "guess-123456789012").contentType("application/json").body("{}")
                .when().post("/api/v1/designs/validate")
                .then().statusCode(401)
                .body("detail", containsString("not valid"))
                .body(not(containsString("guess-123456789012")));
    }

    @Test
    void proxiedPathsNeedTheKeyToo() {
        given().when().get("/api/v1/layouts/any").then().statusCode(401);
    }

    @Test
    void everyConfiguredKeyIsAccepted() {
        given().header("X-API-Key", "second-test-key-abcdef").contentType("application/json").body("{}")
                .when().post("/api/v1/designs/validate")
                .then().statusCode(400);
    }

    @Test
    void healthNeedsNoKey() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
