package io.shieldfab.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a shielding evaluation and of a recipe: the design and its layout document. Both are passed on as
 * the gateway holds them, not read: the layout is the single source of geometry (docs/architecture.md).
 */
public record AnalysisRequest(JsonNode design, JsonNode layout) {
}
