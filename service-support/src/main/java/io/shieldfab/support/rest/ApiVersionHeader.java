package io.shieldfab.support.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names the API version (the OpenAPI document's {@code info.version}) on every answer, so a caller learns which
 * version made an artefact from the answer that created it rather than by fetching the whole document: the gateway
 * records it in a handoff bundle's manifest (docs/api-guide.md §7 and §10).
 */
@Provider
public class ApiVersionHeader implements ContainerResponseFilter {

    /** The response header. */
    public static final String NAME = "ShieldFab-Api-Version";

    private final String version;

    public ApiVersionHeader(@ConfigProperty(name = "quarkus.smallrye-openapi.info-version", defaultValue = "unknown")
                            String version) {
        this.version = version;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(NAME, version);
    }
}
