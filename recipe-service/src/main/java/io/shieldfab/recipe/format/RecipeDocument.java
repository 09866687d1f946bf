package io.shieldfab.recipe.format;

import io.shieldfab.recipe.process.Procedure;

import java.time.Instant;

/**
 * Everything a writer (traveler, MES export) needs about one stored recipe: its identity and lifecycle
 * around the procedure.
 *
 * @param id          recipe id
 * @param version     version within the design name
 * @param status      {@code DRAFT}, {@code APPROVED} or {@code RELEASED}
 * @param contentHash SHA-256 of the canonical procedure
 * @param layoutId    layout the recipe was compiled from
 * @param createdAt   when compiled
 * @param createdBy   who compiled it
 * @param approvedAt  when approved, or {@code null}
 * @param approvedBy  who approved, or {@code null}
 * @param releasedAt  when released, or {@code null}
 * @param releasedBy  who released, or {@code null}
 * @param procedure   the procedure
 */
public record RecipeDocument(String id, int version, String status, String contentHash, String layoutId,
                             Instant createdAt, String createdBy, Instant approvedAt, String approvedBy,
                             Instant releasedAt, String releasedBy, Procedure procedure) {
}
