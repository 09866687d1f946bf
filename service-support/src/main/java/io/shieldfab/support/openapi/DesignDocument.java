package io.shieldfab.support.openapi;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The name of the OpenAPI component {@code Design}, for a body or field read as a tree by the design reader
 * ({@code @Schema(implementation = DesignDocument.class)}). Never instantiated; {@link DesignSchemaFilter} replaces
 * the placeholder content below with docs/schema/design.schema.json when the application is built.
 */
@Schema(name = DesignComponents.ROOT, type = SchemaType.OBJECT,
        description = "The design document (docs/design-document.md); its JSON Schema is docs/schema/design.schema.json.")
public final class DesignDocument {

    private DesignDocument() {
    }
}
