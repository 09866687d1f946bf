package io.shieldfab.shielding.rest.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI component {@code Design}: the design document inside an evaluation request, described by reference to
 * its JSON Schema (the field itself is read as a tree by the design reader). Declared the same in every service (name,
 * type, description), so that the gateway's aggregated document merges them (issue #16).
 */
@Schema(name = "Design", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
        description = "The design document (docs/design-document.md); its JSON Schema is docs/schema/design.schema.json.")
public final class DesignDocument {

    private DesignDocument() {
    }
}
