package io.shieldfab.shielding.rest.dto;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI component {@code LayoutDocument}: the layout JSON inside an evaluation request, free-form here (what
 * shielding reads of it is {@link LayoutView}); its full schema is layout-service's {@code Layout}.
 */
@Schema(name = "LayoutDocument", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
        description = "The layout JSON of the design from layout-service (POST /api/v1/layouts, schema Layout there);"
                + " the shield's geometry comes from its site and metrics.")
public final class LayoutDocument {

    private LayoutDocument() {
    }
}
