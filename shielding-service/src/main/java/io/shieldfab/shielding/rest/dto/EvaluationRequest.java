package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param design the design document (docs/design-document.md)
 * @param layout the layout JSON from layout-service (optional): when given, opening size, count and wall
 *               thickness come from its metrics
 */
public record EvaluationRequest(
        @Schema(description = "design document", required = true) @NotNull JsonNode design,
        @Schema(description = "layout JSON from layout-service (optional)") JsonNode layout) {
}
