package io.shieldfab.layout.rest.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI component {@code Design}: the design document as a request body, described by reference to its JSON
 * Schema. Never instantiated; the body is read by the design reader. Every service declares the same component
 * (same name, type, description), so that the gateway's aggregated document merges them (issue #16).
 */
@Schema(name = "Design", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
        description = "The design document (docs/design-document.md); its JSON Schema is docs/schema/design.schema.json.")
public final class DesignDocument {

    private DesignDocument() {
    }
}
