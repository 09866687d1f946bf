package io.shieldfab.recipe.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/recipes} and {@code PUT /api/v1/recipes/{id}}.
 *
 * @param design the design document (docs/design-document.md), read and validated by the design model
 *               (OpenAPI: the component Design, mp.openapi.schema in application.properties)
 * @param layout the layout JSON from layout-service (only the fields of {@link LayoutInput} are read)
 */
public record CreateRecipeRequest(
        @Schema(required = true) JsonNode design,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, additionalProperties = Schema.True.class,
                description = "Layout JSON as returned by layout-service", required = true) JsonNode layout) {
}
