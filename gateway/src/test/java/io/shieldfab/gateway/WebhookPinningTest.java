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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook connects to the address its check looked up, not to a second lookup of the name (docs/operations.md,
 * "Webhook targets"). The names here exist only in a resolver the test installs ({@code .test} never resolves,
 * RFC 6761): a delivery that looked the name up again through the system would fail.
 *
 * <p>Why: if {@code CallbackTargets} checked the name and the HTTP client then resolved it again to connect, the
 * check and the connection could see different addresses (DNS rebinding).
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class WebhookPinningTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    /** Answers {@code .test} names from a script: the n-th lookup of a name gets its n-th answer, then the last. */
    static final class ScriptedResolver extends HostResolver {
        final Map<String, List<String>> script;
        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        ScriptedResolver(Map<String, List<String>> script) {
            this.script = script;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<String> answers = script.get(host);
            if (answers == null) {
                return super.resolve(host);
            }
            int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
            return new InetAddress[]{InetAddress.getByName(answers.get(Math.min(n, answers.size() - 1)))};
        }

        int lookups(String host) {
            return lookups.getOrDefault(host, new AtomicInteger()).get();
        }
    }

    ScriptedResolver resolver;

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
        circuitBreakers.resetAll();
        WebhookSecretsTest.revokeAll(WebhookSecretsTest.A);
        resolver = new ScriptedResolver(Map.of(
                "pinned.test", List.of("127.0.0.1"),
                // the submission's check sees the receiver, the delivery's a private address
                "rebind.test", List.of("127.0.0.1", "10.0.0.7")));
        QuarkusMock.installMockForType(resolver, HostResolver.class);
    }

    @Test
    void theDeliveryConnectsToTheCheckedAddressKeepingTheName() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        WebhookSecretsTest.hook("/hooks/pinned");
        String secret = WebhookSecretsTest.create(WebhookSecretsTest.A, null).getString("secret");
        int port = DownstreamStubs.server.port();

        WebhookSecretsTest.submit(WebhookSecretsTest.A, "http://pinned.test:" + port + "/hooks/pinned").then().statusCode(202);

        LoggedRequest hook = WebhookSecretsTest.awaitHooks("/hooks/pinned", 1).get(0);
        assertThat(hook.getHeader("Host")).isEqualTo("pinned.test:" + port);
        assertThat(WebhookSecretsTest.verifies(secret, hook)).isTrue();
        // one lookup at submission, one for the delivery: none by the HTTP client
        assertThat(resolver.lookups("pinned.test")).isEqualTo(2);
    }

    @Test
    void aNameThatRebindsToAnAddressNotAllowedIsNotCalled() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        WebhookSecretsTest.hook("/hooks/rebind");
        WebhookSecretsTest.create(WebhookSecretsTest.A, null);
        int port = DownstreamStubs.server.port();

        String id = WebhookSecretsTest.submit(WebhookSecretsTest.A, "http://rebind.test:" + port + "/hooks/rebind")
                .then().statusCode(202).extract().jsonPath().getString("id");

        JsonPath view = WebhookSecretsTest.awaitWebhookState(WebhookSecretsTest.A, id, Set.of("GAVE_UP", "DELIVERED"));
        assertThat(view.getString("webhook.state")).isEqualTo("GAVE_UP");
        assertThat(view.getString("webhook.deliveries[0].error")).startsWith("callbackUrl points to a private");
        assertThat(view.getString("webhook.deliveries[0].error")).doesNotContain("10.0.0.7");
        assertThat(DownstreamStubs.server.findAll(postRequestedFor(urlEqualTo("/hooks/rebind")))).isEmpty();
    }
}
