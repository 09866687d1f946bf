package io.shieldfab.shielding.rest;

import io.shieldfab.shielding.rest.dto.VerificationRequest;
import io.shieldfab.shielding.rest.dto.VerificationView;
import io.shieldfab.shielding.service.EvaluationService;
import io.shieldfab.shielding.service.VerificationService;
import io.shieldfab.support.idempotency.Idempotent;
import io.shieldfab.support.idempotency.IdempotentResponses;
import io.shieldfab.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Full-wave verification runs of an evaluation: start one, list them, read one (docs/shielding.md, "Verification runs"). */
@Idempotent
@Path(EvaluationService.BASE_PATH + "/{id}/verifications")
@Tag(name = "Shielding evaluations")
public class VerificationResource {

    @Inject
    VerificationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createShieldingVerification", summary = "Start a full-wave verification",
            description = "Queues an openEMS (FDTD) run of the evaluation's full-wave model (GET …/fullwave-model) and "
                    + "of its reference without the can; poll Location until SUCCEEDED (SE per checked frequency beside "
                    + "the analytic one, and as a curve) or FAILED (failureReason: over the cell budget, the time limit, "
                    + "a crashed solver, a diverging solution). The body is optional (the standard mesh). A repeated "
                    + "Idempotency-Key header with the same request returns the first answer.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerificationRequest.class)))
    @APIResponse(responseCode = "202", description = "Queued; Location names the run",
            headers = {
                    @Header(name = "Location", description = "the run, …/evaluations/{id}/verifications/{verificationId}",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = IdempotentResponses.REPLAYED, description = "true when this answer replays an"
                            + " earlier request with the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "400", description = "A mesh density out of its range, or an unknown pulse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No evaluation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("id") String id, VerificationRequest request) {
        VerificationRequest asked = request == null ? new VerificationRequest(null, null, null) : request;
        VerificationView view = service.create(id, MeshDensities.of(asked.cellsPerWavelength(), asked.cellsPerOpening()),
                asked.pulseOrDefault());
        return Response.accepted(view).location(URI.create(view.links().self())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listShieldingVerifications", summary = "An evaluation's verifications, newest first",
            description = "Every verification run of the evaluation, in any state, as GET …/verifications/{verificationId} "
                    + "shows it.")
    @APIResponse(responseCode = "200", description = "{\"items\": [Verification, …]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationList.class)))
    @APIResponse(responseCode = "404", description = "No evaluation with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerificationList list(@PathParam("id") String id) {
        return new VerificationList(service.list(id));
    }

    @GET
    @Path("/{verificationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getShieldingVerification", summary = "A verification run by id",
            description = "QUEUED, RUNNING, then SUCCEEDED with result (SE per checked frequency beside the analytic "
                    + "figure, the curve, both runs' facts, warnings) or FAILED with failureReason; verdictRestsOn says "
                    + "which figures the evaluation's verdict rests on.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "404", description = "No run with this id for this evaluation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerificationView get(@PathParam("id") String id, @PathParam("verificationId") String verificationId) {
        return service.find(id, verificationId).orElseThrow(NotFoundException::new);
    }

    /** An evaluation's verifications. */
    @Schema(name = "VerificationList")
    public record VerificationList(List<VerificationView> items) {
    }
}
