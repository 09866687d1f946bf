package io.shieldfab.recipe.rest;

import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.recipe.process.FillReport;
import io.shieldfab.recipe.rest.dto.FillRequest;
import io.shieldfab.recipe.rest.dto.PlatingRequest;
import io.shieldfab.recipe.rest.dto.PlatingResponse;
import io.shieldfab.recipe.service.RecipeService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stateless process calculations, the same code the recipe compiler runs. */
@Idempotent
@Path("/api/v1/recipes/calculations")
@Tag(name = "Recipe calculations", description = "Stateless process calculations: plating and encapsulant fill")
public class CalculationResource {

    @Inject
    RecipeService service;

    @POST
    @Path("/plating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "calculatePlating", summary = "Faraday's law", description = "Duration, current, mass and charge to electroform a"
            + " thickness of COPPER, NICKEL or GOLD over an area; the current density (and bath temperature and"
            + " pH when given) are checked against the bath window.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = Examples.IDEMPOTENCY_KEY,
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @RequestBody(content = @Content(schema = @Schema(implementation = PlatingRequest.class),
            examples = @ExampleObject(name = "nickel", value = Examples.PLATING_REQUEST)))
    @APIResponse(responseCode = "200", description = "The plating figures",
            content = @Content(schema = @Schema(implementation = PlatingResponse.class),
                    examples = @ExampleObject(name = "nickel", value = Examples.PLATING_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Missing or out-of-range field; violations name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Metal not allowed (claim 6) or outside the bath window",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlatingResponse plating(@Valid PlatingRequest request) {
        return service.plating(request);
    }

    @POST
    @Path("/fill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "calculateFill", summary = "Encapsulant fill", description = "Whether the encapsulant fills a row of depressions"
            + " through the pathways between them (docs/physics.md §6): the filler must pass the smallest pathway"
            + " dimension, the chain fed from one gate must fill within the allowed share of the gel time, and the"
            + " air must escape. The same model the recipe's fill object runs; FAIL is a result, not an error.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = Examples.IDEMPOTENCY_KEY,
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @RequestBody(content = @Content(schema = @Schema(implementation = FillRequest.class),
            examples = @ExampleObject(name = "wifi", value = Examples.FILL_REQUEST)))
    @APIResponse(responseCode = "200", description = "The fill result, PASS or FAIL with findings and fixes",
            content = @Content(schema = @Schema(implementation = FillReport.class),
                    examples = @ExampleObject(name = "wifi", value = Examples.FILL_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Missing or out-of-range field; violations name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FillReport fill(@Valid FillRequest request) {
        return service.fill(request);
    }
}
