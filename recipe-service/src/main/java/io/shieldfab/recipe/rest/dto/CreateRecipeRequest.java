package io.shieldfab.recipe.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/recipes} and {@code PUT /api/v1/recipes/{id}}.
 *
 * @param design the design document (docs/design-document.md), read and validated by the design model
 * @param layout the layout JSON from layout-service (only the fields of {@link LayoutInput} are read)
 */
public record CreateRecipeRequest(
        @Schema(description = "Design document (docs/design-document.md)", required = true) JsonNode design,
        @Schema(description = "Layout JSON as returned by layout-service", required = true) JsonNode layout) {
}
