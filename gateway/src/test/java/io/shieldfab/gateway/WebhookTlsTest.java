package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shieldfab.gateway.webhook.HostResolver;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS the connection goes to the checked address while TLS is about the URL's name: SNI carries it and the
 * receiver's certificate must match it (docs/operations.md, "Webhook targets"). The receiver's certificate names
 * {@code receiver.test}; both names below resolve, in a resolver this test installs, to its address.
 *
 * <p>{@code .test} names never resolve through the system (RFC 6761), so this passes only when the delivery
 * connects to the address the check returned instead of resolving the name itself.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
@QuarkusTestResource(value = TlsReceiver.class, restrictToAnnotatedClass = true)
class WebhookTlsTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
        TlsReceiver.server.resetAll();
        circuitBreakers.resetAll();
        WebhookSecretsTest.revokeAll(WebhookSecretsTest.A);
        QuarkusMock.installMockForType(new WebhookPinningTest.ScriptedResolver(Map.of(
                TlsReceiver.NAME, List.of("127.0.0.1"),
                "impostor.test", List.of("127.0.0.1"))), HostResolver.class);
        HandoffStubs.allOk(DownstreamStubs.server);
        TlsReceiver.server.stubFor(post(urlEqualTo("/hooks/tls")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void theCertificateIsVerifiedAgainstTheNameWhileTheAddressIsTheCheckedOne() throws Exception {
        String secret = WebhookSecretsTest.create(WebhookSecretsTest.A, null).getString("secret");
        String callback = "https://" + TlsReceiver.NAME + ":" + TlsReceiver.server.httpsPort() + "/hooks/tls";

        String id = WebhookSecretsTest.submit(WebhookSecretsTest.A, callback).then().statusCode(202)
                .extract().jsonPath().getString("id");

        JsonPath view = WebhookSecretsTest.awaitWebhookState(WebhookSecretsTest.A, id, Set.of("DELIVERED"));
        assertThat(view.getString("webhook.state")).isEqualTo("DELIVERED");
        List<LoggedRequest> hooks = TlsReceiver.server.findAll(postRequestedFor(urlEqualTo("/hooks/tls")));
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).getHeader("Host")).isEqualTo(TlsReceiver.NAME + ":" + TlsReceiver.server.httpsPort());
        assertThat(WebhookSecretsTest.verifies(secret, hooks.get(0))).isTrue();
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        WebhookSecretsTest.create(WebhookSecretsTest.A, null);
        String callback = "https://impostor.test:" + TlsReceiver.server.httpsPort() + "/hooks/tls";

        String id = WebhookSecretsTest.submit(WebhookSecretsTest.A, callback).then().statusCode(202)
                .extract().jsonPath().getString("id");

        JsonPath view = awaitFirstAttempt(id);
        assertThat(view.getString("webhook.deliveries[0].error")).startsWith("delivery failed: SSL");
        assertThat(view.getString("webhook.deliveries[0].statusCode")).isNull();
        assertThat(TlsReceiver.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static JsonPath awaitFirstAttempt(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath view;
        do {
            Thread.sleep(100);
            view = given().header("X-API-Key", WebhookSecretsTest.A).when().get("/api/v1/handoffs/" + id).jsonPath();
        } while (view.getInt("webhook.attempts") < 1 && System.currentTimeMillis() < deadline);
        assertThat(view.getInt("webhook.attempts")).as(view.prettify()).isGreaterThanOrEqualTo(1);
        return view;
    }
}
