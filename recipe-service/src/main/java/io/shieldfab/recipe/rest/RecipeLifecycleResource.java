package io.shieldfab.recipe.rest;

import io.shieldfab.recipe.rest.dto.LifecycleRequest;
import io.shieldfab.recipe.rest.dto.RecipeResponse;
import io.shieldfab.recipe.service.RecipeService;
import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.shieldfab.recipe.rest.RecipeHttp.identity;
import static io.shieldfab.recipe.rest.RecipeHttp.notFound;

/**
 * The lifecycle steps DRAFT → APPROVED → RELEASED. The optional body is bound by {@link LifecycleBodyReader}, which
 * also takes no body at all; who approves or releases is the caller's identity, never the body (docs/recipe.md §6).
 */
@Idempotent
@Path(RecipeService.BASE_PATH + "/{id}")
@Tag(name = "Recipes", description = "ISA-88 process recipes compiled from a design and its layout")
public class RecipeLifecycleResource {

    @Inject
    RecipeService service;

    @POST
    @Path("/approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveRecipe", summary = "Approve a DRAFT recipe", description = Examples.APPROVE)
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = Examples.IDEMPOTENCY_KEY,
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "200", description = "The recipe, now APPROVED",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = Examples.LIFECYCLE_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recipe is not DRAFT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecipeResponse approve(@PathParam("id") String id,
                                  @RequestBody(description = Examples.LIFECYCLE_BODY, required = false,
                                          content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                  schema = @Schema(implementation = LifecycleRequest.class)))
                                  LifecycleRequest body,
                                  @Parameter(description = "Who approves" + Examples.IDENTITY)
                                  @HeaderParam("X-User") @Size(max = 100) String user) {
        return service.approve(id, identity(user), body.recordedComment()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/release")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseRecipe", summary = "Release an APPROVED recipe", description = Examples.RELEASE)
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = Examples.IDEMPOTENCY_KEY,
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "200", description = "The recipe, now RELEASED",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = Examples.LIFECYCLE_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recipe is not APPROVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Examples.RELEASE_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecipeResponse release(@PathParam("id") String id,
                                  @RequestBody(description = Examples.LIFECYCLE_BODY, required = false,
                                          content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                  schema = @Schema(implementation = LifecycleRequest.class)))
                                  LifecycleRequest body,
                                  @Parameter(description = "Who releases" + Examples.IDENTITY)
                                  @HeaderParam("X-User") @Size(max = 100) String user) {
        return service.release(id, identity(user), body.recordedComment()).orElseThrow(() -> notFound(id));
    }
}
