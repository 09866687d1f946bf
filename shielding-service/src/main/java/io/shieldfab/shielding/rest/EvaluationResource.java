package io.shieldfab.shielding.rest;

import io.shieldfab.shielding.rest.dto.EvaluationReport;
import io.shieldfab.shielding.rest.dto.EvaluationRequest;
import io.shieldfab.shielding.service.EvaluationService;
import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.idempotency.IdempotentResponses;
import io.shieldfab.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

import java.nio.charset.StandardCharsets;

/** Shielding evaluations of a design (and its layout): create, fetch, chart. */
@Idempotent
@Path(EvaluationService.BASE_PATH)
@Tag(name = "Shielding evaluations", description = "Per-harmonic aperture rules, SE, cavity resonances and verdict")
public class EvaluationResource {

    static final String SVG = "image/svg+xml";
    static final String ZIP = "application/zip";

    @Inject
    EvaluationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createShieldingEvaluation", summary = "Evaluate a design", description = "Checks the design with the geometry of its layout "
            + "(required: the JSON of POST /api/v1/layouts) at the fundamental and every harmonic: wavelength, aperture rules, solid-wall and "
            + "aperture SE, the weakest path, cavity resonances, findings with fixes and a verdict. A repeated "
            + "Idempotency-Key header with the same request returns the first answer (header Idempotent-Replayed: true); "
            + "with another request it is a 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class),
            examples = @ExampleObject(name = "Wi-Fi module with small slots", value = Examples.EVALUATION)))
    @APIResponse(responseCode = "201", description = "The report; Location names it",
            headers = {
                    @Header(name = "Location", description = "the new report, /api/v1/shielding/evaluations/{id}",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = IdempotentResponses.REPLAYED, description = "true when this answer replays an"
                            + " earlier request with the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid design or layout; violations name each field "
            + "(design.… or layout.…)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with a different request"
            + " (type /problems/idempotency-key-reused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull EvaluationRequest request, @Context UriInfo uri) {
        // the report's JSON as stored, so the body is the text stored and kept for a replay, written once
        EvaluationService.Created report = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(report.id()).build())
                .entity(report.json()).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getShieldingEvaluation", summary = "A report by id",
            description = "The report as created by POST /api/v1/shielding/evaluations; once a full-wave verification "
                    + "of it has SUCCEEDED, with fullwave: the newest one's SE beside the analytic figures.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationReport.class)))
    @APIResponse(responseCode = "404", description = "No report with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        // the stored text as it is (the JSON the POST answered), plus the newest verification's figures when one has
        // succeeded; with the charset a serialised report is sent with
        String json = service.findJsonWithFullwave(id).orElseThrow(NotFoundException::new);
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name())).build();
    }

    @GET
    @Path("/{id}/chart.svg")
    @Produces(SVG)
    @Operation(operationId = "getShieldingEvaluationChart", summary = "SE versus frequency chart", description = "Log frequency axis, enclosure/aperture/wall SE, "
            + "the target line, harmonics and cavity resonances marked.")
    @APIResponse(responseCode = "200", description = "SVG chart",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No report with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chart(@PathParam("id") String id) {
        String svg = service.chart(id).orElseThrow(NotFoundException::new);
        return Response.ok(svg, SVG).build();
    }

    @GET
    @Path("/{id}/fullwave-model")
    @Produces(ZIP)
    @Operation(operationId = "getShieldingEvaluationFullwaveModel", summary = "openEMS model of one site",
            description = "A zip with can.xml and reference.xml (openEMS FDTD inputs: one site's can over the ground "
                    + "plane with its openings, the fill, a dipole at the die and E-field probes outside; the same "
                    + "without the can) and a README on what is modelled, how to run both and how to read the "
                    + "shielding effectiveness from their probes. The same report always gives the same bytes.")
    @APIResponse(responseCode = "200", description = "The model",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No report with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "A mesh density out of its range, a mesh of more than 20 million cells, or an unknown pulse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response fullwaveModel(@PathParam("id") String id,
                                  @Parameter(description = "cells per wavelength at the highest checked frequency, in each "
                                          + "medium: 20 (the standard mesh) to 60; a finer mesh checks convergence")
                                  @QueryParam("cellsPerWavelength") @DefaultValue("20") int cellsPerWavelength,
                                  @Parameter(description = "cells across the smaller dimension of an opening: 2 to 8")
                                  @QueryParam("cellsPerOpening") @DefaultValue("2") int cellsPerOpening,
                                  @Parameter(description = "what drives the dipole: BROADBAND (every checked frequency) or "
                                          + "OPERATING_FREQUENCY (centred on the first harmonic)",
                                          schema = @Schema(type = SchemaType.STRING,
                                                  enumeration = {"BROADBAND", "OPERATING_FREQUENCY"}))
                                  @QueryParam("pulse") @DefaultValue("BROADBAND") String pulse) {
        byte[] zip = service.fullwaveModel(id, MeshDensities.of(cellsPerWavelength, cellsPerOpening), PulseKinds.of(pulse))
                .orElseThrow(NotFoundException::new);
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"fullwave-model-" + id + ".zip\"").build();
    }
}
