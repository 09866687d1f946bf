package io.shieldfab.gateway.rest;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.gateway.HandoffBundle;
import io.shieldfab.gateway.rest.dto.HandoffPage;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.gateway.proxy.PublicUrls;
import io.shieldfab.gateway.security.Caller;
import io.shieldfab.gateway.security.CurrentCaller;
import io.shieldfab.gateway.service.HandoffProblem;
import io.shieldfab.gateway.service.HandoffService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/handoffs")
@Tag(name = "Handoffs", description = "One design in, one bundle out: layout, shielding report, recipe and traveler")
@SecurityRequirement(name = "apiKey")
public class HandoffResource {

    private final HandoffService service;
    private final CurrentCaller caller;
    private final PublicUrls publicUrls;

    public HandoffResource(HandoffService service, CurrentCaller caller, PublicUrls publicUrls) {
        this.service = service;
        this.caller = caller;
        this.publicUrls = publicUrls;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createHandoff", summary = "Hand a design off to the fab",
            description = "Validates the design at once (400 with every violation), then makes the layout, the shielding "
                    + "report and the recipe in the background. The body is the design (JSON or YAML) or a JSON envelope "
                    + "{\"design\": {...}, \"callbackUrl\": \"https://...\", \"fullwaveVerification\": {...}}. A webhook "
                    + "signed with the API key's webhook secrets (Standard Webhooks; /api/v1/webhook-secrets) goes to "
                    + "callbackUrl when the handoff ends. With fullwaveVerification ({} for the standard mesh, or "
                    + "cellsPerWavelength 20-60 and cellsPerOpening 2-8, and pulse BROADBAND or OPERATING_FREQUENCY) the "
                    + "handoff queues an openEMS run of its shielding "
                    + "report, waits for it (minutes), and its bundle adds fullwave-model.zip and fullwave-verification.json.")
    @RequestBody(required = true, description = "The design document, JSON or YAML (application/x-yaml and text/yaml"
            + " are read as YAML too), or a JSON envelope {\"design\": {...}, \"callbackUrl\": \"https://...\","
            + " \"fullwaveVerification\": {\"cellsPerWavelength\": 20, \"cellsPerOpening\": 2, \"pulse\": \"BROADBAND\"}}"
            + " (every field optional)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Design")),
            @Content(mediaType = "application/yaml", schema = @Schema(ref = "Design"))})
    @APIResponse(responseCode = "202", description = "Accepted; poll Location",
            headers = {@Header(name = "Location", description = "The handoff",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "Retry-After", description = "Seconds until a poll is worthwhile",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
                    @Header(name = "Idempotent-Replayed", description = "true when an Idempotency-Key matched an"
                            + " earlier request: this is its first answer", schema = @Schema(type = SchemaType.STRING,
                            enumeration = "true"))},
            content = @Content(schema = @Schema(implementation = HandoffView.class)))
    @APIResponse(responseCode = "400", description = "Invalid design, callbackUrl, fullwaveVerification or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in progress, or a "
            + "callbackUrl came from an API key without a webhook secret (/problems/webhook-secret-required)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The design is larger than 1 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit of this API key exceeded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The handoff queue is full (shieldfab.handoff.max-queued handoffs "
            + "waiting or running); nothing was stored: retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds until a retry is worthwhile",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(byte[] body,
                           @HeaderParam("Content-Type") String contentType,
                           @Parameter(description = "Repeat-safe submission: a repeat with the same key and body returns the first answer",
                                   schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Parameter(description = "Where to POST the signed webhook when the handoff ends",
                                   schema = @Schema(type = SchemaType.STRING, format = "uri"))
                           @QueryParam("callbackUrl") String callbackUrl,
                           @Context HttpServerRequest request) {
        HandoffService.Submission submission = service.submitForOwner(caller.require(Caller.Scope.SUBMIT).owner(), idempotencyKey, body, contentType, callbackUrl);
        Response.ResponseBuilder response = Response.accepted(submission.handoff())
                .location(URI.create(publicUrls.of("/api/v1/handoffs/" + submission.handoff().id(), request)))
                .header("Retry-After", "2");
        if (submission.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHandoff", summary = "Status of a handoff", description = "QUEUED, RUNNING, SUCCEEDED or FAILED, with the ids of the "
            + "layout, report and recipe, the verdict, errors, and the webhook's delivery attempts.")
    @APIResponse(responseCode = "200", description = "The handoff", content = @Content(schema = @Schema(implementation = HandoffView.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such handoff for this API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HandoffView get(@PathParam("id") String id) {
        return service.viewForOwner(caller.require().owner(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listHandoffs", summary = "List handoffs", description = "Newest first, the handoffs of the calling API key; pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = HandoffPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HandoffPage list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
                            @QueryParam("cursor") String cursor) {
        return service.listForOwner(caller.require().owner(), limit, cursor);
    }

    @GET
    @Path("/{id}/bundle")
    @Produces("application/zip")
    @Operation(operationId = "downloadHandoffBundle", summary = "Download the bundle", description = "A zip of layout.json, layout.gds, layout.dxf, layout.svg, "
            + "shielding-report.json, recipe.json, traveler.html, traveler.pdf, design.json and manifest.json (SHA-256 of "
            + "each file). Immutable: the same handoff always gives the same bytes (ETag).")
    @APIResponse(responseCode = "200", description = "The zip",
            headers = @Header(name = "ETag", description = "The SHA-256 (hex) of the zip", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such handoff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The handoff has not SUCCEEDED (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response bundle(@PathParam("id") String id, @Context Request request) {
        HandoffBundle bundle = service.bundleForOwner(caller.require().owner(), id).orElseThrow(() -> notFound(id));
        EntityTag etag = new EntityTag(bundle.sha256);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return Response.ok(bundle.content, "application/zip")
                .tag(etag)
                .header("Content-Disposition", "attachment; filename=\"shieldfab-" + id + ".zip\"")
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    private static HandoffProblem notFound(String id) {
        return HandoffProblem.notFound(id);
    }
}
