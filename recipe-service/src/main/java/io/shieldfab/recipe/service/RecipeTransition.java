package io.shieldfab.recipe.service;

import io.shieldfab.recipe.Recipe;

/**
 * A recipe entered a lifecycle state in the current transaction: created (or changed back) as DRAFT, approved or
 * released. Fired by {@link RecipeService}; {@link RecipeMeters} counts it once the transaction commits.
 */
public record RecipeTransition(Recipe.Status entered) {
}
