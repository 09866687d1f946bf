package io.shieldfab.layout.rest;

import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.idempotency.IdempotentResponses;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.openapi.DesignDocument;
import io.shieldfab.layout.rest.dto.LayoutResponse;
import io.shieldfab.layout.service.LayoutFile;
import io.shieldfab.layout.service.LayoutNotFoundException;
import io.shieldfab.layout.service.LayoutService;
import io.shieldfab.layout.service.LayoutService.Format;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** The layout API of docs/api-guide.md: thin, all work in {@link LayoutService}. */
@Path(LayoutService.BASE_PATH)
@Idempotent
@Tag(name = "Layouts", description = "Panel, mandrel and shield layout: metrics, GDSII, DXF, SVG")
public class LayoutResource {

    private static final String ETAG = "the file's entity tag; send it back in If-None-Match";
    private static final String DISPOSITION = "attachment; filename=\"<design>-<revision>.<ext>\"";
    private static final String NOT_MODIFIED = "Not modified (If-None-Match matched the ETag)";

    @Inject
    LayoutService service;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createLayout", summary = "Lay out a design",
            description = Examples.CREATE_DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DesignDocument.class),
                    examples = @ExampleObject(name = "wifi", value = Examples.DESIGN)),
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = DesignDocument.class))})
    @APIResponse(responseCode = "201", description = "Layout created; Location names it",
            headers = {
                    @Header(name = "Location", description = "the new layout, /api/v1/layouts/{id}",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = IdempotentResponses.REPLAYED, description = "true when this answer replays an"
                            + " earlier request with the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LayoutResponse.class),
                    examples = @ExampleObject(name = "layout", value = Examples.LAYOUT)))
    @APIResponse(responseCode = "400", description = "Invalid design: every violation with its JSON path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION)))
    @APIResponse(responseCode = "413", description = "Body larger than the accepted design size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type neither JSON nor YAML",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with a different request"
            + " (type /problems/idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(byte[] body,
                           @HeaderParam("Content-Type") String contentType,
                           @Parameter(description = "Makes retries safe: a repeat of the same request gets the first answer again;"
                                   + " the key with another request is a 422")
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        LayoutService.Created c = service.create(body, contentType);
        return Response.created(URI.create(LayoutService.BASE_PATH + "/" + c.id()))
                .type(MediaType.APPLICATION_JSON).entity(c.json()).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLayout", summary = "Get a layout", description = "The layout document as created: metrics, dimensions, warnings.")
    @APIResponse(responseCode = "200", description = "The layout",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LayoutResponse.class),
                    examples = @ExampleObject(name = "layout", value = Examples.LAYOUT)))
    @APIResponse(responseCode = "404", description = "No such layout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", value = Examples.NOT_FOUND)))
    public Response get(@PathParam("id") String id) {
        String json = service.find(id).orElseThrow(() -> new LayoutNotFoundException(id));
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}/gds")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "getLayoutGds", summary = "GDSII of a layout",
            description = Examples.GDS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "GDSII Stream file",
            headers = {@Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Disposition", description = DISPOSITION, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED,
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such layout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Flat file over the configured site limit (rule"
            + " FLAT_OUTPUT_SITE_LIMIT), or a file over the output size limits (rule OUTPUT_SIZE_LIMIT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "flat-limit", value = Examples.FLAT_LIMIT)))
    public Response gds(@PathParam("id") String id,
                        @Parameter(description = "one flat cell instead of an AREF") @QueryParam("flat") boolean flat,
                        @Context Request request) {
        return file(id, Format.GDS, flat, request);
    }

    @GET
    @Path("{id}/dxf")
    @Produces("image/vnd.dxf")
    @Operation(operationId = "getLayoutDxf", summary = "DXF of a layout", description = "ASCII DXF R12 (AC1009), flat, coordinates in micrometres ($INSUNITS 13, which ezdxf reads; KLayout opens it at true size with its default 1 µm unit), one named layer per GDSII layer (docs/layout.md §5).")
    @APIResponse(responseCode = "200", description = "DXF file",
            headers = {@Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Disposition", description = DISPOSITION, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "image/vnd.dxf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED,
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such layout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Panel over the configured site limit for flat files (rule"
            + " FLAT_OUTPUT_SITE_LIMIT), or a file over the output size limits (rule OUTPUT_SIZE_LIMIT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "flat-limit", value = Examples.FLAT_LIMIT)))
    public Response dxf(@PathParam("id") String id, @Context Request request) {
        return file(id, Format.DXF, true, request);
    }

    @GET
    @Path("{id}/svg")
    @Produces("image/svg+xml")
    @Operation(operationId = "getLayoutSvg", summary = "SVG preview of a layout",
            description = "Panel with layer colours, legend, scale bar, site labels where they fit and a zoomed inset of one site.")
    @APIResponse(responseCode = "200", description = "SVG image",
            headers = {@Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Disposition", description = DISPOSITION, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED,
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such layout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A file over the output size limits (rule OUTPUT_SIZE_LIMIT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response svg(@PathParam("id") String id, @Context Request request) {
        return file(id, Format.SVG, false, request);
    }

    private Response file(String id, Format format, boolean flat, Request request) {
        LayoutFile file = service.file(id, format, flat).orElseThrow(() -> new LayoutNotFoundException(id));
        return FileResponse.of(file, request);
    }
}
