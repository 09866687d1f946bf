package io.shieldfab.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;

/**
 * layout-service as the handoff uses it, with timeouts, retries and a circuit breaker
 * (SmallRye Fault Tolerance). Retrying a create is safe: it carries an Idempotency-Key derived
 * from the handoff, so the service answers a repeat with the layout it already made.
 * A 4xx ({@link DownstreamException.Permanent}) is never retried and never opens the breaker.
 */
@ApplicationScoped
public class LayoutClient {

    private final ServiceApi.Layout api;

    public LayoutClient(@RestClient ServiceApi.Layout api) {
        this.api = api;
    }

    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public CreatedDocument create(String handoffId, String user, JsonNode design) {
        return CreatedDocument.of(api.create("handoff-" + handoffId + "-layout", handoffId, user, design));
    }

    /** The layout document, streamed: the caller reads it (under its own size limit) and closes it. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream json(String layoutId) {
        return api.json(layoutId);
    }

    /**
     * A layout file, {@code format} gds, dxf or svg, streamed: the caller reads and closes it. The timeout and
     * retries cover getting the answer; reading its body is bounded by the client's read timeout.
     */
    @Timeout(60_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream file(String layoutId, String format) {
        return api.file(layoutId, format);
    }

    @Timeout(10_000)
    @Retry(maxRetries = 1, delay = 300, abortOn = DownstreamException.Permanent.class)
    public String apiVersion() {
        return api.openApi("json").version();
    }
}
