package io.shieldfab.recipe.rest;

import io.shieldfab.recipe.rest.dto.CreateRecipeRequest;
import io.shieldfab.recipe.rest.dto.RecipeResponse;
import io.shieldfab.recipe.service.RecipeService;
import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.shieldfab.recipe.rest.RecipeHttp.identity;
import static io.shieldfab.recipe.rest.RecipeHttp.location;
import static io.shieldfab.recipe.rest.RecipeHttp.notFound;

/**
 * Recipes: compile, read and change. The lifecycle steps are in {@link RecipeLifecycleResource}, the traveler and
 * MES outputs in {@link RecipeDocumentResource}; all work is in {@link RecipeService}.
 */
@Idempotent
@Path(RecipeService.BASE_PATH)
@Tag(name = "Recipes", description = "ISA-88 process recipes compiled from a design and its layout")
public class RecipeResource {

    @Inject
    RecipeService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRecipe", summary = "Compile a recipe", description = Examples.CREATE)
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, description = Examples.IDEMPOTENCY_KEY,
            schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "201", description = "Recipe compiled (DRAFT); Location names it",
            headers = @Header(name = "Location", description = Examples.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid design or layout; violations name design.* / layout.* paths",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing layout", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "A concurrent request took the same version number; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = Examples.CREATE_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "claims 13, 15, 16", value = Examples.RULE_PROBLEM)))
    public Response create(CreateRecipeRequest request,
                           @Parameter(description = "Who compiles" + Examples.IDENTITY)
                           @HeaderParam("X-User") @Size(max = 100) String user,
                           @Context UriInfo uri) {
        RecipeResponse recipe = service.create(request, identity(user));
        return Response.created(location(uri, recipe.id())).entity(recipe).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRecipe", summary = "Get a recipe", description = "The recipe with its status, unit"
            + " procedures, summary, fill and lifecycle; If-None-Match with its ETag answers 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The recipe",
            headers = @Header(name = "ETag", description = Examples.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id, @Context Request request) {
        RecipeResponse recipe = service.find(id).orElseThrow(() -> notFound(id));
        EntityTag tag = RecipeHttp.etag(recipe.contentHash(), recipe.status().name());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(recipe)).tag(tag).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateRecipe", summary = "Change a recipe", description = Examples.CHANGE)
    @APIResponse(responseCode = "200", description = "Recipe recompiled in place, now DRAFT",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "201", description = "The recipe was RELEASED: a new version was made; Location names it",
            headers = @Header(name = "Location", description = Examples.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid design or layout, or a design of another name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A process rule of the claims is broken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") String id, CreateRecipeRequest request,
                           @Parameter(description = "Who changes" + Examples.IDENTITY)
                           @HeaderParam("X-User") @Size(max = 100) String user,
                           @Context UriInfo uri) {
        RecipeService.Outcome outcome = service.change(id, request, identity(user)).orElseThrow(() -> notFound(id));
        return outcome.created()
                ? Response.created(location(uri, outcome.recipe().id())).entity(outcome.recipe()).build()
                : Response.ok(outcome.recipe()).build();
    }
}
