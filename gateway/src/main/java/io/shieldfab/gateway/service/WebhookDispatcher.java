package io.shieldfab.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.gateway.webhook.WebhookSender;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The last stage: a finished handoff's webhook, one attempt when it is due, signed and recorded by
 * {@link WebhookSender} (docs/api-guide.md, "Webhooks"); the attempt is recorded only while the lease is ours.
 */
@ApplicationScoped
class WebhookDispatcher {

    private final WebhookSender sender;
    private final HandoffRepository handoffs;
    private final HandoffViews views;
    private final HandoffProgress progress;
    private final HandoffMetrics metrics;
    private final HandoffTracing tracing;

    /** The step name of a delivery in the step-duration metric. */
    static final String NAME = "webhook";

    WebhookDispatcher(WebhookSender sender, HandoffRepository handoffs, HandoffViews views, HandoffProgress progress,
                      HandoffMetrics metrics, HandoffTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.sender = sender;
        this.handoffs = handoffs;
        this.views = views;
        this.progress = progress;
    }

    boolean due(Handoff h) {
        return h.webhookState == Handoff.WebhookState.PENDING && !h.webhookNextAt.isAfter(Clock.now());
    }

    /** One attempt, in the handoff's trace; true when the receiver took it. */
    boolean deliver(Handoff h, Lease lease) {
        Handoff.WebhookState state = sender.deliver(h,
                () -> QuarkusTransaction.requiringNew().call(() -> views.toView(handoffs.findById(h.id))),
                id -> progress.leased(lease), tracing.outgoingHeaders());
        metrics.delivery(switch (state) {
            case DELIVERED -> HandoffMetrics.DeliveryOutcome.DELIVERED;
            case GAVE_UP -> HandoffMetrics.DeliveryOutcome.ABANDONED;
            case PENDING -> HandoffMetrics.DeliveryOutcome.FAILED;
        }, h.webhookAttempts + 1);
        return state == Handoff.WebhookState.DELIVERED;
    }
}
