package io.shieldfab.gateway.portal;

import io.shieldfab.gateway.HandoffBundle;
import io.shieldfab.gateway.client.ShieldingClient;
import io.shieldfab.gateway.rest.dto.HandoffView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The handoff list and the handoff page, every file of a handoff and its full-wave verifications, authorised by the
 * session cookie (the API key never travels in a URL). Downloads come from the stored bundle, so they are
 * the very bytes of {@code GET /api/v1/handoffs/{id}/bundle}.
 */
@Path("/handoffs")
@Produces(MediaType.TEXT_HTML)
public class HandoffPages {

    private static final Logger LOG = Logger.getLogger(HandoffPages.class);

    /** Handoff ids are UUIDs; anything else is not looked up at all. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final PortalAuth auth;
    private final HandoffDetails details;
    private final ShieldingClient shielding;
    private final FullWaveVerifications verifications;

    public HandoffPages(PortalAuth auth, HandoffDetails details, ShieldingClient shielding,
                        FullWaveVerifications verifications) {
        this.auth = auth;
        this.details = details;
        this.shielding = shielding;
        this.verifications = verifications;
    }

    @GET
    public Response list(@CookieParam(SessionTokens.COOKIE) String cookie, @QueryParam("cursor") String cursor) {
        PortalSession session = auth.require(cookie);
        return Response.ok(Templates.handoffs(session, details.list(session, cursor))).build();
    }

    @GET
    @Path("rows")
    public Response rows(@CookieParam(SessionTokens.COOKIE) String cookie, @QueryParam("cursor") String cursor) {
        PortalSession session = auth.require(cookie);
        return Response.ok(Templates.handoffs$rows(details.list(session, cursor))).build();
    }

    @GET
    @Path("{id}")
    public Response page(@CookieParam(SessionTokens.COOKIE) String cookie, @PathParam("id") String id) {
        PortalSession session = auth.require(cookie);
        HandoffView view = details.view(session, checked(id));
        return Response.ok(Templates.handoff(session, details.detail(session, view), verifications.section(view))).build();
    }

    @GET
    @Path("{id}/body")
    public Response body(@CookieParam(SessionTokens.COOKIE) String cookie, @PathParam("id") String id) {
        PortalSession session = auth.require(cookie);
        HandoffView view = details.view(session, checked(id));
        return Response.ok(Templates.handoff$body(session, details.detail(session, view), verifications.section(view))).build();
    }

    /**
     * The full-wave verification section alone: what it polls while a run is QUEUED or RUNNING. Once the run has
     * finished, htmx is told to load the whole page again, so the chart shows the new full-wave curve too.
     */
    @GET
    @Path("{id}/verifications")
    public Response verifications(@CookieParam(SessionTokens.COOKIE) String cookie, @PathParam("id") String id) {
        PortalSession session = auth.require(cookie);
        PortalViews.FullWave section = verifications.section(details.view(session, checked(id)));
        Response.ResponseBuilder answer = Response.ok(Templates.handoff$fullWave(session, section));
        return section.running() ? answer.build() : answer.header("HX-Refresh", "true").build();
    }

    /**
     * "Verify with openEMS" (the broadband pulse) or "Verify at the operating frequency" (the form's {@code pulse}):
     * queues a full-wave verification of the handoff's report, then back to its page.
     */
    @POST
    @Path("{id}/verifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@CookieParam(SessionTokens.COOKIE) String cookie, @FormParam("csrf") String csrf,
                           @FormParam("submission") String submission, @FormParam("pulse") String pulse,
                           @PathParam("id") String id, @Context HttpHeaders headers) {
        PortalSession session = auth.requireForm(cookie, csrf, headers);
        HandoffView view = details.view(session, checked(id));
        verifications.start(view, submission, pulse);
        return Response.seeOther(URI.create("/handoffs/" + view.id() + "#full-wave")).build();
    }

    /** One file of the bundle; {@code inline=true} shows it in the browser (sandboxed) instead of saving it. */
    @GET
    @Path("{id}/files/{name}")
    @Produces(MediaType.WILDCARD)
    public Response file(@CookieParam(SessionTokens.COOKIE) String cookie, @PathParam("id") String id,
                         @PathParam("name") String name, @QueryParam("inline") boolean inline) {
        PortalSession session = auth.require(cookie);
        String file = HandoffDetails.bundleFileName(name).orElseThrow(() ->
                new PortalRefusal(404, "No such file", "A bundle has no file of this name."));
        HandoffBundle bundle = details.bundle(session, checked(id));
        byte[] content = BundleFiles.unzip(bundle.content, Set.of(file)).file(file).orElseThrow(() ->
                new PortalRefusal(404, "No such file", "This bundle has no " + file + "."));
        String disposition = (inline ? "inline" : "attachment") + "; filename=\"" + file + "\"";
        return Response.ok(content, BundleFiles.mediaType(file))
                .header("Content-Disposition", disposition)
                .header("Content-Security-Policy", PortalHeaders.FILE_POLICY)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    @GET
    @Path("{id}/bundle")
    @Produces("application/zip")
    public Response bundle(@CookieParam(SessionTokens.COOKIE) String cookie, @PathParam("id") String id,
                           @Context Request request) {
        PortalSession session = auth.require(cookie);
        HandoffBundle bundle = details.bundle(session, checked(id));
        EntityTag etag = new EntityTag(bundle.sha256);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return Response.ok(bundle.content, "application/zip").tag(etag)
                .header("Content-Disposition", "attachment; filename=\"shieldfab-" + bundle.handoffId + ".zip\"")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    /** The shielding-effectiveness chart, from shielding-service (it is not part of the bundle). */
    @GET
    @Path("{id}/chart.svg")
    @Produces("image/svg+xml")
    public Response chart(@CookieParam(SessionTokens.COOKIE) String cookie, @PathParam("id") String id) {
        PortalSession session = auth.require(cookie);
        HandoffView view = details.view(session, checked(id));
        if (view.reportId() == null) {
            throw new PortalRefusal(404, "No chart yet", "The shielding report of this handoff has not been made yet.");
        }
        byte[] svg;
        try {
            svg = shielding.chartSvg(view.reportId());
        } catch (RuntimeException unavailable) {
            LOG.warnf("Chart of report %s unavailable: %s", view.reportId(), unavailable.toString());
            throw new PortalRefusal(503, "Chart unavailable", "The shielding service cannot draw the chart just now; "
                    + "the report itself is in the bundle. Try again in a minute.");
        }
        return Response.ok(svg, "image/svg+xml")
                .header("Content-Security-Policy", PortalHeaders.FILE_POLICY)
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw HandoffDetails.notFound();
        }
        return id;
    }
}
