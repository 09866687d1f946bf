package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A design-to-fab handoff: one design in, one bundle out. The aggregate root of the gateway.
 * Work on it is leased ({@link #leaseOwner}, {@link #leaseUntil}) so that exactly one gateway
 * replica advances it at a time, and a replica that dies loses the lease when it expires.
 */
@Entity
@Table(name = "handoff")
public class Handoff {

    @Schema(name = "HandoffStatus", description = "QUEUED, then RUNNING, then SUCCEEDED or FAILED")
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Schema(name = "HandoffWebhookState", description = "The callback webhook: PENDING until delivered (DELIVERED)"
            + " or given up after its attempts (GAVE_UP)")
    public enum WebhookState { PENDING, DELIVERED, GAVE_UP }

    @Id
    public String id;

    /** SHA-256 (hex) of the API key that submitted it; handoffs are listed per key. */
    @Column(name = "owner_key_hash", nullable = false)
    public String ownerKeyHash;

    /**
     * The name of the API key that submitted it, sent to the services as {@code X-User} when the handoff's work
     * calls them (docs/operations.md, "Keys, scopes and names"); null on handoffs from before it was recorded.
     */
    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "design_name", nullable = false)
    public String designName;

    @Column(name = "design_revision")
    public String designRevision;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The design with defaults applied, canonical JSON: what every service receives. */
    @Column(name = "design_json", nullable = false, columnDefinition = "TEXT")
    public String designJson;

    @Column(name = "warnings_json", columnDefinition = "TEXT")
    public String warningsJson;

    @Column(name = "callback_url")
    public String callbackUrl;

    @Column(name = "layout_id")
    public String layoutId;

    @Column(name = "report_id")
    public String reportId;

    @Column(name = "recipe_id")
    public String recipeId;

    public String verdict;

    /** The submission's W3C traceparent: the handoff's background work continues its trace (docs/operations.md). */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The shielding report's opening window ({@code HandoffView.OpeningWindow} as JSON), once evaluated. */
    @Column(name = "opening_window_json", columnDefinition = "TEXT")
    public String openingWindowJson;

    /**
     * The full-wave verification's mesh asked for at submission ({@code VerificationRequest} as JSON), or null when
     * none was: the handoff then ends without one (docs/api-guide.md, "Submit a handoff").
     */
    @Column(name = "fullwave_mesh_json", length = 100)
    public String fullwaveMeshJson;

    /** The full-wave verification run in shielding-service, once queued. */
    @Column(name = "verification_id", length = 64)
    public String verificationId;

    @Column(name = "errors_json", columnDefinition = "TEXT")
    public String errorsJson;

    /** The last transient failure (a service down): the handoff waits and retries. */
    @Column(name = "last_error")
    public String lastError;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "webhook_state")
    @Enumerated(EnumType.STRING)
    public WebhookState webhookState;

    @Column(name = "webhook_attempts", nullable = false)
    public int webhookAttempts;

    @Column(name = "webhook_next_at")
    public Instant webhookNextAt;

    public boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }
}
