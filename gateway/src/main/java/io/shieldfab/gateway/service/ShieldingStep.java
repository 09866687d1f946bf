package io.shieldfab.gateway.service;

import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.AnalysisRequest;
import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.client.ShieldingClient;
import jakarta.enterprise.context.ApplicationScoped;

/** The shielding evaluation of the design and its layout: the report, its id and verdict (docs/shielding.md). */
@ApplicationScoped
class ShieldingStep {

    static final String NAME = "shielding";

    static final String FILE = "shielding-report.json";

    private final ShieldingClient shielding;
    private final BundleAssembler assembler;

    ShieldingStep(ShieldingClient shielding, BundleAssembler assembler) {
        this.shielding = shielding;
        this.assembler = assembler;
    }

    /** The report, its answer kept in {@code folder} as the bundle's {@value #FILE}. */
    Created<EvaluationResult> run(Handoff h, AnalysisRequest request, WorkFolders.Folder folder) {
        return assembler.keep(FILE, shielding.evaluate(h.id, h.submittedBy, request), folder, EvaluationResult.class,
                EvaluationResult::id, "shielding-service");
    }
}
