package io.shieldfab.gateway.portal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * Security headers of the portal's pages. The Content-Security-Policy allows scripts and styles from
 * the gateway itself only (htmx and portal.js are served from the application, no CDN), inline
 * style attributes for the services' SVG drawings, and frames of our own traveler; pages are never
 * cached (they show one key's handoffs) and never framed by another site.
 */
public class PortalHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
            + "object-src 'none'";

    /** Files from the bundle are shown, never run: no script, no plug-in, no navigation from them. */
    static final String FILE_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'";

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return;
        }
        var headers = response.getHeaders();
        headers.putIfAbsent("Content-Security-Policy", List.of(PAGE_POLICY));
        headers.putIfAbsent("X-Content-Type-Options", List.of("nosniff"));
        headers.putIfAbsent("Referrer-Policy", List.of("same-origin"));
        headers.putIfAbsent("Cache-Control", List.of("no-store"));
        if (!headers.containsKey("X-Frame-Options") && PAGE_POLICY.equals(headers.getFirst("Content-Security-Policy"))) {
            headers.putSingle("X-Frame-Options", "DENY");
        }
    }
}
