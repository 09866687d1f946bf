package io.shieldfab.gateway.portal;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** Portal failures become pages and redirects a person can act on, never problem JSON. */
public class PortalExceptionMappers {

    private final PortalAuth auth;

    public PortalExceptionMappers(PortalAuth auth) {
        this.auth = auth;
    }

    @ServerExceptionMapper
    public Response signInRequired(SignInRequired e, HttpHeaders headers) {
        String target = "/sign-in" + (e.expired() ? "?reason=expired" : "");
        if ("true".equals(headers.getHeaderString("HX-Request"))) {
            // htmx follows a plain redirect inside the fragment; HX-Redirect makes it load the whole page.
            return Response.ok().header("HX-Redirect", target).build();
        }
        Response.ResponseBuilder redirect = Response.seeOther(URI.create(target));
        return e.expired() ? redirect.header("Set-Cookie", auth.signOutCookie()).build() : redirect.build();
    }

    @ServerExceptionMapper
    public Response refused(PortalRefusal e, HttpHeaders headers) {
        var cookie = headers.getCookies().get(SessionTokens.COOKIE);
        PortalSession session = auth.current(cookie == null ? null : cookie.getValue()).orElse(null);
        Response.ResponseBuilder page = Response.status(e.status()).type("text/html;charset=UTF-8")
                .entity(Templates.error(session, e.title(), e.getMessage(), e.status()));
        if (e.retryAfterSeconds() != null) {
            page.header("Retry-After", e.retryAfterSeconds());
        }
        return page.build();
    }
}
