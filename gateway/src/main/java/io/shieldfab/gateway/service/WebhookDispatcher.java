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

    WebhookDispatcher(WebhookSender sender, HandoffRepository handoffs, HandoffViews views, HandoffProgress progress) {
        this.sender = sender;
        this.handoffs = handoffs;
        this.views = views;
        this.progress = progress;
    }

    boolean due(Handoff h) {
        return h.webhookState == Handoff.WebhookState.PENDING && !h.webhookNextAt.isAfter(Clock.now());
    }

    void deliver(Handoff h, Lease lease) {
        sender.deliver(h, () -> QuarkusTransaction.requiringNew().call(() -> views.toView(handoffs.findById(h.id))),
                id -> progress.leased(lease));
    }
}
