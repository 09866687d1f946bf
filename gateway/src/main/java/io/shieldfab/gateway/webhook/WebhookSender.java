package io.shieldfab.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.WebhookDelivery;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.WebhookDeliveryRepository;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.gateway.service.Clock;
import io.shieldfab.gateway.service.WebhookSecretService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.net.ConnectException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a finished handoff's webhook to its {@code callbackUrl} and records the attempt (docs/api-guide.md,
 * "Webhooks"). The body is signed as Standard Webhooks describes, once with each secret of the handoff's owner that
 * still signs ({@link WebhookSecretService}). The URL is checked and its host looked up once per attempt, and the
 * connection goes to the address that was checked, with the URL's host kept as {@code Host}, TLS SNI and the name
 * the certificate must match ({@link CallbackTargets}); redirects are never followed.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** Name of the optional Quarkus TLS configuration ({@code quarkus.tls.webhook.trust-store...}) for receivers. */
    static final String TLS_CONFIGURATION = "webhook";

    /** Longest error text a delivery row keeps ({@code webhook_delivery.error}). */
    private static final int MAX_ERROR = 500;

    /** Longest wait between retries. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    /** The result of one attempt: the receiver's status, or why there was none or it failed. */
    record Attempt(Integer statusCode, String error, boolean giveUp) {
        static Attempt delivered(int statusCode) {
            return statusCode / 100 == 2 ? new Attempt(statusCode, null, false)
                    : new Attempt(statusCode, "the receiver answered HTTP " + statusCode, false);
        }

        static Attempt failed(String error, boolean giveUp) {
            return new Attempt(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, giveUp);
        }
    }

    private final CallbackTargets targets;
    private final WebhookSecretService secrets;
    private final WebhookDeliveryRepository deliveries;
    private final GatewayConfig.Webhook config;
    private final ObjectMapper mapper;
    private final HttpClient client;

    public WebhookSender(CallbackTargets targets, WebhookSecretService secrets, WebhookDeliveryRepository deliveries,
                         GatewayConfig config, ObjectMapper mapper, Vertx vertx, TlsConfigurationRegistry tls) {
        this.targets = targets;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.config = config.webhook();
        this.mapper = mapper;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis())
                // one request per connection: webhooks are one per handoff, to hosts that clients choose, so a pool
                // would only keep idle sockets open to them
                .setKeepAlive(false)
                // the handoff's own trace goes in traceparent (docs/operations.md, "Traces"), not a new one per request
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setVerifyHost(true)
                .setForceSni(true);
        // Receivers behind an internal CA: its certificates as a named TLS configuration (docs/operations.md,
        // "Webhook targets"). Only its trust store is taken; host names are always verified.
        tls.get(TLS_CONFIGURATION).ifPresent(c -> {
            if (c.isTrustAll()) {
                LOG.warnf("quarkus.tls.%s.trust-all is ignored: webhook receivers' certificates are always verified",
                        TLS_CONFIGURATION);
            } else if (c.getTrustStoreOptions() != null) {
                options.setTrustOptions(c.getTrustStoreOptions());
            }
        });
        this.client = vertx.createHttpClient(options);
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }

    /**
     * Makes one delivery attempt of a finished handoff's webhook and records it: delivered on a 2xx answer, else
     * retried with exponential backoff up to {@code max-attempts}, or given up at once when the URL is refused.
     *
     * @param handoff the handoff, whose webhook is due
     * @param view    reads the handoff as its status shows it, for the payload
     * @param leased  reads the handoff in the recording transaction while this replica still holds its lease, and
     *                throws when it does not
     * @param traceHeaders the handoff's trace ({@code traceparent}), sent with the request (docs/operations.md)
     * @return the webhook's state after the attempt: DELIVERED, GAVE_UP, or PENDING for another attempt later
     */
    public Handoff.WebhookState deliver(Handoff handoff, Supplier<HandoffView> view, Function<String, Handoff> leased,
                                        Map<String, String> traceHeaders) {
        Instant now = Clock.now();
        Attempt attempt = attempt(handoff, view, now, traceHeaders);
        return record(handoff, now, attempt, leased);
    }

    private Attempt attempt(Handoff handoff, Supplier<HandoffView> view, Instant now, Map<String, String> traceHeaders) {
        CallbackTargets.Outcome outcome = targets.resolve(handoff.callbackUrl);
        if (outcome instanceof CallbackTargets.Refusal refusal) {
            return Attempt.failed("callbackUrl " + refusal.reason(), refusal.lasting());
        }
        List<byte[]> keys = secrets.signingKeys(handoff.ownerKeyHash);
        if (keys.isEmpty()) {
            // not given up: the client may create a secret, and the next attempt is signed with it
            return Attempt.failed("the API key that submitted this handoff has no webhook secret (revoked?); create one "
                    + "with POST /api/v1/webhook-secrets", false);
        }
        String messageId = "msg_" + handoff.id;
        long timestamp = now.getEpochSecond();
        String body;
        try {
            ObjectNode payload = mapper.createObjectNode();
            payload.put("type", handoff.status == Handoff.Status.SUCCEEDED ? "handoff.succeeded" : "handoff.failed");
            payload.put("timestamp", now.toString());
            payload.set("data", mapper.valueToTree(view.get().withoutWebhook()));
            body = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a handoff view is always serialisable", e);
        }
        RequestOptions request = request((CallbackTargets.Target) outcome, config.timeout())
                .putHeader("Content-Type", "application/json")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.signatures(keys, messageId, timestamp, body));
        traceHeaders.forEach(request::putHeader);
        return send(client, request, body, config.timeout(), handoff.id);
    }

    /**
     * The request to a checked target: the connection goes to {@code target.address()} (no second name lookup),
     * while {@code Host}, SNI and certificate verification use the URL's host.
     */
    static RequestOptions request(CallbackTargets.Target target, Duration timeout) {
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                // set, since Vert.x would write an IPv6 literal without its brackets
                .putHeader("Host", target.authority())
                .setSsl(target.https())
                .setURI(target.path())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
    }

    /** One request on {@code client}: the receiver's status, or why there was none within {@code timeout}. */
    static Attempt send(HttpClient client, RequestOptions request, String body, Duration timeout, String handoffId) {
        AtomicReference<HttpClientRequest> open = new AtomicReference<>();
        Future<Integer> status = client.request(request).compose(sent -> {
            open.set(sent);
            return sent.send(Buffer.buffer(body));
        }).map(response -> {
            int code = response.statusCode();
            // The answer's body is not read: the status decides, and a receiver cannot hold the gateway by
            // sending one without end. This runs on the request's context, which may be another event loop than
            // the connection's, so a short answer can have ended already; then nothing is left to fail.
            try {
                response.exceptionHandler(ignored -> { });
            } catch (IllegalStateException ended) {
                // the whole answer has arrived
            }
            response.request().connection().close();
            return code;
        });
        try {
            return Attempt.delivered(status.toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            HttpClientRequest slow = open.get();
            if (slow != null) {
                slow.reset();
            }
            return Attempt.failed("no answer within " + timeout.toSeconds() + " s", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.debugf(cause, "webhook delivery of handoff %s failed", handoffId);
            return Attempt.failed(failure(cause), false);
        }
    }

    /**
     * Why a request got no answer, in words a client can act on: never an exception's class or message, which
     * could name the address the host resolved to (docs/api-guide.md, "Webhooks").
     */
    static String failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return "delivery failed: SSL/TLS handshake with the receiver failed (its certificate is not trusted "
                        + "or not issued for the callback's host)";
            }
            if (t instanceof ConnectTimeoutException) {
                return "delivery failed: no connection to the receiver within the timeout";
            }
            if (t instanceof ConnectException) {
                return "delivery failed: the receiver refused the connection";
            }
            if (t instanceof HttpClosedException) {
                return "delivery failed: the receiver closed the connection before answering";
            }
        }
        return "delivery failed: the request ended before the receiver answered";
    }

    private Handoff.WebhookState record(Handoff handoff, Instant now, Attempt result, Function<String, Handoff> leased) {
        int attempt = handoff.webhookAttempts + 1;
        return QuarkusTransaction.requiringNew().call(() -> {
            Handoff current = leased.apply(handoff.id);
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.handoffId = handoff.id;
            delivery.attempt = attempt;
            delivery.attemptedAt = now;
            delivery.statusCode = result.statusCode();
            delivery.error = result.error();
            deliveries.persist(delivery);
            current.webhookAttempts = attempt;
            if (result.error() == null) {
                current.webhookState = Handoff.WebhookState.DELIVERED;
                current.webhookNextAt = null;
            } else if (attempt >= config.maxAttempts() || result.giveUp()) {
                current.webhookState = Handoff.WebhookState.GAVE_UP;
                current.webhookNextAt = null;
            } else {
                Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
                current.webhookNextAt = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
            }
            return current.webhookState;
        });
    }
}
