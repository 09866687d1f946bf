package io.shieldfab.gateway.security;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shieldfab.gateway.DownstreamStubs;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.repository.HandoffRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 2 of the security review: key B could read key A's layout, GDSII, evaluation, recipe, traveler and MES
 * export, change A's DRAFT recipe, and approve and release it as "qa.manager@fab". Every artefact now has an owner
 * (docs/architecture.md, "Ownership"): B gets 404 for each of A's, whether A made it through the API or a handoff;
 * approving needs an approver key, and the name recorded is the approver key's, never a client's X-User. On the
 * forwarding route that checked nothing, every B request below reached the service and was answered 200.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class TenantIsolationTest {

    static final String A = "test-key-0123456789";
    static final String B = "second-test-key-abcdef";
    /** %test.shieldfab.approver-keys: qa.manager=approver-test-key-0123456789 */
    static final String APPROVER = "approver-test-key-0123456789";

    @Inject
    HandoffRepository handoffs;

    @BeforeEach
    void everyServiceAnswers() {
        DownstreamStubs.server.resetAll();
        // whatever reaches a service is answered 200, so any 404 below is the gateway's
        DownstreamStubs.server.stubFor(any(urlMatching("/api/v1/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
    }

    /** A makes one of each artefact through the forwarded API (the service answers 201 with a Location). */
    String created(String collection, String key) {
        String id = UUID.randomUUID().toString();
        // only for the forwarding route (it names the acting key in X-User): a handoff of another test still being
        // worked in the background must not be handed this id as its own artefact
        DownstreamStubs.server.stubFor(post(urlEqualTo(collection)).atPriority(1).withHeader("X-User", matching(".+"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://127.0.0.1:" + DownstreamStubs.server.port() + collection + "/" + id)
                        .withBody("{\"id\":\"" + id + "\"}")));
        given().header("X-API-Key", key).contentType("application/json").body("{}")
                .when().post(collection).then().statusCode(201);
        return id;
    }

    /** Every read and change of A's artefacts, as B would try them. */
    static List<String[]> requests(String layout, String evaluation, String recipe) {
        return List.of(
                new String[]{"GET", "/api/v1/layouts/" + layout},
                new String[]{"GET", "/api/v1/layouts/" + layout + "/gds"},
                new String[]{"GET", "/api/v1/layouts/" + layout + "/dxf"},
                new String[]{"GET", "/api/v1/layouts/" + layout + "/svg"},
                new String[]{"GET", "/api/v1/shielding/evaluations/" + evaluation},
                new String[]{"GET", "/api/v1/shielding/evaluations/" + evaluation + "/chart.svg"},
                new String[]{"GET", "/api/v1/shielding/evaluations/" + evaluation + "/fullwave-model"},
                new String[]{"POST", "/api/v1/shielding/evaluations/" + evaluation + "/verifications"},
                new String[]{"GET", "/api/v1/shielding/evaluations/" + evaluation + "/verifications"},
                new String[]{"GET", "/api/v1/shielding/evaluations/" + evaluation + "/verifications/"
                        + "5b0c8e1e-3f7a-4c55-9d1e-0d6f2f9a1c21"},
                new String[]{"GET", "/api/v1/recipes/" + recipe},
                new String[]{"GET", "/api/v1/recipes/" + recipe + "/traveler"},
                new String[]{"GET", "/api/v1/recipes/" + recipe + "/mes"},
                new String[]{"PUT", "/api/v1/recipes/" + recipe});
    }

    static Response send(String key, String method, String path) {
        RequestSpecification request = given().header("X-API-Key", key).contentType("application/json").body("{}");
        return switch (method) {
            case "GET" -> request.when().get(path);
            case "POST" -> request.when().post(path);
            default -> request.when().put(path);
        };
    }

    @Test
    void keyBGets404ForEveryArtefactOfKeyAMadeThroughTheApiWhileAReachesThem() {
        String layout = created("/api/v1/layouts", A);
        String evaluation = created("/api/v1/shielding/evaluations", A);
        String recipe = created("/api/v1/recipes", A);
        DownstreamStubs.server.resetRequests();

        for (String[] r : requests(layout, evaluation, recipe)) {
            Response answer = send(B, r[0], r[1]);
            assertThat(answer.statusCode()).as("B: %s %s", r[0], r[1]).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        for (String lifecycle : List.of("approve", "release")) {
            given().header("X-API-Key", B).contentType("application/json").body("{\"comment\":\"ok\"}")
                    .when().post("/api/v1/recipes/" + recipe + "/" + lifecycle).then().statusCode(403);
        }
        assertThat(forwarded()).as("none of B's requests reached a service").isEmpty();

        for (String[] r : requests(layout, evaluation, recipe)) {
            send(A, r[0], r[1]).then().statusCode(200);
        }
    }

    @Test
    void artefactsOfAHandoffBelongToTheHandoffsOwner() {
        String layout = UUID.randomUUID().toString();
        String evaluation = UUID.randomUUID().toString();
        String recipe = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> handoffs.persist(handoff(ApiKeys.digestHex(A), layout, evaluation, recipe)));

        for (String[] r : requests(layout, evaluation, recipe)) {
            send(B, r[0], r[1]).then().statusCode(404);
            send(A, r[0], r[1]).then().statusCode(200);
        }
    }

    @Test
    void unknownAndMalformedIdsAre404WithoutReachingAService() {
        DownstreamStubs.server.resetRequests();
        for (String path : List.of("/api/v1/layouts/" + UUID.randomUUID(), "/api/v1/layouts/l-1/gds",
                "/api/v1/recipes/" + UUID.randomUUID() + "/mes", "/api/v1/shielding/evaluations/x")) {
            given().header("X-API-Key", A).when().get(path).then().statusCode(404);
        }
        assertThat(forwarded()).isEmpty();
    }

    /**
     * Approving and releasing need an approver key; the recorded name is the key's own ("qa.manager" from
     * name=secret), sent as X-User by the gateway, whatever X-User the client sent.
     */
    @Test
    void onlyAnApproverKeyApprovesAndItsConfiguredNameIsTheIdentityTheServiceGets() {
        String recipe = created("/api/v1/recipes", A);

        given().header("X-API-Key", A).header("X-User", "qa.manager@fab").contentType("application/json").body("{}")
                .when().post("/api/v1/recipes/" + recipe + "/approve").then().statusCode(403)
                .contentType("application/problem+json");

        DownstreamStubs.server.resetRequests();
        given().header("X-API-Key", APPROVER).header("X-User", "someone.else@fab").contentType("application/json")
                .body("{\"comment\":\"checked against the traveler\"}")
                .when().post("/api/v1/recipes/" + recipe + "/approve").then().statusCode(200);
        given().header("X-API-Key", APPROVER).when().get("/api/v1/recipes/" + recipe + "/traveler").then().statusCode(200);
        DownstreamStubs.server.verify(postRequestedFor(urlEqualTo("/api/v1/recipes/" + recipe + "/approve"))
                .withHeader("X-User", equalTo("qa.manager")));

        // an approver reviews recipes, it does not work on other keys' layouts or change their recipes
        String layout = created("/api/v1/layouts", A);
        given().header("X-API-Key", APPROVER).when().get("/api/v1/layouts/" + layout).then().statusCode(403);
        given().header("X-API-Key", APPROVER).contentType("application/json").body("{}")
                .when().put("/api/v1/recipes/" + recipe).then().statusCode(403);
    }

    /**
     * Requests the forwarding route sent (it always names the acting key in X-User); the handoff worker's own calls
     * for handoffs of other tests, still running in the background, are not the client's.
     */
    /**
     * The requests the forwarding route sent (it names the caller in X-User). A handoff another test left running
     * also calls the services with X-User, under its own Idempotency-Key {@code handoff-<id>-<step>}
     * (docs/architecture.md, "Handoff pipeline"); those are not the forwarded API's.
     */
    static List<LoggedRequest> forwarded() {
        return DownstreamStubs.server.findAll(anyRequestedFor(urlMatching("/api/v1/.*"))).stream()
                .filter(request -> request.containsHeader("X-User"))
                .filter(request -> !request.containsHeader("Idempotency-Key")
                        || !request.getHeader("Idempotency-Key").startsWith("handoff-"))
                .toList();
    }

    /** A finished handoff row of {@code owner} that made the three artefacts. */
    static Handoff handoff(String owner, String layout, String evaluation, String recipe) {
        Instant now = Instant.now();
        Handoff h = new Handoff();
        h.id = UUID.randomUUID().toString();
        h.ownerKeyHash = owner;
        h.designName = "isolation";
        h.status = Handoff.Status.SUCCEEDED;
        h.createdAt = now;
        h.updatedAt = now;
        h.finishedAt = now;
        h.designJson = "{}";
        h.layoutId = layout;
        h.reportId = evaluation;
        h.recipeId = recipe;
        h.nextAttemptAt = now;
        return h;
    }
}
