package io.shieldfab.gateway.rest;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.gateway.rest.dto.ValidationResult;
import io.shieldfab.gateway.security.Caller;
import io.shieldfab.gateway.security.CurrentCaller;
import io.shieldfab.gateway.service.DesignValidation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/designs")
@Tag(name = "Designs", description = "Check a design document before handing it off")
@SecurityRequirement(name = "apiKey")
public class DesignResource {

    private final DesignValidation validation;
    private final CurrentCaller caller;

    public DesignResource(DesignValidation validation, CurrentCaller caller) {
        this.validation = validation;
        this.caller = caller;
    }

    @POST
    @Path("/validate")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateDesign", summary = "Validate a design document",
            description = "Checks every field and the cross-field rules (depression fits the pitch, openings fit "
                    + "the wall, ...). JSON or YAML. Lists every violation at once, with its JSON path.")
    @RequestBody(required = true, description = "The design document, JSON or YAML (application/x-yaml and text/yaml"
            + " are read as YAML too)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Design")),
            @Content(mediaType = "application/yaml", schema = @Schema(ref = "Design"))})
    @APIResponse(responseCode = "200", description = "The design is valid (warnings may be present)",
            content = @Content(schema = @Schema(implementation = ValidationResult.class)))
    @APIResponse(responseCode = "400", description = "The design is invalid; `violations` names every field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The document is larger than the upload limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor YAML",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ValidationResult validate(byte[] body, @HeaderParam("Content-Type") String contentType) {
        caller.require(Caller.Scope.SUBMIT);
        return validation.validate(body, contentType);
    }
}
