package io.shieldfab.gateway.portal;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** "New handoff": upload a design file, or start from an example and edit its main parameters. */
@Path("/new")
@Produces(MediaType.TEXT_HTML)
public class NewDesignPages {

    private final PortalAuth auth;
    private final ExampleDesigns examples;
    private final DesignSubmissions submissions;

    public NewDesignPages(PortalAuth auth, ExampleDesigns examples, DesignSubmissions submissions) {
        this.auth = auth;
        this.examples = examples;
        this.submissions = submissions;
    }

    @GET
    public Response page(@CookieParam(SessionTokens.COOKIE) String cookie, @QueryParam("example") String example) {
        PortalSession session = auth.require(cookie);
        return Response.ok(page(session, examples.form(example), null, null, null)).build();
    }

    /** The example's inputs alone: what the picker's htmx request swaps in. */
    @GET
    @Path("example-fields")
    public Response exampleFields(@CookieParam(SessionTokens.COOKIE) String cookie, @QueryParam("example") String example) {
        PortalSession session = auth.require(cookie);
        return Response.ok(Templates.newDesign$exampleFields(session, examples.form(example), UUID.randomUUID().toString())).build();
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@CookieParam(SessionTokens.COOKIE) String cookie, @RestForm("csrf") String csrf,
                           @RestForm("submission") String submission, @RestForm("design") FileUpload design,
                           @Context HttpHeaders headers) {
        PortalSession session = auth.requireForm(cookie, csrf, headers);
        String fileName = design == null ? null : design.fileName();
        DesignSubmissions.Outcome outcome = submissions.upload(session, fileName, read(design), submission);
        if (outcome.handoffId().isPresent()) {
            return Response.seeOther(URI.create("/handoffs/" + outcome.handoffId().get())).build();
        }
        return Response.status(outcome.status())
                .entity(page(session, examples.form(null), outcome.outline(), outcome.message(), fileName)).build();
    }

    @POST
    @Path("example")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fromExample(@CookieParam(SessionTokens.COOKIE) String cookie, MultivaluedMap<String, String> form,
                                @Context HttpHeaders headers) {
        PortalSession session = auth.requireForm(cookie, form.getFirst("csrf"), headers);
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        ExampleDesigns.Edited edited = examples.edit(form.getFirst("example"), values);
        if (edited.designJson().isEmpty()) {
            return Response.status(400).entity(page(session, edited.form(), null, null, null)).build();
        }
        DesignSubmissions.Outcome outcome = submissions.design(session, edited.designJson().get(), form.getFirst("submission"));
        if (outcome.handoffId().isPresent()) {
            return Response.seeOther(URI.create("/handoffs/" + outcome.handoffId().get())).build();
        }
        return Response.status(outcome.status()).entity(page(session, edited.form(), outcome.outline(), outcome.message(), null)).build();
    }

    private TemplateInstance page(PortalSession session, ExampleDesigns.Form form, DocumentOutline outline,
                                                  String message, String fileName) {
        return Templates.newDesign(session, form, outline, message, fileName, UUID.randomUUID().toString(),
                Long.toString(submissions.maxDesignBytes() / 1024));
    }

    private static byte[] read(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("uploaded file vanished", e);
        }
    }
}
