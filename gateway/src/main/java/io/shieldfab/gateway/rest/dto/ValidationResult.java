package io.shieldfab.gateway.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.shieldfab.design.Violation;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/designs/validate} for a valid design.
 *
 * @param valid     always true here (an invalid design gets a 400 problem)
 * @param warnings  rules a fab would question but that do not block the design (e.g. claim 8 recess depth)
 * @param siteCount packages on the panel
 * @param design    the design with every default applied, as the services will see it (OpenAPI: the component
 *                  Design, mp.openapi.schema in application.properties)
 */
public record ValidationResult(
        boolean valid,
        List<Violation> warnings,
        int siteCount,
        JsonNode design) {
}
