package io.shieldfab.shielding.rest;

import io.shieldfab.shielding.rest.dto.MaterialResponse;
import io.shieldfab.shielding.service.CalculationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The material library, read-only: its own resource and tag (one tag per resource, issue #16). */
@Path("/api/v1/shielding/materials")
@Tag(name = "Shielding materials", description = "The metal library: σ, μr and their sources")
@Produces(MediaType.APPLICATION_JSON)
public class MaterialResource {

    @Inject
    CalculationService service;

    @GET
    @Operation(operationId = "listShieldingMaterials", summary = "Material library", description = "Deposit and"
            + " mandrel metals with σ, μr and the source of each figure; nickel with its frequency-dependent"
            + " permeability curve.")
    @APIResponse(responseCode = "200", description = "Every metal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MaterialResponse[].class)))
    public List<MaterialResponse> materials() {
        return service.materials();
    }
}
