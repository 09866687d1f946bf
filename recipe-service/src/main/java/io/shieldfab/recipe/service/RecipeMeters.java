package io.shieldfab.recipe.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.shieldfab.recipe.Recipe;
import io.shieldfab.recipe.repository.RecipeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;

/**
 * The recipe meters of docs/operations.md, "Metrics": {@code shieldfab_recipes{state}}, the recipes in each
 * lifecycle state as the database holds them (so every replica reports the same, and a restart loses nothing), and
 * {@code shieldfab_recipe_transitions_total{state}}, recipes entering each state. The only label is the state,
 * from {@link Recipe.Status}. Created at startup, so every series is there from the first scrape.
 */
@Startup
@ApplicationScoped
public class RecipeMeters {

    private final Map<Recipe.Status, Counter> transitions = new EnumMap<>(Recipe.Status.class);
    private final RecipeRepository repository;

    @Inject
    public RecipeMeters(MeterRegistry registry, RecipeRepository repository) {
        this.repository = repository;
        for (Recipe.Status state : Recipe.Status.values()) {
            // read at each scrape: one count query per state
            Gauge.builder("shieldfab.recipes", this, m -> m.count(state)).tag("state", state.name())
                    .description("Recipes (every version) in each lifecycle state").strongReference(true)
                    .register(registry);
            transitions.put(state, Counter.builder("shieldfab.recipe.transitions").tag("state", state.name())
                    .description("Recipes entering each lifecycle state: created or changed back to DRAFT,"
                            + " approved, released").register(registry));
        }
    }

    private double count(Recipe.Status state) {
        return QuarkusTransaction.joiningExisting().call(() -> repository.count("status", state));
    }

    /** Counted once the transaction has committed: a rolled-back change (e.g. a 409) moved nothing. */
    void entered(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecipeTransition transition) {
        transitions.get(transition.entered()).increment();
    }
}
