package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Violation;
import io.shieldfab.recipe.format.RecipeDocument;
import io.shieldfab.recipe.rest.dto.CreateRecipeRequest;
import io.shieldfab.recipe.rest.dto.LifecycleRequest;
import io.shieldfab.recipe.rest.dto.RecipeResponse;
import io.shieldfab.recipe.service.RecipeService;
import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.problem.InvalidInputException;
import io.shieldfab.support.problem.JsonPaths;
import io.shieldfab.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** Recipes: compile, read, change, approve, release, and the traveler and MES outputs. Thin: all work is in {@link RecipeService}. */
@Idempotent
@Path(RecipeService.BASE_PATH)
@Tag(name = "Recipes", description = "ISA-88 process recipes compiled from a design and its layout")
public class RecipeResource {

    static final String PDF = "application/pdf";

    private static final String IDENTITY = ": the caller's identity, which the gateway sets from the API key"
            + " (it never forwards a client's X-User); default api";

    private static final String LIFECYCLE_400 = "Malformed body, comment (or its deprecated alias user) over 500"
            + " characters, comment and user both given and different, or X-User over 100 characters";

    private static final ObjectMapper LIFECYCLE =
            new ObjectMapper();

    @Inject
    RecipeService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compile a recipe", description = "Compiles a DRAFT recipe from a design document and"
            + " its layout. A repeated Idempotency-Key with the same request returns the first answer"
            + " (IdempotencyFilter); with another request it is a 422 (type /problems/idempotency-key-reused).")
    @APIResponse(responseCode = "201", description = "Recipe compiled (DRAFT); Location names it",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid design or layout; violations name design.* / layout.* paths",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing layout", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "A concurrent request took the same version number; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A process rule of the claims is broken (rule names it), or the"
            + " Idempotency-Key was first used with a different request (type /problems/idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "claim 15", value = Examples.RULE_PROBLEM)))
    public Response create(CreateRecipeRequest request,
                           @Parameter(description = "Who compiles" + IDENTITY)
                           @HeaderParam("X-User") @Size(max = 100) String user,
                           @Context UriInfo uri) {
        RecipeResponse recipe = service.create(request, identity(user));
        return Response.created(location(uri, recipe.id())).entity(recipe).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a recipe")
    @APIResponse(responseCode = "200", description = "The recipe",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id, @Context Request request) {
        RecipeResponse recipe = service.find(id).orElseThrow(() -> notFound(id));
        EntityTag tag = etag(recipe.contentHash(), recipe.status());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(recipe)).tag(tag).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a recipe", description = "Recompiles a DRAFT or APPROVED recipe in place (back"
            + " to DRAFT). A RELEASED recipe never changes: the change becomes a new DRAFT version (201).")
    @APIResponse(responseCode = "200", description = "Recipe recompiled in place, now DRAFT",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "201", description = "The recipe was RELEASED: a new version was made; Location names it",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid design or layout, or a design of another name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A process rule of the claims is broken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") String id, CreateRecipeRequest request,
                           @Parameter(description = "Who changes" + IDENTITY)
                           @HeaderParam("X-User") @Size(max = 100) String user,
                           @Context UriInfo uri) {
        RecipeService.Outcome outcome = service.change(id, request, identity(user))
                .orElseThrow(() -> notFound(id));
        return outcome.created()
                ? Response.created(location(uri, outcome.recipe().id())).entity(outcome.recipe()).build()
                : Response.ok(outcome.recipe()).build();
    }

    @POST
    @Path("/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a DRAFT recipe", description = "Records who (the caller's identity: X-User, else api),"
            + " when, and the body's optional comment (lifecycle.approvalComment). The deprecated body field user is a"
            + " comment too, never who approves.")
    @APIResponse(responseCode = "200", description = "The recipe, now APPROVED",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = LIFECYCLE_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recipe is not DRAFT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecipeResponse approve(@PathParam("id") String id,
                                  @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequest.class)))
                                  String body,
                                  @Parameter(description = "Who approves" + IDENTITY)
                                  @HeaderParam("X-User") @Size(max = 100) String user) {
        return service.approve(id, identity(user), comment(body)).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/release")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release an APPROVED recipe", description = "After release the recipe is immutable. Records"
            + " who (the caller's identity: X-User, else api), when, and the body's optional comment"
            + " (lifecycle.releaseComment). The deprecated body field user is a comment too, never who releases.")
    @APIResponse(responseCode = "200", description = "The recipe, now RELEASED",
            content = @Content(schema = @Schema(implementation = RecipeResponse.class)))
    @APIResponse(responseCode = "400", description = LIFECYCLE_400,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recipe is not APPROVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecipeResponse release(@PathParam("id") String id,
                                  @RequestBody(content = @Content(schema = @Schema(implementation = LifecycleRequest.class)))
                                  String body,
                                  @Parameter(description = "Who releases" + IDENTITY)
                                  @HeaderParam("X-User") @Size(max = 100) String user) {
        return service.release(id, identity(user), comment(body)).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/traveler")
    @Produces({MediaType.TEXT_HTML, PDF})
    @Operation(summary = "The traveler", description = "HTML by default; PDF (same template) with Accept: application/pdf.")
    @APIResponse(responseCode = "200", description = "The traveler",
            content = {@Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = PDF)})
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Neither HTML nor PDF is acceptable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response traveler(@PathParam("id") String id, @Context HttpHeaders headers) {
        RecipeDocument doc = service.document(id).orElseThrow(() -> notFound(id));
        boolean pdf = wantsPdf(headers);
        Function<RecipeDocument, Object> render = pdf ? service::travelerPdf : service::travelerHtml;
        return Response.ok(render.apply(doc), pdf ? PDF : MediaType.TEXT_HTML + ";charset=UTF-8")
                .tag(etag(doc.contentHash(), doc.status()))
                .header("Content-Disposition", (pdf ? "attachment" : "inline") + "; filename=\"traveler-"
                        + doc.procedure().designName() + "-v" + doc.version() + (pdf ? ".pdf" : ".html") + "\"")
                .build();
    }

    @GET
    @Path("/{id}/mes")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "MES export", description = "ISA-88 master recipe XML (namespace urn:shieldfab:mes:recipe:1,"
            + " schema in docs/recipe.md).")
    @APIResponse(responseCode = "200", description = "The MES XML", content = @Content(mediaType = MediaType.APPLICATION_XML))
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mes(@PathParam("id") String id) {
        RecipeDocument doc = service.document(id).orElseThrow(() -> notFound(id));
        return Response.ok(service.mesXml(doc), MediaType.APPLICATION_XML + ";charset=UTF-8")
                .tag(etag(doc.contentHash(), doc.status())).build();
    }

    /** PDF only when the client prefers it to HTML (a browser's or curl's wildcard gets HTML). */
    static boolean wantsPdf(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
            if ("application".equals(type.getType()) && "pdf".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The comment of the optional lifecycle body (none, or JSON with {@code comment} or its deprecated alias
     * {@code user}); null for none. Malformed JSON, a field of the wrong type or a comment too long is a 400 naming it.
     */
    private static String comment(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        LifecycleRequest request;
        try {
            request = LIFECYCLE.readValue(body, LifecycleRequest.class);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw notLifecycleJson();
            }
            throw new InvalidInputException(List.of(new Violation(JsonPaths.of(e), "must be a string")));
        } catch (JsonProcessingException e) {
            throw notLifecycleJson();
        }
        if (request == null) {
            return null;
        }
        List<Violation> violations = request.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return request.recordedComment();
    }

    private static InvalidInputException notLifecycleJson() {
        return new InvalidInputException(List.of(new Violation("$", "the body must be JSON like {\"comment\": \"text\"}")));
    }

    /**
     * Who makes a change: the {@code X-User} header, else {@code api}. Only the gateway reaches this service (loopback,
     * or a NetworkPolicy in k8s/), and it sets X-User to the caller's authenticated identity; a name in a request body
     * is never an identity (docs/recipe.md §6).
     */
    private static String identity(String header) {
        return header == null || header.isBlank() ? RecipeService.DEFAULT_USER : header.trim();
    }

    private static EntityTag etag(String contentHash, String status) {
        return new EntityTag(contentHash.substring(0, 16) + "-" + status);
    }

    private static URI location(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path("api/v1/recipes").path(id).build();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No recipe with id '" + id + "'.");
    }
}
