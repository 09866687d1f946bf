package io.shieldfab.recipe.rest;

import io.shieldfab.recipe.service.RecipeService;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** What the recipe resources map the same way: the caller's identity, ETags, Location and the 404. */
final class RecipeHttp {

    private RecipeHttp() {
    }

    /**
     * Who makes a change: the {@code X-User} header, else {@code api}. Only the gateway reaches this service (loopback,
     * or a NetworkPolicy in k8s/), and it sets X-User to the caller's authenticated identity; a name in a request body
     * is never an identity (docs/recipe.md §6).
     */
    static String identity(String header) {
        return header == null || header.isBlank() ? RecipeService.DEFAULT_USER : header.trim();
    }

    /** Content and status: a lifecycle step changes the representation without changing the procedure's hash. */
    static EntityTag etag(String contentHash, String status) {
        return new EntityTag(contentHash.substring(0, 16) + "-" + status);
    }

    static URI location(UriInfo uri, String id) {
        return uri.getBaseUriBuilder().path(RecipeService.BASE_PATH).path(id).build();
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("No recipe with id '" + id + "'.");
    }
}
