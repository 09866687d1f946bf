package io.shieldfab.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.design.Violation;

import java.time.Instant;
import java.util.List;

/**
 * A handoff as clients see it.
 *
 * @param status    QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param layoutId  id of the layout in layout-service, once made
 * @param reportId  id of the shielding report in shielding-service, once made
 * @param recipeId  id of the recipe in recipe-service, once made
 * @param verdict   the shielding verdict (PASS, WARN, FAIL), once evaluated
 * @param errors    why a FAILED handoff failed, one entry per failed step
 * @param lastError the last transient failure while a service was unreachable (the handoff waits and retries)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffView(
        String id,
        String status,
        String designName,
        String designRevision,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        String layoutId,
        String reportId,
        String recipeId,
        String verdict,
        List<HandoffError> errors,
        List<Violation> warnings,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        String callbackUrl,
        WebhookView webhook,
        Links links) {

    /** The same view without webhook bookkeeping: the payload sent to the callback itself. */
    public HandoffView withoutWebhook() {
        return new HandoffView(id, status, designName, designRevision, createdAt, updatedAt, finishedAt, layoutId, reportId,
                recipeId, verdict, errors, warnings, attempts, lastError, nextAttemptAt, callbackUrl, null, links);
    }

    /**
     * @param step    layout, shielding, recipe or bundle
     * @param status  the HTTP status the service answered
     * @param detail  the service's explanation
     * @param rule    the process rule broken, when the service named one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandoffError(String step, Integer status, String title, String detail, String rule) {
    }

    public record WebhookView(String state, int attempts, List<Delivery> deliveries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(int attempt, Instant attemptedAt, Integer statusCode, String error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(String self, String bundle, String layout, String report, String recipe) {
    }
}
