package io.shieldfab.gateway.service;

import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.AnalysisRequest;
import io.shieldfab.gateway.client.RecipeClient;
import io.shieldfab.gateway.client.RecipeResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The recipe and traveler of the design and its layout (docs/recipe.md). recipe-service's 409 (another request
 * took the same version number) is transient ({@link DownstreamException#transientFailure()}): the client retries
 * it, then the handoff does.
 */
@ApplicationScoped
class RecipeStep {

    static final String NAME = "recipe";

    static final String FILE = "recipe.json";

    private final RecipeClient recipe;
    private final BundleAssembler assembler;

    RecipeStep(RecipeClient recipe, BundleAssembler assembler) {
        this.recipe = recipe;
        this.assembler = assembler;
    }

    /** The recipe, its answer kept in {@code folder} as the bundle's {@value #FILE}. */
    Created<RecipeResult> run(Handoff h, AnalysisRequest request, WorkFolders.Folder folder) {
        return assembler.keep(FILE, recipe.create(h.id, h.submittedBy, request), folder, RecipeResult.class,
                RecipeResult::id, "recipe-service");
    }
}
