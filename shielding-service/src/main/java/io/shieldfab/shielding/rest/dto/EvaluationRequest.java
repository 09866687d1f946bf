package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.shieldfab.support.openapi.DesignDocument;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param design the design document (docs/design-document.md): frequencies, material, encapsulant, requirements
 * @param layout the layout JSON of this design from layout-service ({@code POST /api/v1/layouts}): every length of
 *               the shield (cavity, wall thickness, openings) comes from its {@code site} and {@code metrics}
 */
public record EvaluationRequest(
        @Schema(implementation = DesignDocument.class, required = true) @NotNull JsonNode design,
        @Schema(implementation = LayoutDocument.class, required = true) @NotNull JsonNode layout) {
}
