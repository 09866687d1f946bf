package io.shieldfab.gateway.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.shieldfab.design.Violation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/designs/validate} for a valid design.
 *
 * @param valid     always true here (an invalid design gets a 400 problem)
 * @param warnings  rules a fab would question but that do not block the design (e.g. claim 8 recess depth)
 * @param siteCount packages on the panel
 * @param design    the design with every default applied, as the services will see it
 */
public record ValidationResult(
        boolean valid,
        List<Violation> warnings,
        int siteCount,
        @Schema(type = SchemaType.OBJECT, description = "The design with every default applied") JsonNode design) {
}
