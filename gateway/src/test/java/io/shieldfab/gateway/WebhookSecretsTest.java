package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shieldfab.gateway.repository.WebhookSecretRepository;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Webhook secrets per API key (docs/api-guide.md, "Webhook secrets"): shown once, never listed, owner-scoped,
 * rotated with an overlap during which webhooks carry both signatures, and a {@code callbackUrl} needs one. Each
 * webhook is verified as a receiver would, with an HMAC computed here, against the secrets of both test keys.
 *
 * <p>Why per key: with one secret for every tenant, any tenant could sign webhooks that verify as another's.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class WebhookSecretsTest {

    static final String A = ForwardingTest.KEY;
    static final String B = "second-test-key-abcdef";
    static final String PATH = "/api/v1/webhook-secrets";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    WebhookSecretRepository secrets;

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
        circuitBreakers.resetAll();
        revokeAll(A);
        revokeAll(B);
    }

    /** Revokes every secret of a key through the API, so that each test starts from none. */
    static void revokeAll(String key) {
        List<String> ids = given().header("X-API-Key", key).when().get(PATH).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        for (String id : ids) {
            given().header("X-API-Key", key).when().delete(PATH + "/" + id).then().statusCode(204);
        }
    }

    /** Creates (or rotates to) a new secret of {@code key}; the answer's JSON. */
    static JsonPath create(String key, String overlap) {
        var request = given().header("X-API-Key", key);
        if (overlap != null) {
            request.queryParam("overlap", overlap);
        }
        return request.when().post(PATH).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void theSecretIsShownOnceAndNeverListed() {
        Response created = given().header("X-API-Key", A).when().post(PATH);
        created.then().statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", containsString(PATH + "/"))
                .body("state", equalTo("ACTIVE"))
                .body("expiresAt", nullValue())
                .body("rotated", Matchers.empty());
        String id = created.jsonPath().getString("id");
        String secret = created.jsonPath().getString("secret");
        assertThat(created.getHeader("Location")).endsWith(PATH + "/" + id);
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]+={0,2}");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())).length).isBetween(24, 32);

        String listed = given().header("X-API-Key", A).when().get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items[0].state", equalTo("ACTIVE"))
                .extract().asString();
        String one = given().header("X-API-Key", A).when().get(PATH + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("createdAt", Matchers.notNullValue())
                .extract().asString();
        for (String body : List.of(listed, one)) {
            assertThat(body).doesNotContain(secret.substring("whsec_".length())).doesNotContain("\"secret\"");
        }
        assertThat(create(A, null).getString("secret")).isNotEqualTo(secret);
    }

    @Test
    void anotherKeyCannotSeeOrRevokeTheSecrets() {
        String id = create(A, null).getString("id");

        given().header("X-API-Key", B).when().get(PATH + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", B).when().delete(PATH + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", B).when().get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("X-API-Key", A).when().get(PATH + "/" + id).then().statusCode(200);

        given().header("X-API-Key", A).when().get(PATH + "/not-a-uuid").then().statusCode(404);
        given().header("X-API-Key", A).when().delete(PATH + "/" + id).then().statusCode(204);
        given().header("X-API-Key", A).when().delete(PATH + "/" + id).then().statusCode(404);
        given().when().get(PATH).then().statusCode(401);
    }

    @Test
    void theOverlapIsAnIsoDurationWithinItsBound() {
        for (String bad : List.of("24h", "-PT1H", "P8D", "PT168H1S")) {
            given().header("X-API-Key", A).queryParam("overlap", bad).when().post(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("overlap"));
        }
        given().header("X-API-Key", A).when().get(PATH).then().body("items", Matchers.empty());
        create(A, "P7D");
        create(A, "PT0S");
        given().header("X-API-Key", A).when().get(PATH).then().body("items.size()", equalTo(1));
    }

    @Test
    void atMostFiveSecretsSignAtOnce() {
        for (int i = 0; i < 5; i++) {
            create(A, "PT1H");
        }
        given().header("X-API-Key", A).when().post(PATH).then().statusCode(409)
                .body("type", equalTo("/problems/too-many-webhook-secrets"));
        given().header("X-API-Key", A).when().get(PATH).then().body("items.size()", equalTo(5));
        create(A, "PT0S");
        given().header("X-API-Key", A).when().get(PATH).then().body("items.size()", equalTo(1));
    }

    @Test
    void aCallbackUrlNeedsASecretOfTheSubmittingKey() throws Exception {
        String callback = DownstreamStubs.server.baseUrl() + "/hooks/none";
        // B has a secret, A has none: B's secret does not count for A
        create(B, null);
        Response envelope = submit(A, callback);
        envelope.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/webhook-secret-required"))
                .body("violations[0].field", equalTo("callbackUrl"))
                .body("detail", containsString("POST /api/v1/webhook-secrets"));
        given().header("X-API-Key", A).contentType("application/json").queryParam("callbackUrl", callback)
                .body(HandoffTest.wifi()).when().post("/api/v1/handoffs").then().statusCode(409)
                .body("violations.field", hasItem("callbackUrl"));
        // a refused target is still a 400 (the request itself is wrong), and without callbackUrl nothing changes
        given().header("X-API-Key", A).contentType("application/json").queryParam("callbackUrl", "http://10.0.0.7/")
                .body(HandoffTest.wifi()).when().post("/api/v1/handoffs").then().statusCode(400);
        given().header("X-API-Key", A).contentType("application/json").body(HandoffTest.wifi())
                .when().post("/api/v1/handoffs").then().statusCode(202);
        // once it has created one, the same request is accepted
        create(A, null);
        submit(A, callback).then().statusCode(202);
    }

    @Test
    void eachKeysWebhooksVerifyWithItsOwnSecretOnly() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        hook("/hooks/a");
        hook("/hooks/b");
        String secretA = create(A, null).getString("secret");
        String secretB = create(B, null).getString("secret");

        submit(A, DownstreamStubs.server.baseUrl() + "/hooks/a").then().statusCode(202);
        submit(B, DownstreamStubs.server.baseUrl() + "/hooks/b").then().statusCode(202);

        LoggedRequest toA = awaitHooks("/hooks/a", 1).get(0);
        LoggedRequest toB = awaitHooks("/hooks/b", 1).get(0);
        assertThat(signatures(toA)).hasSize(1);
        assertThat(verifies(secretA, toA)).isTrue();
        assertThat(verifies(secretB, toA)).as("B's secret must not verify A's webhook").isFalse();
        assertThat(verifies(secretB, toB)).isTrue();
        assertThat(verifies(secretA, toB)).as("A's secret must not verify B's webhook").isFalse();
    }

    @Test
    void aRotationSignsWithBothSecretsUntilTheOverlapEnds() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        hook("/hooks/rotate");
        String callback = DownstreamStubs.server.baseUrl() + "/hooks/rotate";
        JsonPath first = create(A, null);
        String oldSecret = first.getString("secret");
        Instant before = Instant.now();
        JsonPath second = create(A, "PT1H");
        String newSecret = second.getString("secret");

        assertThat(second.getString("rotated[0].id")).isEqualTo(first.getString("id"));
        assertThat(Duration.between(before, Instant.parse(second.getString("rotated[0].expiresAt"))))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        given().header("X-API-Key", A).when().get(PATH).then()
                .body("items.id", equalTo(List.of(second.getString("id"), first.getString("id"))))
                .body("items.state", equalTo(List.of("ACTIVE", "EXPIRING")));

        // during the overlap: two signatures, newest first, one verifying with each secret
        submit(A, callback).then().statusCode(202);
        LoggedRequest during = awaitHooks("/hooks/rotate", 1).get(0);
        List<String> both = signatures(during);
        assertThat(both).hasSize(2);
        assertThat(verifies(newSecret, during, both.get(0))).isTrue();
        assertThat(verifies(oldSecret, during, both.get(1))).isTrue();

        // the overlap ends (moved into the past here instead of waiting an hour)
        String oldId = first.getString("id");
        QuarkusTransaction.requiringNew().run(() -> secrets.findById(oldId).expiresAt = Instant.now().minusSeconds(1));
        given().header("X-API-Key", A).when().get(PATH).then().body("items.id", equalTo(List.of(second.getString("id"))));
        given().header("X-API-Key", A).when().get(PATH + "/" + oldId).then().statusCode(404);

        submit(A, callback).then().statusCode(202);
        LoggedRequest after = awaitHooks("/hooks/rotate", 2).get(0);
        assertThat(after.getHeader("webhook-id")).isNotEqualTo(during.getHeader("webhook-id"));
        assertThat(signatures(after)).hasSize(1);
        assertThat(verifies(newSecret, after)).isTrue();
        assertThat(verifies(oldSecret, after)).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    static Response submit(String key, String callback) throws Exception {
        return given().header("X-API-Key", key).contentType("application/json")
                .body("{\"design\":" + HandoffTest.wifi() + ",\"callbackUrl\":\"" + callback + "\"}")
                .when().post("/api/v1/handoffs");
    }

    static void hook(String path) {
        DownstreamStubs.server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    }

    /** The webhooks received at {@code path}, newest first, once there are {@code count}. */
    static List<LoggedRequest> awaitHooks(String path, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<LoggedRequest> hooks;
        do {
            Thread.sleep(100);
            hooks = DownstreamStubs.server.findAll(postRequestedFor(urlEqualTo(path)));
        } while (hooks.size() < count && System.currentTimeMillis() < deadline);
        assertThat(hooks).as("webhooks at %s", path).hasSize(count);
        return hooks.stream().sorted((x, y) -> y.getLoggedDate().compareTo(x.getLoggedDate())).toList();
    }

    static List<String> signatures(LoggedRequest hook) {
        return Arrays.asList(hook.getHeader("webhook-signature").split(" "));
    }

    /** Whether any signature of the webhook verifies with {@code secret}, computed as a receiver would. */
    static boolean verifies(String secret, LoggedRequest hook) throws GeneralSecurityException {
        for (String candidate : signatures(hook)) {
            if (verifies(secret, hook, candidate)) {
                return true;
            }
        }
        return false;
    }

    static boolean verifies(String secret, LoggedRequest hook, String signature) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = hook.getHeader("webhook-id") + "." + hook.getHeader("webhook-timestamp") + "." + hook.getBodyAsString();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static JsonPath awaitWebhookState(String key, String id, Set<String> states) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath view;
        do {
            Thread.sleep(100);
            view = given().header("X-API-Key", key).when().get("/api/v1/handoffs/" + id).jsonPath();
        } while (!states.contains(view.getString("webhook.state")) && System.currentTimeMillis() < deadline);
        return view;
    }
}
