package io.shieldfab.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.InputStream;

/**
 * Typed REST clients of the three services, as the handoff needs them. Package-private: use the wrappers. Documents
 * and files the handoff bundles, the creating calls' answers among them ({@link CreatedDocument}), come as an
 * {@link InputStream}: Quarkus REST Client streams such a response (it
 * reads the body as the caller does, with back-pressure) instead of buffering it, so the worker can copy it to disk
 * under a size limit.
 */
final class ServiceApi {

    private ServiceApi() {
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String HANDOFF_ID = "X-Handoff-Id";
    /** Who submitted the handoff: recorded by the services (recipe's createdBy), as on a forwarded call. */
    static final String USER = "X-User";

    @RegisterRestClient(configKey = "layout-client")
    @RegisterProvider(DownstreamExceptionMapper.class)
    @Path("/")
    interface Layout {
        @POST
        @Path("api/v1/layouts")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        Response create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam(HANDOFF_ID) String handoffId,
                            @HeaderParam(USER) String user, JsonNode design);

        @GET
        @Path("api/v1/layouts/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        InputStream json(@PathParam("id") String id);

        @GET
        @Path("api/v1/layouts/{id}/{format}")
        @Produces(MediaType.WILDCARD)
        InputStream file(@PathParam("id") String id, @PathParam("format") String format);

        @GET
        @Path("q/openapi")
        @Produces(MediaType.APPLICATION_JSON)
        ApiDescription openApi(@QueryParam("format") String format);
    }

    @RegisterRestClient(configKey = "shielding-client")
    @RegisterProvider(DownstreamExceptionMapper.class)
    @Path("/")
    interface Shielding {
        @POST
        @Path("api/v1/shielding/evaluations")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        Response evaluate(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                  @HeaderParam(HANDOFF_ID) String handoffId, @HeaderParam(USER) String user,
                                  AnalysisRequest request);

        @GET
        @Path("api/v1/shielding/evaluations/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        InputStream json(@PathParam("id") String id);

        @GET
        @Path("api/v1/shielding/evaluations/{id}/chart.svg")
        @Produces("image/svg+xml")
        byte[] chart(@PathParam("id") String id);

        @POST
        @Path("api/v1/shielding/evaluations/{id}/verifications")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        Verification verify(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("id") String id,
                            VerificationRequest request);

        @GET
        @Path("api/v1/shielding/evaluations/{id}/verifications")
        @Produces(MediaType.APPLICATION_JSON)
        Verification.Runs verifications(@PathParam("id") String id);

        @GET
        @Path("api/v1/shielding/evaluations/{id}/verifications/{verificationId}")
        @Produces(MediaType.APPLICATION_JSON)
        InputStream verification(@PathParam("id") String id, @PathParam("verificationId") String verificationId);

        @GET
        @Path("api/v1/shielding/evaluations/{id}/fullwave-model")
        @Produces("application/zip")
        InputStream fullwaveModel(@PathParam("id") String id, @QueryParam("cellsPerWavelength") int cellsPerWavelength,
                                  @QueryParam("cellsPerOpening") int cellsPerOpening, @QueryParam("pulse") String pulse);

        @GET
        @Path("q/openapi")
        @Produces(MediaType.APPLICATION_JSON)
        ApiDescription openApi(@QueryParam("format") String format);
    }

    @RegisterRestClient(configKey = "recipe-client")
    @RegisterProvider(DownstreamExceptionMapper.class)
    @Path("/")
    interface Recipe {
        @POST
        @Path("api/v1/recipes")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        Response create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam(HANDOFF_ID) String handoffId,
                            @HeaderParam(USER) String user, AnalysisRequest request);

        @GET
        @Path("api/v1/recipes/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        InputStream json(@PathParam("id") String id);

        @GET
        @Path("api/v1/recipes/{id}/traveler")
        InputStream traveler(@PathParam("id") String id, @HeaderParam("Accept") String accept);

        @GET
        @Path("q/openapi")
        @Produces(MediaType.APPLICATION_JSON)
        ApiDescription openApi(@QueryParam("format") String format);
    }
}
