package io.shieldfab.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.VerificationRequest;
import io.shieldfab.gateway.repository.WebhookDeliveryRepository;
import io.shieldfab.gateway.rest.dto.HandoffView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A handoff row as the API answers it, and the JSON the row keeps (warnings, errors, stored facts). Shared by
 * {@link HandoffService}, which answers, and the pipeline, which records and sends the webhook's payload.
 */
@ApplicationScoped
public class HandoffViews {

    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper mapper;

    public HandoffViews(WebhookDeliveryRepository deliveries, ObjectMapper mapper) {
        this.deliveries = deliveries;
        this.mapper = mapper;
    }

    /** The handoff as {@code GET /api/v1/handoffs/{id}} answers it; reads its deliveries, so inside a transaction. */
    public HandoffView toView(Handoff h) {
        String self = "/api/v1/handoffs/" + h.id;
        HandoffView.OpeningWindow window = window(h);
        HandoffView.WebhookView webhook = h.callbackUrl == null ? null : new HandoffView.WebhookView(
                h.webhookState == null ? "NOT_YET" : h.webhookState.name(), h.webhookAttempts,
                deliveries.forHandoff(h.id).stream()
                        .map(d -> new HandoffView.Delivery(d.attempt, d.attemptedAt, d.statusCode, d.error)).toList());
        return new HandoffView(h.id, h.status.name(), h.designName, h.designRevision, h.createdAt, h.updatedAt, h.finishedAt,
                h.layoutId, h.reportId, h.recipeId, h.verdict,
                h.errorsJson == null ? List.of() : read(h.errorsJson, new TypeReference<List<HandoffView.HandoffError>>() { }),
                h.warningsJson == null ? List.of() : read(h.warningsJson, new TypeReference<List<Violation>>() { }),
                h.attempts, h.finished() ? null : h.lastError, h.finished() ? null : h.nextAttemptAt, h.callbackUrl, webhook,
                new HandoffView.Links(self,
                        h.status == Handoff.Status.SUCCEEDED ? self + "/bundle" : null,
                        h.layoutId == null ? null : "/api/v1/layouts/" + h.layoutId,
                        h.reportId == null ? null : "/api/v1/shielding/evaluations/" + h.reportId,
                        h.recipeId == null ? null : "/api/v1/recipes/" + h.recipeId),
                window, summary(h.verdict, window), fullwave(h));
    }

    /** The full-wave verification the handoff asked for, or null. */
    private HandoffView.FullwaveVerification fullwave(Handoff h) {
        if (h.fullwaveMeshJson == null) {
            return null;
        }
        VerificationRequest mesh = read(h.fullwaveMeshJson, VerificationRequest.class);
        return new HandoffView.FullwaveVerification(mesh.cellsPerWavelength(), mesh.cellsPerOpening(),
                mesh.pulseOrDefault(), h.verificationId,
                h.verificationId == null ? null
                        : "/api/v1/shielding/evaluations/" + h.reportId + "/verifications/" + h.verificationId);
    }

    /** The window stored with the handoff's verdict, or null. */
    public HandoffView.OpeningWindow window(Handoff h) {
        return h.openingWindowJson == null ? null : read(h.openingWindowJson, HandoffView.OpeningWindow.class);
    }

    /** The verdict in words with both limits of the opening window (docs/api-guide.md, handoffs). */
    static String summary(String verdict, HandoffView.OpeningWindow window) {
        if (verdict == null) {
            return null;
        }
        return "Shielding " + verdict + "." + (window == null ? "" : " " + window.sentence());
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
