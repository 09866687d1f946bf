package io.shieldfab.layout.rest;

import io.shieldfab.layout.service.LayoutFile;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * A layout file as the answer to a GET: an attachment with its ETag, immutable, or 304 when If-None-Match names the
 * tag (docs/api-guide.md, layout files).
 */
final class FileResponse {

    private FileResponse() {
    }

    static Response of(LayoutFile file, Request request) {
        EntityTag tag = EntityTag.valueOf(file.etag());
        Response.ResponseBuilder unchanged = unchanged(request, tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(file.body(), file.mediaType()).tag(tag)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .build();
    }

    /**
     * {@code evaluatePreconditions} compares tags strongly, but If-None-Match compares weakly (RFC 9110 §13.1.2):
     * the {@code W/} form of the tag, which a compressing proxy hands on, is tried too and only its 304 taken.
     */
    private static Response.ResponseBuilder unchanged(Request request, EntityTag tag) {
        Response.ResponseBuilder strong = request.evaluatePreconditions(tag);
        if (strong != null) {
            return strong;
        }
        Response.ResponseBuilder weak = request.evaluatePreconditions(new EntityTag(tag.getValue(), true));
        return weak != null && weak.build().getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()
                ? Response.notModified(tag) : null;
    }
}
