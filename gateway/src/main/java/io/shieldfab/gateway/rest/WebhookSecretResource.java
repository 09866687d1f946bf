package io.shieldfab.gateway.rest;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.gateway.rest.dto.NewWebhookSecret;
import io.shieldfab.gateway.rest.dto.WebhookSecretList;
import io.shieldfab.gateway.rest.dto.WebhookSecretView;
import io.shieldfab.gateway.security.CurrentCaller;
import io.shieldfab.gateway.service.WebhookSecretService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhook-secrets")
@Tag(name = "Webhook secrets", description = "The secrets that sign this API key's webhooks: create, rotate, list, revoke")
@SecurityRequirement(name = "apiKey")
public class WebhookSecretResource {

    private final WebhookSecretService service;
    private final CurrentCaller caller;

    public WebhookSecretResource(WebhookSecretService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSecret", summary = "Create or rotate the webhook secret",
            description = "Makes a new secret (whsec_ and the base64 of 32 random bytes) that signs this API key's "
                    + "webhooks from now on. The answer is the only time the secret is shown. The key's earlier "
                    + "secrets keep signing beside it for `overlap`, so webhooks carry one signature per secret in "
                    + "webhook-signature while a receiver switches; then they are gone. No body.")
    @APIResponse(responseCode = "201", description = "Created; the body carries the secret, once",
            headers = @Header(name = "Location", description = "The secret's metadata",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = NewWebhookSecret.class)))
    @APIResponse(responseCode = "400", description = "overlap is not an ISO 8601 duration, negative or over the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key already has 5 secrets that sign; revoke one or rotate "
            + "with overlap=PT0S",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit of this API key exceeded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The gateway has no encryption key for webhook secrets",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createWebhookSecret(@Parameter(description = "How long the key's earlier secrets keep signing, "
                                                + "ISO 8601 (PT24H by default, at most P7D; PT0S ends them at once)",
                                                example = "PT24H")
                                        @QueryParam("overlap") String overlap,
                                        @Context UriInfo uri) {
        NewWebhookSecret created = service.create(caller.require().owner(), overlap);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/webhook-secrets").path(created.id()).build())
                .entity(created)
                // the body holds a secret: no cache may keep it
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listWebhookSecrets", summary = "List the webhook secrets",
            description = "This API key's secrets that sign, newest first: the ACTIVE one and those EXPIRING after a "
                    + "rotation. Never the secrets themselves.")
    @APIResponse(responseCode = "200", description = "The secrets",
            content = @Content(schema = @Schema(implementation = WebhookSecretList.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit of this API key exceeded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookSecretList listWebhookSecrets() {
        return service.list(caller.require().owner());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWebhookSecret", summary = "One webhook secret", description = "Its id, creation, state and expiry; never the secret.")
    @APIResponse(responseCode = "200", description = "The secret's metadata",
            content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such secret for this API key (or it has expired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookSecretView getWebhookSecret(@PathParam("id") String id) {
        return service.get(caller.require().owner(), id).orElseThrow(() -> WebhookSecretService.notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeWebhookSecret", summary = "Revoke a webhook secret",
            description = "Deletes it at once: no webhook is signed with it any more, overlap or not. Revoking the "
                    + "key's last secret holds its webhooks back (each attempt is recorded and retried) until it "
                    + "creates a new one.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such secret for this API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revokeWebhookSecret(@PathParam("id") String id) {
        if (!service.revoke(caller.require().owner(), id)) {
            throw WebhookSecretService.notFound(id);
        }
        return Response.noContent().build();
    }
}
