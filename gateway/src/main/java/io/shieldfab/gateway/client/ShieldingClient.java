package io.shieldfab.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;
import java.util.List;

/** shielding-service as the handoff and the portal use it; same fault-tolerance policy as {@link LayoutClient}. */
@ApplicationScoped
public class ShieldingClient {

    private final ServiceApi.Shielding api;

    public ShieldingClient(@RestClient ServiceApi.Shielding api) {
        this.api = api;
    }

    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public CreatedDocument evaluate(String handoffId, String user, AnalysisRequest request) {
        return CreatedDocument.of(api.evaluate("handoff-" + handoffId + "-shielding", handoffId, user, request));
    }

    /** The report document, streamed: the caller reads and closes it. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream json(String reportId) {
        return api.json(reportId);
    }

    /** The shielding-effectiveness chart of a report (SVG), as the portal shows it. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public byte[] chartSvg(String reportId) {
        return api.chart(reportId);
    }

    /**
     * Queues a full-wave verification of a report on the standard mesh. Retrying is safe because of
     * {@code idempotencyKey}: shielding-service answers a repeat with the run it already queued.
     */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public Verification verify(String reportId, String idempotencyKey) {
        return verify(reportId, idempotencyKey, VerificationRequest.STANDARD_MESH);
    }

    /** Queues a full-wave verification of a report on {@code mesh}; repeat-safe as {@link #verify(String, String)}. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public Verification verify(String reportId, String idempotencyKey, VerificationRequest mesh) {
        return api.verify(idempotencyKey, reportId, mesh);
    }

    /** One verification run as shielding-service answers it, streamed: the caller reads and closes it. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream verification(String reportId, String verificationId) {
        return api.verification(reportId, verificationId);
    }

    /** The report's openEMS model (a zip) on {@code mesh}, with its pulse, streamed: the caller reads and closes it. */
    @Timeout(30_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public InputStream fullwaveModel(String reportId, VerificationRequest mesh) {
        return api.fullwaveModel(reportId, mesh.cellsPerWavelength(), mesh.cellsPerOpening(),
                mesh.pulse());
    }

    /**
     * A report's verification runs, newest first. A shorter timeout than the other calls: the handoff page waits for
     * this answer before it renders.
     */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = DownstreamException.Permanent.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5_000, skipOn = DownstreamException.Permanent.class)
    public List<Verification> verifications(String reportId) {
        return api.verifications(reportId).items();
    }

    @Timeout(10_000)
    @Retry(maxRetries = 1, delay = 300, abortOn = DownstreamException.Permanent.class)
    public String apiVersion() {
        return api.openApi("json").version();
    }
}
