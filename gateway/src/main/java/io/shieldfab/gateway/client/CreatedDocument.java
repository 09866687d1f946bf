package io.shieldfab.gateway.client;

import io.shieldfab.support.rest.ApiVersionHeader;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * A service's answer to a creating call, as the handoff keeps it: the created artefact's document, streamed (the
 * caller reads it under its own size limit and closes it; it is the same document a later GET returns, so it goes
 * into the bundle as it is), and the API version the service named in its answer ({@link ApiVersionHeader}), null
 * when it named none.
 */
public record CreatedDocument(InputStream body, String apiVersion) {

    static CreatedDocument of(Response answer) {
        return new CreatedDocument(answer.readEntity(InputStream.class), answer.getHeaderString(ApiVersionHeader.NAME));
    }
}
