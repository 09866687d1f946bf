package io.shieldfab.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;

/** recipe-service as the handoff uses it; same fault-tolerance policy as {@link LayoutClient}. */
@ApplicationScoped
public class RecipeClient {

    private final ServiceApi.Recipe api;

    public RecipeClient(@RestClient ServiceApi.Recipe api) {
        this.api = api;
    }

    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public CreatedDocument create(String handoffId, String user, AnalysisRequest request) {
        return CreatedDocument.of(api.create("handoff-" + handoffId + "-recipe", handoffId, user, request));
    }

    /** The recipe document, streamed: the caller reads and closes it. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream json(String recipeId) {
        return api.json(recipeId);
    }

    /** The traveler as HTML ({@code text/html}) or PDF ({@code application/pdf}), streamed: the caller reads and closes it. */
    @Timeout(60_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream traveler(String recipeId, String mediaType) {
        return api.traveler(recipeId, mediaType);
    }

    @Timeout(10_000)
    @Retry(maxRetries = 1, delay = 300, abortOn = DownstreamException.Permanent.class)
    public String apiVersion() {
        return api.openApi("json").version();
    }
}
