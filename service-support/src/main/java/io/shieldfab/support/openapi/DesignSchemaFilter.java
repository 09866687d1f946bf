package io.shieldfab.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shieldfab.design.DesignSchema;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * Makes every service's {@code Design} component the design document's JSON Schema ({@link DesignComponents}), so
 * that a generated client has typed design classes and all four documents say the same. The services declare
 * {@code Design} only as a name (a placeholder class or the {@code mp.openapi.schema} mapping of Jackson's tree);
 * this filter, run when the application is built, gives it its content. A document without a {@code Design}
 * component is left alone.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DesignSchemaFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey(DesignComponents.ROOT)) {
            return;
        }
        for (Map.Entry<String, Schema> component : DesignComponents.from(DesignSchema.tree()).entrySet()) {
            openAPI.getComponents().addSchema(component.getKey(), component.getValue());
        }
    }
}
