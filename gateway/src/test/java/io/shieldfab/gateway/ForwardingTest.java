package io.shieldfab.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class ForwardingTest {

    static final String KEY = "test-key-0123456789";

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
    }

    @Test
    void getIsForwardedWithQueryAndWithoutTheApiKey() {
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/layouts/L1/gds?flat=true"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(new byte[]{0, 6, 0, 2, 0, 7})));

        byte[] body = given().header("X-API-Key", KEY)
                .when().get("/api/v1/layouts/L1/gds?flat=true")
                .then().statusCode(200).contentType("application/octet-stream")
                .extract().asByteArray();

        assertThat(body).containsExactly(0, 6, 0, 2, 0, 7);
        DownstreamStubs.server.verify(getRequestedFor(urlEqualTo("/api/v1/layouts/L1/gds?flat=true"))
                .withHeader("X-API-Key", absent()));
    }

    @Test
    void postBodyStatusAndLocationPassThrough() {
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/recipes"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://localhost/api/v1/recipes/R1")
                        .withBody("{\"id\":\"R1\",\"status\":\"DRAFT\"}")));

        given().header("X-API-Key", KEY).contentType("application/json").body("{\"design\":{\"name\":\"x\"}}")
                .when().post("/api/v1/recipes")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/recipes/R1"))
                .body(containsString("DRAFT"));

        DownstreamStubs.server.verify(postRequestedFor(urlEqualTo("/api/v1/recipes"))
                .withRequestBody(equalToJson("{\"design\":{\"name\":\"x\"}}"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void downstreamProblemsPassThroughUnchanged() {
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/layouts/missing"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"/problems/not-found\",\"title\":\"Not Found\",\"status\":404}")));

        given().header("X-API-Key", KEY)
                .when().get("/api/v1/layouts/missing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void serviceDownGives503Problem() {
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/materials"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().header("X-API-Key", KEY)
                .when().get("/api/v1/shielding/materials")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("shielding-service is not reachable"));
    }
}
