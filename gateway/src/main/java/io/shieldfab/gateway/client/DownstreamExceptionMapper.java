package io.shieldfab.gateway.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns an error response of a downstream service into a typed exception carrying its problem JSON. */
public class DownstreamExceptionMapper implements ResponseExceptionMapper<DownstreamException> {

    /** Problem documents are small; anything longer is cut so it cannot flood the handoff record. */
    static final int MAX_PROBLEM_CHARS = 8000;

    @Override
    public DownstreamException toThrowable(Response response) {
        String body = "";
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException unreadable) {
            body = "";
        }
        if (body.length() > MAX_PROBLEM_CHARS) {
            body = body.substring(0, MAX_PROBLEM_CHARS);
        }
        int status = response.getStatus();
        return DownstreamException.retryable(status) ? new DownstreamException(status, body)
                : new DownstreamException.Permanent(status, body);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
