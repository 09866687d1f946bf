package io.shieldfab.gateway.security;

import io.shieldfab.support.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The JAX-RS side of authentication: a resource whose contract asks for the API key
 * ({@code @SecurityRequirement(name = "apiKey")}) runs only for a request {@link ApiKeyFilter} authenticated. The
 * filter already guards every spelling of {@code /api}; this second check makes a spelling it might ever miss a
 * 401 instead of a way in, since RESTEasy matches paths its own way (docs/architecture.md, "Authentication").
 */
public class ApiResourceGuard {

    @ServerRequestFilter(preMatching = false)
    public Optional<Response> requireCaller(SimpleResourceInfo resource, RoutingContext routing) {
        if (!needsKey(resource.getResourceClass()) || routing.get(CurrentCaller.CONTEXT_KEY) != null) {
            return Optional.empty();
        }
        return Optional.of(problem(Problem.of(401, "Unauthorized",
                "This API needs an API key in the " + ApiKeyFilter.HEADER + " header."), routing));
    }

    static boolean needsKey(Class<?> resourceClass) {
        return resourceClass != null && Arrays.stream(resourceClass.getAnnotationsByType(SecurityRequirement.class))
                .anyMatch(requirement -> "apiKey".equals(requirement.name()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(CurrentCaller.Unauthenticated e, RoutingContext routing) {
        return problem(Problem.of(401, "Unauthorized", e.getMessage()), routing);
    }

    @ServerExceptionMapper
    public Response forbidden(CurrentCaller.Forbidden e, RoutingContext routing) {
        return problem(Problem.of(403, "Forbidden", e.getMessage()), routing);
    }

    private static Response problem(Problem problem, RoutingContext routing) {
        String path = routing.request().path();
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(RequestPath.of(path).plain() ? problem.withInstance(path) : problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
        }
        return response.build();
    }
}
