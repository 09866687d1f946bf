package io.shieldfab.gateway.service;

import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.AnalysisRequest;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.client.ShieldingClient;
import jakarta.enterprise.context.ApplicationScoped;

/** The shielding evaluation of the design and its layout: the report's id and verdict (docs/shielding.md). */
@ApplicationScoped
class ShieldingStep {

    static final String NAME = "shielding";

    private final ShieldingClient shielding;

    ShieldingStep(ShieldingClient shielding) {
        this.shielding = shielding;
    }

    EvaluationResult run(Handoff h, AnalysisRequest request) {
        return DownstreamException.requireId(shielding.evaluate(h.id, h.submittedBy, request), EvaluationResult::id,
                "shielding-service");
    }
}
