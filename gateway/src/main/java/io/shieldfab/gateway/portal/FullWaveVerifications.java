package io.shieldfab.gateway.portal;

import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.ShieldingClient;
import io.shieldfab.gateway.client.Verification;
import io.shieldfab.gateway.client.VerificationRequest;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.portal.PortalViews.FullWave;
import io.shieldfab.gateway.portal.PortalViews.VerificationRun;
import io.shieldfab.gateway.rest.dto.HandoffView;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Full-wave (openEMS) verifications of a handoff's shielding report, started and read through shielding-service
 * (docs/portal.md, "Full-wave verification"). The caller has already checked that the handoff is the session's:
 * shielding-service knows nothing of owners, so only reports of the session's own handoffs may reach it.
 */
@ApplicationScoped
public class FullWaveVerifications {

    private static final Logger LOG = Logger.getLogger(FullWaveVerifications.class);

    private final ShieldingClient shielding;
    private final GatewayConfig config;

    public FullWaveVerifications(ShieldingClient shielding, GatewayConfig config) {
        this.shielding = shielding;
        this.config = config;
    }

    /**
     * The section of the handoff page: absent until the handoff has a report. A shielding-service that does not
     * answer makes a notice in the section, not an error page: everything else on the page is the gateway's own.
     */
    public FullWave section(HandoffView view) {
        if (view.reportId() == null) {
            return FullWave.absent();
        }
        long refreshMs = config.portal().refreshInterval().toMillis();
        String submission = UUID.randomUUID().toString();
        List<Verification> runs;
        try {
            runs = shielding.verifications(view.reportId());
        } catch (RuntimeException unavailable) {
            LOG.warnf("Verifications of report %s unavailable: %s", view.reportId(), unavailable.toString());
            return new FullWave(true, view.id(), submission, true, null, "", false, refreshMs);
        }
        VerificationRun latest = runs.isEmpty() ? null : VerificationRun.of(runs.get(0));
        String chartVersion = runs.stream().filter(r -> "SUCCEEDED".equals(r.status())).map(Verification::id)
                .findFirst().orElse("");
        // A page refreshing the whole handoff already brings the section along; polling it too would ask twice.
        boolean poll = latest != null && latest.running() && !PortalViews.isActive(view.status());
        return new FullWave(true, view.id(), submission, false, latest, chartVersion, poll, refreshMs);
    }

    /**
     * Queues a run of the handoff's report on the standard mesh, driven by {@code pulse} (one of
     * {@link VerificationRequest#PULSES}; anything else, or none, is the broadband one); a refusal page when it cannot.
     */
    public void start(HandoffView view, String submission, String pulse) {
        if (view.reportId() == null) {
            throw new PortalRefusal(409, "No shielding report yet",
                    "A verification checks the handoff's shielding report, which has not been made yet.");
        }
        try {
            shielding.verify(view.reportId(), idempotencyKey(submission), VerificationRequest.standardMeshWith(pulse));
        } catch (DownstreamException.Permanent refused) {
            LOG.warnf("Verification of report %s refused: HTTP %d %s", view.reportId(), refused.status(), refused.problemJson());
            if (refused.status() == 404) {
                throw new PortalRefusal(404, "Shielding report not found", "The shielding service no longer has this"
                        + " handoff's report, so it cannot verify it. The report itself is in the bundle.");
            }
            throw unavailable();
        } catch (RuntimeException failed) {
            LOG.warnf("Verification of report %s not started: %s", view.reportId(), failed.toString());
            throw unavailable();
        }
    }

    private static PortalRefusal unavailable() {
        return new PortalRefusal(503, "Verification unavailable", "The shielding service cannot start a verification"
                + " just now; nothing was started. Try again in a minute.");
    }

    /**
     * The form's token as the run's Idempotency-Key, so a double click or a resent form starts one run; a form
     * without one still gets a key of its own, so the client's retries of this one post cannot start two.
     */
    static String idempotencyKey(String submission) {
        String token = DesignSubmissions.isSubmissionId(submission) ? submission : UUID.randomUUID().toString();
        return "portal-verification-" + token;
    }
}
