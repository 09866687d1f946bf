package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shieldfab.gateway.security.ApiKeys;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

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

/**
 * The forwarding route (proxy/ForwardingRoutes): what passes through unchanged (bodies, status, problems, query)
 * and what the gateway replaces on the way (docs/architecture.md, "Ownership"): the API key, the client's Host and
 * X-User never reach a service, Idempotency-Key is namespaced per key, Location names the gateway, not the service.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class ForwardingTest {

    static final String KEY = "test-key-0123456789";
    static final String OTHER_KEY = "second-test-key-abcdef";

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
    }

    /** Has the stubbed service create a layout for {@code key} through the gateway; returns its id. */
    static String createLayout(String key) {
        String id = UUID.randomUUID().toString();
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/layouts"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://127.0.0.1:" + DownstreamStubs.server.port() + "/api/v1/layouts/" + id)
                        .withBody("{\"id\":\"" + id + "\"}")));
        given().header("X-API-Key", key).contentType("application/json").body("{\"name\":\"x\"}")
                .when().post("/api/v1/layouts").then().statusCode(201);
        return id;
    }

    @Test
    void getIsForwardedWithQueryAndWithoutTheApiKey() {
        String id = createLayout(KEY);
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/layouts/" + id + "/gds?flat=true"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(new byte[]{0, 6, 0, 2, 0, 7})));

        byte[] body = given().header("X-API-Key", KEY)
                .when().get("/api/v1/layouts/" + id + "/gds?flat=true")
                .then().statusCode(200).contentType("application/octet-stream")
                .extract().asByteArray();

        assertThat(body).containsExactly(0, 6, 0, 2, 0, 7);
        DownstreamStubs.server.verify(getRequestedFor(urlEqualTo("/api/v1/layouts/" + id + "/gds?flat=true"))
                .withHeader("X-API-Key", absent()));
    }

    @Test
    void postBodyAndStatusPassThroughAndLocationNamesTheGatewayNotTheService() {
        String id = UUID.randomUUID().toString();
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/recipes"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://127.0.0.1:" + DownstreamStubs.server.port() + "/api/v1/recipes/" + id)
                        .withBody("{\"id\":\"" + id + "\",\"status\":\"DRAFT\"}")));

        Response created = given().header("X-API-Key", KEY).contentType("application/json")
                .body("{\"design\":{\"name\":\"x\"}}")
                .when().post("/api/v1/recipes");
        created.then().statusCode(201).body(containsString("DRAFT"));
        // RestAssured reaches the gateway at localhost:<test port>; the service's own address never leaves
        assertThat(created.header("Location")).endsWith("/api/v1/recipes/" + id)
                .doesNotContain(":" + DownstreamStubs.server.port());

        DownstreamStubs.server.verify(postRequestedFor(urlEqualTo("/api/v1/recipes"))
                .withRequestBody(equalToJson("{\"design\":{\"name\":\"x\"}}"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    /**
     * Finding 4 of the security review: a client's Host reached the service, became its Location and was stored with
     * the idempotent answer. The route therefore sends the service its own Host, never the client's.
     */
    @Test
    void theServiceGetsItsOwnHostAndTheCallersNameButNeverTheClientsHostOrXUser() {
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/materials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));

        given().header("X-API-Key", KEY).header("Host", "evil.example:666").header("X-User", "qa.manager@fab")
                .header("X-ShieldFab-Owner", "someone-else").header("X-Forwarded-Host", "evil.example")
                .when().get("/api/v1/shielding/materials").then().statusCode(200);

        DownstreamStubs.server.verify(getRequestedFor(urlEqualTo("/api/v1/shielding/materials"))
                .withHeader("Host", equalTo("127.0.0.1:" + DownstreamStubs.server.port()))
                // the test key has no name: it acts as "key:" and the first 12 hex digits of its digest
                .withHeader("X-User", equalTo("key:" + ApiKeys.digestHex(KEY).substring(0, 12)))
                .withHeader("X-ShieldFab-Owner", absent())
                .withHeader("X-Forwarded-Host", absent()));
    }

    /**
     * Finding 3: the services keep one Idempotency-Key store for everyone, so B posting with A's key got A's
     * answer. The gateway namespaces each key by its owner (two keys never meet) and keeps the handoff steps'
     * "handoff-" keys to itself, so no client key is passed through unchanged.
     */
    @Test
    void idempotencyKeysAreNamespacedPerApiKeyAndTheHandoffPrefixIsReserved() {
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/shielding/calculations/sheet"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        for (String key : new String[]{KEY, OTHER_KEY}) {
            given().header("X-API-Key", key).header("Idempotency-Key", "order-4711").contentType("application/json")
                    .body("{}").when().post("/api/v1/shielding/calculations/sheet").then().statusCode(200);
        }
        var seen = DownstreamStubs.server.findAll(postRequestedFor(urlEqualTo("/api/v1/shielding/calculations/sheet")))
                .stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(seen).hasSize(2).doesNotHaveDuplicates().noneMatch(k -> k.contains("order-4711"))
                .allMatch(k -> k.matches("k-[0-9a-f]{64}"));

        given().header("X-API-Key", KEY).header("Idempotency-Key", "handoff-0b3e8a52-layout").contentType("application/json")
                .body("{}").when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", Matchers.equalTo("Idempotency-Key"));
    }

    @Test
    void downstreamProblemsPassThroughUnchanged() {
        String id = createLayout(KEY);
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/layouts/" + id))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"/problems/not-found\",\"title\":\"Not Found\",\"status\":404}")));

        given().header("X-API-Key", KEY)
                .when().get("/api/v1/layouts/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void serviceDownGives503Problem() {
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/materials"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().header("X-API-Key", KEY)
                .when().get("/api/v1/shielding/materials")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("shielding-service is not reachable"));
    }
}
