package io.shieldfab.gateway.service;

import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.AnalysisRequest;
import io.shieldfab.gateway.client.DownstreamException;
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

    private final RecipeClient recipe;

    RecipeStep(RecipeClient recipe) {
        this.recipe = recipe;
    }

    RecipeResult run(Handoff h, AnalysisRequest request) {
        return DownstreamException.requireId(recipe.create(h.id, h.submittedBy, request), RecipeResult::id,
                "recipe-service");
    }
}
