package io.shieldfab.recipe.rest;

import io.shieldfab.recipe.format.RecipeDocument;
import io.shieldfab.recipe.service.RecipeService;
import io.shieldfab.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.shieldfab.recipe.rest.RecipeHttp.etag;
import static io.shieldfab.recipe.rest.RecipeHttp.notFound;

/** A stored recipe's documents: the traveler (HTML or PDF from one template) and the MES export (docs/recipe.md). */
@Path(RecipeService.BASE_PATH + "/{id}")
@Tag(name = "Recipes", description = "ISA-88 process recipes compiled from a design and its layout")
public class RecipeDocumentResource {

    static final String PDF = "application/pdf";

    @Inject
    RecipeService service;

    @GET
    @Path("/traveler")
    @Produces({MediaType.TEXT_HTML, PDF})
    @Operation(operationId = "getRecipeTraveler", summary = "The traveler",
            description = "HTML by default; PDF (same template) with Accept: application/pdf.")
    @APIResponse(responseCode = "200", description = "The traveler",
            headers = @Header(name = "ETag", description = Examples.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such recipe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Neither HTML nor PDF is acceptable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response traveler(@PathParam("id") String id, @Context HttpHeaders headers) {
        RecipeDocument doc = service.document(id).orElseThrow(() -> notFound(id));
        boolean pdf = wantsPdf(headers);
        Object body = pdf ? service.travelerPdf(doc) : service.travelerHtml(doc);
        return Response.ok(body, pdf ? PDF : MediaType.TEXT_HTML + ";charset=UTF-8")
                .tag(etag(doc.contentHash(), doc.status()))
                .header("Content-Disposition", (pdf ? "attachment" : "inline") + "; filename=\"traveler-"
                        + doc.procedure().designName() + "-v" + doc.version() + (pdf ? ".pdf" : ".html") + "\"")
                .build();
    }

    @GET
    @Path("/mes")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getRecipeMesExport", summary = "MES export", description = "ISA-88 master recipe XML (namespace urn:shieldfab:mes:recipe:1,"
            + " schema in docs/recipe.md).")
    @APIResponse(responseCode = "200", description = "The MES XML",
            headers = @Header(name = "ETag", description = Examples.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")))
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
}
